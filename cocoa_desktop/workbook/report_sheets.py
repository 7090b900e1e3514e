"""The sheets a reader opens first: instructions, and the results laid out like the 2020 report (technical
details, stages with t CO2e/yr, % and kg/kg, their ranking, key indicators, land-use change apart, activity
figures, checks, the calculation's notes, two charts). Each sheet prints on one landscape A4 page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, STAGES, note_message
from cocoa_desktop.engine.words import pick, say
from cocoa_desktop.workbook.calc_layout import CALC
from cocoa_desktop.workbook.data_sheets import NUMBER_KINDS, SPARE_ROWS
from cocoa_desktop.workbook.formulas import quoted
from cocoa_desktop.workbook.layout import (
    BAGS,
    CONVERSIONS,
    DRYING,
    FERMENTATION,
    FERTILISATION,
    FIRST_ROW,
    GENERAL,
    HUSK,
    ITEM_SHEETS,
    LEGS,
    SEQUESTRATION,
    SURVEY_SHEETS,
)
from cocoa_desktop.workbook.report_data import ReportData
from cocoa_desktop.workbook.report_texts import CHECKS, INSTRUCTIONS, LABELS, SCOPE
from cocoa_desktop.workbook.xlsx import header_lines, page_setup, protect, value_of

if TYPE_CHECKING:
    from cocoa_desktop.workbook.book import Book

# Fixed rows (1-based) of the results sheet's blocks; lists of varying length come last.
TECH, STAGE_HEAD, RANK_HEAD, KEY_HEAD, LUC_HEAD, ACTIVITY_HEAD, CHECK_HEAD = 5, 13, 22, 30, 36, 45, 53
# land-use change: one-off, amortised t/yr and kg/kg, the PAS 2050 assumption, the footprint without and with it
LUC_PER_KG, LUC_BASIS, LUC_COMPARED = LUC_HEAD + 3, LUC_HEAD + 4, LUC_HEAD + 5
GROSS_ROW = STAGE_HEAD + 7
COOP_SPARE_ROWS = 10  # rows under the exported cooperatives that list, by formula, cooperatives typed in by hand
COOP_COUNT_COLUMN = 19  # T (hidden) of the cooperatives sheet: how many rows of the calculation sheet a row sums
RESULT_WIDTHS = (46, 14, 12, 14, 8)  # A–E: one portrait A4 at ≥ 75 %
PARAGRAPH_CHARS = 100  # characters per printed line across columns A–E
ROW_PT = 13  # a line of 11 pt text: the summary sheets' rows, so that Resultados prints on one page
NOTES_FROM = CHECK_HEAD + 7


def coop_rows(n: int) -> tuple[int, int, int]:
    """The cooperatives sheet's rows for ``n`` exported cooperatives: the last one named, the last spare row (its
    name a formula) and the total row."""
    last_named = FIRST_ROW + n - 1
    return last_named, last_named + COOP_SPARE_ROWS, last_named + COOP_SPARE_ROWS + 1


def instructions(w: Book) -> None:
    ws = w.wb.add_worksheet(say(w.lang, "Instrucciones", "Instructions"))
    ws.set_column(0, 0, 110)
    lines = INSTRUCTIONS[w.lang]
    ws.write_string(0, 0, lines[0], w.formats.title)
    ws.write_string(1, 0, w.header_note, w.formats.subtitle)
    for r, line in enumerate(lines[1:], start=3):
        heading = line.endswith(":")
        ws.write_string(r, 0, line, w.formats.bold if heading else w.formats.text)
        ws.set_row(r, 20 if heading else 15 * (1 + len(line) // 118))  # as tall as the wrapped text
    protect(ws)
    page_setup(ws, w.page_header, w.lang, repeat=None)


def _sum(w: Book, sheet_key: str, key: str, spec: Any = None) -> str:
    from cocoa_desktop.workbook.calc_layout import BY_KEY

    letter, sheet = (spec or BY_KEY[sheet_key]).letter(key), quoted(w.titles[sheet_key])
    if sheet_key == "calc":  # its figures are blank but for complete surveys
        return f"SUM({sheet}!${letter}:${letter})"
    # the rows that have an id: a data row whose inputs were cleared computes zeros or errors (no empty-row guard)
    return f'SUMIF({sheet}!$A:$A,"<>",{sheet}!${letter}:${letter})'


class Sheet:
    """Writes label / formula-with-value rows of a small sheet."""

    def __init__(self, w: Book, ws: Any, widths: Sequence[float] = ()) -> None:
        self.w, self.ws = w, ws
        self.widths = tuple(widths)  # the columns' widths, when known: a wrapped label's row is then made as tall
        self.heights: dict[int, int] = {}  # as its lines (LibreOffice keeps a row's height: nothing overlaps)

    def label(self, r: int, c: int, text: str, fmt: Any = None) -> None:
        fmt = fmt if fmt is not None else self.w.formats.text
        self.ws.write_string(r - 1, c, text, fmt)
        if c < len(self.widths) and getattr(fmt, "text_wrap", 0):
            height = ROW_PT * header_lines(text, self.widths[c], bold=bool(getattr(fmt, "bold", 0)))
            if height > self.heights.get(r, ROW_PT):
                self.heights[r] = height
                self.ws.set_row(r - 1, height)

    def formula(self, r: int, c: int, formula: str, value: Any, fmt: str = "", role: str = "calc") -> None:
        self.ws.write_formula(r - 1, c, formula, self.w.formats.cell(role, fmt), value_of(value))

    def head(self, r: int, texts: tuple[str, ...]) -> None:
        for c, text in enumerate(texts):
            self.label(r, c, text, self.w.formats.head)


def results(w: Book, d: ReportData) -> None:
    L = LABELS[w.lang]
    ws = w.wb.add_worksheet(say(w.lang, "Resultados", "Results"))
    for c, width in enumerate(RESULT_WIDTHS):
        ws.set_column(c, c, width)
    ws.set_default_row(ROW_PT)
    for head in (TECH, STAGE_HEAD, RANK_HEAD, KEY_HEAD, LUC_HEAD, ACTIVITY_HEAD, CHECK_HEAD):
        ws.set_row(head - 2, 6)  # the blank row above each table, thin
    s = Sheet(w, ws, RESULT_WIDTHS)
    t = d.total
    title = f"{L['title']} — {w.subject}"  # across A–E, wrapped: never cut in print
    ws.merge_range(0, 0, 0, len(RESULT_WIDTHS) - 1, title, w.formats.title_wrap)
    ws.set_row(0, 20 * (1 + len(title) // 70))
    s.label(2, 0, f"{w.f.factor_set.name(w.lang)} — {say(w.lang, 'PCG', 'GWP')} {w.f.gwp.id}; {len(d.surveys)} "
                  + say(w.lang, "encuestas", "surveys"), w.formats.subtitle)
    ws.merge_range(2, 0, 2, 4, SCOPE[w.lang], w.formats.note)
    ws.set_row(2, 15 * (1 + len(SCOPE[w.lang]) // 90))
    _technical(w, s, d, L)
    _stages(w, s, d, L)
    s.head(KEY_HEAD, (L["key"], say(w.lang, "t/año", "t/yr"), "kg/kg " + say(w.lang, "cacao", "cocoa")))
    gross = f"B{KEY_HEAD + 1}"
    rows = ((L["gross"], f"=B{GROSS_ROW}", t.gross_kg), (L["seq"], f"={_sum(w, 'calc', 'sequestration')}/1000",
                                                         t.sequestration_kg),
            (L["net"], f"=B{KEY_HEAD + 1}-B{KEY_HEAD + 2}", t.net_kg))
    for offset, (label, formula, kg) in enumerate(rows, start=1):
        r = KEY_HEAD + offset
        s.label(r, 0, label)
        s.formula(r, 1, formula, kg / 1000, "t", "result")
        s.formula(r, 2, f'=IF($B${TECH + 4}>0,B{r}*1000/$B${TECH + 4},"")', t.per_kg(kg), "per_kg", "result")
    s.label(KEY_HEAD + 4, 0, L["net_share"])
    s.formula(KEY_HEAD + 4, 1, f'=IF({gross}>0,B{KEY_HEAD + 3}/{gross},"")',
              t.net_kg / t.gross_kg if t.gross_kg > 0 else None, "pct")
    _luc(w, s, d, L)
    _activity(w, s, d, L)
    _checks(w, s, d)
    _charts(w, ws, L)
    protect(ws)
    # printed: the tables down to the checks on one portrait A4 (text ≥ 8 pt); the warnings and notes below them
    # and the charts beside them are read on screen
    page_setup(ws, w.page_header, w.lang, repeat=None, one_page=True, portrait=True,
               print_area=(0, 0, _checks_end(ws), len(RESULT_WIDTHS) - 1))


def _checks_end(ws: Any) -> int:
    """The last row (0-based) of the checks block: the rows under its heading with a ✓ cell in column C."""
    r = CHECK_HEAD
    while 2 in ws.table.get(r, {}):
        r += 1
    return r - 1


def _technical(w: Book, s: Sheet, d: ReportData, L: dict[str, str]) -> None:
    t = d.total
    s.head(TECH, (L["technical"], L["value"], L["unit"]))
    general = GENERAL
    area_r, prod_r = TECH + 1, TECH + 4
    coop_count = get_column_letter(COOP_COUNT_COLUMN + 1)
    coop_cells = f"{quoted(w.coop_title)}!${coop_count}${FIRST_ROW}:${coop_count}${coop_rows(len(d.cooperatives))[1]}"
    rows = (
        (L["area"], f"={_sum(w, 'general', 'productive_area_ha', general)}", t.area_ha, "ha", "ha"),
        (L["producers"], f"={_sum(w, 'general', 'producers', general)}", t.producers, "", "int"),
        (L["coops"], f'=COUNTIF({coop_cells},">0")', len(d.cooperatives), "", "int"),
        (L["production"], f"={_sum(w, 'calc', 'p')}", t.production_kg, say(w.lang, "kg/año", "kg/yr"),
         "kg"),
        (L["yield"], f'=IF(B{area_r}>0,B{prod_r}/B{area_r},"")', t.production_kg / t.area_ha if t.area_ha else None,
         say(w.lang, "kg/ha/año", "kg/ha/yr"), "kg"),
        (L["deforested"], f"={_sum(w, 'conversions', 'hectares', CONVERSIONS)}", d.deforested_ha, "ha", "ha"),
    )
    for offset, (label, formula, value, unit, fmt) in enumerate(rows, start=1):
        s.label(TECH + offset, 0, label)
        s.formula(TECH + offset, 1, formula, value, fmt)
        s.label(TECH + offset, 2, unit)
    if d.deforestation_estimate:  # e.g. the region's 1,774 ha shared out by area: an estimate, said where it is shown
        s.label(TECH + len(rows), 3, d.deforestation_estimate)


def _stages(w: Book, s: Sheet, d: ReportData, L: dict[str, str]) -> None:
    t = d.total
    s.head(STAGE_HEAD, (L["stage"], say(w.lang, "t CO2e/año", "t CO2e/yr"), L["share"], "kg CO2e/kg",
                        L["rank"]))
    first, last = STAGE_HEAD + 1, STAGE_HEAD + len(STAGES)
    tonnes = [t.stages[stage] / 1000 for stage in STAGES]
    for offset, stage in enumerate(STAGES):
        r = first + offset
        rank = 1 + sum(x > tonnes[offset] for x in tonnes) + sum(x == tonnes[offset] for x in tonnes[:offset])
        s.label(r, 0, f"S{offset + 1} {pick(STAGE_LABELS[stage], w.lang)}")
        s.formula(r, 1, f"={_sum(w, 'calc', f's{offset + 1}')}/1000", tonnes[offset], "t")
        s.formula(r, 2, f"=IF($B${GROSS_ROW}>0,B{r}/$B${GROSS_ROW},0)", t.share(stage), "pct")
        s.formula(r, 3, f'=IF($B${TECH + 4}>0,B{r}*1000/$B${TECH + 4},"")', t.per_kg(t.stages[stage]), "per_kg")
        s.formula(r, 4, f"=RANK(B{r},$B${first}:$B${last},0)+COUNTIF($B${first}:B{r},B{r})-1", rank, "int")
    s.label(GROSS_ROW, 0, L["gross"], w.formats.bold)
    s.formula(GROSS_ROW, 1, f"=SUM(B{first}:B{last})", t.gross_kg / 1000, "t", "result")
    s.formula(GROSS_ROW, 2, f"=IF(B{GROSS_ROW}>0,1,0)", 1 if t.gross_kg > 0 else 0, "pct", "result")
    s.formula(GROSS_ROW, 3, f'=IF($B${TECH + 4}>0,B{GROSS_ROW}*1000/$B${TECH + 4},"")', t.gross_per_kg, "per_kg",
              "result")
    s.head(RANK_HEAD, (L["ranked"], say(w.lang, "t CO2e/año", "t CO2e/yr"), L["share"]))
    for k, (stage, kg) in enumerate(t.ranked_stages(), start=1):
        match = f"MATCH({k},$E${first}:$E${last},0)"
        s.formula(RANK_HEAD + k, 0, f'="{k}. "&MID(INDEX($A${first}:$A${last},{match}),4,200)',
                  f"{k}. {pick(STAGE_LABELS[stage], w.lang)}", "", "label")  # by rank, as the app and the PDF
        s.formula(RANK_HEAD + k, 1, f"=INDEX($B${first}:$B${last},{match})", kg / 1000, "t")
        s.formula(RANK_HEAD + k, 2, f"=INDEX($C${first}:$C${last},{match})", t.share(stage), "pct")


def _luc(w: Book, s: Sheet, d: ReportData, L: dict[str, str]) -> None:
    t = d.total
    s.head(LUC_HEAD, (L["luc"], L["value"], L["unit"], ""))
    one_off, amortised = LUC_HEAD + 1, LUC_HEAD + 2
    gross = f"B{KEY_HEAD + 1}"
    s.label(one_off, 0, L["luc_once"])
    s.formula(one_off, 1, f"={_sum(w, 'calc', 'luc_one_off')}/1000", t.luc_one_off_kg / 1000, "t")
    s.label(one_off, 2, say(w.lang, "t CO2 (una vez)", "t CO2 (one-off)"))
    times = t.luc_one_off_kg / t.gross_kg if t.gross_kg > 0 else None
    words = say(w.lang, "× las emisiones brutas de un año", "× one year's gross emissions")
    s.ws.merge_range(one_off - 1, 3, one_off - 1, 4, "", w.formats.note)  # D–E, wrapped: never cut in print
    s.ws.write_formula(one_off - 1, 3, f'=IF({gross}>0,"≈ "&TEXT(B{one_off}/{gross},"0")&"{words}","")',
                       w.formats.note, f"≈ {times:.0f}{words}" if times is not None else "")
    s.ws.set_row(one_off - 1, 30)
    s.label(amortised, 0, L["luc_amortised"])
    s.formula(amortised, 1, f"={_sum(w, 'calc', 'luc_amortised')}/1000", t.luc_amortised_kg / 1000, "t")
    s.label(amortised, 2, say(w.lang, "t CO2/año", "t CO2/yr"))
    production = f"$B${TECH + 4}"
    s.label(LUC_PER_KG, 0, say(w.lang, "Amortizado, por kg de cacao", "Amortised, per kg of cocoa"))
    s.formula(LUC_PER_KG, 1, f'=IF({production}>0,B{amortised}*1000/{production},"")', t.luc_amortised_per_kg,
              "per_kg", "result")
    s.label(LUC_PER_KG, 2, "kg CO2/kg")  # the same figure as the line above, in the same gas
    _luc_basis(w, s, d)
    r = LUC_COMPARED
    s.head(r, (say(w.lang, "kg CO2e por kg de cacao", "kg CO2e per kg of cocoa"),
               say(w.lang, "Sin cambio de uso", "Without LUC"), say(w.lang, "Con cambio de uso", "With LUC"),
               say(w.lang, "(amortizado en 20 años, PAS 2050)", "(land-use change amortised over 20 years, PAS 2050)")))
    for k, (label, key_row, without, with_luc) in enumerate((
            (L["gross"], KEY_HEAD + 1, t.gross_per_kg, t.per_kg(t.gross_with_luc_kg)),
            (L["net"], KEY_HEAD + 3, t.net_per_kg, t.per_kg(t.net_with_luc_kg))), start=1):
        s.label(r + k, 0, label)
        s.formula(r + k, 1, f"=C{key_row}", without, "per_kg", "result")
        s.formula(r + k, 2, f'=IF({production}>0,(B{key_row}+B{amortised})*1000/{production},"")', with_luc,
                  "per_kg", "result")


def _luc_basis(w: Book, s: Sheet, d: ReportData) -> None:
    """The assumption(s) PAS 2050 §5.6 took for the conversions, live: the words the land-use change sheet shows
    for each conversion, each said once, in the engine's order."""
    s.label(LUC_BASIS, 0, say(w.lang, "Supuesto sobre el año de conversión (PAS 2050 §5.6)",
                                      "Assumption on the conversion year (PAS 2050 §5.6)"))
    last = FIRST_ROW + w.item_counts[CONVERSIONS.key] + SPARE_ROWS - 1
    letter = CONVERSIONS.letter("basis")
    cells = f"{quoted(w.titles[CONVERSIONS.key])}!${letter}${FIRST_ROW}:${letter}${last}"
    parts = []
    for rule in land_use.Basis:
        text = w.formulas.luc_words(rule).replace('"', '""')
        parts.append(f'IF(SUMPRODUCT(--({cells}="{text}"))>0,"; {text}","")')
    said = "; ".join(w.formulas.luc_words(b) for b in land_use.bases_in(d.total.notes))
    s.ws.merge_range(LUC_BASIS - 1, 1, LUC_BASIS - 1, 4, "", w.formats.note)
    s.ws.write_formula(LUC_BASIS - 1, 1, f"=MID({'&'.join(parts)},3,2000)", w.formats.note, said)
    s.ws.set_row(LUC_BASIS - 1, ROW_PT * (1 + len(said) // 58))  # ~58 characters a line across B–E


def _activity(w: Book, s: Sheet, d: ReportData, L: dict[str, str]) -> None:
    kg_yr = say(w.lang, "kg/año", "kg/yr")
    plastic, bags = d.bags()
    s.head(ACTIVITY_HEAD, (L["activity"], L["value"], L["unit"]))
    r0 = ACTIVITY_HEAD
    rows = (
        (L["husk_kg"], f"={_sum(w, 'husk', 'husk_kg', HUSK)}", d.husk_kg, kg_yr, "kg"),
        (L["fermented"], f"={_sum(w, 'fermentation', 'fermented_kg', FERMENTATION)}", d.fermented_kg, kg_yr, "kg"),
        (L["plastic"], f"={_sum(w, 'bags', 'plastic_kg', BAGS)}", plastic, kg_yr, "kg"),
        (L["plastic_share"], f"=IF({_sum(w, 'bags', 'material_kg', BAGS)}>0,B{r0 + 3}/"
                             f"{_sum(w, 'bags', 'material_kg', BAGS)},\"\")", plastic / bags if bags else None,
         L["of_bags"], "pct"),
        (L["vehicle_km"], f"={_sum(w, 'legs', 'vehicle_km', LEGS)}", d.vehicle_km,
         say(w.lang, "km/año", "km/yr"), "kg"),
        (L["vehicle_mi"], f"=B{r0 + 5}/1.609344", d.vehicle_km / 1.609344,
         say(w.lang, "millas/año", "miles/yr"), "kg"),
    )
    for offset, (label, formula, value, unit, fmt) in enumerate(rows, start=1):
        s.label(r0 + offset, 0, label)
        s.formula(r0 + offset, 1, formula, value, fmt)
        s.label(r0 + offset, 2, unit)


def _checks(w: Book, s: Sheet, d: ReportData) -> None:
    """Live checks (they change when the workbook is edited) and the warnings found when it was exported."""
    C = CHECKS[w.lang]
    s.head(CHECK_HEAD, (C["head"], C["count"], ""))
    last_survey = FIRST_ROW + len(d.surveys) + SPARE_ROWS - 1

    def span(sheet_key: str, letter: str, last: int) -> str:
        return f"{quoted(w.titles[sheet_key])}!${letter}${FIRST_ROW}:${letter}${last}"

    def outside(sheet_key: str, spec: Any) -> str:  # rows with an id only (a cleared row sums to 0)
        rng, ids = span(sheet_key, spec.letter("share_total"), last_survey), span(sheet_key, "A", last_survey)
        return f'COUNTIFS({rng},">1.001",{ids},"<>")+COUNTIFS({rng},"<0.999",{ids},"<>")'

    def flagged(sheet_key: str, letter: str, last: int) -> str:
        return f'SUMPRODUCT(--(LEFT({span(sheet_key, letter, last)},1)="⚠"))'

    not_found = [flagged(spec.key, spec.letter("label"), last_survey)
                 for spec in (HUSK, FERTILISATION, FERMENTATION, DRYING, SEQUESTRATION)]
    not_found += [flagged(spec.key, spec.letter("label"), FIRST_ROW + w.item_counts[spec.key] + SPARE_ROWS - 1)
                  for spec in ITEM_SHEETS]
    rows = ((C["husk_shares"], outside("husk", HUSK), C["fix"]),
            (C["drying_shares"], outside("drying", DRYING), C["fix"]),
            (C["not_found"], "+".join(not_found), C["fix"]),
            (C["incomplete"], flagged("calc", CALC.letter("status"), last_survey), C["fix"]),
            *_data_checks(w, d, C, last_survey))
    for offset, (label, formula, fix) in enumerate(rows, start=1):
        r = CHECK_HEAD + offset
        s.label(r, 0, label)
        # a check that cannot be computed (a deleted row gives #REF!) reads as failed, never as ✓
        s.formula(r, 1, f'=IFERROR({formula},"✗")', 0, "int")
        s.formula(r, 2, f'=IF(B{r}=0,"✓","⚠ {fix}")', "✓", "", "label")
    w_row = CHECK_HEAD + len(rows) + 1
    s.label(w_row, 0, C["warnings"].format(n=d.warning_count), w.formats.bold)
    for k, text in enumerate(d.warnings, start=1):
        _paragraph(s, w_row + k, text)
    r = w_row + len(d.warnings) + 2
    s.label(r, 0, C["notes"], w.formats.bold)
    notes = [n for n in sorted(d.total.notes) if not land_use.is_basis_note(n)]  # the assumption is said above
    for k, note in enumerate(notes, start=1):
        _paragraph(s, r + k, note_message(note, w.lang))


def _data_checks(w: Book, d: ReportData, C: dict[str, str],
                 last_survey: int) -> list[tuple[str, str, str]]:
    """The checks on what a user typed and on the summaries (label, formula without "="): error values in any
    result, text in a number cell, a cooperative that is not a text (=1+1 gives 2), surveys no row of the
    cooperatives sheet sums, and totals of that sheet unlike this sheet's; each (label, formula, what to do)."""
    def span(sheet_key: str, first: str, last_col: str, last: int) -> str:
        return f"{quoted(w.titles[sheet_key])}!${first}${FIRST_ROW}:${last_col}${last}"

    calc_last = CALC.letter(next(c.key for c in reversed(CALC.columns) if c.kind == "result"))
    coop = quoted(w.coop_title)
    _, coop_last, coop_total = coop_rows(len(d.cooperatives))
    coop_count = get_column_letter(COOP_COUNT_COLUMN + 1)
    errors = (f"SUMPRODUCT(--ISERROR({span('calc', 'A', calc_last, last_survey)}))"
              f"+SUMPRODUCT(--ISERROR({coop}!$A${FIRST_ROW}:${coop_count}${coop_total}))"
              f"+SUMPRODUCT(--ISERROR($A${TECH}:$E${CHECK_HEAD - 1}))")
    texts = []
    for spec in (*SURVEY_SHEETS, *ITEM_SHEETS):
        last = last_survey if spec.per_survey else FIRST_ROW + w.item_counts[spec.key] + SPARE_ROWS - 1
        numbers = [i for i, c in enumerate(spec.columns) if c.kind in NUMBER_KINDS]
        runs: list[list[int]] = []  # adjacent number columns, one range each (a shorter formula)
        for i in numbers:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        texts += [f"SUMPRODUCT(--ISTEXT({span(spec.key, *(get_column_letter(run[k] + 1) for k in (0, -1)), last)}))"
                  for run in runs]
    ids, names = (span("general", GENERAL.letter(k), GENERAL.letter(k), last_survey) for k in ("id", "organisation"))
    not_text = f'SUMPRODUCT(({ids}<>"")*(1-ISTEXT({names})))'
    calc_ids = span("calc", "A", "A", last_survey)
    unlisted = (f'SUMPRODUCT(--({calc_ids}<>""))-SUM({coop}!${coop_count}${FIRST_ROW}:${coop_count}${coop_last})')
    pairs = (("D", f"B{TECH + 4}"), ("F", f"B{KEY_HEAD + 1}"), ("G", f"B{KEY_HEAD + 2}"), ("H", f"B{KEY_HEAD + 3}"))
    unequal = "+".join(f"(ABS({coop}!{col}{coop_total}-{ref})>1E-6*MAX(1,ABS({ref})))" for col, ref in pairs)
    return [(C["errors"], errors, C["fix"]), (C["text_numbers"], "+".join(texts), C["fix"]),
            (C["coop_not_text"], not_text, C["fix"]), (C["unlisted"], unlisted, C["fix_export"]),
            (C["coop_totals"], unequal, C["fix_above"])]


def _paragraph(s: Sheet, r: int, text: str) -> None:
    """A line of text across the table's width, its row as tall as its wrapped lines (nothing overlaps)."""
    s.ws.merge_range(r - 1, 0, r - 1, 4, text, s.w.formats.note)
    s.ws.set_row(r - 1, 15 * (1 + len(text) // PARAGRAPH_CHARS))


def _charts(w: Book, ws: Any, L: dict[str, str]) -> None:
    """Ranked stages (largest on top) and gross / sequestration / net; one series each, so no legend."""
    title = quoted(ws.get_name())
    stages = w.wb.add_chart({"type": "bar"})
    stages.add_series({"categories": f"={title}!$A${RANK_HEAD + 1}:$A${RANK_HEAD + 6}",
                       "values": f"={title}!$B${RANK_HEAD + 1}:$B${RANK_HEAD + 6}",
                       "fill": {"color": "#C55A11"}, "data_labels": {"value": True, "num_format": "#,##0"}})
    stages.set_title({"name": L["chart_stages"], "name_font": {"size": 11}})
    stages.set_x_axis({"num_format": "#,##0", "major_gridlines": {"visible": True}})
    stages.set_y_axis({"reverse": True, "crossing": "max", "label_position": "low", "interval_unit": 1})
    stages.set_legend({"none": True})
    stages.set_size({"width": 620, "height": 300})
    ws.insert_chart(f"G{TECH}", stages)
    balance = w.wb.add_chart({"type": "column"})
    balance.add_series({"categories": f"={title}!$A${KEY_HEAD + 1}:$A${KEY_HEAD + 3}",
                        "values": f"={title}!$B${KEY_HEAD + 1}:$B${KEY_HEAD + 3}",
                        "points": [{"fill": {"color": "#C00000"}}, {"fill": {"color": "#548235"}},
                                   {"fill": {"color": "#2F5597"}}],
                        "data_labels": {"value": True, "num_format": "#,##0"}})
    balance.set_title({"name": L["chart_balance"], "name_font": {"size": 11}})
    balance.set_y_axis({"num_format": "#,##0"})
    balance.set_x_axis({"interval_unit": 1, "label_position": "low"})  # names under the plot, never under a bar below 0
    balance.set_legend({"none": True})
    balance.set_size({"width": 620, "height": 300})
    ws.insert_chart(f"G{RANK_HEAD + 1}", balance)
