"""An editable table for repeated items (fertilisers, bags, transport legs, areas …)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.gui.fields import InputError, make_widget, read_widget, write_widget
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.wizard.specs import TableSpec


class ItemTable(QWidget):
    def __init__(self, spec: TableSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(spec.key)
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setObjectName(f"{spec.key}.table")
        headers = []
        for col in spec.columns:
            label = translate("fields", col.label)
            headers.append(f"{label} ({translate('units', col.unit)})" if col.unit else label)
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # headers readable in full
        header.setStretchLastSection(True)
        self.add_button = QPushButton(translate("tables", "Add row"))
        self.add_button.setObjectName(f"{spec.key}.add")
        self.remove_button = QPushButton(translate("tables", "Remove row"))
        self.remove_button.setObjectName(f"{spec.key}.remove")
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button.clicked.connect(self.remove_current)
        self.error = QLabel()
        self.error.setObjectName(f"{spec.key}.error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{translate('tables', spec.title)}</b>")
        layout.addWidget(title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

    def add_row(self, values: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, col in enumerate(self.spec.columns):
            widget = make_widget(col, f"{self.spec.key}.{row}.{col.key}")
            write_widget(widget, values.get(col.key))
            self.table.setCellWidget(row, column, widget)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)

    def widget(self, row: int, key: str) -> QWidget:
        column = next(i for i, c in enumerate(self.spec.columns) if c.key == key)
        return self.table.cellWidget(row, column)

    def load(self, rows: list[dict[str, Any]] | None) -> None:
        self.table.setRowCount(0)
        for values in rows or []:
            self.add_row(values)

    def rows(self) -> tuple[list[dict[str, Any]], list[str]]:
        """(rows as dicts, errors); a row whose typed cells are all empty is skipped."""
        found, errors = [], []
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            filled = False
            for column, col in enumerate(self.spec.columns):
                widget = self.table.cellWidget(row, column)
                try:
                    value = read_widget(widget)
                except InputError as exc:
                    errors.append(translate("tables", "Row %1: %2").replace("%1", str(row + 1)).replace("%2", str(exc)))
                    filled = True
                    continue
                if isinstance(widget, QComboBox):
                    values[col.key] = value
                elif value not in (None, ""):
                    values[col.key] = value
                    filled = True
            if filled:
                found.append(values)
        return found, errors
