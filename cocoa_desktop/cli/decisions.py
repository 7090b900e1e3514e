"""``cocoa-desktop recommend`` (the §7 table of a campaign with each cooperative's recommendations),
``cocoa-desktop scenario`` (what-if changes, before and after) and the uncertainty of ``compute --uncertainty``.

Bad input ends in a SurveyValidationError, which ``cli.main`` prints in the user's language with exit code 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cocoa_desktop.cli.input import surveys_in
from cocoa_desktop.engine.footprint.factors import DEFAULT_FACTOR_SET, Factors, factors_for, gwp_sets
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.model.numbers import parse_number
from cocoa_desktop.engine.words import quantity, say

MAX_REGION_HA = 20_000_000  # hectares of cocoa in a region: the world grows about 12 million
MAX_DRAWS = 200_000  # 10 values × 8 bytes × draws per cooperative: 16 MB at this bound


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="campaña o encuesta (.json) o paquete (.cacao.zip)")
    parser.add_argument("--factor-set", default=DEFAULT_FACTOR_SET, help="conjunto de factores")
    parser.add_argument("--gwp", default=None, help=f"conjunto PCG/GWP ({', '.join(gwp_sets())})")
    parser.add_argument("--json", action="store_true", help="salida JSON en lugar de texto")
    parser.add_argument("--lang", choices=("es", "en"), default="es")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    rec = sub.add_parser("recommend", help="tabla de la campaña (informe §7) y recomendaciones por cooperativa")
    _common(rec)
    rec.add_argument("--region-ha", default="54159", help="hectáreas de cacao de la región para extrapolar "
                                                          "(San Martín: 54 159; 0 para no extrapolar)")
    sc = sub.add_parser("scenario", help="qué pasaría si…: cambios RUTA=VALOR, antes y después")
    _common(sc)
    sc.add_argument("--set", dest="changes", action="append", default=[], metavar="RUTA=VALOR", required=True,
                    help="un cambio, p. ej. husk.composted=80%% o packaging.jute_sack=1 (repetible)")
    sc.add_argument("--cooperative", default=None, help="aplicar solo a esta cooperativa")
    sc.add_argument("--name", default=None, help="nombre del escenario")


def add_uncertainty_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--uncertainty", action="store_true", help="intervalo del 90 %% por Monte Carlo")
    parser.add_argument("--draws", default="10000", help="simulaciones (10 000 por defecto)")
    parser.add_argument("--seed", default="1", help="semilla (el mismo resultado cada vez)")


def _bad(path: str, es: str, en: str) -> SurveyValidationError:
    return SurveyValidationError([Issue(path, "bad_option", es, en)])


def _whole(text: str, name: str, low: int, high: int) -> int:
    try:
        value = parse_number(text, whole=True)
    except ValueError:
        value = float("nan")
    if not (value == value and value.is_integer() and low <= value <= high):
        raise _bad(name, f"--{name}: «{text}» debe ser un número entero entre {low} y {high}",
                   f"--{name}: “{text}” must be a whole number between {low} and {high}")
    return int(value)


def is_training(label: str) -> bool:
    """Training data travels under a name that says so (the campaign's, or one of a package's campaigns)."""
    from cocoa_desktop.storage.training import TRAINING_PREFIX

    return label.startswith(TRAINING_PREFIX) or f" + {TRAINING_PREFIX}" in label


def training_line(label: str, lang: str) -> str:
    """The mark printed above each result of training data ("" for real data)."""
    if not is_training(label):
        return ""
    return say(lang, "DATOS DE FORMACIÓN (campaña de taller, se restablece cuando se quiera)\n",
                     "TRAINING DATA (workshop campaign, reset at will)\n")


def recommend(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.decisions.recommendations import plans
    from cocoa_desktop.engine.decisions.text import campaign_document, campaign_text
    from cocoa_desktop.engine.footprint.campaign import campaign_table
    from cocoa_desktop.engine.footprint.extrapolation import region_from_campaign

    f = factors_for(args.factor_set, args.gwp)
    region_ha = _number(args.region_ha, "region-ha")
    if region_ha > MAX_REGION_HA:
        raise _bad("region-ha", f"--region-ha: más de {quantity(MAX_REGION_HA, 0, 'es')} ha de cacao no tiene ninguna "
                   "región (el mundo entero cultiva unos 12 millones)", f"--region-ha: no region has more than "
                   f"{quantity(MAX_REGION_HA, 0, 'en')} ha of cocoa (the whole world grows about 12 million)")
    surveys, label = surveys_in(Path(args.file))
    table = campaign_table(surveys, f, label)
    found = plans(table, surveys, f)
    region = None
    if region_ha > 0 and len(table.rows) >= 2 and table.total.area_ha > 0:
        if region_ha < table.total.area_ha:
            raise _bad("region-ha", f"--region-ha: la región ({region_ha:g} ha) es menor que la campaña "
                       f"({table.total.area_ha:g} ha)", f"--region-ha: the region ({region_ha:g} ha) is smaller "
                       f"than the campaign ({table.total.area_ha:g} ha)")
        region = region_from_campaign([r.footprint for r in table.rows], region_ha)
    training = is_training(label)
    if args.json:
        _print_json(campaign_document(table, found, f, args.lang, region, training))
    else:
        print(campaign_text(table, found, f, args.lang, region, training))
    return 0


def scenario(args: argparse.Namespace) -> int:
    from cocoa_desktop.engine.decisions.scenarios import Scenario, parse_change, run
    from cocoa_desktop.engine.decisions.text import scenario_document, scenario_text

    f = factors_for(args.factor_set, args.gwp)
    changes = tuple(parse_change(text) for text in args.changes)
    surveys, label = surveys_in(Path(args.file))
    name = args.name or ", ".join(map(str, changes))
    result = run(surveys, Scenario(name, changes, args.cooperative), f, label)
    if args.json:
        _print_json(scenario_document(result, f, args.lang))
    else:
        print(scenario_text(result, f, args.lang, is_training(label)))
    return 0


def _number(text: str, name: str) -> float:
    try:
        value = parse_number(text)
    except ValueError:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise _bad(name, f"--{name}: «{shown}» no es un número", f"--{name}: “{shown}” is not a number") from None
    if value < 0:
        raise _bad(name, f"--{name}: no puede ser negativo", f"--{name}: cannot be negative")
    return value


def simulation(args: argparse.Namespace, surveys: list, f: Factors) -> Any:
    """The Monte Carlo of ``compute --uncertainty`` (options checked first: exit 2 on a bad one)."""
    from cocoa_desktop.engine.uncertainty.monte_carlo import simulate

    draws = _whole(args.draws, "draws", 100, MAX_DRAWS)
    seed = _whole(args.seed, "seed", 0, 2**63 - 1)
    return simulate(surveys, f, draws=draws, seed=seed)


def uncertainty_text(result: Any, lang: str) -> str:
    from cocoa_desktop.engine.decisions.text import uncertainty_text as text

    return text(result, lang)


def add_uncertainty(doc: dict[str, Any], result: Any, lang: str) -> None:
    """The intervals into a ``compute --json`` document, beside each unit and the total."""
    from cocoa_desktop.engine.decisions.text import uncertainty_document

    for unit in doc["units"]:
        found = result.units.get(unit["label"])
        unit["uncertainty"] = None if found is None else uncertainty_document(found, lang)
    if doc.get("total") is not None:
        doc["total"]["uncertainty"] = uncertainty_document(result.total, lang)
    doc["uncertainty"] = {"draws": result.draws, "seed": result.seed, "factors_varied": sorted(result.spreads),
                          "estimated_fields": list(result.estimated),
                          "model_terms": {k: {"alternative": t.alternative, "weight": t.weight, "source": t.source}
                                          for k, t in result.models.items()}}


def _print_json(doc: dict[str, Any]) -> None:
    print(json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False))
