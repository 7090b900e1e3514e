"""Charts of a carbon project: the cash flow by year and the tornado. What to draw (plain data, built from the
engine's evaluation) is apart from how to draw it (pyqtgraph, imported when a chart is drawn)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from cocoa_desktop.engine.economics.report import Evaluation
from cocoa_desktop.engine.uncertainty.sensitivity import variable_label
from cocoa_desktop.engine.words import quantity

BENEFIT_COLOUR, COST_COLOUR, NET_COLOUR, LOW_COLOUR, HIGH_COLOUR = "#2e7d32", "#8d6e63", "#1a237e", "#c62828", "#2e7d32"


@dataclass(frozen=True)
class FlowChart:
    title: str
    years: list[int]
    benefits: list[float]  # thousands of PEN, drawn up
    costs: list[float]  # thousands of PEN, drawn down
    cumulative: list[float]  # thousands of PEN, a line


@dataclass(frozen=True)
class Tornado:
    title: str
    labels: list[str]  # widest bar first
    low: list[float]  # NPV with the variable lowered, thousands of PEN
    high: list[float]
    base: float


def flow_chart(ev: Evaluation, title: str) -> FlowChart:
    flow = ev.flow
    return FlowChart(title, list(range(flow.years + 1)), [b / 1000 for b in flow.benefits],
                     [-c / 1000 for c in flow.costs], [c / 1000 for c in flow.cumulative])


def tornado_chart(ev: Evaluation, title: str, lang: str) -> Tornado:
    bars = ev.tornado
    return Tornado(title, [variable_label(b.variable, lang) for b in bars], [b.npv_low / 1000 for b in bars],
                   [b.npv_high / 1000 for b in bars], ev.result.npv / 1000)


def _plot(title: str, large: bool):
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    plot = pg.PlotWidget(title=title)
    plot.getPlotItem().hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.setMinimumHeight(320 if large else 260)
    if large:
        font = plot.font()
        font.setPointSize(16)
        for side in ("left", "bottom"):
            plot.getAxis(side).setStyle(tickFont=font)
    return pg, plot


def flow_widget(chart: FlowChart, labels: tuple[str, str, str, str, str], large: bool = False) -> QWidget:
    """Benefits up, costs down, one pair of bars per year; the cumulative flow as a line (thousand PEN)."""
    pg, plot = _plot(chart.title, large)
    plot.setObjectName("economics.chart.flow")
    plot.addLegend(offset=(10, 10))
    width = 0.35
    plot.addItem(pg.BarGraphItem(x=[y - width / 2 for y in chart.years], height=chart.benefits, width=width,
                                 brush=BENEFIT_COLOUR, name=labels[0]))
    plot.addItem(pg.BarGraphItem(x=[y + width / 2 for y in chart.years], height=chart.costs, width=width,
                                 brush=COST_COLOUR, name=labels[1]))
    plot.plot(chart.years, chart.cumulative, pen=pg.mkPen(NET_COLOUR, width=3), symbol="o", symbolBrush=NET_COLOUR,
              name=labels[2])
    plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("k", width=1)))
    plot.getAxis("bottom").setTicks([[(y, str(y)) for y in chart.years]])
    plot.setLabel("bottom", labels[3])
    plot.setLabel("left", labels[4])
    return plot


def tornado_widget(chart: Tornado, lang: str, large: bool = False) -> QWidget:
    """One bar per variable from its low-case NPV to its high-case NPV, widest at the top; the base NPV a line."""
    pg, plot = _plot(chart.title, large)
    plot.setObjectName("economics.chart.tornado")
    n = len(chart.labels)
    ys = [n - 1 - i for i in range(n)]  # widest first = top
    for y, low, high in zip(ys, chart.low, chart.high, strict=True):
        for value, colour in ((low, LOW_COLOUR), (high, HIGH_COLOUR)):
            left = min(chart.base, value)
            plot.addItem(pg.BarGraphItem(x0=[left], y=[y], height=0.6, width=[abs(value - chart.base)],
                                         brush=colour))
        for value in (low, high):
            text = pg.TextItem(quantity(value, 0, lang), color="k",
                               anchor=(1, 0.5) if value < chart.base else (0, 0.5))
            text.setPos(value, y)
            plot.addItem(text)
    plot.addItem(pg.InfiniteLine(pos=chart.base, angle=90, pen=pg.mkPen(NET_COLOUR, width=2)))
    axis = plot.getAxis("left")
    axis.setTicks([list(zip(ys, chart.labels, strict=True))])
    axis.setStyle(autoExpandTextSpace=False, autoReduceTextSpace=False, hideOverlappingLabels=False)
    axis.setWidth(int(max(len(label) for label in chart.labels) * (16 if large else 10) * 0.62) + 16)
    lows, highs = min(chart.low + chart.high + [chart.base]), max(chart.low + chart.high + [chart.base])
    span = (highs - lows) or 1.0
    plot.setXRange(lows - 0.25 * span, highs + 0.25 * span, padding=0)
    plot.setYRange(-0.6, n - 0.4, padding=0)
    return plot
