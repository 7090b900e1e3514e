"""S2 Fertilisation, composting inputs and pest control (methodology §3).

Per product k: ``N_k = mass_k × N%_k``; direct and indirect N2O
``N_k × (EF1 + FracGAS_k × EF4 + FracLEACH × EF5) × 44/28 × GWP_N2O`` (IPCC 2006 Vol. 4 ch. 11 eq. 11.1,
11.9, 11.10); manufacture of synthetic N; CO2 from urea (eq. 11.13) and liming (eq. 11.12); pesticides by
active ingredient; fuel for brush-cutters and sprayers. Own compost made from the farm's husk carries no
manufacture burden (its process emissions are in S1) but its N counts for N2O.

Each equation's Excel template (``*_TEMPLATE``, markers as in :mod:`cocoa_desktop.engine.footprint.stages`) sits under
its function: the fertiliser and pesticide sheets' columns and the calculation sheet's S2.
"""

from __future__ import annotations

from cocoa_desktop.engine.footprint import nitrogen
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Stage, Trace
from cocoa_desktop.engine.footprint.stages.fuels import fuel_emissions, fuel_factors
from cocoa_desktop.engine.model.survey import (
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
    """kg CO2e per year from one fertiliser or amendment: ``N = mass × N% / 100``; soil N2O, N manufacture, CO2.

    Source: IPCC 2006 Guidelines Vol. 4 Ch. 11 Eq. 11.1 (direct N2O), Eq. 11.9 (volatilisation, FracGASF/FracGASM)
    and Eq. 11.10 (leaching), × 44/28; CO2 from urea Eq. 11.13 and from lime and dolomite Eq. 11.12, × 44/12;
    manufacture of synthetic N per kg N (methodology §3 S2, §6).
    """
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


# the mass (FertiliserProduct.mass_kg), the N % (an empty cell: the type's usual content, as the survey model fills
# it in: engine.nitrogen), the N applied and the product's emissions
PRODUCT_MASS_TEMPLATE = 'IF({c:kg_per_year}<>"",{c:kg_per_year},{c:kg_per_ha}*{c:hectares})'
N_PERCENT_TEMPLATE = ('IF({c:n_percent}="",' + "".join(f'IF({{k:type}}="{kind}",{value:g},' for kind, value in
                                                      nitrogen.BY_TYPE.items() if value) + "0"
                      + ")" * sum(1 for value in nitrogen.BY_TYPE.values() if value) + ",{c:n_percent})")
N_APPLIED_TEMPLATE = "{c:mass}*" + N_PERCENT_TEMPLATE + "/100"
PRODUCT_EMISSIONS_TEMPLATE = (
    'IF({c:n}>0,{c:n}*(f_soil_ef1+IF(OR({k:type}="guano",{k:type}="own_compost",'
    '{k:type}="bought_compost",{k:type}="biol",{k:type}="manure"),f_frac_gas_organic,'
    'f_frac_gas_synthetic)*f_soil_ef4+f_frac_leach*f_soil_ef5)*44/28*PCG_N2O,0)'
    '+IF(AND({c:n}>0,OR({k:type}="urea",{k:type}="npk",{k:type}="foliar")),{c:n}*f_n_manufacture,0)'
    '+IF({k:type}="urea",{c:mass}*f_urea_carbon*44/12,IF({k:type}="lime",{c:mass}*f_lime_carbon*44/12,'
    'IF({k:type}="dolomite",{c:mass}*f_dolomite_carbon*44/12,0)))')


def pesticide_emissions(pesticide: Pesticide, f: Factors) -> float:
    """kg CO2e per year from one pesticide: active ingredient × the type's factor.

    Source: PROMPERÚ 2020 report, stage 2 (composting and pest control); methodology §3 S2 (a.i. kg × EF); the
    IPCC set's factors Lal (2004) Environment International 30:981 (kg C-eq per kg a.i. × 44/12).
    """
    return pesticide.active_ingredient_kg * f[_PESTICIDE_KEY[pesticide.type]]


PESTICIDE_EMISSIONS_TEMPLATE = '{c:active_ingredient_kg}*VLOOKUP("pesticide_"&{k:type},{FT},2,FALSE)'


def _product_factors(product: FertiliserProduct, f: Factors) -> dict[str, float]:
    """The factors that entered one product's emissions (for its explanation).

    Source: as :func:`product_emissions` (IPCC 2006 Guidelines Vol. 4 Ch. 11 Eq. 11.1, 11.9, 11.10, 11.12, 11.13).
    """
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
    """E_S2 in kg CO2e per year; adds a note when a fallback was used or nothing could be counted.

    Source: PROMPERÚ 2020 report, stage 2 (composting/fertilisation and pest control); methodology §3 S2: the sum
    of :func:`product_emissions`, :func:`pesticide_emissions` and the fuel of brush-cutters and sprayers (IPCC 2006
    Guidelines Vol. 2, :func:`~cocoa_desktop.engine.footprint.stages.fuels.fuel_ef`); without fertiliser data, the
    per-hectare fallback calibrated to the report (2,141.8 t CO2e / 9,301 ha, methodology §4) where the factor set has
    one.
    """
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


S2_FALLBACK_TEMPLATE = "{same:productive_area_ha}*f_fertilisation_fallback_per_ha"  # the factor set has one
S2_TEMPLATE = ('IF(VLOOKUP({s:fertilisation:data_collected},claves,2,FALSE)="no",{FALLBACK},'
               "{items:products:total}+{items:pesticides:total}+{items:fuels:total_fertilisation})")
