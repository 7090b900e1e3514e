"""``cocoa-desktop economics`` (a carbon-credit project) and ``cocoa-desktop sample-size`` (the survey sampling plan).

Bad input ends in a SurveyValidationError, which ``cli.main`` prints in the user's language with exit code 2.
Numbers are read the Peruvian way too (``0,90``), and a percentage may be written with its sign (``90%``).
"""

from __future__ import annotations

import argparse
import json
import secrets
from pathlib import Path
from typing import Any

from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.model.numbers import parse_number
from cocoa_desktop.engine.words import say


def add_parsers(sub: argparse._SubParsersAction) -> None:
    econ = sub.add_parser("economics", help="evaluar un proyecto de créditos de carbono (VAN, TIR, B/C, sensibilidad)")
    econ.add_argument("file", help="archivo de proyecto de carbono (.json), p. ej. "
                                   "resources/examples/aprocam-2024-carbon-project.json")
    econ.add_argument("--json", action="store_true", help="salida JSON en lugar de texto")
    econ.add_argument("--lang", choices=("es", "en"), default="es")
    econ.add_argument("--xlsx", default=None, metavar="OUT", help="escribir además el libro 'Evaluación económica'")

    size = sub.add_parser("sample-size", help="tamaño de muestra, reparto por estratos y productores a visitar")
    size.add_argument("--population", default=None, help="número de productores (N); si falta, la suma de estratos")
    size.add_argument("--confidence", required=True, help="confianza, p. ej. 0.90 o 90%%")
    size.add_argument("--error", required=True, help="margen de error, p. ej. 0.10 o 10%%")
    size.add_argument("--proportion", default="0.5", help="proporción esperada P (0.5 si no se sabe)")
    size.add_argument("--strata", nargs="*", default=[], metavar="NOMBRE=N", help="estratos, p. ej. Imaza=83")
    size.add_argument("--producers", default=None, metavar="CSV", help="lista de productores (nombre y distrito)")
    size.add_argument("--seed", default=None, help="semilla del sorteo (para repetirlo); al azar si falta")
    size.add_argument("--json", action="store_true", help="salida JSON en lugar de texto")
    size.add_argument("--lang", choices=("es", "en"), default="es")


def _bad(path: str, code: str, es: str, en: str) -> SurveyValidationError:
    return SurveyValidationError([Issue(path=path, code=code, message_es=es, message_en=en)])


def _cut(text: str) -> str:
    """A typed value as echoed in a message: 400 nines are not worth repeating."""
    return text if len(text) <= 40 else text[:40] + "…"


def _fraction(text: str, name: str) -> float:
    raw = text.strip()
    percent = raw.endswith("%")
    try:
        value = parse_number(raw.rstrip("%").strip())
    except ValueError:
        raise _bad(name, "not_a_number", f"«{_cut(text)}» no es un número", f"“{_cut(text)}” is not a number") from None
    return value / 100.0 if percent else value


def _whole(text: str, name: str) -> int:
    try:
        value = parse_number(text.strip(), whole=True)
    except ValueError:
        value = float("nan")
    if not value.is_integer():
        raise _bad(name, "not_a_whole_number", f"«{_cut(text)}» no es un número entero",
                   f"“{_cut(text)}” is not a whole number")
    return int(value)


def _strata(items: list[str]) -> dict[str, int]:
    strata: dict[str, int] = {}
    for item in items:
        name, sep, count = item.rpartition("=")
        if not sep or not name.strip():
            raise _bad("strata", "stratum_format", f"«{item}»: escriba NOMBRE=N, p. ej. Imaza=83",
                       f"“{item}”: write NAME=N, e.g. Imaza=83")
        if name.strip() in strata:
            raise _bad("strata", "stratum_twice", f"el estrato «{name.strip()}» aparece dos veces",
                       f"stratum “{name.strip()}” appears twice")
        strata[name.strip()] = _whole(count, f"strata.{name.strip()}")
    return strata


