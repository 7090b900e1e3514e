"""What the report sheets show, computed once by the engine: cooperatives (ordered by net kg/kg, as the report's
§7 table), the campaign total, recommendations, notes and warnings. The sheets write formulas; these are their
values."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cocoa_desktop.engine.decisions.recommendations import Plan, estimate_words, estimated_conversions, plan_for
from cocoa_desktop.engine.footprint.campaign import rank_key
from cocoa_desktop.engine.footprint.checks import survey_warnings
from cocoa_desktop.engine.footprint.compute import unit_label
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint, Stage
from cocoa_desktop.engine.footprint.rollup import roll_up_footprints
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.workbook import values

MAX_WARNINGS = 40  # plausibility warnings listed on the results sheet (the rest are counted)


@dataclass
class Cooperative:
    name: str
    footprint: Footprint
    plan: Plan  # the one recommendation model (as the app, the command line and the PDF)
    husk_share: float


@dataclass
class ReportData:
    surveys: Sequence[Survey]
    footprints: Sequence[Footprint]
    f: Factors
    lang: str
    meta: dict[str, Any]
    cooperatives: list[Cooperative] = field(init=False)
    total: Footprint = field(init=False)
    warnings: list[str] = field(init=False)
    warning_count: int = field(init=False)

    def __post_init__(self) -> None:
        members: dict[str, list[Survey]] = {}
        for s in self.surveys:
            members.setdefault(s.general.organisation, []).append(s)
        result = roll_up_footprints(((s.general.organisation, fp) for s, fp in zip(self.surveys, self.footprints,
                                                                                   strict=True)), self.f, "Total")
        sums, total = result.cooperatives, result.total
        campaign_yield = total.production_kg / total.area_ha if total.area_ha > 0 else 0.0  # the campaign view's
        # the sheet shows avoid, reduce and compensate; "restore" (densify), the one item the campaign's yield sizes,
        # changes no residual and its sizing re-validates every survey (seconds for 22,000 farms): not computed here
        coops = [Cooperative(name, fp, plan_for(name, members[name], fp, self.f, campaign_yield, densify_below=0.0),
                             fp.share(Stage.HUSK)) for name, fp in sums.items()]
        self.cooperatives = sorted(coops, key=lambda c: rank_key(c.footprint))
        self.total = total
        found = []
        for s, fp in zip(self.surveys, self.footprints, strict=True):
            found += [f"{unit_label(s)} — {w.message(self.lang)}" for w in survey_warnings(s, fp)]
        self.warning_count = len(found)
        self.warnings = found[:MAX_WARNINGS]

    @property
    def deforestation_estimate(self) -> str:
        """"" or what says that the area converted is an estimate (a survey marks its land-use change estimated)."""
        estimated, sources = estimated_conversions(self.surveys)
        return estimate_words(sources, self.lang) if estimated else ""

    @property
    def deforested_ha(self) -> float:
        return math.fsum(c.hectares for s in self.surveys for c in s.land_use_change.conversions)

    @property
    def husk_kg(self) -> float:
        return math.fsum(values.husk(s, fp, self.f)["husk_kg"] for s, fp in zip(self.surveys, self.footprints,
                                                                                 strict=True))

    @property
    def fermented_kg(self) -> float:
        return math.fsum(s.production_kg * s.fermentation.fermented_share for s in self.surveys)

    def bags(self) -> tuple[float, float]:
        """(kg of plastic bags, kg of all bags)."""
        plastic = total = 0.0
        for s in self.surveys:
            for b in s.packaging:
                found = values.bag(b, self.f)
                plastic += found["plastic_kg"]
                total += found["material_kg"]
        return plastic, total

    @property
    def vehicle_km(self) -> float:
        return math.fsum(values.leg(leg, self.f)["vehicle_km"] for s in self.surveys for leg in s.transport.legs)

