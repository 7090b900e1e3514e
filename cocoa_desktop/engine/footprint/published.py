"""The published figures of a project's source (the ``published`` block of a project file) set beside this model,
and the places where the source contradicts itself. Nothing here feeds a result: it says where the paper's
numbers come from, or why they cannot be reproduced.

The checks are generic (a repeated result for different changes of one variable, a cumulative row that is not
the running sum of its flow, a summary that disagrees with its own table); Goñas et al. 2024 trips several.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from cocoa_desktop.engine.economics.cash_flow import present_value
from cocoa_desktop.engine.economics.project import CarbonProject
from cocoa_desktop.engine.uncertainty.sensitivity import evaluate, variable_label, varied
from cocoa_desktop.engine.words import percent, quantity, say


@dataclass(frozen=True)
class Finding:
    code: str
    message_es: str
    message_en: str

    def message(self, lang: str = "es") -> str:
        return say(lang, self.message_es, self.message_en)


def _pen(value: float, lang: str) -> str:
    return quantity(value, 2, lang)


def findings(project: CarbonProject) -> list[Finding]:
    pub: dict[str, Any] = project.published.model_dump(exclude_none=True) if project.published else {}
    found: list[Finding] = []
    rate = project.discount_rate
    flow = pub.get("net_flow_pen")
    if flow:
        npv = present_value(rate, flow)
        found.append(Finding(
            "npv_convention",
            f"El VAN publicado ({_pen(pub.get('npv_spreadsheet_pen', math.nan), 'es')}) es el de la función VNA de "
            f"una hoja de cálculo, que descuenta también el año 0; el VAN correcto del mismo flujo es "
            f"{_pen(npv, 'es')} (= {_pen(npv / (1 + rate), 'es')} × {quantity(1 + rate, 2, 'es')}).",
            f"The published NPV ({_pen(pub.get('npv_spreadsheet_pen', math.nan), 'en')}) is a spreadsheet NPV(), "
            f"which also discounts year 0; the correct NPV of the same flow is {_pen(npv, 'en')} "
            f"(= {_pen(npv / (1 + rate), 'en')} × {quantity(1 + rate, 2, 'en')})."))
        running = [math.fsum(flow[: t + 1]) for t in range(len(flow))]
        wrong = [t for t, (a, b) in enumerate(zip(running, pub.get("cumulative_pen", running), strict=False))
                 if abs(a - b) > 0.05]
        if wrong:
            years = ", ".join(str(t) for t in wrong)
            found.append(Finding(
                "cumulative_row",
                f"El flujo acumulado publicado no es la suma del flujo en los años {years} "
                f"(año {wrong[0]}: {_pen(pub['cumulative_pen'][wrong[0]], 'es')} en lugar de "
                f"{_pen(running[wrong[0]], 'es')}).",
                f"The published cumulative flow is not the running sum of the flow in years {years} "
                f"(year {wrong[0]}: {_pen(pub['cumulative_pen'][wrong[0]], 'en')} instead of "
                f"{_pen(running[wrong[0]], 'en')})."))
    found += _sensitivity_findings(project, pub.get("sensitivity") or [], pub.get("npv_spreadsheet_pen"))
    bc = pub.get("benefit_cost")
    ours = evaluate(project).benefit_cost
    if bc is not None and ours is not None and abs(bc - ours) > 0.005:
        found.append(Finding(
            "benefit_cost_differs",
            f"La relación B/C publicada ({quantity(bc, 2, 'es')}) no es VA(beneficios brutos) ÷ VA(costos "
            f"brutos) de su flujo, que da {quantity(ours, 3, 'es')}.",
            f"The published B/C ({quantity(bc, 2, 'en')}) is not PV(gross benefits) ÷ PV(gross costs) of its "
            f"flow, which gives {quantity(ours, 3, 'en')}."))
    abstract = pub.get("abstract")
    if abstract and all(pub.get(key) is not None for key in ("npv_spreadsheet_pen", "irr", "benefit_cost")):
        found.append(Finding(
            "abstract_differs",
            f"El resumen da VAN {_pen(abstract['npv_pen'], 'es')}, TIR {percent(abstract['irr'], 2, 'es')} y B/C "
            f"{quantity(abstract['benefit_cost'], 2, 'es')}; las tablas, "
            f"{_pen(pub['npv_spreadsheet_pen'], 'es')}, "
            f"{percent(pub['irr'], 2, 'es')} y {quantity(pub['benefit_cost'], 2, 'es')}.",
            f"The abstract gives NPV {_pen(abstract['npv_pen'], 'en')}, IRR {percent(abstract['irr'], 2, 'en')} and "
            f"B/C {quantity(abstract['benefit_cost'], 2, 'en')}; the tables "
            f"{_pen(pub['npv_spreadsheet_pen'], 'en')}, "
            f"{percent(pub['irr'], 2, 'en')} and {quantity(pub['benefit_cost'], 2, 'en')}."))
    return found


def _sensitivity_findings(project: CarbonProject, rows: list[dict[str, Any]], base: float | None) -> list[Finding]:
    found: list[Finding] = []
    by_variable: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_variable.setdefault(row["variable"], []).append(row)
    for variable, group in by_variable.items():
        npvs = {round(r["npv_spreadsheet_pen"], 2) for r in group}
        changes = sorted({r["change"] for r in group})
        if len(group) > 1 and len(npvs) == 1 and len(changes) > 1:
            ours, ours_en = (_our_npvs(project, variable, changes, lang) for lang in ("es", "en"))
            value = next(iter(npvs))
            found.append(Finding(
                "repeated_result",
                f"Tabla de sensibilidad, {variable_label(variable, 'es').lower()}: todas las filas repiten el mismo "
                f"VAN ({_pen(value, 'es')}) aunque la variable cambia; con este modelo (convención de hoja de "
                f"cálculo) dan {ours}.",
                f"Sensitivity table, {variable_label(variable, 'en').lower()}: every row repeats one NPV "
                f"({_pen(value, 'en')}) although the variable changes; this model (spreadsheet convention) gives "
                f"{ours_en}."))
        zero = [r for r in group if r["change"] == 0]
        if base is not None and zero and abs(zero[0]["npv_spreadsheet_pen"] - base) > 0.05:
            found.append(Finding(
                "base_row_differs",
                f"Tabla de sensibilidad, {variable_label(variable, 'es').lower()}: la fila 0 % da "
                f"{_pen(zero[0]['npv_spreadsheet_pen'], 'es')}, no el VAN base {_pen(base, 'es')}.",
                f"Sensitivity table, {variable_label(variable, 'en').lower()}: the 0 % row gives "
                f"{_pen(zero[0]['npv_spreadsheet_pen'], 'en')}, not the base NPV {_pen(base, 'en')}."))
    return found


def _our_npvs(project: CarbonProject, variable: str, changes: list[float], lang: str) -> str:
    return ", ".join(f"{quantity(c * 100, 0, lang)} % → "
                     f"{_pen(evaluate(varied(project, variable, c)).npv_spreadsheet, lang)}" for c in changes)
