"""For bench_startup.py only: with COCOA_QUIT_WHEN_SHOWN set, the first top-level window's show() prints a mark
and quits the event loop as soon as it runs. The same hook goes into the bare-window process and the app's, so it
costs both the same (QtWidgets, which both import anyway)."""

from __future__ import annotations

import os

if os.environ.get("COCOA_QUIT_WHEN_SHOWN"):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    _show = QWidget.show

    def _show_and_quit(self: QWidget) -> None:
        _show(self)
        if self.isWindow() and not getattr(QApplication, "_first_shown", False):
            QApplication._first_shown = True
            print("first window shown", flush=True)
            QTimer.singleShot(0, QApplication.quit)

    QWidget.show = _show_and_quit
