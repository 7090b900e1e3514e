"""``cocoa-desktop import-submissions FILE… [--campaign NAME] [--lang es|en]``: phone submissions (a KoboToolbox XLSX
export, an ODK Central CSV zip) stored as surveys in the data folder the app uses (``COCOA_DESKTOP_DATA_DIR`` or the
default, as ``package import``), in one transaction (issue 23, point 2).

Prints the summary and one line per refusal and conflict in the user's language; exit 0 when every submission is in
the database (stored, identical or in conflict), 2 when some were refused or a file cannot be read (then nothing is
stored: ``cli.main`` prints the file's message).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cocoa_desktop.engine.words import say

EXIT_REFUSED = 2


def add_parsers(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser("import-submissions",
                             help="importar envíos de teléfonos (XLSX de KoboToolbox, ZIP de CSV de ODK Central)")
    command.add_argument("files", nargs="+", metavar="FILE", help="exportación de KoboToolbox (.xlsx) o de ODK "
                                                                  "Central (.zip de CSV)")
    command.add_argument("--campaign", default=None,
                         help="campaña donde guardarlos (por defecto: «Campaña AÑO» del año de cada envío)")
    command.add_argument("--lang", choices=("es", "en"), default="es")


def import_submissions(args: argparse.Namespace) -> int:
    from cocoa_desktop.storage.startup import open_storage
    from cocoa_desktop.storage.submissions import import_submissions as store
    from cocoa_desktop.workbook.submissions import read_submissions

    files = [read_submissions(Path(name)) for name in args.files]  # every file read before anything is stored
    with open_storage() as storage:
        for message in storage.report.messages(args.lang):
            print(message, file=sys.stderr)
        report = store(storage.repo, files, args.campaign)
    print(report.summary(args.lang))
    for line in report.lines(args.lang):
        print(line, file=sys.stderr if line.startswith(say(args.lang, "RECHAZADO", "REFUSED")) else sys.stdout)
    return 0 if report.complete else EXIT_REFUSED
