"""The main window: campaigns → cooperatives → surveys with their net footprint, a menu bar with keyboard
shortcuts (it fits a 1024×768 projector), the factor set, GWP set and language, remembered in the settings.

Excel, packages, conflicts and the change history live in their own modules; this one wires them to menus.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model import sections
from cocoa_desktop.gui.actions.running_jobs import stop_jobs
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.main import computed_footprints
from cocoa_desktop.gui.main.menus import build_menus
from cocoa_desktop.gui.main.settings_panel import SettingsPanel
from cocoa_desktop.gui.main.survey_tree import SurveyTree
from cocoa_desktop.gui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from cocoa_desktop.engine.footprint.factors import Factors
    from cocoa_desktop.gui.actions.jobs import Job
    from cocoa_desktop.storage.opened import Storage

EXAMPLES = ("san-martin-2020-region.json", "san-martin-2020-cooperatives.json")
BACKUP_CHECK_MS = 60 * 60 * 1000  # the daily backup is checked every hour while the app stays open
FOOTPRINT_DELAY_MS = 50  # the window paints first: the footprints (pydantic, the engine) load after it
SAVED_DELAY_MS = 600  # after a page is saved: each Siguiente restarts the wait, the footprints follow a pause
# Stored campaign names are data, not interface text: one name per year whatever the language ("Campaña 2026").
CAMPAIGN_NAME = "Campaña {year}"
OTHER_CAMPAIGN_NAMES = ("Campaign {year}",)
WRITE_ACTIONS = ("new_campaign", "new_survey", "duplicate_survey", "delete_survey", "load_examples", "import_xlsx",
                 "import_package", "resolve_conflict", "install_training", "reset_training")
SURVEY_ACTIONS = ("open_survey", "duplicate_survey", "delete_survey", "survey_history")


class MainWindow(QMainWindow):
    language_changed = Signal(str, str)  # the new language, the survey to reopen in it ("" if none)

    def __init__(self, storage: Storage | None, lang: str) -> None:
        """``storage`` may come later (``attach``): the window is on screen while the data folder opens."""
        super().__init__()
        self.storage = storage
        self.lang = lang
        self.read_only = False
        self.wizard = None
        self.footprint_job: Job | None = None
        self.terms_job: Job | None = None  # the campaign view's terms worked out after a large computation
        self.footprints_kept: tuple[tuple, dict] = ((), {})  # (factor set, GWP) → each survey's footprint
        self.progress_bar = None  # the footprints' progress, in the status bar while they are computed
        self.setObjectName("main_window")
        self.setWindowTitle(translate("main", "Cocoa carbon footprint — San Martín"))
        self.tree = SurveyTree()
        self.tree.itemActivated.connect(lambda *_: self.activate_selected())  # Enter or double click
        self.tree.currentItemChanged.connect(lambda *_: self.update_actions())
        self.actions_by_name = build_menus(self)
        self.banner = QLabel()
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; border: 1px solid #e0c060")
        self.banner.setText(translate("main", "Read only: the data folder cannot be written (full disk, a folder "
                                              "without permission, or a file another program holds). You can look "
                                              "at surveys and results and export them to another folder (e.g. a "
                                              "USB stick), but nothing can be changed or saved."))
        self.banner.hide()
        self.settings = SettingsPanel(lang)
        self.settings.language_chosen.connect(self.switch_language)
        self.settings.factors_changed.connect(self.compute_footprints)
        self.factor_set, self.gwp, self.language = self.settings.factor_set, self.settings.gwp, self.settings.language
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.tree)
        layout.addWidget(self.settings)
        self.setCentralWidget(central)
        fit_to_screen(self, 1000, 680)  # centred, frame and all, on a 1024×768 projector too
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.footprint_timer = QTimer(self)  # after the window is painted: see FOOTPRINT_DELAY_MS
        self.footprint_timer.setSingleShot(True)
        self.footprint_timer.setInterval(FOOTPRINT_DELAY_MS)
        self.footprint_timer.timeout.connect(self.compute_footprints)
        if storage is not None:
            self.attach(storage)
        else:
            for action in self.actions_by_name.values():
                action.setEnabled(False)
            self.statusBar().showMessage(translate("main", "Opening the data…"))

    def attach(self, storage: Storage) -> None:
        """The data folder is open: shortcuts, settings, the tree, the backup timer."""
        for action in self.actions_by_name.values():
            # setShortcuts (a list), not setShortcut: PySide resolves setShortcut's overloads by building the Qt
            # namespace's hundred-odd enum classes the first time (12-28 ms of start-up); the list form does not
            keys = action.property("keys")
            if keys:
                action.setShortcuts([QKeySequence(keys)])
            action.setEnabled(True)  # disabled while the data folder opened; refresh() narrows by selection
        self.storage = storage
        self.read_only = bool(getattr(storage, "read_only", False))
        reason = getattr(storage, "read_only_reason", None)
        if reason is not None:  # why: the disk is full, the folder cannot be written …
            self.banner.setText(self.banner.text() + "\n" + reason.message(self.lang))
        self.banner.setVisible(self.read_only)
        self.settings.attach(storage.repo, self.read_only)
        if not self.read_only:
            self.backup_timer.start()
        self.statusBar().clearMessage()
        self.refresh()
        self.tree.setFocus()  # the arrow keys walk the surveys from the first moment

    def stop_writing(self, message: str) -> None:
        """The data turned out damaged after the window opened (storage/deferred_checks.py): nothing more is
        written; the banner and a message say why and what to do."""
        self.read_only = True
        self.backup_timer.stop()
        self.banner.setText(message)
        self.banner.show()
        self.update_actions()
        QMessageBox.warning(self, "cocoa-desktop", message)

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def update_actions(self) -> None:
        """Survey actions need a survey selected; say so in the status bar instead of doing nothing (defect 11)."""
        kind = self.tree.selected_kind()
        for name in SURVEY_ACTIONS:
            self.action(name).setEnabled(kind == "survey")
        row = self.selected_row()  # kept with the tree: a selection reads nothing
        self.action("resolve_conflict").setEnabled(row is not None and row.open_conflicts > 0)
        self.action("export_xlsx").setEnabled(self.tree.selected_campaign() is not None)
        if self.read_only:
            for name in WRITE_ACTIONS:
                self.action(name).setEnabled(False)
        if kind == "survey":
            self.statusBar().clearMessage()
        if kind in ("campaign", "cooperative"):
            self.statusBar().showMessage(translate(
                "main", "Select a survey (a line under a cooperative) to open, duplicate or delete it; Enter opens "
                        "it."))

    def selected_row(self):  # -> SurveyRow | None
        return self.tree.survey_row(self.tree.selected_survey())

    # ---- settings ----
    def switch_language(self, lang: str, reopen: str = "") -> None:
        if not self.read_only:
            self.storage.repo.set_setting("language", lang)
        self.language_changed.emit(lang, reopen)

    def factors(self) -> Factors:
        return self.settings.factors()

    # ---- the tree ----
    def refresh(self) -> None:
        """The tree rebuilt from the campaigns and each cooperative's count; the open cooperatives' surveys read
        again (a regional folder is not read whole: see survey_tree)."""
        repo = self.storage.repo
        self.tree.fill(repo.campaigns(), repo.survey_groups(), repo.surveys, self.lang)
        self.update_actions()
        if self.tree.rows:  # an empty database has nothing to compute
            self.footprint_timer.start(FOOTPRINT_DELAY_MS)
        from cocoa_desktop.gui.actions import upkeep

        upkeep.fold_log(self)  # an import's write-ahead log copied into the file off the GUI thread

    def survey_saved(self, survey_id: str) -> None:
        """A page of the survey was saved: its row follows (one query), its footprint and sums are computed again
        off the GUI thread; the tree is rebuilt only when the survey moved to another cooperative or campaign."""
        row = self.storage.repo.survey_row(survey_id)
        if row is None or not self.tree.update_survey(row):
            self.refresh()
            return
        self.update_actions()
        self.footprint_timer.start(SAVED_DELAY_MS)  # once the technician pauses: not between two pages

    def compute_footprints(self) -> Job:
        """Every survey's footprint in a worker thread on its own connection (the GUI thread reads nothing), with
        progress in the status bar; the surveys unchanged since the last computation are not computed again."""
        from cocoa_desktop.gui.actions import jobs
        from cocoa_desktop.gui.main.tree_footprints import compute_footprints

        key = (self.factor_set.currentData(), self.gwp.currentData())
        kept = self.footprints_kept[1] if self.footprints_kept[0] == key else {}
        factors, storage = self.factors(), self.storage

        def work(progress, cancelled):  # in the worker thread
            repo = storage.worker_repository()
            try:
                return compute_footprints(repo, factors, kept, progress, cancelled)
            finally:
                repo.conn.close()

        if self.footprint_job is not None and not self.footprint_job.finished:
            self.footprint_job.cancel_requested = True  # its figures are out of date: it stops at its next report
        job = jobs.Job(work, self.lang)
        job.progress.connect(lambda value, _: self.footprint_progress(value))
        job.done.connect(lambda result, job=job: self.footprints_done(job, result, key))
        job.failed.connect(lambda message, job=job: self.footprints_done(job, None, key, message))
        self.footprint_job = job
        jobs.start(self, job)
        return job

    def footprint_progress(self, value: int) -> None:
        from PySide6.QtWidgets import QProgressBar

        if self.progress_bar is None:
            self.progress_bar = QProgressBar()
            self.progress_bar.setObjectName("footprint_progress")
            self.progress_bar.setMaximumWidth(220)
            self.progress_bar.setFormat(translate("main", "Footprints %p %"))
            self.progress_bar.setToolTip(translate("main", "Computing the net footprint of every survey; the tree "
                                                           "can be used meanwhile"))
            self.statusBar().addPermanentWidget(self.progress_bar)
        self.progress_bar.setValue(value)
        self.progress_bar.setVisible(value < 100)

    def footprints_done(self, job: Job, result: object, key: tuple, message: str = "") -> None:
        if job is not self.footprint_job:
            return  # a newer job's figures win
        if self.progress_bar is not None:
            self.progress_bar.hide()
        if message:
            self.statusBar().showMessage(message)
        if result is None:
            return
        found, kept = result
        self.footprints_kept = (key, kept)
        computed_footprints.remember(self.storage, self.factors(), kept)  # the campaign view's table at once
        self.tree.show_footprints(found, self.lang)
        from cocoa_desktop.gui.main import campaign_terms

        campaign_terms.follow(self)  # and, after a large computation, its recommendations and intervals at once
        from cocoa_desktop.gui.actions import upkeep

        upkeep.restamp(self)  # stamps of an older survey model made current, once, now the window has all it needs

    def activate_selected(self) -> None:
        if self.tree.selected_kind() == "survey":
            self.open_selected()
        elif self.tree.currentItem() is not None:
            self.tree.currentItem().setExpanded(not self.tree.currentItem().isExpanded())

    # ---- campaigns and surveys ----
    def campaign_for_year(self, year: int) -> str:
        """The campaign of a year, the same whatever the interface language."""
        names = {row["name"] for row in self.storage.repo.campaigns()}
        for pattern in (CAMPAIGN_NAME, *OTHER_CAMPAIGN_NAMES):
            if pattern.format(year=year) in names:
                return pattern.format(year=year)
        name = CAMPAIGN_NAME.format(year=year)
        self.storage.repo.ensure_campaign(name, year)
        return name

    def new_campaign(self) -> str | None:
        from cocoa_desktop.gui.main import year_dialog  # its title whole (QInputDialog showed "Nueva… paña")

        year = year_dialog.ask_year(self, translate("main", "New campaign"), translate("main", "Campaign year"),
                                    date.today().year)
        if year is None:
            return None
        name = self.campaign_for_year(year)
        self.refresh()
        self.tree.select_campaign(name)  # the next "New survey" goes into it
        return name

    def new_survey(self) -> None:
        campaign = self.tree.selected_campaign() or self.new_campaign()
        if campaign is None:
            return
        row = self.storage.repo.campaign(campaign)
        survey_id = self.storage.repo.add_survey(
            {"unit": "cooperative", "general": {"organisation": "", "campaign_year": row["year"]}}, row["id"])
        self.refresh()
        self.open_survey(survey_id, new=True)

    def open_selected(self) -> None:
        survey_id = self.tree.selected_survey()
        if survey_id:
            self.open_survey(survey_id)

    def open_survey(self, survey_id: str, new: bool = False) -> None:
        """Open the survey in a modal wizard: the main window waits until it is closed (defect 9)."""
        from cocoa_desktop.gui.actions import upkeep
        from cocoa_desktop.gui.wizard.session import SurveySession
        from cocoa_desktop.gui.wizard.wizard import SurveyWizard

        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            return
        session = SurveySession(self.storage.repo, survey_id, self.lang, read_only=self.read_only)
        wizard = SurveyWizard(session, self.factors(), self)
        wizard.finished.connect(lambda _: self.wizard_closed(wizard, survey_id, new))
        wizard.saved.connect(self.survey_saved)  # the tree follows each page saved
        wizard.language_requested.connect(lambda lang: self.wizard_language(wizard, lang, survey_id))
        self.wizard = wizard
        upkeep.survey_open(self.storage, True)
        wizard.show()

    def wizard_closed(self, wizard: QWidget, survey_id: str, new: bool) -> None:
        from cocoa_desktop.gui.actions import upkeep

        deleted = new and not self.read_only and self.is_untouched(survey_id)
        if deleted:
            self.storage.repo.delete_survey(survey_id)  # a new survey closed before anything was typed
        if self.wizard is wizard:
            self.wizard = None
            upkeep.survey_open(self.storage, False)
        wizard.deleteLater()
        if deleted:
            self.refresh()
        else:
            self.survey_saved(survey_id)
        self.activateWindow()  # the keys come back here without a click (some window managers focus nothing)
        self.tree.setFocus()

    def is_untouched(self, survey_id: str) -> bool:
        from cocoa_desktop.storage.database import StorageError

        try:
            doc = self.storage.repo.document(survey_id)
        except StorageError:
            return False
        general = {k: v for k, v in (doc.get("general") or {}).items() if k not in ("campaign_year", "region")}
        others = [doc.get(k) for k in sections.SECTIONS if k != "general"]
        return not any(general.values()) and not any(others)

    def wizard_language(self, wizard: QWidget, lang: str, survey_id: str) -> None:
        """The language switched inside the wizard: the page is saved, the app speaks ``lang``, the survey reopens."""
        wizard.close_without_asking()
        self.switch_language(lang, reopen=survey_id)

    def open_economics(self) -> None:
        from cocoa_desktop.gui.decisions.economics_window import EconomicsWindow

        self.economics = EconomicsWindow(self.lang)
        self.economics.show()

    def duplicate_selected(self) -> None:
        survey_id = self.tree.selected_survey()
        if not survey_id:
            return
        # a failed save (a full disk) is said by the menu's guard (main_menus._guarded): nothing copied
        campaign = self.campaign_for_year(self.storage.repo.survey_year(survey_id) + 1)
        new_id = self.storage.repo.duplicate_to_campaign(survey_id, self.storage.repo.campaign(campaign)["id"])
        self.refresh()
        self.tree.setCurrentItem(self.tree.show_survey(self.storage.repo.survey_row(new_id)))
        self.statusBar().showMessage(translate("main", "Copied into %1.").replace("%1", campaign))

    def delete_selected(self) -> None:
        survey_id = self.tree.selected_survey()
        if not survey_id:
            return
        answer = QMessageBox.question(self, translate("main", "Delete survey"),
                                      translate("main", "Delete this survey and everything typed in it?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.storage.repo.delete_survey(survey_id)
            self.refresh()

    def show_history(self) -> None:
        from cocoa_desktop.gui.history.view import HistoryView

        survey_id = self.tree.selected_survey()
        if survey_id:
            self.history_view = HistoryView(self.storage.repo, survey_id, self.lang, self.read_only, self)
            self.history_view.restored.connect(self.refresh)
            self.history_view.open()

    def resolve_selected(self) -> None:
        from cocoa_desktop.gui.history.conflict_dialog import ConflictDialog

        survey_id = self.tree.selected_survey()
        if survey_id:
            self.conflict_dialog = ConflictDialog(self.storage.repo, survey_id, self.lang, self)
            self.conflict_dialog.finished.connect(lambda _: self.refresh())
            self.conflict_dialog.open()

    def load_examples(self) -> None:
        from cocoa_desktop.storage.sync import import_campaigns, read_any

        for name in EXAMPLES:
            path = example_path(name)
            campaigns = read_any(path)
            if name.endswith("region.json"):
                campaigns[0] = campaigns[0].model_copy(update={"name": "San Martín 2019 — región (PROMPERÚ 2020)"})
            import_campaigns(self.storage.repo, campaigns, str(path))
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.footprint_timer.stop()
        self.backup_timer.stop()
        stop_jobs()  # footprints still being computed: stop them, the window is going
        super().closeEvent(event)

    # ---- backups while the app stays open ----
    def backup_if_due(self) -> None:
        from cocoa_desktop.storage.database import StorageError

        try:
            made = self.storage.daily_backup_if_due()
        except (StorageError, OSError) as exc:
            message = exc.message(self.lang) if isinstance(exc, StorageError) else str(exc)
            self.statusBar().showMessage(translate("main", "The daily backup failed: %1").replace("%1", message))
            return
        if made is not None:
            self.statusBar().showMessage(translate("main", "Daily backup made: %1").replace("%1", str(made)))
