"""The data sheets: per-survey sheets, item sheets and the calculation sheet, written row by row.

Each sheet: a title, labels, units, the hidden row of field keys, the data (their formulas without the empty-row
guard but where Formulas.for_rows keeps it), then spare rows whose formulas wait for an id in column A
(``IF($A6="","",…)``) and whose input cells are unlocked, for surveys and items added by hand. Inputs carry
validation with an input message; checks turn red (conditional formatting), on rows that have an id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.words import decimal_sign, say
from cocoa_desktop.workbook.book import Cancelled
from cocoa_desktop.workbook.calc_layout import CALC
from cocoa_desktop.workbook.formulas import OK_ITEMS, quoted
from cocoa_desktop.workbook.layout import FIRST_ROW, GENERAL, HIDDEN_INPUTS, ITEM_SHEETS, KEY_ROW, Col, SheetSpec
from cocoa_desktop.workbook.leaves import bounds
from cocoa_desktop.workbook.rows import Item
from cocoa_desktop.workbook.units import unit_in
from cocoa_desktop.workbook.xlsx import (
    header_lines,
    header_wrap_width,
    page_setup,
    print_scale,
    protect,
    shared_first,
    shared_next,
    value_of,
)

if TYPE_CHECKING:
    from cocoa_desktop.workbook.book import Book

SPARE_ROWS = 100  # rows below the data, with formulas and validation, for surveys and items added by hand
INPUT_ROLE = {"id": "input", "text": "input", "number": "input", "share": "input", "int": "input", "year": "input",
              "choice": "input", "note": "label", "formula": "calc", "label": "label", "mirror": "label",
              "helper": "helper", "guess": "helper", "result": "result"}
NUMBER_KINDS = ("number", "share", "int", "year")  # input columns holding numbers


def write_sheet(w: Book, spec: SheetSpec, rows: Sequence[dict[str, Any]],
                blocks: Sequence[dict] = ()) -> None:
    """Write one data sheet: ``rows`` hold inputs and computed values by column key; ``blocks`` each survey's
    item rows (calculation sheet)."""
    ws = w.wb.streamed_sheet(w.titles[spec.key])
    lang = w.lang
    widths: dict[int, float] = {}  # the printed columns' widths: wide enough that no heading breaks a word
    for i, col in enumerate(spec.columns):
        hidden = col.kind in ("helper", "guess") or col.key in HIDDEN_INPUTS
        if not hidden:
            widths[i] = header_wrap_width(col.label(lang), col.width)
        ws.set_column(i, i, widths.get(i, col.width), None, {"hidden": True} if hidden else {})
    ws.write_string(0, 0, spec.title(lang), w.formats.title)
    ws.write_string(0, 2, w.header_note, w.formats.subtitle)
    ws.set_row(1, 15 * max(3, *(header_lines(spec.columns[i].label(lang), width) for i, width in widths.items())))
    for i, col in enumerate(spec.columns):
        ws.write_string(1, i, col.label(lang), w.formats.head)
    for i, col in enumerate(spec.columns):
        if spec is CALC and col.key == "n_items":
            write_ok_flag(w, ws, i)
        elif col.unit:
            ws.write_string(2, i, unit_in(col.unit, lang), w.formats.unit)
    ws.set_row(KEY_ROW - 1, None, None, {"hidden": True})
    for i, col in enumerate(spec.columns):
        ws.write_string(KEY_ROW - 1, i, col.key)
    # the rows the export fills and the spare rows below them: the same formulas, but for the empty-row guard,
    # which only the spare rows (and a few columns) keep (Formulas.for_rows)
    cells = {filled: [(i, col, w.formats.cell(INPUT_ROLE[col.kind], col.fmt),
                       w.formulas.for_rows(spec, col, filled) if col.formula else None)
                      for i, col in enumerate(spec.columns)] for filled in (True, False)}
    total = len(rows) + SPARE_ROWS
    last = FIRST_ROW + total - 1
    # (column index, filled rows or not) → shared formula id, for columns whose formula differs only by its row:
    # one shared formula over the filled rows, one over the spare rows
    shared: dict[tuple[int, bool], int] = {}
    for filled, group in cells.items():
        for i, _col, _, template in group:
            if template is not None and template.shareable:
                shared[(i, filled)] = len(shared)
    for offset in range(total):
        if offset % 2000 == 0 and w.cancelled():
            raise Cancelled
        r = FIRST_ROW + offset
        filled = offset < len(rows)
        values = rows[offset] if filled else None
        block = blocks[offset] if offset < len(blocks) else {}
        first, end = (FIRST_ROW, FIRST_ROW + len(rows) - 1) if filled else (FIRST_ROW + len(rows), last)
        for i, col, fmt, template in cells[filled]:
            if col.needs and not (block if col.needs == "*" else col.needs in block):
                ws.write_number(r - 1, i, 0, fmt)  # no block of items to add up, ever (an item added later
                # outside the blocks turns ok_items off, and the stages then search the whole sheet)
            elif template is not None:
                value = "" if values is None else value_of(values.get(col.key))
                si = shared.get((i, filled))
                if si is None:
                    formula = template.at(r, block, w.titles)
                elif r == first:
                    letter = spec.letter(col.key)
                    formula = shared_first(si, f"{letter}{r}:{letter}{end}", template.at(r))
                else:
                    formula = shared_next(si)
                ws.write_formula(r - 1, i, formula, fmt, value)
            elif values is None or values.get(col.key) is None:
                ws.write_blank(r - 1, i, None, fmt)
            else:
                _write_input(ws, r - 1, i, col, values[col.key], fmt)
    _validations(w, ws, spec, last)
    _checks(w, ws, spec, last)
    ws.freeze_panes(KEY_ROW, 3 if spec is GENERAL else 2)
    protect(ws, insert_rows=not spec.per_survey)
    # printed at ≥ 75 % (text ≥ 8 pt): a wide sheet in groups of columns, each with the organisation (and farm)
    page_setup(ws, w.page_header, lang, print_area=(0, 0, FIRST_ROW + len(rows) - 2, max(widths)),
               scale=print_scale(list(widths.values())), repeat_columns=(1, 2) if spec is GENERAL else (1, 1))


def _write_input(ws: Any, row: int, col_index: int, col: Col, value: Any, fmt: Any) -> None:
    if col.kind in ("id", "text", "choice", "note") or isinstance(value, str):
        ws.write_string(row, col_index, str(value), fmt)  # user text is never a formula
    else:
        ws.write_number(row, col_index, value, fmt)


def write_ok_flag(w: Book, ws: Any, index: int) -> None:
    """Row 3 of the count helper: TRUE while every item row of every item sheet lies in its survey's block."""
    letter = CALC.letter("n_items")
    last = FIRST_ROW + w.n_surveys + SPARE_ROWS - 1
    rows = "+".join(f"COUNTA({quoted(w.titles[s.key])}!$A:$A)-COUNTA({quoted(w.titles[s.key])}!$A$1:$A${KEY_ROW})"
                    for s in ITEM_SHEETS)
    formula = f"=IFERROR(SUM({letter}{FIRST_ROW}:{letter}{last})={rows},FALSE)"
    ws.write_formula(2, index, formula, w.formats.cell("helper"), True)
    w.define_name(OK_ITEMS, f"{quoted(w.titles['calc'])}!${letter}$3")


