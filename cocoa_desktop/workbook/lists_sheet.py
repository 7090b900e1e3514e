"""The hidden "Listas" sheet: every choice list (key | es | en) from the engine's vocabulary, behind the cells'
drop-down lists (``lst_<list>``, the workbook's language), and a table of every accepted word → its key
(``claves``) through which formulas read a choice, whichever language or the raw key was typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.words import say
from cocoa_desktop.workbook.formulas import quoted
from cocoa_desktop.workbook.layout import LISTS_SHEET

if TYPE_CHECKING:
    from cocoa_desktop.workbook.book import Book


def forms() -> list[tuple[str, str]]:
    """(word, key) for every word of every list in both languages and the key itself, each word once."""
    seen: dict[str, tuple[str, str]] = {}
    for words in v.LISTS.values():
        for key, (es, en) in words.items():
            for form in (es, en, str(key)):
                seen.setdefault(form.casefold(), (form, str(key)))
    return list(seen.values())


def write(w: Book) -> None:
    ws = w.wb.add_worksheet(LISTS_SHEET)
    ws.hide()
    sheet = quoted(LISTS_SHEET)
    for i, head in enumerate(("lista", "clave", "es", "en", "", "palabra", "clave")):
        ws.write_string(0, i, head)
    row = 1
    column = say(w.lang, "C", "D")
    for name, words in v.LISTS.items():
        first = row
        for key, (es, en) in words.items():
            ws.write_string(row, 0, name)
            ws.write_string(row, 1, str(key))
            ws.write_string(row, 2, es)
            ws.write_string(row, 3, en)
            row += 1
        w.define_name(f"lst_{name}", f"{sheet}!${column}${first + 1}:${column}${row}")
    table = forms()
    for offset, (form, key) in enumerate(table, start=1):
        ws.write_string(offset, 5, form)
        ws.write_string(offset, 6, key)
    w.define_name("claves", f"{sheet}!$F$2:$G${len(table) + 1}")
    ws.protect("")
