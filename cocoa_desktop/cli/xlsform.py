"""``cocoa-desktop xlsform -o encuesta.xlsx [--lang es|en]``: the survey as an XLSForm for phones (ODK Collect,
KoboToolbox), generated from the survey model (workbook/xlsform.py).

A bad output path ends in a SurveyValidationError, which ``cli.main`` prints in the user's language with exit code 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.words import say


def add_parsers(sub: argparse._SubParsersAction) -> None:
    form = sub.add_parser("xlsform", help="formulario XLSForm de la encuesta para teléfonos (ODK Collect, "
                                          "KoboToolbox)")
    form.add_argument("-o", "--output", required=True, help="formulario de salida (.xlsx)")
    form.add_argument("--lang", choices=("es", "en"), default="es",
                      help="primer idioma del formulario (el otro va como segundo idioma)")


def xlsform(args: argparse.Namespace) -> int:
    from cocoa_desktop.workbook.xlsform import asked, write_xlsform

    if Path(args.output).suffix.lower() != ".xlsx":  # ODK Central and KoboToolbox take the form by its suffix
        raise SurveyValidationError([Issue(
            "output", "output_suffix", "el formulario debe ser un archivo .xlsx (p. ej. encuesta.xlsx)",
            "the form must be an .xlsx file (e.g. survey.xlsx)")], source=args.output)
    path = write_xlsform(args.output, args.lang)
    count = len(asked())
    print(say(args.lang, f"{count} preguntas → {path}", f"{count} questions → {path}"))
    return 0
