"""Opening the data folder: lock, corrupt database restored, disk full, migration, backups."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import backups
from cocoa_desktop.storage.database import StorageError, integrity_ok
from cocoa_desktop.storage.paths import backup_dir, database_path
from cocoa_desktop.storage.schema import MIGRATIONS, SCHEMA_VERSION, migrate
from cocoa_desktop.storage.startup import open_storage


def _add_region(storage) -> str:
    campaign = storage.repo.ensure_campaign("2019", 2019)
    doc = survey_io.read(example_path("san-martin-2020-region.json")).model_dump(mode="json")
    return storage.repo.add_survey(doc, campaign)


def test_second_copy_is_refused_politely(storage):
    with pytest.raises(StorageError) as info:
        open_storage()
    assert info.value.code == "already_running"
    assert "ya está abierta" in info.value.message_es


def test_lock_is_released_on_close(data_folder):
    open_storage().close()
    open_storage().close()


def test_corrupt_database_is_set_aside_and_the_newest_backup_restored(data_folder):
    with open_storage() as storage:
        kept = _add_region(storage)
    with open_storage() as storage:  # start-up backup now holds the survey
        storage.repo.save_section(kept, "meta", {"unit": "region", "notes": "después de la copia"})
    db = database_path(data_folder)
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\xff" * 3996  # overwrite the rest of the first page (the schema table)
    db.write_bytes(bytes(raw))
    assert not integrity_ok(db)[0]

    with open_storage() as storage:
        report = storage.report
        assert report.restored_from is not None and report.damaged_copy is not None
        assert report.damaged_copy.exists()
        assert "se restauró la copia de seguridad" in report.messages("es")[0]
        assert "may have been lost" in report.messages("en")[0]
        assert storage.repo.survey(kept).general.producers == 4809  # the survey is back
        assert integrity_ok(database_path(data_folder))[0]


def test_corrupt_database_without_backup_starts_empty_and_keeps_the_file(data_folder):
    data_folder.mkdir(parents=True)
    database_path(data_folder).write_bytes(b"this is not a database" * 100)
    with open_storage() as storage:
        assert storage.report.restored_from is None
        assert storage.report.damaged_copy.exists()
        assert "no hay copias de seguridad sanas" in storage.report.messages()[0]
        assert storage.repo.surveys() == []


def test_disk_full_gives_a_clear_error_and_loses_nothing(storage):
    survey_id = _add_region(storage)
    before = storage.repo.document(survey_id)
    pages = storage.conn.execute("PRAGMA page_count").fetchone()[0]
    storage.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StorageError) as info:
        storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "x" * 200_000})
    assert info.value.code == "disk_full"
    assert "disco está lleno" in info.value.message_es and "está a salvo" in info.value.message_es
    assert storage.repo.document(survey_id) == before
    assert integrity_ok(database_path(storage.folder))[0]


def test_migration_from_schema_1_keeps_data_and_takes_a_copy(data_folder):
    data_folder.mkdir(parents=True)
    db = database_path(data_folder)
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=1)
    conn.execute("INSERT INTO campaigns(name, year) VALUES ('2018', 2018)")
    conn.execute("INSERT INTO organisations(name) VALUES ('Coop Antigua')")
    conn.execute("INSERT INTO surveys(id, campaign_id, organisation_id, unit, created_at, updated_at)"
                 " VALUES ('s1', 1, 1, 'cooperative', 't', 't')")
    conn.execute("INSERT INTO survey_sections VALUES ('s1', 'general', '{\"organisation\": \"Coop Antigua\"}', 't')")
    conn.close()

    with open_storage() as storage:
        assert storage.report.migrated == list(range(2, SCHEMA_VERSION + 1))
        assert "esquema 1" in storage.report.messages()[0]
        assert storage.repo.document("s1")["general"]["organisation"] == "Coop Antigua"
        assert storage.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        copies = backups.backups(backup_dir(data_folder), "migration")
        assert len(copies) == 1
        old = sqlite3.connect(copies[0])
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        old.close()


def test_newer_schema_is_refused_and_untouched(data_folder):
    data_folder.mkdir(parents=True)
    db = database_path(data_folder)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorageError) as info:
        open_storage()
    assert info.value.code == "newer_schema"
    open_again = sqlite3.connect(db)
    assert open_again.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    open_again.close()


def test_backups_rotate_and_daily_is_due_after_a_day(data_folder):
    with open_storage() as storage:
        _add_region(storage)
    for _ in range(backups.KEEP["startup"] + 3):
        open_storage().close()
    folder = backup_dir(data_folder)
    assert len(backups.backups(folder, "startup")) == backups.KEEP["startup"]
    assert len(backups.backups(folder, "daily")) == 1
    assert not backups.daily_due(folder)
    assert backups.daily_due(folder, now=datetime.now(UTC) + timedelta(days=1, minutes=1))
    assert all(integrity_ok(p)[0] for p in backups.backups(folder))


def test_a_backups_time_is_read_from_its_name_and_other_names_are_refused():
    from pathlib import Path

    taken_at = backups.taken_at
    assert taken_at(Path("20261203T094010123456Z-daily.sqlite3")) == datetime(2026, 12, 3, 9, 40, 10, 123456, UTC)
    assert taken_at(Path("20261203T0940101Z-x.sqlite3")) == datetime(2026, 12, 3, 9, 40, 10, 100000, UTC)
    for name in ("copia.sqlite3", "20261303T094010123456Z-x", "2026120xT094010Z-x", "20261203T094010Z-x",
                 "20261203T094010123456-x"):
        with pytest.raises(ValueError):
            taken_at(Path(name))


def test_after_a_backup_is_restored_this_laptop_counts_its_edits_under_a_new_replica(data_folder):
    """The backup holds older version vectors: new edits must not reuse counts already sent to other laptops."""
    with open_storage() as storage:
        kept = _add_region(storage)
        before = storage.repo.replica
    with open_storage() as storage:
        assert storage.repo.replica == before  # an ordinary start keeps it
        storage.repo.save_section(kept, "meta", {"unit": "region", "notes": "después de la copia"})
    db = database_path(data_folder)
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\xff" * 3996
    db.write_bytes(bytes(raw))
    with open_storage() as storage:
        assert storage.report.restored_from is not None
        assert storage.repo.replica != before
        storage.repo.save_section(kept, "meta", {"unit": "region", "notes": "otra"})
        assert storage.repo.section_versions(kept)["meta"].get(storage.repo.replica) == 1
