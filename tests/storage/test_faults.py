"""Storage faults a technician's laptop meets: each path that used to lose every survey, shown fixed.

Disk full is a real 4 MB tmpfs (root only: skipped elsewhere; `test_startup.py` also covers it with SQLite's
page limit), a lock is held by another connection, a read-only folder is seen by an unprivileged user.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import backups, good_backups
from cocoa_desktop.storage.database import StorageError, integrity_ok
from cocoa_desktop.storage.language import stored_language
from cocoa_desktop.storage.paths import ENV_VAR, backup_dir, database_path
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import import_campaigns, read_any

COOPS = example_path("san-martin-2020-cooperatives.json")
REGION = example_path("san-martin-2020-region.json")
CLI = [sys.executable, "-m", "cocoa_desktop"]


def _fill(folder: Path) -> None:
    """Add the shipped examples (11 surveys) and open the folder again so that backups hold them."""
    with open_storage(folder) as storage:
        for path in (COOPS, REGION):
            import_campaigns(storage.repo, read_any(path), str(path))
    open_storage(folder).close()


def _count(folder: Path) -> int:
    conn = sqlite3.connect(f"{database_path(folder).as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM surveys").fetchone()[0]
    finally:
        conn.close()


def _cli(*args: str, folder: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, ENV_VAR: str(folder), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([*CLI, *args], env=env, capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB filesystem (tmpfs), filled on demand to a few kB free."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill_disk(mount: Path, leave: int = 8 * 1024) -> Path:
    filler = mount / "filler.bin"
    free = shutil.disk_usage(mount).free
    with open(filler, "wb") as out, contextlib.suppress(OSError):
        out.write(b"\0" * max(0, free - leave))
    return filler


def test_disk_full_never_moves_a_healthy_database_aside(small_disk, tmp_path):
    folder = small_disk / "datos"
    _fill(folder)
    assert _count(folder) == 11
    filler = _fill_disk(small_disk)
    done = _cli("package", "import", str(COOPS), folder=folder)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "disco está lleno" in done.stderr
    assert not list(backup_dir(folder).glob("*.tmp")), "a half-written backup was left behind"
    assert not (folder / "damaged").exists() or not any((folder / "damaged").iterdir())
    assert integrity_ok(database_path(folder))[0] and _count(folder) == 11
    filler.unlink()  # space freed: everything is there, nothing was "restored"
    with open_storage(folder) as storage:
        assert storage.report.messages() == [] and not storage.read_only
        assert len(storage.repo.surveys()) == 11


def test_disk_full_at_start_up_opens_read_only_and_exports_to_a_usb_stick(small_disk, tmp_path):
    folder = small_disk / "datos"
    _fill(folder)
    _fill_disk(small_disk)
    usb = tmp_path / "usb" / "campo.cacao.zip"
    usb.parent.mkdir()
    done = _cli("package", "export", "-o", str(usb), folder=folder)
    assert done.returncode == 0, done.stderr
    assert "SOLO PARA CONSULTAR" in done.stderr and "Traceback" not in done.stderr
    assert len(read_any(usb)[0].surveys) + len(read_any(usb)[1].surveys) == 11
    assert not list(backup_dir(folder).glob("*.tmp"))
    with open_storage(folder) as storage:  # in-process too: read-only, and saving says why
        assert storage.read_only
        survey_id = storage.repo.surveys()[0].id
        with pytest.raises(StorageError) as info:
            storage.repo.save_section(survey_id, "meta", {"unit": "cooperative", "notes": "x"})
        assert info.value.code == "disk_full"


def test_a_locked_database_is_never_moved_aside(data_folder):
    _fill(data_folder)
    db = database_path(data_folder)
    before = db.read_bytes()
    other = sqlite3.connect(db, isolation_level=None)  # another program holding an exclusive lock
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as info:
            open_storage(data_folder, busy_timeout=0.2)
        assert info.value.code == "busy"
        assert "otro programa" in info.value.message_es
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not (data_folder / "damaged").exists()
    assert db.read_bytes() == before
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from is None and len(storage.repo.surveys()) == 11


def test_an_emptied_database_is_damage_and_the_backup_comes_back(data_folder):
    _fill(data_folder)
    database_path(data_folder).write_bytes(b"")  # 0 bytes: a power cut while the disk was full, say
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from is not None
        assert "estaba vacía" in storage.report.messages()[0]
        assert len(storage.repo.surveys()) == 11


def test_a_new_folder_with_a_zero_byte_file_and_no_backup_simply_starts(data_folder):
    data_folder.mkdir(parents=True)
    database_path(data_folder).write_bytes(b"")  # the first start was killed before anything was written
    with open_storage(data_folder) as storage:
        assert storage.repo.surveys() == [] and storage.report.restored_from is None


def test_a_zero_byte_backup_is_not_good_and_older_good_ones_are_used(data_folder):
    _fill(data_folder)
    good = backups.backups(backup_dir(data_folder))
    newest = backup_dir(data_folder) / "29991231T235959000000Z-startup.sqlite3"
    newest.write_bytes(b"")
    empty_db = backup_dir(data_folder) / "29991231T235958000000Z-daily.sqlite3"
    sqlite3.connect(empty_db).close()  # an empty database file: opens, passes the check, holds nothing
    assert good_backups.newest_good(backup_dir(data_folder)) == good[0]
    database_path(data_folder).write_bytes(b"not a database" * 300)
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from == good[0]
        assert len(storage.repo.surveys()) == 11


def _corrupt_inside_a_row(db: Path, needle: bytes, replacement: bytes) -> None:
    raw = bytearray(db.read_bytes())
    at = raw.find(needle)
    assert at >= 0, needle
    raw[at:at + len(replacement)] = replacement
    db.write_bytes(bytes(raw))


@pytest.mark.parametrize("replacement", [b"\xff\xfe\xfd\xfc", b"0.58"], ids=["bytes", "digit"])
def test_a_damaged_section_is_restored_from_the_newest_good_backup(data_folder, replacement):
    _fill(data_folder)
    with open_storage(data_folder) as storage:
        original = storage.repo.document("san-martin-2020-region")
    db = database_path(data_folder)
    _corrupt_inside_a_row(db, b'"composted":0.57497', b'"composted":' + replacement)
    assert integrity_ok(db)[0]  # SQLite's own check does not see it
    with open_storage(data_folder) as storage:
        said = " ".join(storage.report.messages())
        assert "«husk»" in said and "Región San Martín" in said and "se recuperó" in said
        assert storage.repo.document("san-martin-2020-region") == original
        assert len(storage.repo.surveys()) == 11
        assert storage.repo.history("san-martin-2020-region")[-1].origin.startswith("repaired:")


def test_a_damaged_section_without_a_good_copy_is_set_aside_and_the_rest_stays(data_folder):
    _fill(data_folder)
    shutil.rmtree(backup_dir(data_folder))
    db = database_path(data_folder)
    _corrupt_inside_a_row(db, b'"composted":0.57497', b'"composted":0.9')
    with open_storage(data_folder) as storage:
        said = " ".join(storage.report.messages("en"))
        assert "no backup holds a good copy" in said and "'husk'" in said
        doc = storage.repo.document("san-martin-2020-region")
        assert "husk" not in doc and doc["general"]["producers"] == 4809
        kept = storage.conn.execute("SELECT COUNT(*) FROM damaged_sections").fetchone()[0]
        assert kept == 1
        assert len(storage.repo.surveys()) == 11


def test_reading_a_section_damaged_after_start_up_is_an_error_naming_the_survey(storage):
    campaign = storage.repo.ensure_campaign("2019", 2019)
    survey_id = storage.repo.add_survey(survey_io.read(REGION).model_dump(mode="json"), campaign)
    storage.conn.execute("UPDATE survey_sections SET content = replace(content, '0.57497', '0.57') "
                         "WHERE section = 'husk'")
    with pytest.raises(StorageError) as info:
        storage.repo.document(survey_id)
    assert info.value.code == "damaged_section" and "Región San Martín" in info.value.message_es


@contextlib.contextmanager
def _read_only_folder(base: Path):
    """A data folder holding the examples, then made read-only: a read-only mount as root (root ignores file
    permissions), the folder's permissions otherwise."""
    mount = base / "ro"
    mount.mkdir()
    as_root = os.geteuid() == 0
    if as_root and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                                  capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs")
    folder = mount / "datos"
    try:
        _fill(folder)
        if as_root:
            subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        else:
            for path in (folder / "backups", folder):
                path.chmod(0o555)
        yield folder
    finally:
        if as_root:
            subprocess.run(["umount", "-l", str(mount)], check=False)
        else:
            for path in (folder, folder / "backups"):
                with contextlib.suppress(OSError):
                    path.chmod(0o755)


