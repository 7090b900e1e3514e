"""Compute one survey's footprint, and explain it step by step (the same formulas, recorded)."""

from __future__ import annotations

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import KG_PER_KG, STAGES, Footprint, Step, Trace
from cocoa_desktop.engine.stages import fertilisation, husk, post_harvest, sequestration, transport
from cocoa_desktop.engine.survey import Survey


def unit_label(survey: Survey) -> str:
    general = survey.general
    return f"{general.organisation} — {general.farm_name}" if general.farm_name else general.organisation


def compute(survey: Survey, f: Factors, trace: Trace | None = None) -> Footprint:
    """The footprint of one survey under one factor set and GWP set."""
    p = survey.general.production_kg
    notes: set[str] = set()
    values = (  # in the order of STAGES: S1 husk … S6 transport
        husk.emissions(survey, p, f, trace),
        fertilisation.emissions(survey, p, f, trace, notes),
        post_harvest.fermentation(survey, p, f, trace),
        post_harvest.drying(survey, p, f, trace, notes),
        post_harvest.packaging(survey, p, f, trace, notes),
        transport.emissions(survey, p, f, trace, notes),
    )
    stages = dict(zip(STAGES, values, strict=True))
    if f.gwp_differs_from_published:
        notes.add("gwp_not_published")
    seq = sequestration.sequestration(survey, p, f, trace, notes)
    luc_one_off, luc_amortised = sequestration.land_use_change(survey, f, trace, notes)
    return Footprint(
        label=unit_label(survey),
        production_kg=p,
        area_ha=survey.general.productive_area_ha,
        producers=survey.general.producers,
        stages=stages,
        sequestration_kg=seq,
        luc_one_off_kg=luc_one_off,
        luc_amortised_kg=luc_amortised,
        notes=frozenset(notes),
    )


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
