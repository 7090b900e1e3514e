"""The product footprint (the six stages' emissions) split by gas and by the origin of its carbon, for a footprint
report (ISO 14067:2018 §7.2: fossil and biogenic emissions documented apart).

The split follows the engine's own record of each contribution (:class:`~cocoa_desktop.engine.footprint.results.Trace`):
every step names the factors it multiplied by, and each factor of the set states its gas (``gas`` in
``resources/factors/*.json``). A step that combines gases (husk composted gives CH4 and N2O, a fertiliser gives soil
N2O, the CO2 of urea or lime and the CO2e of making the nitrogen, firewood CH4 and N2O) is split by the same formulas
as its stage. A factor given in CO2e — a calibrated one whose source does not say which gas, or a published mixture —
stays "CO2e, gas not stated by the source": it is never forced into a gas.

Origins: **fossil** (fuels, vehicles, plastics, pesticides and the making of synthetic nitrogen, the carbon of urea,
lime and dolomite), **biogenic** (methane from husk that rots, is composted, digested or burned, and from firewood),
**nitrogen** (N2O: not a carbon gas, neither fossil nor biogenic) and **not stated** (calibrated CO2e whose sources
the report does not give: fermentation, the per-hectare fertilisation value). Biogenic CO2 (decay, burning,
fermentation) is counted as zero, as PAS 2050 and the factor sets do, so no biogenic CO2 appears. Everything adds up
to the gross emissions: an unknown step would go, whole, to CO2e not stated.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGES, Footprint, Step, Trace
from cocoa_desktop.engine.footprint.stages import husk
from cocoa_desktop.engine.model.survey import FuelUse, Survey

N_TO_N2O = 44 / 28
C_TO_CO2 = 44 / 12
GASES = ("CO2", "CH4", "N2O", "CO2e")  # "CO2e": the source gives CO2e without saying which gas


class Origin(StrEnum):
    FOSSIL = "fossil"
    BIOGENIC = "biogenic"
    NITROGEN = "nitrogen"  # N2O: not carbon
    UNSTATED = "unstated"  # CO2e of calibrated factors whose source does not say where it comes from


ORIGINS: tuple[Origin, ...] = tuple(Origin)
_STAGE_KEYS = frozenset(s.value for s in STAGES)
# CO2e factors whose origin is known although their gas is not: plastics, vehicles, pesticides, making N, electricity
_FOSSIL_PREFIXES = ("bag_", "vehicle_", "pesticide_", "fuel_", "n_manufacture", "grid_electricity", "urea_carbon",
                    "lime_carbon", "dolomite_carbon")

Part = tuple[str, Origin, float]  # (gas, origin, kg CO2e)


@dataclass
class GasSplit:
    """kg CO2e a year by (gas, origin); the sum is the gross emissions (the product footprint of the six stages)."""

    cells: dict[tuple[str, Origin], float] = field(default_factory=dict)
    gross_kg: float = 0.0  # the engine's gross, to check the split against
    production_kg: float = 0.0

    def add(self, gas: str, origin: Origin, kg: float) -> None:
        if kg:
            self.cells[gas, origin] = self.cells.get((gas, origin), 0.0) + kg

    def gas(self, gas: str) -> float:
        return math.fsum(v for (g, _), v in self.cells.items() if g == gas)

    def origin(self, origin: Origin) -> float:
        return math.fsum(v for (_, o), v in self.cells.items() if o is origin)

    @property
    def total_kg(self) -> float:
        return math.fsum(self.cells.values())

    def per_kg(self, kg: float) -> float:
        return kg / self.production_kg if self.production_kg > 0 else math.nan


def _origin(factor_id: str, gas: str | None) -> Origin:
    if gas == "N2O":
        return Origin.NITROGEN
    if factor_id.startswith(_FOSSIL_PREFIXES):
        return Origin.FOSSIL
    if gas == "CH4":
        return Origin.BIOGENIC  # husk, compost, biodigester, burning, firewood
    return Origin.UNSTATED


def _gas_of(f: Factors, factor_id: str) -> str | None:
    factor = f.factor_set.factors.get(factor_id)
    return factor.gas if factor is not None else None


def _husk_parts(destination: str, f: Factors) -> list[tuple[str, Origin, float]]:
    """kg CO2e per kg fresh husk of each gas, by the formulas of :mod:`~cocoa_desktop.engine.footprint.stages.husk`."""
    calibrated = f.method("husk") == "promperu"
    if destination in ("heaped", "other") or (destination == "left_on_soil" and calibrated):
        if calibrated:
            return [("CH4", Origin.BIOGENIC, f["husk_left_on_soil_ch4"] * f.gwp_ch4)]
        return [("CH4", Origin.BIOGENIC, husk.heaped_ef(f))]
    if destination == "left_on_soil":
        return [("N2O", Origin.NITROGEN, husk.scattered_ef(f))]
    if destination == "composted":
        return [("CH4", Origin.BIOGENIC, f["compost_ch4"] * f.gwp_ch4),
                ("N2O", Origin.NITROGEN, f["compost_n2o"] * f.gwp_n2o)]
    if destination == "burned":
        dm = f["husk_dry_matter"] * f["burn_combustion_factor"]
        return [("CH4", Origin.BIOGENIC, dm * f["burn_ch4"] * f.gwp_ch4),
                ("N2O", Origin.NITROGEN, dm * f["burn_n2o"] * f.gwp_n2o)]
    if destination == "biodigester":
        return [("CH4", Origin.BIOGENIC, f["biodigester_ch4"] * f.gwp_ch4)]
    gas = _gas_of(f, "animal_feed") or "CO2e"
    return [(gas, _origin("animal_feed", gas), f["animal_feed"])]


def _scaled(value: float, parts: list[tuple[str, Origin, float]]) -> list[Part]:
    """``value`` shared out in proportion to the parts' factors (the step is husk kg × the parts' sum)."""
    total = math.fsum(p for _, _, p in parts)
    if total == 0:
        return []
    return [(gas, origin, value * p / total) for gas, origin, p in parts]


def _fuel_parts(amounts: dict[str, float], f: Factors) -> list[Part]:
    """Fuels burned (inputs ``fuel.<fuel>``): fossil CO2, or firewood's CH4 and N2O (its CO2 is biogenic)."""
    parts: list[Part] = []
    for key, amount in amounts.items():
        fuel = key.removeprefix("fuel.")
        if fuel == "firewood":
            parts += [("CH4", Origin.BIOGENIC, amount * f["firewood_ch4"] * f.gwp_ch4),
                      ("N2O", Origin.NITROGEN, amount * f["firewood_n2o"] * f.gwp_n2o)]
        else:
            gas = _gas_of(f, f"fuel_{fuel}") or "CO2"
            parts.append((gas, Origin.FOSSIL, amount * f[f"fuel_{fuel}"]))
    return parts


