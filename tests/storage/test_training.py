"""The training campaign: installed, used, reset to the original in one action; marked everywhere it travels.
Scenarios saved with their campaign. Migration 4."""

from __future__ import annotations

import sqlite3

import pytest

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.storage import scenarios, training
from cocoa_desktop.storage.database import StorageError
from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.schema import MIGRATIONS, migrate
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import export_package, import_campaigns, read_any, read_incoming


def _surveys(repo, campaign=training.TRAINING_NAME):
    return [repo.survey(r.id) for r in repo.surveys(campaign)]


def test_install_gives_the_ten_cooperatives_marked_as_training(storage):
    repo = storage.repo
    assert training.install(repo) == training.TRAINING_NAME
    assert training.is_training(repo, training.TRAINING_NAME)
    assert training.training_names(repo) == [training.TRAINING_NAME]
    surveys = _surveys(repo)
    assert len(surveys) == 10 and all(s.id.startswith("formacion-") for s in surveys)
    assert all(s.notes.startswith(training.NOTE) for s in surveys)
    assert all(r.completed_at for r in repo.surveys(training.TRAINING_NAME))
    total = roll_up(surveys, factors_for("promperu-2020")).total
    assert total.net_kg / 1000 == pytest.approx(13_548.61, rel=1e-4)  # the report's §7 sum, as shipped


def test_reset_undoes_edits_added_surveys_and_scenarios_in_one_action(storage):
    repo = storage.repo
    training.install(repo)
    original = {s.id: s for s in _surveys(repo)}
    first = sorted(original)[0]
    repo.save_section(first, "husk", {"shares": {"composted": 1.0}})  # a trainee composts everything
    campaign_id = repo.campaign(training.TRAINING_NAME)["id"]
    added = repo.add_survey({"unit": "farm", "general": {"organisation": "Nueva", "campaign_year": 2019}}, campaign_id)
    scenarios.save(repo, training.TRAINING_NAME, {"name": "yute", "changes": ["packaging.jute_sack=1"]})
    assert repo.survey(first) != original[first]

    assert training.reset(repo) == 10
    assert {s.id: s for s in _surveys(repo)} == original
    assert added not in {r.id for r in repo.surveys()}
    assert scenarios.load(repo, training.TRAINING_NAME) == []
    assert repo.history(first) == []  # the workshop's change history went with it


def test_a_reset_that_fails_half_way_changes_nothing(storage, monkeypatch):
    repo = storage.repo
    training.install(repo)
    first = sorted(r.id for r in repo.surveys(training.TRAINING_NAME))[0]
    repo.save_section(first, "husk", {"shares": {"composted": 1.0}})
    edited = repo.survey(first)
    calls = {"n": 0}
    real_insert = repo._insert

    def failing(doc, campaign_id, *, completed=False):
        calls["n"] += 1
        if calls["n"] == 5:
            raise sqlite3.OperationalError("disk I/O error")
        return real_insert(doc, campaign_id, completed=completed)

    monkeypatch.setattr(repo, "_insert", failing)
    with pytest.raises(StorageError):
        training.reset(repo)
    monkeypatch.undo()
    assert repo.survey(first) == edited and len(repo.surveys(training.TRAINING_NAME)) == 10


def test_only_a_training_campaign_can_be_reset(storage):
    repo = storage.repo
    repo.ensure_campaign("Campaña 2024", 2024)
    with pytest.raises(StorageError) as caught:
        training.reset(repo, "Campaña 2024")
    assert "no es una campaña de formación" in caught.value.message_es


def test_training_and_the_real_example_live_side_by_side(storage):
    repo = storage.repo
    path = example_path(training.EXAMPLE)
    import_campaigns(repo, read_any(path), str(path))
    training.install(repo)
    assert len(repo.surveys()) == 20
    assert not training.is_training(repo, read_any(path)[0].name)


def test_a_package_carries_the_mark_to_another_laptop(tmp_path, monkeypatch):
    package = tmp_path / "taller.cacao.zip"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "a"))
    with open_storage() as a:
        training.install(a.repo)
        manifest, _ = export_package(a.repo, package)
    assert manifest["training_campaigns"] == [training.TRAINING_NAME]
    assert training.package_is_training(manifest)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "b"))
    with open_storage() as b:
        import_campaigns(b.repo, read_incoming(package), str(package))
        assert training.is_training(b.repo, training.TRAINING_NAME)
        assert training.reset(b.repo) == 10


def test_scenarios_are_saved_with_their_campaign(storage):
    repo = storage.repo
    repo.ensure_campaign("2024", 2024)
    scenarios.save(repo, "2024", {"name": "compost", "changes": ["husk.composted=1"], "cooperative": None})
    scenarios.save(repo, "2024", {"name": "compost", "changes": ["husk.composted=0.8"], "cooperative": None})
    scenarios.save(repo, "2024", {"name": "A yute", "changes": ["packaging.jute_sack=1"]})
    assert [d["name"] for d in scenarios.load(repo, "2024")] == ["A yute", "compost"]
    assert scenarios.load(repo, "2024")[1]["changes"] == ["husk.composted=0.8"]
    repo.conn.execute("UPDATE scenarios SET content = 'not json' WHERE name = 'A yute'")
    assert [d["name"] for d in scenarios.load(repo, "2024")] == ["compost"]  # a damaged row is skipped
    scenarios.delete(repo, "2024", "compost")
    assert scenarios.load(repo, "2024") == []
    with pytest.raises(StorageError):
        scenarios.save(repo, "2024", {"changes": []})


def test_migration_4_flags_no_existing_campaign(tmp_path):
    conn = sqlite3.connect(tmp_path / "v3.db")
    conn.isolation_level = None
    conn.create_function("cocoa_checksum", 3, lambda *a: "x")
    migrate(conn, 3)
    conn.execute("INSERT INTO campaigns(name, year) VALUES ('2019', 2019)")
    assert migrate(conn, 4) == [4] and len(MIGRATIONS) >= 4
    assert conn.execute("SELECT training FROM campaigns").fetchone() == (0,)
    assert conn.execute("SELECT COUNT(*) FROM scenarios").fetchone() == (0,)
