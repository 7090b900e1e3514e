"""The buyers' report as a PDF, made with Qt alone (QTextDocument laid out on a QPdfWriter, charts painted with
QPainter): no new dependency, works offscreen from the command line and from the app.

What the report says is in :mod:`report_footprint` and :mod:`report_html`; the numbers come from the engine (the
same ones as the screen, the workbook and the CLI).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt, QUrl
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

from cocoa_desktop import __version__
from cocoa_desktop.engine.decisions.recommendation_words import comparison, estimate_sentence, message
from cocoa_desktop.engine.decisions.recommendations import Plan
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.husk_model import husk_model_sentence
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.report_digest import CampaignDigest, SurveyList, SurveySource
from cocoa_desktop.engine.report_facts import factor_set_digest
from cocoa_desktop.engine.uncertainty import monte_carlo as uncertainty
from cocoa_desktop.engine.uncertainty.monte_carlo import UnitUncertainty
from cocoa_desktop.engine.words import say
from cocoa_desktop.gui.charts.plots import Bars, balance_bars, stage_share_bars
from cocoa_desktop.gui.report.footprint import ReportFacts, document
from cocoa_desktop.gui.report.html import MAX_DETAILED_UNITS, UnitReport
from cocoa_desktop.gui.report.pages import print_pages

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
    # a chart holds three colours and the greys of smoothed text: kept exactly in a palette of 256, a quarter of the
    # memory (the document holds every chart until the PDF is written)
    return image.convertToFormat(QImage.Format.Format_Indexed8, _palette(),
                                 Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither)


def _palette() -> list[int]:
    """Greys from black to white, the bars' colours and the axis, and the bars' colours fading into white (the
    edges of a bar that falls between two pixels)."""
    colours = [QColor(v, v, v).rgb() for v in range(0, 256, 2)] + [QColor(255, 255, 255).rgb()]
    for colour in (BROWN, GREEN, QColor("#555")):
        for k in range(16):
            t = k / 16
            colours.append(QColor(round(colour.red() + (255 - colour.red()) * t),
                                  round(colour.green() + (255 - colour.green()) * t),
                                  round(colour.blue() + (255 - colour.blue()) * t)).rgb())
    return colours


def _words(lang: str) -> tuple[str, tuple[str, str, str], str]:
    return say(lang,
               ("Participación de cada etapa (%)", ("Emisiones (huella)", "Remociones (secuestro)", "Neto (indicador)"),
                "t CO2e por año"),
               ("Share of each stage (%)", ("Emissions (footprint)", "Removals (sequestration)", "Net (indicator)"),
                "t CO2e per year"))


def recommendation_lines(plan: Plan, lang: str) -> list[str]:
    """The cooperative's recommendations in the order of the mitigation hierarchy, each with the number that
    triggered it, then the report's split beside the model's."""
    lines = [message(rec, lang) for rec in plan.items]
    if not lines:
        lines.append(say(lang,
                         "No hay nada que recomendar: la unidad ya es un sumidero neto sin cambio de uso del suelo.",
                         "Nothing to recommend: the unit is already a net sink with no land-use change."))
    lines.append(comparison(plan, lang))
    return lines


def _unit(fp: Footprint, plan: Plan, spread: UnitUncertainty | None, warnings: list[str], lang: str,
          doc: QTextDocument, key: str, detailed: bool = True, stage_chart: bool = True) -> UnitReport:
    """A unit's part of the report; ``detailed=False`` (a row of the summary of a large campaign): no charts are
    painted (each is a few megabytes in memory until the PDF is written) and no warnings given. A cooperative of
    a campaign gets the balance chart only (its stages are in its table): a page each."""
    shares_title, balance_labels, balance_title = _words(lang)
    charts = {}
    if detailed and stage_chart:
        charts[f"chart://{key}/stages"] = paint_bars(stage_share_bars(fp, lang, shares_title))
    if detailed:
        charts[f"chart://{key}/balance"] = paint_bars(balance_bars(fp, balance_labels, balance_title, lang))
    for name, image in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    interval, weighs = None, ""
    if spread is not None:
        interval = (spread.net_per_kg.low, spread.net_per_kg.high)
        weighs = spread.main_contributions(lang)
    return UnitReport(fp, interval=interval, recommendations=recommendation_lines(plan, lang),
                      warnings=warnings if detailed else [], chart_ids=tuple(charts), spread_causes=weighs,
                      luc_estimate=estimate_sentence(plan, lang))


def write_report(surveys: Sequence[Survey] | SurveySource, path: Path, f: Factors, lang: str = "es",
                 title: str = "", draws: int = uncertainty.DRAWS, title_if_several: bool = False) -> Path:
    """Write the report of a survey, a cooperative or a campaign (the total, then one section per cooperative, or
    one row each beyond MAX_DETAILED_UNITS):
    footprints with their 90 % interval (Monte Carlo over factors and estimated data, seeded: the same report
    twice gives the same numbers), recommendations in the mitigation hierarchy. ``surveys``: a list, or a source
    read survey by survey (a campaign file: :class:`~cocoa_desktop.engine.files.survey_stream.CampaignSurveys`), of
    which one survey model at a time is held (:mod:`~cocoa_desktop.engine.report_digest`); ``title_if_several``:
    the title is given only to more than one survey (a file's campaign name)."""
    source = surveys if hasattr(surveys, "again") else SurveyList(surveys)  # type: ignore[arg-type]
    digest = CampaignDigest(source, f, title or "Total", draws, seed=1, warn_units=MAX_DETAILED_UNITS, lang=lang)
    if title_if_several and digest.count < 2:
        title = ""
    table, spread = digest.table, digest.spread
    by_name = {row.name: row for row in table.rows}
    doc = QTextDocument()
    detailed = len(digest.members) <= MAX_DETAILED_UNITS  # more: one row each, the total's charts only (report_html)
    units = [_unit(by_name[name].footprint, digest.plan(name), spread.units.get(name) if spread else None,
                   digest.unit_warnings(name), lang, doc, f"u{i}", detailed, stage_chart=len(digest.members) == 1)
             for i, name in enumerate(digest.members)]
    total = None
    if len(units) > 1:
        total = _unit(table.total, digest.campaign_plan(), spread.total if spread else None,
                      digest.campaign_warnings(), lang, doc, "total")
    heading = say(lang, "Huella de carbono del cacao", "Carbon footprint of cocoa")
    facts_sums = digest.facts.result()
    name = title or units[0].footprint.label
    campaign = say(lang, "campaña ", "campaign ") + ", ".join(map(str, facts_sums.years))
    facts = report_facts(digest, lang, name, [u.footprint for u in units]
                         if 1 < len(units) <= MAX_DETAILED_UNITS else [])
    doc.setHtml(document(heading, f"{name} — {campaign}", units, total, f, lang, facts))
    # laid out into memory, then written by save_pdf: QPdfWriter on a file says nothing when the disk is full (a
    # 0-byte or truncated PDF was left, and the CLI said it was written)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 15, 18, 12), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(f"{heading} — {name}")
    writer.setCreator("cocoa-desktop")
    print_pages(doc, writer, f"{name} · {campaign}", lang)  # numbered "n de N"; the painter ends the PDF
    del writer
    buffer.close()
    return save_pdf(bytes(buffer.data().data()), Path(path), lang)


def report_facts(digest: CampaignDigest, lang: str, name: str, ranking: list[Footprint]) -> ReportFacts:
    """What the footprint report states beside the figures: gases, factors used, surveys, husk model, versions."""
    check = digest.total_plan.husk.result()
    spread, f = digest.spread, digest.f
    gross = spread.total.gross_t if spread is not None else None
    return ReportFacts(unit_name=name, gas=digest.gas, factors=digest.factors.result(),
                       surveys=digest.facts.result(), version=__version__, digest=factor_set_digest(f),
                       today=date.today(), draws=spread.draws if spread is not None else 0,
                       gross_t_interval=(gross.low, gross.high) if gross is not None else None,
                       husk_sentence=husk_model_sentence(check, lang) if check is not None else "", ranking=ranking)


def save_pdf(data: bytes, path: Path, lang: str = "es") -> Path:
    """Write a finished PDF to ``path`` through a temporary file beside it, renamed only once it is whole: ``data``
    must be a PDF (starts with %PDF-, ends with %%EOF) and the file must hold all of it on disk (flushed and synced).
    Any failure — a full disk, a place that cannot be written such as /proc/version, a PDF that came out empty —
    raises OSError naming ``path``, and leaves neither the temporary file nor a new ``path``."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise OSError(errno.EIO, say(lang, "el informe PDF salió vacío o incompleto",
                                           "the PDF report came out empty or incomplete"), str(path))
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if tmp.stat().st_size != len(data):
            raise OSError(errno.EIO, "written short")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
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
