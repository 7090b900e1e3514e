"""Charts of a footprint. What to draw (pure data) is apart from how to draw it (pyqtgraph, imported lazily
so that start-up stays fast)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from cocoa_desktop.engine.footprint.results import STAGE_LABELS, Footprint
from cocoa_desktop.engine.words import decimal_sign, grouped, pick
from cocoa_desktop.gui.charts.bars import Bars
from cocoa_desktop.gui.charts.svg import bars_svg

PNG_WIDTH = 1600  # pixels: a slide's width


def stage_share_bars(fp: Footprint, lang: str, title: str) -> Bars:
    """Stages sorted by share, the largest first (at the top), each labelled with its %."""
    ranked = fp.ranked_stages()
    shares = [fp.share(s) * 100 for s, _ in ranked]
    texts = [f"{v:.1f} %".replace(".", decimal_sign(lang)) for v in shares]
    return Bars(title, [pick(STAGE_LABELS[s], lang) for s, _ in ranked], shares, texts, decimal_sign(lang))


def balance_bars(fp: Footprint, labels: tuple[str, str, str], title: str, lang: str) -> Bars:
    """Emissions, sequestration (negative) and net, in t CO2e per year."""
    values = [fp.gross_kg / 1000, -fp.sequestration_kg / 1000, fp.net_kg / 1000]
    sep = decimal_sign(lang)
    # whole tonnes grouped by a space in both languages, as these labels always were (words.quantity would write
    # "1,234" in English)
    return Bars(title, list(labels), values, [grouped(f"{v:,.0f}", "es") for v in values], sep)


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
    # room, in pixels, for the values printed beyond the ends of the bars (left of a negative one)
    left_px, right_px = (max((metrics.horizontalAdvance(t) + 16 for v, t in zip(bars.values, bars.texts, strict=True)
                              if (v < 0) == negative), default=0) for negative in (True, False))
    view = plot.getViewBox()

    def fit_x(*_: object) -> None:
        """The x range that leaves that room at the view's width now (a fixed guess cut "97,0 %" off)."""
        share = min((left_px + right_px) / max(view.width(), 1.0), 0.6)  # the bars keep 40 % of a narrow view
        room = span / (1 - share) * share / ((left_px + right_px) or 1)  # data units per pixel of room
        plot.setXRange(low - left_px * room, high + right_px * room, padding=0)

    fit_x()
    view.sigResized.connect(fit_x)
    plot.setYRange(-0.6, len(ys) - 0.4, padding=0)
    plot.getPlotItem().invertY(True)  # the largest share first, as in the table above it
    plot.getPlotItem().hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.setMinimumHeight(360 if large else 240)
    return box


def chart_image(widget: QWidget, width: int = PNG_WIDTH) -> QImage:
    """The chart as it is on screen (its title wrapped as there), scaled to ``width`` pixels with a white margin
    all round. The widget draws itself into the image: nothing on screen changes (pyqtgraph's ImageExporter
    resized the scene to export it: the title was cut at the top and on the right, and afterwards a bar ran past
    its axis on screen)."""
    from PySide6.QtCore import QCoreApplication, QPoint, Qt
    from PySide6.QtGui import QPainter, QRegion

    for _ in range(2):  # pyqtgraph sizes its axes when they are first painted, and lays them out after that: a
        widget.grab()  # chart saved before it was ever drawn (just shown, or never) had no numbers under its axis
        QCoreApplication.sendPostedEvents()  # layout requests (no input, no deferred deletes)
    margin = max(width // 50, 1)
    scale = (width - 2 * margin) / max(widget.width(), 1)
    image = QImage(width, round(widget.height() * scale) + 2 * margin, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    painter.translate(margin, margin)
    painter.scale(scale, scale)
    widget.render(painter, QPoint(), QRegion(),
                  QWidget.RenderFlag.DrawChildren | QWidget.RenderFlag.DrawWindowBackground)
    painter.end()
    return image


def save_chart(widget: QWidget, path: Path) -> Path:
    """Save a chart as PNG (1600 px wide, for slides) or SVG (vector, for reports), by the file's extension.

    SVG is written from the chart's data (chart_svg): rendering the widget into an SVG misplaced the bars. PNG is
    the chart as on screen (:func:`chart_image`); an unwritable file raises OSError."""
    if path.suffix.lower() == ".svg":
        path.write_text(bars_svg(widget.bars), encoding="utf-8")  # type: ignore[attr-defined]
        return path
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    chart_image(widget).save(buffer, "PNG")
    buffer.close()
    path.write_bytes(data.data())  # Python's own error (permission, disk full) if it cannot be written
    return path
