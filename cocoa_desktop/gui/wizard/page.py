"""A wizard page built from a PageSpec: loads its fields from storage, saves them when left, explains errors."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

from cocoa_desktop.engine.issues import Issue
from cocoa_desktop.gui.fields import InputError, PercentEdit, make_widget, read_widget, scrolling_body, write_widget
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.wizard.item_table import ItemTable
from cocoa_desktop.gui.wizard.session import SurveySession, get_path
from cocoa_desktop.gui.wizard.specs import PageSpec

# Section-level problems shown on the page that asks for them (e.g. "enter dry or wet cocoa" on production).
EXTRA_OWNED = {"production": ("general",), "husk": ("husk", "husk.shares"), "drying": ("drying", "drying.shares")}
ERROR_STYLE = "color: #b00020"


class SectionPage(QWizardPage):
    def __init__(self, spec: PageSpec, session: SurveySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.setObjectName(f"page.{spec.id}")
        self.setTitle(translate("pages", spec.title))
        self.setSubTitle(translate("pages", spec.subtitle))
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = scrolling_body(self)
        form = QFormLayout()
        for field in spec.fields:
            widget = make_widget(field, field.key)
            label = translate("fields", field.label) + (f" ({translate('units', field.unit)})" if field.unit else "")
            error = QLabel()
            error.setObjectName(f"{field.key}.error")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(widget)
            if field.hint:
                hint = QLabel(translate("hints", field.hint))
                hint.setWordWrap(True)
                hint.setStyleSheet("color: #555")
                box.addWidget(hint)
            box.addWidget(error)
            form.addRow(label, box)
            self.widgets[field.key] = widget
            self.errors[field.key] = error
            if isinstance(widget, PercentEdit):
                widget.changed.connect(self.update_remaining)
        layout.addLayout(form)
        self.remaining = QLabel()
        self.remaining.setObjectName(f"page.{spec.id}.remaining")
        if spec.percent_group:
            layout.addWidget(self.remaining)
        self.tables = {t.key: ItemTable(t) for t in spec.tables}
        for table in self.tables.values():
            layout.addWidget(table)
        self.page_error = QLabel()
        self.page_error.setObjectName(f"page.{spec.id}.error")
        self.page_error.setStyleSheet(ERROR_STYLE)
        self.page_error.setWordWrap(True)
        layout.addWidget(self.page_error)
        layout.addStretch()

    # ---- the percentages that must add up ----
    def update_remaining(self) -> None:
        if not self.spec.percent_group:
            return
        total = 0.0
        for key, widget in self.widgets.items():
            if key.startswith(self.spec.percent_group) and isinstance(widget, PercentEdit):
                with contextlib.suppress(InputError):
                    total += (widget.number() or 0.0) * 100
        left = 100.0 - total
        text = translate("pages", "Total %1 % — %2 % left to assign")
        self.remaining.setText(text.replace("%1", f"{total:.1f}".replace(".", ","))
                               .replace("%2", f"{left:.1f}".replace(".", ",")))
        self.remaining.setStyleSheet("" if abs(left) < 0.1 else "color: #8a5a00")

    # ---- load / save ----
    def initializePage(self) -> None:
        doc = self.session.document()
        for key, widget in self.widgets.items():
            write_widget(widget, get_path(doc, key))
        for key, table in self.tables.items():
            table.load(get_path(doc, key))
        self.update_remaining()
        self.clear_errors()

    def collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, widget in self.widgets.items():
            try:
                values[key] = read_widget(widget)
            except InputError as exc:
                problems[key] = str(exc)
        for key, table in self.tables.items():
            rows, errors = table.rows()
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

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        for table in self.tables.values():
            table.error.clear()
        self.page_error.clear()

    def show_errors(self, problems: dict[str, str], issues: list[Issue]) -> bool:
        self.clear_errors()
        page_messages = []
        for issue in issues:
            key = self.owns(issue)
            if key is None:
                continue
            problems.setdefault(key, issue.message(self.session.lang))
            if key == "":
                page_messages.append(problems.pop(""))
        for key, message in problems.items():
            if key in self.errors:
                self.errors[key].setText(message)
                self.errors[key].show()
            elif key in self.tables:
                self.tables[key].error.setText(message)
        self.page_error.setText("\n".join(page_messages))
        return not problems and not page_messages

    def validatePage(self) -> bool:
        problems = self.save()
        return self.show_errors(problems, self.session.issues())

    def cleanupPage(self) -> None:
        """Going back, or closing the wizard (Qt cleans every visited page): save, never reset the fields."""
        self.save()
