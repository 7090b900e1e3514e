"""Benchmark: time from launch to the first window, for the app and for a bare PySide6 window, in one run.

Each sample is a fresh process (interpreter start included) that shows its window and quits at once. Prints
medians and their ratio (aim: the app within 1.5× the bare window). Run: ``python tests/benchmarks/bench_startup.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
QTimer.singleShot(0, app.quit)  # quits once the main window is shown and the event loop runs
from cocoa_desktop.gui.app import main
main([])
"""


def sample(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main(repeat: int = 7) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "COCOA_DESKTOP_DATA_DIR": tempfile.mkdtemp(prefix="cocoa-startup-")}
    sample(APP, env)  # first run creates the database; later runs are ordinary start-ups
    bare, app = [], []
    for _ in range(repeat):  # interleaved, so that machine load affects both alike
        bare.append(sample(BARE, env))
        app.append(sample(APP, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window: median {b * 1e3:.0f} ms; cocoa-desktop main window: median {a * 1e3:.0f} ms; "
          f"ratio {a / b:.2f}× ({repeat} runs each)")


if __name__ == "__main__":
    main()
