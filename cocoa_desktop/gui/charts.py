"""Charts of a footprint. What to draw (pure data) is apart from how to draw it (pyqtgraph, imported lazily
so that start-up stays fast)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from cocoa_desktop.engine.results import STAGE_LABELS, Footprint


@dataclass(frozen=True)
class Bars:
    title: str
    labels: list[str]
    values: list[float]
    texts: list[str]  # the label printed at the end of each bar


def stage_share_bars(fp: Footprint, lang: str, title: str) -> Bars:
    """Stages sorted by share, smallest at the bottom, each labelled with its %."""
    idx = 1 if lang == "en" else 0
    ranked = list(reversed(fp.ranked_stages()))
    shares = [fp.share(s) * 100 for s, _ in ranked]
    texts = [f"{v:.1f} %".replace(".", "," if lang != "en" else ".") for v in shares]
    return Bars(title, [STAGE_LABELS[s][idx] for s, _ in ranked], shares, texts)


def balance_bars(fp: Footprint, labels: tuple[str, str, str], title: str, lang: str) -> Bars:
    """Emissions, sequestration (negative) and net, in t CO2e per year."""
    values = [fp.gross_kg / 1000, -fp.sequestration_kg / 1000, fp.net_kg / 1000]
    sep = "," if lang != "en" else "."
    return Bars(title, list(labels), values, [f"{v:,.0f}".replace(",", " ").replace(".", sep) for v in values])


def bar_widget(bars: Bars, large: bool = False) -> QWidget:
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    font_size = 18 if large else 10
    plot = pg.PlotWidget(title=bars.title)
    plot.setObjectName("chart")
    ys = list(range(len(bars.values)))
    # emissions brown, removals (negative: sequestration) green
    brushes = [pg.mkBrush("#2e7d32" if v < 0 else "#8d6e63") for v in bars.values]
    item = pg.BarGraphItem(x0=[min(0.0, v) for v in bars.values], y=ys, height=0.6,
                           width=[abs(v) for v in bars.values], brushes=brushes)
    plot.addItem(item)
    for y, value, text in zip(ys, bars.values, bars.texts, strict=True):
        label = pg.TextItem(text, color="k", anchor=(0, 0.5) if value >= 0 else (1, 0.5))
        label.setPos(value, y)
        font = label.textItem.font()
        font.setPointSize(font_size)
        label.setFont(font)
        plot.addItem(label)
    axis = plot.getAxis("left")
    axis.setTicks([list(zip(ys, bars.labels, strict=True))])
    # a fixed width that fits the longest label: pyqtgraph otherwise hides labels that do not fit
    axis.setStyle(autoExpandTextSpace=False, autoReduceTextSpace=False, hideOverlappingLabels=False)
    axis.setWidth(int(max(len(label) for label in bars.labels) * font_size * 0.62) + 16)
    low, high = min(0.0, *bars.values), max(0.0, *bars.values)
    span = (high - low) or 1.0
    # room for the labels printed beyond the ends of the bars
    plot.setXRange(low - (0.35 * span if low < 0 else 0.0), high + 0.35 * span, padding=0)
    plot.setYRange(-0.6, len(ys) - 0.4, padding=0)
    plot.getPlotItem().hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.setMinimumHeight(300 if large else 240)
    return plot


def save_chart(widget: QWidget, path: Path) -> Path:
    """Save a chart as PNG (1600 px wide, for slides) or SVG (vector, for reports), by the file's extension.

    SVG goes through Qt's own QSvgGenerator: pyqtgraph's SVG exporter fails on the path data of current Qt."""
    if path.suffix.lower() == ".svg":
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(widget.width(), widget.height()))
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        generator.setTitle(widget.objectName())
        painter = QPainter(generator)
        widget.render(painter)
        painter.end()
        return path
    import pyqtgraph.exporters as exporters

    exporter = exporters.ImageExporter(widget.getPlotItem())  # type: ignore[attr-defined]
    exporter.parameters()["width"] = 1600
    exporter.export(str(path))
    return path
