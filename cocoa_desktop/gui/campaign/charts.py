"""Charts of a campaign: the ranking by net kg CO2e/kg, each cooperative's share of the net emissions, each
cooperative's stage shares, and a scenario's before and after. What to draw (pure data) is apart from how to draw
it (pyqtgraph, imported when a chart is first drawn)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from cocoa_desktop.engine.footprint.campaign import CampaignTable
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, STAGES, Footprint
from cocoa_desktop.engine.words import decimal_sign, pick, quantity
from cocoa_desktop.gui.charts.plots import Bars

# the legal words a cooperative's name starts with: a chart shows what tells them apart
_LEADING = {"cooperativa", "coop.", "coop", "agraria", "agroindustrial", "cacaotera", "cafetalera", "y", "de",
            "servicios", "del", "multiple", "múltiple"}
_TRAILING = {"ltda.", "ltda", "s.a.", "s.a.c."}
STAGE_COLOURS = ("#8d6e63", "#f9a825", "#6a1b9a", "#0277bd", "#c62828", "#546e7a")


def short_name(name: str) -> str:
    """"Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda." → "Oro Verde" (the whole name if nothing is left)."""
    words = name.split()
    while words and words[0].casefold() in _LEADING:
        words.pop(0)
    while words and words[-1].casefold() in _TRAILING:
        words.pop()
    return " ".join(words) or name


def ranking_bars(table: CampaignTable, title: str, lang: str) -> Bars:
    """Net kg CO2e per kg of each cooperative, the lowest (rank 1) at the top (bars are drawn top down)."""
    rows = [r for r in table.rows if r.net_per_kg == r.net_per_kg]
    return Bars(title, [short_name(r.name) for r in rows], [r.net_per_kg for r in rows],
                [quantity(r.net_per_kg, 2, lang) for r in rows], decimal_sign(lang))


def net_share_bars(table: CampaignTable, title: str, lang: str) -> Bars:
    """Each emitting cooperative's % of the emitting cooperatives' net emissions, the largest at the top."""
    shares = sorted(table.net_shares().items(), key=lambda item: -item[1])
    return Bars(title, [short_name(n) for n, _ in shares], [v * 100 for _, v in shares],
                [quantity(v * 100, 1, lang) + " %" for _, v in shares], decimal_sign(lang))


@dataclass(frozen=True)
class Stacked:
    title: str
    labels: list[str]  # one bar per cooperative
    series: list[tuple[str, list[float]]]  # (stage words, % of each cooperative's gross)


def stage_share_stack(table: CampaignTable, title: str, lang: str) -> Stacked:
    rows = table.rows
    series = [(pick(STAGE_LABELS[s], lang), [r.footprint.share(s) * 100 for r in rows]) for s in STAGES]
    return Stacked(title, [short_name(r.name) for r in rows], series)


def before_after(pairs: list[tuple[str, Footprint, Footprint]], title: str, words: tuple[str, str]) -> Stacked:
    """Net kg CO2e/kg before and after a scenario, per cooperative and for the total (two bars each)."""
    rows = [p for p in pairs if p[1].production_kg > 0]
    return Stacked(title, [short_name(n) for n, _, _ in rows],
                   [(words[0], [a.net_per_kg for _, a, _ in rows]), (words[1], [b.net_per_kg for _, _, b in rows])])


def _plot(title: str, labels: list[str], large: bool):
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    plot = pg.PlotWidget(title=title)
    plot.setObjectName("chart")
    axis = plot.getAxis("left")
    axis.setTicks([list(enumerate(labels))])
    axis.setStyle(autoExpandTextSpace=False, autoReduceTextSpace=False, hideOverlappingLabels=False)
    font_size = 16 if large else 10
    axis.setWidth(int(max((len(label) for label in labels), default=4) * font_size * 0.62) + 16)
    plot.getPlotItem().hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.setMinimumHeight(300 if large else 240)
    plot.setYRange(-0.6, len(labels) - 0.4, padding=0)
    plot.getPlotItem().invertY(True)  # the first row at the top, as in the tables and the other charts
    return plot


def stacked_widget(chart: Stacked, large: bool = False) -> QWidget:
    """Horizontal bars, the series side by side in each row's share of 100 % (stages) — stacked."""
    import pyqtgraph as pg

    plot = _plot(chart.title, chart.labels, large)
    legend = plot.addLegend(offset=(-10, 10))
    left = [0.0] * len(chart.labels)
    for (name, values), colour in zip(chart.series, STAGE_COLOURS, strict=False):
        item = pg.BarGraphItem(x0=list(left), y=list(range(len(values))), height=0.6, width=values,
                               brush=pg.mkBrush(colour))
        plot.addItem(item)
        legend.addItem(item, name)
        left = [a + b for a, b in zip(left, values, strict=True)]
    plot.setXRange(0, 160, padding=0)  # room on the right for the legend
    plot.getAxis("bottom").setTicks([[(v, f"{v} %") for v in range(0, 101, 20)]])  # no ticks under the legend
    return plot


def paired_widget(chart: Stacked, lang: str = "es", large: bool = False) -> QWidget:
    """Two bars per row (before and after), brown and green, with their values printed at their ends."""
    import pyqtgraph as pg

    plot = _plot(chart.title, chart.labels, large)
    legend = plot.addLegend(offset=(-10, 10))
    values_all = [v for _, values in chart.series for v in values]
    for offset, ((name, values), colour) in enumerate(zip(chart.series, ("#8d6e63", "#2e7d32"), strict=False)):
        ys = [i + (-0.18 if offset == 0 else 0.18) for i in range(len(values))]  # before above after
        item = pg.BarGraphItem(x0=[min(0.0, v) for v in values], y=ys, height=0.34,
                               width=[abs(v) for v in values], brush=pg.mkBrush(colour))
        plot.addItem(item)
        legend.addItem(item, name)
        for y, value in zip(ys, values, strict=True):
            text = pg.TextItem(quantity(value, 2, lang), color="k", anchor=(0, 0.5) if value >= 0 else (1, 0.5))
            text.setPos(value, y)
            plot.addItem(text)
    low, high = min(0.0, *values_all), max(0.0, *values_all)
    span = (high - low) or 1.0
    # room for the values printed beyond the bars' ends, and for the legend on the right
    plot.setXRange(low - (0.35 * span if low < 0 else 0.0), high + 0.6 * span, padding=0)
    return plot
