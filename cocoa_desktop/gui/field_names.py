"""Survey field paths and stored values in words, for the conflict dialog and the change history: the same
labels and choice words as the wizard (``packaging.0.kg_per_bag`` → "Bags, row 1: Weight of one empty bag (kg)")."""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cocoa_desktop.engine.words import pick, say
from cocoa_desktop.gui.fields import FieldSpec, field_label, format_number
from cocoa_desktop.gui.i18n import current_language, translate

SECTION_WORDS = {
    "meta": QT_TRANSLATE_NOOP("sections", "Survey"),
    "general": QT_TRANSLATE_NOOP("sections", "Organisation, production and areas"),
    "husk": QT_TRANSLATE_NOOP("sections", "Husk management"),
    "fertilisation": QT_TRANSLATE_NOOP("sections", "Fertilisation, composting and pest control"),
    "fermentation": QT_TRANSLATE_NOOP("sections", "Fermentation"),
    "drying": QT_TRANSLATE_NOOP("sections", "Drying"),
    "packaging": QT_TRANSLATE_NOOP("sections", "Packaging"),
    "transport": QT_TRANSLATE_NOOP("sections", "Transport"),
    "sequestration": QT_TRANSLATE_NOOP("sections", "Sequestration"),
    "land_use_change": QT_TRANSLATE_NOOP("sections", "Land-use change"),
}
OTHER_WORDS = {"notes": QT_TRANSLATE_NOOP("sections", "Notes"),
               "estimated_fields": QT_TRANSLATE_NOOP("sections", "Estimated values"),
               "id": QT_TRANSLATE_NOOP("sections", "Identifier")}


def section_words(section: str) -> str:
    return translate("sections", SECTION_WORDS[section]) if section in SECTION_WORDS else section


@cache
def _specs() -> tuple[dict[str, FieldSpec], dict[str, Any]]:
    from cocoa_desktop.gui.wizard.specs import PAGES

    fields = {f.key: f for page in PAGES for f in page.fields}
    tables = {t.key: t for page in PAGES for t in page.tables}
    return fields, tables


def full_path(section: str, field: str) -> str:
    """A history row's section and field (relative to the section) → the path in the survey document."""
    if section == "meta" or not field:
        return field or section
    return f"{section}.{field}"


def spec_of(path: str) -> tuple[FieldSpec | None, str]:
    """The field's spec and, for a table cell, "Table, row n: " to put before its label."""
    fields, tables = _specs()
    if path in fields:
        return fields[path], ""
    for key, table in tables.items():
        if path.startswith(key + "."):
            row, _, column = path[len(key) + 1:].partition(".")
            spec = next((c for c in table.columns if c.key == column), None)
            if row.isdigit():
                where = translate("sections", "%1, row %2: ").replace("%1", translate("tables", table.title))
                return spec, where.replace("%2", str(int(row) + 1))
    return None, ""


def field_words(path: str) -> str:
    spec, where = spec_of(path)
    if spec is not None:
        return where + field_label(spec)
    if path in OTHER_WORDS:
        return translate("sections", OTHER_WORDS[path])
    return path  # a path the wizard does not ask (e.g. from a file): shown as it is, never hidden


def value_words(path: str, value: Any) -> str:
    """A stored value as the wizard shows it: choice words, percentages, numbers with a decimal comma."""
    if value is None:
        return "—"
    spec, _ = spec_of(path)
    lang = current_language()
    if spec is not None and spec.words is not None:
        pair = spec.words.get(value)
        return pick(pair, lang) if pair else str(value)
    if isinstance(value, bool):
        return translate("sections", "yes") if value else translate("sections", "no")
    if isinstance(value, int | float):
        percent = spec is not None and spec.kind == "percent"
        text = format_number(value * 100, 4) + " %" if percent else format_number(value)
        return say(lang, text, text.replace(",", "."))
    if isinstance(value, list | dict) and not value:
        return translate("sections", "(empty)")
    return str(value)
