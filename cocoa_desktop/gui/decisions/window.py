"""The decisions of one campaign in a window of their own: the campaign view and the scenario editor, one tab
each (opened from the main window's menu, :mod:`decisions_menu`)."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.gui.campaign.view import CampaignView
from cocoa_desktop.gui.decisions.scenario_editor import ScenarioEditor
from cocoa_desktop.gui.fields import closed_by_escape, fit_to_screen
from cocoa_desktop.gui.focus_style import show_focus_within
from cocoa_desktop.gui.help import add_f1
from cocoa_desktop.gui.i18n import translate


class DecisionsWindow(QMainWindow):
    def __init__(self, storage, campaign: str, factors: Factors, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisions_window")
        add_f1(self, "decisions")  # F1: the decisions chapter of the guide
        self.setWindowTitle(translate("decisions", "Campaign and scenarios — %1").replace("%1", campaign))
        self.tabs = QTabWidget()
        # each tab reads what it needs, when it needs it (a large campaign off the GUI thread), and keeps none of the
        # surveys: reading the 10,000 of a regional campaign here first took seconds and kept ~160 MB
        self.view = CampaignView(storage, campaign, factors, lang)
        self.editor = ScenarioEditor(storage, campaign, factors, lang)
        self.tabs.addTab(self.view, translate("decisions", "Campaign"))
        self.tabs.addTab(self.editor, translate("decisions", "Scenarios"))
        self.setCentralWidget(self.tabs)
        fit_to_screen(self, 1280, 860)  # on a 1024×768 projector: the screen, less the window's frame
        show_focus_within(self)  # the tabs, the buttons and the choices show the keyboard focus with a ring

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not closed_by_escape(self, event):
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        for background in (self.view.background, self.editor.background):
            background.cancel()
            background.wait(5000)  # a thread must not outlive its QThread object
        super().closeEvent(event)
