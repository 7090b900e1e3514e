"""Paquetes y Excel → Importar envíos de teléfonos: the surveys collected with the app's form on phones (a
KoboToolbox XLSX export, an ODK Central CSV zip) stored in a campaign, off the GUI thread (issue 23, point 2).

Every file is read and checked first (a damaged one: a message, nothing stored), then the valid submissions are
stored in one transaction (storage/submissions.py); a cancel changes nothing. The report says what was stored,
found identical, put in conflict (resolved like a package's, Survey → Resolve conflict) and refused, each refusal
with the farm and the field in the user's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QMessageBox

from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.actions.merging import merge_on_own_connection, reported
from cocoa_desktop.gui.i18n import translate

if TYPE_CHECKING:
    from cocoa_desktop.engine.progress import IsCancelled, Progress
    from cocoa_desktop.gui.actions.jobs import Job
    from cocoa_desktop.gui.main.api import MainWindowApi


def title() -> str:
    """The menu command's words."""
    return translate("main", "Import phone submissions (KoboToolbox, ODK Central)…")


def dialog_title() -> str:
    """The dialogs' title: short enough for the campaign question's narrow window."""
    return translate("submissions", "Phone submissions")


def by_year() -> str:
    """The campaign choice that stores each submission in its year's campaign ("Campaña 2024")."""
    return translate("submissions", "The campaign of each submission's year")


def ask_import(window: MainWindowApi) -> Job | None:
    """Ask for the export files and the campaign, then import them."""
    paths = file_dialogs.open_paths(window, file_dialogs.SUBMISSIONS, dialog_title(),
                                    translate("submissions", "KoboToolbox or ODK Central export (*.xlsx *.zip)"))
    if not paths:
        return None
    campaign = choose_campaign(window)
    if campaign is None:
        return None
    return import_files(window, [Path(p) for p in paths], campaign or None)


def choose_campaign(window: MainWindowApi) -> str | None:
    """The campaign to store the submissions in: the one selected in the tree first, the others, or each year's
    own; a new name may be typed. "" for each year's own, None if cancelled."""
    names = [str(row["name"]) for row in window.storage.repo.campaigns()]
    selected = window.tree.selected_campaign()
    options = [by_year(), *names]
    current = options.index(selected) if selected in names else 0
    chosen, accepted = QInputDialog.getItem(
        window, dialog_title(), translate("submissions", "Store the surveys in the campaign (or type a new name):"),
        options, current, True)
    if not accepted:
        return None
    chosen = chosen.strip()
    return "" if chosen in ("", by_year()) else chosen


def import_files(window: MainWindowApi, paths: list[Path], campaign: str | None) -> Job:
    from cocoa_desktop.engine.progress import part
    from cocoa_desktop.gui.actions.jobs import Job, run_with_progress
    from cocoa_desktop.storage.submissions import import_submissions
    from cocoa_desktop.workbook.submissions import read_submissions

    def work(progress: Progress, cancelled: IsCancelled) -> Any:
        files = []
        for k, path in enumerate(paths):  # every file read and checked before anything is stored
            progress(0.5 * k / len(paths), translate("submissions", "Reading %1…").replace("%1", path.name))
            files.append(read_submissions(path, cancelled))
            if cancelled():
                return None
        return merge_on_own_connection(window, lambda repo: import_submissions(  # one transaction
            repo, files, campaign, progress=part(progress, 0.5, 0.5, translate("submissions", "Storing the surveys…")),
            cancelled=cancelled))

    job = Job(work, window.lang)

    def done(report: Any) -> None:
        text = reported(window, report, translate("submissions", "Import cancelled: nothing was changed."),
                        translate("submissions", "A farm that was already surveyed in this campaign and came "
                                                 "back different is marked “conflict to resolve”: select it "
                                                 "and choose Survey → Resolve conflict."))
        if text is None:
            return
        if not report.complete:
            text += "\n\n" + translate("submissions", "Refused submissions were not stored: correct them on the "
                                                      "phone or in KoboToolbox / ODK Central, export again and "
                                                      "import the file again (the others are recognised as "
                                                      "identical).")
        show_report(window, text, "\n".join(report.lines(window.lang)), warning=not report.complete)

    job.done.connect(done)
    job.failed.connect(lambda message: QMessageBox.warning(window, dialog_title(), message))
    run_with_progress(window, translate("submissions", "Importing phone submissions"), job)
    return job


def show_report(window: Any, text: str, details: str, warning: bool) -> None:
    """The import's summary, with every refusal, row without its submission and conflict under "Show Details"."""
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      translate("submissions", "Phone submissions imported"), text, QMessageBox.StandardButton.Ok,
                      window)
    box.setObjectName("submissions_report")
    if details:
        box.setDetailedText(details)
    box.exec()
