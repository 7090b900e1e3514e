"""Charts of a footprint. What to draw (pure data) is apart from how to draw it (pyqtgraph, imported lazily
so that start-up stays fast)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from cocoa_desktop.engine.results import STAGE_LABELS, Footprint


@dataclass(frozen=True)
class Bars:
    """One horizontal bar per value, drawn from the top down in this order."""

    title: str
    labels: list[str]
    values: list[float]
    texts: list[str]  # the label printed at the end of each bar
    decimal: str = ","  # the decimal sign of the axis numbers


def stage_share_bars(fp: Footprint, lang: str, title: str) -> Bars:
    """Stages sorted by share, the largest first (at the top), each labelled with its %."""
    idx = 1 if lang == "en" else 0
    ranked = fp.ranked_stages()
    shares = [fp.share(s) * 100 for s, _ in ranked]
    texts = [f"{v:.1f} %".replace(".", "," if lang != "en" else ".") for v in shares]
    return Bars(title, [STAGE_LABELS[s][idx] for s, _ in ranked], shares, texts, "." if lang == "en" else ",")


def balance_bars(fp: Footprint, labels: tuple[str, str, str], title: str, lang: str) -> Bars:
    """Emissions, sequestration (negative) and net, in t CO2e per year."""
    values = [fp.gross_kg / 1000, -fp.sequestration_kg / 1000, fp.net_kg / 1000]
    sep = "," if lang != "en" else "."
    return Bars(title, list(labels), values, [f"{v:,.0f}".replace(",", " ").replace(".", sep) for v in values], sep)


def wrap(label: str, width: int) -> str:
    """Break a long stage name over two lines (presentation mode: large letters on a 1024-pixel projector)."""
    if len(label) <= width or " " not in label:
        return label
    cut = label.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else label.find(" ")
    return label[:cut] + "\n" + label[cut + 1:]


def bar_widget(bars: Bars, large: bool = False) -> QWidget:
    """The chart on screen: its title as a wrapping label above the plot (a long cooperative name in large letters
    must not widen the plot past a 1024-pixel projector and cut the bars off), then the pyqtgraph plot."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    font = QFont()
    font.setPointSize(18 if large else 10)
    box = QWidget()
    box.setObjectName("chart")
    box.setStyleSheet("background: white")
    box.bars = bars  # what is drawn, for the SVG export
    title = QLabel(bars.title)
    title.setObjectName("chart.title")
    title.setWordWrap(True)
    title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    title.setStyleSheet(f"font-size: {20 if large else 12}pt; font-weight: bold; color: black")
    plot = pg.PlotWidget()
    plot.setObjectName("chart.plot")
    box.plot = plot
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(title)
    layout.addWidget(plot)
    ys = list(range(len(bars.values)))
    # emissions brown, removals (negative: sequestration) green
    brushes = [pg.mkBrush("#2e7d32" if v < 0 else "#8d6e63") for v in bars.values]
    item = pg.BarGraphItem(x0=[min(0.0, v) for v in bars.values], y=ys, height=0.6,
                           width=[abs(v) for v in bars.values], brushes=brushes)
    plot.addItem(item)
    for y, value, text in zip(ys, bars.values, bars.texts, strict=True):
        label = pg.TextItem(text, color="k", anchor=(0, 0.5) if value >= 0 else (1, 0.5))
        label.setPos(value, y)
        label.setFont(font)
        plot.addItem(label)
    labels = [wrap(label, 24) if large else label for label in bars.labels]
    axis = plot.getAxis("left")
    axis.setTicks([list(zip(ys, labels, strict=True))])
    # a fixed width that fits the longest label: pyqtgraph otherwise hides labels that do not fit
    axis.setStyle(autoExpandTextSpace=False, autoReduceTextSpace=False, hideOverlappingLabels=False, tickFont=font)
    metrics = QFontMetrics(font)
    axis.setWidth(max(metrics.horizontalAdvance(line) for label in labels for line in label.split("\n")) + 24)
    plot.getAxis("bottom").setStyle(tickFont=font)
    low, high = min(0.0, *bars.values), max(0.0, *bars.values)
    span = (high - low) or 1.0
    # room for the labels printed beyond the ends of the bars
    room = (metrics.horizontalAdvance(max(bars.texts, key=len)) + 16) / 450 * span * (1.6 if large else 1.0)
    plot.setXRange(low - (room if low < 0 else 0.0), high + room, padding=0)
    plot.setYRange(-0.6, len(ys) - 0.4, padding=0)
    plot.getPlotItem().invertY(True)  # the largest share first, as in the table above it
    plot.getPlotItem().hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.setMinimumHeight(360 if large else 240)
    return box


def save_chart(widget: QWidget, path: Path) -> Path:
    """Save a chart as PNG (1600 px wide, for slides) or SVG (vector, for reports), by the file's extension.

    SVG is written from the chart's data (chart_svg): rendering the widget into an SVG misplaced the bars."""
    if path.suffix.lower() == ".svg":
        from cocoa_desktop.gui.chart_svg import bars_svg

        path.write_text(bars_svg(widget.bars), encoding="utf-8")  # type: ignore[attr-defined]
        return path
    import pyqtgraph.exporters as exporters

    plot_item = widget.plot.getPlotItem()  # type: ignore[attr-defined]
    plot_item.setTitle(widget.bars.title, size="14pt", bold=True)  # type: ignore[attr-defined]  # in the file
    try:
        exporter = exporters.ImageExporter(plot_item)
        exporter.parameters()["width"] = 1600
        exporter.export(str(path))
    finally:
        plot_item.setTitle(None)  # on screen the title is the label above the plot
    return path
