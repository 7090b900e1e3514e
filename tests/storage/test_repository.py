"""Saving by section, reading back, change history, duplication into the next campaign, settings."""

from __future__ import annotations

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage.database import StorageError
from cocoa_desktop.storage.documents import SECTIONS
from cocoa_desktop.storage.paths import ENV_VAR, data_dir


def _region():
    return survey_io.read(example_path("san-martin-2020-region.json"))


def test_data_folder_comes_from_the_environment(data_folder):
    assert data_dir() == data_folder and data_folder.is_dir()


def test_data_folder_defaults_to_platformdirs(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "cocoa-desktop"


def test_pragmas(storage):
    conn = storage.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_survey_round_trips_through_its_sections(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign("San Martín 2019", 2019)
    region = _region()
    survey_id = repo.add_survey(region.model_dump(mode="json"), campaign)
    assert repo.survey(survey_id) == region
    stored = {r[0] for r in storage.conn.execute("SELECT section FROM survey_sections WHERE survey_id = ?",
                                                 (survey_id,))}
    assert stored == set(SECTIONS)


def test_a_draft_section_is_saved_even_if_incomplete(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign("2025", 2025)
    survey_id = repo.add_survey({"unit": "farm", "general": {"organisation": "Coop"}}, campaign)
    repo.save_section(survey_id, "husk", {"shares": {"left_on_soil": 0.5}}, page="husk")  # sums to 50 %: a draft
    doc = repo.document(survey_id)
    assert doc["husk"] == {"shares": {"left_on_soil": 0.5}}
    assert repo.surveys()[0].last_page == "husk"


def test_history_starts_when_the_survey_is_completed(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign("2019", 2019)
    survey_id = repo.add_survey(_region().model_dump(mode="json"), campaign)
    general = repo.document(survey_id)["general"]
    repo.save_section(survey_id, "general", {**general, "producers": 4810})
    assert repo.history(survey_id) == []  # not completed yet: no history
    repo.mark_completed(survey_id)
    repo.save_section(survey_id, "general", {**general, "producers": 4811, "technician": "Ana"})
    changes = {(c.field, c.old_value, c.new_value) for c in repo.history(survey_id)}
    assert changes == {("producers", 4810, 4811), ("technician", general["technician"], "Ana")}


def test_renaming_the_organisation_moves_the_survey(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign("2019", 2019)
    survey_id = repo.add_survey(_region().model_dump(mode="json"), campaign)
    general = repo.document(survey_id)["general"]
    repo.save_section(survey_id, "general", {**general, "organisation": "Cooperativa Nueva"})
    assert repo.surveys()[0].organisation == "Cooperativa Nueva"


def test_duplicate_into_next_campaign(storage):
    repo = storage.repo
    first = repo.ensure_campaign("2019", 2019)
    survey_id = repo.add_survey(_region().model_dump(mode="json"), first)
    second = repo.ensure_campaign("2020", 2020)
    copy_id = repo.duplicate_to_campaign(survey_id, second)
    assert copy_id != survey_id
    copy = repo.survey(copy_id)
    assert copy.general.campaign_year == 2020
    assert copy.husk == repo.survey(survey_id).husk
    assert [r.campaign for r in repo.surveys("2020")] == ["2020"]


def test_delete_removes_sections(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign("2019", 2019)
    survey_id = repo.add_survey(_region().model_dump(mode="json"), campaign)
    repo.delete_survey(survey_id)
    assert storage.conn.execute("SELECT COUNT(*) FROM survey_sections").fetchone()[0] == 0


def test_unknown_section_and_nan_are_refused(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign("2019", 2019)
    survey_id = repo.add_survey({"general": {"organisation": "C"}}, campaign)
    with pytest.raises(StorageError, match="Sección desconocida"):
        repo.save_section(survey_id, "colour", {})
    with pytest.raises(StorageError, match="Valor no válido"):
        repo.save_section(survey_id, "general", {"dry_cocoa_kg": float("nan")})


def test_settings(storage):
    storage.repo.set_setting("language", "es")
    storage.repo.set_setting("language", "en")
    assert storage.repo.setting("language") == "en"
    assert storage.repo.setting("missing", "x") == "x"


def test_survey_stamps_come_in_the_trees_order(storage):
    """The tree adds footprints in survey_stamps' order and the campaign view and workbook in surveys' order: the
    same order, so their sums are the same additions to the last bit (issue 21, one aggregation path)."""
    repo = storage.repo
    older, newer = repo.ensure_campaign("2023", 2023), repo.ensure_campaign("2024", 2024)
    for campaign, organisation, farm in [(older, "Coop B", "Zeta"), (newer, "Coop B", "Alfa"),
                                         (older, "Coop A", "Mango"), (newer, "Coop A", "Zeta"),
                                         (older, "Coop B", "Alfa"), (newer, "Coop A", "Alfa")]:
        repo.add_survey({"unit": "farm", "general": {"organisation": organisation, "farm_name": farm}}, campaign)
    inserted = [row[0] for row in repo.conn.execute("SELECT id FROM surveys ORDER BY rowid")]
    tree = [row.id for row in repo.surveys()]
    assert [stamp[0] for stamp in repo.survey_stamps()] == tree != inserted
    assert [(row.campaign, row.organisation, row.farm_name) for row in repo.surveys()][:2] == [
        ("2024", "Coop A", "Alfa"), ("2024", "Coop A", "Zeta")]
