"""XlsxWriter underneath the workbook: cell formats, exact numbers, page setup and protection, in one place.

XlsxWriter writes every formula together with the value the engine computed for it, so a viewer that does not
recalculate (an e-mail preview, Excel's Protected View, a phone, pandas, openpyxl ``data_only``) shows the
engine's numbers. It never writes a formula without its value (its default cached 0 would be shown as a result).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from xlsxwriter import Workbook
from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.words import say

INPUT_FILL = "#FFF2CC"
CALC_FILL = "#E2EFDA"
HEAD_FILL = "#D9E1F2"
WARN_FILL = "#F8CBAD"
NUMBER_FORMATS = {
    "": "General", "share": "0.0%", "int": "#,##0", "year": "0", "kg": "#,##0", "num": "#,##0.00",
    "ha": "#,##0.0", "ratio": "0.000", "emission": "#,##0.0", "t": "#,##0.0", "per_kg": "0.000", "pct": "0.0%",
    "times": "0.0",
}


SHARED_FIRST = "\x05"  # "\x05<si>\x05<range>\x05<formula>": the first cell of a shared formula
SHARED_NEXT = "\x06"  # "\x06<si>": a cell of the same shared formula further down


def shared_first(si: int, ref: str, formula: str) -> str:
    return f"{SHARED_FIRST}{si}{SHARED_FIRST}{ref}{SHARED_FIRST}{formula.removeprefix('=')}"


def shared_next(si: int) -> str:
    return f"{SHARED_NEXT}{si}"


class ExactWorksheet(Worksheet):
    """XlsxWriter's worksheet with three of its inner methods replaced (``tests/workbook`` checks each effect):

    - text of streamed sheets goes to the shared string table, as in sheets kept in memory;

    - numbers keep all their digits (XlsxWriter rounds to 16 significant digits, which would change a value on its
      way through the workbook; ``repr`` is Python's shortest exact form);
    - formulas are taken as they are: the workbook uses only functions Excel 2007 knows, so XlsxWriter's ~30
      searches per formula for newer functions to prefix find nothing (they were most of the export's time);
    - a formula cell is written with its value typed (text, even empty, as text: never a blank read as 0), and a
      column of formulas that differ only by their row is written once, as a *shared formula*: LibreOffice and
      Excel then read and compile it once for the whole column, not once per cell.
    """

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        return formula[1:] if formula.startswith("=") else formula

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        kind = type(cell).__name__
        if kind == "String" and self.constant_memory:
            # a streamed sheet's text goes to the shared string table too (XlsxWriter would write it inline):
            # ids and names repeat on every sheet, and a reader interns each once
            index = self.str_table._get_shared_string_index(cell.string)
            style = f' s="{cell.format._get_xf_index()}"' if cell.format else ""
            self.fh.write(f'<c r="{xl_rowcol_to_cell(row, col)}"{style} t="s"><v>{index}</v></c>')
            return
        if kind != "Formula":
            super()._write_cell(row, col, cell)
            return
        attrs = f' r="{xl_rowcol_to_cell(row, col)}"'
        if cell.format:
            attrs += f' s="{cell.format._get_xf_index()}"'
        value = cell.value
        if isinstance(value, bool):
            attrs, value = attrs + ' t="b"', int(value)
        elif isinstance(value, str):
            attrs += ' t="str"'
        else:
            value = _exact(value)
        formula = cell.formula
        if formula.startswith(SHARED_FIRST):
            _, si, ref, text = formula.split(SHARED_FIRST, 3)
            element = f'<f t="shared" ref="{ref}" si="{si}">{escape(text)}</f>'
        elif formula.startswith(SHARED_NEXT):
            element = f'<f t="shared" si="{formula[1:]}"/>'
        else:
            element = f"<f>{escape(formula)}</f>"
        self.fh.write(f"<c{attrs}>{element}<v>{escape(str(value))}</v></c>")

    def _xml_number_element(self, number: float, attributes: list | None = None) -> None:
        attr = "".join(f' {k}="{self._escape_attributes(v)}"' for k, v in attributes or [])
        self.fh.write(f"<c{attr}><v>{_exact(number)}</v></c>")


def _exact(number: float) -> str:
    if isinstance(number, int) or (isinstance(number, float) and number.is_integer() and abs(number) < 1e15):
        return str(int(number))
    return repr(float(number))


class ExactWorkbook(Workbook):
    worksheet_class = ExactWorksheet

    def streamed_sheet(self, name: str) -> Worksheet:
        """A sheet written row by row to a temporary file (constant memory: a campaign of tens of thousands of
        farms fits in memory); sheets that feed a chart are kept in memory, as XlsxWriter needs their values to
        store the chart's own copy of its data."""
        self.constant_memory = True
        try:
            return self.add_worksheet(name)
        finally:
            self.constant_memory = False


class Formats:
    """The few cell formats of the workbook, each created once (XlsxWriter shares them by object)."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._made: dict[tuple[str, str], Any] = {}
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.title_wrap = wb.add_format({"bold": True, "font_size": 14, "text_wrap": True, "valign": "top"})
        self.subtitle = wb.add_format({"italic": True, "font_color": "#404040"})
        self.head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": HEAD_FILL,
                                   "border": 1})
        self.unit = wb.add_format({"italic": True, "font_color": "#404040", "text_wrap": True, "valign": "top"})
        self.text = wb.add_format({"text_wrap": True, "valign": "top"})
        self.plain = wb.add_format({})
        self.bold = wb.add_format({"bold": True})
        self.warn = wb.add_format({"bg_color": WARN_FILL, "font_color": "#9C0006"})
        # the zeros and errors of a data row whose id a user cleared, written in the computed cells' fill colour
        self.unseen = wb.add_format({"font_color": CALC_FILL})
        self.ok = wb.add_format({"font_color": "#006100"})
        self.note = wb.add_format({"text_wrap": True, "valign": "top", "font_color": "#404040"})

    def cell(self, role: str, fmt: str = "") -> Any:
        """``role``: input (yellow, unlocked), calc (green, locked), helper, label, result (bold green)."""
        key = (role, fmt)
        made = self._made.get(key)
        if made is None:
            props: dict[str, Any] = {"num_format": NUMBER_FORMATS[fmt]}
            if role == "input":
                props |= {"bg_color": INPUT_FILL, "locked": False}
            elif role in ("calc", "label"):
                props |= {"bg_color": CALC_FILL}
            elif role == "result":
                props |= {"bg_color": CALC_FILL, "bold": True}
            elif role == "helper":
                props |= {"font_color": "#808080"}
            made = self._made[key] = self.wb.add_format(props)
        return made


def value_of(value: Any) -> Any:
    """A formula's cached value as XlsxWriter writes it: a number, a text, a boolean, or "" for blank.
    NaN and infinities (a ratio with nothing produced) become blank, as the formulas show them."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return value


# Printing (issue 20): every sheet is printed by LibreOffice with its fonts standing in for Calibri (DejaVu Sans
# where Carlito is not installed: wider). 11 pt text printed at 75 % is 8.25 pt, the smallest the workbook prints.
MIN_SCALE = 75
PAPER_PT = {"landscape": (841.89, 595.28), "portrait": (595.28, 841.89)}
MARGINS_IN = {"left": 0.4, "right": 0.4, "top": 0.45, "bottom": 0.4}
HEADER_CHARS = (36, 26, 30)  # left, centre, right: short enough not to meet at 100 % on a portrait page


def column_points(width: float) -> float:
    """A column's printed width at 100 %, in points, as LibreOffice lays out a width in characters."""
    return 7 * width + 5


def printable_points(portrait: bool = False) -> tuple[float, float]:
    """The page's printable width and height at 100 %, in points."""
    width, height = PAPER_PT["portrait" if portrait else "landscape"]
    return (width - 72 * (MARGINS_IN["left"] + MARGINS_IN["right"]),
            height - 72 * (MARGINS_IN["top"] + MARGINS_IN["bottom"]))


def print_scale(widths: list[float], portrait: bool = False) -> int:
    """The largest scale (%) at which columns of these widths fit one page wide, between MIN_SCALE and 100: a
    sheet wider than that prints at MIN_SCALE in groups of columns, page after page."""
    needed = sum(column_points(w) for w in widths)
    fits = int(100 * printable_points(portrait)[0] / needed * 0.97) if needed else 100
    return max(MIN_SCALE, min(100, fits))


def header_wrap_width(label: str, width: float) -> float:
    """The width a column needs so that no word of its (bold) heading is broken: about 1.1 characters of width
    per letter of the longest word."""
    longest = max((len(word) for word in label.split()), default=0)
    return max(width, round(1.1 * longest + 1, 1))


def header_lines(label: str, width: float, bold: bool = True) -> int:
    """How many lines a (bold) text wraps to in a column of this width (words kept whole)."""
    per_line = max(1, int((column_points(width) - 4) / (6.6 if bold else 5.9)))  # DejaVu Sans, 11 pt
    lines, used = 1, 0
    for word in label.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def page_setup(ws: Worksheet, header: str, lang: str, repeat: tuple[int, int] | None = (1, 2),
               one_page: bool = False, print_area: tuple[int, int, int, int] | None = None,
               scale: int | None = None, repeat_columns: tuple[int, int] | None = None,
               portrait: bool = False) -> None:
    """A4, landscape unless ``portrait``; ``one_page``: fit on one page; ``scale``: printed at that % (never under
    MIN_SCALE), a sheet wider than a page in groups of columns, across then down, ``repeat_columns`` on each;
    else fit to the page width. Print titles, header and footer with page numbers."""
    if portrait:
        ws.set_portrait()
    else:
        ws.set_landscape()
    ws.set_paper(9)
    ws.set_margins(**MARGINS_IN)
    if scale is not None:
        ws.set_print_scale(max(MIN_SCALE, min(100, scale)))
        ws.print_across()
        if repeat_columns is not None:
            ws.repeat_columns(*repeat_columns)
    else:
        ws.fit_to_pages(1, 1 if one_page else 0)
    if repeat is not None:
        ws.repeat_rows(*repeat)
    page = say(lang, "Página &P de &N", "Page &P of &N")
    ws.set_header(header, {"margin": 0.2})
    ws.set_footer(f"&L&A&R{page}", {"margin": 0.2})
    if print_area is not None:
        ws.print_area(*print_area)


def short(text: str, limit: int) -> str:
    """``text`` cut at a space to at most ``limit`` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] if " " in text[:limit - 1] else text[:limit - 1]
    return cut.rstrip(" ,;:—-") + "…"


def header_text(left: str, centre: str, right: str) -> str:
    """A page header in three sections, each short enough (HEADER_CHARS) that they never meet; ``&`` in names is
    doubled (it starts a code there)."""
    def safe(text: str, limit: int) -> str:
        return short(text, limit).replace("&", "&&")
    return "".join(f"&{code}{safe(text, limit)}" for code, text, limit in
                   zip("LCR", (left, centre, right), HEADER_CHARS, strict=True))


def protect(ws: Worksheet, insert_rows: bool = False) -> None:
    """Protected without a password, against accidental changes to formulas; sorting and filtering allowed, and
    inserting or deleting rows on item sheets."""
    ws.protect("", {"sort": True, "autofilter": True, "format_columns": True, "format_rows": True,
                    "insert_rows": insert_rows, "delete_rows": insert_rows})


def discard(wb: Workbook) -> None:
    """Close and remove the temporary files of streamed sheets when an export stops half-way."""
    for ws in wb.worksheets():
        fh = getattr(ws, "row_data_fh", None)
        if fh is not None:
            with contextlib.suppress(OSError):
                fh.close()
            with contextlib.suppress(OSError, TypeError):
                os.unlink(ws.row_data_filename)


@contextlib.contextmanager
def written_atomically(path: Path, code: str, what: tuple[str, str]) -> Iterator[Workbook]:
    """A plain XlsxWriter workbook (text never read as a formula, a number or a link) written to a temporary file
    and renamed over ``path`` when the block ends; a failure to write (a full disk, a folder that went away) leaves
    nothing half-written and becomes SurveyValidationError saying ``what`` could not be written (es, en)."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        book = Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_numbers": False,
                                   "strings_to_urls": False})
        yield book
        book.close()
        tmp.replace(path)
    except (OSError, XlsxWriterException) as exc:
        tmp.unlink(missing_ok=True)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise SurveyValidationError([Issue(code, "unwritable", f"no se pudo escribir {what[0]}: {reason}",
                                           f"could not write {what[1]}: {reason}")], source=str(path)) from None
