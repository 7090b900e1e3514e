"""The cash flow of a carbon project, year by year, and its indicators (NPV, IRR, B/C, payback).

NPV follows the textbook convention: the year-0 flow is not discounted, ``CF0 + Σ CF_t / (1 + r)^t``
(numpy-financial's ``npv``). Spreadsheets' ``NPV(r; CF0:CFn)`` discounts year 0 too, which is the textbook value
÷ (1 + r); Goñas et al. 2024 published that one (1,365,432.31 for 1,529,284.19). Both are returned, the second
labelled. B/C is PV(gross benefits) ÷ PV(gross costs), the same under either convention.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass

import numpy as np
import numpy_financial as npf

from cocoa_desktop.engine.economics.project import CarbonProject, Perspective, SequestrationMode
from cocoa_desktop.engine.words import pick

BENEFIT, COST = "benefit", "cost"

# line key -> (Spanish, English)
LINE_LABELS: dict[str, tuple[str, str]] = {
    "cocoa_sales": ("Venta de cacao seco", "Dry cocoa sales"),
    "carbon_sales": ("Venta de créditos de carbono", "Carbon credit sales"),
    "extra_cocoa_sales": ("Venta de cacao adicional por el proyecto", "Extra cocoa sales due to the project"),
    "cocoa_costs_saved": ("Costos de cacao ahorrados", "Cocoa costs saved"),
    "investment": ("Inversión (instalación)", "Investment (plantation)"),
    "cocoa_costs": ("Costos de producción de cacao", "Cocoa production costs"),
    "project_costs": ("Costos del proyecto (implementación y certificación)",
                      "Project costs (implementation and certification)"),
    "registry_fees": ("Tarifa del registro por crédito", "Registry fee per credit"),
    "seedling_payments": ("Pagos por plantones", "Payments per seedling"),
    "lost_cocoa_sales": ("Venta de cacao perdida por el proyecto", "Cocoa sales lost due to the project"),
    "extra_cocoa_costs": ("Costos de cacao adicionales", "Extra cocoa costs"),
}


@dataclass(frozen=True)
class Line:
    key: str
    side: str  # BENEFIT or COST
    values: tuple[float, ...]

    def label(self, lang: str = "es") -> str:
        return pick(LINE_LABELS[self.key], lang)


@dataclass(frozen=True)
class CashFlow:
    perspective: Perspective
    lines: tuple[Line, ...]
    credits_t: tuple[float, ...]  # t CO2 sold each year
    farmers_pen: tuple[float, ...]  # the farmers' share of the net carbon income (benefit sharing)

    @property
    def years(self) -> int:
        return len(self.credits_t) - 1

    def _sum(self, side: str) -> tuple[float, ...]:
        chosen = [line.values for line in self.lines if line.side == side]
        return tuple(math.fsum(col) for col in zip(*chosen, strict=True)) if chosen else (0.0,) * len(self.credits_t)

    @property
    def benefits(self) -> tuple[float, ...]:
        return self._sum(BENEFIT)

    @property
    def costs(self) -> tuple[float, ...]:
        return self._sum(COST)

    @property
    def net(self) -> tuple[float, ...]:
        return tuple(b - c for b, c in zip(self.benefits, self.costs, strict=True))

    @property
    def cumulative(self) -> tuple[float, ...]:
        total, out = 0.0, []
        for value in self.net:
            total += value
            out.append(total)
        return tuple(out)


def _by_year(values: list[float], years: int) -> list[float]:
    """A per-year list padded with zeros (or cut) to years 0…years."""
    return [float(values[t]) if t < len(values) else 0.0 for t in range(years + 1)]


def _stock(curve: list[tuple[float, float]], age: float) -> float:
    """Carbon stock (t CO2/ha) at an age, linear between the points; a plantation starts from 0 at age 0 unless
    the curve says otherwise, and keeps its last stock beyond the last age."""
    return _Curve(curve).stock(age)


class _Curve:
    """A stock curve sorted once; the stock at an age found by bisection (the segment the scan of the points would
    find first, so the same number)."""

    def __init__(self, curve: list[tuple[float, float]]) -> None:
        self.points = sorted(curve) if curve[0][0] == 0 else [(0.0, 0.0), *sorted(curve)]
        self.ages = [a for a, _ in self.points]

    def stock(self, age: float) -> float:
        points = self.points
        if age >= points[-1][0]:
            return points[-1][1]
        if age < points[0][0]:
            return points[0][1]
        k = max(bisect.bisect_left(self.ages, age) - 1, 0)  # the first segment with a0 <= age <= a1
        (a0, s0), (a1, s1) = points[k], points[k + 1]
        return s0 + (s1 - s0) * (age - a0) / (a1 - a0)


def stock_changes(project: CarbonProject) -> list[float]:
    """Change of the carbon stock of all cohorts each year (t CO2); a plot that reaches the renewal age is
    replanted (age 0), so that year shows a loss.

    Cohorts of one age follow the same path: their areas are added up first, and the paths of the different ages
    (at most 201) are followed together year by year (numpy), so 10,000 cohorts take about as long as a few.
    Each year's change is summed over the ages in the order they first appear (the same sums as a loop)."""
    seq, n = project.sequestration, project.years
    area_by_age: dict[int, float] = {}
    for cohort in seq.cohorts:  # in file order: a project with one cohort per age sums exactly as before
        area_by_age[cohort.age_years] = area_by_age.get(cohort.age_years, 0.0) + cohort.area_ha
    if n == 0 or not area_by_age:
        return [0.0] * (n + 1)
    renewal = seq.renewal_age_years
    paths = np.empty((len(area_by_age), n + 1), dtype=np.int64)  # each age group's age, year by year
    paths[:, 0] = list(area_by_age)
    for t in range(1, n + 1):
        older = paths[:, t - 1] + 1
        paths[:, t] = np.where(older >= renewal, 0, older)  # replanted when it reaches the renewal age
    curve = _Curve(seq.stock_curve)
    stock = np.array([curve.stock(age) for age in range(int(paths.max()) + 1)])[paths]
    areas = np.array(list(area_by_age.values()))[:, None]
    by_age = areas * (stock[:, 1:] - stock[:, :-1])
    change = np.zeros(n)
    for row in by_age:  # one age after the other, as a loop over the cohorts adds them (numpy's sum may pair them)
        change += row
    return [0.0, *map(float, change)]


