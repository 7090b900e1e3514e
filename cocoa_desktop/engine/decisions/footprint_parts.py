"""A survey's footprint as parts, each computed from a few of the survey's inputs: what a scenario must compute again
when a change writes some of them (:mod:`~cocoa_desktop.engine.decisions.scenario_footprints`).

An input is a section's name (``husk``, ``transport`` …) or, for the general section that most parts read a little of,
``general.<attribute>`` (``general.production_kg`` is the production each stage is given). Each part names the inputs
it reads, the figures of :class:`~cocoa_desktop.engine.footprint.results.Footprint` it gives, through the same stage
functions and in the same way as :func:`~cocoa_desktop.engine.footprint.compute.compute` (so to the last bit), and
the notes it owns: every note a part adds is one of its own and of no other part's, so a footprint's notes after a
change are its notes before less those of the parts computed again, plus what they add now. The note a factor set
adds (``gwp_not_published``) belongs to no part: it stays.

``tests/test_footprint_parts.py`` holds each claim to account: a part reads no other input (a survey that records
what is read of it, over varied surveys and every factor set), gives the figures of ``compute`` and adds only notes
of its own; the production is read of the fields :data:`PRODUCTION_FIELDS` alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.compute import unit_label
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import UNSOURCED_PREFIX, Stage
from cocoa_desktop.engine.footprint.stages import fertilisation, husk, post_harvest, sequestration, transport
from cocoa_desktop.engine.model.survey import Survey

PRODUCTION = "general.production_kg"
# the fields General.production_kg is computed from: a change to one of them changes the production
PRODUCTION_FIELDS = frozenset({"general.dry_cocoa_kg", "general.wet_cocoa_kg", "general.wet_to_dry_ratio"})
# A figure of the footprint: a stage, or the name of one of Footprint's other fields
Figure = Stage | str
Formula = Callable[[Survey, float, Factors, set[str]], dict[Figure, Any]]  # (survey, production kg, f, notes)


@dataclass(frozen=True, eq=False)  # a part is itself: compared by identity, quickly
class Part:
    name: str
    reads: frozenset[str]  # inputs: section names, general.<attribute>
    formula: Formula
    notes: frozenset[str] = frozenset()  # the notes it owns, by their whole text
    prefixes: tuple[str, ...] = ()  # … and by how they begin

    def owns(self, note: str) -> bool:
        return note in self.notes or note.startswith(self.prefixes)


def _luc(s: Survey, p: float, f: Factors, notes: set[str]) -> dict[Figure, Any]:
    one_off, amortised = sequestration.land_use_change(s, f, None, notes)
    return {"luc_one_off_kg": one_off, "luc_amortised_kg": amortised}


def _unit(s: Survey, p: float, f: Factors, notes: set[str]) -> dict[Figure, Any]:
    g = s.general
    return {"label": unit_label(s), "production_kg": p, "area_ha": g.productive_area_ha, "producers": g.producers}


def _unsourced(*keys: str) -> tuple[str, ...]:
    return tuple(UNSOURCED_PREFIX + key for key in keys)


PARTS: tuple[Part, ...] = (
    Part("husk", frozenset({"husk", PRODUCTION}), lambda s, p, f, n: {Stage.HUSK: husk.emissions(s, p, f)}),
    Part("fertilisation", frozenset({"fertilisation", "general.productive_area_ha"}),
         lambda s, p, f, n: {Stage.FERTILISATION: fertilisation.emissions(s, p, f, None, n)},
         frozenset({"fertilisation_products_ignored", "fertilisation_fallback", "fertilisation_no_data",
                    "bought_compost_no_burden"})),
    Part("fermentation", frozenset({"fermentation", PRODUCTION}),
         lambda s, p, f, n: {Stage.FERMENTATION: post_harvest.fermentation(s, p, f)}),
    Part("drying", frozenset({"drying"}), lambda s, p, f, n: {Stage.DRYING: post_harvest.drying(s, p, f, None, n)},
         frozenset({"drying_energy_without_dryer"}), _unsourced("grid_electricity")),
    Part("packaging", frozenset({"packaging"}),
         lambda s, p, f, n: {Stage.PACKAGING: post_harvest.packaging(s, p, f, None, n)}, prefixes=_unsourced("bag_")),
    Part("transport", frozenset({"transport"}),
         lambda s, p, f, n: {Stage.TRANSPORT: transport.emissions(s, p, f, None, n)},
         prefixes=_unsourced("vehicle_")),
    Part("sequestration", frozenset({"general.areas", PRODUCTION}),
         lambda s, p, f, n: {"sequestration_kg": sequestration.sequestration(s, p, f, None, n)},
         frozenset({"sequestration_areas_unused", "sequestration_no_areas"}), _unsourced("seq_")),
    Part("land_use_change", frozenset({"land_use_change", "general.campaign_year"}), _luc,
         prefixes=(land_use.NOTE_PREFIX, *_unsourced("luc_"))),
    Part("unit", frozenset({"general.organisation", "general.farm_name", PRODUCTION, "general.productive_area_ha",
                            "general.producers"}), _unit),
)


def section_of_input(name: str) -> str:
    return name.partition(".")[0]


def with_production(written: Iterable[str]) -> frozenset[str]:
    """The inputs written, the production among them when a field it is computed from is."""
    names = frozenset(written)
    return names | {PRODUCTION} if names & PRODUCTION_FIELDS else names


@lru_cache(maxsize=256)
def parts_reading(written: frozenset[str]) -> tuple[Part, ...]:
    """The parts that read an input written (``written``: sections and general.<field>, as
    :func:`~cocoa_desktop.engine.decisions.scenario_changes.written` gives them), in the order of :data:`PARTS`."""
    names = with_production(written)
    return tuple(part for part in PARTS if part.reads & names)


_OWNER: dict[str, Part | None] = {}  # a note's text → its part: a campaign's notes are a few dozen texts


def owner(note: str) -> Part | None:
    """The part that adds the note (None: a note of the factor set's)."""
    found = _OWNER.get(note, _OWNER)
    if found is _OWNER:
        if len(_OWNER) > 4096:
            _OWNER.clear()
        found = _OWNER[note] = next((part for part in PARTS if part.owns(note)), None)
    return found  # type: ignore[return-value]
