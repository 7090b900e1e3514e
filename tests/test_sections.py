"""The survey's sections are named once, in engine/model/sections.py (issue 21: nine hand-written lists before), and
every part of the app that walks them agrees with the survey model."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import cocoa_desktop
from cocoa_desktop.engine.model import sections
from cocoa_desktop.engine.model.survey import Survey

PACKAGE = Path(cocoa_desktop.__file__).parent


def test_the_sections_are_the_survey_models_fields_in_order():
    fields = [name for name in Survey.model_fields if name != "id"]
    assert tuple(f for f in fields if f not in sections.META_FIELDS) == sections.SECTIONS
    assert set(fields) - set(sections.SECTIONS) == set(sections.META_FIELDS)
    lists = {name for name in sections.SECTIONS
             if typing.get_origin(Survey.model_fields[name].annotation) is list}
    assert lists == sections.LIST_SECTIONS


def test_storage_wizard_help_and_workbook_take_them_from_there():
    from cocoa_desktop.gui import field_names, help
    from cocoa_desktop.gui.wizard.page import EXTRA_OWNED
    from cocoa_desktop.gui.wizard.specs import PAGES
    from cocoa_desktop.storage.documents import SECTIONS, split_sections
    from cocoa_desktop.workbook.layout import DATA_SHEETS_BEFORE_CALC
    from cocoa_desktop.workbook.leaves import SECTION_SHEET

    assert SECTIONS == sections.STORED
    assert (*(p.id for p in PAGES), "results") == sections.PAGES == help.PAGE_IDS
    assert set(EXTRA_OWNED) <= set(sections.PAGES)
    assert tuple(field_names.SECTION_WORDS) == sections.STORED
    assert set(SECTION_SHEET) == set(sections.SECTIONS)  # each section has its sheet
    one_row = tuple(s.key for s in DATA_SHEETS_BEFORE_CALC if s.per_survey and s.key != "general")
    assert one_row == sections.ONE_ROW_SHEETS
    for lang in ("es", "en"):
        assert all(help.chapter_path(page, lang).is_file() for page in sections.PAGES)
    doc = {"id": "x", "unit": "farm", "notes": "", "estimated_fields": [], **{s: {} for s in sections.SECTIONS}}
    assert tuple(split_sections(doc)) == (*sections.SECTIONS, "meta")


def test_no_module_lists_the_sections_by_hand():
    """A tuple, list or set of four or more section names anywhere but engine/model/sections.py is a tenth copy."""
    names = set(sections.STORED)
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "sections.py" and path.parent.name == "model":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                words = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                if len(words & names) >= 4:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, found


def test_section_of_a_path():
    assert sections.section_of("husk.shares.composted") == "husk"
    assert sections.section_of("unit") == sections.META
    assert sections.section_of("estimated_fields") == sections.META
