"""The new campaign's year: a dialog whose title shows whole (QInputDialog showed "Nueva… paña"), answered with
the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QMainWindow

from cocoa_desktop.gui import screen_fit
from cocoa_desktop.gui.main.year_dialog import YearDialog, ask_year
from tests.gui.keyboard import focused, type_text

TITLE, LABEL = "Nueva campaña", "Año de la campaña"


def answer(qtbot, keys: str, final: Qt.Key) -> list:
    """Type ``keys`` and ``final`` into the dialog once it is open; what it looked like then."""
    seen = []

    def type_in() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.width(), dialog.frameGeometry()))
        type_text(qtbot, keys)
        qtbot.keyClick(focused(), final)

    QTimer.singleShot(100, type_in)
    return seen


def test_a_year_typed_and_enter(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    seen = answer(qtbot, "2031", Qt.Key.Key_Return)
    assert ask_year(main, TITLE, LABEL, 2026) == 2031  # the year proposed is replaced by what is typed
    assert seen


def test_esc_gives_no_year(qtbot):
    answer(qtbot, "", Qt.Key.Key_Escape)
    assert ask_year(None, TITLE, LABEL, 2026) is None


def test_the_title_shows_whole_and_the_dialog_fits_the_screen(qtbot, monkeypatch):
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget: QRect(0, 0, 1024, 768))
    dialog = YearDialog(None, TITLE, LABEL, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    bold = QFont(dialog.font())
    bold.setBold(True)
    assert dialog.width() >= QFontMetrics(bold).horizontalAdvance(TITLE) + 120  # icon and buttons of the title bar
    assert QRect(0, 0, 1024, 768).contains(dialog.frameGeometry())
    assert dialog.year.value() == 2026 and dialog.year.lineEdit().selectedText() == "2026"
