"""What a footprint report states beside the numbers (ISO 14067:2018 clause 7, PAS 2050:2011 Annex B): the factors
the result used, with their gas and a citation in words; the surveys, who surveyed and how the data were obtained;
the factor set's version. Pure Python, no Qt.

Reconstructed data: the two shipped examples (``resources/examples/san-martin-2020-*.json``) hold activity data
rebuilt from the PROMPERÚ 2020 report, not surveyed. Nothing in the survey model marks that, so they are known by
their origin: a survey whose id and organisation are those of a survey in a shipped example is "reconstructed from
the PROMPERÚ 2020 report", as are the training campaign's copies of them (their ids prefixed ``formacion-``); a copy
given another id is no longer recognised, and counts by its own marks: estimated fields, or measured.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from cocoa_desktop.engine.files.resources import resource_dir
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import STATUS_ES, Factor, Factors, FactorStatus
from cocoa_desktop.engine.footprint.husk_model import HEAP_PARAMETERS
from cocoa_desktop.engine.footprint.results import STAGES, Trace
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.words import say

RECONSTRUCTED_EXAMPLES = ("san-martin-2020-region.json", "san-martin-2020-cooperatives.json")
TRAINING_ID_PREFIX = "formacion-"  # storage.training.ID_PREFIX: the training campaign's copies of the examples
_HUSK_FACTORS = {
    "composted": ("compost_ch4", "compost_n2o"),
    "burned": ("husk_dry_matter", "burn_combustion_factor", "burn_ch4", "burn_n2o"),
    "biodigester": ("biodigester_ch4",),
    "animal_feed": ("animal_feed",),
}
_STAGE_ORDER = {stage.value: i for i, stage in enumerate(STAGES)} | {"sequestration": 6, "land_use_change": 7}
_SCATTERED = ("husk_dry_matter", "husk_n_of_dm", "soil_ef1", "frac_leach", "soil_ef5")


# --- the factors used ------------------------------------------------------------------------------------------


def _husk_destination_factors(destination: str, f: Factors) -> tuple[str, ...]:
    if f.method("husk") == "promperu" and destination in ("heaped", "other", "left_on_soil"):
        return ("husk_left_on_soil_ch4",)
    if destination in ("heaped", "other"):
        return HEAP_PARAMETERS
    if destination == "left_on_soil":
        return _SCATTERED
    return _HUSK_FACTORS.get(destination, ())


def _step_factors(step_key: str, item: str, inputs: dict[str, float], factors: Iterable[str], f: Factors
                  ) -> list[str]:
    if step_key == "husk_destination":
        return list(_husk_destination_factors(item, f)) if inputs.get("share") else []
    found = []
    for key in factors:
        if key == "grid_electricity" and not inputs.get("kwh"):
            continue
        if key == "fuel_firewood":
            found += ["firewood_ch4", "firewood_n2o"]
        elif key in f.factor_set.factors:
            found.append(key)
    return found


class FactorsUsed:
    """:func:`factors_used` gathered survey by survey (``add`` each, then ``result``)."""

    def __init__(self, f: Factors) -> None:
        self.f = f
        self.seen: dict[str, int] = {}  # factor id → the first stage that used it (the stages' order, then R and L)

    def add(self, survey: Survey, trace: Trace | None = None) -> None:
        """``trace``: the survey already computed under ``f`` with it."""
        f, seen = self.f, self.seen
        if trace is None:
            trace = Trace()
            compute(survey, f, trace)
        if survey.production_kg > 0 and survey.husk.husk_kg_per_kg_cocoa is None:
            seen.setdefault("husk_ratio", 0)
        for step in trace.steps:
            rank = _STAGE_ORDER.get(step.stage, len(_STAGE_ORDER))
            for key in _step_factors(step.key, step.item, step.inputs, step.factors, f):
                seen[key] = min(seen.get(key, rank), rank)

    def result(self) -> list[Factor]:
        seen = self.seen
        ordered = sorted(seen, key=lambda k: seen[k])  # stable: within a stage, in the order first used
        return [self.f.factor_set.factors[k] for k in ordered if k in self.f.factor_set.factors]


def factors_used(surveys: Sequence[Survey], f: Factors) -> list[Factor]:
    """The factors and parameters the results read (in the order the stages first use them; husk destinations only
    where some husk goes, grid electricity only with kWh), sequestration and land-use change included."""
    used = FactorsUsed(f)
    for survey in surveys:
        used.add(survey)
    return used.result()


_CITATIONS = (
    r"IPCC 2006 Vol\. \d+(?: ch\. \d+)?(?: (?:Table |T)[\d.]+)?",
    r"GHG Protocol mobile combustion tool v[\d.]+",
    r"UK government GHG conversion factors",
    r"Lal \(2004\) Environment International 30:981",
    r"Goñas et al\. \d{4}",
    r"PAS 2050:2011(?: §[\d.]+)?",
    r"PROMPERÚ 2020",
    r"Norandino \(IIED insetting study\)",
)
_METHODOLOGY = re.compile(r"methodology §(\d+)")


def citation(factor: Factor, lang: str = "es") -> str:
    """Where the value comes from, in words: the publications its source names, after what kind of value it is
    (calibrated, derived, illustrative); never a factor id."""
    found: list[str] = []
    for pattern in _CITATIONS:
        for match in re.findall(pattern, factor.source):
            if match not in found:
                found.append(match)
    method = _METHODOLOGY.search(factor.source)
    if method and not found:
        found.append(say(lang, f"metodología de la aplicación, §{method.group(1)}",
                               f"the app's methodology, §{method.group(1)}"))
    cited = "; ".join(found)
    if factor.status is FactorStatus.CALIBRATED:
        return say(lang, "calibrado al informe PROMPERÚ 2020 (sin valor de literatura)",
                         "calibrated to the PROMPERÚ 2020 report (no literature value)")
    if factor.status is FactorStatus.ILLUSTRATIVE:
        head = say(lang, "ilustrativo, orden de magnitud sin fuente publicada",
                         "illustrative, an order of magnitude without a published source")
        return f"{head} ({cited})" if cited else head
    if factor.status is FactorStatus.DERIVED:
        head = say(lang, "derivado", "derived")
        return f"{head}: {cited}" if cited else head
    return cited or say(lang, STATUS_ES[factor.status], factor.status.value)


# --- the factor set's version ----------------------------------------------------------------------------------


def factor_set_digest(f: Factors) -> str:
    """Eight hexadecimal digits that change whenever a value, unit, gas, status or method of the set, or the GWP set,
    changes: the version of the numbers a report used."""
    fs = f.factor_set
    body = {"factors": {k: [v.value, v.unit, v.gas, v.status.value] for k, v in sorted(fs.factors.items())},
            "methods": fs.methods, "gwp": [f.gwp.id, f.gwp.ch4, f.gwp.n2o]}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()[:8]


# --- the surveys -----------------------------------------------------------------------------------------------


@cache
def _shipped_examples() -> frozenset[tuple[str, str]]:
    """(survey id, organisation) of every survey in the shipped examples reconstructed from the 2020 report."""
    found: set[tuple[str, str]] = set()
    for name in RECONSTRUCTED_EXAMPLES:
        try:
            data = json.loads((resource_dir() / "examples" / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        surveys = [data["survey"]] if "survey" in data else data.get("campaign", {}).get("surveys", [])
        found.update((s.get("id", ""), s.get("general", {}).get("organisation", "")) for s in surveys)
    return frozenset(found)


def is_reconstructed(survey: Survey) -> bool:
    """A survey of a shipped example, or of the training campaign made from it: its activity data are rebuilt from
    the PROMPERÚ 2020 report."""
    return (survey.id.removeprefix(TRAINING_ID_PREFIX), survey.general.organisation) in _shipped_examples()


@dataclass(frozen=True)
class SurveyFacts:
    count: int
    units: dict[str, int]  # survey unit (farm, cooperative, region) → surveys
    cooperatives: int
    years: tuple[int, ...]
    technicians: tuple[str, ...]  # as recorded, each once
    without_technician: int
    reconstructed: int  # surveys of the shipped examples
    estimated: int  # other surveys with fields marked estimated
    measured: int  # the rest: as answered in the survey
    estimated_fields: tuple[str, ...] = field(default=())  # every path marked, each once (all surveys)

    @property
    def all_reconstructed(self) -> bool:
        return self.count > 0 and self.reconstructed == self.count


class SurveyFactsSums:
    """:func:`survey_facts` gathered survey by survey (``add`` each, then ``result``)."""

    def __init__(self) -> None:
        self.count = self.reconstructed = self.estimated = self.without = 0
        self.units: dict[str, int] = {}
        self.technicians: dict[str, None] = {}
        self.fields: dict[str, None] = {}
        self.cooperatives: set[str] = set()
        self.years: set[int] = set()

    def add(self, survey: Survey) -> None:
        self.count += 1
        self.units[survey.unit.value] = self.units.get(survey.unit.value, 0) + 1
        name = survey.general.technician.strip()
        if name:
            self.technicians.setdefault(name)
        else:
            self.without += 1
        for path in survey.estimated_fields:
            self.fields.setdefault(path)
        if is_reconstructed(survey):
            self.reconstructed += 1
        elif survey.estimated_fields:
            self.estimated += 1
        self.cooperatives.add(survey.general.organisation)
        self.years.add(survey.general.campaign_year)

    def result(self) -> SurveyFacts:
        return SurveyFacts(
            count=self.count, units=self.units, cooperatives=len(self.cooperatives), years=tuple(sorted(self.years)),
            technicians=tuple(self.technicians), without_technician=self.without, reconstructed=self.reconstructed,
            estimated=self.estimated, measured=self.count - self.reconstructed - self.estimated,
            estimated_fields=tuple(self.fields))


def survey_facts(surveys: Sequence[Survey]) -> SurveyFacts:
    sums = SurveyFactsSums()
    for survey in surveys:
        sums.add(survey)
    return sums.result()
