"""A campaign as the report's §7 table: every cooperative with its area, partners, husk share of gross, net t/yr
and net kg/kg, ranked by net kg/kg; yield, area per partner and net as a share of gross beside them.

Farm surveys roll up into their cooperative and cooperatives into the campaign by summing results
(:func:`~cocoa_desktop.engine.footprint.rollup.roll_up`): the total row is a sum, and its shares and intensities follow
from the sums, never from averaging the rows. When the campaign holds the report's ten cooperatives, the report's own
figures are put beside each row and the report's own −1.1 % difference between its table and its regional total is
said in words (methodology §2), not hidden.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cocoa_desktop.engine.footprint import promperu_2020 as report
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint, Stage
from cocoa_desktop.engine.footprint.rollup import CampaignResult, roll_up
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.words import KG_PER_T, quantity, say


def _ratio(a: float, b: float) -> float:
    return a / b if b else math.nan


@dataclass(frozen=True, slots=True)
class CooperativeRow:
    """One cooperative (its farms summed), with the report's row when the report has one of that name."""

    rank: int  # 1 = lowest net kg CO2e per kg (the report's order)
    footprint: Footprint
    published: report.PublishedRow | None = None

    @property
    def name(self) -> str:
        return self.footprint.label

    @property
    def net_t(self) -> float:
        return self.footprint.net_kg / KG_PER_T

    @property
    def gross_t(self) -> float:
        return self.footprint.gross_kg / KG_PER_T

    @property
    def net_per_kg(self) -> float:
        return self.footprint.net_per_kg

    @property
    def husk_share(self) -> float:
        """The husk stage's share of the cooperative's gross emissions (the report's "waste management" %)."""
        return self.footprint.share(Stage.HUSK)

    @property
    def yield_kg_ha(self) -> float:
        return _ratio(self.footprint.production_kg, self.footprint.area_ha)

    @property
    def area_per_partner_ha(self) -> float:
        return _ratio(self.footprint.area_ha, self.footprint.producers)

    @property
    def net_of_gross(self) -> float:
        """Net as a share of gross: what sequestration leaves of the emissions (negative: a net sink)."""
        return _ratio(self.footprint.net_kg, self.footprint.gross_kg)

    @property
    def is_sink(self) -> bool:
        return self.footprint.net_kg < 0


@dataclass(frozen=True)
class CampaignTable:
    name: str
    rows: list[CooperativeRow]  # ranked
    total: Footprint  # the sum of the rows
    # the surveys' ids and annual values in the order given (CampaignResult's), when the roll-up kept them
    survey_ids: tuple[str, ...] = field(default=(), repr=False, compare=False)
    survey_values: tuple[tuple[float, ...], ...] = field(default=(), repr=False, compare=False)
    factors: Factors | None = field(default=None, repr=False, compare=False)

    def values_of(self, surveys: Sequence[Survey], f: Factors) -> list[tuple[float, ...]] | None:
        """The annual values of ``surveys`` under ``f`` if they are the surveys this table was made of, in the same
        order, with the same factors; else None."""
        if f is not self.factors or len(surveys) != len(self.survey_ids) or any(
                s.id != i for s, i in zip(surveys, self.survey_ids, strict=True)):
            return None
        return list(self.survey_values)

    @property
    def yield_kg_ha(self) -> float:
        return _ratio(self.total.production_kg, self.total.area_ha)

    def row(self, name: str) -> CooperativeRow:
        return next(r for r in self.rows if r.name == name)

    def net_shares(self) -> dict[str, float]:
        """Each emitting cooperative's share of the emitting cooperatives' net emissions (a pie cannot hold a
        negative slice: cooperatives that are net sinks are left out and listed by :meth:`sinks`)."""
        emitting = {r.name: r.footprint.net_kg for r in self.rows if r.footprint.net_kg > 0}
        total = math.fsum(emitting.values())
        return {name: value / total for name, value in emitting.items()} if total > 0 else {}

    def sinks(self) -> list[CooperativeRow]:
        return [r for r in self.rows if r.is_sink]

    def stage_shares(self) -> dict[str, dict[Stage, float]]:
        return {r.name: r.footprint.shares() for r in self.rows}

    @property
    def holds_the_report(self) -> bool:
        return report.covers_all_cooperatives({r.name for r in self.rows if r.published is not None})


