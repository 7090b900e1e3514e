"""Upkeep of the data folder off the GUI thread, each a :class:`~cocoa_desktop.gui.actions.jobs.Job` on a
connection of its own, as the footprints and the deferred checks (gui/app.py) are, stopped with the other jobs when
the app closes (``jobs.stop_all``); never on a folder open read-only or found damaged (their marker):

- :func:`restamp`: the surveys' stamps made current again after the survey model changed (storage/restamp.py),
  once the main window's first footprints are shown (start-up, the tree and the footprints never wait for it) and
  a large folder's deferred checks are done. A run cancelled (the app closing, the window replaced by one in another
  language) starts again with the next window and resumes where it stopped, as the next start does after the app
  was killed;
- :func:`fold_log`: a large write-ahead log, which an import leaves (database.log_kept), copied into the database
  file when the window shows the data again (``refresh``), so that no save of the GUI thread pays for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cocoa_desktop.gui.actions.jobs import Job
    from cocoa_desktop.gui.main.api import MainWindowApi


def survey_open(storage: Any, is_open: bool) -> None:
    """The main window says when a survey is open in the wizard: the re-stamp gives way meanwhile. An event of the
    storage's (shared by every window over it, read by the worker thread), not a window's attribute."""
    if is_open:
        _survey_open(storage).set()
    else:
        _survey_open(storage).clear()


def survey_is_open(storage: Any) -> Callable[[], bool]:
    """Whether a survey is open in the wizard of a window over ``storage``, asked from a worker thread (the
    re-stamp and the campaign view's terms give way meanwhile)."""
    return _survey_open(storage).is_set


def _survey_open(storage: Any) -> threading.Event:
    event = getattr(storage, "survey_open", None)
    if event is None:
        event = storage.survey_open = threading.Event()
    return event


def restamp(window: MainWindowApi) -> Job | None:
    """Start re-stamping the window's data folder, unless it runs or ran already for it (then None)."""
    storage = window.storage
    if getattr(storage, "folder", None) is None or getattr(storage, "read_only", True):
        return None
    storage.upkeep_window = window  # the newest window over the folder (a language switch replaces it)
    if getattr(storage, "restamp_job", None) is not None:
        return None
    checks = getattr(storage, "checks_job", None)  # gui/app.py: a large folder's integrity check, its backup
    if checks is not None and not checks.finished:
        storage.restamp_job = checks  # started once, when they end
        checks.ended.connect(lambda: _after_checks(storage))
        return None
    return _start(window, storage)


def _after_checks(storage: Any) -> None:
    """The deferred checks ended: the re-stamp starts for the newest window, if it is still shown (else the next
    window starts it when its footprints are shown)."""
    from shiboken6 import isValid

    storage.restamp_job = None
    window = getattr(storage, "upkeep_window", None)
    if window is not None and isValid(window) and window.isVisible():
        restamp(window)


def _start(window: MainWindowApi, storage: Any) -> Job:
    from cocoa_desktop.gui.actions import jobs
    from cocoa_desktop.storage import restamp as stamps
    from cocoa_desktop.storage.opened import CHECK_MARKER

    folder = storage.folder
    paused = survey_is_open(storage)  # it gives way while a survey is open in the wizard

    def work(progress: Any, cancelled: Any) -> int | None:  # in the worker thread: no widget touched
        # damage found by the deferred checks: the window stops writing, so does this
        return stamps.run(folder, lambda: cancelled() or (folder / CHECK_MARKER).exists(), paused=paused)

    job = jobs.Job(work, window.lang)
    storage.restamp_job = job

    def done(result: object) -> None:
        if result is None and storage.restamp_job is job:  # cancelled: the next window starts it again
            storage.restamp_job = None

    job.done.connect(done)
    # a stamp is a cache: its failure (a full disk) loses nothing, and is only said in the status bar
    job.failed.connect(lambda message: window.statusBar().showMessage(message))
    jobs.start(window, job)
    return job


def fold_log(window: MainWindowApi) -> Job | None:
    """Fold the large write-ahead log an import left into the database file in a worker thread; None when there
    is nothing to do (a look at a set, a ``stat``) or it is being done."""
    from cocoa_desktop.storage.database import fold_due
    from cocoa_desktop.storage.opened import CHECK_MARKER
    from cocoa_desktop.storage.paths import database_path

    storage = window.storage
    if getattr(storage, "folder", None) is None or getattr(storage, "read_only", True):
        return None
    path = database_path(storage.folder)
    running = getattr(storage, "fold_job", None)
    if (running is not None and not running.finished) or not fold_due(path) or (storage.folder / CHECK_MARKER).exists():
        return None
    from cocoa_desktop.gui.actions import jobs
    from cocoa_desktop.storage.database import fold_log as fold

    job = jobs.Job(lambda progress, cancelled: fold(path), window.lang)
    storage.fold_job = job
    # nothing lost when it fails (the log stays, as safe; the next checkpoint folds it in): the status bar says why
    job.failed.connect(lambda message: window.statusBar().showMessage(message))
    jobs.start(window, job)
    return job
