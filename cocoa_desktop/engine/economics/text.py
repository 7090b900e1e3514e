"""Plain-text reports (CLI, logs) of a carbon project's evaluation and of a sampling plan, in Spanish or English."""

from __future__ import annotations

from cocoa_desktop.engine.economics.cash_flow import Indicators
from cocoa_desktop.engine.economics.report import IRR_PROBLEMS, PERSPECTIVE_LABELS, Evaluation
from cocoa_desktop.engine.files.producers import Draw
from cocoa_desktop.engine.sampling import Allocation, SampleSize
from cocoa_desktop.engine.uncertainty.sensitivity import variable_label, variable_unit
from cocoa_desktop.engine.words import index, pick, quantity, say


def money(value: float | None, lang: str, decimals: int = 2) -> str:
    return "—" if value is None else quantity(value, decimals, lang)


def percent(value: float | None, lang: str, decimals: int = 2) -> str:
    return "—" if value is None else quantity(value * 100, decimals, lang) + " %"


def irr_text(r: Indicators, lang: str) -> str:
    if r.irr is None:
        return pick(IRR_PROBLEMS[r.irr_problem or "not_found"], lang)
    return percent(r.irr, lang)


def indicator_lines(r: Indicators, rate: float, lang: str) -> list[str]:
    year = say(lang, "año", "year")
    return [
        f"{say(lang, 'VAN (año 0 sin descontar)', 'NPV (year 0 not discounted)'):<52}{money(r.npv, lang):>18} PEN",
        f"{say(lang, 'VAN convención hoja de cálculo (VNA, descuenta el año 0)', 'NPV spreadsheet convention (NPV(), discounts year 0)'):<52}"  # noqa: E501
        f"{money(r.npv_spreadsheet, lang):>18} PEN",
        f"{say(lang, 'TIR', 'IRR'):<52}{irr_text(r, lang):>18}  ({say(lang, 'tasa de descuento', 'discount rate')} "
        f"{percent(rate, lang)})",
        f"{say(lang, 'B/C = VA beneficios brutos ÷ VA costos brutos', 'B/C = PV gross benefits ÷ PV gross costs'):<52}"
        f"{money(r.benefit_cost, lang, 3):>18}",
        f"{say(lang, 'Recuperación (flujo acumulado ≥ 0)', 'Payback (cumulative flow ≥ 0)'):<52}"
        f"{'—' if r.payback_year is None else f'{year} {r.payback_year}':>18}",
        f"{say(lang, 'Recuperación descontada', 'Discounted payback'):<52}"
        f"{'—' if r.discounted_payback_year is None else f'{year} {r.discounted_payback_year}':>18}",
    ]


