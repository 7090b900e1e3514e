"""Ask for a year (a new campaign's): a small dialog wide enough for its title to show whole in the window
manager's title bar (QInputDialog sized itself by its contents: "Nueva campaña" showed as "Nueva… paña")."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from cocoa_desktop.gui.fields import fit_to_screen

# Room a title bar takes beside its title: the window's icon and its buttons (close, and on some systems minimise
# and maximise), and the margins around them.
TITLE_BAR_ROOM = 160


def title_width(title: str, widget: QWidget) -> int:
    """Width for ``title`` to show whole in a title bar: the title in bold (as window managers draw it, a little
    larger than the text of the window) and the room for the bar's icon and buttons."""
    font = QFont(widget.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    return QFontMetrics(font).horizontalAdvance(title) + TITLE_BAR_ROOM


class YearDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, default: int, minimum: int = 1990,
                 maximum: int = 2100) -> None:
        super().__init__(parent)
        self.setObjectName("year_dialog")
        self.setWindowTitle(title)
        self.year = QSpinBox()
        self.year.setObjectName("year_dialog.year")
        self.year.setRange(minimum, maximum)
        self.year.setValue(default)
        text = QLabel(label)
        text.setBuddy(self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.year)
        layout.addWidget(buttons)
        self.year.selectAll()  # typing a year replaces the one proposed
        hint = self.sizeHint()
        fit_to_screen(self, max(hint.width(), title_width(title, self)), hint.height(), parent)


def ask_year(parent: QWidget | None, title: str, label: str, default: int) -> int | None:
    """The year typed or chosen (Enter or OK), or None (Esc or Cancel)."""
    dialog = YearDialog(parent, title, label, default)
    try:
        return dialog.year.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
