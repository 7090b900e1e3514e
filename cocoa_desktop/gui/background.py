"""A computation off the GUI thread (the Monte Carlo of a campaign): the work runs in a worker object living in its
own QThread and only emits signals; they reach a :class:`Background` of the GUI thread through queued connections,
so whatever is connected to it (labels, tables) runs in the GUI thread. Starting a new computation makes the
previous one's result be ignored (its thread finishes on its own)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from cocoa_desktop.gui.i18n import translate


class _Stop(Exception):
    pass


class _Worker(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    ended = Signal()  # always, even when stopped: lets the thread quit

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], lang: str) -> None:
        super().__init__()
        self.work = work
        self.lang = lang
        self.stop = False

    def _progress(self, done: int, total: int) -> None:
        if self.stop:
            raise _Stop
        self.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        from cocoa_desktop.engine.issues import SurveyValidationError

        try:
            result = self.work(self._progress)
        except _Stop:
            self.ended.emit()
            return
        except SurveyValidationError as exc:
            self.failed.emit(exc.summary(self.lang))
        except Exception as exc:  # a thread must always report back
            traceback.print_exc(file=sys.stderr)
            self.failed.emit(translate("background", "Unexpected error (%1): nothing was changed.")
                             .replace("%1", type(exc).__name__))
        else:
            self.done.emit(result)
        self.ended.emit()


class Background(QObject):
    """Runs one computation at a time; ``done``, ``failed`` and ``progress`` are emitted in the GUI thread.

    The worker's signals are connected to slots of this object (which lives in the GUI thread), never to lambdas:
    a lambda would run in the worker's thread."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: _Worker | None = None
        self._running: dict[QThread, _Worker] = {}  # kept alive until their threads finish

    def start(self, work: Callable[[Callable[[int, int], None]], Any], lang: str) -> None:
        self.cancel()
        thread, worker = QThread(), _Worker(work, lang)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.ended.connect(thread.quit)
        thread.finished.connect(self._on_finished)
        self._current = worker
        self._running[thread] = worker
        thread.start()

    def _mine(self) -> bool:
        return self.sender() is self._current  # a cancelled computation's late answer is dropped

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._mine():
            self.progress.emit(done, total)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        if self._mine():
            self._current = None
            self.done.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._mine():
            self._current = None
            self.failed.emit(message)

    @Slot()
    def _on_finished(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            self._running.pop(thread, None)
            thread.deleteLater()

    def cancel(self) -> None:
        if self._current is not None:
            self._current.stop = True
            self._current = None

    def wait(self, ms: int = 10_000) -> bool:
        """For tests and closing: wait for every thread started here to finish."""
        return all(thread.wait(ms) for thread in list(self._running))

    @property
    def busy(self) -> bool:
        return self._current is not None
