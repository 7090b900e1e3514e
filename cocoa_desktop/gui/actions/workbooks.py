"""The Excel workbook from the main window: export a campaign, import a workbook back, off the GUI thread; and the
survey as a form for phones (XLSForm)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.i18n import translate

if TYPE_CHECKING:
    from cocoa_desktop.gui.actions.jobs import Job
    from cocoa_desktop.gui.main.api import MainWindowApi


def campaign_item(window: MainWindowApi, name: str) -> Any:
    """The campaign's surveys that count (``rollup.counted_survey``: a draft stays out of the workbook, as out of
    every other sum), in the tree's order. A damaged survey is refused with its name (a StorageError), not left out
    in silence."""
    from cocoa_desktop.engine.footprint.rollup import counted_survey
    from cocoa_desktop.engine.model.survey import Campaign

    repo = window.storage.repo
    row = repo.campaign(name)
    ids = [survey.id for survey in repo.surveys(name)]
    documents = dict(repo.documents(ids))  # a few queries, not one a survey
    surveys = []
    for survey_id in ids:
        doc = documents.get(survey_id)
        if doc is None:
            repo.document(survey_id)  # raises the error that names the survey and its damaged section
        survey = counted_survey(doc)
        if survey is not None:
            surveys.append(survey)
    return Campaign(name=name, year=row["year"], region=row["region"], surveys=surveys)


def saved_scenarios(window: MainWindowApi, name: str) -> list[Any]:
    """The campaign's saved what-if scenarios (each becomes a sheet of the workbook); an unreadable one is left out."""
    from cocoa_desktop.engine.decisions.scenarios import Scenario
    from cocoa_desktop.engine.model.issues import SurveyValidationError
    from cocoa_desktop.storage import scenarios

    found = []
    for doc in scenarios.load(window.storage.repo, name):
        try:
            found.append(Scenario.from_document(doc))
        except SurveyValidationError:
            continue
    return found


def export_campaign(window: MainWindowApi, name: str, path: Path) -> Job:
    from cocoa_desktop.gui.actions.jobs import export_job, run_with_progress

    job = export_job(campaign_item(window, name), path, window.factors(), window.lang, saved_scenarios(window, name))
    job.done.connect(lambda result: window.statusBar().showMessage(
        translate("main", "Workbook written: %1").replace("%1", str(result))))
    job.failed.connect(lambda message: QMessageBox.warning(window, "Excel", message))
    run_with_progress(window, translate("main", "Exporting to Excel"), job)
    return job


def ask_export(window: MainWindowApi) -> None:
    name = window.tree.selected_campaign()
    if name is None:
        QMessageBox.information(window, "Excel", translate("main", "Select a campaign first."))
        return
    path = file_dialogs.save_path(window, file_dialogs.EXCEL, translate("main", "Export campaign to Excel…"),
                                  f"{name}.xlsx", "Excel (*.xlsx)")
    if path:
        export_campaign(window, name, Path(path))


def import_workbook(window: MainWindowApi, path: Path) -> Job:
    from cocoa_desktop.gui.actions.jobs import import_job, run_with_progress
    from cocoa_desktop.storage.sync import import_campaigns, surveys_as_campaigns

    job = import_job(path, window.lang)

    def merge(item: object) -> None:  # in the GUI thread: the database connection belongs to it
        report = import_campaigns(window.storage.repo, surveys_as_campaigns(item), str(path))
        window.refresh()
        window.statusBar().showMessage(report.summary(window.lang))

    job.done.connect(merge)
    job.failed.connect(lambda message: QMessageBox.warning(window, "Excel", message))
    run_with_progress(window, translate("main", "Importing from Excel"), job)
    return job


def ask_import(window: MainWindowApi) -> None:
    path = file_dialogs.open_path(window, file_dialogs.EXCEL, translate("main", "Import from Excel…"), "Excel (*.xlsx)")
    if path:
        import_workbook(window, Path(path))


def write_phone_form(window: MainWindowApi, path: Path) -> Path | None:
    """The survey as an XLSForm for ODK Collect and KoboToolbox (a fraction of a second: no background job); a
    path that cannot be written gets a message and nothing else."""
    from cocoa_desktop.engine.model.issues import SurveyValidationError
    from cocoa_desktop.workbook.xlsform import asked, write_xlsform

    if path.suffix.lower() != ".xlsx":  # ODK Central and KoboToolbox take the form by its suffix
        path = path.with_name(path.name + ".xlsx")
    try:
        written = write_xlsform(path, window.lang)
    except SurveyValidationError as exc:
        QMessageBox.warning(window, "XLSForm", exc.summary(window.lang))
        return None
    window.statusBar().showMessage(translate("main", "Form for phones written (%1 questions): %2")
                                   .replace("%1", str(len(asked()))).replace("%2", str(written)))
    return written


def ask_phone_form(window: MainWindowApi) -> None:
    path = file_dialogs.save_path(window, file_dialogs.EXCEL, phone_form_title(),
                                  translate("main", "survey.xlsx"), "XLSForm (*.xlsx)")
    if path:
        write_phone_form(window, Path(path))


def phone_form_title() -> str:
    """The menu command's words (Paquetes y Excel → Formulario para teléfonos)."""
    return translate("main", "Form for phones (ODK Collect, KoboToolbox)…")
