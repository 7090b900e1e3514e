"""Factor sets as data: each factor with value, unit, source, status and (where known) a plausible range.

Factor sets live in ``resources/factors/*.json``. A set may name a ``base`` set and override some of its
factors (PROMPERÚ 2020 = the sourced IPCC set + the factors calibrated to the report). The GWP set is chosen
independently of the factor set; :meth:`FactorSet.with_gwp` gives the values the engine reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from cocoa_desktop.engine.files.resources import resource_dir
from cocoa_desktop.engine.footprint.results import UNSOURCED_PREFIX
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.words import say

FACTOR_SET_FORMAT = "cocoa-desktop/factor-set"
DEFAULT_FACTOR_SET = "promperu-2020"


class FactorStatus(StrEnum):
    LITERATURE = "literature"  # a published value, cited
    DERIVED = "derived"  # computed from published values (the source says how)
    CALIBRATED = "calibrated"  # fitted so that the 2020 report is reproduced; no literature value matches
    ILLUSTRATIVE = "illustrative"  # an order of magnitude awaiting a sourced or measured value


STATUS_ES = {
    FactorStatus.LITERATURE: "literatura",
    FactorStatus.DERIVED: "derivado",
    FactorStatus.CALIBRATED: "calibrado",
    FactorStatus.ILLUSTRATIVE: "ilustrativo",
}


GASES = ("CO2", "CH4", "N2O", "CO2e", "C")  # the gas a factor's value is expressed in ("C": carbon)


@dataclass(frozen=True, slots=True)
class Factor:
    id: str
    value: float
    unit: str
    source: str
    status: FactorStatus
    range: tuple[float, float] | None = None
    gas: str | None = None  # None: a parameter (a fraction, a ratio, a density), not an emission factor

    @property
    def outside_range(self) -> bool:
        """True when the value lies outside its plausible range (e.g. a calibrated factor far from literature)."""
        if self.range is None:
            return False
        low, high = self.range
        return not (low - 1e-12 <= self.value <= high + 1e-12)


@dataclass(frozen=True, slots=True)
class GwpSet:
    id: str
    ch4: float
    n2o: float
    source: str


@dataclass(frozen=True)
class FactorSet:
    id: str
    name_es: str
    name_en: str
    description_es: str
    description_en: str
    default_gwp: str
    methods: dict[str, Any]
    factors: dict[str, Factor]

    def name(self, lang: str = "es") -> str:
        return say(lang, self.name_es, self.name_en)

    def __getitem__(self, factor_id: str) -> float:
        return self.factors[factor_id].value

    def with_gwp(self, gwp: str | None = None) -> Factors:
        gwp_set = gwp_sets()[gwp or self.default_gwp]
        return Factors(self, gwp_set)


class Factors(dict[str, float]):
    """What the engine reads: a factor set's values plus the chosen GWP set.

    A dict of factor id → value (a C-level lookup on the hot path of a 100,000-farm roll-up), with the
    factor set, the GWP set and a cache of values derived from factors alone (e.g. the husk EFs).
    """

    def __init__(self, factor_set: FactorSet, gwp: GwpSet) -> None:
        super().__init__((k, f.value) for k, f in factor_set.factors.items())
        self.factor_set = factor_set
        self.gwp = gwp
        self.gwp_ch4 = gwp.ch4
        self.gwp_n2o = gwp.n2o
        # a set calibrated to a publication, used with another GWP set than the publication's
        self.gwp_differs_from_published = bool(factor_set.methods.get("published_gwp")) and (
            gwp.id != factor_set.methods["published_gwp"])
        self.illustrative = frozenset(
            k for k, factor in factor_set.factors.items() if factor.status is FactorStatus.ILLUSTRATIVE)
        self.cache: dict[str, Any] = {}

    def note_if_unsourced(self, key: str, notes: set[str] | None) -> None:
        """Results that used an illustrative (unsourced) factor say so: note ``unsourced:<factor id>``."""
        if notes is not None and key in self.illustrative:
            notes.add(UNSOURCED_PREFIX + key)

    def method(self, name: str) -> Any:
        return self.factor_set.methods[name]

    @property
    def label(self) -> str:
        return f"{self.factor_set.id} / GWP {self.gwp.id}"


def _bad(message_es: str, message_en: str, path: str = "factor_set") -> SurveyValidationError:
    return SurveyValidationError([Issue(path, "bad_factor_set", message_es, message_en)])


def _parse_factor(raw: dict[str, Any]) -> Factor:
    try:
        rng = raw.get("range")
        return Factor(
            id=str(raw["id"]),
            value=float(raw["value"]),
            unit=str(raw["unit"]),
            source=str(raw["source"]),
            status=FactorStatus(raw["status"]),
            range=(float(rng[0]), float(rng[1])) if rng else None,
            gas=_gas(raw.get("gas")),
        )
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise _bad(f"factor mal definido ({raw.get('id', '?')}): {exc}",
                   f"badly defined factor ({raw.get('id', '?')}): {exc}") from None


def _gas(value: Any) -> str | None:
    if value is None or value in GASES:
        return value
    raise ValueError(f"gas {value!r} is not one of {', '.join(GASES)}")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise _bad(f"no se pudo leer {path.name}: {exc}", f"could not read {path.name}: {exc}") from None
    if not isinstance(data, dict):
        raise _bad(f"{path.name} no es un conjunto de factores", f"{path.name} is not a factor set")
    return data


@cache
def gwp_sets() -> dict[str, GwpSet]:
    data = _read_json(resource_dir() / "factors" / "gwp.json")
    return {k: GwpSet(k, float(v["CH4"]), float(v["N2O"]), v["source"]) for k, v in data["sets"].items()}


def available_factor_sets() -> list[str]:
    return sorted(
        p.stem for p in (resource_dir() / "factors").glob("*.json")
        if _read_json(p).get("format") == FACTOR_SET_FORMAT
    )


@cache
def load_factor_set(set_id: str = DEFAULT_FACTOR_SET) -> FactorSet:
    path = resource_dir() / "factors" / f"{set_id}.json"
    if set_id not in available_factor_sets():
        known = ", ".join(available_factor_sets())
        raise _bad(f"conjunto de factores desconocido: «{set_id}» (disponibles: {known})",
                   f"unknown factor set: '{set_id}' (available: {known})")
    data = _read_json(path)
    factors: dict[str, Factor] = {}
    methods: dict[str, Any] = {}
    if data.get("base"):
        base = load_factor_set(data["base"])
        factors.update(base.factors)
        methods.update(base.methods)
    factors.update({f.id: f for f in map(_parse_factor, data.get("factors", []))})
    methods.update(data.get("methods", {}))
    if data.get("default_gwp") not in gwp_sets():
        raise _bad(f"{set_id}: conjunto PCG desconocido", f"{set_id}: unknown GWP set")
    return FactorSet(
        id=data["id"],
        name_es=data["name_es"],
        name_en=data["name_en"],
        description_es=data.get("description_es", ""),
        description_en=data.get("description_en", ""),
        default_gwp=data["default_gwp"],
        methods=methods,
        factors=factors,
    )


def factors_for(set_id: str = DEFAULT_FACTOR_SET, gwp: str | None = None) -> Factors:
    """The values the engine reads for a factor set and GWP set (the set's own GWP when none is named)."""
    if gwp is not None and gwp not in gwp_sets():
        known = ", ".join(gwp_sets())
        raise _bad(f"conjunto PCG desconocido: «{gwp}» (disponibles: {known})",
                   f"unknown GWP set: '{gwp}' (available: {known})", "gwp")
    return load_factor_set(set_id).with_gwp(gwp)
