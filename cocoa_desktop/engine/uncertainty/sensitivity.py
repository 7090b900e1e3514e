"""What moves a carbon project's profitability: the variables of Goñas et al. 2024 Table 11 with its steps, a
tornado (each variable ± the same share), the break-even value of each variable (where NPV = 0, i.e. the IRR
equals the discount rate: the paper's −47.49 % production drop) and the farm-level profitability threshold."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cocoa_desktop.engine.economics.cash_flow import Indicators, cash_flow, credits_by_year, indicators
from cocoa_desktop.engine.economics.project import CarbonProject, SequestrationMode
from cocoa_desktop.engine.words import pick, say

# variable -> (Spanish, English, Table 11 steps)
VARIABLES: dict[str, tuple[str, str, tuple[float, ...]]] = {
    "cocoa_production": ("Producción de cacao", "Cocoa production", (0.0, -0.10, -0.20, -0.4749)),
    "sequestration": ("Secuestro de carbono", "Carbon sequestration", (0.0, -0.30, -0.50, -0.80)),
    "cocoa_price": ("Precio del cacao seco", "Dry cocoa price", (0.0, -0.15, -0.30, -0.4749)),
    "carbon_price": ("Precio del carbono", "Carbon price", (0.0, -0.20, -0.40, -0.80)),
    "project_costs": ("Costo del proyecto (implementación)", "Project cost (implementation)", (0.0, 0.20, 0.50, 1.00)),
}
UNITS: dict[str, tuple[str, str]] = {
    "cocoa_production": ("kg/año", "kg/yr"), "sequestration": ("t CO2/ha·año", "t CO2/ha·yr"),
    "cocoa_price": ("PEN/kg", "PEN/kg"), "carbon_price": ("PEN/t CO2", "PEN/t CO2"),
    "project_costs": ("PEN, año 0", "PEN, year 0"),
}
ADVERSE = {"project_costs": 1.0}  # the direction that hurts: up for costs, down for everything else


def variable_label(variable: str, lang: str = "es") -> str:
    es, en, _steps = VARIABLES[variable]
    return say(lang, es, en)


def variable_unit(variable: str, lang: str = "es") -> str:
    return pick(UNITS[variable], lang)


def varied(project: CarbonProject, variable: str, change: float) -> CarbonProject:
    """The project with one variable changed by ``change`` (−0.10 = 10 % less)."""
    k = 1.0 + change
    part: dict[str, object]  # the changed fields of the project
    if variable == "cocoa_production":
        cocoa = project.cocoa
        with_project = None if cocoa.yield_with_project_kg_per_ha is None else cocoa.yield_with_project_kg_per_ha * k
        part = {"cocoa": cocoa.model_copy(update={"yield_kg_per_ha": cocoa.yield_kg_per_ha * k,
                                                  "yield_with_project_kg_per_ha": with_project})}
    elif variable == "sequestration":
        seq = project.sequestration
        part = {"sequestration": seq.model_copy(update={
            "rate_t_co2_per_ha_year": seq.rate_t_co2_per_ha_year * k,
            "stock_curve": [(age, stock * k) for age, stock in seq.stock_curve]})}
    elif variable == "cocoa_price":
        part = {"cocoa": project.cocoa.model_copy(update={"price_pen_per_kg": project.cocoa.price_pen_per_kg * k})}
    elif variable == "carbon_price":
        part = {"carbon": project.carbon.model_copy(update={"price_usd_per_t": project.carbon.price_usd_per_t * k})}
    elif variable == "project_costs":
        part = {"project_costs": [c.model_copy(update={"pen_by_year": [v * k for v in c.pen_by_year]})
                                  for c in project.project_costs]}
    else:
        raise KeyError(variable)
    return project.model_copy(update=part)


def base_value(project: CarbonProject, variable: str) -> float:
    """The variable's value as Table 11 shows it (kg sold per year, t CO2/ha/yr, PEN/kg, PEN/t, PEN in year 0)."""
    if variable == "cocoa_production":
        return project.cocoa.kg_sold(True)
    if variable == "sequestration":
        seq = project.sequestration
        if seq.mode is SequestrationMode.RATE:
            return seq.rate_t_co2_per_ha_year
        credits = credits_by_year(project)[seq.first_year:]
        area = math.fsum(c.area_ha for c in seq.cohorts)
        return math.fsum(credits) / len(credits) / area if credits and area else 0.0
    if variable == "cocoa_price":
        return project.cocoa.price_pen_per_kg
    if variable == "carbon_price":
        return project.carbon.price_usd_per_t * project.carbon.exchange_rate_pen_per_usd
    if variable == "project_costs":
        return math.fsum(c.pen_by_year[0] for c in project.project_costs if c.pen_by_year)
    raise KeyError(variable)


