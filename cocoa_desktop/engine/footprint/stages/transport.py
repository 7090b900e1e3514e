"""S6 Transport, farm → collection point → cooperative → port (methodology §3).

Per leg: ``litres × EF_fuel`` when the litres are known (the more direct measurement, preferred even when a
distance is given too); else ``trips × distance × EF_vehicle`` per vehicle-mile, as the GHG Protocol publishes
the factors, choosing the factor of the leg's fuel where the table tells fuels apart (a gasoline pickup is not a
diesel one). LPG litres are converted to kg with the liquid's density, its factor being per kg.

Each equation's Excel template (``*_TEMPLATE``, markers as in :mod:`cocoa_desktop.engine.footprint.stages`) sits under
its function: the transport sheet's columns and the calculation sheet's S6.
"""

from __future__ import annotations

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Stage, Trace
from cocoa_desktop.engine.footprint.stages.fuels import fuel_ef
from cocoa_desktop.engine.model.survey import KM_PER_MILE, Fuel, Survey, TransportLeg, Vehicle

VEHICLE_KEY = {v: f"vehicle_{v.value}" for v in Vehicle}
_FUEL_VEHICLE_KEY = {(v, fuel): f"vehicle_{v.value}_{fuel.value}" for v in Vehicle for fuel in Fuel}


def vehicle_factor_key(leg: TransportLeg, f: Factors) -> str:
    """The per-vehicle-mile factor of the leg: the fuel's own where the factor set has one.

    Source: GHG Protocol mobile combustion tool v2.2, factors per vehicle-mile by vehicle and fuel (methodology §6).
    """
    if leg.fuel is not None:
        key = _FUEL_VEHICLE_KEY[leg.vehicle, leg.fuel]
        if key in f:
            return key
    return VEHICLE_KEY[leg.vehicle]


VEHICLE_FACTOR_TEMPLATE = ('IFERROR(VLOOKUP("vehicle_"&{k:vehicle}&"_"&{k:fuel},{FT},2,FALSE),'
                           'VLOOKUP("vehicle_"&{k:vehicle},{FT},2,FALSE))')


def litre_ef(fuel: Fuel, f: Factors) -> float:
    """kg CO2 per litre of a vehicle fuel (LPG's factor is per kg: × its liquid density).

    Source: IPCC 2006 Guidelines Vol. 2 Ch. 1 (:func:`~cocoa_desktop.engine.footprint.stages.fuels.fuel_ef`); LPG's
    liquid density derived from the UK government GHG conversion factors (1.555 kg CO2 per litre against 2.985 per kg).
    """
    if fuel == "lpg":
        return f["lpg_density"] * fuel_ef(fuel, f)
    return fuel_ef(fuel, f)


LITRE_EF_TEMPLATE = 'VLOOKUP("fuel_"&{k:fuel},{FT},2,FALSE)*IF({k:fuel}="lpg",f_lpg_density,1)'


def leg_emissions(leg: TransportLeg, f: Factors) -> float:
    """kg CO2e per year of one leg: ``litres × EF_fuel`` when known, else ``trips × distance × EF_vehicle``.

    Source: methodology §3 S6 (fuel-based preferred when known, else distance-based); GHG Protocol mobile
    combustion tool v2.2 (per vehicle-mile: km ÷ 1.609344).
    """
    if leg.litres_per_year is not None and leg.fuel is not None:
        return leg.litres_per_year * litre_ef(leg.fuel, f)
    return leg.vehicle_km / KM_PER_MILE * f[vehicle_factor_key(leg, f)]


# the km driven (TransportLeg.vehicle_km; 0 when the litres are used) and the leg's emissions
VEHICLE_KM_TEMPLATE = ('IF(AND({c:litres_per_year}<>"",{c:fuel}<>""),0,'
                       '{c:trips_per_year}*{c:distance}*IF({k:distance_unit}="mi",1.609344,1))')
LEG_EMISSIONS_TEMPLATE = ('IF(AND({c:litres_per_year}<>"",{c:fuel}<>""),{c:litres_per_year}*' + LITRE_EF_TEMPLATE
                          + ",{c:vehicle_km}/1.609344*" + VEHICLE_FACTOR_TEMPLATE + ")")


def emissions(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
              notes: set[str] | None = None) -> float:
    """E_S6 in kg CO2e per year: the sum of :func:`leg_emissions` (farm → collection point → cooperative → port).

    Source: PROMPERÚ 2020 report, stage 6 (transport, 136,335 vehicle-miles); methodology §3 S6.
    """
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


S6_TEMPLATE = "{items:legs:total}"
