"""The progress window of a long job goes when the job ends, fails or is cancelled (defect: an empty progress
window stayed on screen behind the message about the result, and came back after Cancel)."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QPushButton

from cocoa_desktop.gui.actions import jobs


class Cancelled(Exception):
    """Named as the work's own cancellations are (jobs reports them in words)."""


Cancelled.__module__ = "cocoa_desktop.tests"


def slow_work(fail: bool = False, steps: int = 8, pause: float = 0.1):
    """Work longer than the dialog's minimum duration (300 ms), reporting progress as it goes; like an import, it
    looks at the cancel flag only now and then."""

    def work(progress, cancelled):
        for step in range(steps):
            progress(step / steps, f"paso {step}")
            time.sleep(pause)
            if step % 4 == 3 and cancelled():
                raise Cancelled
        if fail:
            raise OSError("disco lleno")
        return "hecho"

    return work


def progress_windows(owner) -> list[QProgressDialog]:
    return [d for d in owner.findChildren(QProgressDialog) if shiboken6.isValid(d) and d.isVisible()]


def run(qtbot, work, cancel_after: float | None = None):
    owner = QMainWindow()
    qtbot.addWidget(owner)
    owner.show()
    job = jobs.Job(work, "es")
    seen_with_the_answer: list[list[QProgressDialog]] = []
    # what the app does with the answer (a message box, merging a workbook): the progress window is gone by then
    job.done.connect(lambda _: seen_with_the_answer.append(progress_windows(owner)))
    job.failed.connect(lambda _: seen_with_the_answer.append(progress_windows(owner)))
    jobs.run_with_progress(owner, "Importando encuestas", job)
    qtbot.waitUntil(lambda: bool(progress_windows(owner)), timeout=5000)  # a long job shows its progress
    if cancel_after is not None:
        qtbot.wait(int(cancel_after * 1000))
        job.dialog.findChild(QPushButton).click()  # Cancelar
        assert not progress_windows(owner)
        qtbot.wait(250)  # progress reported after Cancel, before the work looks at the flag
        assert not progress_windows(owner)
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    qtbot.wait(50)
    return owner, seen_with_the_answer


def test_the_progress_window_goes_before_the_result_is_shown(qtbot):
    owner, seen = run(qtbot, slow_work())
    assert seen == [[]]
    assert not progress_windows(owner)


def test_the_progress_window_goes_when_the_job_fails(qtbot):
    owner, seen = run(qtbot, slow_work(fail=True))
    assert seen == [[]]
    assert not progress_windows(owner)


def test_the_progress_window_goes_at_once_on_cancel_and_stays_away(qtbot):
    owner, seen = run(qtbot, slow_work(steps=16), cancel_after=0.1)
    assert seen == [[]]
    assert not progress_windows(owner)
