"""Issue 18, point 6: the data file deleted (or replaced) while the app is open.

SQLite keeps writing to the file it opened, so a save went to a file no longer in the data folder, was confirmed,
and was gone at the next start. Every write transaction now checks that the file at the database's path is still
the one that was opened (same device and inode); when it is not, the save is refused at once, saying so, and a
copy of everything confirmed until then is kept as a backup, so closing and reopening loses nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import backups
from cocoa_desktop.storage.database import StorageError
from cocoa_desktop.storage.paths import backup_dir, database_path
from cocoa_desktop.storage.startup import open_storage

REGION = example_path("san-martin-2020-region.json")


def _add(storage, name: str) -> str:
    campaign = storage.repo.ensure_campaign("2019", 2019)
    doc = survey_io.read(REGION).model_dump(mode="json")
    doc.pop("id", None)
    doc["general"]["organisation"] = name
    return storage.repo.add_survey(doc, campaign)


def _notes(folder: Path, survey_id: str) -> str | None:
    with open_storage(folder) as storage:
        return storage.repo.document(survey_id).get("notes")


def _gone(db: Path) -> None:
    """What a file manager does: the data file (and SQLite's side files) deleted."""
    for suffix in ("", "-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


@pytest.mark.parametrize("how", ["deleted", "only the database file deleted", "replaced", "folder moved"])
def test_a_save_after_the_file_went_is_refused_at_once(data_folder, tmp_path, how):
    storage = open_storage(data_folder)
    try:
        survey_id = _add(storage, "Coop Antigua")
        storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "guardado antes"})
        db = database_path(data_folder)
        if how == "deleted":
            _gone(db)
        elif how == "only the database file deleted":
            db.unlink()
        elif how == "replaced":  # an older copy put in its place (a new file at the same path)
            shutil.copyfile(db, tmp_path / "older.sqlite3")
            os.replace(tmp_path / "older.sqlite3", db)
        else:
            data_folder.rename(tmp_path / "moved")
        with pytest.raises(StorageError) as info:  # was: accepted, and gone at the next start
            storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "después"})
        assert info.value.code == "file_replaced"
        assert "borrado o reemplazado" in info.value.message_es and "NO se guardó" in info.value.message_es
        assert "deleted or replaced" in info.value.message_en and "close" in info.value.message_en.lower()
        with pytest.raises(StorageError):  # and every later write too, the same way
            storage.repo.set_setting("language", "en")
    finally:
        storage.close()


def test_closing_and_reopening_after_a_deletion_keeps_every_confirmed_save(data_folder):
    with open_storage(data_folder) as storage:
        survey_id = _add(storage, "Coop Antigua")
    storage = open_storage(data_folder)  # the start-up backup holds the survey without notes
    try:
        storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "confirmado"})
        _gone(database_path(data_folder))
        with pytest.raises(StorageError) as info:
            storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "rechazado"})
        assert "copia" in info.value.message_es
    finally:
        storage.close()
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from is not None
        assert any("se restauró" in m for m in storage.report.messages())
    assert _notes(data_folder, survey_id) == "confirmado"  # confirmed before the deletion: kept


def test_a_replaced_file_is_left_as_the_technician_put_it(data_folder, tmp_path):
    """Replaced on purpose (an older copy put back by hand): the copy is opened next time, and the saves of the
    session that was open are kept aside as a backup, not lost."""
    with open_storage(data_folder) as storage:
        survey_id = _add(storage, "Coop Antigua")
    older = tmp_path / "older.sqlite3"
    shutil.copyfile(database_path(data_folder), older)
    storage = open_storage(data_folder)
    try:
        storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "confirmado"})
        os.replace(older, database_path(data_folder))
        with pytest.raises(StorageError):
            storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "rechazado"})
    finally:
        storage.close()
    assert _notes(data_folder, survey_id) != "confirmado"  # the file put in place, untouched by the log
    kept = backups.backups(backup_dir(data_folder), "rescue")
    assert len(kept) == 1
    conn = sqlite3.connect(kept[0])
    try:
        assert "confirmado" in conn.execute("SELECT content FROM survey_sections WHERE section = 'meta'").fetchone()[0]
    finally:
        conn.close()


def test_saves_to_the_file_in_place_go_on_as_before(storage):
    survey_id = _add(storage, "Coop Antigua")
    for i in range(3):
        storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": f"nota {i}"})
    assert storage.repo.document(survey_id)["notes"] == "nota 2"
    assert not backups.backups(storage.backup_folder, "rescue")


KILLED_AFTER_THE_DELETION = """
import os, sys
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage.paths import database_path
from cocoa_desktop.storage.startup import open_storage

storage = open_storage()
campaign = storage.repo.ensure_campaign("2019", 2019)
for name in ("Coop B", "Coop C", "Coop D"):
    doc = survey_io.read(example_path("san-martin-2020-region.json")).model_dump(mode="json")
    doc.pop("id", None)
    doc["general"]["organisation"] = name
    storage.repo.add_survey(doc, campaign)
    if name == "Coop C":
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # what SQLite does now and then by itself
database_path(storage.folder).unlink()  # the data file deleted by hand; its log stays beside it
os._exit(9)  # the app killed (a power cut) before anything else was saved
"""


def test_a_log_left_by_a_deleted_file_is_never_replayed_into_the_restored_backup(data_folder):
    """The file deleted, then the app killed: SQLite's log of that file stays at the path and SQLite would apply
    it to the backup restored there (pages of another moment of the file: a mixed, possibly damaged database). It
    is set aside with the message; the backup is restored as it was checked."""
    with open_storage(data_folder) as storage:
        _add(storage, "Coop A")
    env = {**os.environ, "COCOA_DESKTOP_DATA_DIR": str(data_folder),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_DELETION], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    db = database_path(data_folder)
    assert not db.exists() and db.with_name(db.name + "-wal").stat().st_size > 0
    with open_storage(data_folder) as storage:
        restored = storage.report.restored_from
        assert restored is not None
        assert any("se restauró" in m for m in storage.report.messages())
        assert storage.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = {storage.repo.survey_name(row.id) for row in storage.repo.surveys()}
    backup = sqlite3.connect(restored)
    try:
        assert names == {r[0] for r in backup.execute("SELECT o.name FROM surveys s JOIN organisations o"
                                                         " ON o.id = s.organisation_id")}
    finally:
        backup.close()
    kept = list((data_folder / "damaged").glob("*-wal"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0


def test_a_disk_error_while_checking_is_a_message_not_a_deleted_file(storage, monkeypatch):
    """The file cannot be looked at (a disk error, a USB stick pulled): the save is not confirmed, the message says
    what the disk said, and nothing is copied, moved or taken for a deleted file."""
    import errno

    from cocoa_desktop.storage import database

    survey_id = _add(storage, "Coop Antigua")
    db = database_path(storage.folder)
    real_stat = os.stat

    def failing_stat(path, *args, **kwargs):
        if os.fspath(path) == str(db):
            raise OSError(errno.EIO, "Input/output error", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(database.os, "stat", failing_stat)
    with pytest.raises(StorageError) as info:
        storage.repo.save_section(survey_id, "meta", {"unit": "region", "notes": "x"})
    assert info.value.code == "os_error" and "Input/output error" in info.value.message_en
    monkeypatch.undo()
    assert not backups.backups(storage.backup_folder, "rescue") and db.exists()
    assert storage.repo.document(survey_id).get("notes") != "x"
