"""Defect 1: the SVG export drew each bar about two rows from its label. The SVG is now written from the chart's
data; these tests check its geometry (each bar's middle on its label's line, the value at the bar's end) and what
a renderer makes of it (Qt's SVG renderer: the dark pixels of each label lie on the rows of its bar)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter

from cocoa_desktop.engine.factors import factors_for
from cocoa_desktop.engine.footprint import compute
from cocoa_desktop.engine.resources import example_path
from cocoa_desktop.engine.survey_io import read, surveys_of
from cocoa_desktop.gui.chart_svg import BASELINE_SHIFT, bars_svg, nice_step
from cocoa_desktop.gui.charts import balance_bars, stage_share_bars

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