def credits_by_year(project: CarbonProject) -> list[float]:
    """Tonnes of CO2 credited each year from ``first_year`` on. A loss (renewal) is not sold back: it is carried
    forward and made good by later growth before any new credit is issued."""
    seq, n = project.sequestration, project.years
    if seq.mode is SequestrationMode.RATE:
        area = seq.area_ha if seq.area_ha is not None else project.cocoa.area_ha
        return [seq.rate_t_co2_per_ha_year * area if t >= seq.first_year else 0.0 for t in range(n + 1)]
    credits, deficit = [0.0] * (n + 1), 0.0
    for t, delta in enumerate(stock_changes(project)):
        if t < seq.first_year:
            continue
        balance = delta - deficit
        credits[t], deficit = (balance, 0.0) if balance >= 0 else (0.0, -balance)
    return credits


def cash_flow(project: CarbonProject) -> CashFlow:
    n, cocoa, market = project.years, project.cocoa, project.carbon
    fx = market.exchange_rate_pen_per_usd
    credits = credits_by_year(project)
    other = _by_year(cocoa.other_costs_pen_by_year, n)
    kg_with, kg_without = cocoa.kg_sold(True), cocoa.kg_sold(False)
    sales_with = [kg_with * cocoa.price_pen_per_kg] * (n + 1)
    sales_without = [kg_without * cocoa.price_pen_per_kg] * (n + 1)
    costs_with = [kg_with * cocoa.production_cost_pen_per_kg + o for o in other]
    costs_without = [kg_without * cocoa.production_cost_pen_per_kg + o for o in other]
    carbon = [c * market.price_usd_per_t * fx for c in credits]
    fees = [c * market.registry_fee_usd_per_credit * fx for c in credits]
    investment = [math.fsum(i.total_pen for i in project.investment if i.year == t) for t in range(n + 1)]
    project_costs = [math.fsum(col) for col in zip(*[_by_year(c.pen_by_year, n) for c in project.project_costs],
                                                   strict=True)] if project.project_costs else [0.0] * (n + 1)
    sd = project.seedlings
    seedlings = [a * sd.nursery_pen_per_seedling + b * sd.planted_pen_per_seedling
                 for a, b in zip(_by_year(sd.nursery_by_year, n), _by_year(sd.planted_by_year, n), strict=True)]
    shared = [(market.farmers_share * max(c - f, 0.0)) for c, f in zip(carbon, fees, strict=True)]

    p = project.perspective
    rows: list[tuple[str, str, list[float]]] = []
    if p is Perspective.INCREMENTAL:
        d_sales = [w - wo for w, wo in zip(sales_with, sales_without, strict=True)]
        d_costs = [w - wo for w, wo in zip(costs_with, costs_without, strict=True)]
        rows += [("carbon_sales", BENEFIT, carbon),
                 ("extra_cocoa_sales", BENEFIT, [max(d, 0.0) for d in d_sales]),
                 ("cocoa_costs_saved", BENEFIT, [max(-d, 0.0) for d in d_costs]),
                 ("project_costs", COST, project_costs), ("registry_fees", COST, fees),
                 ("seedling_payments", COST, seedlings),
                 ("lost_cocoa_sales", COST, [max(-d, 0.0) for d in d_sales]),
                 ("extra_cocoa_costs", COST, [max(d, 0.0) for d in d_costs])]
    else:
        rows += [("cocoa_sales", BENEFIT, sales_with), ("carbon_sales", BENEFIT, carbon),
                 ("investment", COST, investment)]
        if p is Perspective.WITH_PROJECT:
            rows.append(("cocoa_costs", COST, costs_with))
        rows += [("project_costs", COST, project_costs), ("registry_fees", COST, fees),
                 ("seedling_payments", COST, seedlings)]
    # lines that are zero in every year are left out, except the two that define a carbon project
    kept = [Line(key, side, tuple(values)) for key, side, values in rows
            if any(values) or key in ("carbon_sales", "project_costs")]
    return CashFlow(p, tuple(kept), tuple(credits), tuple(shared))


