"""For bench_startup.py only: with COCOA_QUIT_WHEN_SHOWN set, the first top-level window's show() prints the
wall-clock time once the window is on screen (its first paint) and quits the event loop. The same hook goes into the
bare-window process and the app's, so it costs both the same (QtWidgets, which both import anyway)."""

from __future__ import annotations

import os
import time

if os.environ.get("COCOA_QUIT_WHEN_SHOWN"):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    _show = QWidget.show

    def _show_and_quit(self: QWidget) -> None:
        _show(self)
        if self.isWindow() and not getattr(QApplication, "_first_shown", False):
            QApplication._first_shown = True
            self.repaint()  # painted now, not at the next turn of the event loop
            print(f"first window shown at {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)

    QWidget.show = _show_and_quit
