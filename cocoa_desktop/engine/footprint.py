"""Compute one survey's footprint, and explain it step by step (the same formulas, recorded)."""

from __future__ import annotations

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import STAGES, Footprint, Step, Trace
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
        post_harvest.drying(survey, p, f, trace),
        post_harvest.packaging(survey, p, f, trace),
        transport.emissions(survey, p, f, trace),
    )
    stages = dict(zip(STAGES, values, strict=True))
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
    trace.add("total", "emisiones brutas", "S1 + S2 + S3 + S4 + S5 + S6", result.gross_kg,
              inputs={s.value: v for s, v in result.stages.items()})
    trace.add("total", "emisiones netas", "brutas − secuestro", result.net_kg,
              inputs={"brutas": result.gross_kg, "secuestro": result.sequestration_kg})
    trace.add("total", "intensidad neta", "netas ÷ P", result.net_per_kg, "kg CO2e/kg cacao",
              inputs={"netas": result.net_kg, "P": p})
    return result, trace.steps
