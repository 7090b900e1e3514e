"""Issue 18, points 1-4: the package exchange as replication. Run against the code before version vectors, five of
these seven failed (what happened then is in each docstring); all pass now."""

from __future__ import annotations

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import training
from cocoa_desktop.storage.database import StorageError
from cocoa_desktop.storage.documents import join_sections, split_sections
from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import (
    export_package,
    import_campaigns,
    open_conflicts,
    read_any,
    read_incoming,
    resolve_conflict,
)

COOPS = example_path("san-martin-2020-cooperatives.json")
CAMPAIGN = "San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"
SURVEY = "san-martin-2020-coop-01"


@pytest.fixture
def laptop(tmp_path, monkeypatch):
    """A data folder opened as one laptop (one at a time, as the instance lock wants)."""

    def open_laptop(name: str):
        monkeypatch.setenv(ENV_VAR, str(tmp_path / name))
        return open_storage()

    return open_laptop


def _technician(repo, survey_id: str = SURVEY) -> str:
    return repo.document(survey_id)["general"].get("technician", "")


def _set_technician(repo, name: str, survey_id: str = SURVEY) -> None:
    general = repo.document(survey_id)["general"]
    repo.save_section(survey_id, "general", {**general, "technician": name})


def _shared(laptop, tmp_path) -> None:
    """A loads the ten cooperatives and sends them to B."""
    with laptop("a") as a:
        import_campaigns(a.repo, read_any(COOPS), str(COOPS))
        export_package(a.repo, tmp_path / "a0.cacao.zip")
    with laptop("b") as b:
        import_campaigns(b.repo, read_incoming(tmp_path / "a0.cacao.zip"), "a0")


def _both_edited(laptop, tmp_path) -> None:
    """After sharing, B and A each change the same survey's technician and export (b1, then a1): neither has seen
    the other's edit."""
    _shared(laptop, tmp_path)
    with laptop("b") as b:
        _set_technician(b.repo, "Rosa en B")
        export_package(b.repo, tmp_path / "b1.cacao.zip")
    with laptop("a") as a:
        _set_technician(a.repo, "Luis en A")
        export_package(a.repo, tmp_path / "a1.cacao.zip")


def test_exporting_does_not_mark_ones_own_unsent_edit_as_seen(laptop, tmp_path):
    """Point 1. Before: both edit, both export, B imports A's package → "1 actualizada, 0 conflictos" and B's edit
    was replaced (and the reverse on A)."""
    _both_edited(laptop, tmp_path)
    with laptop("b") as b:
        report = import_campaigns(b.repo, read_incoming(tmp_path / "a1.cacao.zip"), "a1")
        assert (report.updated, report.conflicts) == (0, [SURVEY])
        assert _technician(b.repo) == "Rosa en B"  # ours kept
        assert open_conflicts(b.repo)[0]["theirs"]["general"]["technician"] == "Luis en A"  # theirs beside it
    with laptop("a") as a:
        report = import_campaigns(a.repo, read_incoming(tmp_path / "b1.cacao.zip"), "b1")
        assert report.conflicts == [SURVEY] and _technician(a.repo) == "Luis en A"


@pytest.mark.parametrize("keep", ["mine", "theirs"])
def test_a_resolution_reaches_the_other_laptop(laptop, tmp_path, keep):
    """Point 2: the choice is the newest version on both laptops, and nothing is in dispute on the way back (this
    order passed before too; what failed is the next test: a version restored or an edit undone afterwards)."""
    _both_edited(laptop, tmp_path)
    with laptop("a") as a:
        import_campaigns(a.repo, read_incoming(tmp_path / "b1.cacao.zip"), "b1")
        (conflict,) = open_conflicts(a.repo)
        resolve_conflict(a.repo, conflict["id"], keep)
        chosen = _technician(a.repo)
        assert chosen == ("Luis en A" if keep == "mine" else "Rosa en B")
        export_package(a.repo, tmp_path / "a2.cacao.zip")
    with laptop("b") as b:
        report = import_campaigns(b.repo, read_incoming(tmp_path / "a2.cacao.zip"), "a2")
        assert report.conflicts == [] and _technician(b.repo) == chosen
        assert report.updated == (1 if keep == "mine" else 0)  # theirs chosen: B already holds that content
        export_package(b.repo, tmp_path / "b2.cacao.zip")
    with laptop("a") as a:  # and back: nothing new, nothing in dispute
        report = import_campaigns(a.repo, read_incoming(tmp_path / "b2.cacao.zip"), "b2")
        assert (report.conflicts, report.updated) == ([], 0) and _technician(a.repo) == chosen


