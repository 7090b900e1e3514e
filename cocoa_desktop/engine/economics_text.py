"""Plain-text reports (CLI, logs) of a carbon project's evaluation and of a sampling plan, in Spanish or English."""

from __future__ import annotations

from cocoa_desktop.engine.cash_flow import Indicators
from cocoa_desktop.engine.economics_report import IRR_PROBLEMS, PERSPECTIVE_LABELS, Evaluation
from cocoa_desktop.engine.producers import Draw
from cocoa_desktop.engine.report import format_quantity
from cocoa_desktop.engine.sampling import Allocation, SampleSize
from cocoa_desktop.engine.sensitivity import variable_label, variable_unit


def _t(lang: str, es: str, en: str) -> str:
    return en if lang == "en" else es


def money(value: float | None, lang: str, decimals: int = 2) -> str:
    return "—" if value is None else format_quantity(value, decimals, lang)


def percent(value: float | None, lang: str, decimals: int = 2) -> str:
    return "—" if value is None else format_quantity(value * 100, decimals, lang) + " %"


def irr_text(r: Indicators, lang: str) -> str:
    if r.irr is None:
        return IRR_PROBLEMS[r.irr_problem or "not_found"][1 if lang == "en" else 0]
    return percent(r.irr, lang)


def indicator_lines(r: Indicators, rate: float, lang: str) -> list[str]:
    year = _t(lang, "año", "year")
    return [
        f"{_t(lang, 'VAN (año 0 sin descontar)', 'NPV (year 0 not discounted)'):<52}{money(r.npv, lang):>18} PEN",
        f"{_t(lang, 'VAN convención hoja de cálculo (VNA, descuenta el año 0)', 'NPV spreadsheet convention (NPV(), discounts year 0)'):<52}"  # noqa: E501
        f"{money(r.npv_spreadsheet, lang):>18} PEN",
        f"{_t(lang, 'TIR', 'IRR'):<52}{irr_text(r, lang):>18}  ({_t(lang, 'tasa de descuento', 'discount rate')} "
        f"{percent(rate, lang)})",
        f"{_t(lang, 'B/C = VA beneficios brutos ÷ VA costos brutos', 'B/C = PV gross benefits ÷ PV gross costs'):<52}"
        f"{money(r.benefit_cost, lang, 3):>18}",
        f"{_t(lang, 'Recuperación (flujo acumulado ≥ 0)', 'Payback (cumulative flow ≥ 0)'):<52}"
        f"{'—' if r.payback_year is None else f'{year} {r.payback_year}':>18}",
        f"{_t(lang, 'Recuperación descontada', 'Discounted payback'):<52}"
        f"{'—' if r.discounted_payback_year is None else f'{year} {r.discounted_payback_year}':>18}",
    ]


