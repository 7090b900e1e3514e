"""Stopping the background jobs when the app quits or its window closes (no thread left running when Python tears
Qt down). A module of its own, light to import: app.py and main_window.py both call it, and the jobs module is not
even loaded when no job was ever started (2 ms at exit)."""

from __future__ import annotations

import sys


def stop_jobs() -> None:
    jobs = sys.modules.get("cocoa_desktop.gui.actions.jobs")
    if jobs is not None:
        jobs.stop_all()
