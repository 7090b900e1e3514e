"""One computation at a time off the GUI thread (the Monte Carlo of a campaign, a large scenario), on top of
:mod:`cocoa_desktop.gui.actions.jobs` (whose threads are stopped when the app closes). Starting a new computation drops
the previous one: it is asked to stop at its next progress report and its late answer is ignored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from cocoa_desktop.engine.cancel import Cancelled
from cocoa_desktop.engine.progress import IsCancelled, Progress
from cocoa_desktop.gui.actions import jobs

__all__ = ["Background", "Cancelled", "Progress"]  # Cancelled (engine.cancel) is raised inside the work at its next
# progress report once the computation was dropped


class Background(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: jobs.Job | None = None
        self._jobs: list[jobs.Job] = []

    def start(self, work: Callable[[Progress], Any], lang: str) -> None:
        """Run ``work(progress)``; ``progress(fraction)`` (engine.progress) is what the work calls as it goes."""
        self.cancel()

        def run(progress: Progress, cancelled: IsCancelled) -> Any:
            def report(fraction: float, what: str = "", /) -> None:
                if cancelled():
                    raise Cancelled
                progress(fraction, what)

            return work(report)

        job = jobs.Job(run, lang)
        # Job lives in the GUI thread and re-emits its worker's signals there: these run in the GUI thread
        job.done.connect(lambda result: self._answer(job, self.done, result))
        job.failed.connect(lambda message: self._answer(job, self.failed, message))
        self._job = job
        self._jobs = [j for j in self._jobs if not j.finished] + [job]
        jobs.start(self, job)

    def _answer(self, job: jobs.Job, signal: Signal, value: object) -> None:
        if job is self._job:  # a dropped computation's late answer is ignored
            self._job = None
            signal.emit(value)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel_requested = True
            # the thread ends as soon as the work stops, without waiting for the GUI thread to hear of it: closing
            # the window waits for it (waiting for the answer froze the window 5 s, the thread left running)
            self._job.thread.quit()
            self._job = None

    def wait(self, ms: int = 10_000) -> bool:
        """For tests and closing: wait for every thread started here to finish."""
        return all(job.thread.wait(ms) for job in self._jobs)

    @property
    def busy(self) -> bool:
        return self._job is not None
