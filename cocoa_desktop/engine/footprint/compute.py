"""Compute one survey's footprint, and explain it step by step (the same formulas, recorded)."""

from __future__ import annotations

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import KG_PER_KG, STAGES, Footprint, Step, Trace
from cocoa_desktop.engine.footprint.stages import fertilisation, husk, post_harvest, sequestration, transport
from cocoa_desktop.engine.model.survey import Survey


def unit_label(survey: Survey) -> str:
    general = survey.general
    return f"{general.organisation} — {general.farm_name}" if general.farm_name else general.organisation


def annual_values(survey: Survey, f: Factors, notes: set[str], trace: Trace | None = None) -> tuple[float, ...]:
    """(S1 … S6, sequestration, land-use change one-off, land-use change amortised) in kg; the notes of the
    calculation are added to ``notes``. The one path through the stage formulas, for one survey or a campaign."""
    p = survey.general.production_kg
    luc_one_off, luc_amortised = sequestration.land_use_change(survey, f, trace, notes)
    return (  # in the order of STAGES: S1 husk … S6 transport
        husk.emissions(survey, p, f, trace),
        fertilisation.emissions(survey, p, f, trace, notes),
        post_harvest.fermentation(survey, p, f, trace),
        post_harvest.drying(survey, p, f, trace, notes),
        post_harvest.packaging(survey, p, f, trace, notes),
        transport.emissions(survey, p, f, trace, notes),
        sequestration.sequestration(survey, p, f, trace, notes),
        luc_one_off,
        luc_amortised,
    )


def footprint_of(survey: Survey, values: tuple[float, ...], notes: set[str] | frozenset[str], f: Factors
                 ) -> Footprint:
    if f.gwp_differs_from_published:
        notes = {*notes, "gwp_not_published"}
    general = survey.general
    return Footprint(
        label=unit_label(survey),
        production_kg=general.production_kg,
        area_ha=general.productive_area_ha,
        producers=general.producers,
        stages=dict(zip(STAGES, values[:6], strict=True)),
        sequestration_kg=values[6],
        luc_one_off_kg=values[7],
        luc_amortised_kg=values[8],
        notes=frozenset(notes),
    )


def compute(survey: Survey, f: Factors, trace: Trace | None = None) -> Footprint:
    """The footprint of one survey under one factor set and GWP set."""
    notes: set[str] = set()
    return footprint_of(survey, annual_values(survey, f, notes, trace), notes, f)


def explain(survey: Survey, f: Factors) -> tuple[Footprint, list[Step]]:
    """The footprint and every step that produced it, ending with the totals and intensities."""
    trace = Trace()
    result = compute(survey, f, trace)
    p = result.production_kg
    trace.add("total", "gross", result.gross_kg, inputs={s.value: v for s, v in result.stages.items()})
    trace.add("total", "net", result.net_kg,
              inputs={"gross_kg": result.gross_kg, "sequestration_kg": result.sequestration_kg})
    trace.add("total", "net_intensity", result.net_per_kg, KG_PER_KG,
              inputs={"net_kg": result.net_kg, "production_kg": p})
    return result, trace.steps