def evaluation_text(ev: Evaluation, lang: str = "es") -> str:
    p, flow, idx = ev.project, ev.flow, index(lang)
    out = [p.name, say(lang, "Perspectiva: ", "Perspective: ") + PERSPECTIVE_LABELS[p.perspective][idx], ""]
    years = range(flow.years + 1)
    out.append(f"{'PEN':<56}" + "".join(f"{say(lang, 'Año', 'Year')} {t:>2}".rjust(15) for t in years))
    rows = [(("+ " if line.side == "benefit" else "− ") + line.label(lang), line.values) for line in flow.lines]
    rows += [(say(lang, "= Flujo neto", "= Net flow"), flow.net), (say(lang, "  Acumulado", "  Cumulative"),
                                                                   flow.cumulative)]
    rows.append((say(lang, "  Créditos (t CO2)", "  Credits (t CO2)"), flow.credits_t))
    if any(flow.farmers_pen):
        rows.append((say(lang, "  Parte de los productores", "  Farmers' share"), flow.farmers_pen))
    for label, values in rows:
        out.append(f"{label[:55]:<56}" + "".join(money(v, lang).rjust(15) for v in values))
    out += ["", *indicator_lines(ev.result, p.discount_rate, lang), ""]
    out.append(say(lang, "Según la perspectiva:", "By perspective:"))
    for persp, r in ev.by_perspective.items():
        out.append(f"  {PERSPECTIVE_LABELS[persp][idx][:70]:<72} VAN/NPV {money(r.npv, lang):>16}  "
                   f"{say(lang, 'TIR', 'IRR')} {irr_text(r, lang)}")
    out += ["", say(lang, "Sensibilidad (variables y pasos de la Tabla 11 del artículo):",
                    "Sensitivity (variables and steps of the paper's Table 11):")]
    out.append(f"  {'Variable':<36}{say(lang, 'Cambio', 'Change'):>9}{say(lang, 'Valor', 'Value'):>16}"
               f"{say(lang, 'VAN', 'NPV'):>18}{say(lang, 'VAN hoja', 'NPV sheet'):>18}{say(lang, 'TIR', 'IRR'):>10}"
               f"{'B/C':>8}")
    for row in ev.table:
        r = row.result
        out.append(f"  {variable_label(row.variable, lang):<36}{percent(row.change, lang, 2):>9}"
                   f"{money(row.value, lang):>16}{money(r.npv, lang):>18}{money(r.npv_spreadsheet, lang):>18}"
                   f"{percent(r.irr, lang):>10}{money(r.benefit_cost, lang):>8}")
    out += ["", say(lang, "Punto de equilibrio (VAN = 0, TIR = tasa de descuento):",
                    "Break-even (NPV = 0, IRR = discount rate):")]
    for b in ev.break_even:
        unit = variable_unit(b.variable, lang)
        if b.change is None:
            verdict = say(lang, f"no existe: el VAN no llega a cero ni con {percent(b.searched, lang, 0)}",
                          f"none: the NPV does not reach zero even at {percent(b.searched, lang, 0)}")
        else:
            verdict = f"{percent(b.change, lang)} → {money(b.value, lang)} {unit}"
        out.append(f"  {variable_label(b.variable, lang):<36}{verdict}")
    f = ev.farm
    out += ["", say(lang, "Umbral de rentabilidad de la finca (sin carbono):",
                    "Farm profitability threshold (no carbon):"),
            f"  {say(lang, 'rendimiento', 'yield')} {money(f.yield_kg_per_ha, lang)} kg/ha; "
            f"{say(lang, 'costo', 'cost')} {money(f.cost_pen_per_ha, lang)} PEN/ha; "
            f"{say(lang, 'equilibrio', 'break-even')} {money(f.break_even_kg_per_ha, lang, 0)} kg/ha; "
            f"{say(lang, 'literatura', 'literature')} {money(f.literature_kg_per_ha, lang, 0)} kg/ha"]
    if ev.warnings:
        out += ["", *(f"{say(lang, 'AVISO', 'WARNING')} {w.path}: {w.message(lang)}" for w in ev.warnings)]
    if ev.findings:
        out += ["", say(lang, "Incoherencias de la fuente publicada:", "Inconsistencies of the published source:")]
        out += [f"  * {finding.message(lang)}" for finding in ev.findings]
    return "\n".join(out)


def plan_text(size: SampleSize, allocation: Allocation | None, chosen: Draw | None, lang: str = "es") -> str:
    out = [say(lang, "Tamaño de muestra (población finita)", "Sample size (finite population)"),
           f"  N = {size.population}; {say(lang, 'confianza', 'confidence')} {percent(size.confidence, lang, 1)} "
           f"(Z = {quantity(size.z, 4, lang)}); {say(lang, 'error', 'error')} {percent(size.error, lang, 1)}; "
           f"P = {quantity(size.proportion, 2, lang)}",
           f"  n = {quantity(size.exact, 2, lang)} → {size.n}"]
    if allocation is not None:
        if allocation.raised_to_strata:
            out.append(say(lang, f"  (se sube a {allocation.n}: al menos un productor por estrato)",
                           f"  (raised to {allocation.n}: at least one producer per stratum)"))
        out += ["", f"  {say(lang, 'Estrato', 'Stratum'):<28}{'N_h':>8}{'n·N_h/N':>10}{'n_h':>6}"]
        for s in allocation.strata:
            out.append(f"  {s.name:<28}{s.population:>8}{quantity(s.exact, 2, lang):>10}{s.n:>6}")
        out.append(f"  {'Total':<28}{sum(s.population for s in allocation.strata):>8}{'':>10}"
                   f"{sum(s.n for s in allocation.strata):>6}")
    if chosen is not None:
        out += ["", say(lang, "Productores a visitar:", "Producers to visit:")]
        line = say(lang, "línea", "line")
        out += [f"  {p.stratum:<20}{p.code:<12}{p.name}  ({line} {p.line})" for p in chosen.chosen]
        out += ["", say(lang, "Reemplazos, en orden, si no se encuentra a alguien:",
                        "Replacements, in order, if someone cannot be reached:")]
        out += [f"  {p.stratum:<20}{p.code:<12}{p.name}" for p in chosen.reserves]
    return "\n".join(out)
