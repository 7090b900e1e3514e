"""The main window's entries for decisions: the campaign view and scenarios of the selected campaign, and the
training campaign (install, reset). Nothing heavy is imported until an entry is used: the main window must start
without the survey model (tests/gui: start-up imports)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from cocoa_desktop.gui.i18n import translate


def add_actions(window, menu: QMenu) -> None:
    """Menu entries of the main window (which has ``storage``, ``lang``, ``factors()``, ``selected_campaign()`` and
    ``refresh()``)."""
    menu.addAction(translate("decisions", "Campaign view and scenarios…"), QKeySequence("Ctrl+D"),
                   lambda: open_decisions(window))
    menu.addSeparator()
    menu.addAction(translate("decisions", "Install the training campaign (10 cooperatives, 2020)"),
                   lambda: _training(window, "install"))
    menu.addAction(translate("decisions", "Reset the training campaign…"), lambda: _training(window, "reset"))


def open_decisions(window):  # -> DecisionsWindow | None
    campaign = window.selected_campaign()
    if campaign is None:
        QMessageBox.information(window, translate("decisions", "Campaign view"),
                                translate("decisions", "Select a campaign first."))
        return None
    from cocoa_desktop.gui.decisions_window import DecisionsWindow

    decisions = DecisionsWindow(window.storage, campaign, window.factors(), window.lang)
    decisions.show()
    window.decisions = decisions  # kept alive while open
    return decisions


def _training(window, what: str) -> None:
    from cocoa_desktop.gui import training_actions

    if getattr(training_actions, what)(window, window.storage.repo, window.lang):
        window.refresh()
