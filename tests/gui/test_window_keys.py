"""Keys in the app's windows, pressed as a technician presses them: Esc closes the decisions and economics windows
as it closes a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cocoa_desktop.engine.factors import factors_for
from cocoa_desktop.storage import training


def shown(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_esc_closes_the_decisions_window_from_its_table_and_from_a_field(qtbot, storage):
    from cocoa_desktop.gui.decisions_window import DecisionsWindow

    training.install(storage.repo)
    f = factors_for("promperu-2020")
    for focus in ("table", "field"):
        window = shown(qtbot, DecisionsWindow(storage, training.TRAINING_NAME, f, "es"))
        widget = window.view.table if focus == "table" else window.view.region_ha
        widget.setFocus()
        assert QApplication.focusWidget() is widget
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert not window.isVisible(), focus
        assert window.view.background.wait(5000)  # its Monte Carlo thread stopped on closing


def test_esc_closes_the_economics_window(qtbot):
    from cocoa_desktop.gui.economics_window import EconomicsWindow

    window = shown(qtbot, EconomicsWindow("es"))
    window.project_tab.load_example()
    field = window.project_tab.inputs["discount_rate"]
    field.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.isVisible()
