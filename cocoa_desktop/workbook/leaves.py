"""Where each leaf of the survey model lives in the workbook: (sheet key, column key) ↔ the leaf, so the input
cells take the model's own bounds (engine/model/fields.py walks them from the model) instead of a copy."""

from __future__ import annotations

from functools import cache

from cocoa_desktop.engine.model.fields import Leaf, leaves
from cocoa_desktop.engine.model.sections import META

# Where a field lives in the workbook: its section's sheet (section → sheet key of the layout), or its list's
# item sheet. Estimated fields, stored as paths, are said as these places (workbook/words.py).
SECTION_SHEET = {"general": "general", "husk": "husk", "fertilisation": "fertilisation",
                 "fermentation": "fermentation", "drying": "drying", "sequestration": "sequestration",
                 "packaging": "bags", "transport": "legs", "land_use_change": "conversions"}
SUB_SHEET = {"fertilisation.products": "products", "fertilisation.pesticides": "pesticides",
             "fertilisation.fuels": "fuels", "drying.fuels": "fuels", "general.areas": "areas",
             "transport.legs": "legs", "land_use_change.conversions": "conversions"}


def place(leaf: Leaf) -> tuple[str, str]:
    """(sheet key, column key) of a leaf: a list's column on its item sheet, a meta field on "Datos generales",
    any other field on its section's sheet (``shares.heaped`` on Cáscara)."""
    if leaf.table:
        return SUB_SHEET.get(leaf.table) or SECTION_SHEET[leaf.section], leaf.column
    if leaf.section == META:
        return "general", leaf.path
    return SECTION_SHEET[leaf.section], leaf.path.split(".", 1)[1]


@cache
def by_place() -> dict[tuple[str, str], Leaf]:
    """Every leaf by its place (the fuels sheet holds two lists with the same columns and bounds: either)."""
    return {place(leaf): leaf for leaf in leaves()}


def bounds(sheet: str, column: str) -> tuple[float | None, float | None]:
    """The model's (lowest, highest) value of a number column; (None, None) if the column is no leaf."""
    leaf = by_place().get((sheet, column))
    return (None, None) if leaf is None else (_plain(leaf.low), _plain(leaf.high))


def _plain(bound: float | None) -> float | None:
    """A whole bound as an int (the workbook writes 1990, not 1990.0)."""
    return int(bound) if bound is not None and bound.is_integer() else bound
