"""S2 Fertilisation, composting inputs and pest control (methodology §3).

Per product k: ``N_k = mass_k × N%_k``; direct and indirect N2O
``N_k × (EF1 + FracGAS_k × EF4 + FracLEACH × EF5) × 44/28 × GWP_N2O`` (IPCC 2006 Vol. 4 ch. 11 eq. 11.1,
11.9, 11.10); manufacture of synthetic N; CO2 from urea (eq. 11.13) and liming (eq. 11.12); pesticides by
active ingredient; fuel for brush-cutters and sprayers. Own compost made from the farm's husk carries no
manufacture burden (its process emissions are in S1) but its N counts for N2O.
"""

from __future__ import annotations

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import Stage, Trace
from cocoa_desktop.engine.stages.fuels import fuel_emissions, fuel_factors
from cocoa_desktop.engine.survey import (
    ORGANIC_FERTILISERS,
    SYNTHETIC_FERTILISERS,
    FertiliserProduct,
    FertiliserType,
    Pesticide,
    PesticideType,
    Survey,
)

N_TO_N2O = 44 / 28
C_TO_CO2 = 44 / 12
_PESTICIDE_KEY = {p: f"pesticide_{p.value}" for p in PesticideType}
_CARBONATE = {FertiliserType.UREA: "urea_carbon", FertiliserType.LIME: "lime_carbon",
              FertiliserType.DOLOMITE: "dolomite_carbon"}


def product_emissions(product: FertiliserProduct, f: Factors) -> float:
    """kg CO2e per year from one fertiliser or amendment."""
    mass = product.mass_kg
    n = mass * product.n_percent / 100.0
    total = 0.0
    if n > 0:
        frac_gas = f["frac_gas_organic"] if product.type in ORGANIC_FERTILISERS else f["frac_gas_synthetic"]
        n2o_n = n * (f["soil_ef1"] + frac_gas * f["soil_ef4"] + f["frac_leach"] * f["soil_ef5"])
        total += n2o_n * N_TO_N2O * f.gwp_n2o
        if product.type in SYNTHETIC_FERTILISERS:
            total += n * f["n_manufacture"]
    carbonate = _CARBONATE.get(product.type)
    if carbonate is not None:
        total += mass * f[carbonate] * C_TO_CO2
    return total


def pesticide_emissions(pesticide: Pesticide, f: Factors) -> float:
    """kg CO2e per year from one pesticide: active ingredient × the type's factor."""
    return pesticide.active_ingredient_kg * f[_PESTICIDE_KEY[pesticide.type]]


def _product_factors(product: FertiliserProduct, f: Factors) -> dict[str, float]:
    """The factors that entered one product's emissions (for its explanation)."""
    used: dict[str, float] = {}
    if product.mass_kg * product.n_percent > 0:
        gas = "frac_gas_organic" if product.type in ORGANIC_FERTILISERS else "frac_gas_synthetic"
        used.update({k: f[k] for k in ("soil_ef1", gas, "soil_ef4", "frac_leach", "soil_ef5")})
        if product.type in SYNTHETIC_FERTILISERS:
            used["n_manufacture"] = f["n_manufacture"]
    carbonate = _CARBONATE.get(product.type)
    if carbonate is not None:
        used[carbonate] = f[carbonate]
    return used


def emissions(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
              notes: set[str] | None = None) -> float:
    """E_S2 in kg CO2e per year; adds a note when a fallback was used or nothing could be counted."""
    section = survey.fertilisation
    if not section.data_collected:
        if notes is not None and (section.products or section.pesticides or section.fuels):
            notes.add("fertilisation_products_ignored")
        area = survey.general.productive_area_ha
        if f.method("fertilisation_fallback"):
            value = area * f["fertilisation_fallback_per_ha"]
            if notes is not None:
                notes.add("fertilisation_fallback")
            if trace is not None:
                trace.add(Stage.FERTILISATION, "fertilisation_fallback", value, inputs={"area_ha": area},
                          factors={"fertilisation_fallback_per_ha": f["fertilisation_fallback_per_ha"]})
            return value
        if notes is not None:
            notes.add("fertilisation_no_data")
        return 0.0
    total = 0.0
    for product in section.products:
        if product.type == FertiliserType.BOUGHT_COMPOST and notes is not None:
            notes.add("bought_compost_no_burden")
        value = product_emissions(product, f)
        total += value
        if trace is not None:
            trace.add(Stage.FERTILISATION, "fertiliser_product", value, item=product.name or product.type.value,
                      inputs={"mass_kg": product.mass_kg, "n_percent": product.n_percent},
                      factors=_product_factors(product, f))
    for pesticide in section.pesticides:
        key = _PESTICIDE_KEY[pesticide.type]
        value = pesticide_emissions(pesticide, f)
        total += value
        if trace is not None:
            trace.add(Stage.FERTILISATION, "pesticide", value, item=pesticide.product or pesticide.type.value,
                      inputs={"active_ingredient_kg": pesticide.active_ingredient_kg}, factors={key: f[key]})
    if section.fuels:
        value = fuel_emissions(section.fuels, f)
        total += value
        if trace is not None:
            trace.add(Stage.FERTILISATION, "fertilisation_fuel", value,
                      inputs={f"fuel.{u.fuel.value}": u.amount for u in section.fuels},
                      factors=fuel_factors(section.fuels, f))
    return total