def _validations(w: Book, ws: Any, spec: SheetSpec, last: int) -> None:
    for i, col in enumerate(spec.columns):
        if not col.is_input or col.key in HIDDEN_INPUTS or col.kind == "text":
            continue
        if col.kind == "id":
            if spec is GENERAL:
                continue
            general = quoted(w.titles["general"])
            end = FIRST_ROW + w.n_surveys + SPARE_ROWS - 1
            rule: dict[str, Any] = {"validate": "list", "source": f"={general}!$A${FIRST_ROW}:$A${end}"}
        elif col.kind == "choice":
            rule = {"validate": "list", "source": f"=lst_{col.words}"}
        else:  # a number: the survey model's own bounds (workbook/leaves.py)
            low, high = bounds(spec.key, col.key)
            low = 0 if low is None else low
            kind = "integer" if col.kind in ("int", "year") else "decimal"
            rule = ({"validate": kind, "criteria": "between", "minimum": low, "maximum": high} if high is not None
                    else {"validate": kind, "criteria": ">=", "value": low})
        hint = say(w.lang, col.hint_es, col.hint_en) or _default_hint(col, w.lang, *bounds(spec.key, col.key))
        rule |= {"input_title": col.label(w.lang)[:32], "input_message": hint[:255],
                 "error_title": say(w.lang, "Valor no válido", "Invalid value"),
                 "error_message": hint[:255]}
        ws.data_validation(FIRST_ROW - 1, i, last - 1, i, rule)


