"""What a bar chart draws, as plain data: drawn on screen by :mod:`charts` (pyqtgraph) and written as SVG by
:mod:`chart_svg`, both from the same numbers. A module of its own so that neither of the two imports the other."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bars:
    """One horizontal bar per value, drawn from the top down in this order."""

    title: str
    labels: list[str]
    values: list[float]
    texts: list[str]  # the label printed at the end of each bar
    decimal: str = ","  # the decimal sign of the axis numbers
