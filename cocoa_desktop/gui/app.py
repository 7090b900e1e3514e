"""Start the desktop app: translations, the data folder (with what happened when opening it), the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from cocoa_desktop.gui import i18n
from cocoa_desktop.storage.database import StorageError

SMOKE_TEST = "COCOA_DESKTOP_SMOKE_TEST"


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("cocoa-desktop")
    i18n.install(app, i18n.DEFAULT_LANGUAGE)
    from cocoa_desktop.storage.startup import open_storage

    try:
        storage = open_storage()
    except StorageError as exc:
        QMessageBox.critical(None, "cocoa-desktop", exc.message_es)
        return 1
    lang = storage.repo.setting("language", i18n.DEFAULT_LANGUAGE) or i18n.DEFAULT_LANGUAGE
    i18n.install(app, lang)
    for message in storage.report.messages(lang):
        QMessageBox.warning(None, "cocoa-desktop", message)
    from cocoa_desktop.gui.main_window import MainWindow

    windows: list[MainWindow] = []

    def show(language: str) -> None:
        i18n.install(app, language)
        window = MainWindow(storage, language)
        window.language_changed.connect(lambda new: (windows.pop().close(), show(new)))
        windows.append(window)
        window.show()

    show(lang)
    if os.environ.get(SMOKE_TEST):  # an installed bundle checked in CI: quit once the window is up
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        storage.close()