def rank_key(fp: Footprint) -> tuple[int, float]:
    """The report's order of cooperatives: lowest net kg CO2e per kg first, those that produced nothing last."""
    value = fp.net_per_kg
    return (1, 0.0) if math.isnan(value) else (0, value)  # nothing produced: no intensity, ranked last


def table_of(result: CampaignResult, name: str, year: int | None = report.CAMPAIGN_YEAR) -> CampaignTable:
    """The ranked table; the report's rows are put beside only for the report's campaign year (a later campaign of
    the same cooperatives is not the report's)."""
    ranked = sorted(result.cooperatives.values(), key=rank_key)
    published = report.published_row if year == report.CAMPAIGN_YEAR else (lambda _: None)
    rows = [CooperativeRow(i, fp, published(fp.label)) for i, fp in enumerate(ranked, start=1)]
    return CampaignTable(name, rows, result.total, result.survey_ids, result.survey_values, result.factors)


def campaign_table(surveys: Iterable[Survey], f: Factors, name: str = "Total") -> CampaignTable:
    """The §7 table of any campaign: farms summed into their cooperative, cooperatives ranked by net kg/kg."""
    surveys = list(surveys)
    years = Counter(s.general.campaign_year for s in surveys).most_common(1)
    return table_of(roll_up(surveys, f, label=name, keep=True), name, years[0][0] if years else None)


def report_difference(table: CampaignTable, lang: str = "es") -> str | None:
    """The words for the report's own inconsistency, when the campaign holds its ten cooperatives: the §7 nets sum
    to 13,548.61 t, the §6 regional figure is 13,702.5 t (−1.1 %)."""
    if not table.holds_the_report:
        return None
    published_sum = report.published_cooperative_net_t()
    diff = published_sum / report.REGIONAL_NET_T - 1.0
    ours = table.total.net_kg / KG_PER_T
    implied_p = sum(r.production_kg for r in report.COOPERATIVES)
    p_diff = implied_p / report.REGIONAL_PRODUCTION_KG - 1.0

    return say(lang,
               f"Las diez cooperativas del informe (§7) suman {quantity(published_sum, 2, lang)} t CO2e/año netas, "
               f"pero su total regional (§6) es {quantity(report.REGIONAL_NET_T, 1, lang)} t: "
               f"{quantity(diff * 100, 1, lang)} %. La inconsistencia es del propio informe: su tabla y su total "
               f"regional no cuadran entre sí. Esta campaña es la suma de sus cooperativas: {quantity(ours, 2, lang)} "
               f"t. La producción que implica la tabla (neto ÷ kg/kg, {quantity(implied_p, 0, lang)} kg) difiere de la "
               f"regional, {quantity(report.REGIONAL_PRODUCTION_KG, 0, lang)} kg, en {quantity(p_diff * 100, 2, lang)} "
               "% (redondeo).",
               f"The report's ten cooperatives (§7) add up to {quantity(published_sum, 2, lang)} t CO2e/yr net, but "
               f"its regional total (§6) is {quantity(report.REGIONAL_NET_T, 1, lang)} t: "
               f"{quantity(diff * 100, 1, lang)} %. The inconsistency is the report's own — its table and its regional "
               "total do not agree with each other. This campaign is the sum of its cooperatives: "
               f"{quantity(ours, 2, lang)} t. The production implied by the table (net ÷ kg/kg, "
               f"{quantity(implied_p, 0, lang)} kg) differs from the regional "
               f"{quantity(report.REGIONAL_PRODUCTION_KG, 0, lang)} kg by {quantity(p_diff * 100, 2, lang)} % "
               "(rounding).")
