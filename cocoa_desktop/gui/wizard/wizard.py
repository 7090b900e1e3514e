"""The survey wizard: the pages of the user guide in order, reopened where the technician stopped."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.wizard.page import SectionPage
from cocoa_desktop.gui.wizard.results_page import ResultsPage
from cocoa_desktop.gui.wizard.session import SurveySession
from cocoa_desktop.gui.wizard.specs import PAGES


class SurveyWizard(QWizard):
    def __init__(self, session: SurveySession, factors: Factors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("survey_wizard")
        self.setWindowTitle(translate("wizard", "Carbon footprint survey"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.page_ids: dict[str, int] = {}
        for spec in PAGES:
            self.page_ids[spec.id] = self.addPage(SectionPage(spec, session))
        self.page_ids["results"] = self.addPage(ResultsPage(session, factors))
        last = next((r.last_page for r in session.repo.surveys() if r.id == session.survey_id), "")
        self.resume_at = self.page_ids.get(last, 0)
        self.resize(900, 720)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.resume_at is not None:
            target, self.resume_at = self.resume_at, None
            self.resume(target)
            self.currentIdChanged.connect(self.remember_page)

    def resume(self, target: int) -> None:
        """Walk forward to the page where the technician stopped, so that Back works from there; stop early at a
        page whose data does not pass (it is the one to fix)."""
        while self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def remember_page(self, page_id: int) -> None:
        name = next((key for key, value in self.page_ids.items() if value == page_id), None)
        if name is not None:  # -1 while Qt resets a closing wizard
            self.session.remember_page(name)

    def section_page(self, page_id: str) -> SectionPage:
        page = self.page(self.page_ids[page_id])
        assert isinstance(page, SectionPage)
        return page
