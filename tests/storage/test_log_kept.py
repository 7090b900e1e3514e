"""An import leaves its write-ahead log for a checkpoint after it returns (database.log_kept), then folded into the
file off the GUI thread (database.fold_log): nothing lost meanwhile, even when the process is killed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cocoa_desktop.storage import database
from cocoa_desktop.storage.database import fold_due, fold_log, log_bytes
from cocoa_desktop.storage.paths import database_path
from cocoa_desktop.storage.sync import import_campaigns
from tests.helpers import generated_surveys

SURVEYS = generated_surveys(60, seed=11)
ROOT = Path(__file__).resolve().parents[2]


def _campaign():
    from cocoa_desktop.engine.model.survey import Campaign

    return Campaign(name="Campaña 2024", year=2024, surveys=SURVEYS)


def test_an_import_leaves_its_log_and_fold_log_copies_it_into_the_file(storage, monkeypatch):
    monkeypatch.setattr(database, "LARGE_LOG_BYTES", 1)
    path = database_path(storage.folder)
    assert not fold_due(path)
    autocheckpoint = storage.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    file_before, log_before = path.stat().st_size, log_bytes(path)
    report = import_campaigns(storage.repo, [_campaign()], "p.json")
    assert report.added == len(SURVEYS)
    assert path.stat().st_size == file_before and log_bytes(path) > log_before  # in the log only
    assert storage.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == autocheckpoint  # as it was
    assert fold_due(path)
    assert fold_log(path) and not fold_due(path)
    assert path.stat().st_size > file_before  # the surveys' pages now in the file
    assert len(storage.repo.surveys()) == len(SURVEYS)


KILL_AFTER_IMPORT = """
import os, sys
from pathlib import Path
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import import_campaigns
from tests.helpers import generated_surveys
storage = open_storage(Path(sys.argv[1]))
import_campaigns(storage.repo, [Campaign(name="Campaña 2024", year=2024, surveys=generated_surveys(40, seed=12))],
                 "p.json")
os._exit(9)  # killed before any checkpoint: the import is in the log only
"""


def test_an_import_killed_before_its_checkpoint_is_all_there_at_the_next_start(tmp_path):
    from cocoa_desktop.storage.startup import open_storage

    folder = tmp_path / "datos"
    done = subprocess.run([sys.executable, "-c", KILL_AFTER_IMPORT, str(folder)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 9, done.stderr
    assert log_bytes(database_path(folder)) > 0
    with open_storage(folder) as storage:
        assert len(storage.repo.surveys()) == 40
        assert storage.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
