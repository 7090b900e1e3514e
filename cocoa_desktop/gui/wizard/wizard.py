"""The survey wizard: the pages of the user guide in order, reopened where the technician stopped.

Closing (the Close button, Esc or the window's ×) always asks first, and always keeps what was typed: every page
is saved when it is left, and the page on screen is saved on closing. The wizard is modal: while it is open the
main window cannot open the same survey again or delete it.
"""

from __future__ import annotations

import contextlib
import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.words import say
from cocoa_desktop.gui.fields import fit_to_screen
from cocoa_desktop.gui.focus_style import show_focus_within
from cocoa_desktop.gui.help import add_f1, show_help
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.wizard.page import WIZARD_BUTTONS, SectionPage
from cocoa_desktop.gui.wizard.results_page import ResultsPage
from cocoa_desktop.gui.wizard.session import SurveySession
from cocoa_desktop.gui.wizard.specs import PAGES
from cocoa_desktop.storage.database import StorageError

PREFERRED_SIZE = (900, 720)
LANGUAGE_BUTTON = QWizard.WizardButton.CustomButton1


def warm_up() -> None:
    """Make, unseen, the first two pages' widgets and a row of each of their tables, then drop them. The first widget
    of each kind made in a run costs several times the next ones (PySide sets up the Python side of Qt's form,
    table, header and scroll-area types: 9 ms for the first table, 1.3 ms after), and the first survey opened and its
    first Siguiente paid that. Called while the main window waits for a key (survey_tree's preload)."""
    for spec in PAGES[:2]:
        page = SectionPage(spec, None)  # type: ignore[arg-type]  # made, never loaded: no survey
        page.build()
        for table in page.tables.values():
            table.add_row({})
        page.deleteLater()


