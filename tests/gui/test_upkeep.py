"""The main window re-stamps a folder stamped by an older survey model (storage/restamp.py) off the GUI thread,
once its first footprints are shown; a window closing stops it and the next window resumes it. An import's
write-ahead log is folded into the file off the GUI thread. Counted calls, stored stamps and sizes, never timings."""

from __future__ import annotations

import threading
import time

from cocoa_desktop.gui.actions import jobs
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage import restamp, stamps
from cocoa_desktop.storage.database import transaction
from tests.helpers import generated_surveys


def _older_model(storage, monkeypatch, count=30):
    with monkeypatch.context() as patch, transaction(storage.conn):
        patch.setattr(stamps, "model_fingerprint", lambda: "an older model")
        campaign = storage.repo._campaign_id("Campaña 2024", 2024)
        for survey in generated_surveys(count, seed=5):
            storage.repo._insert(survey.model_dump(mode="json"), campaign, completed=True,
                                 checked_as=survey.id)
    assert restamp.needed(storage.conn)


def _current(storage):
    return all(stamp == stamps.checked(survey_id, sections) is not None for (survey_id, sections), stamp in
               ((item, storage.repo.checked_stamps().get(item[0])) for item in storage.repo.stored_sections()))


def test_the_window_restamps_after_its_footprints_and_in_its_own_thread(storage, qtbot, monkeypatch):
    _older_model(storage, monkeypatch)
    started = []
    real_run = restamp.run
    monkeypatch.setattr(restamp, "run", lambda *args, **kw: started.append(1) or real_run(*args, **kw))
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    assert getattr(storage, "restamp_job", None) is None  # nothing at start-up: the footprints come first
    qtbot.waitUntil(lambda: getattr(storage, "restamp_job", None) is not None, timeout=30_000)
    job = storage.restamp_job
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert started == [1] and _current(storage) and not restamp.needed(storage.conn)
    window.compute_footprints()  # a later computation does not start it again
    qtbot.waitUntil(lambda: window.footprint_job.finished, timeout=30_000)
    assert started == [1] and storage.restamp_job is job


def test_closing_the_window_stops_it_and_the_next_window_resumes(storage, qtbot, monkeypatch):
    _older_model(storage, monkeypatch)
    monkeypatch.setattr(restamp, "CHUNK", 5)
    real = stamps.passes
    reached, go_on = threading.Event(), threading.Event()

    def slow(line):  # in the worker thread: the window closes while the re-stamp is in its first chunk
        reached.set()
        go_on.wait(10)
        time.sleep(0.01)
        return real(line)

    monkeypatch.setattr(stamps, "passes", slow)
    first = MainWindow(storage, "es")
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    go_on.set()
    first.close()  # stop_jobs: the re-stamp stops at its next chunk
    job = storage.restamp_job
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)  # stopped (stop_jobs on close), not failed
    assert storage.restamp_job is None and restamp.needed(storage.conn)
    assert storage.repo.setting(restamp.CURSOR) is not None  # where it stopped: the next run resumes there
    second = MainWindow(storage, "es")  # e.g. the same folder in another language
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: getattr(storage, "restamp_job", None) is not None
                    and storage.restamp_job.finished, timeout=30_000)
    assert _current(storage) and not restamp.needed(storage.conn)
    jobs.stop_all()


def test_an_imports_log_is_folded_in_off_the_gui_thread_when_the_window_refreshes(storage, qtbot, monkeypatch):
    from cocoa_desktop.engine.model.survey import Campaign
    from cocoa_desktop.storage import database
    from cocoa_desktop.storage.paths import database_path
    from cocoa_desktop.storage.sync import import_campaigns

    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    assert getattr(storage, "fold_job", None) is None  # a small log: nothing to do
    path = database_path(storage.folder)
    size = path.stat().st_size
    worker = storage.worker_repository()  # an import, as the package action runs it
    try:
        import_campaigns(worker, [Campaign(name="Campaña 2024", year=2024, surveys=generated_surveys(30, seed=6))],
                         "p.json")
    finally:
        worker.conn.close()
    assert path.stat().st_size == size  # left in the log
    monkeypatch.setattr(database, "LARGE_LOG_BYTES", 1)
    window.refresh()  # what the import's report does
    job = storage.fold_job
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert path.stat().st_size > size  # folded into the file
    window.refresh()
    assert storage.fold_job is job  # folded: nothing more to do until the next import


def test_it_gives_way_while_a_survey_is_open_in_any_window_over_the_folder(storage, qtbot, monkeypatch):
    """The pause is the storage's (every window over the folder), not one window's: a survey opened in the next
    window pauses the re-stamp the first window's footprints started."""
    from cocoa_desktop.gui.actions import upkeep

    _older_model(storage, monkeypatch)
    looked = []
    real_run = restamp.run

    def run(folder, cancelled, paused=None, **kw):
        looked.append(paused)
        return real_run(folder, cancelled, paused=paused, **kw)

    monkeypatch.setattr(restamp, "run", run)
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: getattr(storage, "restamp_job", None) is not None and storage.restamp_job.finished,
                    timeout=30_000)
    paused = looked[0]
    assert not paused()
    survey_id = storage.repo.surveys()[0].id
    other = MainWindow(storage, "en")
    qtbot.addWidget(other)
    other.open_survey(survey_id)
    assert paused()  # the running job's own check sees the other window's wizard
    other.wizard.close_without_asking()
    qtbot.waitUntil(lambda: other.wizard is None, timeout=10_000)
    assert not paused()
    upkeep.survey_open(storage, False)
    jobs.stop_all()


def test_after_the_checks_it_starts_for_the_newest_window_still_shown(storage, qtbot, monkeypatch):
    """The deferred checks of a large folder end after the window that waited for them was replaced (a language
    switch): the re-stamp starts for the window now shown, never for the closed one."""
    from PySide6.QtCore import QObject, Signal

    from cocoa_desktop.gui.actions import upkeep

    class Checks(QObject):
        ended = Signal()
        finished = False

    _older_model(storage, monkeypatch)
    storage.checks_job = checks = Checks()
    started = []
    monkeypatch.setattr(upkeep, "_start", lambda window, storage: started.append(window))
    first = MainWindow(storage, "es")
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: getattr(storage, "restamp_job", None) is checks, timeout=30_000)  # waits for them
    first.close()
    second = MainWindow(storage, "en")
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.footprint_job is not None and second.footprint_job.finished, timeout=30_000)
    checks.finished = True
    checks.ended.emit()
    assert started == [second]
