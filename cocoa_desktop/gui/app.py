"""Start the desktop app: translations, the data folder (with what happened when opening it), the main window.

Only Qt and the storage start-up are imported before the window is on screen: the survey model (pydantic),
pyqtgraph and openpyxl load when first needed (start-up time, defect 12).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from cocoa_desktop.gui import i18n


def saved_language() -> str:
    """The language saved in the settings, read without opening the database, for messages shown before (or
    instead of) the window; Spanish when none is saved."""
    from cocoa_desktop.storage.paths import data_dir

    try:
        from cocoa_desktop.storage.startup import stored_language  # storage's helper (issue 8); never raises
    except ImportError:
        return i18n.DEFAULT_LANGUAGE
    lang = stored_language(data_dir())
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
        from cocoa_desktop.gui.main_window import MainWindow

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
    from cocoa_desktop.gui import jobs

    app.aboutToQuit.connect(jobs.stop_all)  # no thread left running when Python tears Qt down
    lang = saved_language()
    i18n.install(app, lang)
    from cocoa_desktop.storage.database import StorageError
    from cocoa_desktop.storage.startup import open_storage

    try:
        storage = open_storage()
    except StorageError as exc:  # cannot open at all (e.g. already open in another window): say it, in words
        QMessageBox.critical(None, "cocoa-desktop", exc.message(lang))
        return 1
    lang = storage.repo.setting("language", lang) or lang
    if lang not in i18n.LANGUAGES:
        lang = i18n.DEFAULT_LANGUAGE
    windows = Windows(app, storage)
    windows.show(lang)
    show_startup_messages(windows.current, storage.report.messages(lang))
    try:
        return app.exec()
    finally:
        storage.close()
