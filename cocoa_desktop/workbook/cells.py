"""One input cell of an imported workbook → a value for the survey model, or an issue naming the cell.

Choices are accepted in either language or as the raw key (forgiving case and accents, nothing else: "Sí." or
"nonsense" in a yes/no cell is refused, never read as "no"); numbers typed as text are read the Peruvian way; a
TRUE/FALSE or a date in a number cell, and control characters in a text, are refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.issues import Issue
from cocoa_desktop.engine.model.numbers import AmbiguousNumber, parse_number
from cocoa_desktop.workbook.layout import Col

ALLOWED_CONTROLS = {"\t", "\n", "\r"}


class CellError(ValueError):
    def __init__(self, code: str, es: str, en: str) -> None:
        super().__init__(es)
        self.code, self.es, self.en = code, es, en

    def issue(self, where: str) -> Issue:
        return Issue(where, self.code, self.es, self.en)


def bad_character(text: str) -> str | None:
    """The first character that has no place in a text (control characters, lone surrogates, non-characters)."""
    for ch in text:
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in ALLOWED_CONTROLS) or category == "Cs" or (
                0xFDD0 <= ord(ch) <= 0xFDEF or (ord(ch) & 0xFFFE) == 0xFFFE):
            return ch
    return None


ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    # Excel stores characters XML cannot hold as _xHHHH_ (and a typed "_x" as _x005F_x); read them as Excel shows them
    text = ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), str(raw)) if "_x" in str(raw) else str(raw)
    ch = bad_character(text)
    if ch is not None:
        code = f"U+{ord(ch):04X}"
        raise CellError("control_character", f"contiene un carácter de control o no válido ({code}): bórrelo",
                        f"contains a control or invalid character ({code}): delete it")
    return text


def _choice(col: Col, raw: Any) -> str:
    text = _text(raw).strip()
    words = v.LISTS[col.words]
    key = v.key_of(words, text)
    if key is None:
        es_options = ", ".join(f"«{es}»" for es, _ in words.values())
        en_options = ", ".join(f"'{en}'" for _, en in words.values())
        raise CellError("not_an_option", f"«{text[:60]}» no es una de las opciones: {es_options}",
                        f"'{text[:60]}' is not one of the options: {en_options}")
    return key


def _number(col: Col, raw: Any) -> float | int:
    if isinstance(raw, bool):
        word = ("VERDADERO", "TRUE") if raw else ("FALSO", "FALSE")
        raise CellError("not_a_number", f"{word[0]} no es un número: escriba el número",
                        f"{word[1]} is not a number: type the number")
    if isinstance(raw, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise CellError("not_a_number", "es una fecha, no un número: cambie el formato de la celda a número",
                        "is a date, not a number: change the cell's format to number")
    if isinstance(raw, str):
        text = _text(raw).strip()
        percent = col.kind == "share" and text.endswith("%")
        try:
            raw = parse_number(text.rstrip("%").strip() if percent else text, whole=col.kind in ("int", "year"))
        except AmbiguousNumber:
            raise CellError("ambiguous_number",
                            f"«{text}» es ambiguo: escriba 1250 (mil doscientos cincuenta) o 1,25 (uno coma "
                            "veinticinco)",
                            f"'{text}' is ambiguous: write 1250 (twelve hundred and fifty) or 1.25 (one point two "
                            "five)") from None
        except ValueError:
            raise CellError("not_a_number", f"«{text[:60]}» no es un número", f"'{text[:60]}' is not a number") \
                from None
        if percent:
            raw = raw / 100
    if not isinstance(raw, int | float):
        raise CellError("not_a_number", "no es un número", "is not a number")
    if col.kind in ("int", "year") and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return raw


def read_cell(col: Col, raw: Any) -> Any:
    """The model's value of one input cell (None when empty); CellError when it cannot be one."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if col.kind in ("id", "text"):
        text = _text(raw)
        return text.strip() if col.kind == "id" else text
    if col.kind == "choice":
        key = _choice(col, raw)
        return (key == "yes") if col.words == "yes_no" else key
    return _number(col, raw)
