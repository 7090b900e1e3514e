"""Numbers as Peruvian technicians type them: "1 250,5", "1.250,5", "0,25", "1250.5".

Peru writes a decimal comma and groups thousands with a point or a space; spreadsheets and English habits use a
decimal point. When a string could mean either (a lone point followed by three digits, as in "1.250"), it is
questioned, not guessed — except where only a whole number makes sense.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")


class AmbiguousNumber(ValueError):
    """The text could be read two ways (e.g. "1.250": 1250 or 1.25)."""


def parse_number(text: str, whole: bool = False) -> float:
    """The value of ``text``; ValueError if it is not a number, AmbiguousNumber if it could be two."""
    t = _SPACES.sub("", text.strip())
    if not t:
        raise ValueError("empty")
    commas, points = t.count(","), t.count(".")
    if commas and points:
        decimal = "," if t.rfind(",") > t.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        t = t.replace(thousands, "").replace(decimal, ".")
    elif commas:
        t = t.replace(",", ".") if commas == 1 else t.replace(",", "")
    elif points > 1:
        t = t.replace(".", "")
    elif points == 1 and re.fullmatch(r"[+-]?[1-9]\d{0,2}\.\d{3}", t):
        if not whole:
            raise AmbiguousNumber(text)
        t = t.replace(".", "")
    if not _PLAIN.match(t):
        raise ValueError(text)
    return float(t)
