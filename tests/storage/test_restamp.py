"""Stamps of an older survey model made current again (storage/restamp.py): in chunks on a connection of its own,
resumed where a cancel or a killed process left it, never writing a stamp for sections saved meanwhile; after it,
an export ships the surveys without validating them again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import restamp, stamps
from cocoa_desktop.storage.database import section_checksum
from cocoa_desktop.storage.documents import canonical_json
from cocoa_desktop.storage.model_upgrade import SETTING as MODEL_SETTING
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import export_package

COOPS = survey_io.read(example_path("san-martin-2020-cooperatives.json"))


def _all_stamps(repo):
    return dict(repo.conn.execute("SELECT id, checked FROM surveys").fetchall())


def _current(repo, survey_id):
    """The stamp the survey must hold under the running model (None: not valid)."""
    return stamps.checked(repo.foreign_ids().get(survey_id, survey_id), next(repo.stored_sections([survey_id]))[1])


def _doc(number):
    """One of the examples under an id of its own."""
    doc = COOPS.surveys[number % len(COOPS.surveys)].model_dump(mode="json")
    doc.pop("id", None)
    return doc


def _older_model(monkeypatch, repo, count=12):
    """``count`` completed surveys and a draft, stamped under another model's fingerprint: every stamp stale."""
    campaign = repo.ensure_campaign("Campaña 2020", 2020)
    with monkeypatch.context() as patch:
        patch.setattr(stamps, "model_fingerprint", lambda: "an older model")
        ids = [repo.add_survey(_doc(i), campaign, completed=True) for i in range(count)]
        draft = repo.add_survey({"general": {"organisation": "Coop"}}, campaign)
        repo.set_setting(restamp.SETTING, stamps.model_fingerprint())
    assert restamp.needed(repo.conn)
    assert all(_all_stamps(repo)[i] not in (None, _current(repo, i)) for i in ids)
    return ids, draft


def _counting_passes(monkeypatch):
    calls = []
    real = stamps.passes

    def passes(line):
        calls.append(line)
        return real(line)

    monkeypatch.setattr(stamps, "passes", passes)
    return calls


def test_stale_stamps_made_current_then_an_export_validates_nothing(storage, monkeypatch, tmp_path):
    repo = storage.repo
    ids, draft = _older_model(monkeypatch, repo)
    calls = _counting_passes(monkeypatch)
    export_package(repo, tmp_path / "before.cacao.zip")
    assert len(calls) == len(ids) + 1  # every stale stamp validated again, and the draft (never stamped)
    calls.clear()
    assert restamp.run(storage.folder) == len(ids)
    found = _all_stamps(repo)
    assert all(found[i] == _current(repo, i) is not None for i in ids)
    assert found[draft] is None  # a draft is stamped when completed, not here
    assert not restamp.needed(repo.conn) and repo.setting(restamp.CURSOR) is None
    calls.clear()
    export_package(repo, tmp_path / "after.cacao.zip")
    assert len(calls) == 1 and draft.encode() in calls[0]  # only the draft: the others shipped on their stamps
    assert restamp.run(storage.folder) == 0  # current: nothing read again


def test_a_folder_without_the_setting_is_scanned_once_reading_no_survey_already_current(storage, monkeypatch):
    repo = storage.repo
    campaign = repo.ensure_campaign("Campaña 2020", 2020)
    for survey in COOPS.surveys[:5]:
        repo.add_survey(survey.model_dump(mode="json"), campaign, completed=True)
    before = _all_stamps(repo)
    assert restamp.needed(repo.conn)
    calls = _counting_passes(monkeypatch)
    assert restamp.run(storage.folder) == 0 and calls == []
    assert _all_stamps(repo) == before and not restamp.needed(repo.conn)


def test_a_survey_that_no_longer_passes_loses_its_stale_stamp(storage, monkeypatch):
    repo = storage.repo
    ids, _ = _older_model(monkeypatch, repo, count=3)
    husk = repo.document(ids[1])["husk"]
    text = canonical_json({**husk, "shares": {"composted": 0.5}})  # the shares no longer sum to 1
    repo.conn.execute("UPDATE survey_sections SET content = ?, checksum = ? WHERE survey_id = ? AND section = 'husk'",
                      (text, section_checksum(ids[1], "husk", text), ids[1]))
    assert restamp.run(storage.folder) == 3
    found = _all_stamps(repo)
    assert found[ids[1]] is None and found[ids[0]] == _current(repo, ids[0]) is not None


def test_cancelled_it_resumes_after_the_last_chunk_committed(storage, monkeypatch):
    repo = storage.repo
    ids, _ = _older_model(monkeypatch, repo)
    monkeypatch.setattr(restamp, "CHUNK", 4)
    looks = []

    def cancelled():  # the app closes while the second chunk is under way
        looks.append(1)
        return len(looks) > 2

    assert restamp.run(storage.folder, cancelled) is None
    done = sorted(_all_stamps(repo))[:8]  # the first two chunks, in the order of the ids (the draft among them)
    assert repo.setting(restamp.CURSOR) == f"{stamps.model_fingerprint()} {done[-1]}"
    assert all(_all_stamps(repo)[i] == _current(repo, i) for i in done if i in ids)
    calls = _counting_passes(monkeypatch)
    assert restamp.run(storage.folder) == len([i for i in ids if i not in done])
    assert len(calls) == len([i for i in ids if i not in done])  # the chunks done were not validated again
    assert all(_all_stamps(repo)[i] == _current(repo, i) is not None for i in ids)


