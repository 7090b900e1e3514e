"""A large computation of the main window's footprints shows them first and works out the campaign view's terms after,
in a job of their own (gui/main/campaign_terms.py, tree_footprints.compute_terms): the same terms as when worked out
beside the footprints, none for a survey saved meanwhile, and then the campaign view complete without reading a
survey (but those of a unit to densify). Counted reads and compared values, never timings."""

from __future__ import annotations

import gc

import pytest
from campaign_views import cells, shown
from test_campaign_view_kept import _counted, _densified

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.survey_terms import TermsMaker, unpacked
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.progress import never, silent
from cocoa_desktop.gui.actions import jobs
from cocoa_desktop.gui.campaign import view as campaign_view
from cocoa_desktop.gui.campaign.view import CampaignView
from cocoa_desktop.gui.main import tree_footprints
from cocoa_desktop.gui.main.computed_footprints import DRAFT
from cocoa_desktop.gui.main.tree_footprints import compute_footprints, compute_terms, terms_pending
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage import training


@pytest.fixture
def promperu():
    return factors_for("promperu-2020")


def _plain(kept) -> tuple:
    """A survey's kept terms as plain values (unpacked, their arrays as lists), to compare with ==."""
    return _fields(unpacked(kept))


def _fields(terms) -> tuple:
    """A survey's terms (SurveyTerms) as plain values."""
    plan, poly = terms.plan, terms.polynomial
    steps = [(path, rows.tolist(), places.tolist(), coefficients.tolist(), production, feasible)
             for path, rows, places, coefficients, production, feasible in poly.steps]
    return (terms.cooperative, terms.year, terms.farm, (plan.places, plan.values.tolist(), plan.sources),
            (poly.keys.tolist(), poly.values.tolist(), poly.read, poly.paths, steps))


def _with_a_draft(repo) -> None:
    training.install(repo)
    campaign = repo.ensure_campaign(training.TRAINING_NAME, repo.campaign(training.TRAINING_NAME)["year"])
    repo.add_survey({"unit": "farm", "general": {"organisation": "Allima", "campaign_year": 2019}}, campaign)


def test_the_terms_worked_out_after_are_those_worked_out_beside_the_footprints(storage, promperu):
    repo = storage.repo
    _with_a_draft(repo)
    beside = compute_footprints(repo, promperu, {}, silent, never)
    first = compute_footprints(repo, promperu, {}, silent, never, terms_inline=0)
    assert beside is not None and first is not None
    assert first[0] == beside[0] and dict(first[1]) == dict(beside[1])  # the tree's figures, the same
    kept = first[1]
    assert list(kept.terms.values()) == [DRAFT]  # the draft is known at once; the others' terms come later
    valid = [survey_id for survey_id, (_, fp) in kept.items() if fp is not None]
    assert len(valid) == 10 and terms_pending(kept) == valid and terms_pending(beside[1]) == []
    found = compute_terms(repo, promperu, kept, silent, never)
    assert found is not None
    assert {survey_id: stamp for survey_id, (stamp, _) in found.items()} == {v: kept[v][0] for v in valid}
    assert {survey_id: _plain(terms) for survey_id, (_, terms) in found.items()} == {
        v: _plain(beside[1].terms[v]) for v in valid}


def test_a_survey_saved_meanwhile_gets_no_terms_from_the_older_footprints(storage, promperu):
    repo = storage.repo
    training.install(repo)
    first = compute_footprints(repo, promperu, {}, silent, never, terms_inline=0)
    assert first is not None
    kept = first[1]
    saved = terms_pending(kept)[2]
    repo.save_section(saved, "husk", {"shares": {"composted": 1.0}})
    found = compute_terms(repo, promperu, kept, silent, never)
    assert found is not None and saved not in found and len(found) == 9
    kept.terms.update((survey_id, terms) for survey_id, (_, terms) in found.items())  # as the window adds them
    assert terms_pending(kept) == [saved]
    again = compute_footprints(repo, promperu, kept, silent, never)  # the next footprints: the saved one alone,
    assert again is not None and terms_pending(again[1]) == []  # its terms worked out beside its footprint
    assert len(again[1].terms) == 10 and all(again[1].terms[v] is kept.terms[v] for v in found)  # the others kept


def test_the_window_shows_its_footprints_then_the_campaign_view_is_complete_without_reading(
        qtbot, storage, promperu, monkeypatch):
    repo = storage.repo
    _with_a_draft(repo)
    small = shown(qtbot, CampaignView(storage, training.TRAINING_NAME, promperu, "es"))
    expected, notes = cells(small), small.notes.text()
    monkeypatch.setattr(tree_footprints, "TERMS_INLINE", 0)  # every computation is "large"
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.footprint_job is not None and window.footprint_job.finished, timeout=30_000)
    kept = window.footprints_kept[1]
    assert kept and list(kept.terms.values()) == [DRAFT]  # the tree's footprints came without the terms
    qtbot.waitUntil(lambda: window.terms_job is None and not terms_pending(window.footprints_kept[1]),
                    timeout=30_000)
    assert window.footprints_kept[1] is kept and len(kept.terms) == 11
    monkeypatch.setattr(campaign_view, "SYNC_SURVEYS", 0)
    read = _counted(monkeypatch)
    view = shown(qtbot, CampaignView(storage, training.TRAINING_NAME, window.factors(), "es"))
    assert cells(view) == expected and view.notes.text() == notes
    densified = _densified(view)
    assert sorted(read) == sorted(row.id for row in repo.surveys(training.TRAINING_NAME)
                                  if row.organisation in densified)  # only the units to densify read again
    jobs.stop_all()


def test_the_terms_give_way_while_a_survey_is_open(qtbot, storage, promperu, monkeypatch):
    """A survey opened in the wizard pauses the terms' job at its next look (each survey); closing it lets the job
    end."""
    repo = storage.repo
    training.install(repo)
    monkeypatch.setattr(tree_footprints, "TERMS_INLINE", 0)
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.open_survey(repo.surveys()[0].id)  # before the footprints are done: the terms' job starts paused
    qtbot.waitUntil(lambda: window.terms_job is not None, timeout=30_000)
    job = window.terms_job
    qtbot.wait(300)
    assert not job.finished and terms_pending(window.footprints_kept[1])
    window.wizard.close_without_asking()
    qtbot.waitUntil(lambda: job.finished and window.terms_job is None, timeout=30_000)
    assert not terms_pending(window.footprints_kept[1])
    jobs.stop_all()


def test_the_kept_terms_are_what_the_engine_worked_out_and_the_garbage_collector_leaves_them(storage, promperu):
    """Kept for every survey of a folder, the terms are packed into what Python's collector stops tracking (20,000
    surveys' terms doubled the objects each full collection walks); unpacked they are the engine's own."""
    repo = storage.repo
    training.install(repo)
    found = compute_footprints(repo, promperu, {}, silent, never)
    assert found is not None
    kept = found[1]
    for _ in range(4):  # each collection stops tracking one more level of tuples, the innermost first
        gc.collect()
    assert len(kept.terms) == 10 and not any(gc.is_tracked(terms) for terms in kept.terms.values())
    maker = TermsMaker(promperu)
    for survey_id, doc in repo.documents(list(kept.terms)):
        survey = Survey.model_validate(doc)
        direct = maker.terms(survey, kept[survey_id][1])
        assert direct is not None and _plain(kept.terms[survey_id]) == _fields(direct)
