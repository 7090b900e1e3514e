"""The carbon-project window and the sampling plan, driven by keys typed as a technician types them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from cocoa_desktop.engine.economics.project import read_project
from cocoa_desktop.engine.economics.report import evaluate_project
from cocoa_desktop.engine.economics.text import money
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.gui.decisions.economics_window import EconomicsWindow

EXAMPLE = example_path("aprocam-2024-carbon-project.json")


def _window(qtbot, lang="es") -> EconomicsWindow:
    window = EconomicsWindow(lang)
    qtbot.addWidget(window)
    window.show()
    return window


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_example_loads_with_the_papers_figures_and_typed_values_recalculate(qtbot):
    window = _window(qtbot)
    tab = window.project_tab
    button = tab.findChild(QPushButton, "economics.load_example")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert tab.values["npv"].text() == "1 529 284,17 PEN"
    assert tab.values["npv_spreadsheet"].text() == "1 365 432,30 PEN"
    assert tab.values["irr"].text() == "42,43 %"
    assert tab.values["payback"].text() == "2"
    # the carbon price typed the Peruvian way: the NPV is the engine's for that price
    _type(qtbot, tab.inputs["carbon.price_usd_per_t"], "15,5")
    project = read_project(EXAMPLE)
    cheaper = project.model_copy(update={"carbon": project.carbon.model_copy(update={"price_usd_per_t": 15.5})})
    assert tab.values["npv"].text() == money(evaluate_project(cheaper).result.npv, "es") + " PEN"
    # a percentage in %: a 20 % discount rate
    _type(qtbot, tab.inputs["discount_rate"], "20")
    assert tab.evaluation.project.discount_rate == 0.2


def test_nonsense_typed_gets_a_spanish_message_and_keeps_the_last_results(qtbot):
    window = _window(qtbot)
    tab = window.project_tab
    tab.load_example()
    before = tab.values["npv"].text()
    _type(qtbot, tab.inputs["cocoa.price_pen_per_kg"], "-7,38")
    assert "no puede ser menor que 0" in tab.message.text()
    assert tab.values["npv"].text() == before
    _type(qtbot, tab.inputs["cocoa.price_pen_per_kg"], "siete")
    assert "no es un número" in tab.message.text()
    _type(qtbot, tab.inputs["years"], "2,5")
    assert "entero" in tab.message.text()


def test_ten_years_with_costs_listed_for_five_is_a_message_not_free_years(qtbot):
    """Issue 19 point 4: typing 10 years counted the missing years' verification and monitoring as zero."""
    window = _window(qtbot)
    tab = window.project_tab
    tab.load_example()
    before = tab.values["npv"].text()
    _type(qtbot, tab.inputs["years"], "10")
    assert "pero el proyecto llega al año 10" in tab.message.text()
    assert "un costo del proyecto de un solo valor es un costo único del año 0" in tab.message.text()
    assert tab.values["npv"].text() == before and tab.evaluation.project.years == 5


def test_charts_are_drawn(qtbot):
    import pyqtgraph as pg

    window = _window(qtbot)
    tab = window.project_tab
    tab.load_example()
    flow = tab.chart_widgets["flow"].getPlotItem()
    bars = [i for i in flow.items if isinstance(i, pg.BarGraphItem)]
    assert len(bars) == 2 and len(bars[0].opts["height"]) == 6  # benefits and costs, years 0–5
    tornado = tab.chart_widgets["tornado"].getPlotItem()
    assert len([i for i in tornado.items if isinstance(i, pg.BarGraphItem)]) == 10  # five variables, low and high
    image = tab.chart_widgets["tornado"].grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 4  # bars, text and axes, not a blank widget


def test_english_window_and_excel_export(qtbot, tmp_path):
    window = _window(qtbot, "en")
    tab = window.project_tab
    tab.load_example()
    assert tab.values["npv"].text() == "1,529,284.17 PEN"
    tab.export(tmp_path / "e.xlsx")
    assert (tmp_path / "e.xlsx").stat().st_size > 5000
    tab.save(tmp_path / "p.json")
    assert read_project(tmp_path / "p.json") == read_project(EXAMPLE)  # the form gives back what the file held


def test_sampling_plan_typed_and_drawn_from_a_csv(qtbot, tmp_path):
    window = _window(qtbot)
    page = window.sampling_tab
    window.setCurrentWidget(page)
    page.load_aprocam()
    assert "53" in page.result.text()
    assert [page.allocation_table.item(r, 3).text() for r in range(7)] == ["1", "6", "12", "1", "19", "13", "1"]
    _type(qtbot, page.confidence, "95")
    assert page.size.n > 53
    _type(qtbot, page.confidence, "100")
    assert "entre 0 y 1" in page.message.text()
    rows = ["codigo;nombre;distrito"] + [f"P{i};Socio {i};{'Imaza' if i % 4 else 'Nieva'}" for i in range(80)]
    csv = tmp_path / "socios.csv"
    csv.write_text("\n".join(rows), encoding="cp1252")
    _type(qtbot, page.confidence, "90")
    page.load_producers(csv)
    assert page.population.text() == "80"
    assert page.visits.rowCount() == 80  # the chosen, then every other producer as an ordered replacement
    chosen = [page.visits.item(r, 2).text() for r in range(page.size.n)]
    page.save_list(tmp_path / "visitas.csv")
    assert chosen[0] in (tmp_path / "visitas.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "malo.csv"
    bad.write_text("nombre;distrito\nAna;Imaza\n;Nieva\n", encoding="utf-8")
    page.load_producers(bad)
    assert "línea 3" in page.message.text()
