"""The campaign view of a large campaign once the main window's footprints are done: complete — table,
recommendations, intervals — from the terms the footprints' job kept beside each survey's footprint, no survey read
but those of a unit to densify (its plan sizes the unit at the campaign's yield), every cell a small campaign's
(read before the view is shown); a survey saved after the job is read and its new figures shown."""

from __future__ import annotations

import pytest
from campaign_views import LATER_CAMPAIGN, cells, compared, later_campaign, shown

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.progress import never, silent
from cocoa_desktop.gui.campaign import view as campaign_view
from cocoa_desktop.gui.campaign.view import CampaignView
from cocoa_desktop.gui.main import computed_footprints
from cocoa_desktop.gui.main.tree_footprints import compute_footprints
from cocoa_desktop.storage import training
from cocoa_desktop.storage.repository import Repository


@pytest.fixture
def promperu():
    return factors_for("promperu-2020")


def _small(qtbot, storage, f) -> tuple[list[list[str]], str, str, set[str]]:
    """The cells, notes, first cooperative's detail and units to densify of the campaign read before the view is
    shown."""
    view = shown(qtbot, CampaignView(storage, training.TRAINING_NAME, f, "es"))
    return cells(view), view.notes.text(), view.detail.text.toPlainText(), _densified(view)


def _counted(monkeypatch) -> list[str]:
    """The ids of the surveys every repository reads from now on (the worker thread's connection too)."""
    read: list[str] = []
    documents, document = Repository.documents, Repository.document

    def counted_documents(self, survey_ids=None, sections=None):
        for survey_id, doc in documents(self, survey_ids, sections):
            read.append(survey_id)
            yield survey_id, doc

    def counted_document(self, survey_id):
        read.append(survey_id)
        return document(self, survey_id)

    monkeypatch.setattr(Repository, "documents", counted_documents)
    monkeypatch.setattr(Repository, "document", counted_document)
    return read


def _densified(view: CampaignView) -> set[str]:
    return {plan.name for plan in view.plans if plan.item("densify")}


def _kept(storage, f) -> None:
    found = compute_footprints(storage.repo, f, {}, silent, never)
    assert found is not None
    computed_footprints.remember(storage, f, found[1])


def test_complete_from_the_main_windows_terms_without_reading_the_surveys(qtbot, storage, promperu, monkeypatch):
    repo = storage.repo
    training.install(repo)
    campaign = repo.ensure_campaign(training.TRAINING_NAME, repo.campaign(training.TRAINING_NAME)["year"])
    repo.add_survey({"unit": "farm", "general": {"organisation": "Allima", "campaign_year": 2019}}, campaign)  # a draft
    expected, notes, detail, _ = _small(qtbot, storage, promperu)
    _kept(storage, promperu)
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    read = _counted(monkeypatch)
    view = shown(qtbot, CampaignView(storage, training.TRAINING_NAME, promperu, "es"))
    assert cells(view) == expected and view.notes.text() == notes
    assert view.detail.text.toPlainText() == detail  # the first cooperative, its plan and its interval
    assert view.summary.count == 10 and view.drafts == 1 and len(view.surveys) == 10
    densified = _densified(view)
    assert len(densified) == 3  # the report's Allima, Mishollo and Apahui: read again for their plans, nothing else
    rows = repo.surveys(training.TRAINING_NAME)
    assert sorted(read) == sorted(row.id for row in rows if row.organisation in densified)


def test_a_survey_saved_after_the_main_windows_footprints_shows_its_new_figures(qtbot, storage, promperu,
                                                                                 monkeypatch):
    repo = storage.repo
    training.install(repo)
    before, _, _, densified = _small(qtbot, storage, promperu)
    _kept(storage, promperu)
    rows = repo.surveys(training.TRAINING_NAME)
    saved = next(row for row in rows if row.organisation not in densified)
    repo.save_section(saved.id, "husk", {"shares": {"composted": 1.0}})
    expected, notes, _, _ = _small(qtbot, storage, promperu)
    assert expected != before
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    read = _counted(monkeypatch)
    view = shown(qtbot, CampaignView(storage, training.TRAINING_NAME, promperu, "es"))
    assert cells(view) == expected and view.notes.text() == notes
    assert _densified(view) == densified
    # the survey saved since: read by the quick table and by the view's summary; the units to densify again
    assert sorted(read) == sorted([saved.id] * 2 + [row.id for row in rows if row.organisation in densified])


def test_year_over_year_from_the_main_windows_terms(qtbot, storage, promperu, monkeypatch):
    """The other campaign's cooperatives summed from the kept terms, none of its surveys read: the comparison of
    the two campaigns read."""
    repo = storage.repo
    later_campaign(repo, grown=True)
    expected = compared(qtbot, shown(qtbot, CampaignView(storage, LATER_CAMPAIGN, promperu, "es")))
    assert len(expected) == 10
    _kept(storage, promperu)
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    read = _counted(monkeypatch)
    view = shown(qtbot, CampaignView(storage, LATER_CAMPAIGN, promperu, "es"))
    assert compared(qtbot, view) == expected
    other = {row.id for row in repo.surveys(training.TRAINING_NAME)}
    assert read and not other & set(read)  # this campaign's units to densify read again; none of the other's


def test_a_damaged_survey_has_no_terms_and_the_view_says_so_as_before(qtbot, storage, promperu, monkeypatch):
    repo = storage.repo
    training.install(repo)
    damaged = repo.surveys(training.TRAINING_NAME)[3].id
    repo.conn.execute("UPDATE survey_sections SET content = '{}' WHERE survey_id = ? AND section = 'husk'",
                      (damaged,))
    _kept(storage, promperu)
    kept = computed_footprints.recall(storage, promperu)
    assert kept is not None and damaged not in kept.terms and len(kept.terms) == len(kept) - 1
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    view = CampaignView(storage, training.TRAINING_NAME, promperu, "es")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: "dañada" in view.notes.text(), timeout=30_000)
    assert view.summary is None
