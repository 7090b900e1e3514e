"""The guide's screenshots of the phone submissions' import (issue 23), taken by tests/tools/screenshots.py:
Paquetes y Excel open on its two phone entries, the campaign question with its list open, and the report with its
details shown after importing an ODK Central export of the ten example cooperatives in which one submission was
edited by hand ("mil" typed as a number: refused, named in the details).

Offscreen, a menu or a list popup is its own window: it is painted over the window it opened from, where a screen
would show it (``--screen`` grabs the real screen instead)."""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QMessageBox, QPushButton, QWidget

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.actions import submissions as submission_actions

NEW_CAMPAIGN = {"es": "Cosecha 2024 (teléfonos)", "en": "Harvest 2024 (phones)"}
REFUSED = "Cooperativa Agraria Apahui Ltda."  # its dry cocoa typed as "mil" in the export


def composite(base: QWidget, popups: list[QWidget]) -> QPixmap:
    """``base`` with the open ``popups`` painted where they stand on the screen (the picture grows to hold a popup
    that reaches past the window, on the window's background colour)."""
    origin = base.mapToGlobal(QPoint(0, 0))
    area = QRect(QPoint(0, 0), base.size())
    for popup in popups:
        area = area.united(QRect(popup.mapToGlobal(QPoint(0, 0)) - origin, popup.size()))
    image = QPixmap(area.size())
    image.fill(base.palette().window().color())
    painter = QPainter(image)
    painter.drawPixmap(-area.topLeft(), base.grab())
    for popup in popups:
        painter.drawPixmap(popup.mapToGlobal(QPoint(0, 0)) - origin - area.topLeft(), popup.grab())
    painter.end()
    return image


def export_with_a_refusal(folder: Path) -> Path:
    """The ODK Central CSV zip of the ten cooperatives (new ids: other phones' surveys), one edited by hand."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the writers of real export files
    from submission_files import odk_tables, write_odk

    surveys = [s.model_copy(update={"id": str(uuid.uuid4())})
               for s in survey_io.read(example_path("san-martin-2020-cooperatives.json")).surveys]
    tables = odk_tables(surveys)
    rows = next(iter(tables.values()))  # the main CSV first
    column = next(i for i, name in enumerate(rows[0]) if name.endswith("general__dry_cocoa_kg"))
    for row in rows[1:]:
        if REFUSED in row:
            row[column] = "mil"
    return write_odk(surveys, folder / "cocoa_desktop_survey.zip", tables=tables)


def take(shots: Any, window: Any, lang: str, folder: Path) -> None:
    """phones-menu, phones-campaign and phones-report, in ``shots.out``."""
    app = QApplication.instance()

    def save(name: str, base: QWidget, popups: list[QWidget]) -> None:
        if shots.screen:
            shots.take(name, base)
            return
        for _ in range(5):
            app.processEvents()
        path = shots.out / f"{name}.png"
        composite(base, popups).save(str(path))
        print(path)

    repo = window.storage.repo
    names = [str(row["name"]) for row in repo.campaigns()]
    window.tree.select_campaign(max(names, key=lambda n: len(repo.surveys(n))))  # proposed in the question
    end = time.monotonic() + 60  # the tree's footprints as the last change left them (the conflict resolved)
    while window.footprint_job is not None and not window.footprint_job.finished and time.monotonic() < end:
        app.processEvents()
    entry = window.actions_by_name["import_submissions"]
    bar = window.menuBar()
    menu = next(a.menu() for a in bar.actions() if a.menu() is not None and entry in a.menu().actions())
    bar.setActiveAction(menu.menuAction())
    for _ in range(5):
        app.processEvents()
    menu.setActiveAction(entry)
    save("phones-menu", window, [menu])
    menu.hide()
    path = export_with_a_refusal(folder)
    shown = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog) and "campaign" not in shown:
            shown.append("campaign")
            combo = box.findChild(QComboBox)
            combo.showPopup()
            save("phones-campaign", box, [combo.view().window()])
            combo.hidePopup()
            box.setTextValue(NEW_CAMPAIGN[lang])
            box.accept()
        elif isinstance(box, QMessageBox) and box.objectName() == "submissions_report":
            shown.append("report")
            details = next(b for b in box.findChildren(QPushButton)
                           if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
            details.click()
            save("phones-report", box, [])
            box.accept()
        elif isinstance(box, QMessageBox):  # the import failed: its message
            shown.append(f"failed: {box.text()}")
            box.accept()

    robot = QTimer()
    robot.timeout.connect(answer)
    robot.start(100)
    chosen = file_dialogs.open_paths
    file_dialogs.open_paths = lambda *args: [str(path)]  # the file dialog answered
    try:
        job = submission_actions.ask_import(window)
        end = time.monotonic() + 120
        while job is not None and not any(s == "report" or s.startswith("failed") for s in shown) \
                and time.monotonic() < end:
            app.processEvents()
    finally:
        file_dialogs.open_paths = chosen
        robot.stop()
    if shown != ["campaign", "report"]:
        raise RuntimeError(f"the phone import did not show its question and report: {shown}")
