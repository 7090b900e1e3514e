"""The scenario editor driven by keys: before/after against the engine, one cooperative, saving, bad input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from cocoa_desktop.engine.decisions.scenarios import Scenario, parse_change, run
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.report import format_quantity
from cocoa_desktop.gui.decisions.scenario_editor import ScenarioEditor
from cocoa_desktop.storage import scenarios, training


@pytest.fixture
def promperu():
    return factors_for("promperu-2020")


@pytest.fixture
def editor(qtbot, storage, promperu):
    training.install(storage.repo)
    widget = ScenarioEditor(storage, training.TRAINING_NAME, promperu, "es")
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _row(editor, name: str) -> list[str]:
    table = editor.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0) and name in (  # short names shown
        table.item(r, 0).text(), table.item(r, 0).toolTip()))
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def test_composting_every_cooperatives_husk_before_and_after(editor, promperu, type_keys):
    type_keys(editor.percent["scenario.husk_composted"], "100")
    expected = run(editor.surveys, Scenario("x", (parse_change("husk.composted=100%"),)), promperu,
                   training.TRAINING_NAME)
    total = _row(editor, training.TRAINING_NAME)
    assert total[1] == format_quantity(expected.before.total.net_kg / 1000, 1, "es") == "13 548,6"
    assert total[2] == format_quantity(expected.after.total.net_kg / 1000, 1, "es")
    assert total[5] == format_quantity(expected.after.total.net_per_kg, 2, "es")
    husk = _row(editor, "Manejo de residuos (cáscara de mazorca)")
    assert husk[2] == format_quantity(expected.after.total.stages["husk"] / 1000, 1, "es")
    claim = editor.claim.text()
    assert "80 %, de 1,43 a 0,28" in claim and "79 %" in claim
    assert editor.findChild(QWidget, "chart") is not None


def test_one_cooperative_only_and_jute(editor, promperu, type_keys):
    apahui = "Cooperativa Agraria Apahui Ltda."
    editor.scope.setFocus()
    editor.scope.setCurrentIndex(editor.scope.findData(apahui))
    type_keys(editor.percent["scenario.jute"], "100")
    paraiso = _row(editor, "Cooperativa Agroindustrial Paraíso Ltda.")
    assert paraiso[1] == paraiso[2] and paraiso[3] == "0,0"
    row = _row(editor, apahui)
    # Apahui's 271 kg of plastic bags × 8.609143 kg CO2e/kg: −2.3 t
    assert row[3] == "-2,3"
    assert editor.claim.text() == ""


def test_bad_input_keeps_the_last_result_and_says_why(editor, type_keys):
    type_keys(editor.percent["scenario.husk_composted"], "100")
    before = _row(editor, training.TRAINING_NAME)
    type_keys(editor.percent["scenario.jute"], "mucho")
    assert "no es un número" in editor.message.text()
    assert _row(editor, training.TRAINING_NAME) == before
    editor.percent["scenario.jute"].clear()
    type_keys(editor.other, "transport.vehicle=cohete")
    assert "no es una opción válida" in editor.message.text()
    editor.other.clear()
    type_keys(editor.percent["scenario.husk_composted"], "150")
    assert "de 0 a 1" in editor.message.text()


def test_saved_with_the_campaign_and_loaded_back(qtbot, editor, storage, promperu, type_keys):
    type_keys(editor.percent["scenario.husk_composted"], "80")
    type_keys(editor.yield_, "+20 %")
    type_keys(editor.other, "fermentation.method=sack")
    type_keys(editor.name, "Compost y rendimiento")
    QTest.mouseClick(editor.findChild(QPushButton, "scenario.save"), Qt.MouseButton.LeftButton)
    (doc,) = scenarios.load(storage.repo, training.TRAINING_NAME)
    assert doc["changes"] == ["husk.composted=80%", "general.yield_kg_ha=+20%", "fermentation.method=sack"]
    other = ScenarioEditor(storage, training.TRAINING_NAME, promperu, "es")
    qtbot.addWidget(other)
    other.load(other.saved.itemData(other.saved.findText("Compost y rendimiento")))
    assert other.percent["scenario.husk_composted"].text() == "80" and other.yield_.text() == "+20%"
    assert other.other.text() == "fermentation.method=sack"
    assert _row(other, training.TRAINING_NAME) == _row(editor, training.TRAINING_NAME)
    training.reset(storage.repo)  # training data: the workshop's scenarios go with a reset
    assert scenarios.load(storage.repo, training.TRAINING_NAME) == []


def test_a_large_campaign_is_computed_off_the_gui_thread(qtbot, editor, promperu, monkeypatch, type_keys):
    monkeypatch.setattr(ScenarioEditor, "BACKGROUND_FROM", 0)
    type_keys(editor.percent["scenario.husk_composted"], "100")
    assert editor.message.text() == "Calculando…"
    qtbot.waitUntil(lambda: editor.result is not None, timeout=20_000)
    expected = run(editor.surveys, Scenario("x", (parse_change("husk.composted=100%"),)), promperu,
                   training.TRAINING_NAME)
    assert _row(editor, training.TRAINING_NAME)[2] == format_quantity(expected.after.total.net_kg / 1000, 1, "es")
    assert editor.message.text() == ""
    editor.background.wait()


def test_the_main_windows_footprints_spare_reading_the_surveys(qtbot, editor, storage, promperu, monkeypatch,
                                                                type_keys):
    from cocoa_desktop.gui.main import computed_footprints
    from cocoa_desktop.gui.main.tree_footprints import compute_footprints

    type_keys(editor.percent["scenario.husk_composted"], "100")
    read_whole = _row(editor, training.TRAINING_NAME)
    computed_footprints.remember(storage, promperu, compute_footprints(storage.repo, promperu, {}, lambda *_: None,
                                                                       lambda: False)[1])
    documents, calls = storage.repo.documents, []
    monkeypatch.setattr(storage.repo, "documents", lambda ids=None, sections=None: calls.append(sections) or
                        documents(ids, sections))
    editor.compute()
    assert calls == [("general", "husk")]  # each survey's cooperative and year, and its husk: nothing else
    assert _row(editor, training.TRAINING_NAME) == read_whole
