""""¿Cómo se calculó?" for a transport leg by distance shows the km → mile step with its factor: the reader can redo
the arithmetic (it showed 2 160 km and 1,179 kg CO2e per vehicle-mile, and a result of 1 583)."""

from __future__ import annotations

import pytest

from cocoa_desktop.engine.footprint.compute import explain
from cocoa_desktop.engine.footprint.explanation import describe
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import KM_PER_MILE
from tests.helpers import farm


def _leg_step(**leg: object):
    f = factors_for("promperu-2020")
    _, steps = explain(farm(transport={"legs": [{"name": "acopio → Callao", "vehicle": "rigid_truck", **leg}]}), f)
    (step,) = [s for s in steps if s.stage == "transport"]
    return step, f


def test_the_km_to_mile_step_is_shown_with_its_factor():
    step, f = _leg_step(trips_per_year=120, distance=18)
    es, en = describe(step, f, "es"), describe(step, f, "en")
    assert es.inputs == ["viajes = 120 por año", "distancia de ida = 18 km", "recorrido = 2 160 km/año",
                         "kilómetros por milla = 1,609344 km/milla", "recorrido en millas = 1 342 millas/año"]
    assert "kilometres per mile = 1.609344 km/mile" in en.inputs
    assert "÷ 1,609344 km por milla" in es.formula and "÷ 1.609344 km per mile" in en.formula
    assert "vehículo-milla" in es.factors[0]
    # what is shown multiplies out to the result: miles × the factor per vehicle-mile
    (factor,) = step.factors.values()
    assert step.inputs["trips"] * step.inputs["distance_km"] == pytest.approx(step.inputs["vehicle_km"])
    assert step.inputs["vehicle_km"] / step.inputs["km_per_mile"] == pytest.approx(step.inputs["vehicle_miles"])
    assert step.inputs["vehicle_miles"] * factor == pytest.approx(step.value)


def test_a_leg_typed_in_miles_says_so():
    step, f = _leg_step(trips_per_year=10, distance=50, distance_unit="mi")
    words = describe(step, f, "es")
    assert "distancia de ida = 50 millas" in words.inputs
    assert step.inputs["vehicle_km"] == pytest.approx(500 * KM_PER_MILE)
    assert step.inputs["vehicle_miles"] == pytest.approx(500)
