"""Paquetes y Excel → Formulario para teléfonos (issue 23 point 1): the survey as an XLSForm, from the main window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.workbook.xlsform import asked as asked_leaves

QUESTIONS = len(asked_leaves())  # every leaf a technician types (tests/test_xlsform.py counts them against the model)
WORDS = {"es": ("Formulario para teléfonos (ODK Collect, KoboToolbox)…", "Formulario para teléfonos escrito "
                f"({QUESTIONS} preguntas)"),
         "en": ("Form for phones (ODK Collect, KoboToolbox)…", f"Form for phones written ({QUESTIONS} questions)")}


@pytest.fixture
def speaking(qapp):
    """The app speaks the language asked (its menus are in the Qt catalogue); Spanish again afterwards."""
    yield lambda lang: i18n.install(qapp, lang)
    i18n.install(qapp, "es")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_phone_form_is_written_from_packages_and_excel(storage, qtbot, speaking, tmp_path, monkeypatch, lang):
    speaking(lang)
    window = MainWindow(storage, lang)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "export_xlsform")
    exchange = window.menuBar().actions()[2].menu()  # Paquetes y Excel
    assert action in exchange.actions() and action.isEnabled()
    assert action.text() == WORDS[lang][0]
    asked = []
    monkeypatch.setattr(file_dialogs, "save_path", lambda *args: asked.append(args) or str(tmp_path / "encuesta"))
    action.trigger()
    assert asked[0][3] == ("encuesta.xlsx" if lang == "es" else "survey.xlsx")  # the name suggested
    written = tmp_path / "encuesta.xlsx"  # the suffix the phone tools need, added
    assert written.is_file()
    assert window.statusBar().currentMessage().startswith(WORDS[lang][1])


def test_a_phone_form_that_cannot_be_written_says_why(storage, qtbot, tmp_path, monkeypatch):
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(file_dialogs, "save_path", lambda *args: str(tmp_path / "no-existe" / "f.xlsx"))
    window.findChild(QAction, "export_xlsform").trigger()
    assert len(warned) == 1 and "no existe" in warned[0]
    assert not (tmp_path / "no-existe").exists()
