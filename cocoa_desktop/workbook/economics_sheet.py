"""A standalone workbook with the sheet "Evaluación económica" ("Economic evaluation") of a carbon project.

The inputs the buyer or the cooperative will want to try (discount rate, carbon price, exchange rate, registry
fee, cocoa price and cost) sit at the top; the carbon and cocoa lines, the totals, the net and cumulative flows,
NPV, IRR, B/C and the payback year are formulas that use them, so the sheet recalculates as a calculator (the
registry fee's line is written even when the fee is 0, so that typing a fee counts; an input the project's
perspective does not use says so). The sensitivity block is the application's: fixed values, labelled as such.
Every formula is written
with the engine's value cached (XlsxWriter's ``write_formula(..., value)``), so a viewer that does not
recalculate still shows the right numbers; LibreOffice's recalculation gives the same to 1e-9
(``tests/workbook/test_economics_sheet.py``).
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from cocoa_desktop.engine.economics.cash_flow import COST, Line
from cocoa_desktop.engine.economics.report import IRR_PROBLEMS, PERSPECTIVE_LABELS, Evaluation
from cocoa_desktop.engine.files.survey_io import checked_output
from cocoa_desktop.engine.uncertainty.sensitivity import variable_label, variable_unit
from cocoa_desktop.engine.words import language, pick
from cocoa_desktop.workbook.xlsx import written_atomically

SHEET = {"es": "Evaluación económica", "en": "Economic evaluation"}
FIRST_YEAR_COL = 2  # column C holds year 0
INPUT_ROWS = ("discount_rate", "carbon_price", "exchange_rate", "registry_fee", "cocoa_price", "cocoa_cost")
WORDS = {
    "discount_rate": ("Tasa de descuento", "Discount rate"),
    "carbon_price": ("Precio del carbono (USD/t CO2)", "Carbon price (USD/t CO2)"),
    "exchange_rate": ("Tipo de cambio (PEN/USD)", "Exchange rate (PEN/USD)"),
    "registry_fee": ("Tarifa del registro (USD/crédito)", "Registry fee (USD/credit)"),
    "cocoa_price": ("Precio del cacao seco (PEN/kg)", "Dry cocoa price (PEN/kg)"),
    "cocoa_cost": ("Costo de producción (PEN/kg)", "Production cost (PEN/kg)"),
    "inputs": ("Datos (puede cambiarlos: la hoja se recalcula)", "Inputs (change them: the sheet recalculates)"),
    "year": ("Año", "Year"),
    "credits": ("Créditos vendidos (t CO2)", "Credits sold (t CO2)"),
    "kg": ("Cacao seco vendido con el proyecto (kg)", "Dry cocoa sold with the project (kg)"),
    "other": ("Otros costos de cacao (PEN)", "Other cocoa costs (PEN)"),
    "benefit": ("beneficio", "benefit"), "cost": ("costo", "cost"),
    "benefits": ("Beneficios brutos", "Gross benefits"), "costs": ("Costos brutos", "Gross costs"),
    "net": ("Flujo neto", "Net flow"), "cumulative": ("Flujo acumulado", "Cumulative flow"),
    "npv": ("VAN (año 0 sin descontar)", "NPV (year 0 not discounted)"),
    "npv_sheet": ("VAN convención hoja de cálculo (VNA descuenta el año 0)",
                  "NPV spreadsheet convention (NPV() discounts year 0)"),
    "npv_short": ("VAN", "NPV"), "npv_sheet_short": ("VAN (hoja)", "NPV (sheet)"),
    "irr": ("TIR", "IRR"), "bc": ("B/C = VA beneficios brutos ÷ VA costos brutos",
                                  "B/C = PV gross benefits ÷ PV gross costs"),
    "payback": ("Recuperación: año en que el acumulado queda ≥ 0", "Payback: year the cumulative stays ≥ 0"),
    "sensitivity": ("Sensibilidad: valores fijos calculados por la aplicación (no cambian al editar los datos de "
                    "arriba)", "Sensitivity: fixed values computed by the app (they do not change when the inputs "
                    "above are edited)"),
    "unused": ("no se usa en esta perspectiva", "not used in this perspective"),
    "change": ("Cambio", "Change"), "value": ("Valor", "Value"),
}


def _w(key: str, lang: str) -> str:
    return pick(WORDS[key], lang)


def write_economics_workbook(ev: Evaluation, path: Path, lang: str = "es") -> Path:
    """Write the workbook atomically (a temporary file renamed at the end); OSError becomes a clear message. The
    destination is checked first: a rename over a device (/dev/null) would replace the device with a file."""
    path = checked_output(path)
    # text is never read as a formula, a number or a link: a project named "=HYPERLINK(…)" stays text
    with written_atomically(path, "xlsx", ("el libro", "the workbook")) as book:
        _write_sheet(book, ev, lang)
    return path


def _write_sheet(book: xlsxwriter.Workbook, ev: Evaluation, lang: str) -> None:
    p, flow, r = ev.project, ev.flow, ev.result
    sheet = book.add_worksheet(SHEET[language(lang)])
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 14})
    money = book.add_format({"num_format": "#,##0.00"})
    money_bold = book.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
    pct = book.add_format({"num_format": "0.00%"})
    ratio = book.add_format({"num_format": "0.000", "bold": True})
    entry = book.add_format({"num_format": "#,##0.00######", "bg_color": "#FFF2CC", "border": 1})
    entry_pct = book.add_format({"num_format": "0.00%", "bg_color": "#FFF2CC", "border": 1})
    head_right = book.add_format({"bold": True, "align": "right"})
    sheet.set_column(0, 0, 58)
    sheet.set_column(1, 1, 14)
    sheet.set_column(FIRST_YEAR_COL, FIRST_YEAR_COL + flow.years, 15)
    sheet.write_string(0, 0, p.name, title)  # the user's text: write_string, never a formula
    sheet.write(1, 0, pick(PERSPECTIVE_LABELS[p.perspective], lang))

    sheet.write(3, 0, _w("inputs", lang), bold)
    inputs = {"discount_rate": p.discount_rate, "carbon_price": p.carbon.price_usd_per_t,
              "exchange_rate": p.carbon.exchange_rate_pen_per_usd,
              "registry_fee": p.carbon.registry_fee_usd_per_credit, "cocoa_price": p.cocoa.price_pen_per_kg,
              "cocoa_cost": p.cocoa.production_cost_pen_per_kg}
    cell: dict[str, str] = {}
    for offset, key in enumerate(INPUT_ROWS):
        row = 4 + offset
        sheet.write(row, 0, _w(key, lang))
        sheet.write_number(row, 1, inputs[key], entry_pct if key == "discount_rate" else entry)
        cell[key] = xl_rowcol_to_cell(row, 1, row_abs=True, col_abs=True)

    head = 4 + len(INPUT_ROWS) + 1
    years = range(flow.years + 1)
    sheet.write(head, 0, "PEN", bold)
    for t in years:
        sheet.write_number(head, FIRST_YEAR_COL + t, t, bold)
    sheet.write(head, 1, _w("year", lang), bold)

    def ref(row: int, t: int) -> str:
        return xl_rowcol_to_cell(row, FIRST_YEAR_COL + t)

    credits_row, kg_row, other_row = head + 1, head + 2, head + 3
    kg = p.cocoa.kg_sold(True)
    other = [p.cocoa.other_costs_pen_by_year[t] if t < len(p.cocoa.other_costs_pen_by_year) else 0.0 for t in years]
    for row, key, values in ((credits_row, "credits", flow.credits_t), (kg_row, "kg", [kg] * len(years)),
                             (other_row, "other", other)):
        sheet.write(row, 0, _w(key, lang))
        for t in years:
            sheet.write_number(row, FIRST_YEAR_COL + t, values[t], money)

    formulas = {
        "carbon_sales": lambda t: f"={ref(credits_row, t)}*{cell['carbon_price']}*{cell['exchange_rate']}",
        "registry_fees": lambda t: f"={ref(credits_row, t)}*{cell['registry_fee']}*{cell['exchange_rate']}",
        "cocoa_sales": lambda t: f"={ref(kg_row, t)}*{cell['cocoa_price']}",
        "cocoa_costs": lambda t: f"={ref(kg_row, t)}*{cell['cocoa_cost']}+{ref(other_row, t)}",
    }
    lines = list(flow.lines)
    if not any(line.key == "registry_fees" for line in lines):  # a fee of 0: the line the fee input drives
        at = next((k + 1 for k, line in enumerate(lines) if line.key == "project_costs"), len(lines))
        lines.insert(at, Line("registry_fees", COST, (0.0,) * len(years)))
    lines = sorted(lines, key=lambda line: line.side != "benefit")  # benefits first, then costs
    used = {"discount_rate", "carbon_price", "exchange_rate", "registry_fee"} | {
        key for key, line in (("cocoa_price", "cocoa_sales"), ("cocoa_cost", "cocoa_costs"))
        if any(x.key == line for x in lines)}
    for offset, key in enumerate(INPUT_ROWS):
        if key not in used:
            sheet.write(4 + offset, 2, _w("unused", lang))
    first_line = other_row + 2
    for offset, line in enumerate(lines):
        row = first_line + offset
        sheet.write_string(row, 0, line.label(lang))
        sheet.write(row, 1, _w(line.side, lang))
        for t in years:
            if line.key in formulas:
                sheet.write_formula(row, FIRST_YEAR_COL + t, formulas[line.key](t), money, line.values[t])
            else:
                sheet.write_number(row, FIRST_YEAR_COL + t, line.values[t], money)
    n_benefit = sum(1 for line in lines if line.side == "benefit")
    b_row, c_row = first_line + len(lines), first_line + len(lines) + 1
    net_row, cum_row = c_row + 1, c_row + 2
    for row, key, lo, hi, values in ((b_row, "benefits", first_line, first_line + n_benefit - 1, flow.benefits),
                                     (c_row, "costs", first_line + n_benefit, b_row - 1, flow.costs)):
        sheet.write(row, 0, _w(key, lang), bold)
        for t in years:
            formula = f"=SUM({ref(lo, t)}:{ref(hi, t)})" if hi >= lo else "=0"
            sheet.write_formula(row, FIRST_YEAR_COL + t, formula, money_bold, values[t])
    sheet.write(net_row, 0, _w("net", lang), bold)
    sheet.write(cum_row, 0, _w("cumulative", lang))
    for t in years:
        sheet.write_formula(net_row, FIRST_YEAR_COL + t, f"={ref(b_row, t)}-{ref(c_row, t)}", money_bold,
                            flow.net[t])
        previous = f"{ref(cum_row, t - 1)}+" if t else ""
        sheet.write_formula(cum_row, FIRST_YEAR_COL + t, f"={previous}{ref(net_row, t)}", money, flow.cumulative[t])

    def span(row: int, start: int) -> str:
        return f"{ref(row, start)}:{ref(row, flow.years)}"

    rate = cell["discount_rate"]
    out = cum_row + 2
    sheet.write(out, 0, _w("npv", lang), bold)
    later = f"+NPV({rate},{span(net_row, 1)})" if flow.years else ""
    sheet.write_formula(out, 1, f"={ref(net_row, 0)}{later}", money_bold, r.npv)
    sheet.write(out + 1, 0, _w("npv_sheet", lang))
    sheet.write_formula(out + 1, 1, f"=NPV({rate},{span(net_row, 0)})", money, r.npv_spreadsheet)
    sheet.write(out + 2, 0, _w("irr", lang), bold)
    if r.irr is not None:
        sheet.write_formula(out + 2, 1, f"=IRR({span(net_row, 0)})", pct, r.irr)
    else:
        sheet.write(out + 2, 1, pick(IRR_PROBLEMS[r.irr_problem or "not_found"], lang))
    sheet.write(out + 3, 0, _w("bc", lang), bold)
    if r.benefit_cost is not None:
        pv_b = f"({ref(b_row, 0)}+NPV({rate},{span(b_row, 1)}))" if flow.years else ref(b_row, 0)
        pv_c = f"({ref(c_row, 0)}+NPV({rate},{span(c_row, 1)}))" if flow.years else ref(c_row, 0)
        sheet.write_formula(out + 3, 1, f"={pv_b}/{pv_c}", ratio, r.benefit_cost)
    else:
        sheet.write(out + 3, 1, "—")
    sheet.write(out + 4, 0, _w("payback", lang))
    # the year after the last one whose cumulative flow is below zero; "—" when it ends below zero
    cum, year_cells = span(cum_row, 0), span(head, 0)
    sheet.write_formula(out + 4, 1, f'=IF({ref(cum_row, flow.years)}<0,"—",'
                                     f"SUMPRODUCT(MAX(({cum}<0)*({year_cells}+1))))",
                        None, "—" if r.payback_year is None else r.payback_year)

    top = out + 6
    sheet.write(top, 0, _w("sensitivity", lang), bold)
    for col, key in enumerate(("change", "value", "npv_short", "npv_sheet_short", "irr"), start=1):
        sheet.write(top + 1, col, _w(key, lang), head_right)
    for offset, row in enumerate(ev.table, start=2):
        sheet.write(top + offset, 0, f"{variable_label(row.variable, lang)} ({variable_unit(row.variable, lang)})")
        sheet.write_number(top + offset, 1, row.change, pct)
        sheet.write_number(top + offset, 2, row.value, money)
        sheet.write_number(top + offset, 3, row.result.npv, money)
        sheet.write_number(top + offset, 4, row.result.npv_spreadsheet, money)
        if row.result.irr is not None:
            sheet.write_number(top + offset, 5, row.result.irr, pct)
    sheet.freeze_panes(head + 1, 2)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, top + 1 + len(ev.table), max(5, FIRST_YEAR_COL + flow.years))
