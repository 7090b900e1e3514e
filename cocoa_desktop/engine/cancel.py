"""The one cancellation of long work (issue 21): an export, an import, a workbook, a computation off the GUI
thread raise ``Cancelled`` when the user stops them; gui/actions/jobs.py turns it into "Cancelled: no file was written".
The progress report and the cancel poll they are given are engine/progress.py's ``Progress`` and ``IsCancelled``."""

from __future__ import annotations


class Cancelled(Exception):
    """The user stopped the work: nothing was written, nothing changed."""
