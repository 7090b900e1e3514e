"""The one progress report and cancel poll of long work (issue 21): an export, an import, a workbook, the Monte
Carlo and the main window's footprints report ``progress(fraction)`` or ``progress(fraction, what)`` and poll
``cancelled()``; when it answers True they raise :class:`cocoa_desktop.engine.cancel.Cancelled` (or stop and
return nothing), and gui/actions/jobs.py shows the fraction and the words in its progress dialog.

``fraction`` is the share done, 0 → 1; ``what`` is what the work is doing, in the user's language ("" when it has
nothing to say: the dialog then shows its title alone). Work that runs inside a larger job reports its own 0 → 1;
the job maps it onto its share of the whole with :func:`part`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    """``progress(fraction)`` or ``progress(fraction, what)``: see the module."""

    def __call__(self, fraction: float, what: str = "", /) -> None: ...


IsCancelled = Callable[[], bool]  # ``cancelled()``: has the user asked the work to stop?


def silent(fraction: float, what: str = "", /) -> None:
    """A progress report nobody reads (work run without a window)."""


def never() -> bool:
    """A cancel poll that never says stop."""
    return False


def part(progress: Progress, start: float, span: float, what: str) -> Progress:
    """A step's own 0 → 1 reported as ``start`` → ``start + span`` of the whole job, with the job's words for the
    step (``what``; words the step gives itself are not shown)."""

    def report(fraction: float, _what: str = "", /) -> None:
        progress(start + span * fraction, what)

    return report
