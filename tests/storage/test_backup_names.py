"""Issue 18, point 5: recovery no longer trusts file names.

A backup is a file named ``<time>-<kind>.sqlite3`` (``20261203T094010123456Z-daily.sqlite3``); anything else in
``backups/`` (a copy a technician made by hand) is left alone: never restored, never rotated away, never a crash.
Candidates for a restore are ordered by the time in their names and checked before use; a restore is always said.
A daily backup dated in the future (the laptop's clock was once wrong) does not stop the daily backups.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import backups
from cocoa_desktop.storage.database import StorageError
from cocoa_desktop.storage.paths import ENV_VAR, backup_dir, database_path
from cocoa_desktop.storage.startup import open_storage

REGION = example_path("san-martin-2020-region.json")


def _add_survey(folder: Path, name: str) -> None:
    with open_storage(folder) as storage:
        campaign = storage.repo.ensure_campaign("2019", 2019)
        doc = survey_io.read(REGION).model_dump(mode="json")
        doc["general"]["organisation"] = name
        doc.pop("id", None)
        storage.repo.add_survey(doc, campaign)


def _names(folder: Path) -> set[str]:
    conn = sqlite3.connect(f"{database_path(folder).as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT o.name FROM surveys s JOIN organisations o"
                                           " ON o.id = s.organisation_id")}
    finally:
        conn.close()


def _copy_of_the_database(folder: Path, target: Path) -> None:
    """What a technician does by hand: a consistent copy of the data file, named as they like."""
    source = sqlite3.connect(database_path(folder))
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()


def _damage(folder: Path) -> None:
    database_path(folder).write_bytes(b"not a database" * 300)


@pytest.mark.parametrize("name", ["copia.sqlite3", "copia-startup.sqlite3", "mi copia-daily.sqlite3",
                                  "20261203T094010Z-daily.sqlite3", "20261203T094010123456Z-daily (1).sqlite3"])
def test_a_hand_made_copy_with_another_name_is_ignored_never_restored(data_folder, name):
    _add_survey(data_folder, "Coop Antigua")
    hand_made = backup_dir(data_folder) / name
    _copy_of_the_database(data_folder, hand_made)  # an old copy: it lacks the survey added next
    _add_survey(data_folder, "Coop Nueva")
    open_storage(data_folder).close()  # a start-up backup holds both surveys
    _damage(data_folder)
    with open_storage(data_folder) as storage:  # was: exit 70 (ValueError), after restoring the hand-made copy
        assert storage.report.restored_from is not None and storage.report.restored_from != hand_made
        assert backups.taken_at(storage.report.restored_from)  # a real backup
        assert any("se restauró la copia de seguridad" in m for m in storage.report.messages())
        assert any("was restored" in m for m in storage.report.messages("en"))
    assert _names(data_folder) == {"Coop Antigua", "Coop Nueva"}
    assert hand_made.exists(), "the technician's own file is left where it was"
    with open_storage(data_folder) as storage:  # and the next start opens the same data, nothing to say
        assert storage.report.messages() == [] and storage.report.restored_from is None
    assert _names(data_folder) == {"Coop Antigua", "Coop Nueva"}


def test_hand_made_copies_do_not_disturb_a_normal_start_nor_rotation(data_folder):
    _add_survey(data_folder, "Coop Antigua")
    folder = backup_dir(data_folder)
    odd = [folder / n for n in ("aaa-startup.sqlite3", "zzz-daily.sqlite3", "copia.sqlite3")]
    for path in odd:
        _copy_of_the_database(data_folder, path)
    for _ in range(backups.KEEP["startup"] + 2):
        with open_storage(data_folder) as storage:
            assert storage.report.messages() == []
    assert all(path.exists() for path in odd), "rotation removed a file that is not one of its backups"
    assert len(backups.backups(folder, "startup")) == backups.KEEP["startup"]
    assert not set(odd) & set(backups.backups(folder))


def test_the_restore_candidates_are_ordered_by_time_and_checked(data_folder):
    _add_survey(data_folder, "Coop Antigua")
    open_storage(data_folder).close()
    folder = backup_dir(data_folder)
    real = backups.backups(folder)[0]
    # names whose order as text is not their order in time: 10.1 s, then 10.12 s, then 10.123456 s
    base = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y%m%dT%H%M10")
    oldest, middle, newest = (folder / f"{base}{frac}Z-manual.sqlite3" for frac in ("1", "12", "123456"))
    for path in (oldest, middle, newest):
        shutil.copyfile(real, path)
    for other in set(backups.backups(folder)) - {oldest, middle, newest}:
        other.unlink()
    assert backups.backups(folder) == [newest, middle, oldest]
    assert sorted([newest, middle, oldest], key=lambda p: p.name, reverse=True) != [newest, middle, oldest]
    newest.write_bytes(newest.read_bytes()[:4096])  # the newest is damaged: the next one in time is used
    _damage(data_folder)
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from == middle
        assert storage.report.messages()
    assert _names(data_folder) == {"Coop Antigua"}


def test_a_damaged_newest_backup_is_passed_over_for_a_good_older_one(data_folder):
    _add_survey(data_folder, "Coop Antigua")
    open_storage(data_folder).close()
    folder = backup_dir(data_folder)
    good = backups.backups(folder)[0]
    bad = folder / (backups.taken_at(good) + timedelta(hours=1)).strftime("%Y%m%dT%H%M%S%fZ-startup.sqlite3")
    raw = bytearray(good.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # a readable header, pages of garbage
    bad.write_bytes(bytes(raw))
    _damage(data_folder)
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from == good
    assert _names(data_folder) == {"Coop Antigua"}


def test_a_backup_dated_in_the_future_does_not_stop_the_daily_backups(data_folder):
    _add_survey(data_folder, "Coop Antigua")
    folder = backup_dir(data_folder)
    for old in backups.backups(folder, "daily"):
        old.unlink()
    future = folder / "20991231T235959000000Z-daily.sqlite3"  # taken once while the clock said 2099
    _copy_of_the_database(data_folder, future)
    assert backups.daily_due(folder), "a backup 'in the future' is not newer than now"
    open_storage(data_folder).close()
    made = [p for p in backups.backups(folder, "daily") if p != future]
    assert len(made) == 1 and backups.taken_at(made[0]) <= datetime.now(UTC)
    assert future.exists(), "the odd backup is kept"
    assert not backups.daily_due(folder)
    assert backups.daily_due(folder, now=datetime.now(UTC) + timedelta(days=1, minutes=1))


def test_a_backup_dated_in_the_future_is_not_taken_for_the_newest(data_folder):
    """Its time cannot be true: a backup taken after the clock was put right holds newer data."""
    _add_survey(data_folder, "Coop Antigua")
    folder = backup_dir(data_folder)
    future = folder / "20991231T235959000000Z-startup.sqlite3"
    _copy_of_the_database(data_folder, future)
    _add_survey(data_folder, "Coop Nueva")
    open_storage(data_folder).close()
    assert backups.backups(folder)[-1] == future
    _damage(data_folder)
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from != future
        assert any("se restauró" in m for m in storage.report.messages())
    assert _names(data_folder) == {"Coop Antigua", "Coop Nueva"}


def test_only_a_hand_made_copy_means_no_good_backup(data_folder):
    """With no real backup, a hand-made file is not restored either: an empty database starts, the damaged file
    is kept, and both are said."""
    _add_survey(data_folder, "Coop Antigua")
    folder = backup_dir(data_folder)
    _copy_of_the_database(data_folder, folder / "copia.sqlite3")
    for old in backups.backups(folder):
        old.unlink()
    _damage(data_folder)
    with open_storage(data_folder) as storage:
        assert storage.report.restored_from is None and storage.report.damaged_copy.exists()
        assert "no hay copias de seguridad sanas" in storage.report.messages()[0]
    assert (folder / "copia.sqlite3").exists()


def test_a_restore_is_said_even_when_opening_then_fails(data_folder):
    """The newest good backup was made by a newer app: it is restored, then refused untouched — and the message
    says both, so the technician knows the damaged file was set aside and what is in its place."""
    _add_survey(data_folder, "Coop Antigua")
    folder = backup_dir(data_folder)
    for old in backups.backups(folder):
        old.unlink()
    newer = folder / (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y%m%dT%H%M%S%fZ-startup.sqlite3")
    _copy_of_the_database(data_folder, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    _damage(data_folder)
    with pytest.raises(StorageError) as info:
        open_storage(data_folder)
    assert info.value.code == "newer_schema"
    assert "se restauró la copia de seguridad" in info.value.message_es and "esquema 99" in info.value.message_es
    assert "was restored" in info.value.message_en


def test_the_command_line_restores_the_real_backup_and_says_so(data_folder, tmp_path):
    """Was exit 70 with a traceback (the GUI stuck on "Abriendo los datos…"), the hand-made copy restored."""
    _add_survey(data_folder, "Coop Antigua")
    _copy_of_the_database(data_folder, backup_dir(data_folder) / "copia.sqlite3")
    _add_survey(data_folder, "Coop Nueva")
    open_storage(data_folder).close()
    _damage(data_folder)
    env = {**os.environ, ENV_VAR: str(data_folder), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "cocoa_desktop", "package", "export", "-o",
                           str(tmp_path / "campo.cacao.zip")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "se restauró la copia de seguridad" in done.stderr
    assert _names(data_folder) == {"Coop Antigua", "Coop Nueva"}