def evaluate(project: CarbonProject) -> Indicators:
    return indicators(cash_flow(project), project.discount_rate)


@dataclass(frozen=True)
class SensitivityRow:
    variable: str
    change: float
    value: float
    result: Indicators


def table(project: CarbonProject, steps: dict[str, tuple[float, ...]] | None = None) -> list[SensitivityRow]:
    """Table 11: each variable at each of its steps, all else as in the project."""
    rows = []
    for variable, (_, _, default_steps) in VARIABLES.items():
        for change in (steps or {}).get(variable, default_steps):
            changed = varied(project, variable, change)
            rows.append(SensitivityRow(variable, change, base_value(changed, variable), evaluate(changed)))
    return rows


@dataclass(frozen=True)
class TornadoBar:
    variable: str
    npv_low: float  # NPV with the variable lowered by the swing
    npv_high: float  # … and raised by it

    @property
    def width(self) -> float:
        return abs(self.npv_high - self.npv_low)


def tornado(project: CarbonProject, swing: float = 0.20) -> list[TornadoBar]:
    """NPV with each variable ``swing`` lower and higher; widest bar first."""
    bars = [TornadoBar(v, evaluate(varied(project, v, -swing)).npv, evaluate(varied(project, v, swing)).npv)
            for v in VARIABLES]
    return sorted(bars, key=lambda b: b.width, reverse=True)


@dataclass(frozen=True)
class BreakEven:
    variable: str
    change: float | None  # relative change that brings NPV to zero (IRR = discount rate); None: none exists
    value: float | None
    searched: float  # the furthest change tried, in the direction searched


def break_even(project: CarbonProject, variable: str, limit: float = 100.0) -> BreakEven:
    """Bisection on the relative change: toward the adverse side when the project pays, the favourable side when it
    does not. Quantities cannot fall below zero (−100 %); increases are tried up to ``limit`` (×100 %)."""
    def npv(change: float) -> float:
        return evaluate(varied(project, variable, change)).npv

    base = npv(0.0)
    if base == 0:
        return BreakEven(variable, 0.0, base_value(project, variable), 0.0)
    up = ADVERSE.get(variable, -1.0) * (1.0 if base > 0 else -1.0)
    far = -1.0 if up < 0 else 1.0
    while up > 0 and math.copysign(1, npv(far)) == math.copysign(1, base) and far < limit:
        far *= 2.0
    if math.copysign(1, npv(far)) == math.copysign(1, base):
        return BreakEven(variable, None, None, far)
    near = 0.0
    for _ in range(200):
        mid = (near + far) / 2.0
        if math.copysign(1, npv(mid)) == math.copysign(1, base):
            near = mid
        else:
            far = mid
        if abs(far - near) < 1e-13:
            break
    change = (near + far) / 2.0
    return BreakEven(variable, change, base_value(varied(project, variable, change), variable), far)


@dataclass(frozen=True)
class FarmThreshold:
    yield_kg_per_ha: float
    cost_pen_per_ha: float  # production cost at the surveyed yield + other yearly costs, per hectare
    break_even_kg_per_ha: float | None  # yield whose sales pay that cost
    literature_kg_per_ha: float  # the paper's 770 kg/ha (Espinosa-García et al. 2015, Mexico)


def farm_threshold(project: CarbonProject) -> FarmThreshold:
    """Yield at which a hectare's cocoa sales pay its yearly costs, without carbon. The cost per kg was measured
    at the surveyed yield, so it is turned into a cost per hectare (labour and inputs do not shrink with a poor
    harvest); other yearly costs are averaged over years 1…n."""
    cocoa, n = project.cocoa, project.years
    other = [cocoa.other_costs_pen_by_year[t] if t < len(cocoa.other_costs_pen_by_year) else 0.0
             for t in range(1, n + 1)]
    area = cocoa.area_ha
    if area <= 0:
        return FarmThreshold(cocoa.yield_kg_per_ha, 0.0, None, project.profitability_threshold_kg_per_ha)
    cost = cocoa.production_cost_pen_per_kg * cocoa.kg_sold(False) / area + math.fsum(other) / n / area
    income_per_kg = (1.0 - cocoa.losses_share) * cocoa.price_pen_per_kg
    threshold = cost / income_per_kg if income_per_kg > 0 else None
    return FarmThreshold(cocoa.yield_kg_per_ha, cost, threshold, project.profitability_threshold_kg_per_ha)
