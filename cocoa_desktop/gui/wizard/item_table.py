"""An editable table for repeated items (fertilisers, bags, transport legs, areas …), usable from the keyboard.

Each cell holds a real input widget (a field like the others on the page, easier for people not used to
spreadsheets). Tab goes cell by cell, row after row, and past the last cell to the "Add row" and "Remove row"
buttons and on to the rest of the page: the table never keeps the focus. Enter in a cell moves to the next cell
(it does not leave the page half filled). Ctrl++ adds a row, Ctrl+− removes the row being typed in.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.gui.fields import (
    InputError,
    edited_signal,
    field_label,
    format_number,
    make_widget,
    read_widget,
    wrap_words,
    write_widget,
)
from cocoa_desktop.gui.focus_style import show_focus_within
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.wizard.colours import ERROR, HINT, text_colour
from cocoa_desktop.gui.wizard.specs import TableSpec

CELL_ERROR_STYLE = "border: 2px solid #b00020"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
HEADER_LINE = 16  # characters per line of a column header


class ItemTable(QWidget):
    rows_changed = Signal()  # the page puts its tab order right again

    def __init__(self, spec: TableSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.extras: list[dict[str, Any]] = []  # per row: stored values the table does not show
        self.setObjectName(spec.key)
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setObjectName(f"{spec.key}.table")
        # the cells take the focus, the table itself never (it would keep Tab inside: defect 3)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page scrolls instead
        headers = []
        for col in spec.columns:  # short lines, the unit on a line of its own: wide tables fit a 1024-pixel screen
            label = wrap_words(field_label(col, with_unit=False), HEADER_LINE)
            headers.append(f"{label}\n({translate('units', col.unit)})" if col.unit else label)
        self.table.setHorizontalHeaderLabels(headers)
        for column, col in enumerate(spec.columns):
            self.table.horizontalHeaderItem(column).setToolTip(translate("hints", col.hint) if col.hint else "")
        header = self.table.horizontalHeader()
        # the columns share the page's width: no column hidden behind a scroll bar on a 1024-pixel screen
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(64)
        self.add_button = QPushButton(translate("tables", "Add row"))
        self.add_button.setObjectName(f"{spec.key}.add")
        self.add_button.setToolTip(translate("tables", "Ctrl++ in the table does the same"))
        self.remove_button = QPushButton(translate("tables", "Remove row"))
        self.remove_button.setObjectName(f"{spec.key}.remove")
        self.remove_button.setToolTip(translate("tables", "Removes the row you are typing in (Ctrl+−)"))
        self.add_button.clicked.connect(lambda: self.add_row({}, focus=True))
        self.remove_button.clicked.connect(self.remove_current)
        for sequences, slot in (((QKeySequence("Ctrl++"), QKeySequence("Ctrl+="), QKeySequence("Ctrl+Ins")),
                                 lambda: self.add_row({}, focus=True)),
                                ((QKeySequence("Ctrl+-"), QKeySequence("Ctrl+Del")), self.remove_current)):
            action = QAction(self)
            action.setShortcuts(list(sequences))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.error = QLabel()
        self.error.setObjectName(f"{spec.key}.error")
        text_colour(self.error, ERROR)
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # the page keeps the space
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{translate('tables', spec.title)}</b>"))
        if spec.hint:
            hint = QLabel(translate("hints", spec.hint))
            hint.setObjectName(f"{spec.key}.hint")
            hint.setWordWrap(True)
            text_colour(hint, HINT)
            layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.fit_height()

    # ---- rows ----
    def add_row(self, values: dict[str, Any], focus: bool = False) -> None:
        self._add_cells(values)
        self.show_implied()
        self.fit_height()
        self.rows_changed.emit()
        if focus:
            self.table.cellWidget(self.table.rowCount() - 1, 0).setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_cells(self, values: dict[str, Any]) -> None:
        """A row's cells, at the end of the table (the caller fits the table and the page's tab order)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        # what the row holds that the table does not show (e.g. a load per trip from a file), and the empty
        # values it stored: saved back as they were, so that opening a survey changes nothing in it
        columns = {col.key for col in self.spec.columns}
        self.extras.insert(row, {k: v for k, v in values.items() if k not in columns or v in (None, "")})
        for column, col in enumerate(self.spec.columns):
            widget = make_widget(col, f"{self.spec.key}.{row}.{col.key}")
            widget.setMinimumWidth(48)  # a cell may be narrower than a field on its own
            write_widget(widget, values.get(col.key))
            edited_signal(widget).connect(lambda *_, w=widget: self.clear_cell(w))
            if self.spec.implied is not None:
                edited_signal(widget).connect(lambda *_: self.show_implied())
            show_focus_within(widget)  # a ring round a focused choice: Fusion's few pixels are lost on a projector
            self.table.setCellWidget(row, column, widget)
            widget.installEventFilter(self)  # once in its cell: the events of its placing are not filtered

    def show_implied(self) -> None:
        """Show in grey, in an empty cell, the value the survey model gives it from the rest of the row (a urea
        row's empty N % is 46): what is computed is on screen, and typing a value replaces it."""
        if self.spec.implied is None:
            return
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for column, col in enumerate(self.spec.columns):
                with contextlib.suppress(InputError):
                    values[col.key] = read_widget(self.table.cellWidget(row, column))
            implied = self.spec.implied(values)
            for column, col in enumerate(self.spec.columns):
                widget = self.table.cellWidget(row, column)
                if isinstance(widget, QLineEdit):
                    value = implied.get(col.key)
                    widget.setPlaceholderText("" if value is None else translate("tables", "%1 (usual)")
                                              .replace("%1", format_number(value)))

    def remove_current(self) -> None:
        row = self.focused_row()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        self.table.removeRow(row)
        del self.extras[row]
        self.rename_cells()
        self.fit_height()
        self.rows_changed.emit()
        if self.table.rowCount():
            self.table.cellWidget(min(row, self.table.rowCount() - 1), 0).setFocus()
        else:
            self.add_button.setFocus()

    def rename_cells(self) -> None:
        """After a removal the objectNames follow the row numbers again (packaging.1.type …)."""
        for row in range(self.table.rowCount()):
            for column, col in enumerate(self.spec.columns):
                self.table.cellWidget(row, column).setObjectName(f"{self.spec.key}.{row}.{col.key}")

    def focused_row(self) -> int:
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                if self.table.cellWidget(row, column).hasFocus():
                    return row
        return -1

    def fit_height(self) -> None:
        """Show every row (the page scrolls, not the table), with room for one row when empty."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        empty = self.table.verticalHeader().defaultSectionSize() if not self.table.rowCount() else 0
        crowded = self.table.horizontalHeader().length() > self.table.viewport().width() + 1  # narrow screen
        scrollbar = self.table.horizontalScrollBar().sizeHint().height() if crowded else 0
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + empty + scrollbar
                                  + 2 * self.table.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def cells(self) -> list[QWidget]:
        """The cell widgets in reading order: the order Tab visits them."""
        return [self.table.cellWidget(row, column)
                for row in range(self.table.rowCount()) for column in range(self.table.columnCount())]

    def focus_chain(self) -> list[QWidget]:
        return [*self.cells(), self.add_button, self.remove_button]

    def widget(self, row: int, key: str) -> QWidget:
        column = next(i for i, c in enumerate(self.spec.columns) if c.key == key)
        return self.table.cellWidget(row, column)

    # ---- keyboard ----
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.show_cell(watched)
        elif (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in ENTER_KEYS
              and not (isinstance(watched, QComboBox) and watched.view().isVisible())):
            chain = self.focus_chain()
            if watched in chain:  # Enter in a cell: the next cell, never the next page with the row half typed
                chain[chain.index(watched) + 1].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def show_cell(self, widget: QWidget) -> None:
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                if self.table.cellWidget(row, column) is widget:
                    self.table.scrollTo(self.table.model().index(row, column))
                    return

    # ---- values and messages ----
    def load(self, rows: list[dict[str, Any]] | None) -> None:
        self.table.setRowCount(0)
        self.extras.clear()
        for values in rows or []:  # the rows' cells, then the greyed values, the height and the tab order once
            self._add_cells(values)  # (each row did all three: a page of 6 rows took 30 ms to show)
        self.show_implied()
        self.fit_height()
        self.rows_changed.emit()

    def rows(self) -> tuple[list[dict[str, Any]], list[str]]:
        """(rows as dicts, errors naming row and column); a row whose typed cells are all empty is skipped."""
        found, errors = [], []
        self.saved_rows: list[int] = []  # table row of each saved item (empty rows are not saved)
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = dict(self.extras[row])
            filled = False
            for column, col in enumerate(self.spec.columns):
                widget = self.table.cellWidget(row, column)
                try:
                    value = read_widget(widget)
                except InputError as exc:
                    errors.append(self.mark_cell(row, col.key, str(exc)))
                    filled = True
                    continue
                if isinstance(widget, QComboBox):
                    if value is not None:
                        values[col.key] = value
                elif value not in (None, ""):
                    values[col.key] = value
                    filled = True
            if filled:
                found.append(values)
                self.saved_rows.append(row)
        return found, errors

    def mark_saved_item(self, index: int, key: str, message: str) -> str:
        """Mark the cell of a problem the survey model found in saved item ``index`` (its path packaging.1.…)."""
        saved = getattr(self, "saved_rows", [])
        row = saved[index] if index < len(saved) else index
        return self.mark_cell(row, key, message)

    def mark_cell(self, row: int, key: str, message: str) -> str:
        """Outline the cell in red, put the message in its tooltip; return the message naming row and column."""
        column = next((i for i, c in enumerate(self.spec.columns) if c.key == key), None)
        if column is None or row >= self.table.rowCount():  # about the row as a whole (e.g. an amount missing)
            return translate("tables", "Row %1: %2").replace("%1", str(row + 1)).replace("%2", message)
        text = translate("tables", "Row %1, “%2”: %3").replace("%1", str(row + 1)).replace("%3", message)
        widget = self.table.cellWidget(row, column)
        widget.setStyleSheet(CELL_ERROR_STYLE)
        widget.setToolTip(message)
        return text.replace("%2", field_label(self.spec.columns[column], with_unit=False))

    def clear_cell(self, widget: QWidget) -> None:
        if widget.styleSheet():  # a cell not marked is left alone: every page shown cleared every cell
            widget.setStyleSheet("")
        key = widget.objectName().rsplit(".", 1)[-1]
        col = next((c for c in self.spec.columns if c.key == key), None)
        hint = translate("hints", col.hint) if col is not None and col.hint else ""
        if widget.toolTip() != hint:
            widget.setToolTip(hint)

    def clear_marks(self) -> None:
        for widget in self.cells():
            self.clear_cell(widget)
        self.error.clear()
