"""S6 Transport, farm → collection point → cooperative → port (methodology §3).

Per leg: ``litres × EF_fuel`` when the fuel is known (preferred), else ``trips × distance × EF_vehicle``
(distance-based, the factors being per vehicle-mile as the GHG Protocol publishes them).
"""

from __future__ import annotations

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import Stage, Trace
from cocoa_desktop.engine.stages.fuels import fuel_ef
from cocoa_desktop.engine.survey import KM_PER_MILE, Survey, TransportLeg, Vehicle

VEHICLE_KEY = {v: f"vehicle_{v.value}" for v in Vehicle}


def leg_emissions(leg: TransportLeg, f: Factors) -> float:
    if leg.litres_per_year is not None and leg.fuel is not None:
        return leg.litres_per_year * fuel_ef(leg.fuel, f)
    return leg.vehicle_km / KM_PER_MILE * f[VEHICLE_KEY[leg.vehicle]]


def emissions(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None) -> float:
    total = 0.0
    for leg in survey.transport.legs:
        value = leg_emissions(leg, f)
        total += value
        if trace is not None:
            key = VEHICLE_KEY[leg.vehicle]
            trace.add(Stage.TRANSPORT, f"transporte: {leg.name or leg.vehicle.value}",
                      "litros × EF_combustible, o viajes × distancia (millas) × EF_vehículo", value,
                      inputs={"vehículo_km": leg.vehicle_km, "litros": leg.litres_per_year or 0.0},
                      factors={key: f[key]})
    return total
