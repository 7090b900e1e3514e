"""A survey found valid keeps a stamp (schema 7, storage/stamps.py): an export ships it without validating it
again, but only while the stamp matches what the survey holds; otherwise it is validated as before, and a damaged
section is refused whatever its stamp says. Migrations from every older schema leave the surveys unstamped and
exportable."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import packages, stamps
from cocoa_desktop.storage.database import StorageError, section_checksum
from cocoa_desktop.storage.documents import canonical_json, split_sections
from cocoa_desktop.storage.paths import database_path
from cocoa_desktop.storage.schema import MIGRATIONS, SCHEMA_VERSION, migrate
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import export_package, import_campaigns, read_incoming

COOPS = survey_io.read(example_path("san-martin-2020-cooperatives.json"))
FIRST = COOPS.surveys[0]


def _stamp(repo, survey_id):
    return repo.conn.execute("SELECT checked FROM surveys WHERE id = ?", (survey_id,)).fetchone()[0]


def _sections(repo, survey_id):
    return next(repo.stored_sections([survey_id]))[1]


def _fresh(repo, survey_id):
    """What a check of the survey now gives: the stamp the column must hold."""
    return stamps.checked(repo.foreign_ids().get(survey_id, survey_id), _sections(repo, survey_id))


def _exported(path):
    with zipfile.ZipFile(path) as zf:
        return {s.id: s for name in zf.namelist() if name.startswith("campaigns/")
                for s in survey_io.loads(zf.read(name)).surveys}


def _set_content(repo, survey_id, section, content):
    """A section changed behind the repository's back, with a good checksum (a path that writes no stamp)."""
    text = canonical_json(content)
    repo.conn.execute("UPDATE survey_sections SET content = ?, checksum = ? WHERE survey_id = ? AND section = ?",
                      (text, section_checksum(survey_id, section, text), survey_id, section))


