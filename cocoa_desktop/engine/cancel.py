"""The one cancellation of long work (issue 21): an export, an import, a workbook, a computation off the GUI
thread raise ``Cancelled`` when the user stops them; gui/jobs.py turns it into "Cancelled: no file was written"."""

from __future__ import annotations


class Cancelled(Exception):
    """The user stopped the work: nothing was written, nothing changed."""
