"""Everything the app, the CLI and the workbook show about a carbon project, computed once: the cash flow, the
indicators under the three perspectives, Table 11, the tornado, break-even values, the farm threshold, the
plausibility warnings and the source's inconsistencies; as a JSON-ready document and as a plain-text report."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from cocoa_desktop.engine.economics.cash_flow import CashFlow, Indicators, cash_flow, indicators
from cocoa_desktop.engine.economics.project import CarbonProject, Perspective
from cocoa_desktop.engine.footprint.published import Finding, findings
from cocoa_desktop.engine.model.issues import Issue, Severity
from cocoa_desktop.engine.uncertainty import sensitivity
from cocoa_desktop.engine.words import quantity

PLAUSIBLE_T_CO2_PER_HA_YEAR = 40.0  # far above any published rate for cocoa agroforestry (≈ 4–25)

PERSPECTIVE_LABELS: dict[Perspective, tuple[str, str]] = {
    Perspective.PUBLISHED: ("Como en el artículo (ventas de cacao y carbono − inversión − costos del proyecto)",
                            "As published (cocoa and carbon sales − investment − project costs)"),
    Perspective.INCREMENTAL: ("Incremental (con el proyecto − sin el proyecto)",
                              "Incremental (with the project − without it)"),
    Perspective.WITH_PROJECT: ("Con el proyecto (incluye los costos de producción de cacao)",
                               "With the project (cocoa production costs included)"),
}
IRR_PROBLEMS = {
    "no_sign_change": ("sin TIR: el flujo neto no cambia de signo", "no IRR: the net flow never changes sign"),
    "not_found": ("sin TIR: no se encontró una tasa que anule el VAN", "no IRR: no rate makes the NPV zero"),
}


@dataclass(frozen=True)
class Evaluation:
    project: CarbonProject
    flow: CashFlow
    result: Indicators
    by_perspective: dict[Perspective, Indicators]
    table: list[sensitivity.SensitivityRow]
    tornado: list[sensitivity.TornadoBar]
    break_even: list[sensitivity.BreakEven]
    farm: sensitivity.FarmThreshold
    warnings: list[Issue]
    findings: list[Finding]


def evaluate_project(project: CarbonProject, swing: float = 0.20) -> Evaluation:
    flow = cash_flow(project)
    result = indicators(flow, project.discount_rate)
    others = {p: indicators(cash_flow(project.model_copy(update={"perspective": p})), project.discount_rate)
              for p in Perspective}
    return Evaluation(project, flow, result, others, sensitivity.table(project),
                      sensitivity.tornado(project, swing),
                      [sensitivity.break_even(project, v) for v in sensitivity.VARIABLES],
                      sensitivity.farm_threshold(project), warnings(project, result), findings(project))


def _warn(path: str, code: str, es: str, en: str) -> Issue:
    return Issue(path, code, es, en, Severity.WARNING)


def warnings(project: CarbonProject, result: Indicators) -> list[Issue]:
    found = []
    rate = project.sequestration.rate_t_co2_per_ha_year
    if project.sequestration.mode == "rate" and rate > PLAUSIBLE_T_CO2_PER_HA_YEAR:
        found.append(_warn("sequestration.rate_t_co2_per_ha_year", "sequestration_high",
                           f"{quantity(rate, 1, 'es')} t CO2/ha·año es muy superior a lo publicado para cacao "
                           "agroforestal (unos 4 a 25); un certificador pedirá medirlo",
                           f"{quantity(rate, 1, 'en')} t CO2/ha·yr is far above published rates for cocoa "
                           "agroforestry (about 4 to 25); a certifier will ask for measurements"))
    if project.perspective is Perspective.PUBLISHED:
        found.append(_warn("perspective", "published_perspective",
                           "perspectiva del artículo: suma las ventas de cacao sin restar sus costos de producción; "
                           "el VAN no mide solo lo que aporta vender créditos (vea la perspectiva incremental)",
                           "the paper's perspective: cocoa sales are counted without their production costs; the NPV "
                           "does not measure what selling credits alone adds (see the incremental perspective)"))
    if result.several_sign_changes:
        found.append(_warn("flow", "several_irr",
                           "el flujo neto cambia de signo más de una vez: puede haber varias TIR",
                           "the net flow changes sign more than once: there may be several IRRs"))
    cocoa = project.cocoa
    if 0 < cocoa.yield_kg_per_ha < project.profitability_threshold_kg_per_ha:
        found.append(_warn("cocoa.yield_kg_per_ha", "yield_below_threshold",
                           f"rendimiento por debajo del umbral de rentabilidad de la literatura "
                           f"({quantity(project.profitability_threshold_kg_per_ha, 0, 'es')} kg/ha)",
                           f"yield below the literature's profitability threshold "
                           f"({quantity(project.profitability_threshold_kg_per_ha, 0, 'en')} kg/ha)"))
    return found


def _num(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def indicators_document(r: Indicators) -> dict[str, Any]:
    return {"npv_pen": r.npv, "npv_spreadsheet_convention_pen": r.npv_spreadsheet, "irr": _num(r.irr),
            "irr_problem": r.irr_problem, "benefit_cost": _num(r.benefit_cost), "payback_year": r.payback_year,
            "discounted_payback_year": r.discounted_payback_year}


def evaluation_document(ev: Evaluation, lang: str = "es") -> dict[str, Any]:
    flow = ev.flow
    return {
        "format": "cocoa-desktop/carbon-project-results", "format_version": 1,
        "project": ev.project.name, "perspective": ev.project.perspective.value,
        "discount_rate": ev.project.discount_rate,
        "cash_flow": {
            "years": list(range(flow.years + 1)),
            "credits_t_co2": list(flow.credits_t),
            "lines": [{"key": line.key, "label": line.label(lang), "side": line.side, "pen": list(line.values)}
                      for line in flow.lines],
            "benefits_pen": list(flow.benefits), "costs_pen": list(flow.costs), "net_pen": list(flow.net),
            "cumulative_pen": list(flow.cumulative), "farmers_share_pen": list(flow.farmers_pen),
        },
        "indicators": indicators_document(ev.result),
        "by_perspective": {p.value: indicators_document(r) for p, r in ev.by_perspective.items()},
        "sensitivity": [{"variable": r.variable, "change": r.change, "value": r.value,
                         **indicators_document(r.result)} for r in ev.table],
        "tornado": [{"variable": b.variable, "npv_low_pen": b.npv_low, "npv_high_pen": b.npv_high}
                    for b in ev.tornado],
        "break_even": [{"variable": b.variable, "change": b.change, "value": b.value} for b in ev.break_even],
        "farm_threshold": {"yield_kg_per_ha": ev.farm.yield_kg_per_ha, "cost_pen_per_ha": ev.farm.cost_pen_per_ha,
                           "break_even_kg_per_ha": ev.farm.break_even_kg_per_ha,
                           "literature_kg_per_ha": ev.farm.literature_kg_per_ha},
        "warnings": [{"path": w.path, "code": w.code, "message": w.message(lang)} for w in ev.warnings],
        "source_inconsistencies": [{"code": f.code, "message": f.message(lang)} for f in ev.findings],
    }
