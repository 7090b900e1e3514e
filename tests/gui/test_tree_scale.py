"""A regional folder in the main window (issue 22): a selection reads nothing, a large folder's cooperatives are
read when opened, a saved page updates its row, and the footprints are computed off the GUI thread, with progress,
only for the surveys saved since the last time. Counted calls, never timings."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt

from cocoa_desktop.gui.main import survey_tree, tree_footprints
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage.database import transaction
from tests.helpers import generated_surveys

READS = ("surveys", "survey_row", "survey_groups", "document", "documents", "survey_stamps", "campaigns")


@pytest.fixture
def folder(storage):
    """30 farm surveys: three cooperatives of ten in one campaign."""
    with transaction(storage.conn):
        campaign = storage.repo._campaign_id("Campaña 2024", 2024)
        for i, survey in enumerate(generated_surveys(30, seed=3)):
            doc = survey.model_dump(mode="json")
            doc["general"].update(organisation=f"Cooperativa {i % 3 + 1}", farm_name=f"Finca {i + 1:02d}")
            storage.repo._insert(doc, campaign, completed=True)
    return storage


def _spy(monkeypatch, repo) -> Counter:
    calls: Counter = Counter()
    for name in READS:
        original = getattr(repo, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(repo, name, counted)
    return calls


def _window(storage, qtbot) -> MainWindow:
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.footprint_job is not None and window.footprint_job.finished, timeout=30_000)
    return window


def _first_survey(window):
    return next(item for key, item in window.tree.rows.items() if key[0] == "survey")


def test_twenty_arrow_keys_read_no_survey(folder, qtbot, monkeypatch):
    window = _window(folder, qtbot)
    window.tree.setCurrentItem(_first_survey(window))
    window.tree.setFocus()
    calls = _spy(monkeypatch, folder.repo)
    seen = set()
    for _ in range(20):
        qtbot.keyClick(window.tree, Qt.Key.Key_Down)
        seen.add(window.tree.selected_survey() or window.tree.selected_cooperative())
        assert window.action("open_survey").isEnabled() == (window.tree.selected_kind() == "survey")
    assert len(seen) > 15  # the keys walked the tree
    assert calls == Counter()  # nothing read: the rows are kept with the tree


def test_a_large_folder_reads_a_cooperative_when_it_is_opened(folder, qtbot, monkeypatch):
    monkeypatch.setattr(survey_tree, "OPEN_ALL_UP_TO", 20)
    calls = _spy(monkeypatch, folder.repo)
    window = _window(folder, qtbot)
    assert calls["surveys"] == 0 and calls["survey_groups"] == 1
    assert not [key for key in window.tree.rows if key[0] == "survey"]
    coop = window.tree.rows[("cooperative", "Campaña 2024", "Cooperativa 2")]
    assert coop.text(1) == "10 encuestas" or coop.text(1) == "10 surveys"  # until the catalogue has it
    window.tree.setCurrentItem(coop)
    qtbot.keyClick(window.tree, Qt.Key.Key_Right)  # opens it: its ten surveys are read now, with their footprints
    assert calls["surveys"] == 1 and coop.childCount() == 10
    assert all(coop.child(i).text(2) not in ("", "…") for i in range(10))
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.tree.selected_kind() == "survey" and window.action("open_survey").isEnabled()
    selected = window.tree.selected_survey()
    window.refresh()  # the opened cooperative stays open, the selection stays
    assert window.tree.selected_survey() == selected
    assert window.tree.rows[("cooperative", "Campaña 2024", "Cooperativa 2")].isExpanded()


def test_a_saved_page_updates_its_row_without_reading_the_tree_again(folder, qtbot, monkeypatch):
    window = _window(folder, qtbot)
    leaf = _first_survey(window)
    survey_id = leaf.data(0, survey_tree.SURVEY_ROLE)
    window.tree.setCurrentItem(leaf)
    calls = _spy(monkeypatch, folder.repo)
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    wizard = window.wizard
    farm = wizard.currentPage().findChild(object, "general.farm_name")
    farm.setFocus()
    farm.selectAll()
    qtbot.keyClicks(farm, "Finca renombrada")
    qtbot.keyClick(farm, Qt.Key.Key_Return)  # Siguiente: the page is saved
    assert window.tree.rows[("survey", survey_id)].text(0) == "Finca renombrada"
    assert calls["surveys"] == 0 and calls["survey_groups"] == 0  # one row read, not the tree
    wizard.close_without_asking()


def test_footprints_report_progress_and_compute_only_what_was_saved_since(folder, qtbot, monkeypatch):
    window = _window(folder, qtbot)
    computed = []
    original = tree_footprints.survey_entry
    monkeypatch.setattr(tree_footprints, "survey_entry",
                        lambda doc, factors, maker: computed.append(doc["id"]) or original(doc, factors, maker))
    leaf = _first_survey(window)
    survey_id = leaf.data(0, survey_tree.SURVEY_ROLE)
    before = leaf.text(2)
    general = folder.repo.document(survey_id)["general"]
    produced = "dry_cocoa_kg" if general.get("dry_cocoa_kg") else "wet_cocoa_kg"
    folder.repo.save_section(survey_id, "general", {**general, produced: general[produced] * 2})
    progress = []
    job = window.compute_footprints()
    job.progress.connect(lambda value, _: progress.append(value))
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert computed == [survey_id]  # the 29 others were kept
    assert progress and progress[-1] == 100
    assert window.tree.rows[("survey", survey_id)].text(2) not in ("", "…", before)
    window.factor_set.setCurrentIndex((window.factor_set.currentIndex() + 1) % window.factor_set.count())
    qtbot.waitUntil(lambda: window.footprint_job.finished and len(computed) == 31, timeout=30_000)
