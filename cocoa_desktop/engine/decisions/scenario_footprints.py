"""A scenario from each survey's footprint already computed (the main window computes every survey's for its tree)
rather than from the surveys: a regional campaign's 10,000 survey models take seconds to read and ~160 MB to hold.

A campaign table is a sum of survey footprints (:func:`table_of_units`: the same sums, in the same order, as
:func:`~cocoa_desktop.engine.footprint.campaign.campaign_table` over the surveys). A survey the scenario leaves alone
keeps its footprint. A survey it changes needs computed again only the parts of its footprint that read what the
changes write (:mod:`~cocoa_desktop.engine.decisions.footprint_parts`: the husk stage reads the husk section and the
production, land-use change its section and the campaign year …): its footprint after is its footprint before with
those parts computed again from its changed sections (:func:`changed_unit`), which needs only the sections the changes
touch and those the parts read (:func:`needed_sections`); the other parts' inputs are the same, so are their figures
and notes (no part reads the survey's unit or notes: a change to them changes no figure). A change that names no field
of the survey needs the whole survey (:func:`unit_of` of
:func:`~cocoa_desktop.engine.decisions.scenario_changes.apply`'s survey, which says why it refuses it), and so do a
survey the changes cannot be applied to and too many changes. ``tests/test_scenario_footprints.py`` compares both ways
over random changes and surveys, to the last bit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any, NamedTuple, cast

from cocoa_desktop.engine.decisions.footprint_parts import PRODUCTION, Part, owner, parts_reading, section_of_input
from cocoa_desktop.engine.decisions.scenario_changes import MAX_CHANGES, Change, apply_to_sections, section_of, written
from cocoa_desktop.engine.footprint.campaign import CampaignTable, table_of
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint, Stage
from cocoa_desktop.engine.footprint.rollup import roll_up_footprints
from cocoa_desktop.engine.model.survey import Survey

# what a unit before says of its survey's general section (_Known): no need to read it when the changes leave it alone
FROM_UNIT = frozenset({PRODUCTION, "general.productive_area_ha", "general.campaign_year"})


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


@dataclass(frozen=True)
class Plan:
    """What a scenario's changes need of each survey they change."""

    touched: frozenset[str]  # the sections the changes read and write
    parts: tuple[Part, ...]  # the parts of the footprint to compute again
    sections: frozenset[str]  # the sections to read: those touched and those the parts read
    own_notes: bool  # whether the parts own notes (most stages add none)


@lru_cache(maxsize=64)  # once per scenario, not per survey
def plan_of(changes: tuple[Change, ...]) -> Plan | None:
    """None when a change names no field of the survey (or there are too many changes:
    :func:`~cocoa_desktop.engine.decisions.scenario_changes.apply` refuses them)."""
    names = written(changes) if len(changes) <= MAX_CHANGES else None
    if names is None:
        return None
    touched = frozenset(map(section_of_input, names))
    parts = parts_reading(names)
    inputs = {name for part in parts for name in part.reads}
    if "general" not in touched:
        inputs -= FROM_UNIT
    return Plan(touched, parts, touched | frozenset(map(section_of_input, inputs)),
                any(part.notes or part.prefixes for part in parts))


def needed_sections(changes: Sequence[Change]) -> frozenset[str] | None:
    """The sections :func:`changed_unit` needs of a survey; None: the changes need the whole survey."""
    plan = plan_of(tuple(changes))
    return None if plan is None else plan.sections


class _Known:
    """What a unit says of its survey's general section (the changes leave it alone)."""

    __slots__ = ("campaign_year", "production_kg", "productive_area_ha")

    def __init__(self, unit: Unit) -> None:
        fp = unit.footprint
        self.production_kg, self.productive_area_ha, self.campaign_year = fp.production_kg, fp.area_ha, unit.year


def changed_unit(before: Unit, stored: Mapping[str, Any], changes: Sequence[Change], f: Factors) -> Unit:
    """A valid survey after ``changes`` (:func:`needed_sections` not None), from its unit before and the stored contents
    of the sections :func:`needed_sections` names; raises as
    :func:`~cocoa_desktop.engine.decisions.scenario_changes.apply_to_sections` does (the whole survey then says why)."""
    plan = plan_of(tuple(changes))
    if plan is None:
        raise ValueError("these changes need the whole survey")
    sections = {name: section_of(name, stored[name]) for name in plan.sections}
    sections.update(apply_to_sections({name: sections[name] for name in plan.touched}, changes))
    fp = before.footprint
    if "general" not in sections:
        sections["general"] = _Known(before)
    general: Any = sections["general"]
    holder = cast(Survey, SimpleNamespace(**sections))  # a survey of those sections, as the parts read it
    added: set[str] = set()
    figures: dict[Stage | str, Any] = {}
    for part in plan.parts:
        figures.update(part.formula(holder, general.production_kg, f, added))
    notes = fp.notes
    if plan.own_notes:  # the notes of the parts computed again are those they add now
        notes = frozenset({note for note in notes if owner(note) not in plan.parts} | added)
    elif added:  # none (a part that adds a note owns it: tests/test_footprint_parts.py)
        notes = notes | added
    stages: dict[Any, float] = dict(fp.stages)
    if figures.keys() <= stages.keys():  # stages alone (the husk, a fertiliser …): the other figures as they were
        stages.update(figures)
        after = Footprint(fp.label, fp.production_kg, fp.area_ha, fp.producers, stages, fp.sequestration_kg,
                          fp.luc_one_off_kg, fp.luc_amortised_kg, notes, fp.surveys)
    else:
        get = figures.get
        after = Footprint(label=get("label", fp.label), production_kg=get("production_kg", fp.production_kg),
                          area_ha=get("area_ha", fp.area_ha), producers=get("producers", fp.producers),
                          stages={stage: get(stage, value) for stage, value in stages.items()},
                          sequestration_kg=get("sequestration_kg", fp.sequestration_kg),
                          luc_one_off_kg=get("luc_one_off_kg", fp.luc_one_off_kg),
                          luc_amortised_kg=get("luc_amortised_kg", fp.luc_amortised_kg), notes=notes,
                          surveys=fp.surveys)
    if "general" in plan.touched:
        return Unit(general.organisation, general.campaign_year, after)
    return Unit(before.cooperative, before.year, after)
