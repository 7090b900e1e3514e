"""Drives the real ``cocoa-desktop`` command from inside, for tests that run it as a subprocess.

Python imports ``sitecustomize`` at start-up when it is on PYTHONPATH; with ``COCOA_DRIVE`` set, this one waits
for the main window to appear and then plays a script of what a user does (``COCOA_DRIVE=redraw``: open the
regional example on its results page, go back and forth and toggle presentation mode many times, close).
Without ``COCOA_DRIVE`` it does nothing.
"""

from __future__ import annotations

import os

SCRIPT = os.environ.get("COCOA_DRIVE", "")
ROUNDS = int(os.environ.get("COCOA_DRIVE_ROUNDS", "20"))

if SCRIPT:
    from PySide6.QtCore import QTimer

    import cocoa_desktop.gui.main.window as main_window

    shown = main_window.MainWindow.showEvent

    def show_event(self, event) -> None:
        shown(self, event)
        if not getattr(main_window, "_driven", False):
            main_window._driven = True
            QTimer.singleShot(50, lambda: redraw(self))

    def redraw(window) -> None:
        window.load_examples()
        region = next(r for r in window.storage.repo.surveys() if r.unit == "region")
        window.storage.repo.set_last_page(region.id, "results")
        window.open_survey(region.id)
        wizard = window.wizard
        for _ in range(ROUNDS):  # results drawn again each time
            wizard.back()
            wizard.next()
            page = wizard.currentPage()
            page.present_button.click()
            page.present_button.click()
        print(f"drawn {page.draw_count} times", flush=True)
        wizard.done(0)
        QTimer.singleShot(50, window.close)

    main_window.MainWindow.showEvent = show_event
