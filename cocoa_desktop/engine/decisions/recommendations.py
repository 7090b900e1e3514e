"""Recommendations per cooperative, in the order of the mitigation hierarchy: avoid, reduce, restore, compensate.

Each recommendation carries the numbers that triggered it and those that size it, so its words can cite them:

- avoid: no further forest conversion, when the cooperative has land-use change; jute instead of plastic bags,
  when plastic bags emit (t/yr saved = the packaging stage with jute instead);
- reduce: compost the husk left to rot (t/yr saved by :func:`composting_saving_kg`);
- restore: densify or renew plantations whose yield is well below the campaign's (the report names Allima and
  Apahui), sized by the scenario "this cooperative at the campaign's yield";
- compensate: what remains after avoiding and reducing, as hectares of plantation at the factor set's
  sequestration rate (with its range) or credits over a price range; the one-off land-use change separately.

A cooperative that is already a net sink gets "–" for compensation, as in the report's §7.

This is the one recommendation model: the app, the command line (``recommend``), the PDF report and the workbook's
"Cooperativas" sheet all use it, and its words are :mod:`recommendation_words`. The two savings that reduce the
residual are defined survey by survey so that the workbook can write them as formulas (the husk sheet's "saving if
composted", the packaging sheet's "saving with jute") and sum them per cooperative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from cocoa_desktop.engine.decisions.scenario_changes import ROTTING, apply, parse_change
from cocoa_desktop.engine.economics import carbon_market
from cocoa_desktop.engine.footprint import promperu_2020 as report
from cocoa_desktop.engine.footprint.campaign import CampaignTable
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.husk_model import (
    ROTTING as COMPOSTABLE,  # the husk composting moves: what rots untreated
)
from cocoa_desktop.engine.footprint.husk_model import HuskCheckSums, HuskModelCheck, with_factor
from cocoa_desktop.engine.footprint.results import Footprint, Stage
from cocoa_desktop.engine.footprint.stages.husk import destination_efs, husk_ratio
from cocoa_desktop.engine.footprint.stages.post_harvest import bag_emissions
from cocoa_desktop.engine.footprint.year_over_year import InputSums
from cocoa_desktop.engine.model.survey import BagType, HuskDestination, Survey
from cocoa_desktop.engine.words import KG_PER_T, say

DENSIFY_BELOW = 0.80  # a yield under 80 % of the campaign's is "well below" (a stated choice, see the guide)


class Tier(StrEnum):
    AVOID = "avoid"
    REDUCE = "reduce"
    RESTORE = "restore"
    COMPENSATE = "compensate"


HIERARCHY: tuple[Tier, ...] = tuple(Tier)
# notes of the footprint that change the plan: with no areas the crop's sequestration counts 0, so the whole net
# (gross) emissions are left to compensate
PLAN_NOTES = ("sequestration_no_areas",)


@dataclass(frozen=True)
class Recommendation:
    tier: Tier
    code: str  # deforestation, jute, compost, densify, residual, land_use_change
    numbers: dict[str, float]  # what triggered it and what sizes it
    saving_t: float = 0.0  # t CO2e per year avoided or reduced
    sources: tuple[str, ...] = ()  # where an estimated figure comes from (deforestation: the surveys' sources)


@dataclass(frozen=True)
class Plan:
    name: str
    footprint: Footprint
    items: list[Recommendation] = field(default_factory=list)  # in the order of the hierarchy
    published: report.PublishedRow | None = None
    husk_model: HuskModelCheck | None = None  # the net with the IPCC husk value beside the calibrated one

    @property
    def notes(self) -> list[str]:
        """The calculation notes that change what this plan asks (said with it, as ``compute`` says them)."""
        return [n for n in PLAN_NOTES if n in self.footprint.notes]

    @property
    def reductions_t(self) -> float:
        return sum(r.saving_t for r in self.items if r.tier in (Tier.AVOID, Tier.REDUCE))

    @property
    def net_t(self) -> float:
        return self.footprint.net_kg / KG_PER_T

    @property
    def residual_t(self) -> float:
        """Net emissions left after avoiding and reducing (negative: a net sink)."""
        return self.net_t - self.reductions_t

    @property
    def is_sink(self) -> bool:
        return self.footprint.net_kg <= 0

    def split(self) -> tuple[float, float] | None:
        """(share of the net removed by avoiding and reducing, share left to compensate); None for a net sink."""
        if self.is_sink:
            return None
        reduced = min(self.reductions_t, self.net_t) / self.net_t
        return reduced, 1.0 - reduced

    def item(self, code: str) -> Recommendation | None:
        return next((r for r in self.items if r.code == code), None)


def composting_saving_kg(survey: Survey, f: Factors) -> float:
    """kg CO2e per year saved if all husk left on the farm (soil, heaps, other) were composted instead: per kg of
    husk moved, the difference between the two factors, counted only where positive (under the IPCC set husk
    scattered thinly emits less than composting, so moving it would not help)."""
    efs = destination_efs(f)
    husk_kg = survey.general.production_kg * husk_ratio(survey, f)
    composted = efs[HuskDestination.COMPOSTED]
    return sum(husk_kg * survey.husk.shares.get(d, 0.0) * max(0.0, efs[d] - composted) for d in COMPOSTABLE)


def jute_saving_kg(survey: Survey, f: Factors) -> float:
    """kg CO2e per year saved if every bag that is not jute were a jute sack of the same weight, used once: per
    bag type, its emissions less its kg × the jute factor (jute sacks already used count nothing)."""
    jute = f["bag_jute_sack"]
    return sum(bag_emissions(b, f) - b.material_kg * jute for b in survey.packaging if b.type is not BagType.JUTE_SACK)


def estimated_conversions(surveys: Sequence[Survey]) -> tuple[bool, tuple[str, ...]]:
    """(whether a survey with land converted marks its land-use change as estimated, the sources it gives): the ten
    cooperatives' example shares the region's 1,774 ha out by area, an estimate that must be said as one wherever the
    area or its emissions are printed (recommendations, PDF, workbook)."""
    estimated = [s for s in surveys if s.land_use_change.conversions and any(
        p == "land_use_change" or p.startswith("land_use_change.") for p in s.estimated_fields)]
    sources = dict.fromkeys(c.source.strip() for s in estimated for c in s.land_use_change.conversions
                            if c.source.strip())
    return bool(estimated), tuple(sources)


def estimate_words(sources: Sequence[str], lang: str = "es") -> str:
    """"dato estimado, no medido: <sources>" (at most three sources named)."""
    source = "; ".join(sources[:3]) + ("; …" if len(sources) > 3 else "")
    head = say(lang, "dato estimado, no medido", "estimated, not measured")
    return f"{head}: {source}" if source else head


def _plastic_saving_kg(surveys: Sequence[Survey], f: Factors) -> tuple[float, float]:
    """(kg of non-jute bags per year, kg CO2e per year saved by jute instead), survey by survey."""
    plastic_kg = sum(b.material_kg for s in surveys for b in s.packaging if b.type is not BagType.JUTE_SACK)
    return plastic_kg, sum(jute_saving_kg(s, f) for s in surveys)


def _compensation(t: float, f: Factors, years: float = 1.0) -> dict[str, float]:
    """Hectares (with the rate's range) and money (over the price range) for t tonnes, absorbed over ``years``."""
    rate = f["reforestation_sequestration"]
    low, high = f.factor_set.factors["reforestation_sequestration"].range or (rate, rate)
    sized = {"t": t, "rate": rate, "rate_low": low, "rate_high": high, "years": years,
             "ha": t / (rate * years), "ha_low": t / (high * years), "ha_high": t / (low * years)}
    for price in carbon_market.PRICES:
        sized[f"usd_{price.usd_per_t:g}"] = t * price.usd_per_t
    return sized


class PlanSums:
    """What a plan needs from its surveys, gathered survey by survey (``add`` each, with its annual values when
    already computed): the same sums in the same order as :func:`plan_for` over a list."""

    def __init__(self, f: Factors) -> None:
        self.f = f
        self.inputs = InputSums()
        self.estimated = False
        self.sources: dict[str, None] = {}
        self.plastic_kg = self.jute_kg = self.compost_kg = self.compost_ipcc_kg = 0.0
        self.husk = HuskCheckSums(f)
        self.ipcc = with_factor(f, self.husk.ipcc) if self.husk.applies else None

    def add(self, s: Survey, computed: Sequence[float] | None = None) -> None:
        f = self.f
        self.inputs.add(s)
        if s.land_use_change.conversions and any(
                p == "land_use_change" or p.startswith("land_use_change.") for p in s.estimated_fields):
            self.estimated = True
            self.sources.update(dict.fromkeys(c.source.strip() for c in s.land_use_change.conversions
                                              if c.source.strip()))
        for b in s.packaging:
            if b.type is not BagType.JUTE_SACK:
                self.plastic_kg += b.material_kg
        self.jute_kg += jute_saving_kg(s, f)
        self.compost_kg += composting_saving_kg(s, f)
        self.husk.add(s, computed)
        if self.ipcc is not None:
            self.compost_ipcc_kg += composting_saving_kg(s, self.ipcc)


def needs_densify(fp: Footprint, campaign_yield: float, densify_below: float = DENSIFY_BELOW) -> bool:
    """The unit's yield is well below the campaign's: the plan sizes densifying (each survey computed again)."""
    own_yield = fp.production_kg / fp.area_ha if fp.area_ha > 0 else 0.0
    return fp.production_kg > 0 and campaign_yield > 0 and own_yield < densify_below * campaign_yield


class DensifySums:
    """The unit's production and net with every survey at the campaign's yield, survey by survey."""

    def __init__(self, f: Factors, campaign_yield: float) -> None:
        self.f, self.change = f, [parse_change(f"general.yield_kg_ha={campaign_yield:.9f}")]
        self.production = self.net = 0.0

    def add(self, s: Survey) -> None:
        after = compute(apply(s, self.change) if s.general.productive_area_ha > 0 else s, self.f)
        self.production += after.production_kg
        self.net += after.net_kg


def plan_for(name: str, surveys: Sequence[Survey], fp: Footprint, f: Factors, campaign_yield: float,
             densify_below: float = DENSIFY_BELOW, published: report.PublishedRow | None = None,
             computed: Sequence[Sequence[float]] | None = None) -> Plan:
    """The cooperative's recommendations; ``published``: the report's row to put beside them (the campaign table
    gives it only for the report's own campaign); ``computed``: the surveys' annual values when already computed
    (the husk factor's check then computes only the husk stage again)."""
    sums = PlanSums(f)
    for index, s in enumerate(surveys):
        sums.add(s, None if computed is None else computed[index])
    densified = None
    if needs_densify(fp, campaign_yield, densify_below):
        densified = DensifySums(f, campaign_yield)
        for s in surveys:
            densified.add(s)
    return plan_from(name, sums, fp, f, campaign_yield, published, densified)


def plan_from(name: str, sums: PlanSums, fp: Footprint, f: Factors, campaign_yield: float,
              published: report.PublishedRow | None = None, densified: DensifySums | None = None) -> Plan:
    """The plan from its surveys' sums; ``densified``: the sums at the campaign's yield when
    :func:`needs_densify`."""
    items: list[Recommendation] = []
    gross_t = fp.gross_kg / KG_PER_T
    luc_t = fp.luc_one_off_kg / KG_PER_T
    ins = sums.inputs.result()
    if luc_t > 0:
        items.append(Recommendation(Tier.AVOID, "deforestation", {
            "ha": ins["luc_ha"], "t": luc_t, "times_gross": luc_t / gross_t if gross_t > 0 else 0.0,
            "estimated": 1.0 if sums.estimated else 0.0}, sources=tuple(sums.sources)))
    plastic_kg, jute_kg = sums.plastic_kg, sums.jute_kg
    if jute_kg > 0:
        items.append(Recommendation(Tier.AVOID, "jute", {"plastic_kg": plastic_kg, "t": jute_kg / KG_PER_T,
                                                         "jute_ef": f["bag_jute_sack"]}, jute_kg / KG_PER_T))
    compost_kg = sums.compost_kg
    husk = sums.husk.result()
    if compost_kg > 0:
        husk_t = fp.stages[Stage.HUSK] / KG_PER_T
        numbers = {"rotting_share": sum(ins[f"husk.{d}"] for d in ROTTING), "t": compost_kg / KG_PER_T,
                   "husk_t": husk_t, "share_of_husk": compost_kg / KG_PER_T / husk_t if husk_t else 0.0}
        if husk is not None:  # the saving rests on the calibrated factor: what it would be with the IPCC value
            numbers.update(t_ipcc=sums.compost_ipcc_kg / KG_PER_T, ch4=husk.calibrated_ch4, ch4_ipcc=husk.ipcc_ch4)
        items.append(Recommendation(Tier.REDUCE, "compost", numbers, compost_kg / KG_PER_T))
    if densified is not None:
        own_yield = fp.production_kg / fp.area_ha if fp.area_ha > 0 else 0.0
        production = densified.production
        items.append(Recommendation(Tier.RESTORE, "densify", {
            "yield": own_yield, "campaign_yield": campaign_yield, "ratio": own_yield / campaign_yield,
            "extra_kg": production - fp.production_kg, "net_per_kg": fp.net_per_kg,
            "net_per_kg_after": densified.net / production}))
    residual_t = fp.net_kg / KG_PER_T - sum(r.saving_t for r in items)
    if residual_t > 0:
        sized = _compensation(residual_t, f)
        sized["sequestration_zero"] = 1.0 if "sequestration_no_areas" in fp.notes else 0.0
        items.append(Recommendation(Tier.COMPENSATE, "residual", sized))
    if luc_t > 0:
        sized = _compensation(luc_t, f, f["luc_amortisation_years"])
        sized["estimated"] = items[0].numbers["estimated"]  # the deforestation item: estimated or not
        items.append(Recommendation(Tier.COMPENSATE, "land_use_change", sized))
    return Plan(name, fp, items, published, husk)


def plans(table: CampaignTable, surveys: Sequence[Survey], f: Factors,
          densify_below: float = DENSIFY_BELOW) -> list[Plan]:
    """A plan for every cooperative of the campaign table, in the table's order."""
    by_coop: dict[str, list[Survey]] = {}
    values = table.values_of(surveys, f)  # the roll-up's, when these are the table's surveys: nothing computed twice
    values_by_coop: dict[str, list[Sequence[float]]] = {}
    for i, s in enumerate(surveys):
        by_coop.setdefault(s.cooperative, []).append(s)
        if values is not None:
            values_by_coop.setdefault(s.cooperative, []).append(values[i])
    return [plan_for(r.name, by_coop[r.name], r.footprint, f, table.yield_kg_ha, densify_below, r.published,
                     values_by_coop.get(r.name)) for r in table.rows]
