"""Start-up: nothing heavy before the window (defect 12), storage problems said in the user's language, what
happened at start-up said once, and the language switched from inside an open wizard."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from cocoa_desktop.gui import app as gui_app
from cocoa_desktop.storage import language, startup
from cocoa_desktop.storage.database import StorageError


def test_the_console_script_reaches_the_window_without_the_survey_model():
    code = ("import sys\nimport cocoa_desktop.cli.app as cli\ncli._parser()\n"
            "import cocoa_desktop.gui.app, cocoa_desktop.gui.main.window\n"
            "print(sorted(m for m in ('pyqtgraph', 'openpyxl', 'pydantic', 'cocoa_desktop.engine.model.survey', "
            "'cocoa_desktop.gui.fields', 'uuid', '_strptime')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_package_suffix_in_the_help_is_storages(capsys):
    from cocoa_desktop import cli
    from cocoa_desktop.storage.packages import SUFFIX

    with pytest.raises(SystemExit):
        cli.main(["package", "export", "-h"])
    assert f"(*{SUFFIX})" in capsys.readouterr().out


def test_storage_that_cannot_open_is_explained_in_the_saved_language(monkeypatch, qapp):
    said = []

    def refuse(*args, **kwargs):
        raise StorageError("La aplicación ya está abierta.", "The application is already open.", "locked")

    monkeypatch.setattr(startup, "open_storage", refuse)
    monkeypatch.setattr(language, "stored_language", lambda folder=None: "en")
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: said.append(text))
    try:
        assert gui_app.main([]) == 1
    finally:
        from cocoa_desktop.gui import i18n

        i18n.install(qapp, "es")
    assert said == ["The application is already open."]


def test_what_happened_at_start_up_is_said_once_in_one_dialog(storage, monkeypatch, qapp):
    storage.report.say("Se restauró la copia de seguridad del 01/12/2026 08:00.", "The backup was restored.")
    storage.report.say("Se reparó la sección «cáscara» de una encuesta.", "A husk section was repaired.")
    monkeypatch.setattr(startup, "open_storage", lambda *a, **k: storage)
    monkeypatch.setattr(storage, "close", lambda: None)  # the fixture closes it
    shown = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "startup_messages":
            shown.append(box.text())
            box.accept()
            QTimer.singleShot(0, lambda: [w.close() for w in QApplication.topLevelWidgets()])
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    assert gui_app.main([]) == 0
    assert len(shown) == 1
    assert "copia de seguridad" in shown[0] and "sección «cáscara»" in shown[0]


def test_switching_language_in_the_wizard_reopens_the_survey_at_its_page(storage, qtbot, qapp):
    from cocoa_desktop.engine.files.resources import example_path
    from cocoa_desktop.gui import i18n
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-region.json")), "x")
    survey_id = storage.repo.surveys()[0].id
    storage.repo.set_last_page(survey_id, "packaging")
    windows = gui_app.Windows(qapp, storage)
    windows.show("es")
    first = windows.current
    qtbot.addWidget(first)
    first.open_survey(survey_id)
    wizard = first.wizard
    assert wizard.current_page_name() == "packaging"
    assert wizard.button(QWizard.WizardButton.CustomButton1).text() == "English"
    try:
        wizard.button(QWizard.WizardButton.CustomButton1).click()
        again = windows.current
        qtbot.addWidget(again)
        assert again is not first and again.lang == "en" and storage.repo.setting("language") == "en"
        assert again.wizard is not None and again.wizard.current_page_name() == "packaging"
        assert again.wizard.currentPage().title() == "Page 7 of 11: Packaging"
        assert again.wizard.button(QWizard.WizardButton.CustomButton1).text() == "Español"
        again.wizard.close_without_asking()
    finally:
        i18n.install(qapp, "es")
