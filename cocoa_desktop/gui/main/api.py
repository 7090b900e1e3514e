"""What the menus and the commands they start (packages, Excel, the PDF report, Decisions) use of the main window.

:class:`~cocoa_desktop.gui.main.window.MainWindow` is the one window that has it all. The modules that work on it
(main_menus, package_actions, workbook_actions, report_actions, decisions_menu) name this Protocol instead of
importing main_window, which imports them: no import cycle, and what they may touch of the window is written down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QStatusBar, QToolBar, QWidget

    from cocoa_desktop.engine.footprint.factors import Factors
    from cocoa_desktop.gui.main.survey_tree import SurveyTree
    from cocoa_desktop.storage.opened import Storage


class MainWindowApi(Protocol):
    """The main window as its menus and commands see it (a QMainWindow: also the parent of their dialogs)."""

    lang: str
    storage: Storage  # the commands are enabled once the data folder is open (MainWindow.attach)
    tree: SurveyTree
    decisions: QWidget  # the campaign view, kept alive while it is open

    def factors(self) -> Factors: ...

    def refresh(self) -> None: ...

    # QMainWindow's own
    def statusBar(self) -> QStatusBar: ...

    def menuBar(self) -> QMenuBar: ...

    def addToolBar(self, title: str) -> QToolBar: ...

    # the menus' commands that the window carries out itself
    def new_survey(self) -> None: ...

    def open_selected(self) -> None: ...

    def duplicate_selected(self) -> None: ...

    def show_history(self) -> None: ...

    def resolve_selected(self) -> None: ...

    def delete_selected(self) -> None: ...

    def new_campaign(self) -> str | None: ...

    def load_examples(self) -> None: ...

    def open_economics(self) -> None: ...
