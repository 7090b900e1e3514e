"""Aggregation farm → cooperative → campaign, by summing results (never averaging shares).

A campaign of 100,000 farms is summed without building a result object per farm: each survey's annual values
(the same stage formulas as :func:`~cocoa_desktop.engine.footprint.compute.compute`) are added into its cooperative's
running totals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cocoa_desktop.engine.footprint.compute import annual_values, footprint_of
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGES, Footprint, sum_footprints
from cocoa_desktop.engine.model.survey import Survey

_VALUES = 9  # S1 … S6, sequestration, LUC one-off, LUC amortised


@dataclass(slots=True)
class CampaignResult:
    cooperatives: dict[str, Footprint]  # in the order first met
    total: Footprint
    # with ``keep``: each survey's id and annual values (S1 … S6, sequestration, LUC one-off, LUC amortised) in the
    # order given, for what needs them again (the husk factor's check in the recommendations) without recomputing
    survey_ids: tuple[str, ...] = ()
    survey_values: tuple[tuple[float, ...], ...] = ()
    factors: Factors | None = None  # the factors they were computed with


class _Totals:
    __slots__ = ("area", "count", "notes", "producers", "production", "values")

    def __init__(self) -> None:
        self.values = [0.0] * _VALUES
        self.production = self.area = 0.0
        self.producers = self.count = 0
        self.notes: set[str] = set()

    def footprint(self, label: str, f: Factors) -> Footprint:
        notes = self.notes | ({"gwp_not_published"} if f.gwp_differs_from_published else set())
        v = self.values
        return Footprint(label, self.production, self.area, self.producers, dict(zip(STAGES, v[:6], strict=True)),
                         v[6], v[7], v[8], frozenset(notes), self.count)


def roll_up(surveys: Iterable[Survey], f: Factors, label: str = "Total",
            each: Callable[[Survey, Footprint], None] | None = None, keep: bool = False) -> CampaignResult:
    """Compute every survey and sum farms into their cooperative, cooperatives into the campaign.

    ``each(survey, footprint)`` is called for every survey (e.g. to check it) without computing it twice; ``keep``:
    the result keeps every survey's values too."""
    totals: dict[str, _Totals] = {}
    ids: list[str] = []
    kept: list[tuple[float, ...]] = []
    for survey in surveys:
        general = survey.general
        coop = totals.get(general.organisation)
        if coop is None:
            coop = totals[general.organisation] = _Totals()
        if each is None:
            values = annual_values(survey, f, coop.notes)
        else:
            notes: set[str] = set()
            values = annual_values(survey, f, notes)
            coop.notes |= notes
            each(survey, footprint_of(survey, values, notes, f))
        acc = coop.values
        for i in range(_VALUES):
            acc[i] += values[i]
        if keep:
            ids.append(survey.id)
            kept.append(tuple(values))
        coop.production += general.production_kg
        coop.area += general.productive_area_ha
        coop.producers += general.producers
        coop.count += 1
    cooperatives = {name: t.footprint(name, f) for name, t in totals.items()}
    return CampaignResult(cooperatives, sum_footprints(cooperatives.values(), label), tuple(ids), tuple(kept),
                          f if keep else None)


def roll_up_footprints(items: Iterable[tuple[str, Footprint]], f: Factors, label: str = "Total") -> CampaignResult:
    """:func:`roll_up` of surveys already computed under ``f``: (cooperative, footprint) of each survey in file order,
    summed in the same order into the same figures (the main window's footprints, for the campaign view)."""
    totals: dict[str, _Totals] = {}
    for name, fp in items:
        coop = totals.get(name)
        if coop is None:
            coop = totals[name] = _Totals()
        stages, acc = fp.stages, coop.values
        for i, value in enumerate((*(stages[s] for s in STAGES), fp.sequestration_kg, fp.luc_one_off_kg,
                                   fp.luc_amortised_kg)):
            acc[i] += value
        coop.notes |= fp.notes
        coop.production += fp.production_kg
        coop.area += fp.area_ha
        coop.producers += fp.producers
        coop.count += 1
    cooperatives = {name: t.footprint(name, f) for name, t in totals.items()}
    return CampaignResult(cooperatives, sum_footprints(cooperatives.values(), label))
