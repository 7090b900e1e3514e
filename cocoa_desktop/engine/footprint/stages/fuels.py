"""Fuel combustion, shared by fertilisation (brush-cutters, sprayers), mechanical drying and transport.

The Excel templates (markers as in :mod:`cocoa_desktop.engine.footprint.stages`) sit under their functions: the factor
sheet's firewood row and the fuel sheet's emissions.
"""

from __future__ import annotations

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.survey import Fuel, FuelUse

_FUEL_KEY = {fuel: f"fuel_{fuel.value}" for fuel in Fuel}


def fuel_ef(fuel: Fuel, f: Factors) -> float:
    """kg CO2e per litre (diesel, gasoline) or per kg (LPG, firewood; the wood's CO2 is biogenic).

    Source: IPCC 2006 Guidelines Vol. 2 Ch. 1 (CO2 per TJ × net calorific value of diesel, gasoline and LPG);
    firewood's CH4 and N2O Vol. 2 Ch. 2 Table 2.5 (residential wood).
    """
    if fuel == "firewood":
        return f["firewood_ch4"] * f.gwp_ch4 + f["firewood_n2o"] * f.gwp_n2o
    return f[_FUEL_KEY[fuel]]


FIREWOOD_EF_TEMPLATE = "f_firewood_ch4*PCG_CH4+f_firewood_n2o*PCG_N2O"  # the factor sheet's row fuel_firewood


def fuel_emissions(uses: list[FuelUse], f: Factors) -> float:
    """kg CO2e per year from fuels burned: ``Σ amount × EF_fuel``.

    Source: methodology §3 S2 and S4 (``Σ fuel_q × EF_fuel``), factors by :func:`fuel_ef` (IPCC 2006 Guidelines
    Vol. 2 Ch. 1 and 2).
    """
    return sum(use.amount * fuel_ef(use.fuel, f) for use in uses)


FUEL_USE_TEMPLATE = '{c:amount}*VLOOKUP("fuel_"&{k:fuel},{FT},2,FALSE)'  # one use (a row of the fuel sheet)


def fuel_factors(uses: list[FuelUse], f: Factors) -> dict[str, float]:
    """The factor of each fuel used (for explanations), keyed ``fuel_<fuel>``.

    Source: as :func:`fuel_ef` (IPCC 2006 Guidelines Vol. 2 Ch. 1 and Ch. 2 Table 2.5).
    """
    return {_FUEL_KEY[use.fuel]: fuel_ef(use.fuel, f) for use in uses}
