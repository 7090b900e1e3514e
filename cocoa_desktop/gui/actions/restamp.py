"""The surveys' stamps made current again off the GUI thread after the survey model changed (storage/restamp.py),
started once the main window's first footprints are shown: start-up, the tree and the footprints never wait for it.

A :class:`~cocoa_desktop.gui.actions.jobs.Job` on a connection of its own, as the footprints and the deferred checks
(gui/app.py) are: stopped with the other jobs when the app closes (``jobs.stop_all``), after the deferred checks of
a large folder when they are still running, never on a folder open read-only or found damaged (their marker). A run
cancelled (the app closing, the window replaced by one in another language) starts again with the next window and
resumes where it stopped, as the next start does after the app was killed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cocoa_desktop.gui.actions.jobs import Job
    from cocoa_desktop.gui.main.api import MainWindowApi


def start(window: MainWindowApi) -> Job | None:
    """Start re-stamping the window's data folder, unless it runs or ran already for it (then None)."""
    storage = window.storage
    if storage is None or storage.read_only or getattr(storage, "restamp_job", None) is not None:
        return None
    checks = getattr(storage, "checks_job", None)  # gui/app.py: a large folder's integrity check, its backup
    if checks is not None and not checks.finished:
        storage.restamp_job = checks  # started once, when they end
        checks.ended.connect(lambda: _after_checks(window, storage))
        return None
    return _start(window, storage)


def _after_checks(window: MainWindowApi, storage: Any) -> None:
    storage.restamp_job = None
    start(window)


def _start(window: MainWindowApi, storage: Any) -> Job:
    from cocoa_desktop.gui.actions import jobs
    from cocoa_desktop.storage import restamp
    from cocoa_desktop.storage.opened import CHECK_MARKER

    folder = storage.folder

    def work(progress: Any, cancelled: Any) -> int | None:  # in the worker thread: no widget touched
        # damage found by the deferred checks: the window stops writing, so does this
        return restamp.run(folder, lambda: cancelled() or (folder / CHECK_MARKER).exists())

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