class SurveyWizard(QWizard):
    language_requested = Signal(str)  # the technician switched language inside the wizard
    saved = Signal(str)  # the survey's id, after each page is saved (when it is left) and when it becomes complete

    def __init__(self, session: SurveySession, factors: Factors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.factors = factors
        session.factors = factors
        session.listeners.append(self.page_saved)  # the main window's tree follows the survey while it is typed
        self.closing = False
        self.resuming = False  # walking to the page where the technician stopped: warnings were seen then
        self.ask_before_closing = True
        self.setObjectName("survey_wizard")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)  # the page's chapter of the guide (also F1)
        self.setButtonText(QWizard.WizardButton.HelpButton, translate("wizard", "Help"))
        self.button(QWizard.WizardButton.HelpButton).setObjectName("wizard.help")
        self.helpRequested.connect(self.show_page_help)
        add_f1(self, self.current_page_name)
        other = say(session.lang, "en", "es")
        self.setButtonText(LANGUAGE_BUTTON, say(other, "Español", "English"))
        self.button(LANGUAGE_BUTTON).setObjectName("wizard.language")
        self.button(LANGUAGE_BUTTON).setToolTip(translate("wizard", "Show the survey in the other language"))
        self.customButtonClicked.connect(lambda which: self.language_requested.emit(other))
        buttons = QWizard.WizardButton
        for which, name in ((buttons.BackButton, "back"), (buttons.NextButton, "next"),
                            (buttons.FinishButton, "finish"), (buttons.CancelButton, "close")):
            self.button(which).setObjectName(f"wizard.{name}")  # for tests, screenshots and the guide
        back = self.button(QWizard.WizardButton.BackButton)
        back.clicked.disconnect()  # Qt's own back cannot be refused: ours stays on a page that could not be saved
        back.clicked.connect(self.back)
        for before, after in itertools.pairwise([self.button(b) for b in WIZARD_BUTTONS]):
            QWidget.setTabOrder(before, after)  # Tab goes along the buttons left to right, on every page
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("wizard", "Close"))
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            translate("wizard", "Close the survey: everything typed is kept, reopen it to go on"))
        self.page_ids: dict[str, int] = {}
        for spec in PAGES:
            self.page_ids[spec.id] = self.addPage(SectionPage(spec, session))
        self.page_ids["results"] = self.addPage(ResultsPage(session, factors))
        for number, page_id in enumerate(self.page_ids.values(), start=1):
            page = self.page(page_id)
            page.setTitle(translate("wizard", "Page %1 of %2: %3").replace("%1", str(number))
                          .replace("%2", str(len(self.page_ids))).replace("%3", page.title()))
        name = self.survey_name()
        title = translate("wizard", "Carbon footprint survey")
        self.setWindowTitle(f"{title} — {name}" if name else title)
        if session.read_only:
            self.setWindowTitle(self.windowTitle() + " — " + translate("wizard", "read only, nothing is saved"))
        row = session.repo.survey_row(session.survey_id)  # one row, not every survey's
        last = row.last_page if row is not None else ""
        self.resume_at: int | None = self.page_ids.get(last, 0)
        self.setMinimumSize(560, 420)
        self.fit_screen()
        show_focus_within(self)  # buttons, choices and tabs show the keyboard focus with a ring
        self.currentIdChanged.connect(self.focus_first_field)

    def survey_name(self) -> str:
        general = self.session.document().get("general") or {}
        return " — ".join(filter(None, (str(general.get("organisation") or ""), str(general.get("farm_name") or ""))))

    def fit_screen(self) -> None:
        """The preferred size, or less on a small screen (a 1024×768 projector): the buttons stay on screen."""
        fit_to_screen(self, *PREFERRED_SIZE)

    def focus_first_field(self, page_id: int) -> None:
        """The page's first field takes the keys when the survey opens and after Next or Back (Qt gave them to the
        page's scroll area: a cooperative's name typed at once went nowhere)."""
        page = self.page(page_id)
        if isinstance(page, ResultsPage):
            page.take_focus()
            return
        chain = page.focus_chain() if isinstance(page, SectionPage) else []
        if chain:
            chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.resume_at is not None:
            target, self.resume_at = self.resume_at, None
            self.resume(target)
            self.currentIdChanged.connect(self.remember_page)

    def resume(self, target: int) -> None:
        """Walk forward to the page where the technician stopped, so that Back works from there; stop early at a
        page whose data does not pass (it is the one to fix)."""
        self.resuming = True
        try:
            while self.currentId() < target:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self.resuming = False

    def back(self) -> None:
        """Back saves the page it leaves; when it cannot (a full disk), it says so and the page stays, with what was
        typed, to go back again once there is space (Qt went back anyway, and the page showed what was stored)."""
        page = self.currentPage()
        if isinstance(page, SectionPage) and len(self.visitedIds()) > 1 and not page.save_to_go_back():
            return
        super().back()

    def page_saved(self, survey_id: str) -> None:
        if not self.resuming:  # reopening walks through the pages, saving nothing new
            self.saved.emit(survey_id)

    def remember_page(self, page_id: int) -> None:
        name = next((key for key, value in self.page_ids.items() if value == page_id), None)
        if name is not None:  # -1 while Qt resets a closing wizard
            with contextlib.suppress(StorageError):  # where to reopen, not data: a failed save was said already
                self.session.remember_page(name)

    def section_page(self, page_id: str) -> SectionPage:
        page = self.page(self.page_ids[page_id])
        assert isinstance(page, SectionPage)
        page.build()  # made when first shown: asked for before that, it is made now
        return page

    def show_page_help(self) -> None:
        show_help(self.current_page_name(), self)

    def current_page_name(self) -> str:
        return next((key for key, value in self.page_ids.items() if value == self.currentId()), "organisation")

    # ---- closing ----
    def reject(self) -> None:
        """Close button, Esc, the window's ×: ask, then keep everything typed."""
        if not self.ask_before_closing or self.confirm_close():
            super().reject()

    def confirm_close(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, translate("wizard", "Close the survey"),
                          translate("wizard", "Close the survey? Nothing is lost: every page was saved when you left "
                                              "it, and this page is saved now. Open the survey again from the main "
                                              "window to go on where you stopped."), parent=self)
        if self.session.read_only:
            box.setText(translate("wizard", "Close the survey? The data folder is read-only: nothing typed in this "
                                            "visit could be saved."))
        box.setObjectName("wizard.confirm_close")
        close = box.addButton(translate("wizard", "Close"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("wizard", "Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(close)
        box.exec()
        return box.clickedButton() is close

    def done(self, result: int) -> None:
        if not self.closing:
            page = self.currentPage()
            if isinstance(page, SectionPage):
                page.cleanupPage()  # the page on screen is saved
            self.closing = True  # Qt's reset cleans every visited page: they were saved when left
        super().done(result)

    def close_without_asking(self) -> None:
        self.ask_before_closing = False
        self.reject()

    def storage_failed(self, error: Exception) -> None:
        """A save failed (full disk, the survey deleted meanwhile …): say it plainly; close if the survey is gone."""
        message = error.message(self.session.lang) if hasattr(error, "message") else str(error)
        if getattr(error, "code", "") == "not_found":
            if self.closing:
                return
            self.closing = True  # nothing left to save into
            QMessageBox.warning(self, translate("wizard", "Survey not found"), message)
            self.close_without_asking()
        else:
            QMessageBox.warning(self, translate("wizard", "Could not save"), message)
