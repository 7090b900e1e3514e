"""The results page shows the footprint with its interval and what the unit could do (issue 12: wherever a unit's
totals appear), from the engine's own functions."""

from __future__ import annotations

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.uncertainty import monte_carlo as uncertainty
from tests.gui.keyboard import open_wizard


def test_the_results_page_gives_the_interval_and_the_recommendations(storage, qtbot):
    region = survey_io.read(example_path("san-martin-2020-region.json"))
    survey_id = storage.repo.add_survey(region.model_dump(mode="json"), storage.repo.ensure_campaign("C 2019", 2019))
    wizard = open_wizard(storage, survey_id, qtbot, page="results")
    qtbot.waitUntil(lambda: wizard.current_page_name() == "results")
    page = wizard.page(wizard.page_ids["results"])
    qtbot.waitUntil(lambda: "entre" in page.spread.text())  # the interval is computed off the GUI thread
    expected = uncertainty.simulate([region], factors_for("promperu-2020"), seed=1).total.net_per_kg
    assert expected.sentence("kg CO2e/kg", "es") in page.spread.text()
    assert "entre" in page.spread.text() and "en 9 de cada 10 casos" in page.spread.text()
    assert "metano de la cáscara" in page.spread.text()  # what weighs most, in words
    advice = page.advice.text()
    assert "Compostar la cáscara" in advice and "No convertir más bosque" in advice