def test_saved_valid_survey_is_stamped_and_a_draft_is_not(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign("2020", 2020)
    valid = repo.add_survey(FIRST.model_dump(mode="json"), campaign, completed=True)
    draft = repo.add_survey({"general": {"organisation": "Coop"}}, campaign)
    assert _stamp(repo, valid) == _fresh(repo, valid) is not None
    assert _stamp(repo, draft) is None
    husk = repo.document(valid)["husk"]
    repo.save_section(valid, "husk", {**husk, "shares": {"composted": 0.5}})  # shares no longer sum to 1
    assert _stamp(repo, valid) is None
    repo.save_section(valid, "husk", husk)
    assert _stamp(repo, valid) == _fresh(repo, valid) is not None


def test_a_survey_being_typed_is_stamped_when_completed(storage, tmp_path):
    """No validation at every page of a survey being typed: its stamp comes with its completion; exported before
    that, it is validated (valid: it travels)."""
    repo = storage.repo
    survey_id = repo.add_survey(FIRST.model_dump(mode="json"), repo.ensure_campaign("2020", 2020))
    repo.save_section(survey_id, "meta", {"unit": "cooperative", "notes": "sin terminar"})
    assert _stamp(repo, survey_id) is None
    export_package(repo, tmp_path / "p.cacao.zip")
    assert _exported(tmp_path / "p.cacao.zip")[survey_id].notes == "sin terminar"
    repo.mark_completed(survey_id)
    assert _stamp(repo, survey_id) == _fresh(repo, survey_id) is not None


def test_export_ships_a_stamped_survey_as_stored_and_the_importer_takes_it(storage, tmp_path):
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    assert set(repo.checked_stamps()) == {s.id for s in COOPS.surveys}  # an import stamps what it adds
    manifest, drafts = export_package(repo, tmp_path / "p.cacao.zip")
    assert drafts == [] and manifest["surveys"] == len(COOPS.surveys)
    with zipfile.ZipFile(tmp_path / "p.cacao.zip") as zf:
        text = zf.read("campaigns/001.json")
    for survey in COOPS.surveys:  # the stored sections' very bytes
        for section, raw, _ in _sections(repo, survey.id):
            assert (raw[1:-1] if section == "meta" else b'"%s":%s' % (section.encode(), raw)) in text
    incoming = read_incoming(tmp_path / "p.cacao.zip")
    assert sorted((s for c in incoming.campaigns for s in c.surveys), key=lambda s: s.id) == \
        sorted(COOPS.surveys, key=lambda s: s.id)


def test_a_stale_stamp_is_not_trusted(storage, tmp_path):
    """A section changed without a new stamp (here: made invalid) is validated at export: a draft, not shipped."""
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    husk = repo.document(FIRST.id)["husk"]
    stamp = _stamp(repo, FIRST.id)
    _set_content(repo, FIRST.id, "husk", {**husk, "shares": {"composted": 0.5}})
    assert _stamp(repo, FIRST.id) == stamp  # still there, no longer matching
    _, drafts = export_package(repo, tmp_path / "p.cacao.zip")
    assert drafts == [FIRST.id]
    assert FIRST.id not in _exported(tmp_path / "p.cacao.zip")


def test_a_stamp_for_other_rules_is_not_trusted(storage, tmp_path, monkeypatch):
    """Another model's stamp (its fingerprint differs) is no proof: the survey is validated again."""
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    _set_content(repo, FIRST.id, "husk", {**repo.document(FIRST.id)["husk"], "shares": {"composted": 0.5}})
    repo.conn.execute("UPDATE surveys SET checked = ? WHERE id = ?",
                      (stamps.digest(FIRST.id, _sections(repo, FIRST.id)), FIRST.id))  # as an older model wrote it
    monkeypatch.setattr(stamps, "model_fingerprint", lambda: "another model")
    _, drafts = export_package(repo, tmp_path / "p.cacao.zip")
    assert drafts == [FIRST.id]


def test_a_damaged_section_is_refused_whatever_its_stamp(storage, tmp_path):
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    assert _stamp(repo, FIRST.id) is not None
    repo.conn.execute("UPDATE survey_sections SET content = replace(content, 'a', 'b') WHERE survey_id = ? AND"
                      " section = 'general'", (FIRST.id,))
    with pytest.raises(StorageError) as info:
        export_package(repo, tmp_path / "p.cacao.zip")
    assert info.value.code == "damaged_section" and "general" in info.value.message_es
    assert not (tmp_path / "p.cacao.zip").exists()


def test_a_line_the_importer_would_refuse_does_not_pass():
    sections = [(name, canonical_json(content).encode(), "x")
                for name, content in split_sections(FIRST.model_dump(mode="json")).items()]
    assert stamps.passes(stamps.line(FIRST.id, sections))

    def with_meta(raw: bytes) -> list:
        return [(n, raw if n == "meta" else r, c) for n, r, c in sections]

    assert not stamps.passes(stamps.line(FIRST.id, with_meta(b'{"unit":"farm","id":"x"}')))  # "id" twice
    assert not stamps.passes(stamps.line(FIRST.id, with_meta(b'{"unit":"farm","notes":NaN}')))
    assert not stamps.passes(stamps.line(FIRST.id, with_meta(b"[1]")))
    assert stamps.passes(stamps.line(FIRST.id, with_meta(b"{ }")))


def test_the_model_fingerprint_is_the_same_in_another_process():
    """Otherwise no stamp would ever match after a restart (pydantic's schema names classes by their id())."""
    here = stamps.model_fingerprint()
    there = subprocess.run([sys.executable, "-c", "from cocoa_desktop.storage.stamps import model_fingerprint as f;"
                            "print(f())"], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "123", "PATH": ""}).stdout.strip()
    assert here == there and len(here) == 32


