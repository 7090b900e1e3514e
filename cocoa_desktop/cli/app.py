"""The command line's parser and dispatch: ``cocoa-desktop`` without a sub-command opens the window; ``compute``,
``demo``, ``factors``, ``package``, ``export-xlsx``, ``import-xlsx`` and ``report`` are here, the other commands in
this package's modules (decisions, economics, xlsform, submissions).

Errors in the user's files end with a clear message and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cocoa_desktop import __version__
from cocoa_desktop.cli.input import campaign_data, survey_source_in, surveys_in, surveys_to_roll_up
from cocoa_desktop.engine.words import say

if TYPE_CHECKING:
    import argparse

# Engine, storage and GUI modules are imported where they are used: `cocoa-desktop` without arguments opens the
# window before anything else is loaded (tests/gui/test_app_start.py, tests/benchmarks/bench_startup.py). Only
# engine.words, which loads nothing but the standard library's math, is imported here.

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE
DEMO_EXAMPLES = ("san-martin-2020-region.json", "san-martin-2020-cooperatives.json")


def _parser() -> argparse.ArgumentParser:
    import argparse

    from cocoa_desktop.cli import decisions, economics, submissions, xlsform
    from cocoa_desktop.engine.footprint.factors import DEFAULT_FACTOR_SET, gwp_sets

    # storage.packages.SUFFIX, written out: importing that module loads the survey model (pydantic) before the
    # desktop window, which `cocoa-desktop` without arguments must not wait for (tests/gui/test_app_start.py checks)
    PACKAGE_SUFFIX = ".cacao.zip"

    parser = argparse.ArgumentParser(
        prog="cocoa-desktop",
        description="Huella de carbono del cacao (San Martín). Carbon footprint of cocoa.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")

    compute = sub.add_parser("compute", help="calcular la huella de una encuesta o campaña (archivo JSON)")
    compute.add_argument("file", help="archivo de encuesta o de campaña (.json)")
    compute.add_argument("--factor-set", default=DEFAULT_FACTOR_SET, help="conjunto de factores")
    compute.add_argument("--gwp", default=None, help=f"conjunto PCG/GWP ({', '.join(gwp_sets())})")
    compute.add_argument("--json", action="store_true", help="salida JSON en lugar de tabla")
    compute.add_argument("--lang", choices=("es", "en"), default="es", help="idioma de la tabla")
    decisions.add_uncertainty_arguments(compute)

    demo = sub.add_parser("demo", help="calcular los ejemplos incluidos (región San Martín 2020 y 10 cooperativas)")
    demo.add_argument("--factor-set", default=DEFAULT_FACTOR_SET, help="conjunto de factores")
    demo.add_argument("--gwp", default=None, help="conjunto PCG/GWP")
    demo.add_argument("--json", action="store_true", help="salida JSON en lugar de tabla")
    demo.add_argument("--lang", choices=("es", "en"), default="es")

    package = sub.add_parser("package", help="paquetes de encuestas entre computadoras (importar / exportar)")
    package_sub = package.add_subparsers(dest="package_command", required=True)
    imp = package_sub.add_parser("import", help="importar un paquete o un archivo JSON de encuesta/campaña")
    imp.add_argument("file")
    imp.add_argument("--lang", choices=("es", "en"), default="es")
    exp = package_sub.add_parser("export", help="exportar encuestas completas a un paquete")
    exp.add_argument("-o", "--output", required=True, help=f"archivo de salida (*{PACKAGE_SUFFIX})")
    exp.add_argument("--campaign", default=None, help="nombre de la campaña (todas si no se indica)")
    exp.add_argument("--lang", choices=("es", "en"), default="es")

    export_x = sub.add_parser("export-xlsx", help="exportar a un libro Excel con fórmulas (formato PROMPERÚ)")
    export_x.add_argument("file", help="encuesta, campaña (.json) o paquete (.cacao.zip)")
    export_x.add_argument("-o", "--output", required=True, help="libro de salida (.xlsx)")
    export_x.add_argument("--factor-set", default=DEFAULT_FACTOR_SET, help="conjunto de factores")
    export_x.add_argument("--gwp", default=None, help="conjunto PCG/GWP")
    export_x.add_argument("--lang", choices=("es", "en"), default="es")
    import_x = sub.add_parser("import-xlsx", help="leer un libro exportado (quizá editado) y guardarlo como JSON")
    import_x.add_argument("file", help="libro .xlsx exportado por la aplicación")
    import_x.add_argument("-o", "--output", required=True, help="archivo JSON de salida")
    import_x.add_argument("--lang", choices=("es", "en"), default="es")

    report = sub.add_parser("report", help="informe PDF para compradores (una encuesta, cooperativa o campaña)")
    report.add_argument("file", help="encuesta, campaña (.json) o paquete (.cacao.zip)")
    report.add_argument("-o", "--output", required=True, help="informe de salida (.pdf)")
    report.add_argument("--factor-set", default=DEFAULT_FACTOR_SET, help="conjunto de factores")
    report.add_argument("--gwp", default=None, help="conjunto PCG/GWP")
    report.add_argument("--lang", choices=("es", "en"), default="es")

    factors = sub.add_parser("factors", help="listar los factores de emisión con unidad, fuente y estado")
    factors.add_argument("--factor-set", default=DEFAULT_FACTOR_SET, help="conjunto de factores")
    factors.add_argument("--lang", choices=("es", "en"), default="es")
    economics.add_parsers(sub)
    decisions.add_parsers(sub)
    xlsform.add_parsers(sub)
    submissions.add_parsers(sub)
    return parser


def _compute(args: argparse.Namespace) -> int:
    from cocoa_desktop.cli import compute_parts, decisions
    from cocoa_desktop.engine.footprint.checks import value_warnings
    from cocoa_desktop.engine.footprint.compute import unit_label
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.engine.footprint.husk_model import husk_model_check, husk_model_document, husk_model_sentence
    from cocoa_desktop.engine.footprint.rollup import roll_up
    from cocoa_desktop.engine.report import results_document, text_table

    f = factors_for(args.factor_set, args.gwp)
    uncertainty = getattr(args, "uncertainty", False)
    read = None if uncertainty else campaign_data(Path(args.file))  # None: a package, or the Monte Carlo's surveys
    parts = None if read is None else compute_parts.computed(*read, f=f, lang=args.lang)
    data = None if read is None else read[0]
    simulated = None
    if parts is not None:  # a large campaign over several processes: the same figures, warnings and messages
        for line in parts.warnings:
            print(line, file=sys.stderr)
        campaign, husk, label, single = parts.campaign, parts.husk, parts.label, parts.count == 1
    else:
        # read-only surveys, only rolled up: the bulk reader's structs (the Monte Carlo keeps the model's instances)
        surveys, label = surveys_in(Path(args.file)) if uncertainty else surveys_to_roll_up(Path(args.file), data)
        word = say(args.lang, "AVISO", "WARNING")
        simulated = decisions.simulation(args, surveys, f) if uncertainty else None
        # each survey's annual values kept: its warnings and the husk-factor check without computing it again, and
        # without a footprint made for each of 100,000 farms
        campaign = roll_up(surveys, f, label=label, keep=True)
        for survey, values in zip(surveys, campaign.survey_values, strict=True):
            for warning in value_warnings(survey, values):
                print(f"{word} [{unit_label(survey)}] {warning.path}: {warning.message(args.lang)}", file=sys.stderr)
        single = len(surveys) == 1
        # the calibrated husk factor beside the IPCC value: decides the sign
        husk = husk_model_check(surveys, f, campaign.survey_values)
    single = single and len(campaign.cooperatives) == 1
    units = list(campaign.cooperatives.values())
    total = None if single else campaign.total
    if args.json:
        doc = results_document(f, units, total)
        doc["training_data"] = decisions.is_training(label)
        doc["husk_methane_model"] = None if husk is None else husk_model_document(husk, args.lang)
        if simulated is not None:
            decisions.add_uncertainty(doc, simulated, args.lang)
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        blocks = [decisions.training_line(label, args.lang) + text_table(u, f, args.lang) for u in units]
        if total is not None:
            blocks.append(text_table(total, f, args.lang))
        if husk is not None:
            blocks[-1] += "\n\n" + textwrap.fill(husk_model_sentence(husk, args.lang), 100)
        if simulated is not None:
            blocks.append(decisions.uncertainty_text(simulated, args.lang))
        print(("\n\n" + "=" * 80 + "\n\n").join(blocks))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.files.resources import example_path

    for name in DEMO_EXAMPLES:
        args.file = str(example_path(name))
        print(f"# {name}\n")
        _compute(args)
        print()
    return 0


def _export_xlsx(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.engine.model.survey import Campaign
    from cocoa_desktop.storage.packages import is_package
    from cocoa_desktop.workbook.export import export_workbook

    f = factors_for(args.factor_set, args.gwp)
    path = Path(args.file)
    item = None if is_package(path) else survey_io.read(path)
    if item is None:
        surveys, label = surveys_in(path)
        item = Campaign(name=label, year=surveys[0].general.campaign_year, surveys=surveys)
    export_workbook(item, survey_io.checked_output(args.output), f, args.lang)
    print(args.output)
    return 0


def _import_xlsx(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.workbook.reader import import_workbook

    survey_io.checked_output(args.output)  # before the (long) reading
    item = import_workbook(args.file)
    survey_io.write(item, Path(args.output))
    count = len(survey_io.surveys_of(item))
    print(f"{count} {say(args.lang, 'encuestas', 'surveys')} → {args.output}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.footprint.factors import factors_for

    f = factors_for(args.factor_set, args.gwp)
    output = survey_io.checked_output(args.output)
    source, label = survey_source_in(Path(args.file))  # read survey by survey: one survey model at a time
    from cocoa_desktop.gui.report.pdf import ensure_gui_application, write_report

    ensure_gui_application()
    write_report(source, output, f, args.lang, title=label, title_if_several=True)
    print(args.output)
    return 0


def _package(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.storage.startup import open_storage
    from cocoa_desktop.storage.sync import export_package, import_campaigns, read_incoming

    if args.package_command == "export":
        survey_io.checked_output(args.output)
    with open_storage() as storage:
        for message in storage.report.messages(args.lang):
            print(message, file=sys.stderr)
        if args.package_command == "import":
            report = import_campaigns(storage.repo, read_incoming(Path(args.file)), args.file)
            print(report.summary(args.lang))
            for survey_id in report.conflicts:
                print(say(args.lang, "CONFLICTO: ", "CONFLICT: ") + survey_id)
        else:
            manifest, drafts = export_package(storage.repo, Path(args.output), args.campaign)
            done = say(args.lang, "encuestas exportadas a", "surveys exported to")
            print(f"{manifest['surveys']} {done} {args.output}")
            for survey_id in drafts:
                left = say(args.lang, "incompleta, no exportada", "incomplete, not exported")
                print(f"{survey_id}: {left}", file=sys.stderr)
    return 0


def _factors(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.footprint.factors import STATUS_ES, load_factor_set

    fs = load_factor_set(args.factor_set)
    print(f"{fs.name(args.lang)} — {say(args.lang, 'PCG por defecto', 'default GWP')} {fs.default_gwp}")
    print(say(args.lang, fs.description_es, fs.description_en))
    print("Gas: " + say(args.lang,
                        "la base de cada valor (CO2, CH4, N2O, CO2e o C de carbono; — un parámetro). Un factor en CH4 "
                        "o N2O se multiplica por su PCG.",
                        "the basis of each value (CO2, CH4, N2O, CO2e or C for carbon; — a parameter). A CH4 or N2O "
                        "factor is multiplied by its GWP."))
    print()
    for factor in fs.factors.values():
        status = say(args.lang, STATUS_ES[factor.status], factor.status.value)
        flag = ""
        if factor.outside_range:
            flag = say(args.lang, "  ¡FUERA DEL RANGO ", "  OUTSIDE RANGE ") + f"{factor.range}!"
        gas = factor.gas or "—"
        print(f"{factor.id:<34}{factor.value:>14.7g}  {factor.unit:<36}{gas:<6}[{status}]{flag}")
        print(f"{'':<34}{factor.source}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if not words:  # no sub-command: the desktop app, before the parser and the engine are loaded
        from cocoa_desktop.gui.app import main as run_app

        return run_app()
    from cocoa_desktop.cli.output import printable_output

    with printable_output():  # a name or a path from a user's file never reaches the terminal as an escape code
        return _run(words)


def _run(words: list[str]) -> int:
    args = _parser().parse_args(words)
    from cocoa_desktop.cli import decisions, economics, submissions, xlsform
    from cocoa_desktop.engine.model.issues import SurveyValidationError
    from cocoa_desktop.storage.database import StorageError

    lang = getattr(args, "lang", "es")
    try:
        command = {"compute": _compute, "demo": _demo, "factors": _factors, "package": _package,
                   "export-xlsx": _export_xlsx, "import-xlsx": _import_xlsx,
                   "report": _report, "xlsform": xlsform.xlsform,
                   "import-submissions": submissions.import_submissions,
                   "economics": economics.economics, "sample-size": economics.sample_size,
                   "recommend": decisions.recommend, "scenario": decisions.scenario}[args.command]
        return command(args)
    except SurveyValidationError as exc:
        print(exc.summary(lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except StorageError as exc:
        print(exc.message(lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early: not an error of ours
        sys.stderr.close()
        return 0
    except OSError as exc:  # an output folder that does not exist, a full USB stick, /dev/full …
        where = exc.filename or ""
        print(say(lang, f"No se pudo escribir o leer {where}: {exc.strerror or exc}",
                        f"Could not write or read {where}: {exc.strerror or exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(say(lang, "No hay memoria suficiente para este archivo: divídalo en partes más pequeñas.",
                        "Not enough memory for this file: split it into smaller parts."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug of ours: a short message, not a traceback (the fuzz tests catch it as 70)
        print(say(lang,
                  f"Error interno de la aplicación ({type(exc).__name__}: {exc}). Por favor, informe al equipo con el "
                  "archivo que lo produjo.",
                  f"Internal error of the application ({type(exc).__name__}: {exc}). Please report it with the file "
                  "that caused it."), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
