"""Issue 18: on a full disk the wizard's Back and Ctrl+D (duplicate into the next campaign) raised uncaught errors.
Now each says "the disk is full" as every other save does and loses nothing: Back stays on the page with what was
typed (free space, press Back again), Ctrl+D copies nothing and changes nothing.

The full disk is SQLite's own answer when a transaction commits ("database or disk is full"), from the storage's
connection, as a real full disk gives it (`tests/storage/test_faults.py` does it with a real 4 MB filesystem)."""

from __future__ import annotations

import contextlib
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWizard

from tests.gui.keyboard import open_wizard


@contextlib.contextmanager
def full_disk(storage):
    """Every save fails as on a full disk, until the block ends (space freed)."""
    conn = storage.repo.conn
    real = conn.execute

    def execute(sql, *args):
        if sql == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return real(sql, *args)

    conn.execute = execute
    try:
        yield
    finally:
        del conn.execute


def _warnings(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: said.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: said.append(text))
    return said


def test_back_on_a_full_disk_says_so_and_keeps_what_was_typed(storage, new_survey, qtbot, monkeypatch):
    said = _warnings(monkeypatch)
    wizard = open_wizard(storage, new_survey, qtbot, active=False)
    wizard.findChild(QLineEdit, "general.organisation").setText("Cooperativa Nueva Esperanza")
    wizard.next()
    assert wizard.currentPage().objectName() == "page.production"
    area = wizard.findChild(QLineEdit, "general.productive_area_ha")
    area.setText("12,5")
    back = wizard.button(QWizard.WizardButton.BackButton)
    with full_disk(storage):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)  # was: an uncaught StorageError
        assert len(said) == 1 and "disco está lleno" in said[0]
        assert wizard.currentPage().objectName() == "page.production", "left the page its typing could not go to"
        assert area.text() == "12,5"
    assert "productive_area_ha" not in (storage.repo.document(new_survey).get("general") or {})
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)  # space freed: Back again saves and goes back
    assert wizard.currentPage().objectName() == "page.organisation" and len(said) == 1
    assert storage.repo.document(new_survey)["general"]["productive_area_ha"] == 12.5
    wizard.next()  # and the page shows what was saved
    assert wizard.findChild(QLineEdit, "general.productive_area_ha").text() == "12,5"


def test_back_from_code_on_a_full_disk(storage, new_survey, qtbot, monkeypatch):
    said = _warnings(monkeypatch)
    wizard = open_wizard(storage, new_survey, qtbot, active=False)
    wizard.findChild(QLineEdit, "general.organisation").setText("Coop")
    wizard.next()
    assert wizard.currentPage().objectName() == "page.production"
    wizard.findChild(QLineEdit, "general.productive_area_ha").setText("3")
    with full_disk(storage):
        wizard.back()
        assert wizard.currentPage().objectName() == "page.production" and len(said) == 1
    wizard.back()
    assert wizard.currentPage().objectName() == "page.organisation"
    assert storage.repo.document(new_survey)["general"]["productive_area_ha"] == 3


def test_next_on_a_full_disk_still_says_so_once_and_stays(storage, new_survey, qtbot, monkeypatch):
    said = _warnings(monkeypatch)
    wizard = open_wizard(storage, new_survey, qtbot, active=False)
    wizard.findChild(QLineEdit, "general.organisation").setText("Coop")
    with full_disk(storage):
        wizard.next()
    assert wizard.currentPage().objectName() == "page.organisation" and len(said) == 1


def test_ctrl_d_on_a_full_disk_says_so_and_changes_nothing(storage, new_survey, qtbot, monkeypatch):
    from cocoa_desktop.gui.main.window import MainWindow

    said = _warnings(monkeypatch)
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    window.tree.setCurrentItem(window.tree.rows[("survey", new_survey)])
    campaigns = [tuple(row) for row in storage.repo.campaigns()]
    surveys = [row.id for row in storage.repo.surveys()]
    with full_disk(storage):
        window.findChild(QAction, "duplicate_survey").trigger()  # Ctrl+D; was: an uncaught StorageError
    assert len(said) == 1 and "disco está lleno" in said[0]
    assert [tuple(row) for row in storage.repo.campaigns()] == campaigns
    assert [row.id for row in storage.repo.surveys()] == surveys
    assert window.tree.selected_survey() == new_survey
    window.findChild(QAction, "duplicate_survey").trigger()  # space freed: it copies
    assert len(storage.repo.surveys()) == len(surveys) + 1 and len(said) == 1


def test_the_results_page_says_so_when_the_survey_cannot_be_marked_complete(storage, qtbot, monkeypatch):
    """The disk filled between the last page's save and the mark "complete": said, the results shown."""
    from cocoa_desktop.engine.files.resources import example_path
    from cocoa_desktop.storage.database import StorageError
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    said = _warnings(monkeypatch)
    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-region.json")), "x")
    survey_id = storage.repo.surveys()[0].id
    wizard = open_wizard(storage, survey_id, qtbot, "land_use_change", active=False)

    def full(*args):
        raise StorageError("El disco está lleno.", "The disk is full.", "disk_full")

    monkeypatch.setattr(storage.repo, "mark_completed", full)
    wizard.next()  # was: an uncaught StorageError
    assert wizard.currentPage().objectName() == "page.results"
    assert said == ["El disco está lleno."]
