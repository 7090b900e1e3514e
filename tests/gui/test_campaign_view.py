"""The campaign view on the training campaign and on a campaign of farms, driven by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.report import format_quantity
from cocoa_desktop.gui.campaign.view import INTERVAL_COLUMN, SAMPLE_COLUMN, CampaignView
from cocoa_desktop.storage import training


@pytest.fixture
def promperu():
    return factors_for("promperu-2020")


def _view(qtbot, storage, campaign, f, lang="es") -> CampaignView:
    view = CampaignView(storage, campaign, f, lang)
    qtbot.addWidget(view)
    view.resize(1280, 860)
    view.show()
    qtbot.waitUntil(lambda: view.uncertainty is not None, timeout=20_000)
    return view


def _cell(view, row, column) -> str:
    return view.table.item(row, column).text()


def test_the_training_campaign_as_the_reports_table(qtbot, storage, promperu):
    training.install(storage.repo)
    view = _view(qtbot, storage, training.TRAINING_NAME, promperu)
    assert view.banner.isVisible()
    assert view.table.rowCount() == 11
    assert _cell(view, 0, 1) == "Cooperativa Agraria Cacaotera Acopagro" and _cell(view, 0, 5) == "-5 305,6"
    assert _cell(view, 9, 1) == "Cooperativa Agraria Apahui Ltda." and _cell(view, 9, 6) == "4,95"
    assert _cell(view, 10, 1) == "Total (suma de las cooperativas)" and _cell(view, 10, 5) == "13 548,6"
    assert _cell(view, 10, 2) == "9 301" and _cell(view, 10, 3) == "4 809"
    assert _cell(view, 0, 13) == "–"  # a net sink: nothing to compensate, as in the report
    assert "13 702,5 t: -1,1 %" in view.notes.text() and "propio informe" in view.notes.text()
    band = view.uncertainty.units["Cooperativa Agroindustrial Paraíso Ltda."].net_per_kg
    assert _cell(view, 1, INTERVAL_COLUMN) == (f"{format_quantity(band.low, 1, 'es')} – "
                                              f"{format_quantity(band.high, 1, 'es')}")
    for key in ("ranking", "shares", "stages"):
        assert view.chart_tabs[key].findChild(QWidget, "chart") is not None


def test_choosing_a_cooperative_with_the_keyboard_shows_its_recommendations(qtbot, storage, promperu):
    training.install(storage.repo)
    view = _view(qtbot, storage, training.TRAINING_NAME, promperu)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    html = view.detail.text.toPlainText()
    assert html.startswith("Cooperativa Agroindustrial Paraíso Ltda.")
    assert "en 9 de cada 10 casos" in html and "Compostar la cáscara: el 60 %" in html
    assert html.index("Evitar.") < html.index("Reducir.") < html.index("Compensar.")
    assert "compensa igual un 30 %" in html


def test_sequestration_counted_zero_is_said_under_the_table_and_with_the_residual(qtbot, storage):
    """Issue 19 point 4: with the IPCC set and no areas by system and age the compensation column asks for the
    whole net; the view says why, once under the table and in the cooperative's residual."""
    from cocoa_desktop.engine.footprint.results import note_message

    training.install(storage.repo)
    view = _view(qtbot, storage, training.TRAINING_NAME, factors_for("ipcc2006-ar5"))
    note = note_message("sequestration_no_areas", "es")
    assert view.notes.text().count(note) == 1 and "sin restar nada de lo que absorbe el cacao" in view.notes.text()
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    assert note in view.detail.text.toPlainText()


def test_the_region_is_scaled_up_from_the_area_typed(qtbot, storage, promperu, type_keys):
    training.install(storage.repo)
    view = _view(qtbot, storage, training.TRAINING_NAME, promperu)
    assert "78 893 t CO2e/año" in view.region.text()
    type_keys(view.region_ha, "54.159")  # the Peruvian thousands point next to three digits: asked, not guessed
    assert "puede leerse como 54159 o como 54,159" in view.region.text()
    type_keys(view.region_ha, "100 000")
    table = campaign_table(view.surveys, promperu)
    expected = table.total.net_kg / 1000 / 9301 * 100_000
    assert f"{format_quantity(expected, 0, 'es')} t CO2e/año" in view.region.text()


def test_year_over_year_names_what_changed(qtbot, storage, promperu):
    repo = storage.repo
    training.install(repo)
    later = repo.ensure_campaign("Campaña 2020", 2020)
    paraiso = next(r.id for r in repo.surveys(training.TRAINING_NAME) if "Paraíso" in r.organisation)
    doc = repo.document(paraiso)
    doc.update(id="paraiso-2020", general={**doc["general"], "campaign_year": 2020},
               husk={"shares": {"heaped": 0.1, "composted": 0.9}})
    repo.add_survey(doc, later, completed=True)
    view = _view(qtbot, storage, "Campaña 2020", promperu)
    view.years.setFocus()
    view.years.setCurrentIndex(view.years.findData(training.TRAINING_NAME))
    tab = view.year_tab  # the other campaign is read off the GUI thread, "Computing…" meanwhile
    assert tab.computing and not tab.status.isHidden() and view.changes.rowCount() == 0
    assert tab.status.text() in ("Calculando…", "Computing…")  # Spanish once the catalogue has it
    qtbot.waitUntil(lambda: not tab.computing, timeout=20_000)
    assert tab.status.isHidden()
    assert view.changes.rowCount() == 10  # Paraíso compared; the nine others left
    row = next(r for r in range(10) if view.changes.item(r, 0).text() == "Paraíso")
    words = view.changes.item(row, 3).text()
    assert "Sobre todo manejo de residuos" in words and "60 → 10 %" in words


def test_a_cooperative_of_farms_is_extrapolated_from_its_sample(qtbot, storage, promperu, type_keys):
    repo = storage.repo
    campaign = repo.ensure_campaign("Muestra 2024", 2024)
    for i, (area, kg, heaped) in enumerate([(2, 1500.0, 0.5), (3, 2100.0, 0.8), (1.5, 900.0, 0.2), (4, 3300.0, 0.6)]):
        repo.add_survey({"id": f"finca-{i}", "unit": "farm",
                         "general": {"organisation": "Cooperativa Muestra", "farm_name": f"F{i}",
                                     "campaign_year": 2024, "productive_area_ha": area, "dry_cocoa_kg": kg},
                         "husk": {"shares": {"heaped": heaped, "composted": 1 - heaped}}}, campaign, completed=True)
    view = _view(qtbot, storage, "Muestra 2024", promperu)
    assert view.detail.sample_box.isVisible() and _cell(view, 0, SAMPLE_COLUMN) == "4 fincas"
    type_keys(view.detail.partners, "120")
    type_keys(view.detail.production, "95 000")
    assert view.detail.sample_result.text().startswith("Estimado con 4 de 120 fincas:")
    assert "Para ±10 %" in view.detail.sample_result.text()
    assert _cell(view, 0, SAMPLE_COLUMN).startswith("≈ ")
    again = _view(qtbot, storage, "Muestra 2024", promperu)  # remembered with the campaign
    assert again.detail.partners.text() == "120" and _cell(again, 0, SAMPLE_COLUMN).startswith("≈ ")


def test_in_english(qtbot, storage, promperu):
    training.install(storage.repo)
    view = _view(qtbot, storage, training.TRAINING_NAME, promperu, lang="en")
    assert "13,702.5 t: -1.1 %" in view.notes.text()
    assert _cell(view, 10, 5) == "13,548.6"
