"""A scenario from each survey's footprint already computed (the main window computes every survey's for its tree)
rather than from the surveys: a regional campaign's 10,000 survey models take seconds to read and ~160 MB to hold.

A campaign table is a sum of survey footprints (:func:`table_of_units`: the same sums, in the same order, as
:func:`~cocoa_desktop.engine.footprint.campaign.campaign_table` over the surveys). A survey the scenario leaves alone
keeps its footprint. A survey it changes needs the stages that read what changed computed again. When the changes touch
only the sections of :data:`LOCAL_STAGES` — stages that read nothing of a survey but their own section and its
production, and write no note — its footprint after is its footprint before with those stages computed again from
its changed sections (:func:`changed_footprint`): the other stages' inputs are the same, so are their figures and
notes. Any other change needs the whole survey (:func:`unit_of` of
:func:`~cocoa_desktop.engine.decisions.scenario_changes.apply`'s survey). ``tests/test_scenario_footprints.py`` compares
both ways with  :func:`~cocoa_desktop.engine.decisions.scenarios.run`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, cast

from cocoa_desktop.engine.decisions.scenario_changes import MAX_CHANGES, Change, apply_to_sections, section_of, touched
from cocoa_desktop.engine.footprint.campaign import CampaignTable, table_of
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint, Stage
from cocoa_desktop.engine.footprint.rollup import roll_up_footprints
from cocoa_desktop.engine.footprint.stages import husk, post_harvest
from cocoa_desktop.engine.model.survey import Survey

StageFormula = Callable[[Survey, float, Factors], float]  # (survey, production kg, factors) → kg CO2e per year
# stage → (the one section it reads besides the production, its formula); each writes no note
LOCAL_STAGES: dict[Stage, tuple[str, StageFormula]] = {
    Stage.HUSK: ("husk", husk.emissions),
    Stage.FERMENTATION: ("fermentation", post_harvest.fermentation),
}
_LOCAL = frozenset(section for section, _ in LOCAL_STAGES.values())


class Unit(NamedTuple):
    """One valid survey as a campaign table sums it."""

    cooperative: str
    year: int  # its campaign year (the table's is its surveys' most common)
    footprint: Footprint


def unit_of(survey: Survey, f: Factors) -> Unit:
    return Unit(survey.cooperative, survey.general.campaign_year, compute(survey, f))


def table_of_units(units: Iterable[Unit], f: Factors, name: str = "Total") -> CampaignTable:
    """:func:`~cocoa_desktop.engine.footprint.campaign.campaign_table` of the surveys these are (without their annual
    values): farms summed into their cooperative in the order given, cooperatives into the total, the same figures."""
    years: Counter[int] = Counter()

    def counted(unit: Unit) -> tuple[str, Footprint]:
        years[unit.year] += 1
        return unit.cooperative, unit.footprint

    result = roll_up_footprints(map(counted, units), f, name)
    common = years.most_common(1)
    return table_of(result, name, common[0][0] if common else None)


def local_sections(changes: Sequence[Change]) -> frozenset[str] | None:
    """The sections the changes touch when they all belong to :data:`LOCAL_STAGES`; else None (too many changes
    too: :func:`~cocoa_desktop.engine.decisions.scenario_changes.apply` refuses them)."""
    names = touched(changes) if len(changes) <= MAX_CHANGES else None
    return names if names and names <= _LOCAL else None


class _Sections:
    """What a local stage reads of a survey: its own section (the production is given apart)."""

    __slots__ = tuple(sorted(_LOCAL))

    def __init__(self, sections: Mapping[str, Any]) -> None:
        for name, value in sections.items():
            setattr(self, name, value)


def changed_footprint(before: Footprint, stored: Mapping[str, Any], changes: Sequence[Change], f: Factors
                      ) -> Footprint:
    """A valid survey's footprint after ``changes`` (:func:`local_sections` not None), from its footprint before
    and the stored contents of the sections the changes touch; raises as
    :func:`~cocoa_desktop.engine.decisions.scenario_changes.apply_to_sections` does (the whole survey then says why)."""
    changed = apply_to_sections({name: section_of(name, content) for name, content in stored.items()}, changes)
    holder = cast(Survey, _Sections(changed))
    stages = dict(before.stages)
    for stage, (section, formula) in LOCAL_STAGES.items():
        if section in changed:
            stages[stage] = formula(holder, before.production_kg, f)
    b = before
    return Footprint(b.label, b.production_kg, b.area_ha, b.producers, stages, b.sequestration_kg, b.luc_one_off_kg,
                     b.luc_amortised_kg, b.notes, b.surveys)
