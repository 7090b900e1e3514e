"""A survey changed on two laptops: both versions side by side, section by section, the differing values
highlighted; keep this laptop's version, the other one, or choose per section. The choice is saved in one go and
the values that change are recorded in the survey's change history."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.gui.field_names import field_words, full_path, section_words, value_words
from cocoa_desktop.gui.fields import fit_to_screen
from cocoa_desktop.gui.help import add_f1
from cocoa_desktop.gui.history.view import when_words
from cocoa_desktop.gui.i18n import translate

DIFFERENT = QBrush(QColor("#fff0b3"))
MINE, THEIRS = "mine", "theirs"


def differences(mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, list[tuple[str, Any, Any]]]:
    """Per stored section, the fields whose values differ: (path in the document, ours, theirs). Both versions
    are compared with the defaults the survey model fills in (a value stored as missing here and as its default
    by another laptop's export is the same value, not a difference nobody made: "— / 0")."""
    from cocoa_desktop.storage.documents import SECTIONS, flatten, normalised, split_sections

    ours, other = split_sections(normalised(mine)), split_sections(normalised(theirs))
    found: dict[str, list[tuple[str, Any, Any]]] = {}
    for section in SECTIONS:
        a, b = _given(flatten(ours.get(section, {}))), _given(flatten(other.get(section, {})))
        rows = [(full_path(section, path), a.get(path), b.get(path)) for path in sorted(a.keys() | b.keys())
                if a.get(path) != b.get(path)]
        if rows:
            found[section] = rows
    return found


def _given(flat: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values: an empty text, a null and a missing field all mean "not given" to the survey
    model (the wizard stores nothing where a file from another laptop stores "")."""
    return {path: value for path, value in flat.items() if value not in (None, "")}


def resolve(repo: Any, conflict: dict[str, Any], choices: dict[str, str]) -> None:
    """Save the choice in one transaction: one version whole, or a section-by-section merge."""
    from cocoa_desktop.storage import sync

    kinds = set(choices.values()) or {MINE}
    if len(kinds) == 1:
        sync.resolve_conflict(repo, conflict["id"], kinds.pop())
    else:
        sync.resolve_conflict(repo, conflict["id"], sync.MERGE, sections=choices)


class ConflictDialog(QDialog):
    def __init__(self, repo: Any, survey_id: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.survey_id = survey_id
        self.lang = lang
        self.choosers: dict[str, QComboBox] = {}
        self.setObjectName("conflict_dialog")
        add_f1(self, "data")  # F1: this window's chapter of the guide
        self.setWindowTitle(translate("conflicts", "Resolve a conflict"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("conflict.tree")
        self.tree.setHeaderLabels([translate("conflicts", "Section / field"), translate("conflicts", "This laptop"),
                                   translate("conflicts", "Other laptop"), translate("conflicts", "Keep")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setWordWrap(True)
        self.keep_mine = QPushButton(translate("conflicts", "Keep &this laptop's version"))
        self.keep_mine.setObjectName("conflict.keep_mine")
        self.keep_mine.clicked.connect(lambda: self.apply({s: MINE for s in self.choosers}))
        self.keep_theirs = QPushButton(translate("conflicts", "Keep the &other laptop's version"))
        self.keep_theirs.setObjectName("conflict.keep_theirs")
        self.keep_theirs.clicked.connect(lambda: self.apply({s: THEIRS for s in self.choosers}))
        self.apply_choices = QPushButton(translate("conflicts", "Keep what is &chosen per section"))
        self.apply_choices.setObjectName("conflict.apply")
        self.apply_choices.clicked.connect(lambda: self.apply(self.choices()))
        later = QPushButton(translate("conflicts", "Decide &later"))
        later.setObjectName("conflict.later")
        later.clicked.connect(self.reject)
        self.buttons = (self.keep_mine, self.keep_theirs, self.apply_choices, later)  # as they stand, row by row
        buttons = QGridLayout()  # two rows: the long labels fit an 800-pixel screen
        buttons.addWidget(self.keep_mine, 0, 0)
        buttons.addWidget(self.keep_theirs, 0, 1)
        buttons.addWidget(self.apply_choices, 1, 0)
        buttons.addWidget(later, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        fit_to_screen(self, 980, 640, parent)
        self.load()

    def load(self) -> bool:
        from cocoa_desktop.storage.sync import open_conflicts

        conflicts = open_conflicts(self.repo, self.survey_id)
        self.tree.clear()
        self.choosers = {}
        if not conflicts:
            self.conflict = None
            self.intro.setText(translate("conflicts", "This survey has no conflict to resolve."))
            for button in (self.keep_mine, self.keep_theirs, self.apply_choices):
                button.setEnabled(False)
            return False
        self.conflict = conflicts[0]
        found = differences(self.repo.document(self.survey_id), self.conflict["theirs"])
        intro = translate("conflicts", "This survey was changed on this laptop and on another one (file %1, found on "
                                       "%2). The values that differ are highlighted. Choose which version to keep, "
                                       "or choose per section.")
        self.intro.setText(intro.replace("%1", self.conflict["source"])
                           .replace("%2", when_words(self.conflict["detected_at"])))
        if len(conflicts) > 1:
            more = translate("conflicts", "(1 more after this one)") if len(conflicts) == 2 else \
                translate("conflicts", "(%1 more after this one)").replace("%1", str(len(conflicts) - 1))
            self.intro.setText(self.intro.text() + " " + more)
        for section, rows in found.items():
            head = QTreeWidgetItem([section_words(section), "", "", ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for path, ours, theirs in rows:
                item = QTreeWidgetItem(head, [field_words(path), value_words(path, ours), value_words(path, theirs)])
                item.setToolTip(0, item.text(0))
                for column in (1, 2):
                    item.setBackground(column, DIFFERENT)
                    item.setToolTip(column, item.text(column))
            chooser = QComboBox()
            chooser.setObjectName(f"conflict.keep.{section}")
            chooser.addItem(translate("conflicts", "this laptop"), MINE)
            chooser.addItem(translate("conflicts", "other laptop"), THEIRS)
            self.tree.setItemWidget(head, 3, chooser)
            self.choosers[section] = chooser
        self.tree.expandAll()
        for column in (1, 2):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 260))
        for before, after in itertools.pairwise([self.tree, *self.choosers.values(), *self.buttons]):
            QWidget.setTabOrder(before, after)  # Tab as the eye goes: the list, its choices, the buttons below
        return True

    def choices(self) -> dict[str, str]:
        return {section: chooser.currentData() for section, chooser in self.choosers.items()}

    def apply(self, choices: dict[str, str]) -> None:
        from cocoa_desktop.storage.database import StorageError

        if self.conflict is None:
            return
        try:
            resolve(self.repo, self.conflict, choices)
        except StorageError as exc:
            QMessageBox.warning(self, translate("conflicts", "Resolve a conflict"), exc.message(self.lang))
            return
        if not self.load():  # another conflict of the same survey comes next, if any
            self.accept()
