"""A large campaign in the campaign view: read off the GUI thread, its table shown at once from the footprints the
main window computed, every cell in the end as a small campaign's (read before the view is shown), no survey model
kept. ``SYNC_SURVEYS`` is lowered so that the training campaign's ten surveys take the large campaign's path."""

from __future__ import annotations

import gc

import pytest
from campaign_views import LATER_CAMPAIGN, cells, compared, later_campaign, shown
from PySide6.QtWidgets import QWidget

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.progress import never, silent
from cocoa_desktop.gui.campaign import data as campaign_data
from cocoa_desktop.gui.campaign import view as campaign_view
from cocoa_desktop.gui.campaign.view import INTERVAL_COLUMN, CampaignView
from cocoa_desktop.gui.main import computed_footprints
from cocoa_desktop.gui.main.tree_footprints import compute_footprints
from cocoa_desktop.storage import training

TABLE = range(7)  # rank … net kg/kg: what the main window's footprints give
LATER = (12, 13, 14)  # the recommendations and the sample: once the surveys are read


@pytest.fixture
def promperu():
    return factors_for("promperu-2020")


def _surveys_held() -> int:
    gc.collect()
    return sum(isinstance(o, Survey) for o in gc.get_objects())


def test_the_table_at_once_from_the_main_windows_footprints_then_the_rest_as_a_small_campaigns(
        qtbot, storage, promperu, monkeypatch):
    training.install(storage.repo)
    small = shown(qtbot, CampaignView(storage, training.TRAINING_NAME, promperu, "es"))
    expected, notes = cells(small), small.notes.text()
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    found = compute_footprints(storage.repo, promperu, {}, silent, never)
    assert found is not None
    computed_footprints.remember(storage, promperu, found[1])
    held = _surveys_held()
    view = CampaignView(storage, training.TRAINING_NAME, promperu, "es")
    assert view.summary is None  # being read in a worker thread
    at_once = cells(view)
    assert [[row[c] for c in TABLE] for row in at_once] == [[row[c] for c in TABLE] for row in expected]
    assert all(row[c] == "…" for row in at_once[:-1] for c in LATER)
    shown(qtbot, view)
    assert view.summary is not None and cells(view) == expected and view.notes.text() == notes
    assert sum(1 for plan in view.plans if plan.item("densify")) == 3  # the report's three
    assert view.table.item(1, INTERVAL_COLUMN).text() != "…"
    assert view.detail.text.toPlainText() == small.detail.text.toPlainText()  # the first cooperative, its interval
    view.tabs.setCurrentWidget(view.chart_tabs["ranking"])  # drawn when first shown
    assert all(view.chart_tabs[k].findChild(QWidget, "chart") is not None for k in ("ranking", "stages"))
    assert _surveys_held() <= held  # the view keeps no survey model


def test_without_the_main_windows_footprints_the_table_comes_once_read(qtbot, storage, promperu, monkeypatch):
    training.install(storage.repo)
    expected = cells(shown(qtbot, CampaignView(storage, training.TRAINING_NAME, promperu, "es")))
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    view = CampaignView(storage, training.TRAINING_NAME, promperu, "es")
    assert view.table.rowCount() == 0 and "10" in view.notes.text()  # "Leyendo las 10 encuestas…"
    shown(qtbot, view)
    assert cells(view) == expected and len(view.surveys) == 10


def test_surveys_saved_since_the_footprints_were_computed_are_computed_for_the_table(qtbot, storage, promperu,
                                                                                    monkeypatch):
    """A page just saved (the main window computes again after a pause): the table at once all the same, with that
    survey as it is now; too many saved since, the table waits for the surveys to be read."""
    repo = storage.repo
    training.install(repo)
    found = compute_footprints(repo, promperu, {}, silent, never)
    assert found is not None
    computed_footprints.remember(storage, promperu, found[1])
    first = repo.surveys(training.TRAINING_NAME)[0].id
    repo.save_section(first, "husk", {"shares": {"composted": 1.0}})
    expected = cells(shown(qtbot, CampaignView(storage, training.TRAINING_NAME, promperu, "es")))
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    view = CampaignView(storage, training.TRAINING_NAME, promperu, "es")
    assert [[row[c] for c in TABLE] for row in cells(view)] == [[row[c] for c in TABLE] for row in expected]
    shown(qtbot, view)
    assert cells(view) == expected
    monkeypatch.setattr(campaign_data, "STALE_AT_MOST", 0)
    waiting = CampaignView(storage, training.TRAINING_NAME, promperu, "es")
    assert waiting.table.rowCount() == 0  # not yet read
    assert cells(shown(qtbot, waiting)) == expected


def test_year_over_year_while_the_campaign_is_being_read(qtbot, storage, promperu, monkeypatch):
    """Another campaign chosen before this one is read: both read off the GUI thread, "Computing…" until both are
    known, then the same comparison as a small campaign's."""
    repo = storage.repo
    later_campaign(repo)
    expected = compared(qtbot, shown(qtbot, CampaignView(storage, LATER_CAMPAIGN, promperu, "es")))
    assert len(expected) == 10
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    view = CampaignView(storage, LATER_CAMPAIGN, promperu, "es")
    qtbot.addWidget(view)
    assert view.summary is None  # being read
    view.years.setCurrentIndex(view.years.findData(training.TRAINING_NAME))
    assert view.year_tab.computing and view.changes.rowCount() == 0
    assert compared(qtbot, view) == expected
    shown(qtbot, view)


def test_year_over_year_says_why_when_this_campaign_cannot_be_read(qtbot, storage, promperu, monkeypatch):
    """A damaged survey stops this campaign's reading: the comparison asked for meanwhile says so, not "Computing…"
    for ever."""
    repo = storage.repo
    later_campaign(repo)
    repo.conn.execute("UPDATE survey_sections SET content = '{}' WHERE survey_id = 'later-3' AND section = 'husk'")
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    view = CampaignView(storage, LATER_CAMPAIGN, promperu, "es")
    qtbot.addWidget(view)
    view.years.setCurrentIndex(view.years.findData(training.TRAINING_NAME))
    assert view.year_tab.computing
    qtbot.waitUntil(lambda: not view.year_tab.computing, timeout=30_000)
    said = view.year_tab.status.text()
    assert said == view.notes.text() and "dañada" in said and "Apahui" in said, said
    assert view.changes.rowCount() == 0