def economics(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.economics.project import read_project
    from cocoa_desktop.engine.economics.report import evaluate_project, evaluation_document
    from cocoa_desktop.engine.economics.text import evaluation_text

    if args.xlsx is not None:  # an empty --xlsx asks for a workbook too: refused, not ignored
        from cocoa_desktop.engine.files.survey_io import checked_output

        checked_output(args.xlsx)  # before the work, and never a rename over a device
    evaluation = evaluate_project(read_project(args.file))
    if args.xlsx is not None:
        from cocoa_desktop.workbook.economics_sheet import write_economics_workbook

        write_economics_workbook(evaluation, Path(args.xlsx), args.lang)
    if args.json:
        print(json.dumps(evaluation_document(evaluation, args.lang), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(evaluation_text(evaluation, args.lang))
    return 0


def sample_size(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.economics.text import plan_text
    from cocoa_desktop.engine.files.producers import draw, read_producers, strata_of
    from cocoa_desktop.engine.sampling import allocate, check_strata
    from cocoa_desktop.engine.sampling import sample_size as size_of

    strata = _strata(args.strata)
    producers = read_producers(args.producers) if args.producers else None
    if producers is not None:
        listed = strata_of(producers)
        if strata and strata != listed:
            raise _bad("strata", "strata_differ",
                       f"los estratos indicados no coinciden con la lista de productores ({_counts(listed)})",
                       f"the strata given differ from the producer list ({_counts(listed)})")
        strata = listed
    if strata and (issues := check_strata(strata)):  # a stratum of 0 or of 300 digits named as such, not as the sum
        raise SurveyValidationError(issues)
    total = sum(strata.values())
    population = _whole(args.population, "population") if args.population is not None else total
    if args.population is None and not strata:
        raise _bad("population", "population_missing", "indique --population N, o los estratos, o la lista",
                   "give --population N, or the strata, or the producer list")
    if strata and population != total:
        raise _bad("population", "population_differs",
                   f"la población ({population}) no es la suma de los estratos ({total})",
                   f"the population ({population}) is not the sum of the strata ({total})")
    size = size_of(population, _fraction(args.confidence, "confidence"), _fraction(args.error, "error"),
                   _fraction(args.proportion, "proportion"))
    allocation = allocate(size.n, strata) if strata else None
    seed = _whole(args.seed, "seed") if args.seed is not None else secrets.randbelow(1_000_000)
    chosen = draw(producers, allocation, seed) if producers is not None and allocation is not None else None
    if args.json:
        print(json.dumps(_plan_document(size, allocation, chosen, seed), ensure_ascii=False, indent=2))
    else:
        print(plan_text(size, allocation, chosen, args.lang))
        if chosen is not None:
            print(say(args.lang, "\nSemilla del sorteo: ", "\nDraw seed: ") + str(seed))
    return 0


def _counts(strata: dict[str, int]) -> str:
    return ", ".join(f"{name}={n}" for name, n in strata.items())


def _plan_document(size: Any, allocation: Any, chosen: Any, seed: int) -> dict[str, Any]:
    def person(p: Any) -> dict[str, Any]:
        return {"line": p.line, "code": p.code, "name": p.name, "stratum": p.stratum}

    return {
        "format": "cocoa-desktop/sampling-plan", "format_version": 1,
        "population": size.population, "confidence": size.confidence, "error": size.error,
        "proportion": size.proportion, "z": size.z, "n_exact": size.exact, "n": size.n,
        "allocation": None if allocation is None else {
            "n": allocation.n, "raised_to_strata": allocation.raised_to_strata,
            "strata": [{"name": s.name, "population": s.population, "exact": s.exact, "n": s.n}
                       for s in allocation.strata]},
        "seed": seed if chosen is not None else None,
        "visit": None if chosen is None else [person(p) for p in chosen.chosen],
        "reserves": None if chosen is None else [person(p) for p in chosen.reserves],
    }
