"""The buyers' PDF report from the main window: of the selected campaign (a section per cooperative) or of the
selected survey's cooperative, written off the GUI thread (QTextDocument and QPdfWriter work in any thread)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.i18n import translate

if TYPE_CHECKING:
    from cocoa_desktop.engine.progress import IsCancelled, Progress
    from cocoa_desktop.gui.actions.jobs import Job
    from cocoa_desktop.gui.main.api import MainWindowApi


def write_report(window: MainWindowApi, campaign: str, path: Path, cooperative: str | None = None) -> Job:
    from cocoa_desktop.gui.actions.jobs import Job, run_with_progress
    from cocoa_desktop.gui.actions.workbooks import campaign_item
    from cocoa_desktop.gui.report.pdf import write_report as write_pdf

    item = campaign_item(window, campaign)  # read in the GUI thread: the connection belongs to it
    surveys = [s for s in item.surveys if cooperative is None or s.general.organisation == cooperative]
    factors, lang = window.factors(), window.lang
    title = cooperative or campaign

    def work(progress: Progress, cancelled: IsCancelled) -> Path:
        if not surveys:
            from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError

            raise SurveyValidationError([Issue("campaign", "empty_campaign", "no hay encuestas completas para el "
                                               "informe", "there are no complete surveys for the report")])
        progress(0.1, translate("report", "Writing the report…"))
        return write_pdf(surveys, path, factors, lang, title=title)

    job = Job(work, lang)
    job.done.connect(lambda result: window.statusBar().showMessage(
        translate("report", "Report written: %1").replace("%1", str(result))))
    job.failed.connect(lambda message: QMessageBox.warning(window, translate("report", "PDF report"), message))
    run_with_progress(window, translate("report", "PDF report for buyers"), job)
    return job


def ask_report(window: MainWindowApi) -> None:
    campaign = window.tree.selected_campaign()
    if campaign is None:
        QMessageBox.information(window, translate("report", "PDF report"),
                                translate("report", "Select a campaign, or a survey of the cooperative to report on."))
        return
    cooperative = window.tree.selected_cooperative()
    stem = cooperative or campaign
    path = file_dialogs.save_path(window, file_dialogs.PDF, translate("report", "PDF report for buyers"), f"{stem}.pdf",
                                  "PDF (*.pdf)")
    if path:
        write_report(window, campaign, Path(path), cooperative)