def test_campaign_file_is_the_campaign_file_survey_io_writes():
    lines = [json.dumps(s.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")).encode()
             for s in COOPS.surveys]
    assert packages.campaign_file(COOPS, lines) == survey_io.dumps(COOPS).encode()


def test_stamp_all_stamps_what_an_older_folder_holds(storage):
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    repo.conn.execute("UPDATE surveys SET checked = NULL")
    assert stamps.stamp_all(repo) == len(COOPS.surveys)
    assert all(_stamp(repo, s.id) == _fresh(repo, s.id) for s in COOPS.surveys)


def _old_folder(data_folder, version):
    """A data folder left at schema ``version`` holding one complete survey, written as that schema did."""
    data_folder.mkdir(parents=True)
    conn = sqlite3.connect(database_path(data_folder), isolation_level=None)
    conn.create_function("cocoa_checksum", 3, section_checksum)  # as the app's connection has it
    migrate(conn, target=version)
    conn.execute("INSERT INTO campaigns(name, year) VALUES ('Campaña 2020', 2020)")
    conn.execute("INSERT INTO organisations(name) VALUES (?)", (FIRST.general.organisation,))
    conn.execute("INSERT INTO surveys(id, campaign_id, organisation_id, unit, created_at, updated_at, completed_at)"
                 " VALUES (?, 1, 1, 'cooperative', 't', 't', 't')", (FIRST.id,))
    for section, content in split_sections(FIRST.model_dump(mode="json")).items():
        text = canonical_json(content)
        if version >= 3:
            conn.execute("INSERT INTO survey_sections(survey_id, section, content, updated_at, checksum)"
                         " VALUES (?, ?, ?, 't', ?)", (FIRST.id, section, text, section_checksum(FIRST.id, section,
                                                                                                text)))
        else:
            conn.execute("INSERT INTO survey_sections VALUES (?, ?, ?, 't')", (FIRST.id, section, text))
    conn.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_migration_to_stamps_from_every_older_schema(data_folder, tmp_path, version):
    assert len(MIGRATIONS) == SCHEMA_VERSION >= 7
    _old_folder(data_folder, version)
    with open_storage() as storage:
        repo = storage.repo
        assert storage.report.migrated == list(range(version + 1, SCHEMA_VERSION + 1))
        assert _stamp(repo, FIRST.id) is None  # nothing stamped by the migration: validated at export
        _, drafts = export_package(repo, tmp_path / "a.cacao.zip")
        assert drafts == [] and _exported(tmp_path / "a.cacao.zip")[FIRST.id] == FIRST
        doc = repo.document(FIRST.id)
        repo.save_section(FIRST.id, "meta", {"unit": doc["unit"], "notes": "revisada"})
        assert _stamp(repo, FIRST.id) == _fresh(repo, FIRST.id) is not None
        export_package(repo, tmp_path / "b.cacao.zip")
        assert _exported(tmp_path / "b.cacao.zip")[FIRST.id].notes == "revisada"


def test_an_update_and_a_resolution_are_stamped_again(storage, tmp_path):
    """Sections taken from another laptop, and a conflict resolved either way: the stamp follows the content."""
    from cocoa_desktop.storage.sync import open_conflicts, resolve_conflict

    ours = storage.repo
    import_campaigns(ours, [COOPS], "coops.json")
    export_package(ours, tmp_path / "start.cacao.zip")
    with open_storage(tmp_path / "other") as other:
        import_campaigns(other.repo, read_incoming(tmp_path / "start.cacao.zip"), "start")
        general = other.repo.document(FIRST.id)["general"]
        other.repo.save_section(FIRST.id, "general", {**general, "technician": "Rosa"})
        export_package(other.repo, tmp_path / "newer.cacao.zip")
    import_campaigns(ours, read_incoming(tmp_path / "newer.cacao.zip"), "newer")  # theirs is newer: taken
    assert ours.document(FIRST.id)["general"]["technician"] == "Rosa"
    assert _stamp(ours, FIRST.id) == _fresh(ours, FIRST.id) is not None
    for keep in ("theirs", "mine"):
        with open_storage(tmp_path / f"third-{keep}") as third:
            import_campaigns(third.repo, read_incoming(tmp_path / "start.cacao.zip"), "start")
            general = third.repo.document(FIRST.id)["general"]
            third.repo.save_section(FIRST.id, "general", {**general, "technician": f"Juan {keep}"})
            export_package(third.repo, tmp_path / f"{keep}.cacao.zip")
        import_campaigns(ours, read_incoming(tmp_path / f"{keep}.cacao.zip"), keep)  # concurrent: a conflict
        resolve_conflict(ours, open_conflicts(ours, FIRST.id)[0]["id"], keep)
        assert _stamp(ours, FIRST.id) == _fresh(ours, FIRST.id) is not None
    assert ours.document(FIRST.id)["general"]["technician"] == "Juan theirs"