def test_a_page_saved_meanwhile_keeps_the_stamp_its_save_wrote(storage, monkeypatch):
    """The wizard saves a page of a survey (its own connection, its own stamp) while the re-stamp validates the
    sections it read before: the re-stamp's stamp, of the sections as they were, is not written over it, whether
    the saved content is valid (the save's stamp stays) or not (no stamp stays)."""
    repo = storage.repo
    ids, _ = _older_model(monkeypatch, repo, count=6)
    wizard = storage.worker_repository()  # the GUI thread's connection, as the wizard saves through it
    husk = wizard.document(ids[0])["husk"]
    real = stamps.passes
    saved = []

    def passes(line):
        if not saved:  # the first survey of the chunk is being validated: two pages saved meanwhile
            saved.append(1)
            wizard.save_section(ids[0], "husk", {**husk, "shares": {"composted": 0.5}})  # not valid now
            wizard.save_section(ids[1], "meta", {"unit": "cooperative", "notes": "revisado"})  # still valid
        return real(line)

    monkeypatch.setattr(stamps, "passes", passes)
    try:
        assert restamp.run(storage.folder) == 6
    finally:
        wizard.conn.close()
    found = _all_stamps(repo)
    assert found[ids[0]] is None  # never the stamp of the sections read before the save
    assert found[ids[1]] == _current(repo, ids[1]) is not None
    assert all(found[i] == _current(repo, i) is not None for i in ids[2:])


def test_a_model_upgrade_makes_the_stamps_stale(data_folder, monkeypatch):
    with open_storage() as storage:
        repo = storage.repo
        repo.add_survey(COOPS.surveys[0].model_dump(mode="json"), repo.ensure_campaign("C", 2020), completed=True)
        restamp.run(storage.folder)
        assert not restamp.needed(repo.conn)
        repo.set_setting(MODEL_SETTING, "0")  # as if written by an older model: the start-up upgrades it
    with open_storage() as storage:
        assert restamp.needed(storage.conn)


KILLED = """
import sys, time
from pathlib import Path
from cocoa_desktop.storage import restamp, stamps
restamp.CHUNK = 2
real = stamps.passes
def slow(line):
    time.sleep(0.05)
    return real(line)
stamps.passes = slow
restamp.run(Path(sys.argv[1]))
"""


def test_killed_half_way_the_next_run_finishes_from_where_it_stopped(storage, monkeypatch):
    repo = storage.repo
    ids, _ = _older_model(monkeypatch, repo, count=20)
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(storage.folder)],
                             env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    try:
        deadline = time.monotonic() + 60
        while repo.setting(restamp.CURSOR) is None and time.monotonic() < deadline:
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    reached = repo.setting(restamp.CURSOR)
    assert reached is not None and restamp.needed(repo.conn)
    left = [i for i in ids if i > reached.partition(" ")[2]]
    assert 0 < len(left) < len(ids)
    assert restamp.run(storage.folder) == len(left)  # the chunks committed before the kill: not validated again
    assert all(_all_stamps(repo)[i] == _current(repo, i) is not None for i in ids)
    assert repo.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_nothing_to_do_on_an_empty_folder(storage):
    assert restamp.run(storage.folder) == 0 and not restamp.needed(storage.conn)


def test_a_section_restored_from_a_backup_at_start_up_makes_the_stamps_stale(data_folder):
    """The start-up's repair writes sections without stamping them: the re-stamp looks at the folder again."""
    from cocoa_desktop.storage.paths import database_path
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    region = example_path("san-martin-2020-region.json")
    with open_storage(data_folder) as storage:
        import_campaigns(storage.repo, read_any(region), str(region))
        restamp.run(storage.folder)
        assert not restamp.needed(storage.conn)
    open_storage(data_folder).close()  # a start-up backup that holds it
    db = database_path(data_folder)
    raw = db.read_bytes()
    at = raw.find(b'"composted":0.57497')
    assert at >= 0
    db.write_bytes(raw[:at] + b'"composted":0.58' + raw[at + len(b'"composted":0.58'):])  # one section damaged
    with open_storage(data_folder) as storage:
        assert storage.report.repaired is not None and storage.report.repaired.restored
        assert restamp.needed(storage.conn)
        restamp.run(storage.folder)
        survey_id = storage.repo.surveys()[0].id
        assert _all_stamps(storage.repo)[survey_id] == _current(storage.repo, survey_id) is not None


def test_it_gives_way_while_paused_and_a_cancel_still_stops_it(storage, monkeypatch):
    """In the app it waits while a survey is open in the wizard (gui/actions/upkeep.py), and rests after each chunk."""
    repo = storage.repo
    ids, _ = _older_model(monkeypatch, repo)
    monkeypatch.setattr(restamp, "CHUNK", 4)
    monkeypatch.setattr(restamp, "PAUSE_LOOK", 0.001)
    stale = dict(_all_stamps(repo))
    asked = []

    def paused():  # the wizard stays open for the first five looks, then is closed
        asked.append(1)
        return len(asked) <= 5

    assert restamp.run(storage.folder, paused=paused) == len(ids)
    assert len(asked) >= 5 + 4  # five looks paused, then one before each of the four chunks (13 surveys)
    assert all(_all_stamps(repo)[i] == _current(repo, i) != stale[i] for i in ids)

    _, _ = _older_model(monkeypatch, repo, count=2)
    before = _all_stamps(repo)
    looks = []
    assert restamp.run(storage.folder, lambda: len(looks) > 3, paused=lambda: looks.append(1) is None) is None
    assert _all_stamps(repo) == before and restamp.needed(repo.conn)  # cancelled while paused: nothing written