@dataclass(frozen=True)
class Indicators:
    npv: float  # textbook: year 0 not discounted
    npv_spreadsheet: float  # as spreadsheets' NPV(): year 0 discounted too (= npv / (1 + r))
    irr: float | None
    irr_problem: str | None  # "no_sign_change" | "not_found" | None
    several_sign_changes: bool  # more than one IRR may exist
    benefit_cost: float | None  # PV gross benefits / PV gross costs; None when there are no costs
    payback_year: int | None  # first year whose cumulative net flow is ≥ 0
    discounted_payback_year: int | None


def present_value(rate: float, flows: tuple[float, ...] | list[float]) -> float:
    return float(npf.npv(rate, flows))


def internal_rate(flows: list[float]) -> float | None:
    """numpy-financial's IRR, with flows negligible beside the largest (below 1e-12 of it) set to zero first:
    a near-zero last flow is the leading coefficient of the polynomial whose root is sought, and makes the
    root finder fail or wander."""
    scale = max(abs(v) for v in flows)
    cleaned = [0.0 if abs(v) <= 1e-12 * scale else v for v in flows]
    try:
        with np.errstate(all="ignore"):
            found = float(npf.irr(cleaned))
    except (np.linalg.LinAlgError, ValueError):
        return None
    return found if math.isfinite(found) else None


def sign_changes(flows: tuple[float, ...] | list[float]) -> int:
    signs = [v > 0 for v in flows if v != 0]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


def _payback(flows: list[float]) -> int | None:
    """The year from which the cumulative flow stays at or above zero; None if it ends below zero."""
    total, last_negative = 0.0, -1
    for year, value in enumerate(flows):
        total += value
        if total < 0:
            last_negative = year
    return None if last_negative == len(flows) - 1 else last_negative + 1


def indicators(flow: CashFlow, rate: float) -> Indicators:
    net = list(flow.net)
    value = present_value(rate, net)
    changes = sign_changes(net)
    irr, problem = None, None
    if changes == 0:
        problem = "no_sign_change"
    else:
        irr = internal_rate(net)
        problem = None if irr is not None else "not_found"
    pv_costs = present_value(rate, flow.costs)
    bc = present_value(rate, flow.benefits) / pv_costs if pv_costs > 0 else None
    discounted = [v / (1.0 + rate) ** t for t, v in enumerate(net)]
    return Indicators(value, value / (1.0 + rate), irr, problem, changes > 1, bc, _payback(net), _payback(discounted))
