"""S3 Fermentation, S4 Drying and S5 Packaging (methodology §3).

Each equation's Excel template (``*_TEMPLATE``, markers as in :mod:`cocoa_desktop.engine.footprint.stages`) sits under
its function: the fermentation and packaging sheets' columns, the calculation sheet's S4 and S5.
"""

from __future__ import annotations

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Stage, Trace
from cocoa_desktop.engine.footprint.stages.fuels import fuel_emissions, fuel_factors
from cocoa_desktop.engine.model.survey import Bag, BagType, DryingMethod, FermentationMethod, Survey

_FERMENTATION_KEY = {m: f"fermentation_{m.value}" for m in FermentationMethod}
_BAG_KEY = {b: f"bag_{b.value}" for b in BagType}


def fermentation(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None) -> float:
    """E_S3 = P_fermented × EF_ferm(method).

    Source: PROMPERÚ 2020 report, stage 3 (fermentation), its factor calibrated (methodology §3 S3, §4); the IPCC
    set counts the fermentation's CO2 as biogenic, zero (PAS 2050:2011).
    """
    section = survey.fermentation
    key = _FERMENTATION_KEY[section.method]
    value = production_kg * section.fermented_share * f[key]
    if trace is not None:
        trace.add(Stage.FERMENTATION, "fermentation", value, item=section.method.value,
                  inputs={"production_kg": production_kg, "fermented_share": section.fermented_share},
                  factors={key: f[key]})
    return value


FERMENTED_KG_TEMPLATE = "{g:production_kg}*{c:fermented_share}"
S3_TEMPLATE = '{c:fermented_kg}*VLOOKUP("fermentation_"&{k:method},{FT},2,FALSE)'


def drying(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
           notes: set[str] | None = None) -> float:
    """E_S4: sun and solar dryers emit nothing; mechanical dryers Σ fuel × EF + kWh × EF_grid.

    Energy typed while all the cocoa is dried in the sun is still counted (it was used), with a note.

    Source: PROMPERÚ 2020 report, stage 4 (drying: sun, 0); methodology §3 S4 (``Σ fuel_q × EF_fuel + kWh ×
    EF_grid``, biomass CO2 biogenic), fuels IPCC 2006 Guidelines Vol. 2 Ch. 1 and 2.
    """
    section = survey.drying
    if notes is not None and (section.electricity_kwh or section.fuels) and not section.shares.get(
            DryingMethod.MECHANICAL):
        notes.add("drying_energy_without_dryer")
    value = section.electricity_kwh * f["grid_electricity"]
    if section.electricity_kwh:
        f.note_if_unsourced("grid_electricity", notes)
    if section.fuels:  # most farms dry in the sun: skip the call
        value += fuel_emissions(section.fuels, f)
    if trace is not None:
        trace.add(Stage.DRYING, "drying", value,
                  inputs={"kwh": section.electricity_kwh, **{f"fuel.{u.fuel.value}": u.amount for u in section.fuels}},
                  factors={"grid_electricity": f["grid_electricity"], **fuel_factors(section.fuels, f)})
    return value


S4_TEMPLATE = "{s:drying:electricity_kwh}*f_grid_electricity+{items:fuels:total_drying}"


def bag_emissions(bag: Bag, f: Factors) -> float:
    """kg CO2e per year from one bag type: kg of bags × the material's factor ÷ uses per bag.

    Source: methodology §3 S5 (``bags × kg_per_bag × EF_material × (1 − reuse_fraction)``, a bag used n times
    bearing 1/n); factors UK government GHG conversion factors (polypropylene) in the IPCC set, calibrated to the
    PROMPERÚ 2020 report in its own (methodology §4, jute 0).
    """
    return bag.material_kg * f[_BAG_KEY[bag.type]] / bag.reuse_cycles


BAG_MASS_TEMPLATE = 'IF({c:material_kg_per_year}<>"",{c:material_kg_per_year},{c:bags_per_year}*{c:kg_per_bag})'
BAG_EMISSIONS_TEMPLATE = '{c:material_kg}*VLOOKUP("bag_"&{k:type},{FT},2,FALSE)/{c:reuse_cycles}'


def packaging(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
              notes: set[str] | None = None) -> float:
    """E_S5 = Σ_type kg of bags × EF_material × (1 − reuse fraction), a bag used n times bearing 1/n.

    Source: PROMPERÚ 2020 report, stage 5 (packaging, 20,606 kg of plastic bags; jute 0); methodology §3 S5.
    """
    total = 0.0
    for bag in survey.packaging:
        key = _BAG_KEY[bag.type]
        value = bag_emissions(bag, f)
        total += value
        if bag.material_kg:
            f.note_if_unsourced(key, notes)
        if trace is not None:
            trace.add(Stage.PACKAGING, "packaging_bag", value, item=bag.type.value,
                      inputs={"bag_kg": bag.material_kg, "uses": bag.reuse_cycles}, factors={key: f[key]})
    return total


S5_TEMPLATE = "{items:bags:total}"
