"""S6 Transport, farm → collection point → cooperative → port (methodology §3).

Per leg: ``litres × EF_fuel`` when the litres are known (the more direct measurement, preferred even when a
distance is given too); else ``trips × distance × EF_vehicle`` per vehicle-mile, as the GHG Protocol publishes
the factors, choosing the factor of the leg's fuel where the table tells fuels apart (a gasoline pickup is not a
diesel one). LPG litres are converted to kg with the liquid's density, its factor being per kg.
"""

from __future__ import annotations

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import Stage, Trace
from cocoa_desktop.engine.stages.fuels import fuel_ef
from cocoa_desktop.engine.survey import KM_PER_MILE, Fuel, Survey, TransportLeg, Vehicle

VEHICLE_KEY = {v: f"vehicle_{v.value}" for v in Vehicle}
_FUEL_VEHICLE_KEY = {(v, fuel): f"vehicle_{v.value}_{fuel.value}" for v in Vehicle for fuel in Fuel}


def vehicle_factor_key(leg: TransportLeg, f: Factors) -> str:
    """The per-vehicle-mile factor of the leg: the fuel's own where the factor set has one."""
    if leg.fuel is not None:
        key = _FUEL_VEHICLE_KEY[leg.vehicle, leg.fuel]
        if key in f:
            return key
    return VEHICLE_KEY[leg.vehicle]


def litre_ef(fuel: Fuel, f: Factors) -> float:
    """kg CO2 per litre of a vehicle fuel (LPG's factor is per kg: × its liquid density)."""
    if fuel == "lpg":
        return f["lpg_density"] * fuel_ef(fuel, f)
    return fuel_ef(fuel, f)


def leg_emissions(leg: TransportLeg, f: Factors) -> float:
    if leg.litres_per_year is not None and leg.fuel is not None:
        return leg.litres_per_year * litre_ef(leg.fuel, f)
    return leg.vehicle_km / KM_PER_MILE * f[vehicle_factor_key(leg, f)]


def emissions(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
              notes: set[str] | None = None) -> float:
    total = 0.0
    for leg in survey.transport.legs:
        value = leg_emissions(leg, f)
        total += value
        if value and leg.litres_per_year is None:
            f.note_if_unsourced(vehicle_factor_key(leg, f), notes)
        if trace is None:
            continue
        name = leg.name or leg.vehicle.value
        if leg.litres_per_year is not None and leg.fuel is not None:
            key = f"fuel_{leg.fuel.value}"
            factors = {key: f[key], **({"lpg_density": f["lpg_density"]} if leg.fuel == "lpg" else {})}
            # said in the explanation: a distance typed as well is not used
            label = "transport_litres_over_distance" if leg.distance else "transport_litres"
            trace.add(Stage.TRANSPORT, label, value, inputs={"litres": leg.litres_per_year}, factors=factors,
                      item=name)
        else:
            key = vehicle_factor_key(leg, f)
            # every step of the arithmetic, the km → mile conversion included (the factors are per vehicle-mile)
            inputs = {"trips": leg.trips_per_year, f"distance_{leg.distance_unit.value}": leg.distance or 0.0,
                      "vehicle_km": leg.vehicle_km, "km_per_mile": KM_PER_MILE,
                      "vehicle_miles": leg.vehicle_km / KM_PER_MILE}
            trace.add(Stage.TRANSPORT, "transport_distance", value, inputs=inputs, factors={key: f[key]}, item=name)
    return total
