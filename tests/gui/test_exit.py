"""Defect 2: the app aborted on exit ("Fatal Python error: bool_dealloc") once the results page had been drawn
twice. The cause was the Qt binding: PySide6 6.12.0 on Python 3.11 gives back one reference to None (or a bool)
more than it took on every call of a void Qt method, so a long enough session frees None itself. pyproject.toml
keeps 6.12 away from Python < 3.12; these tests fail if such a binding comes back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QPushButton

DRIVER = Path(__file__).parent / "app_driver"
COMMAND = Path(sys.executable).parent / "cocoa-desktop"


def test_qt_calls_do_not_release_none(qapp):
    button = QPushButton()
    before = sys.getrefcount(None)
    for _ in range(2000):
        button.setText("x")  # a void method: returns None
        qapp.processEvents()
    assert sys.getrefcount(None) - before > -50  # was -4000 with PySide6 6.12.0 on Python 3.11


def test_the_real_command_exits_with_0_after_the_results_are_drawn_many_times(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(DRIVER), "COCOA_DRIVE": "redraw", "COCOA_DRIVE_ROUNDS": "20",
           "COCOA_DESKTOP_DATA_DIR": str(tmp_path / "datos"),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run([str(COMMAND)], env=env, capture_output=True, text=True, timeout=300)
    assert "drawn 61 times" in done.stdout, done.stderr[-2000:]  # 1 + 20 × (back/next, presentation on, off)
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