def test_an_undone_edit_and_a_restored_version_travel_as_new(laptop, tmp_path):
    """Point 2. Before: an undone edit (a value put back as it was) was "older" on the other laptop and skipped."""
    _shared(laptop, tmp_path)
    with laptop("a") as a:
        before = a.repo.document(SURVEY)
        _set_technician(a.repo, "Luis")
        export_package(a.repo, tmp_path / "a1.cacao.zip")
    with laptop("b") as b:
        import_campaigns(b.repo, read_incoming(tmp_path / "a1.cacao.zip"), "a1")
        assert _technician(b.repo) == "Luis"
    with laptop("a") as a:  # the history's restore: the earlier document written back, in one transaction
        from cocoa_desktop.storage.database import transaction

        with transaction(a.repo.conn):
            a.repo.replace_document(SURVEY, join_sections(SURVEY, split_sections(before)), origin="restore")
        assert _technician(a.repo) == before["general"].get("technician", "")
        export_package(a.repo, tmp_path / "a2.cacao.zip")
    with laptop("b") as b:
        report = import_campaigns(b.repo, read_incoming(tmp_path / "a2.cacao.zip"), "a2")
        assert (report.updated, report.conflicts) == (1, [])
        assert _technician(b.repo) == before["general"].get("technician", "")


def test_the_same_survey_ids_in_another_campaign_are_other_surveys(laptop, tmp_path):
    """Point 3. Before: a package of another campaign with the same survey ids replaced the surveys of the first
    campaign ("10 actualizadas": the 2019 campaign held 2024 data, the new 2024 campaign was empty)."""
    original = survey_io.read(COOPS)
    later = original.model_copy(update={"name": "Campaña 2024", "year": 2024, "surveys": [
        s.model_copy(update={"general": s.general.model_copy(update={"producers": s.general.producers + 1})})
        for s in original.surveys]})
    with laptop("b") as b:  # the office laptop: the 2024 campaign, typed over the same workbook (same ids)
        import_campaigns(b.repo, [later], "2024.json")
        export_package(b.repo, tmp_path / "b2024.cacao.zip", campaign="Campaña 2024")
    with laptop("a") as a:
        import_campaigns(a.repo, read_any(COOPS), str(COOPS))
        report = import_campaigns(a.repo, read_incoming(tmp_path / "b2024.cacao.zip"), "b2024")
        assert (report.added, report.updated, report.conflicts) == (10, 0, [])
        old = {s.id: s.general.producers for s in original.surveys}
        assert {r.id: a.repo.survey(r.id).general.producers for r in a.repo.surveys(CAMPAIGN)} == old
        assert sorted(a.repo.survey(r.id).general.producers for r in a.repo.surveys("Campaña 2024")) == \
            sorted(p + 1 for p in old.values())
        again = import_campaigns(a.repo, read_incoming(tmp_path / "b2024.cacao.zip"), "b2024")
        assert (again.added, again.identical) == (0, 10)  # matched by id and campaign: the same surveys
        export_package(a.repo, tmp_path / "a2024.cacao.zip", campaign="Campaña 2024")
    with laptop("b") as b:  # they go back under the ids the office laptop knows them by
        report = import_campaigns(b.repo, read_incoming(tmp_path / "a2024.cacao.zip"), "a2024")
        assert (report.added, report.identical, report.conflicts) == (0, 10, [])


def test_resetting_the_training_campaign_keeps_real_surveys_with_training_ids(storage, tmp_path):
    """Point 4. Before: real surveys carrying training ids (a workshop workbook reused for real data) were deleted
    by the reset, the only copy."""
    real = training.training_campaign().model_copy(update={"name": "Cooperativas 2025", "year": 2025})
    import_campaigns(storage.repo, [real], "taller-reusado.json")
    training.install(storage.repo)
    assert len(storage.repo.surveys("Cooperativas 2025")) == 10
    assert training.reset(storage.repo) == 10
    assert len(storage.repo.surveys("Cooperativas 2025")) == 10  # real data untouched
    assert len(storage.repo.surveys(training.TRAINING_NAME)) == 10


def test_a_name_alone_does_not_make_a_campaign_training_data(storage, tmp_path):
    """Point 4. Before: any campaign imported under the training name was flagged, so reset could delete it."""
    named = training.training_campaign().model_copy(update={"surveys": []})
    survey = survey_io.read(COOPS).surveys[0]
    import_campaigns(storage.repo, [named.model_copy(update={"surveys": [survey]})], "a-file.json")
    assert not training.is_training(storage.repo, training.TRAINING_NAME)
    with pytest.raises(StorageError):
        training.reset(storage.repo)
    assert len(storage.repo.surveys(training.TRAINING_NAME)) == 1


def test_a_conflict_resolved_on_one_laptop_is_closed_on_the_other_when_its_choice_arrives(laptop, tmp_path):
    _both_edited(laptop, tmp_path)
    with laptop("a") as a:
        import_campaigns(a.repo, read_incoming(tmp_path / "b1.cacao.zip"), "b1")
        resolve_conflict(a.repo, open_conflicts(a.repo)[0]["id"], "merge", sections={"general": "theirs"})
        export_package(a.repo, tmp_path / "a2.cacao.zip")
    with laptop("b") as b:
        import_campaigns(b.repo, read_incoming(tmp_path / "a1.cacao.zip"), "a1")
        assert len(open_conflicts(b.repo)) == 1  # B sees the dispute too
        report = import_campaigns(b.repo, read_incoming(tmp_path / "a2.cacao.zip"), "a2")
        assert report.conflicts == [] and open_conflicts(b.repo) == []  # A's choice settles it here
        assert _technician(b.repo) == "Rosa en B"
        assert b.repo.history(SURVEY)[-1].origin == "conflict-settled:a2"  # the source as the import named it
