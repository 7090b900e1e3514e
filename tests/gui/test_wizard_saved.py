"""The wizard tells the main window each time it saves (a page left, the survey complete), so that the main
window's tree (organisation, status, footprint) follows the survey while the modal wizard is open."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from cocoa_desktop.engine.files.resources import example_path
from tests.gui.keyboard import open_wizard


def test_leaving_a_page_saves_it_and_says_so_with_the_surveys_id(storage, new_survey, qtbot):
    wizard = open_wizard(storage, new_survey, qtbot, active=False)
    heard: list[str] = []
    wizard.saved.connect(heard.append)
    organisation = wizard.findChild(QLineEdit, "general.organisation")
    organisation.setText("Cooperativa Nueva Esperanza")
    wizard.next()
    assert wizard.currentPage().objectName() == "page.production"
    assert heard == [new_survey]
    assert storage.repo.survey_name(new_survey).startswith("Cooperativa Nueva Esperanza")  # what a refresh shows
    heard.clear()
    wizard.back()  # going back saves the page left too
    assert wizard.currentPage().objectName() == "page.organisation" and heard == [new_survey]


def test_reaching_the_results_completes_the_survey_and_says_so(storage, qtbot):
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-region.json")), "x")
    survey_id = storage.repo.surveys()[0].id
    wizard = open_wizard(storage, survey_id, qtbot, "land_use_change", active=False)
    assert wizard.currentPage().objectName() == "page.land_use_change"
    heard: list[str] = []
    wizard.saved.connect(heard.append)
    wizard.next()
    assert wizard.currentPage().objectName() == "page.results"
    assert heard == [survey_id, survey_id]  # the page left, then the survey complete


def test_reopening_walks_the_pages_without_a_refresh_each(storage, qtbot):
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.gui.wizard.session import SurveySession
    from cocoa_desktop.gui.wizard.wizard import SurveyWizard
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-region.json")), "x")
    survey_id = storage.repo.surveys()[0].id
    storage.repo.set_last_page(survey_id, "results")
    wizard = SurveyWizard(SurveySession(storage.repo, survey_id, "es"), factors_for("promperu-2020"))
    wizard.ask_before_closing = False
    qtbot.addWidget(wizard)
    heard: list[str] = []
    wizard.saved.connect(heard.append)
    wizard.show()
    assert wizard.currentPage().objectName() == "page.results" and heard == []


def test_a_read_only_survey_saves_nothing_and_says_nothing(storage, new_survey, qtbot):
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.gui.wizard.session import SurveySession
    from cocoa_desktop.gui.wizard.wizard import SurveyWizard

    wizard = SurveyWizard(SurveySession(storage.repo, new_survey, "es", read_only=True), factors_for("promperu-2020"))
    wizard.ask_before_closing = False
    qtbot.addWidget(wizard)
    wizard.show()
    heard: list[str] = []
    wizard.saved.connect(heard.append)
    wizard.findChild(QLineEdit, "general.organisation").setText("Otra")
    wizard.next()
    assert heard == []


def test_the_main_windows_tree_follows_the_open_wizard(storage, new_survey, qtbot):
    from cocoa_desktop.gui.main.window import MainWindow

    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    window.open_survey(new_survey)
    wizard = window.wizard
    wizard.ask_before_closing = False
    wizard.findChild(QLineEdit, "general.organisation").setText("Cooperativa Nueva Esperanza")
    wizard.next()
    assert wizard.isVisible()
    organisations = {key[2] for key in window.tree.rows if key[0] == "cooperative"}
    assert "Cooperativa Nueva Esperanza" in organisations
    wizard.close_without_asking()
