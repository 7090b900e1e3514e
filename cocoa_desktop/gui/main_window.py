"""The main window: campaigns → cooperatives → surveys, with new, open (resume), duplicate, delete; factor set,
GWP set and language, remembered in the settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.factors import DEFAULT_FACTOR_SET, available_factor_sets, factors_for, gwp_sets
from cocoa_desktop.engine.resources import example_path
from cocoa_desktop.gui.i18n import LANGUAGES, translate
from cocoa_desktop.storage.startup import Storage

if TYPE_CHECKING:
    from cocoa_desktop.gui.workbook_jobs import Job

SURVEY_ROLE = Qt.ItemDataRole.UserRole
EXAMPLES = ("san-martin-2020-region.json", "san-martin-2020-cooperatives.json")


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, storage: Storage, lang: str) -> None:
        super().__init__()
        self.storage = storage
        self.lang = lang
        self.setObjectName("main_window")
        self.setWindowTitle(translate("main", "Cocoa carbon footprint — San Martín"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("survey_tree")
        self.tree.setHeaderLabels([translate("main", "Campaign / cooperative / survey"), translate("main", "State")])
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_selected())
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("new_campaign", translate("main", "New campaign"), self.new_campaign),
            ("new_survey", translate("main", "New survey"), self.new_survey),
            ("open_survey", translate("main", "Open / resume"), self.open_selected),
            ("duplicate_survey", translate("main", "Duplicate into next campaign"), self.duplicate_selected),
            ("delete_survey", translate("main", "Delete"), self.delete_selected),
            ("load_examples", translate("main", "Load the San Martín 2020 examples"), self.load_examples),
            ("export_xlsx", translate("main", "Export campaign to Excel…"), self.ask_export),
            ("import_xlsx", translate("main", "Import from Excel…"), self.ask_import),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        self.factor_set = self._combo("factor_set", [(s, s) for s in available_factor_sets()],
                                      storage.repo.setting("factor_set", DEFAULT_FACTOR_SET))
        self.gwp = self._combo("gwp", [("", translate("main", "The set's own"))] + [(g, g) for g in gwp_sets()],
                               storage.repo.setting("gwp", ""))
        self.language = self._combo("language", [("es", "Español"), ("en", "English")], lang)
        self.language.currentIndexChanged.connect(self._language_chosen)
        options = QFormLayout()
        options.addRow(translate("main", "Factor set"), self.factor_set)
        options.addRow(translate("main", "GWP set"), self.gwp)
        options.addRow(translate("main", "Language"), self.language)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        layout.addLayout(options)
        self.setCentralWidget(central)
        decisions = self.menuBar().addMenu(translate("main", "&Decisions"))
        decisions.addAction(translate("main", "Carbon credits and sampling plan…"), self.open_economics)
        from cocoa_desktop.gui.decisions_menu import add_actions  # campaign view, scenarios, training campaign

        add_actions(self, decisions)
        self.resize(1000, 640)
        self.refresh()

    def _combo(self, name: str, items: list[tuple[str, str]], current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        if name != "language":
            combo.currentIndexChanged.connect(lambda: self.storage.repo.set_setting(name, combo.currentData()))
        return combo

    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        if lang in LANGUAGES and lang != self.lang:
            self.storage.repo.set_setting("language", lang)
            self.language_changed.emit(lang)

    def factors(self):
        return factors_for(self.factor_set.currentData(), self.gwp.currentData() or None)

    # ---- the tree ----
    def refresh(self) -> None:
        self.tree.clear()
        campaigns: dict[str, QTreeWidgetItem] = {}
        for row in self.storage.repo.campaigns():
            item = QTreeWidgetItem([row["name"], str(row["year"])])
            item.setData(0, SURVEY_ROLE, None)
            self.tree.addTopLevelItem(item)
            campaigns[row["name"]] = item
        coops: dict[tuple[str, str], QTreeWidgetItem] = {}
        for survey in self.storage.repo.surveys():
            key = (survey.campaign, survey.organisation)
            if key not in coops:
                coops[key] = QTreeWidgetItem(campaigns[survey.campaign],
                                             [survey.organisation or translate("main", "(no name yet)"), ""])
            state = translate("main", "complete") if survey.completed_at else translate("main", "in progress")
            if survey.open_conflicts:
                state = translate("main", "conflict to resolve")
            label = survey.farm_name or translate("main", "whole cooperative")
            leaf = QTreeWidgetItem(coops[key], [label, state])
            leaf.setData(0, SURVEY_ROLE, survey.id)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def selected_survey(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, SURVEY_ROLE) if item is not None else None

    def selected_campaign(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.text(0) if item is not None else None

    # ---- actions ----
    def new_campaign(self) -> str | None:
        year, ok = QInputDialog.getInt(self, translate("main", "New campaign"), translate("main", "Campaign year"),
                                       2025, 1990, 2100)
        if not ok:
            return None
        name = translate("main", "Campaign %1").replace("%1", str(year))
        self.storage.repo.ensure_campaign(name, year)
        self.refresh()
        return name

    def new_survey(self) -> None:
        campaign = self.selected_campaign() or self.new_campaign()
        if campaign is None:
            return
        row = self.storage.repo.campaign(campaign)
        survey_id = self.storage.repo.add_survey(
            {"unit": "cooperative", "general": {"organisation": "", "campaign_year": row["year"]}}, row["id"])
        self.refresh()
        self.open_survey(survey_id)

    def open_selected(self) -> None:
        survey_id = self.selected_survey()
        if survey_id:
            self.open_survey(survey_id)

    def open_survey(self, survey_id: str) -> None:
        from cocoa_desktop.gui.wizard.session import SurveySession
        from cocoa_desktop.gui.wizard.wizard import SurveyWizard

        wizard = SurveyWizard(SurveySession(self.storage.repo, survey_id, self.lang), self.factors(), self)
        wizard.finished.connect(lambda _: self.refresh())
        wizard.show()
        self.wizard = wizard

    def open_economics(self) -> None:
        from cocoa_desktop.gui.economics_window import EconomicsWindow

        self.economics = EconomicsWindow(self.lang)
        self.economics.show()

    def duplicate_selected(self) -> None:
        survey_id = self.selected_survey()
        if not survey_id:
            return
        year = self.storage.repo.survey_year(survey_id) + 1
        name = translate("main", "Campaign %1").replace("%1", str(year))
        campaign_id = self.storage.repo.ensure_campaign(name, year)
        self.storage.repo.duplicate_to_campaign(survey_id, campaign_id)
        self.refresh()

    def delete_selected(self) -> None:
        survey_id = self.selected_survey()
        if not survey_id:
            return
        answer = QMessageBox.question(self, translate("main", "Delete survey"),
                                      translate("main", "Delete this survey and everything typed in it?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.storage.repo.delete_survey(survey_id)
            self.refresh()

    # ---- Excel, off the GUI thread ----
    def campaign_item(self, name: str):
        from cocoa_desktop.engine.survey import Campaign, Survey

        row = self.storage.repo.campaign(name)
        surveys = []
        for survey in self.storage.repo.surveys(name):
            try:
                surveys.append(Survey.model_validate(self.storage.repo.document(survey.id)))
            except ValueError:
                continue  # drafts stay out of the workbook
        return Campaign(name=name, year=row["year"], region=row["region"], surveys=surveys)

    def export_campaign(self, name: str, path: Path) -> Job:
        from cocoa_desktop.gui.workbook_jobs import export_job, run_with_progress

        job = export_job(self.campaign_item(name), path, self.factors(), self.lang)
        job.done.connect(lambda result: self.statusBar().showMessage(str(result)))
        job.failed.connect(lambda message: QMessageBox.warning(self, "Excel", message))
        run_with_progress(self, translate("main", "Exporting to Excel"), job)
        return job

    def ask_export(self) -> None:
        name = self.selected_campaign()
        if name is None:
            QMessageBox.information(self, "Excel", translate("main", "Select a campaign first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, translate("main", "Export campaign to Excel…"),
                                              f"{name}.xlsx", "Excel (*.xlsx)")
        if path:
            self.export_campaign(name, Path(path))

    def import_workbook(self, path: Path) -> Job:
        from cocoa_desktop.gui.workbook_jobs import import_job, run_with_progress
        from cocoa_desktop.storage.sync import import_campaigns, surveys_as_campaigns

        job = import_job(path)

        def merge(item: object) -> None:
            report = import_campaigns(self.storage.repo, surveys_as_campaigns(item), str(path))
            self.refresh()
            self.statusBar().showMessage(report.summary(self.lang))

        job.done.connect(merge)
        job.failed.connect(lambda message: QMessageBox.warning(self, "Excel", message))
        run_with_progress(self, translate("main", "Importing from Excel"), job)
        return job

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("main", "Import from Excel…"), "", "Excel (*.xlsx)")
        if path:
            self.import_workbook(Path(path))

    def load_examples(self) -> None:
        from cocoa_desktop.storage.sync import import_campaigns, read_any

        for name in EXAMPLES:
            path = example_path(name)
            campaigns = read_any(path)
            if name.endswith("region.json"):
                campaigns[0] = campaigns[0].model_copy(update={"name": "San Martín 2019 — región (PROMPERÚ 2020)"})
            import_campaigns(self.storage.repo, campaigns, str(path))
        self.refresh()
