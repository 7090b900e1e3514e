"""Keyboard focus that shows on a projector: a dark ring around the combo box, tab, button or check box that has
the focus, on top of the style's own drawing (Fusion marks a focused combo box in a table, a tab or a push button
by a change of a few pixels, invisible from the back of a room).

``show_focus(widget)`` gives one widget the ring; ``show_focus_within(root)`` every such widget under ``root``
(widgets made later — a table's new row — are given it where they are made). ``FOCUS_STYLE`` could as well be the
application's style (``QApplication.setStyle``): then every widget has the ring.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QTabBar,
    QWidget,
)

RING = QColor("#00307a")  # navy: 3:1 and more against white, grey and the style's own borders, even projected
RING_WIDTH = 2
RINGED_CONTROLS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox,
                   QStyle.ComplexControl.CC_ToolButton)
RINGED_ELEMENTS = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_TabBarTab,
                   QStyle.ControlElement.CE_CheckBox, QStyle.ControlElement.CE_RadioButton)
RINGED_WIDGETS = (QComboBox, QTabBar, QAbstractButton)


def draw_ring(painter: QPainter, rect: QRect) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(RING, RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(1, 1, -1, -1))  # a 2-pixel pen centred 1 pixel in: the outer two pixels
    painter.restore()


class FocusStyle(QProxyStyle):
    """The application's style (Fusion, or Windows' own), with the ring drawn around what has the focus."""

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in RINGED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, option.rect)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element in RINGED_ELEMENTS and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, option.rect)


_style: list[FocusStyle] = []  # one for the whole app, made when first needed (after the QApplication)


def focus_style() -> FocusStyle:
    if not _style:
        _style.append(FocusStyle())  # no base style given: the application's own kind (Fusion, Windows …)
    return _style[0]


def show_focus(widget: QWidget) -> None:
    """Draw the focus ring on ``widget`` (a combo box, a tab bar, a button or a check box) when it has the focus."""
    if widget.style() is not focus_style():
        widget.setStyle(focus_style())


def show_focus_within(root: QWidget) -> None:
    """Draw the focus ring on every combo box, tab bar, button and check box under ``root`` (and on ``root``)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, RINGED_WIDGETS):
            show_focus(widget)
