"""What the main window's Decisions menu does beyond the economics window: the campaign view and scenarios of the
selected campaign, and the training campaign (install, reset). The decisions window and the training campaign load
when first used: the main window starts without the survey model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.gui.i18n import translate

if TYPE_CHECKING:
    from cocoa_desktop.gui.main.api import MainWindowApi


def open_decisions(window: MainWindowApi):  # -> DecisionsWindow | None
    campaign = window.tree.selected_campaign()
    if campaign is None:
        QMessageBox.information(window, translate("decisions", "Campaign view"),
                                translate("decisions", "Select a campaign first."))
        return None
    from cocoa_desktop.gui.decisions.window import DecisionsWindow

    decisions = DecisionsWindow(window.storage, campaign, window.factors(), window.lang)
    decisions.show()
    window.decisions = decisions  # kept alive while open
    return decisions


def install_training(window: MainWindowApi) -> None:
    from cocoa_desktop.gui.actions import training as training_actions

    _show_training(window, training_actions.install(window, window.storage.repo, window.lang))


def reset_training(window: MainWindowApi) -> None:
    from cocoa_desktop.gui.actions import training as training_actions

    _show_training(window, training_actions.reset(window, window.storage.repo, window.lang))


def _show_training(window: MainWindowApi, name: str | None) -> None:
    """The tree rebuilt with the training campaign selected, and what was done still said in the status bar
    (rebuilding the tree puts its own hint there, which hid it: "reset" seemed to do nothing)."""
    if not name:
        return
    said = window.statusBar().currentMessage()
    window.refresh()
    window.tree.select_campaign(name)
    if said:
        window.statusBar().showMessage(said)
