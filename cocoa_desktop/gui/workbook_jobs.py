"""Excel export and import from the app, off the GUI thread, with a progress bar and a cancel button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cocoa_desktop.gui.i18n import translate


class Job(QObject):
    """Runs ``work(progress, cancelled)`` in a thread; reports progress (0–100), the result or the error."""

    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[float, str], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancel_requested = False

    def run(self) -> None:
        from cocoa_desktop.engine.issues import SurveyValidationError
        from cocoa_desktop.storage.database import StorageError
        from cocoa_desktop.workbook.writer import Cancelled

        try:
            result = self.work(lambda f, what: self.progress.emit(int(f * 100), what), lambda: self.cancel_requested)
        except Cancelled:
            self.failed.emit(translate("jobs", "Cancelled: no file was written."))
        except SurveyValidationError as exc:
            self.failed.emit(exc.summary("es"))
        except (StorageError, OSError) as exc:
            self.failed.emit(str(exc))
        else:
            self.done.emit(result)


def run_with_progress(parent: QWidget, title: str, job: Job) -> QThread:
    """Start ``job`` in a QThread behind a modal progress dialog whose Cancel asks the job to stop."""
    dialog = QProgressDialog(title, translate("jobs", "Cancel"), 0, 100, parent)
    dialog.setObjectName("job_progress")
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(True)
    thread = QThread(parent)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.progress.connect(lambda value, what: (dialog.setValue(value), dialog.setLabelText(f"{title}\n{what}")))
    dialog.canceled.connect(lambda: setattr(job, "cancel_requested", True))
    for signal in (job.done, job.failed):
        signal.connect(lambda *_: (dialog.reset(), thread.quit()))
    thread.finished.connect(thread.deleteLater)
    thread.start()
    parent._jobs = [*getattr(parent, "_jobs", []), (thread, job, dialog)]  # keep them alive while running
    return thread


def export_job(item: Any, path: Path, factors: Any, lang: str) -> Job:
    from cocoa_desktop.workbook.export import export_workbook

    return Job(lambda progress, cancelled: export_workbook(item, path, factors, lang, progress, cancelled))


def import_job(path: Path) -> Job:
    from cocoa_desktop.workbook.reader import import_workbook

    return Job(lambda progress, cancelled: import_workbook(path))
