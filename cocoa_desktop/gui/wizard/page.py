"""A wizard page built from a PageSpec: loads its fields from storage, saves them when left, explains errors
under the field (or the table cell) they concern, and shows the engine's plausibility warnings where the value
was typed."""

from __future__ import annotations

import contextlib
import itertools
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from cocoa_desktop.engine.model.issues import Issue
from cocoa_desktop.gui.fields import (
    InputError,
    PercentEdit,
    edited_signal,
    field_hint,
    field_label,
    format_number,
    make_widget,
    read_widget,
    scrolling_body,
    write_widget,
)
from cocoa_desktop.gui.focus_style import show_focus_within
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.wizard.colours import ERROR, HINT, WARNING, text_colour
from cocoa_desktop.gui.wizard.item_table import ItemTable
from cocoa_desktop.gui.wizard.session import SurveySession, get_path
from cocoa_desktop.gui.wizard.specs import PageSpec

# Section-level problems shown on the page that asks for them (e.g. "enter dry or wet cocoa" on production).
EXTRA_OWNED = {"production": ("general",), "husk": ("husk", "husk.shares"), "drying": ("drying", "drying.shares")}
LABEL_WIDTH = 260  # pixels: a longer label goes on two lines
# the wizard's buttons as they stand, left to right: Help, the language, Back, Next or Finish, Close
WIZARD_BUTTONS = (QWizard.WizardButton.HelpButton, QWizard.WizardButton.CustomButton1,
                  QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)


def fit_label(label: QLabel, width: int) -> None:
    """Show a form's label whole: on one line when it fits ``width`` pixels, else wrapped at that width with the
    height its lines need (the form gave a wrapped label the height of one line: "Alimento para animales (%)" lost
    half of its second line on a 1024×768 screen)."""
    if label.fontMetrics().horizontalAdvance(label.text()) <= width:
        label.setWordWrap(False)
        return
    label.setWordWrap(True)
    label.setFixedWidth(width)
    label.setMinimumHeight(label.heightForWidth(width))