def _product_parts(step: Step, f: Factors) -> list[Part]:
    """One fertiliser: soil N2O (direct and indirect), the making of synthetic N, the CO2 of its carbonate."""
    k = step.factors
    mass, n_percent = step.inputs["mass_kg"], step.inputs["n_percent"]
    n = mass * n_percent / 100.0
    parts: list[Part] = []
    frac_gas = k.get("frac_gas_organic", k.get("frac_gas_synthetic"))
    if frac_gas is not None:
        n2o_n = n * (k["soil_ef1"] + frac_gas * k["soil_ef4"] + k["frac_leach"] * k["soil_ef5"])
        parts.append(("N2O", Origin.NITROGEN, n2o_n * N_TO_N2O * f.gwp_n2o))
    if "n_manufacture" in k:
        parts.append((_gas_of(f, "n_manufacture") or "CO2e", Origin.FOSSIL, n * k["n_manufacture"]))
    for carbonate in ("urea_carbon", "lime_carbon", "dolomite_carbon"):
        if carbonate in k:
            parts.append(("CO2", Origin.FOSSIL, mass * k[carbonate] * C_TO_CO2))
    return parts


def _fuel_amounts(uses: Iterable[FuelUse]) -> dict[str, float]:
    """Amount of each fuel, summed (a step's inputs keep one amount per fuel: a fuel listed twice is summed here)."""
    amounts: dict[str, float] = {}
    for use in uses:
        amounts[f"fuel.{use.fuel.value}"] = amounts.get(f"fuel.{use.fuel.value}", 0.0) + use.amount
    return amounts


def step_parts(step: Step, f: Factors, survey: Survey | None = None) -> list[Part]:
    """The gases of one recorded step of the six stages (their sum is the step's value). Fuel steps read the fuels
    from ``survey`` when given (the step's inputs hold one amount per fuel)."""
    if step.key == "husk_destination":
        return _scaled(step.value, _husk_parts(step.item, f))
    if step.key == "fertiliser_product":
        return _product_parts(step, f)
    if step.key in ("fertilisation_fuel", "drying"):
        if survey is not None:
            amounts = _fuel_amounts(survey.fertilisation.fuels if step.key == "fertilisation_fuel" else
                                    survey.drying.fuels)
        else:
            amounts = {k: v for k, v in step.inputs.items() if k.startswith("fuel.")}
        parts = _fuel_parts(amounts, f)
        kwh = step.inputs.get("kwh", 0.0)
        if kwh:
            gas = _gas_of(f, "grid_electricity") or "CO2e"
            parts.append((gas, Origin.FOSSIL, kwh * f["grid_electricity"]))
        return parts
    # one factor (fermentation, a bag, a pesticide, a vehicle, litres of a fuel, the per-hectare fallback): its gas
    factor_id = next((k for k in step.factors if _gas_of(f, k) is not None), "")
    gas = _gas_of(f, factor_id) or "CO2e"
    return [(gas, _origin(factor_id, gas), step.value)]


def split_steps(steps: Iterable[Step], f: Factors, into: GasSplit | None = None, survey: Survey | None = None
                ) -> GasSplit:
    """Add the six stages' steps to a split; what a step's parts do not account for goes to CO2e not stated."""
    out = into if into is not None else GasSplit()
    for step in steps:
        if step.stage not in _STAGE_KEYS or not step.value:
            continue
        parts = step_parts(step, f, survey)
        for gas, origin, kg in parts:
            out.add(gas, origin, kg)
        rest = step.value - math.fsum(kg for _, _, kg in parts)
        if abs(rest) > 1e-9 * max(1.0, abs(step.value)):
            out.add("CO2e", Origin.UNSTATED, rest)
    return out


def gas_split(surveys: Sequence[Survey], f: Factors) -> GasSplit:
    """The campaign's (or one unit's) gross emissions by gas and origin, kg CO2e a year."""
    out = GasSplit()
    for survey in surveys:
        add_survey(out, survey, f)
    return out


def add_survey(out: GasSplit, survey: Survey, f: Factors, trace: Trace | None = None,
               fp: Footprint | None = None) -> None:
    """One survey's emissions by gas and origin added to ``out`` (what :func:`gas_split` does for each);
    ``trace`` and ``fp``: the survey already computed under ``f`` with that trace."""
    if trace is None or fp is None:
        trace = Trace()
        fp = compute(survey, f, trace)
    split_steps(trace.steps, f, out, survey)
    out.gross_kg += fp.gross_kg
    out.production_kg += fp.production_kg
