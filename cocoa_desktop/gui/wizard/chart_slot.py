"""A chart of the results page made when it first comes on screen.

The charts sit below the tables: at the wizard's size (and on a 1024×768 projector) they are out of sight until the
technician scrolls down. Making them (pyqtgraph's plot widgets, and pyqtgraph itself the first time, with numpy:
half a second) when the results page opened took most of that Siguiente; a slot holds the chart's place and makes
it when Qt first paints the slot (scrolled into view, or presentation mode on a tall screen), or when the chart is
asked for (saving it, a screenshot)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

# the height a chart took the last time one was made (normal, large): the slot keeps that place, so that the page's
# scroll bar does not change when the chart comes; before any chart was made, pyqtgraph's usual size
_HEIGHTS: dict[bool, int] = {False: 513, True: 526}


class ChartSlot(QWidget):
    def __init__(self, make: Callable[[], QWidget], large: bool, name: str, made: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        """``make()`` makes the chart; ``made()`` is told once it is in its place (the page's tab order)."""
        super().__init__(parent)
        self.setObjectName(f"{name}.slot")
        self.make = make
        self.made = made
        self.large = large
        self.chart: QWidget | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(_HEIGHTS[large])  # the chart's place (a minimum, not a sizeHint in Python: cheaper)
        self.scheduled = False

    def paintEvent(self, event: QPaintEvent) -> None:
        """On screen for the first time: the chart is made just after this paint (not inside it)."""
        super().paintEvent(event)
        if self.chart is None and not self.scheduled:
            self.scheduled = True
            QTimer.singleShot(0, self, self.fill_if_shown)

    def fill_if_shown(self) -> None:
        if self.isVisible():  # not replaced meanwhile (presentation mode draws the charts anew)
            self.fill()

    def fill(self) -> QWidget:
        """The chart, made now if it was not yet."""
        if self.chart is None:
            self.chart = self.make()
            self.layout_.addWidget(self.chart)
            self.chart.show()  # now, not when Qt's queued show comes: the layouts count it at once
            _HEIGHTS[self.large] = max(self.chart.sizeHint().height(), self.chart.minimumSizeHint().height())
            self.setMinimumHeight(0)  # the chart's own sizes from now on
            self.made()
        return self.chart
