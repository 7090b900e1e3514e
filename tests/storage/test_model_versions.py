"""A field renamed in the survey model has a migration path (issue 21): a Python step of the JSON document
(engine/model/model_versions.py), every stored section saying which model version wrote it (schema 6), and the data
folder rewriting its older surveys once when it opens (storage/model_upgrade.py) after a copy of the database."""

from __future__ import annotations

import json
import sqlite3

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.model import model_versions
from cocoa_desktop.engine.model.model_versions import NewerModel, renamed, upgrade
from cocoa_desktop.storage import backups, model_upgrade, repository, startup
from cocoa_desktop.storage.database import connect, section_checksum
from cocoa_desktop.storage.documents import canonical_json, split_sections
from cocoa_desktop.storage.paths import backup_dir, database_path
from cocoa_desktop.storage.schema import SCHEMA_VERSION, migrate
from cocoa_desktop.storage.startup import open_storage

SURVEY = {"unit": "farm", "general": {"organisation": "Coop", "campaign_year": 2024, "productive_area_ha": 2,
                                      "dry_cocoa_kg": 1500, "tecnico": "Ana Ruiz"},
          "packaging": [{"type": "jute_sack", "bags_per_year": 20, "peso": 0.9}]}
STEP = lambda doc: renamed("packaging[].peso", "packaging[].kg_per_bag")(  # noqa: E731
    renamed("general.tecnico", "general.technician")(doc))


@pytest.fixture
def version_2(monkeypatch):
    """The model as a later release would have it: version 2 renamed two fields written by version 1."""
    for module in (model_versions, repository, model_upgrade, startup):
        monkeypatch.setattr(module, "MODEL_VERSION", 2)
    monkeypatch.setattr(survey_io, "FORMAT_VERSION", 2)
    monkeypatch.setattr(model_versions, "STEPS", {1: STEP})


def test_a_step_renames_fields_in_a_section_and_in_every_item_of_a_list(version_2):
    doc = upgrade(SURVEY, 1)
    assert doc["general"]["technician"] == "Ana Ruiz" and "tecnico" not in doc["general"]
    assert doc["packaging"] == [{"type": "jute_sack", "bags_per_year": 20, "kg_per_bag": 0.9}]
    assert SURVEY["general"]["tecnico"] == "Ana Ruiz"  # the document given is not changed
    assert upgrade(doc, 2) == doc  # already current
    with pytest.raises(NewerModel):
        upgrade(doc, 3)
    with pytest.raises(ValueError):
        renamed("general.tecnico", "husk.technician")  # a move to another section is a step of its own


def test_every_section_written_says_the_current_model_version(storage):
    campaign = storage.repo.ensure_campaign("Campaña 2024", 2024)
    survey_id = storage.repo.add_survey({**SURVEY, "general": {**SURVEY["general"]}}, campaign)
    storage.repo.save_section(survey_id, "husk", {"shares": {"heaped": 1.0}})
    versions = {r[0] for r in storage.conn.execute("SELECT model_version FROM survey_sections")}
    assert versions == {model_versions.MODEL_VERSION}
    assert model_upgrade.stored_model_version(storage.repo) == model_versions.MODEL_VERSION


def _folder_at_version_1(data_folder) -> None:
    """A data folder as the release with model version 1 left it: a survey with the old names."""
    data_folder.mkdir(parents=True)
    conn = connect(database_path(data_folder))
    migrate(conn, target=SCHEMA_VERSION)
    conn.execute("INSERT INTO campaigns(name, year) VALUES ('Campaña 2024', 2024)")
    conn.execute("INSERT INTO organisations(name) VALUES ('Coop')")
    conn.execute("INSERT INTO surveys(id, campaign_id, organisation_id, unit, created_at, updated_at)"
                 " VALUES ('s1', 1, 1, 'farm', 't', 't')")
    for section, content in split_sections({"id": "s1", **SURVEY}).items():
        text = canonical_json(content)
        conn.execute("INSERT INTO survey_sections(survey_id, section, content, updated_at, checksum, version, "
                     "model_version) VALUES ('s1', ?, ?, 't', ?, '{\"a\":3}', 1)",
                     (section, text, section_checksum("s1", section, text)))
    conn.close()


def test_opening_an_older_folder_rewrites_its_surveys_once(data_folder, version_2):
    _folder_at_version_1(data_folder)
    with open_storage() as storage:
        doc = storage.repo.document("s1")  # checksums hold: no section is taken for damaged
        assert doc["general"]["technician"] == "Ana Ruiz" and "tecnico" not in doc["general"]
        assert doc["packaging"][0]["kg_per_bag"] == 0.9
        assert {r[0] for r in storage.conn.execute("SELECT model_version FROM survey_sections")} == {2}
        assert {r[0] for r in storage.conn.execute("SELECT version FROM survey_sections")} == {'{"a":3}'}  # no edit
        assert any("modelo de datos 2" in m for m in storage.report.messages())
        assert model_upgrade.stored_model_version(storage.repo) == 2
        copies = backups.backups(backup_dir(data_folder), "migration")
        assert len(copies) == 1  # the copy before the rewrite holds the old names
        old = sqlite3.connect(copies[0])
        assert "tecnico" in old.execute("SELECT content FROM survey_sections WHERE section = 'general'").fetchone()[0]
        old.close()
    with open_storage() as storage:  # the next start finds nothing to do
        assert not any("modelo de datos" in m for m in storage.report.messages())
        assert model_upgrade.upgrade_stored(storage.repo, backup_dir(data_folder)) == 0


def test_a_file_written_by_an_older_model_is_read_through_its_steps(version_2):
    survey = survey_io.loads(json.dumps({"format": "cocoa-desktop/survey", "format_version": 1, "survey": SURVEY}))
    assert survey.general.technician == "Ana Ruiz" and survey.packaging[0].kg_per_bag == 0.9
    campaign = survey_io.loads(json.dumps({"format": "cocoa-desktop/campaign", "format_version": 1, "campaign": {
        "name": "Campaña 2024", "year": 2024, "surveys": [{**SURVEY, "id": "a"}, {**SURVEY, "id": "b"}]}}))
    assert [s.general.technician for s in campaign.surveys] == ["Ana Ruiz", "Ana Ruiz"]
    assert survey_io.survey_document(survey)["format_version"] == 2  # and written at the current version