def test_a_read_only_data_folder_opens_for_viewing_and_export(tmp_path):
    with _read_only_folder(tmp_path) as folder:
        exported = _cli("package", "export", "-o", str(tmp_path / "x.cacao.zip"), folder=folder)
        assert exported.returncode == 0, exported.stderr
        assert "SOLO PARA CONSULTAR" in exported.stderr and "Traceback" not in exported.stderr
        assert len(read_any(tmp_path / "x.cacao.zip")) == 2
        refused = _cli("package", "import", str(COOPS), folder=folder)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert "solo lectura" in refused.stderr


@pytest.mark.parametrize("what", ["lock_is_folder", "data_is_file", "backups_is_file"])
def test_odd_paths_in_the_data_folder_get_a_message(tmp_path, what):
    folder = tmp_path / "datos"
    if what == "data_is_file":
        folder.write_text("x")
    else:
        _fill(folder)
        if what == "lock_is_folder":
            (folder / ".cocoa-desktop.lock").unlink()
            (folder / ".cocoa-desktop.lock").mkdir()
        else:
            shutil.rmtree(folder / "backups")
            (folder / "backups").write_text("x")
    done = _cli("package", "export", "-o", str(tmp_path / "x.cacao.zip"), folder=folder)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert str(folder) in done.stderr


def test_the_language_is_known_before_opening(data_folder):
    assert stored_language(data_folder) is None
    with open_storage(data_folder) as storage:
        storage.repo.set_setting("language", "en")
        assert stored_language(data_folder) == "en"  # readable while the app holds the folder
