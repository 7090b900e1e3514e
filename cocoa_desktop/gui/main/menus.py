"""The main window's menus and toolbar: every action named (tests and the guide find them by name), with its
keyboard shortcut. The commands' modules are light: what they need (the survey model, the workbook, the storage's
sync) loads when first used."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction

from cocoa_desktop.gui.actions import packages as package_actions
from cocoa_desktop.gui.actions import submissions as submission_actions
from cocoa_desktop.gui.actions import workbooks as workbook_actions
from cocoa_desktop.gui.decisions import menu as decisions_menu
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.report import actions as report_actions

if TYPE_CHECKING:
    from cocoa_desktop.gui.main.api import MainWindowApi

MENUS = (QT_TRANSLATE_NOOP("main", "&Survey"), QT_TRANSLATE_NOOP("main", "&Campaign"),
         QT_TRANSLATE_NOOP("main", "&Packages and Excel"), QT_TRANSLATE_NOOP("main", "&Decisions"),
         QT_TRANSLATE_NOOP("main", "&Help"))


def build_menus(window: MainWindowApi) -> dict[str, QAction]:
    """The menus and the toolbar; shortcuts are given when the data are open (MainWindow.attach)."""
    actions: dict[str, QAction] = {}
    survey, campaign, exchange, decisions, guide = (window.menuBar().addMenu(translate("main", m)) for m in MENUS)
    toolbar = window.addToolBar(translate("main", "Survey"))
    toolbar.setObjectName("toolbar")
    toolbar.setMovable(False)
    for menu, name, text, keys, slot, on_toolbar in (
        (survey, "new_survey", translate("main", "New survey"), "Ctrl+N", window.new_survey, True),
        (survey, "open_survey", translate("main", "Open / resume"), "Ctrl+O", window.open_selected, True),
        (survey, "duplicate_survey", translate("main", "Duplicate into next campaign"), "Ctrl+D",
         window.duplicate_selected, False),
        (survey, "survey_history", translate("main", "Change history…"), "Ctrl+H", window.show_history, False),
        (survey, "resolve_conflict", translate("main", "Resolve conflict…"), "Ctrl+R", window.resolve_selected,
         False),
        (survey, "delete_survey", translate("main", "Delete survey…"), "Del", window.delete_selected, False),
        (survey, "quit", translate("main", "Quit"), "Ctrl+Q", _quit, False),
        (campaign, "new_campaign", translate("main", "New campaign…"), "Ctrl+Shift+N", window.new_campaign, False),
        (campaign, "load_examples", translate("main", "Load the San Martín 2020 examples"), "",
         window.load_examples, False),
        (exchange, "export_package", translate("main", "Export surveys to a package (USB)…"), "Ctrl+E",
         lambda: package_actions.ask_export(window), True),
        (exchange, "import_package", translate("main", "Import a package…"), "Ctrl+I",
         lambda: package_actions.ask_import(window), True),
        (exchange, "export_xlsx", translate("main", "Export campaign to Excel…"), "Ctrl+Shift+E",
         lambda: workbook_actions.ask_export(window), False),
        (exchange, "import_xlsx", translate("main", "Import from Excel…"), "Ctrl+Shift+I",
         lambda: workbook_actions.ask_import(window), False),
        (exchange, "export_xlsform", workbook_actions.phone_form_title(), "",
         lambda: workbook_actions.ask_phone_form(window), False),
        (exchange, "import_submissions", submission_actions.title(), "",
         lambda: submission_actions.ask_import(window), False),
        (decisions, "open_economics", translate("main", "Carbon credits and sampling plan…"), "",
         window.open_economics, False),
        (decisions, "campaign_view", translate("main", "Campaign view and scenarios…"), "Ctrl+Shift+D",
         lambda: decisions_menu.open_decisions(window), False),
        (decisions, "install_training",
         translate("main", "Install the training campaign (San Martín 2019, 10 cooperatives)"), "",
         lambda: decisions_menu.install_training(window), False),
        (decisions, "reset_training", translate("main", "Reset the training campaign…"), "",
         lambda: decisions_menu.reset_training(window), False),
        (decisions, "pdf_report", translate("main", "PDF report for buyers…"), "Ctrl+P",
         lambda: report_actions.ask_report(window), False),
        (guide, "help_contents", translate("main", "User guide"), "F1", lambda: _help("main", window), False),
        (guide, "help_start", translate("main", "Getting started"), "", lambda: _help("start", window), False),
        (guide, "help_method", translate("main", "The calculation method"), "", lambda: _help("method", window),
         False),
        (guide, "help_workshop", translate("main", "Training workshop (exercises)"), "",
         lambda: _help("workshop", window), False),
    ):
        if name == "quit":
            menu.addSeparator()
        action = QAction(text, window)
        action.setObjectName(name)
        action.setProperty("keys", keys)  # given in attach(), when the actions can be used
        action.triggered.connect(_guarded(window, slot))
        menu.addAction(action)
        if on_toolbar:
            toolbar.addAction(action)
        actions[name] = action
    return actions


def _help(topic: str, window: MainWindowApi) -> None:
    from cocoa_desktop.gui.help import show_help  # the guide's window is loaded when first asked for

    show_help(topic, window)


def _quit() -> None:
    """Salir: every window closes as with its ×, so each stops its work (the last one ends the app)."""
    from PySide6.QtWidgets import QApplication

    QApplication.closeAllWindows()


def _guarded(window: MainWindowApi, slot: Callable[[], object]) -> Callable[[], None]:
    """A menu command whose save fails (a full disk, the data file gone) says so in words and changes nothing
    else, instead of a traceback on stderr and a command that seems to do nothing."""

    def run() -> None:
        from cocoa_desktop.storage.database import StorageError

        try:
            slot()
        except StorageError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(window, translate("main", "Could not save"), exc.message(window.lang))
            if window.storage is not None:
                window.refresh()

    return run
