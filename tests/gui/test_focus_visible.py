"""Keyboard focus shows on combo boxes in the wizard's tables, on tab bars and on the economics window's buttons
(defect: Fusion changed a few pixels, invisible on a projector): the focused widget draws a ring of its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QTabBar, QWidget

from tests.gui.keyboard import focused, open_wizard, press, tab_to


def luminance(colour) -> float:
    """Relative luminance (WCAG 2)."""
    def linear(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green()) + 0.0722 * linear(colour.blue())


def changed_pixels(before: QImage, after: QImage) -> int:
    """Pixels whose colour with the focus contrasts 3:1 or more with their colour without it (WCAG 2.2's focus
    appearance): a shade of blue over white, or a one-pixel outline a little bluer than grey, does not count."""
    assert before.size() == after.size()
    count = 0
    for y in range(before.height()):
        for x in range(before.width()):
            a, b = sorted((luminance(before.pixelColor(x, y)), luminance(after.pixelColor(x, y))))
            if (b + 0.05) / (a + 0.05) >= 3:
                count += 1
    return count


def assert_focus_shows(qtbot, widget: QWidget, elsewhere: QWidget) -> None:
    """Reach ``widget`` with Tab (as a keyboard user does) and compare it with and without the focus: at least a
    ring two pixels thick all round it (or round its focused tab) changes clearly."""
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    without = widget.grab().toImage()
    tab_to(qtbot, widget.objectName())
    assert focused() is widget
    QApplication.processEvents()
    with_focus = widget.grab().toImage()
    part = widget.tabRect(widget.currentIndex()) if isinstance(widget, QTabBar) else widget.rect()
    ring = 4 * (part.width() + part.height()) - 16  # a frame two pixels thick round the focused tab or the widget
    assert changed_pixels(without.copy(part), with_focus.copy(part)) >= 0.95 * ring, widget.objectName()


def test_a_combo_box_in_a_wizard_table_shows_the_focus(storage, new_survey, qtbot):
    wizard = open_wizard(storage, new_survey, qtbot)
    wizard.setStartId(wizard.page_ids["packaging"])
    wizard.restart()
    table = wizard.currentPage().tables["packaging"]
    table.add_row({})
    combo = table.widget(0, "type")
    assert isinstance(combo, QComboBox)
    assert_focus_shows(qtbot, combo, table.add_button)


def test_tab_bars_and_the_economics_buttons_show_the_focus(qtbot):
    from cocoa_desktop.gui.decisions.economics_window import EconomicsWindow

    window = EconomicsWindow("es")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tabs = window.tabBar()
    tabs.setObjectName("economics.tabs")
    assert isinstance(tabs, QTabBar)
    start = window.findChild(QPushButton, "economics.export_xlsx")
    assert_focus_shows(qtbot, tabs, start)
    for name in ("economics.load_example", "economics.open", "economics.export_xlsx"):
        assert_focus_shows(qtbot, window.findChild(QPushButton, name), window.project_tab.inputs["years"])
    press(qtbot, Qt.Key.Key_Tab)  # and the ring goes with the focus
