"""Formulas typed into text cells of an imported workbook (``=1+1`` over a cooperative's name), found in the sheet's
XML: a reader that takes cached values (openpyxl with ``data_only``) would see the name "2" and never know.

The sheet is scanned as bytes, a few MB at a time and cut after a whole row, looking only at the text columns'
cells that hold an ``<f>`` element, so a workbook of tens of thousands of farms costs a fraction of a second and no
memory to speak of.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import IO

from cocoa_desktop.engine.model.issues import Issue
from cocoa_desktop.workbook.layout import FIRST_ROW, SheetSpec

TEXT_KINDS = ("id", "text")
CHUNK = 1 << 22
ROW_END = re.compile(rb"</(?:[\w.-]+:)?row>")
OTHER_ORDER = re.compile(rb"<c (?!r=)")  # a cell whose reference is not its first attribute


def text_letters(spec: SheetSpec) -> list[str]:
    """The column letters of the sheet's text inputs (the survey id and the names and notes)."""
    return [spec.letter(c.key) for c in spec.columns if c.kind in TEXT_KINDS]


def _pattern(letters: list[str], plain: bool) -> re.Pattern[bytes]:
    """A cell of those columns whose first child is a formula. ``plain``: the sheet's elements carry no namespace
    prefix and, as every writer puts it, the cell's reference comes first (<c r="B5" …>): a literal start, several
    times faster; else any prefix and attribute order."""
    columns = "|".join(letters).encode()
    if plain:
        return re.compile(rb'<c r="(' + columns + rb')(\d+)"[^>]*>\s*<f\b([^>]*)>([^<]*)')
    cell = rb'<(?:[\w.-]+:)?c\s[^>]*?\br="(' + columns + rb')(\d+)"[^>]*>'
    return re.compile(cell + rb"\s*<(?:[\w.-]+:)?f\b([^>]*)>([^<]*)")


def formula_cells(stream: IO[bytes], letters: list[str]) -> Iterator[tuple[str, str]]:
    """(cell, formula) of each cell of the given columns, from the first data row on, that holds a formula (the
    formula "" when the file shares it with another cell)."""
    if not letters:
        return
    pattern = None
    tail = b""
    while True:
        chunk = stream.read(CHUNK)
        buffer = tail + chunk
        if pattern is None:  # the sheet's data start in the first chunk (after its columns and views)
            pattern = _pattern(letters, plain=b"<sheetData" in buffer and OTHER_ORDER.search(buffer) is None)
        cut = len(buffer)
        if chunk:  # scan up to the end of the last whole row; the rest waits for the next chunk
            ends = [m.end() for m in ROW_END.finditer(buffer, max(0, len(buffer) - CHUNK // 4))]
            if not ends:
                ends = [m.end() for m in ROW_END.finditer(buffer)]
            if not ends:
                tail = buffer
                continue
            cut = ends[-1]
        for m in pattern.finditer(buffer, 0, cut):
            row = int(m.group(2))
            if row >= FIRST_ROW:
                shared = m.group(3).rstrip().endswith(b"/")
                text = "" if shared else html.unescape(m.group(4).decode("utf-8", "replace"))
                yield f"{m.group(1).decode()}{row}", text
        if not chunk:
            return
        tail = buffer[cut:]


def formula_issue(title: str, cell: str, formula: str) -> Issue:
    """A formula in a text cell, refused with the sheet and the cell named (Spanish and English)."""
    shown, shown_en = (f" «={formula[:40]}»", f" '={formula[:40]}'") if formula else ("", "")
    return Issue(f"{title}!{cell}", "formula_in_text",
                 f"la celda tiene una fórmula{shown}, no un texto: escriba el texto mismo (una fórmula no se importa: "
                 "=1+1 daría el nombre «2»)",
                 f"the cell holds a formula{shown_en}, not a text: type the text itself (a formula is not imported: "
                 "=1+1 would give the name '2')")
