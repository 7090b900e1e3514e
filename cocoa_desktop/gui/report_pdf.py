"""The buyers' report as a PDF, made with Qt alone (QTextDocument laid out on a QPdfWriter, charts painted with
QPainter): no new dependency, works offscreen from the command line and from the app.

What the report says is in :mod:`report_html`; the numbers come from the engine (the same ones as the screen, the
workbook and the CLI).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from cocoa_desktop.engine.checks import survey_warnings
from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.footprint import compute
from cocoa_desktop.engine.recommendation import composting_saving_kg, recommend
from cocoa_desktop.engine.report import format_quantity
from cocoa_desktop.engine.results import Footprint
from cocoa_desktop.engine.rollup import roll_up
from cocoa_desktop.engine.survey import Survey
from cocoa_desktop.gui.charts import Bars, balance_bars, stage_share_bars
from cocoa_desktop.gui.report_html import UnitReport, document

BROWN, GREEN = QColor("#8d6e63"), QColor("#2e7d32")


def paint_bars(bars: Bars, width: int = 1800, row_height: int = 90) -> QImage:
    """A horizontal bar chart (labels left, values at the bar ends), painted for print."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(row_height * 4 // 10)
    metrics = QFontMetricsF(font)
    title_h = row_height
    height = title_h + row_height * len(bars.values) + row_height // 3
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, width, title_h), Qt.AlignmentFlag.AlignCenter, bars.title)
    label_w = max(metrics.horizontalAdvance(label) for label in bars.labels) + 24
    text_w = max(metrics.horizontalAdvance(text) for text in bars.texts) + 16
    low, high = min(0.0, *bars.values), max(0.0, *bars.values)
    left_room, right_room = (text_w if low < 0 else 0.0), (text_w if high > 0 else 0.0)
    plot_left, plot_right = label_w + left_room, width - right_room - 8
    scale = (plot_right - plot_left) / ((high - low) or 1.0)
    zero = plot_left - low * scale
    for row, (label, value, text) in enumerate(zip(bars.labels, bars.values, bars.texts, strict=True)):
        top = title_h + row * row_height
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QRectF(0, top, label_w - 12, row_height),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        left = zero + min(0.0, value) * scale
        painter.fillRect(QRectF(left, top + row_height * 0.18, abs(value) * scale, row_height * 0.64),
                         GREEN if value < 0 else BROWN)
        end = zero + value * scale
        if value >= 0:
            box, align = QRectF(end + 8, top, text_w, row_height), Qt.AlignmentFlag.AlignLeft
        else:
            box, align = QRectF(end - 8 - text_w, top, text_w, row_height), Qt.AlignmentFlag.AlignRight
        painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, text)
    painter.setPen(QColor("#555"))
    painter.drawLine(int(zero), title_h, int(zero), height - row_height // 3)
    painter.end()
    return image


def _words(lang: str) -> tuple[str, tuple[str, str, str], str]:
    if lang == "en":
        return "Share of each stage (%)", ("Emissions", "Sequestration", "Net"), "t CO2e per year"
    return "Participación de cada etapa (%)", ("Emisiones", "Secuestro", "Netas"), "t CO2e por año"


def recommendation_lines(fp: Footprint, surveys: Sequence[Survey], f: Factors, lang: str) -> list[str]:
    saving = sum(composting_saving_kg(s, f) for s in surveys)
    rec = recommend(fp, saving, f)
    q = lambda v, d=1: format_quantity(v, d, lang)  # noqa: E731
    lines = []
    if rec.reduction_t > 0:
        lines.append(("Reducir: compostar la cáscara que hoy queda en el suelo ahorraría {t} t CO2e al año."
                      if lang != "en" else "Reduce: composting the husk now left on the ground would save {t} t CO2e "
                      "a year.").format(t=q(rec.reduction_t)))
    if rec.credits > 0:
        lines.append(("Compensar lo que queda, {t} t CO2e al año: {c} créditos de carbono al año, o unas {h} ha de "
                      "plantación forestal." if lang != "en" else "Compensate what remains, {t} t CO2e a year: {c} "
                      "carbon credits a year, or about {h} ha of forest plantation.").format(
            t=q(rec.residual_t), c=q(rec.credits, 0), h=q(rec.plantation_ha, 0)))
    else:
        lines.append("Después de reducir, la unidad es un sumidero neto: no hay nada que compensar."
                     if lang != "en" else "After reducing, the unit is a net sink: there is nothing to compensate.")
    return lines


def _unit(fp: Footprint, surveys: Sequence[Survey], f: Factors, lang: str, doc: QTextDocument, key: str
          ) -> UnitReport:
    shares_title, balance_labels, balance_title = _words(lang)
    charts = {f"chart://{key}/stages": paint_bars(stage_share_bars(fp, lang, shares_title)),
              f"chart://{key}/balance": paint_bars(balance_bars(fp, balance_labels, balance_title, lang))}
    for name, image in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    warnings = [w.message(lang) for s in surveys for w in survey_warnings(s, compute(s, f))] if len(surveys) < 50 \
        else []
    return UnitReport(fp, recommendations=recommendation_lines(fp, surveys, f, lang), warnings=warnings,
                      chart_ids=tuple(charts))


def write_report(surveys: Sequence[Survey], path: Path, f: Factors, lang: str = "es", title: str = "") -> Path:
    """Write the report of a survey, a cooperative or a campaign (one section per cooperative, then the total)."""
    result = roll_up(surveys, f, label=title or ("Total"))
    doc = QTextDocument()
    by_coop: dict[str, list[Survey]] = {}
    for survey in surveys:
        by_coop.setdefault(survey.general.organisation, []).append(survey)
    units = [_unit(fp, by_coop[name], f, lang, doc, f"u{i}") for i, (name, fp) in
             enumerate(result.cooperatives.items())]
    total = _unit(result.total, surveys, f, lang, doc, "total") if len(units) > 1 else None
    heading = ("Huella de carbono del cacao" if lang != "en" else "Carbon footprint of cocoa")
    years = sorted({s.general.campaign_year for s in surveys})
    subtitle = f"{title or units[0].footprint.label} — " + (
        "campaña " if lang != "en" else "campaign ") + ", ".join(map(str, years))
    doc.setHtml(document(heading, subtitle, units, total, f, lang))
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(f"{heading} — {title or units[0].footprint.label}")
    writer.setCreator("cocoa-desktop")
    doc.print_(writer)  # lays the document out page by page at the writer's resolution
    return path


def ensure_gui_application() -> object:
    """A QGuiApplication for painting (the CLI has none): offscreen when there is no display."""
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["cocoa-desktop"])
    return app
