"""The factor sheet: every factor with its value, name, unit, gas basis, status and source; the values derived
from them (GWPs, the husk factor of each destination, firewood) computed in the sheet. Each value is a named cell
(``f_husk_ratio``, ``PCG_CH4``, ``ef_husk_heaped`` …) that the formulas use; column A is what lookups search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocoa_desktop.engine.factor_words import factor_label, factor_unit
from cocoa_desktop.engine.footprint.factors import STATUS_ES
from cocoa_desktop.engine.footprint.stages import fuels
from cocoa_desktop.engine.footprint.stages.fuels import fuel_ef
from cocoa_desktop.engine.footprint.stages.husk import destination_ef_templates, destination_efs
from cocoa_desktop.engine.model.survey import Fuel
from cocoa_desktop.engine.words import english
from cocoa_desktop.workbook.formulas import quoted
from cocoa_desktop.workbook.layout import FIRST_ROW, SHARES_HUSK
from cocoa_desktop.workbook.xlsx import header_lines, page_setup, print_scale, protect

if TYPE_CHECKING:
    from cocoa_desktop.workbook.book import Book

HEADERS = {"es": ("id", "valor", "factor", "unidad", "gas", "estado", "fuente (en inglés, como se publicó)",
                  "rango mín.", "rango máx."),
           "en": ("id", "value", "factor", "unit", "gas", "status", "source", "range min", "range max")}
WIDTHS = (30, 14, 36, 30, 7, 11, 90, 11, 11)
GAS_NOTE = {"es": "Gas: la base de cada valor (CO2, CH4, N2O, CO2e, C de carbono; vacío: un parámetro). Un factor en "
                  "CH4 o N2O se multiplica por su PCG.",
            "en": "Gas: the basis of each value (CO2, CH4, N2O, CO2e, C for carbon; empty: a parameter). A CH4 or N2O "
                  "factor is multiplied by its GWP."}


def factor_name(factor_id: str) -> str:
    """A defined name for a factor id: ``seq_monoculture_30+`` → ``f_seq_monoculture_30plus``."""
    return "f_" + factor_id.replace("+", "plus").replace("-", "_")


def derived(w: Book) -> list[tuple[str, str, float, str]]:
    """(id, formula, value, unit) of the rows computed in the sheet; formulas the engine's templates (each beside
    its equation in engine.stages), values by the engine."""
    f = w.f
    husk = destination_ef_templates(f)
    assert set(husk) == set(SHARES_HUSK)
    efs = destination_efs(f)
    per_kg = "kg CO2e / kg fresh husk"
    return [
        ("PCG_CH4", f"={f.gwp_ch4!r}", f.gwp_ch4, f"GWP CH4 ({f.gwp.id})"),
        ("PCG_N2O", f"={f.gwp_n2o!r}", f.gwp_n2o, f"GWP N2O ({f.gwp.id})"),
        *((f"ef_husk_{k.value}", "=" + formula, efs[k], per_kg) for k, formula in husk.items()),
        ("fuel_firewood", "=" + fuels.FIREWOOD_EF_TEMPLATE, fuel_ef(Fuel.FIREWOOD, f), "kg CO2e / kg wood"),
    ]


def write(w: Book) -> None:
    ws = w.wb.add_worksheet(w.factor_title)
    lang = w.lang
    es = not english(lang)
    fm = w.formats
    for i, width in enumerate(WIDTHS):
        ws.set_column(i, i, width)
    ws.write_string(0, 0, "Factores de emisión" if es else "Emission factors", fm.title)
    ws.write_string(0, 2, f"{w.f.factor_set.name(lang)} — {'PCG' if es else 'GWP'} {w.f.gwp.id}", fm.subtitle)
    ws.write_string(2, 0, GAS_NOTE[lang], fm.note)
    ws.set_row(1, 30)
    for i, head in enumerate(HEADERS[lang]):
        ws.write_string(1, i, head, fm.head)
    row = FIRST_ROW - 1
    names: dict[str, int] = {}
    value_fmt = fm.cell("calc", "")
    for factor in w.f.factor_set.factors.values():
        status = STATUS_ES[factor.status] if es else factor.status.value
        ws.write_string(row, 0, factor.id)
        ws.write_number(row, 1, factor.value, value_fmt)
        ws.write_string(row, 2, factor_label(factor.id, lang))
        ws.write_string(row, 3, factor_unit(factor.unit, lang))
        ws.write_string(row, 4, factor.gas or "")
        ws.write_string(row, 5, status, fm.warn if factor.outside_range else fm.plain)
        ws.write_string(row, 6, factor.source, fm.text)  # wrapped: a long source is never cut
        ws.set_row(row, 15 * header_lines(factor.source, WIDTHS[6], bold=False))  # LibreOffice keeps heights
        if factor.range:
            ws.write_number(row, 7, factor.range[0])
            ws.write_number(row, 8, factor.range[1])
        names[factor_name(factor.id)] = row
        row += 1
    for derived_id, formula, value, unit in derived(w):
        ws.write_string(row, 0, derived_id)
        ws.write_formula(row, 1, formula, value_fmt, value)
        ws.write_string(row, 2, factor_label(derived_id, lang) if not derived_id.startswith("PCG") else
                        ("Potencial de calentamiento " if es else "Global warming potential ") + derived_id[-3:])
        ws.write_string(row, 3, factor_unit(unit, lang))
        ws.write_string(row, 5, "derivado" if es else "derived")
        ws.write_string(row, 6, "calculado en esta hoja" if es else "computed in this sheet")
        names[derived_id if derived_id.startswith(("ef_", "PCG_")) else factor_name(derived_id)] = row
        row += 1
    for name, at in names.items():
        w.define_name(name, f"{quoted(w.factor_title)}!$B${at + 1}")
    ws.freeze_panes(FIRST_ROW - 1, 1)
    protect(ws)
    page_setup(ws, w.page_header, lang, repeat=(1, 1), print_area=(0, 0, row - 1, len(WIDTHS) - 1),
               scale=print_scale(list(WIDTHS)), repeat_columns=(0, 0))
