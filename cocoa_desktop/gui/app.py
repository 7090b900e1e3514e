"""Start the desktop app: translations, the data folder (with what happened when opening it), the main window.

Only Qt and the storage start-up are imported before the window is on screen: the survey model (pydantic),
pyqtgraph and openpyxl load when first needed (start-up time, defect 12).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.actions.running_jobs import stop_jobs

SMOKE_TEST = "COCOA_DESKTOP_SMOKE_TEST"


def saved_language() -> str:
    """The language saved in the settings, read without opening the database, for messages shown before (or
    instead of) the window; Spanish when none is saved."""
    from cocoa_desktop.storage.language import stored_language  # reads without writing or locking; never raises

    lang = stored_language()
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def show_startup_messages(parent: object, messages: list[str]) -> None:
    """What happened while opening the data folder (a backup restored, a section repaired …), once, together."""
    if messages:
        box = QMessageBox(QMessageBox.Icon.Warning, "cocoa-desktop", "\n\n".join(messages), parent=parent)
        box.setObjectName("startup_messages")
        box.exec()


class Windows:
    """The one main window; switching language replaces it by one in the new language (and reopens the survey
    that was open in the wizard, at its page)."""

    def __init__(self, app: QApplication, storage: object) -> None:
        self.app = app
        self.storage = storage
        self.current = None

    def show(self, language: str, reopen: str = "") -> None:
        from cocoa_desktop.gui.main.window import MainWindow

        i18n.install(self.app, language)
        old, self.current = self.current, MainWindow(self.storage, language)
        self.current.language_changed.connect(self.show)
        self.current.show()
        if old is not None:
            old.close()
            old.deleteLater()
        if reopen:
            self.current.open_survey(reopen)


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("cocoa-desktop")
    app.aboutToQuit.connect(stop_jobs)  # no thread left running when Python tears Qt down
    lang = saved_language()
    windows = Windows(app, None)
    windows.show(lang)  # on screen at once; the data folder (integrity check, backup) opens just after
    opened: list[object] = []
    QTimer.singleShot(0, lambda: open_data(app, windows, lang, opened))
    if os.environ.get(SMOKE_TEST):  # an installed bundle checked in CI: quit once the window is up and the data open
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    for storage in opened:
        storage.close()
    return code


def open_data(app: QApplication, windows: Windows, lang: str, opened: list[object]) -> None:
    from cocoa_desktop.storage.database import StorageError
    from cocoa_desktop.storage.startup import open_storage

    try:
        storage = open_storage(defer_checks=True)  # a regional folder is checked just after, in a worker thread
    except StorageError as exc:  # cannot open at all (e.g. already open in another window): say it, in words
        QMessageBox.critical(windows.current, "cocoa-desktop", exc.message(lang))
        app.exit(1)
        return
    opened.append(storage)
    windows.storage = storage
    stored = storage.repo.setting("language", lang) or lang
    if stored in i18n.LANGUAGES and stored != lang:  # the settings say otherwise than the quick look did
        windows.show(stored)
    else:
        windows.current.attach(storage)
    show_startup_messages(windows.current, storage.report.messages(windows.current.lang))
    if storage.checks_pending:
        check_later(windows, storage)


def check_later(windows: Windows, storage: object) -> object:
    """The integrity check, the sections' checksums and the start-up backup of a large folder, off the GUI thread
    (storage/deferred_checks.py); damage found makes the window read-only and says why, in words."""
    from cocoa_desktop.gui.actions import jobs
    from cocoa_desktop.storage import deferred_checks

    job = jobs.Job(lambda progress, cancelled: deferred_checks.run(storage.folder, cancelled), windows.current.lang)

    def done(outcome: object) -> None:
        if outcome is not None and outcome.damaged:
            windows.current.stop_writing(outcome.message(windows.current.lang))

    job.done.connect(done)
    job.failed.connect(lambda message: windows.current.statusBar().showMessage(message))
    storage.checks_job = job
    jobs.start(windows.current, job)
    return job
