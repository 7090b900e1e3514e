"""A survey's change history: when, where the change came from, which section and field, old → new value. It can
be exported (CSV, opens in Excel) and the survey restored as it was before a chosen change — the restore is saved
as a change of its own, so it can be undone the same way."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.gui.field_names import field_words, full_path, section_words, value_words
from cocoa_desktop.gui.i18n import translate

COLUMNS = (QT_TRANSLATE_NOOP("history", "When"), QT_TRANSLATE_NOOP("history", "Origin"),
           QT_TRANSLATE_NOOP("history", "Section"), QT_TRANSLATE_NOOP("history", "Field"),
           QT_TRANSLATE_NOOP("history", "Before"), QT_TRANSLATE_NOOP("history", "After"))


def when_words(stamp: str) -> str:
    """The stored UTC time in the laptop's local time, as a technician reads it."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d/%m/%Y %H:%M:%S")
    except ValueError:
        return stamp


def origin_words(origin: str) -> str:
    kind, _, source = origin.partition(":")
    words = {"edit": translate("history", "edited on this laptop"),
             "import": translate("history", "imported from %1"),
             "conflict": translate("history", "conflict resolved: version of %1"),
             "conflict-merge": translate("history", "conflict resolved section by section with %1"),
             "restore": translate("history", "restored as before %1")}.get(kind)
    if words is None:
        return origin
    return words.replace("%1", when_words(source) if kind == "restore" else source)


def history_rows(changes: list[Any]) -> list[list[str]]:
    rows = []
    for change in changes:
        path = full_path(change.section, change.field)
        rows.append([when_words(change.changed_at), origin_words(change.origin), section_words(change.section),
                     field_words(path), value_words(path, change.old_value), value_words(path, change.new_value)])
    return rows


class HistoryView(QDialog):
    restored = Signal()

    def __init__(self, repo: Any, survey_id: str, lang: str, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.survey_id = survey_id
        self.lang = lang
        self.setObjectName("history_view")
        self.setWindowTitle(translate("history", "Change history"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("history.table")
        self.table.setHorizontalHeaderLabels([translate("history", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.export_button = QPushButton(translate("history", "Export (CSV)…"))
        self.export_button.setObjectName("history.export")
        self.export_button.clicked.connect(self.ask_export)
        self.restore_button = QPushButton(translate("history", "Restore as it was before the selected change…"))
        self.restore_button.setObjectName("history.restore")
        self.restore_button.clicked.connect(self.ask_restore)
        self.restore_button.setVisible(not read_only)
        close = QPushButton(translate("history", "Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        screen = (parent or self).screen().availableGeometry()
        self.resize(min(980, screen.width() - 40), min(600, screen.height() - 80))
        self.load()

    def load(self) -> None:
        self.changes = self.repo.history(self.survey_id)
        rows = history_rows(self.changes)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):  # long values wrap instead of widening the dialog
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self.table.resizeRowsToContents()
        intro = translate("history", "%1 changes recorded. Changes are recorded from the moment a survey is first "
                                     "completed (its results shown).")
        self.intro.setText(intro.replace("%1", str(len(rows))))
        if rows:
            self.table.selectRow(len(rows) - 1)
            self.table.scrollToBottom()
        self.update_buttons()

    def update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.changes))
        self.restore_button.setEnabled(self.table.currentRow() >= 0 and bool(self.changes))

    # ---- export ----
    def export(self, path: Path) -> Path:
        """CSV with a byte-order mark and semicolons, as Excel in Spanish opens it without asking."""
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";" if self.lang != "en" else ",")
            writer.writerow([translate("history", c) for c in COLUMNS])
            writer.writerows(history_rows(self.changes))
        return path

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("history", "Export (CSV)…"),
                                              translate("history", "history") + ".csv", "CSV (*.csv)")
        if not path:
            return
        try:
            self.export(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, translate("history", "Change history"),
                                translate("history", "Could not write the file: %1").replace("%1", str(exc)))

    # ---- restore ----
    def restore(self, index: int) -> None:
        """Put the survey back as it was before change ``index`` (and the rest of its save); one transaction."""
        from cocoa_desktop.gui.history_restore import first_of_save, sections_before
        from cocoa_desktop.storage.database import transaction
        from cocoa_desktop.storage.repository import join_sections, split_sections

        index = first_of_save(self.changes, index)
        current = split_sections(self.repo.document(self.survey_id))
        earlier = sections_before(current, self.changes, index)
        with transaction(self.repo.conn):
            self.repo.replace_document(self.survey_id, join_sections(self.survey_id, earlier),
                                       origin=f"restore:{self.changes[index].changed_at}")
        self.load()
        self.restored.emit()

    def ask_restore(self) -> None:
        from cocoa_desktop.storage.database import StorageError

        row = self.table.currentRow()
        if row < 0:
            return
        answer = QMessageBox.question(
            self, translate("history", "Restore"),
            translate("history", "Put the survey back as it was before the change of %1? The restore is recorded "
                                 "in this history too, so it can be undone.").replace("%1", self.table.item(row, 0)
                                                                                       .text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.restore(row)
        except StorageError as exc:
            QMessageBox.warning(self, translate("history", "Restore"), exc.message(self.lang))

