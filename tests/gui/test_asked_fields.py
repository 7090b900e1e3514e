"""A field declared with its words in the model (engine/model/asked.py) needs no line in the wizard: it is on the page
of the field declared before it, labelled and hinted in the technician's language, and what is typed in it is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from cocoa_desktop.engine.model.fields import asked_leaves
from cocoa_desktop.gui import i18n
from tests.gui.keyboard import focused, open_wizard, press, replace_text, tab_to, type_text


def _shown_texts(wizard) -> set[str]:
    return {label.text() for label in wizard.currentPage().findChildren(QLabel) if label.isVisible()}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_declared_field_is_asked_labelled_hinted_and_saved(storage, new_survey, qtbot, qapp, lang):
    i18n.install(qapp, lang)
    district = next(leaf for leaf in asked_leaves() if leaf.path == "general.district")
    assert district.asked is not None
    wizard = open_wizard(storage, new_survey, qtbot, lang=lang)
    page = wizard.currentPage()
    edit = page.findChild(QLineEdit, "general.district")
    assert edit is not None and edit.isVisible()
    shown = _shown_texts(wizard)
    assert district.asked.label(lang) in shown and district.asked.hint(lang) in shown
    # typed with the keys only; right after the field declared before it in the model, so Tab from the
    # technician reaches it
    tab_to(qtbot, "general.organisation")
    replace_text(qtbot, "Cooperativa X")
    tab_to(qtbot, "general.technician")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is edit
    type_text(qtbot, "Juanjuí")
    press(qtbot, Qt.Key.Key_Return)  # Siguiente
    assert storage.repo.document(new_survey)["general"]["district"] == "Juanjuí"


def test_a_declared_unit_is_one_the_wizard_and_the_workbook_both_translate():
    """A unit written beside a declared field is one of the wizard's (its Spanish in the catalogue) and the
    workbook writes the same Spanish: "per yr" is "por año" in both."""
    from cocoa_desktop.gui.fields import UNITS
    from cocoa_desktop.gui.i18n import translate
    from cocoa_desktop.workbook.units import spanish_unit

    units = {leaf.asked.unit for leaf in asked_leaves() if leaf.asked is not None and leaf.asked.unit}
    assert units <= set(UNITS), units - set(UNITS)
    assert all(translate("units", unit) == spanish_unit(unit) for unit in units)
    assert spanish_unit("per yr") == translate("units", "per yr") == "por año"  # the pair the check relies on
