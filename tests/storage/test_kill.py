"""SIGKILL a process that is saving sections, at random moments, 20 times: no acknowledged save is lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cocoa_desktop.storage.database import integrity_ok
from cocoa_desktop.storage.paths import database_path
from cocoa_desktop.storage.startup import open_storage

KILLS = 20
SURVEYS = 5


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_while_saving_loses_no_acknowledged_save(data_folder):
    with open_storage() as storage:
        campaign = storage.repo.ensure_campaign("2024", 2024)
        ids = [storage.repo.add_survey({"unit": "farm", "general": {"organisation": "Coop"}}, campaign)
               for _ in range(SURVEYS)]
    rng = random.Random(20261122)
    worker = Path(__file__).with_name("save_loop.py")
    total_acks = 0
    for attempt in range(KILLS):
        child = subprocess.Popen([sys.executable, str(worker), *ids], stdout=subprocess.PIPE,
                                 env={**os.environ}, text=True)
        assert child.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.01, 0.4))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        acks = [int(line.split()[1]) for line in out.splitlines(keepends=True)
                if line.startswith("ACK ") and line.endswith("\n")]
        total_acks += len(acks)
        with open_storage() as storage:
            for index, survey_id in enumerate(ids):
                mine = [n for n in acks if n % SURVEYS == index]
                if mine:
                    stored = int(storage.repo.document(survey_id)["notes"])
                    # the last acknowledged value, or the one saved after it that committed before the kill
                    assert stored in (mine[-1], mine[-1] + SURVEYS), (attempt, survey_id, stored, mine[-1])
        assert integrity_ok(database_path(data_folder))[0], attempt
    assert total_acks > KILLS  # the kills really landed while saving