def evaluation_text(ev: Evaluation, lang: str = "es") -> str:
    p, flow, idx = ev.project, ev.flow, 1 if lang == "en" else 0
    out = [p.name, _t(lang, "Perspectiva: ", "Perspective: ") + PERSPECTIVE_LABELS[p.perspective][idx], ""]
    years = range(flow.years + 1)
    out.append(f"{'PEN':<56}" + "".join(f"{_t(lang, 'Año', 'Year')} {t:>2}".rjust(15) for t in years))
    rows = [(("+ " if line.side == "benefit" else "− ") + line.label(lang), line.values) for line in flow.lines]
    rows += [(_t(lang, "= Flujo neto", "= Net flow"), flow.net), (_t(lang, "  Acumulado", "  Cumulative"),
                                                                  flow.cumulative)]
    rows.append((_t(lang, "  Créditos (t CO2)", "  Credits (t CO2)"), flow.credits_t))
    if any(flow.farmers_pen):
        rows.append((_t(lang, "  Parte de los productores", "  Farmers' share"), flow.farmers_pen))
    for label, values in rows:
        out.append(f"{label[:55]:<56}" + "".join(money(v, lang).rjust(15) for v in values))
    out += ["", *indicator_lines(ev.result, p.discount_rate, lang), ""]
    out.append(_t(lang, "Según la perspectiva:", "By perspective:"))
    for persp, r in ev.by_perspective.items():
        out.append(f"  {PERSPECTIVE_LABELS[persp][idx][:70]:<72} VAN/NPV {money(r.npv, lang):>16}  "
                   f"{_t(lang, 'TIR', 'IRR')} {irr_text(r, lang)}")
    out += ["", _t(lang, "Sensibilidad (variables y pasos de la Tabla 11 del artículo):",
                   "Sensitivity (variables and steps of the paper's Table 11):")]
    out.append(f"  {'Variable':<36}{_t(lang, 'Cambio', 'Change'):>9}{_t(lang, 'Valor', 'Value'):>16}"
               f"{_t(lang, 'VAN', 'NPV'):>18}{_t(lang, 'VAN hoja', 'NPV sheet'):>18}{_t(lang, 'TIR', 'IRR'):>10}"
               f"{'B/C':>8}")
    for row in ev.table:
        r = row.result
        out.append(f"  {variable_label(row.variable, lang):<36}{percent(row.change, lang, 2):>9}"
                   f"{money(row.value, lang):>16}{money(r.npv, lang):>18}{money(r.npv_spreadsheet, lang):>18}"
                   f"{percent(r.irr, lang):>10}{money(r.benefit_cost, lang):>8}")
    out += ["", _t(lang, "Punto de equilibrio (VAN = 0, TIR = tasa de descuento):",
                   "Break-even (NPV = 0, IRR = discount rate):")]
    for b in ev.break_even:
        unit = variable_unit(b.variable, lang)
        if b.change is None:
            verdict = _t(lang, f"no existe: el VAN no llega a cero ni con {percent(b.searched, lang, 0)}",
                         f"none: the NPV does not reach zero even at {percent(b.searched, lang, 0)}")
        else:
            verdict = f"{percent(b.change, lang)} → {money(b.value, lang)} {unit}"
        out.append(f"  {variable_label(b.variable, lang):<36}{verdict}")
    f = ev.farm
    out += ["", _t(lang, "Umbral de rentabilidad de la finca (sin carbono):",
                   "Farm profitability threshold (no carbon):"),
            f"  {_t(lang, 'rendimiento', 'yield')} {money(f.yield_kg_per_ha, lang)} kg/ha; "
            f"{_t(lang, 'costo', 'cost')} {money(f.cost_pen_per_ha, lang)} PEN/ha; "
            f"{_t(lang, 'equilibrio', 'break-even')} {money(f.break_even_kg_per_ha, lang, 0)} kg/ha; "
            f"{_t(lang, 'literatura', 'literature')} {money(f.literature_kg_per_ha, lang, 0)} kg/ha"]
    if ev.warnings:
        out += ["", *(f"{_t(lang, 'AVISO', 'WARNING')} {w.path}: {w.message(lang)}" for w in ev.warnings)]
    if ev.findings:
        out += ["", _t(lang, "Incoherencias de la fuente publicada:", "Inconsistencies of the published source:")]
        out += [f"  * {finding.message(lang)}" for finding in ev.findings]
    return "\n".join(out)


def plan_text(size: SampleSize, allocation: Allocation | None, chosen: Draw | None, lang: str = "es") -> str:
    out = [_t(lang, "Tamaño de muestra (población finita)", "Sample size (finite population)"),
           f"  N = {size.population}; {_t(lang, 'confianza', 'confidence')} {percent(size.confidence, lang, 1)} "
           f"(Z = {format_quantity(size.z, 4, lang)}); {_t(lang, 'error', 'error')} {percent(size.error, lang, 1)}; "
           f"P = {format_quantity(size.proportion, 2, lang)}",
           f"  n = {format_quantity(size.exact, 2, lang)} → {size.n}"]
    if allocation is not None:
        if allocation.raised_to_strata:
            out.append(_t(lang, f"  (se sube a {allocation.n}: al menos un productor por estrato)",
                          f"  (raised to {allocation.n}: at least one producer per stratum)"))
        out += ["", f"  {_t(lang, 'Estrato', 'Stratum'):<28}{'N_h':>8}{'n·N_h/N':>10}{'n_h':>6}"]
        for s in allocation.strata:
            out.append(f"  {s.name:<28}{s.population:>8}{format_quantity(s.exact, 2, lang):>10}{s.n:>6}")
        out.append(f"  {'Total':<28}{sum(s.population for s in allocation.strata):>8}{'':>10}"
                   f"{sum(s.n for s in allocation.strata):>6}")
    if chosen is not None:
        out += ["", _t(lang, "Productores a visitar:", "Producers to visit:")]
        out += [f"  {p.stratum:<20}{p.code:<12}{p.name}  ({_t(lang, 'línea', 'line')} {p.line})" for p in chosen.chosen]
        out += ["", _t(lang, "Reemplazos, en orden, si no se encuentra a alguien:",
                       "Replacements, in order, if someone cannot be reached:")]
        out += [f"  {p.stratum:<20}{p.code:<12}{p.name}" for p in chosen.reserves]
    return "\n".join(out)
