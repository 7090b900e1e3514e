"""Survey packages from the main window: export surveys to a ``.cacao.zip`` (e.g. on a USB stick) and import
one from another laptop, with a progress bar, off the GUI thread.

The work runs in a worker thread with its own connection to the database (SQLite in WAL mode lets the window keep
reading meanwhile); the window only shows progress and the result. Conflicts found on import are listed and
resolved with the conflict dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.actions.merging import merge_on_own_connection, reported
from cocoa_desktop.gui.i18n import translate

if TYPE_CHECKING:
    from cocoa_desktop.engine.progress import IsCancelled, Progress
    from cocoa_desktop.gui.actions.jobs import Job
    from cocoa_desktop.gui.main.api import MainWindowApi

SUFFIX = ".cacao.zip"


def _own_connection(window: MainWindowApi) -> Any:
    return window.storage.worker_repository()  # read-only (disk full) stays read-only: export still works


def export_package(window: MainWindowApi, path: Path, campaign: str | None) -> Job:
    from cocoa_desktop.engine.progress import part
    from cocoa_desktop.gui.actions.jobs import Job, run_with_progress
    from cocoa_desktop.storage import sync

    def work(progress: Progress, cancelled: IsCancelled) -> tuple[dict, list[str]]:
        checking = translate("packages", "Checking the surveys…")
        progress(0.02, checking)
        repo = _own_connection(window)
        try:
            return sync.export_package(repo, path, campaign, progress=part(progress, 0.02, 0.96, checking),
                                       cancelled=cancelled)
        finally:
            repo.conn.close()

    job = Job(work, window.lang)

    def done(result: tuple[dict, list[str]]) -> None:
        manifest, drafts = result
        exported = translate("packages", "1 survey exported to %2.") if manifest["surveys"] == 1 else \
            translate("packages", "%1 surveys exported to %2.")
        text = exported.replace("%1", str(manifest["surveys"])).replace("%2", str(path))
        if drafts:
            stayed = translate("packages", "1 incomplete survey stayed on this laptop: finish it first.") \
                if len(drafts) == 1 else \
                translate("packages", "%1 incomplete surveys stayed on this laptop: finish them first.")
            text += " " + stayed.replace("%1", str(len(drafts)))
        window.statusBar().showMessage(text)
        window.refresh()
        QMessageBox.information(window, translate("packages", "Package exported"), text)

    job.done.connect(done)
    job.failed.connect(lambda message: QMessageBox.warning(window, translate("packages", "Package"), message))
    run_with_progress(window, translate("packages", "Exporting surveys"), job)
    return job


def ask_export(window: MainWindowApi) -> None:
    campaign = window.tree.selected_campaign()
    stem = campaign or translate("packages", "surveys")
    path = file_dialogs.save_path(window, file_dialogs.PACKAGE, translate("main", "Export surveys to a package (USB)…"),
                                  f"{stem}{SUFFIX}", translate("packages", "Survey package (*.cacao.zip)"))
    if path:
        target = Path(path)
        if not target.name.endswith(SUFFIX):
            target = target.with_name(target.name.removesuffix(".zip") + SUFFIX)
        export_package(window, target, campaign)


def import_package(window: MainWindowApi, path: Path) -> Job:
    from cocoa_desktop.engine.progress import part
    from cocoa_desktop.gui.actions.jobs import Job, run_with_progress
    from cocoa_desktop.storage import sync

    def work(progress: Progress, cancelled: IsCancelled) -> Any:
        progress(0.02, translate("packages", "Reading and checking the file…"))
        # the package checked (zip, manifest, checksums, vectors); its surveys are read as the merge reaches them,
        # which is most of the work (20,000 surveys: reading ~0.5 s of ~5 s)
        campaigns = sync.read_incoming(path)
        if cancelled():
            return None
        merging = translate("packages", "Merging the surveys…")
        progress(0.1, merging)
        return merge_on_own_connection(window, lambda repo: sync.import_campaigns(  # one transaction
            repo, campaigns, str(path), progress=part(progress, 0.1, 0.9, merging), cancelled=cancelled))

    job = Job(work, window.lang)

    def done(report: Any) -> None:
        text = reported(window, report, translate("packages", "Import cancelled: nothing was changed."),
                        translate("packages", "Surveys changed here and on the other laptop are marked “conflict "
                                              "to resolve”: select one and choose Survey → Resolve conflict."))
        if text is not None:
            QMessageBox.information(window, translate("packages", "Package imported"), text)

    job.done.connect(done)
    job.failed.connect(lambda message: QMessageBox.warning(window, translate("packages", "Package"), message))
    run_with_progress(window, translate("packages", "Importing surveys"), job)
    return job


def ask_import(window: MainWindowApi) -> None:
    path = file_dialogs.open_path(window, file_dialogs.PACKAGE, translate("main", "Import a package…"),
                                  translate("packages", "Survey package or file (*.cacao.zip *.zip *.json)"))
    if path:
        import_package(window, Path(path))
