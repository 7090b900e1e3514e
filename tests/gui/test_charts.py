"""Defect 1: the SVG export drew each bar about two rows from its label. The SVG is now written from the chart's
data; these tests check its geometry (each bar's middle on its label's line, the value at the bar's end) and what
a renderer makes of it (Qt's SVG renderer: the dark pixels of each label lie on the rows of its bar)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.files.survey_io import read, surveys_of
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.gui.charts.plots import balance_bars, stage_share_bars
from cocoa_desktop.gui.charts.svg import BASELINE_SHIFT, bars_svg, nice_step

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def region():
    survey = surveys_of(read(example_path("san-martin-2020-region.json")))[0]
    return compute(survey, factors_for("promperu-2020"))


def _geometry(svg: str):
    root = ET.fromstring(svg)
    font = float(root.get("font-size"))
    bars = {int(r.get("data-index")): r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"}
    labels = {int(t.get("data-index")): t for t in root.iter(f"{SVG}text") if t.get("class") == "label"}
    values = {int(t.get("data-index")): t for t in root.iter(f"{SVG}text") if t.get("class") == "value"}
    return root, font, bars, labels, values


@pytest.mark.parametrize("kind", ["stages", "balance"])
def test_each_bar_sits_on_its_labels_line_and_its_value_at_its_end(region, kind):
    bars = (stage_share_bars(region, "es", "Participación") if kind == "stages" else
            balance_bars(region, ("Emisiones", "Secuestro", "Neto"), "t CO2e", "es"))
    _, font, rects, labels, values = _geometry(bars_svg(bars))
    assert len(rects) == len(labels) == len(values) == len(bars.values)
    for index, value in enumerate(bars.values):
        rect, label, text = rects[index], labels[index], values[index]
        middle = float(rect.get("y")) + float(rect.get("height")) / 2
        assert abs(float(label.get("y")) - BASELINE_SHIFT * font - middle) < 0.5  # the label's line
        assert abs(float(text.get("y")) - BASELINE_SHIFT * font - middle) < 0.5
        assert label.text == bars.labels[index] and text.text == bars.texts[index]
        x0, width = float(rect.get("x")), float(rect.get("width"))
        if value >= 0:
            assert float(text.get("x")) >= x0 + width  # the value just after the end of its bar
        else:
            assert float(text.get("x")) <= x0 and text.get("text-anchor") == "end"
    widths = [float(rects[i].get("width")) for i in range(len(bars.values))]
    assert widths.index(max(widths)) == [abs(v) for v in bars.values].index(max(abs(v) for v in bars.values))
    if kind == "stages":  # the husk bar (92.7 %) is the first, on "Manejo de residuos …"
        assert labels[0].text.startswith("Manejo de residuos") and values[0].text == "92,7 %"


def test_a_renderer_draws_each_label_on_the_rows_of_its_bar(region, qapp):
    from PySide6.QtSvg import QSvgRenderer

    bars = stage_share_bars(region, "es", "Participación de cada etapa (%)")
    svg = bars_svg(bars)
    root, font, rects, labels, _ = _geometry(svg)
    renderer = QSvgRenderer(svg.encode())
    assert renderer.isValid()
    size = QSize(int(root.get("width")), int(root.get("height")))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    label_right = int(float(labels[0].get("x")))
    for index in range(len(bars.values)):
        rect = rects[index]
        top, bottom = float(rect.get("y")), float(rect.get("y")) + float(rect.get("height"))
        dark_rows = {y for y in range(int(top) - int(font), int(bottom) + int(font))
                     for x in range(0, label_right) if image.pixelColor(x, y).lightness() < 100}
        assert dark_rows, f"no label drawn beside bar {index}"
        assert min(dark_rows) >= top - 3 and max(dark_rows) <= bottom + 3, (index, top, bottom, sorted(dark_rows))
        if float(rect.get("width")) > 3:  # the bar is drawn where its rectangle says
            bar_colour = image.pixelColor(int(float(rect.get("x")) + 2), int((top + bottom) / 2))
            assert bar_colour.name() == "#8d6e63"


def test_ticks_are_round_numbers():
    assert nice_step(100) == 20 and nice_step(44_000) == 10_000 and nice_step(0.9) == 0.2


def test_saved_charts_carry_the_cooperative_name(storage, qtbot, tmp_path):
    from cocoa_desktop.storage.sync import import_campaigns, read_any
    from tests.gui.keyboard import open_wizard

    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-cooperatives.json")), "x")
    survey_id = storage.repo.surveys()[0].id
    wizard = open_wizard(storage, survey_id, qtbot, "results", active=False)
    page = wizard.currentPage()
    organisation = storage.repo.survey(survey_id).general.organisation
    svg, balance = page.save_charts(tmp_path / "acopio.svg")
    assert svg.name == "acopio-etapas.svg" and balance.name == "acopio-balance.svg"
    title = " ".join(t.text for t in ET.fromstring(svg.read_text(encoding="utf-8")).iter(f"{SVG}text")
                     if t.get("class") == "title")
    assert organisation in title and "2019" in title


def _ink(image):
    """The box (left, top, right, bottom) of the pixels that are not white background, and the image's size."""
    import numpy as np
    from PySide6.QtGui import QImage

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(grey.constBits(), np.uint8).reshape(grey.height(), grey.bytesPerLine())[:, :grey.width()]
    ys, xs = np.nonzero(rows < 200)
    return (int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())), (grey.width(), grey.height())


