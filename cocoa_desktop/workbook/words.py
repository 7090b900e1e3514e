"""Words of the workbook that are not a choice list (units: workbook/units.py): the estimated fields of a survey said
with the sheet and column where they live (not as internal paths). Factor names and units: engine.factor_words."""

from __future__ import annotations

from cocoa_desktop.engine.words import pick
from cocoa_desktop.workbook.leaves import SECTION_SHEET, SUB_SHEET

SHARES = ("proporciones", "shares")


def estimated_words(paths: list[str], lang: str) -> str:
    from cocoa_desktop.workbook.calc_layout import BY_KEY

    said = []
    for path in paths:
        parts = path.split(".")
        sheet_key = SUB_SHEET.get(".".join(parts[:2])) or SECTION_SHEET.get(parts[0])
        if sheet_key is None:
            said.append(path)
            continue
        spec = BY_KEY[sheet_key]
        text = spec.title(lang)
        rest = ".".join(parts[1:]) if sheet_key == SECTION_SHEET.get(parts[0]) else ".".join(parts[2:])
        column = next((c for c in spec.columns if c.key == rest), None)
        if column is not None:
            text += ": " + column.label(lang)
        elif rest == "shares":
            text += ": " + pick(SHARES, lang)
        said.append(text)
    return "; ".join(dict.fromkeys(said))
