"""A survey's change history: when, where the change came from, which section and field, old → new value. It can
be exported (CSV, opens in Excel) and the survey restored as it was before a chosen change — the restore is saved
as a change of its own, so it can be undone the same way."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.words import say
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.field_names import field_words, full_path, section_words, value_words
from cocoa_desktop.gui.fields import fit_to_screen
from cocoa_desktop.gui.help import add_f1
from cocoa_desktop.gui.history.restore import MARK
from cocoa_desktop.gui.i18n import translate

INDEX_ROLE = Qt.ItemDataRole.UserRole  # the change's place in the history
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
             "conflict-mine": translate("history", "conflict resolved: this laptop's version kept (against %1)"),
             "conflict-settled": translate("history", "conflict resolved on the other laptop: its choice came in %1"),
             "repaired": translate("history", "damaged on disk, recovered from the backup %1"),
             "damaged": translate("history", "damaged on disk, no good copy: set aside"),
             "restore": translate("history", "restored as before %1")}.get(kind)
    if words is None:
        return origin
    return words.replace("%1", when_words(source) if kind == "restore" else source)


def history_rows(changes: list[Any]) -> list[list[str]]:
    rows = []
    for change in changes:
        if change.field == MARK:  # an event: no field changed
            rows.append([when_words(change.changed_at), origin_words(change.origin),
                         section_words(change.section) if change.section != MARK else "—", "—", "—", "—"])
            continue
        path = full_path(change.section, change.field)
        rows.append([when_words(change.changed_at), origin_words(change.origin), section_words(change.section),
                     field_words(path), value_words(path, change.old_value), value_words(path, change.new_value)])
    return rows


class HistoryView(QDialog):
    """One line per save (when, where it came from, which section, how many fields), opened to show each field
    with its value before and after: three columns, it reads on an 800-pixel screen."""

    restored = Signal()

    def __init__(self, repo: Any, survey_id: str, lang: str, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.survey_id = survey_id
        self.lang = lang
        self.setObjectName("history_view")
        add_f1(self, "data")  # F1: this window's chapter of the guide
        self.setWindowTitle(translate("history", "Change history"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("history.tree")
        self.tree.setHeaderLabels([translate("history", c) for c in COLUMNS[3:]])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.currentItemChanged.connect(lambda *_: self.update_buttons())
        self.export_button = QPushButton(translate("history", "&Export (CSV)…"))
        self.export_button.setObjectName("history.export")
        self.export_button.clicked.connect(self.ask_export)
        self.restore_button = QPushButton(translate("history", "&Restore as it was before the selected change…"))
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
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        fit_to_screen(self, 980, 600, parent)
        self.load()

    def load(self) -> None:
        self.changes = self.repo.history(self.survey_id)
        self.listed = self.made_changes()
        rows = history_rows(self.changes)
        self.tree.clear()
        group: QTreeWidgetItem | None = None
        key = None
        for index, (change, row) in enumerate(zip(self.changes, rows, strict=True)):
            if not self.listed[index]:
                continue  # a default filled in on export or import: a difference nobody made
            if (change.changed_at, change.origin) != key:  # one save: a page left, a section imported or restored
                key = (change.changed_at, change.origin)
                group = QTreeWidgetItem([f"{row[0]} — {row[1]} — {row[2]}", "", ""])
                group.setData(0, INDEX_ROLE, index)
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)  # once in the tree: a view setting
            item = QTreeWidgetItem(group, row[3:])
            item.setData(0, INDEX_ROLE, index)
            for column, text in enumerate(row[3:]):
                item.setToolTip(column, text)
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            fields = translate("history", "(1 field)") if group.childCount() == 1 else \
                translate("history", "(%1 fields)").replace("%1", str(group.childCount()))
            group.setText(0, group.text(0) + " " + fields)
        self.tree.expandAll()
        for column, width in enumerate((320, 180, 180)):
            self.tree.setColumnWidth(column, width)
        listed = sum(self.listed)  # what the list shows, not the defaults filled in that it leaves out
        intro = translate("history", "1 change recorded. Changes are recorded from the moment a survey is first "
                                     "completed (its results shown).") if listed == 1 else \
            translate("history", "%1 changes recorded. Changes are recorded from the moment a survey is first "
                                 "completed (its results shown).").replace("%1", str(listed))
        self.intro.setText(intro)
        if self.tree.topLevelItemCount():
            last = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
            self.tree.setCurrentItem(last)
            self.tree.scrollToItem(last)
        self.update_buttons()

    def made_changes(self) -> list[bool]:
        """Which changes to list: not those whose values are equal once the model's defaults are filled in."""
        from cocoa_desktop.gui.history.restore import made_by_someone
        from cocoa_desktop.storage.documents import normalised, split_sections

        sections = split_sections(self.repo.document(self.survey_id))
        return made_by_someone(sections, self.changes, normalised, self.survey_id)

    def selected_change(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, INDEX_ROLE)

    def update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.changes))
        self.restore_button.setEnabled(self.selected_change() is not None)

    # ---- export ----
    def export(self, path: Path) -> Path:
        """CSV with a byte-order mark and semicolons, as Excel in Spanish opens it without asking."""
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=say(self.lang, ";", ","))
            writer.writerow([translate("history", c) for c in COLUMNS])
            writer.writerows(history_rows([c for c, listed in zip(self.changes, self.listed, strict=True) if listed]))
        return path

    def ask_export(self) -> None:
        path = file_dialogs.save_path(self, file_dialogs.CSV, translate("history", "Export (CSV)…"),
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
        from cocoa_desktop.gui.history.restore import first_of_save, sections_before
        from cocoa_desktop.storage.database import transaction
        from cocoa_desktop.storage.documents import join_sections, split_sections

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

        index = self.selected_change()
        if index is None:
            return
        question = translate("history", "Put the survey back as it was before the change of %1? The restore is "
                                        "recorded in this history too, so it can be undone.")
        answer = QMessageBox.question(self, translate("history", "Restore"),
                                      question.replace("%1", when_words(self.changes[index].changed_at)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.restore(index)
        except StorageError as exc:
            QMessageBox.warning(self, translate("history", "Restore"), exc.message(self.lang))