def _settled(widget, qapp):
    """The widget's picture once pyqtgraph has laid out what its first paint measured."""
    previous = None
    for _ in range(10):
        qapp.processEvents()
        image = widget.grab().toImage()
        if image == previous:
            return image
        previous = image
    return previous


@pytest.mark.parametrize("large", [False, True])
def test_saved_png_holds_the_whole_chart_and_leaves_the_screen_as_it_was(storage, qtbot, qapp, tmp_path, large):
    """Defect: pyqtgraph's ImageExporter cut the title at the top and on the right, and resized the scene it
    exported, so that afterwards a bar ran past its axis on screen. The PNG is now the chart as on screen (the
    title a wrapping label above the plot), scaled to 1600 pixels, with a white margin all round."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QLabel

    from cocoa_desktop.storage.sync import import_campaigns, read_any
    from tests.gui.keyboard import open_wizard

    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-cooperatives.json")), "x")
    survey_id = storage.repo.surveys()[0].id  # a long cooperative name: a title on two lines
    wizard = open_wizard(storage, survey_id, qtbot, "results", active=False)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: "entre" in page.spread.text())  # the interval comes a moment later: the page settled
    if large:
        page.present_button.click()
    screens = {name: _settled(chart, qapp) for name, chart in page.chart_widgets.items()}
    ranges = {name: chart.plot.getViewBox().viewRange() for name, chart in page.chart_widgets.items()}
    paths = dict(zip(page.chart_widgets, page.save_charts(tmp_path / "taller.png"), strict=True))
    for name, chart in page.chart_widgets.items():
        assert _settled(chart, qapp) == screens[name], f"the {name} chart on screen changed when saved"
        assert chart.plot.getViewBox().viewRange() == ranges[name]
        png = QImage(str(paths[name]))
        (left, top, right, bottom), (width, height) = _ink(png)
        assert width == 1600
        margin = 16  # white all round: nothing touches an edge, so nothing was cut
        assert top >= margin and left >= margin and width - 1 - right >= margin and height - 1 - bottom >= margin, \
            (name, (left, top, right, bottom), (width, height))
        # what is drawn is what the screen shows, scaled: the same box (the title's first row at the top)
        (s_left, s_top, s_right, s_bottom), (s_width, _) = _ink(screens[name])
        scale = (width - 2 * 32) / s_width
        for png_edge, screen_edge in ((left, s_left), (top, s_top), (right, s_right), (bottom, s_bottom)):
            assert abs(png_edge - (32 + screen_edge * scale)) <= 3 * scale, (name, png_edge, screen_edge, scale)
        title = chart.findChild(QLabel, "chart.title").geometry()  # the title's label, in the PNG
        (_, t_top, _, t_bottom), _ = _ink(png.copy(0, round(32 + title.top() * scale), width,
                                                   round(title.height() * scale)))
        assert t_bottom - t_top > 2 * 14, name  # two lines of bold text (the cooperative's long name wraps)


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("width", [560, 720, 1000])
def test_the_value_beyond_each_bar_is_inside_the_plot(region, qtbot, qapp, large, width):
    """The room left for "92,7 %" beyond the longest bar was a guess for a 450-pixel plot: on a narrower one the
    value ran out of the plot and was cut. The room is now measured at the plot's width, each time it changes."""
    import pyqtgraph as pg

    from cocoa_desktop.gui.charts.plots import bar_widget

    for bars in (stage_share_bars(region, "es", "Participación"),
                 balance_bars(region, ("Emisiones", "Secuestro", "Neto"), "t CO2e por año", "es")):
        chart = bar_widget(bars, large)
        qtbot.addWidget(chart)
        chart.resize(width, 600)
        chart.show()
        _settled(chart, qapp)
        view = chart.plot.getViewBox()
        inside = view.sceneBoundingRect()
        texts = [item for item in view.addedItems if isinstance(item, pg.TextItem)]
        assert len(texts) == len(bars.values)
        for text in texts:
            box = text.sceneBoundingRect()  # in pixels: a text item is not scaled with the data
            assert inside.contains(box), (text.toPlainText(), box, inside)
