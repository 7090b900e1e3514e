"""Driving widgets with key presses only, as a technician without a mouse does (shared by the GUI tests)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    """Type into the focused widget. QTest has no key for accented letters: those are sent as the key events a
    Spanish keyboard layout produces (a key event carrying the character)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(focused(), char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(focused(), QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                            char))


def tab_to(qtbot, name: str, limit: int = 120, backwards: bool = False) -> QWidget:
    """Press Tab (or Shift+Tab) until the widget called ``name`` has the focus; fail when it is not reached
    within ``limit`` presses (unreachable, or Tab going round in a trap)."""
    visited = []
    for _ in range(limit):
        widget = focused()
        if widget.objectName() == name:
            return widget
        visited.append(widget.objectName())
        press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
    raise AssertionError(f"{name} not reached by Tab; visited {visited[-30:]}")


def choose(qtbot, index: int) -> None:
    """Pick the item ``index`` of the focused (closed) combo box with Home and Down arrows."""
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(index):
        press(qtbot, Qt.Key.Key_Down)


def replace_text(qtbot, text: str) -> None:
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, text)


def open_wizard(storage, survey_id: str, qtbot, page: str = "", factor_set: str = "promperu-2020", lang: str = "es",
                active: bool = True):
    """The survey in its wizard (reopened at ``page``), on screen and taking the keys; closed by the test's
    clean-up without the closing question."""
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.gui.wizard.session import SurveySession
    from cocoa_desktop.gui.wizard.wizard import SurveyWizard

    if page:
        storage.repo.set_last_page(survey_id, page)
    wizard = SurveyWizard(SurveySession(storage.repo, survey_id, lang), factors_for(factor_set))
    wizard.ask_before_closing = False
    qtbot.addWidget(wizard)
    wizard.show()
    if active:
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
    return wizard