def _default_hint(col: Col, lang: str, low: float | None = None, high: float | None = None) -> str:
    if col.kind == "choice":
        return say(lang, "Elija de la lista.", "Choose from the list.")
    if col.kind == "int":
        return say(lang, "Un número entero.", "A whole number.")
    if high is not None and high <= 1000:  # a ratio, a per cent, uses of a bag: the range helps
        span = f"{low or 0:g} – {high:g}".replace(".", decimal_sign(lang))
        return say(lang, f"Un número de {span}, con el separador decimal de su computadora.",
                         f"A number from {span}, with your computer's decimal separator.")
    return say(lang, "Un número ≥ 0, con el separador decimal de su computadora.",
                     "A number ≥ 0, with your computer's decimal separator.")


def _checks(w: Book, ws: Any, spec: SheetSpec, last: int) -> None:
    """Red when a row's id is not found, a survey lacks a row, or shares do not sum to 100 %."""
    for i, col in enumerate(spec.columns):
        if col.kind == "label" and col.key != "name":
            ws.conditional_format(FIRST_ROW - 1, i, last - 1, i, {"type": "text", "criteria": "begins with",
                                                                   "value": "⚠", "format": w.formats.warn})
        if col.key == "share_total":
            cell = f"{spec.letter(col.key)}{FIRST_ROW}"
            ws.conditional_format(FIRST_ROW - 1, i, last - 1, i, {
                "type": "formula", "criteria": f'=AND($A{FIRST_ROW}<>"",ISNUMBER({cell}),ABS({cell}-1)>0.001)',
                "format": w.formats.warn})
    # what the results sheet's checks count, shown where it is: text in a number cell ("mil"), an error value
    # (#REF! after a deleted row), a cooperative that is not a text (=1+1)
    numbers = [c.key for c in spec.columns if c.kind in NUMBER_KINDS]
    # … and a row whose id was cleared shows nothing: its formulas' zeros and errors in the cells' fill colour
    computed = [c.key for c in spec.columns if c.formula]
    unguarded = [c.key for c in spec.columns if c.formula and c.kind not in ("label", "helper")]
    for keys, criteria, fmt in (
            (numbers, f"=ISTEXT({{}}{FIRST_ROW})", w.formats.warn),
            (computed, f'=AND(ISERROR({{}}{FIRST_ROW}),IFERROR($A{FIRST_ROW}<>"",TRUE))', w.formats.warn),
            ([] if spec is CALC else unguarded, f'=$A{FIRST_ROW}=""', w.formats.unseen)):
        if keys:
            letters = [spec.letter(k) for k in keys]
            spans = " ".join(f"{x}{FIRST_ROW}:{x}{last}" for x in letters)
            # relative to the first range's first cell
            ws.conditional_format(FIRST_ROW - 1, spec.index(keys[0]), last - 1, spec.index(keys[0]),
                                  {"type": "formula", "criteria": criteria.format(letters[0]), "format": fmt,
                                   "multi_range": spans})
    if spec is GENERAL:
        i, cell = spec.index("organisation"), f"{spec.letter('organisation')}{FIRST_ROW}"
        ws.conditional_format(FIRST_ROW - 1, i, last - 1, i, {
            "type": "formula", "criteria": f'=AND($A{FIRST_ROW}<>"",NOT(ISTEXT({cell})))', "format": w.formats.warn})


def item_layout(items: Sequence[Item], n_surveys: int) -> tuple[list[int], list[tuple[int, int] | None]]:
    """Each item's guessed row in "Datos generales", and each survey's block of rows in the item sheet."""
    guesses = [FIRST_ROW + item.survey for item in items]
    spans: list[tuple[int, int] | None] = [None] * n_surveys
    for offset, item in enumerate(items):
        r = FIRST_ROW + offset
        span = spans[item.survey]
        spans[item.survey] = (r, r) if span is None else (span[0], r)
    return guesses, spans
