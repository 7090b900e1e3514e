"""How far each factor and each estimated survey value may lie from the value used (``resources/factors/
uncertainty.json``), for the Monte Carlo of :mod:`~cocoa_desktop.engine.uncertainty.monte_carlo`.

Every factor that matters gets a spread with a source or a stated default, in this order: an entry for its factor
set; an entry for every set; the factor's own range when it holds the value (a calibrated factor far outside its
literature range keeps the literature range as a warning, not as its spread); else the stated default for its
status (literature ±10 %, derived ±15 %, calibrated ±25 %, illustrative ±50 %). A factor whose value is 0 stays 0.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from cocoa_desktop.engine.files.resources import resource_dir
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.words import pick

SPREAD_FORMAT = "cocoa-desktop/factor-uncertainty"


@dataclass(frozen=True, slots=True)
class Spread:
    """A triangular distribution: between ``low`` and ``high``, most likely at the value used."""

    low: float
    high: float
    basis: str  # "source" (published, cited), "stated" (a judgement written down), "range" (the factor's own)
    source: str


@dataclass(frozen=True, slots=True)
class ModelTerm:
    """A factor whose model is itself uncertain: a share ``weight`` of the draws takes the ``alternative`` model's
    value (computed from the spreads of that model's own parameters) instead of the factor's own draws."""

    alternative: str
    weight: float
    basis: str
    source: str


@dataclass(frozen=True, slots=True)
class ActivitySpread:
    width: float  # relative (±, of the value) or absolute (± share, for husk shares)
    absolute: bool
    basis: str
    source: str


@cache
def table() -> dict[str, Any]:
    path = resource_dir() / "factors" / "uncertainty.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SurveyValidationError([Issue("uncertainty", "bad_uncertainty", f"no se pudo leer {path.name}: {exc}",
                                           f"could not read {path.name}: {exc}")]) from None
    if not isinstance(data, dict) or data.get("format") != SPREAD_FORMAT:
        raise SurveyValidationError([Issue("uncertainty", "bad_uncertainty", f"{path.name} no es una tabla de "
                                           "incertidumbre", f"{path.name} is not an uncertainty table")])
    return data


def _entry(value: float, raw: dict[str, Any]) -> Spread:
    if "relative" in raw:
        half = abs(value) * float(raw["relative"])
        return Spread(value - half, value + half, raw["basis"], raw["source"])
    return Spread(float(raw["low"]), float(raw["high"]), raw["basis"], raw["source"])


def factor_spread(f: Factors, factor_id: str) -> Spread | None:
    """The spread of one factor of the set, or None when it does not vary (fixed, or zero)."""
    data = table()
    factor = f.factor_set.factors[factor_id]
    value = f[factor_id]
    if factor_id in data["fixed"] or value == 0:
        return None
    raw = data["sets"].get(f.factor_set.id, {}).get(factor_id) or data["factors"].get(factor_id)
    if raw is not None:
        spread = _entry(value, raw)
    elif factor.range is not None and factor.range[0] <= value <= factor.range[1] and factor.range[0] < factor.range[1]:
        spread = Spread(factor.range[0], factor.range[1], "range", factor.source)
    else:
        spread = _entry(value, data["defaults"][factor.status.value])
    if not spread.low <= value <= spread.high:
        raise SurveyValidationError([Issue(f"uncertainty.{factor_id}", "bad_uncertainty",
                                           f"el intervalo de {factor_id} no contiene su valor {value}",
                                           f"the spread of {factor_id} does not hold its value {value}")])
    return spread if spread.low < spread.high else None


def factor_spreads(f: Factors) -> dict[str, Spread]:
    """Every varying factor of the set, by id (sorted, so that draws do not depend on file order)."""
    found = {k: factor_spread(f, k) for k in sorted(f.factor_set.factors)}
    return {k: v for k, v in found.items() if v is not None}


def model_terms(f: Factors) -> dict[str, ModelTerm]:
    """The factors of this set whose model is uncertain, by id (``models`` in the table)."""
    found = {}
    for factor_id, raw in sorted(table().get("models", {}).get(f.factor_set.id, {}).items()):
        weight = float(raw["weight"])
        if factor_id not in f or not 0.0 <= weight <= 1.0:
            raise SurveyValidationError([Issue(f"uncertainty.models.{factor_id}", "bad_uncertainty",
                                               f"término de modelo inválido para {factor_id}",
                                               f"invalid model term for {factor_id}")])
        found[factor_id] = ModelTerm(str(raw["alternative"]), weight, raw["basis"], raw["source"])
    return found


def activity_spread(path: str) -> ActivitySpread:
    activity = table()["activity"]
    raw = activity.get("husk.shares" if path == "husk" else path) or activity["default"]
    absolute = "absolute" in raw
    return ActivitySpread(float(raw["absolute" if absolute else "relative"]), absolute, raw["basis"], raw["source"])


def label(key: str, lang: str = "es") -> str:
    """Words for a factor id or an estimated field path: the spread table's, else the factor's name in words (the
    key itself only when neither has words)."""
    pair = table()["labels"].get(key)
    if pair is not None:
        return pick(pair, lang)
    from cocoa_desktop.engine.factor_words import factor_label

    words = factor_label(key, lang)
    if words != key and words[1:2].islower():  # "Quema: fracción quemada" → in a list: "quema: fracción quemada"
        words = words[0].lower() + words[1:]
    return words
