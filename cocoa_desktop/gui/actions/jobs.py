"""Long work (Excel export and import, packages, the main window's footprints) off the GUI thread, with a progress
bar and a cancel button.

The work runs in a worker object living in its own QThread. It never touches a widget: it only emits signals, and
those reach the :class:`Job` — a QObject of the GUI thread — through queued connections, so everything connected to
a Job's signals (status bar, message boxes, the progress dialog) runs in the GUI thread. Lambdas connected straight
to an object of the worker thread ran in the worker thread ("Timers cannot be started from another thread": defect
8).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from cocoa_desktop.engine.cancel import Cancelled
from cocoa_desktop.engine.progress import IsCancelled, Progress
from cocoa_desktop.gui.i18n import translate

Work = Callable[[Progress, IsCancelled], Any]  # work(progress, cancelled): see engine/progress.py
# A worker computing in Python holds the GIL; the GUI thread, back from each Qt call, waits for it up to the switch
# interval (5 ms by default), several times per key press: with 1 ms the tree stays responsive while a regional
# folder's footprints, a Monte Carlo or a scenario run.
SWITCH_INTERVAL_S = 0.001


class _Worker(QObject):
    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, lang: str) -> None:
        super().__init__()
        self.work = work
        self.lang = lang
        self.cancel_requested = False

    def _report(self, fraction: float, what: str = "", /) -> None:  # the work's Progress
        self.progress.emit(int(fraction * 100), what)

    @Slot()
    def run(self) -> None:
        from cocoa_desktop.engine.model.issues import SurveyValidationError
        from cocoa_desktop.storage.database import StorageError

        try:
            result = self.work(self._report, lambda: self.cancel_requested)
        except SurveyValidationError as exc:
            self.failed.emit(exc.summary(self.lang))
        except StorageError as exc:
            self.failed.emit(exc.message(self.lang))
        except OSError as exc:
            self.failed.emit(translate("jobs", "The file could not be read or written: %1").replace("%1", str(exc)))
        except Exception as exc:  # a thread must always report back, or its progress dialog never closes
            if isinstance(exc, Cancelled):
                self.failed.emit(translate("jobs", "Cancelled: no file was written."))
            else:
                traceback.print_exc(file=sys.stderr)  # for the developers; the user gets words
                self.failed.emit(translate("jobs", "Unexpected error (%1): nothing was changed.")
                                 .replace("%1", type(exc).__name__))
        else:
            self.done.emit(result)


class Job(QObject):
    """What the GUI connects to: progress (0–100, what is being done), the result, or the error in words; ``ended``
    comes first, either way (the progress dialog closes before a message about the result opens)."""

    progress = Signal(int, str)
    ended = Signal()
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, lang: str = "es") -> None:
        super().__init__()
        self.worker = _Worker(work, lang)
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.finished = False

    @property
    def cancel_requested(self) -> bool:
        return self.worker.cancel_requested

    @cancel_requested.setter
    def cancel_requested(self, value: bool) -> None:
        self.worker.cancel_requested = value

    def run(self) -> None:
        """Run in the calling thread (tests, small jobs)."""
        self.worker.run()

    @Slot(int, str)
    def _progress(self, value: int, what: str) -> None:
        self.progress.emit(value, what)

    @Slot(object)
    def _done(self, result: object) -> None:
        self.finished = True
        self.ended.emit()
        self.done.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.finished = True
        self.ended.emit()
        self.failed.emit(message)


_running: list[Job] = []  # every job whose thread has not finished (kept alive, and stopped on exit)


def start(parent: QObject, job: Job) -> QThread:
    """Run ``job`` in a new thread (no dialog); the thread ends and is deleted when the job does."""
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
    thread = QThread()
    job.worker.moveToThread(thread)
    thread.started.connect(job.worker.run)
    job.done.connect(thread.quit)
    job.failed.connect(thread.quit)
    job.thread = thread
    _running[:] = [j for j in _running if not j.finished]
    _running.append(job)
    thread.start()
    return thread


def stop_all(wait_ms: int = 10_000) -> None:
    """Ask every running job to stop and wait for its thread: Qt aborts the process when a QThread object is
    destroyed while its thread runs (the app closed while the main window's footprints were being computed)."""
    for job in list(_running):
        job.cancel_requested = True
        job.thread.quit()
    for job in list(_running):
        job.thread.wait(wait_ms)
    _running.clear()


def run_with_progress(parent: QWidget, title: str, job: Job) -> QThread:
    """Start ``job`` in a thread behind a progress dialog whose Cancel asks the job to stop. The dialog goes as
    soon as the job ends, fails or is cancelled: before the message about the result opens, before the GUI thread
    does what follows (merging an imported workbook), and a progress report arriving after Cancel does not bring it
    back (an empty progress window stayed on screen meanwhile)."""
    dialog = QProgressDialog(title, translate("jobs", "Cancel"), 0, 100, parent)
    dialog.setObjectName("job_progress")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(True)

    def show_progress(value: int, what: str) -> None:
        if not job.finished and not dialog.wasCanceled():
            dialog.setValue(value)
            dialog.setLabelText(f"{title}\n{what}")

    def close() -> None:
        dialog.reset()  # stops the timer that shows the dialog after its minimum duration
        dialog.hide()
        dialog.deleteLater()

    job.progress.connect(show_progress)
    dialog.canceled.connect(lambda: setattr(job, "cancel_requested", True))
    job.ended.connect(close)
    job.dialog = dialog
    return start(parent, job)


def export_job(item: Any, path: Any, factors: Any, lang: str, scenarios: Any = ()) -> Job:
    from cocoa_desktop.workbook.export import export_workbook

    return Job(lambda progress, cancelled: export_workbook(item, path, factors, lang, progress, cancelled,
                                                           scenarios), lang)


def import_job(path: Any, lang: str = "es") -> Job:
    from cocoa_desktop.workbook.reader import import_workbook

    return Job(lambda progress, cancelled: import_workbook(path), lang)
