"""What a package import and a phone-submission import share: the merge on the worker's own connection, and the
first lines of the report the window shows when it is done (the status bar, the conflicts' hint)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from cocoa_desktop.gui.main.api import MainWindowApi
    from cocoa_desktop.storage.repository import Repository

Report = TypeVar("Report")


def merge_on_own_connection(window: MainWindowApi, merge: Callable[[Repository], Report]) -> Report | None:
    """``merge(repo)`` on a connection of the worker's own, closed after; ``None`` when it was cancelled (the merge
    is one transaction, rolled back: nothing was stored)."""
    from cocoa_desktop.storage import sync

    repo = window.storage.worker_repository()
    try:
        return merge(repo)
    except sync.Cancelled:
        return None
    finally:
        repo.conn.close()


def reported(window: MainWindowApi, report: Any, cancelled: str, conflicts_hint: str) -> str | None:
    """The tree refreshed and the summary in the status bar; the text for the message box (with the hint when
    some surveys are in conflict), or ``None`` after a cancel, which the status bar says."""
    window.refresh()
    if report is None:
        window.statusBar().showMessage(cancelled)
        return None
    text: str = report.summary(window.lang)
    window.statusBar().showMessage(text)
    if report.conflicts:
        text += "\n\n" + conflicts_hint
    return text
