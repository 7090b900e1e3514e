"""Fuel combustion, shared by fertilisation (brush-cutters, sprayers), mechanical drying and transport."""

from __future__ import annotations

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.survey import Fuel, FuelUse

_FUEL_KEY = {fuel: f"fuel_{fuel.value}" for fuel in Fuel}


def fuel_ef(fuel: Fuel, f: Factors) -> float:
    """kg CO2e per litre (diesel, gasoline) or per kg (LPG, firewood; the wood's CO2 is biogenic)."""
    if fuel == "firewood":
        return f["firewood_ch4"] * f.gwp_ch4 + f["firewood_n2o"] * f.gwp_n2o
    return f[_FUEL_KEY[fuel]]


def fuel_emissions(uses: list[FuelUse], f: Factors) -> float:
    return sum(use.amount * fuel_ef(use.fuel, f) for use in uses)


def fuel_factors(uses: list[FuelUse], f: Factors) -> dict[str, float]:
    """The factor of each fuel used (for explanations), keyed ``fuel_<fuel>``."""
    return {_FUEL_KEY[use.fuel]: fuel_ef(use.fuel, f) for use in uses}
