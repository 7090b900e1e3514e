"""A large data folder is used at once and checked just after, in a worker thread (storage/deferred_checks.py):
the same checks in the same order, the start-up backup only of sound data, damage said and repaired at the next
start as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import backups, deferred_checks, good_backups
from cocoa_desktop.storage.paths import backup_dir, database_path
from cocoa_desktop.storage.startup import CHECK_MARKER, open_storage
from cocoa_desktop.storage.sync import import_campaigns, read_any

REGION = example_path("san-martin-2020-region.json")
COOPS = example_path("san-martin-2020-cooperatives.json")


@pytest.fixture
def large(data_folder, monkeypatch) -> Path:
    """The examples, in a folder the app treats as large (every size is, here)."""
    with open_storage(data_folder) as storage:
        for path in (COOPS, REGION):
            import_campaigns(storage.repo, read_any(path), str(path))
    monkeypatch.setattr(deferred_checks, "DEFER_FROM_BYTES", 0)
    return data_folder


def _startup_backups(folder: Path) -> list[Path]:
    return backups.backups(backup_dir(folder), "startup")


def test_the_window_gets_the_data_first_and_the_backup_follows_the_checks(large):
    before = _startup_backups(large)
    with open_storage(large, defer_checks=True) as storage:
        assert storage.checks_pending
        assert len(storage.repo.surveys()) == 11
        assert _startup_backups(large) == before  # not yet: the checks come first
        outcome = deferred_checks.run(large)
        assert outcome is not None and not outcome.damaged
        assert outcome.backup in _startup_backups(large) and good_backups.is_good(outcome.backup)


def test_a_small_folder_is_checked_before_it_is_used(data_folder):
    with open_storage(data_folder) as storage:
        import_campaigns(storage.repo, read_any(REGION), str(REGION))
    with open_storage(data_folder, defer_checks=True) as storage:
        assert not storage.checks_pending


def test_cancelled_checks_take_no_backup(large):
    before = _startup_backups(large)
    with open_storage(large, defer_checks=True):
        assert deferred_checks.run(large, cancelled=lambda: True) is None
    assert _startup_backups(large) == before
    assert not (large / CHECK_MARKER).exists()


def test_damage_found_after_opening_is_said_backs_nothing_up_and_is_repaired_at_the_next_start(large):
    with open_storage(large) as storage:
        original = storage.repo.document("san-martin-2020-region")
    before = _startup_backups(large)
    with open_storage(large, defer_checks=True) as storage:
        storage.conn.execute("UPDATE survey_sections SET content = replace(content, '0.57497', '0.9') "
                             "WHERE survey_id = 'san-martin-2020-region' AND section = 'husk'")  # checksum kept
        outcome = deferred_checks.run(large)
    assert outcome is not None and outcome.damaged
    assert "SOLO PARA CONSULTAR" in outcome.message("es") and "READ-ONLY" in outcome.message("en")
    assert _startup_backups(large) == before  # the good copies are not rotated away by a damaged one
    assert (large / CHECK_MARKER).exists()
    with open_storage(large, defer_checks=True) as storage:  # marked: checked (and repaired) before it is used
        assert not storage.checks_pending
        assert storage.repo.document("san-martin-2020-region") == original
        assert "«husk»" in " ".join(storage.report.messages())
    assert not (large / CHECK_MARKER).exists()


def test_a_file_that_does_not_open_cleanly_takes_the_full_path(large):
    database_path(large).write_bytes(b"not a database" * 300)
    with open_storage(large, defer_checks=True) as storage:
        assert not storage.checks_pending
        assert storage.report.damaged_copy is not None  # set aside, as opening always did
