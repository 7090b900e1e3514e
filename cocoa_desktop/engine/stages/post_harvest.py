"""S3 Fermentation, S4 Drying and S5 Packaging (methodology §3)."""

from __future__ import annotations

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import Stage, Trace
from cocoa_desktop.engine.stages.fuels import fuel_emissions, fuel_factors
from cocoa_desktop.engine.survey import Bag, BagType, DryingMethod, FermentationMethod, Survey

_FERMENTATION_KEY = {m: f"fermentation_{m.value}" for m in FermentationMethod}
_BAG_KEY = {b: f"bag_{b.value}" for b in BagType}


def fermentation(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None) -> float:
    """E_S3 = P_fermented × EF_ferm(method)."""
    section = survey.fermentation
    key = _FERMENTATION_KEY[section.method]
    value = production_kg * section.fermented_share * f[key]
    if trace is not None:
        trace.add(Stage.FERMENTATION, "fermentation", value, item=section.method.value,
                  inputs={"production_kg": production_kg, "fermented_share": section.fermented_share},
                  factors={key: f[key]})
    return value


def drying(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
           notes: set[str] | None = None) -> float:
    """E_S4: sun and solar dryers emit nothing; mechanical dryers Σ fuel × EF + kWh × EF_grid.

    Energy typed while all the cocoa is dried in the sun is still counted (it was used), with a note."""
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


def bag_emissions(bag: Bag, f: Factors) -> float:
    """kg CO2e per year from one bag type: kg of bags × the material's factor ÷ uses per bag."""
    return bag.material_kg * f[_BAG_KEY[bag.type]] / bag.reuse_cycles


def packaging(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
              notes: set[str] | None = None) -> float:
    """E_S5 = Σ_type kg of bags × EF_material × (1 − reuse fraction), a bag used n times bearing 1/n."""
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