def message_label(name: str, colour: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    text_colour(label, colour)
    label.setWordWrap(True)
    label.hide()
    return label


class SectionPage(QWizardPage):
    """One page of fields and tables. Its widgets are made when the page is first shown (``build``), not when the
    wizard opens: opening a survey made the ten pages' 130 fields and 8 tables at once (half of the Enter)."""

    def __init__(self, spec: PageSpec, session: SurveySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.setObjectName(f"page.{spec.id}")
        self.setTitle(translate("pages", spec.title))
        self.setSubTitle(translate("pages", spec.subtitle))
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.warnings: dict[str, QLabel] = {}
        self.tables: dict[str, ItemTable] = {}
        self.warned: set[str] = set()  # warnings already shown: a second Next goes on with the values as typed
        self.saved_to_go_back = False  # Back saved the page: Qt's cleanupPage that follows need not
        self.built = False
        self.loading = False  # the stored values are being put in the widgets

    def build(self) -> None:
        """The page's fields, tables and message labels (once; the wizard asks before the page is first shown)."""
        if self.built:
            return
        self.built = True
        spec = self.spec
        layout = scrolling_body(self, takes_focus=False)
        form = QFormLayout()
        for field in spec.fields:
            widget = make_widget(field, field.key)
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(widget)
            if field.hint or field.hint_words:
                hint = QLabel(field_hint(field))
                hint.setWordWrap(True)
                text_colour(hint, HINT)
                box.addWidget(hint)
            self.errors[field.key] = message_label(f"{field.key}.error", ERROR)
            self.warnings[field.key] = message_label(f"{field.key}.warning", WARNING)
            box.addWidget(self.errors[field.key])
            box.addWidget(self.warnings[field.key])
            label = QLabel(field_label(field))
            label.setBuddy(widget)
            fit_label(label, LABEL_WIDTH)
            form.addRow(label, box)
            self.widgets[field.key] = widget
            edited_signal(widget).connect(lambda *_, key=field.key: self.clear_message(key))
            if isinstance(widget, PercentEdit):
                widget.changed.connect(self.update_remaining)
        layout.addLayout(form)
        self.remaining = QLabel()
        self.remaining.setObjectName(f"page.{spec.id}.remaining")
        self.remaining.setWordWrap(True)
        if spec.percent_group:
            layout.addWidget(self.remaining)
        self.tables = {t.key: ItemTable(t) for t in spec.tables}
        for key, table in self.tables.items():
            layout.addWidget(table)
            table.rows_changed.connect(self.set_tab_order)
            self.warnings[key] = message_label(f"{key}.warning", WARNING)
            layout.addWidget(self.warnings[key])
        self.info = QLabel()  # what the chosen factor set does with this page's data
        self.info.setObjectName(f"page.{spec.id}.info")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.page_error = message_label(f"page.{spec.id}.error", ERROR)
        self.page_warning = message_label(f"page.{spec.id}.warning", WARNING)
        layout.addWidget(self.page_error)
        layout.addWidget(self.page_warning)
        layout.addStretch()
        show_focus_within(self)  # the ring on its combo boxes, check boxes and buttons (wizard.py: made later)

    # ---- the percentages that must add up ----
    def update_remaining(self) -> None:
        if not self.spec.percent_group or self.loading:
            return
        total = 0.0
        for key, widget in self.widgets.items():
            if key.startswith(self.spec.percent_group) and isinstance(widget, PercentEdit):
                with contextlib.suppress(InputError):
                    total += widget.percent() or 0.0
        left = 100.0 - total
        if format_number(abs(left), 1) == "0":  # not "0 % left to assign"
            text = translate("pages", "Total %1 % — complete")
        elif left < 0:  # not "-10 % left to assign"
            text = translate("pages", "Total %1 % — %2 % too much")
        else:
            text = translate("pages", "Total %1 % — %2 % left to assign")
        text = text.replace("%1", format_number(total, 1)).replace("%2", format_number(abs(left), 1))
        if 0 < total <= 1.0 + 1e-9:  # 0,4 + 0,6: fractions typed where percentages go
            text += " " + translate("pages", "(type percentages: 40 for 40 %, not 0,4)")
        self.remaining.setText(text)
        text_colour(self.remaining, None if abs(left) < 0.1 else WARNING)

    # ---- load / save ----
    def initializePage(self) -> None:
        self.build()
        doc = self.session.document()
        self.loading = True  # the total of the percentages and the tab order once, after every value is in
        try:
            for key, widget in self.widgets.items():
                write_widget(widget, get_path(doc, key))
            for key, table in self.tables.items():
                with QSignalBlocker(table):  # its rows_changed: the tab order is set below
                    table.load(get_path(doc, key))
        finally:
            self.loading = False
        self.update_remaining()
        self.clear_errors()
        self.warned.clear()
        self.info.setText(self.factor_set_info())
        self.info.setVisible(bool(self.info.text()))
        self.set_tab_order()

    def factor_set_info(self) -> str:
        """Say so when the chosen factor set does not use what this page asks (the areas with PROMPERÚ 2020)."""
        from cocoa_desktop.engine.footprint.results import note_message

        factors = self.session.factors
        if factors is not None and self.spec.id in ("production", "sequestration") and \
                factors.factor_set.methods.get("sequestration") == "per_kg":
            return "ℹ " + note_message("sequestration_areas_unused", self.session.lang)
        return ""

    def focus_chain(self) -> list[QWidget]:
        chain = list(self.widgets.values())
        for table in self.tables.values():
            chain += table.focus_chain()
        return chain

    def set_tab_order(self) -> None:
        """Tab visits the page in reading order — fields, then each table cell by cell and its buttons — and then
        the wizard's buttons, whatever order the widgets were created in (table cells are created last)."""
        chain = self.focus_chain()
        wizard = self.wizard()
        if wizard is not None:
            chain += [wizard.button(b) for b in WIZARD_BUTTONS]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, widget in self.widgets.items():
            try:
                values[key] = read_widget(widget)
            except InputError as exc:
                problems[key] = str(exc)
        for key, table in self.tables.items():
            table.clear_marks()
            rows, errors = table.rows()  # outlines the cells it cannot read
            values[key] = rows
            if errors:
                problems[key] = "\n".join(errors)
        return values, problems

    def save(self) -> dict[str, str]:
        """Save what can be read; return the fields that could not be read (their text stays on screen)."""
        values, problems = self.collect()
        self.session.save({k: v for k, v in values.items() if k not in problems})
        return problems

    def owns(self, issue: Issue) -> str | None:
        """The key of this page's field or table an issue belongs to, "" for the page itself, None if not ours."""
        keys = [*self.widgets, *self.tables]
        for key in sorted(keys, key=len, reverse=True):
            if issue.path == key or issue.path.startswith(key + "."):
                return key
        if issue.path in EXTRA_OWNED.get(self.spec.id, ()):
            return ""
        return None

    # ---- messages ----
    def clear_message(self, key: str) -> None:
        """An edited field loses its old message (it may be fixed now; Next checks again)."""
        for labels in (self.errors, self.warnings):
            if key in labels:
                labels[key].hide()

    def clear_errors(self, cells: bool = True) -> None:
        self.build()
        for label in (*self.errors.values(), *self.warnings.values(), self.page_error, self.page_warning):
            label.clear()
            label.hide()
        for table in self.tables.values():
            table.error.clear()
            if cells:
                table.clear_marks()

    def show_errors(self, problems: dict[str, str], issues: list[Issue]) -> bool:
        self.clear_errors(cells=False)  # the cells that could not be read stay outlined
        page_messages = []
        table_messages: dict[str, list[str]] = {}
        for issue in issues:
            key = self.owns(issue)
            if key is None:
                continue
            message = issue.message(self.session.lang)
            if key == "":
                page_messages.append(message)
            elif key in self.tables and key not in problems:
                table_messages.setdefault(key, []).append(self.table_message(key, issue.path, message))
            else:
                problems.setdefault(key, message)
        for key, messages in table_messages.items():
            problems[key] = "\n".join(messages)
        for key, message in problems.items():
            if key in self.errors:
                self.errors[key].setText(message)
                self.errors[key].show()
            elif key in self.tables:
                self.tables[key].error.setText(message)
        self.page_error.setText("\n".join(page_messages))
        self.page_error.setVisible(bool(page_messages))
        return not problems and not page_messages

    def table_message(self, key: str, path: str, message: str) -> str:
        """packaging.1.kg_per_bag → "Row 2, “Weight of one empty bag”: …", with the cell outlined."""
        rest = path[len(key) + 1:].split(".")
        if rest and rest[0].isdigit():
            return self.tables[key].mark_saved_item(int(rest[0]), rest[1] if len(rest) > 1 else "", message)
        return message

    def show_warnings(self, warnings: list[Issue]) -> bool:
        """Show this page's plausibility warnings under their fields; True when there are new ones to look at."""
        self.build()
        shown = []
        for warning in warnings:
            key = self.owns(warning)
            if key is None:
                continue
            message = "⚠ " + warning.message(self.session.lang)
            label = self.warnings.get(key, self.page_warning)
            label.setText("\n".join(filter(None, (label.text(), message))))
            label.show()
            shown.append(warning.code)
        new = set(shown) - self.warned
        self.warned |= set(shown)
        if new:
            self.page_warning.setText("\n".join(filter(None, (
                self.page_warning.text(),
                translate("pages", "Check the values marked ⚠. If they are right, press Next again to go on.")))))
            self.page_warning.show()
        return bool(new)

    def validatePage(self) -> bool:
        from cocoa_desktop.storage.database import StorageError

        try:
            problems = self.save()
            if not self.show_errors(problems, self.session.issues()):
                return False
            if getattr(self.wizard(), "resuming", False):
                return True  # reopening a survey: its warnings were shown when the page was first left
            return not self.show_warnings(self.session.warnings())
        except StorageError as exc:
            self.tell_wizard(exc)
            return False

    def tell_wizard(self, error: Exception) -> None:
        """A save failed: the wizard says so in words (it knows the survey and the language)."""
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "storage_failed"):
            wizard.storage_failed(error)

    def save_to_go_back(self) -> bool:
        """Back: save the page first; False when that failed (said by the wizard): the page stays."""
        from cocoa_desktop.storage.database import StorageError

        try:
            self.save()
        except StorageError as exc:
            self.tell_wizard(exc)
            return False
        self.saved_to_go_back = True  # Qt's cleanupPage follows at once: nothing more to save
        return True

    def cleanupPage(self) -> None:
        """Going back: save, never reset the fields (a failure is reported by the wizard). Closing: the wizard
        saved the page on screen; the other pages were saved when they were left."""
        from cocoa_desktop.storage.database import StorageError

        if self.saved_to_go_back:
            self.saved_to_go_back = False
            return
        if getattr(self.wizard(), "closing", False):
            return
        try:
            self.save()
        except StorageError as exc:
            self.tell_wizard(exc)
