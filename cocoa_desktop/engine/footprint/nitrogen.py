"""Nitrogen contents that are known without asking: a product's N % when the survey leaves it empty.

An empty N % used to count as 0 % N, silently dropping the soil N2O and the manufacture of the nitrogen (a year
of urea lost most of its stage). Now a product whose content is standard gets it — by its type (urea 46 %, guano
de isla 10 % as the project's data, lime and dolomite no nitrogen) or, for a synthetic fertiliser recorded as NPK
or foliar, by its name (ammonium nitrate, ammonium sulphate, DAP, MAP, calcium nitrate, or an N-P-K grade such as
"15-15-15" on the sack) — and any other product with an empty N % is an error (its content cannot be guessed).
"""

from __future__ import annotations

import re
import unicodedata

# Nominal contents by product type (% N by mass).
BY_TYPE: dict[str, float] = {
    "urea": 46.0,
    "guano": 10.0,  # guano de isla: the project's examples and guide use 10 % (sold as 10-13 %)
    "lime": 0.0,
    "dolomite": 0.0,
}

# Synthetic fertilisers recognised by name when recorded as NPK or foliar: (names and abbreviations, % N).
NAMED: tuple[tuple[tuple[str, ...], float], ...] = (
    (("urea",), 46.0),
    (("nitrato de amonio", "nitrato amonico", "ammonium nitrate"), 33.5),
    (("sulfato de amonio", "sulfato amonico", "sulphate of ammonia", "ammonium sulphate", "ammonium sulfate"), 21.0),
    (("fosfato diamonico", "fosfato di amonico", "diammonium phosphate", "dap"), 18.0),
    (("fosfato monoamonico", "fosfato mono amonico", "monoammonium phosphate", "map"), 11.0),
    (("nitrato de calcio", "nitrato calcico", "calcium nitrate"), 15.5),
)
BY_NAME_TYPES = frozenset({"npk", "foliar"})

# "NPK 15-15-15", "20-20-20": the first number of the grade is the N %.
_GRADE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d+)?)\s*-\s*\d{1,2}(?:[.,]\d+)?\s*-\s*\d{1,2}(?:[.,]\d+)?(?![\d.,])")


def _plain(text: str) -> str:
    """Lower case, accents removed, words separated by single spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", letters).split())


def nominal_n_percent(product_type: str, name: str = "") -> float | None:
    """The N % of a product when it is standard, else None (the survey must give it)."""
    kind = str(product_type)
    if kind in BY_TYPE:
        return BY_TYPE[kind]
    if kind not in BY_NAME_TYPES or not name:
        return None
    grade = _GRADE.search(name)
    if grade is not None:
        return float(grade.group(1).replace(",", "."))
    words = f" {_plain(name)} "
    for names, percent in NAMED:
        if any(f" {known} " in words for known in names):
            return percent
    return None
