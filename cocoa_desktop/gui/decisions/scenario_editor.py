"""The scenario editor: what if the husk were composted, the bags were jute, the yield rose, more area were under
agroforestry, the cocoa travelled by another vehicle, a fertiliser were replaced — for the whole campaign or one
cooperative, before and after side by side (table and chart), saved with the campaign. When the scenario composts
husk, the report's "80 %, 1.43 → 0.28" is shown beside what the model gives."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.decisions.scenarios import (
    Change,
    Scenario,
    ScenarioResult,
    composting_comparison,
    parse_change,
)
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGE_LABELS
from cocoa_desktop.engine.model import vocabulary
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.words import pick, quantity
from cocoa_desktop.gui.actions.background import Background
from cocoa_desktop.gui.campaign.charts import before_after, paired_widget, short_name
from cocoa_desktop.gui.campaign.data import campaign_surveys
from cocoa_desktop.gui.decisions.scenario_data import stored_scenario
from cocoa_desktop.gui.fields import InputError, NumberEdit, format_number, wrap_words
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.main import computed_footprints
from cocoa_desktop.storage import scenarios as saved
from cocoa_desktop.storage import training
from cocoa_desktop.storage.database import StorageError

# lever: (objectName, label, the change it writes)
PERCENT_LEVERS = (
    ("scenario.husk_composted", QT_TRANSLATE_NOOP("scenario", "Husk composted (%)"), "husk.composted"),
    ("scenario.jute", QT_TRANSLATE_NOOP("scenario", "Jute sacks (% of the kg of bags)"), "packaging.jute_sack"),
)
LABEL_LINE = 24  # characters per line of a label of the form
TABLE_HEAD = (QT_TRANSLATE_NOOP("scenario", "Cooperative"), QT_TRANSLATE_NOOP("scenario", "Net t/yr before"),
              QT_TRANSLATE_NOOP("scenario", "after"), QT_TRANSLATE_NOOP("scenario", "change"),
              QT_TRANSLATE_NOOP("scenario", "kg/kg before"), QT_TRANSLATE_NOOP("scenario", "after"))


class ScenarioEditor(QWidget):
    def __init__(self, storage, campaign: str, factors: Factors, lang: str, parent: QWidget | None = None,
                 surveys: tuple[list[Survey], int] | None = None) -> None:
        """``surveys``: the campaign's (valid surveys, drafts) when already read (the decisions window reads them
        for both tabs): their cooperatives are offered, they are not kept. Nothing else of the surveys is read
        until a scenario is computed, and then only what it needs (:mod:`scenario_data`)."""
        super().__init__(parent)
        self.setObjectName("scenario_editor")
        self.storage, self.repo, self.campaign, self.factors, self.lang = storage, storage.repo, campaign, factors, lang
        if surveys is not None:
            cooperatives = list(dict.fromkeys(s.cooperative for s in surveys[0]))
            self.count = len(surveys[0])  # how many surveys a scenario reads at most
        else:  # each cooperative's count, one query (a cooperative of drafts only is offered too)
            groups = [g for g in self.repo.survey_groups() if g.campaign == campaign]
            cooperatives = [g.organisation for g in groups]
            self.count = sum(g.surveys for g in groups)
        self.result: ScenarioResult | None = None
        self.background = Background(self)
        self.background.done.connect(self._done)
        self.background.failed.connect(lambda message: self.message.setText(message))
        self.scope = QComboBox()
        self.scope.setObjectName("scenario.cooperative")
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(20)
        self.scope.addItem(translate("scenario", "The whole campaign"), None)
        for name in cooperatives:
            self.scope.addItem(name, name)
        form = QFormLayout()
        form.addRow(translate("scenario", "Apply to"), self.scope)
        self.percent: dict[str, NumberEdit] = {}
        for name, label, _ in PERCENT_LEVERS:
            edit = self._edit(NumberEdit(), name)
            self.percent[name] = edit
            form.addRow(translate("scenario", label), edit)
        self.yield_ = self._edit(QLineEdit(), "scenario.yield")
        form.addRow(translate("scenario", "Yield (kg/ha, or a change such as +20 %)"), self.yield_)
        self.agroforestry = self._edit(NumberEdit(), "scenario.agroforestry")
        form.addRow(translate("scenario", "Area under agroforestry (ha)"), self.agroforestry)
        self.vehicle = self._choices("scenario.vehicle", vocabulary.VEHICLE)
        form.addRow(translate("scenario", "Every transport leg by"), self.vehicle)
        self.fertiliser_from = self._choices("scenario.fertiliser_from", vocabulary.FERTILISER)
        self.fertiliser_to = self._choices("scenario.fertiliser_to", vocabulary.FERTILISER)
        swap = QHBoxLayout()
        swap.addWidget(self.fertiliser_from)
        swap.addWidget(QLabel("→"))
        swap.addWidget(self.fertiliser_to)
        form.addRow(translate("scenario", "Replace a fertiliser (same kg and N %)"), swap)
        self.other = self._edit(QLineEdit(), "scenario.other")
        self.other.setPlaceholderText("fermentation.method=sack; transport.legs.0.distance=40")
        form.addRow(translate("scenario", "Other changes (PATH=VALUE; …)"), self.other)
        self.name = self._edit(QLineEdit(), "scenario.name")
        form.addRow(translate("scenario", "Scenario name"), self.name)
        buttons = QHBoxLayout()
        for key, text, slot in (("scenario.compute", translate("scenario", "Compute"), self.compute),
                                ("scenario.save", translate("scenario", "Save with the campaign"), self.save),
                                ("scenario.delete", translate("scenario", "Delete"), self.delete)):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.saved = QComboBox()
        self.saved.setObjectName("scenario.saved")
        self.saved.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved.setMinimumContentsLength(20)
        self.saved.activated.connect(lambda _: self.load(self.saved.currentData()))
        form.addRow(translate("scenario", "Saved:"), self.saved)
        for row in range(form.rowCount()):  # short lines: the before-and-after table beside fits 1024 pixels
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel):
                label.widget().setText(wrap_words(label.widget().text(), LABEL_LINE))
        self.message = QLabel()
        self.message.setObjectName("scenario.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#b00020")
        self.table = QTableWidget(0, len(TABLE_HEAD))
        self.table.setObjectName("scenario.table")
        # headers on two short lines: the six columns fit beside the form on a 1024-pixel screen
        self.table.setHorizontalHeaderLabels([wrap_words(translate("scenario", h), 10) for h in TABLE_HEAD])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.claim = QLabel()
        self.claim.setObjectName("scenario.claim")
        self.claim.setWordWrap(True)
        self.chart_holder = QVBoxLayout()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        chart = QWidget()
        chart.setLayout(self.chart_holder)
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        self.views = QTabWidget()  # table and chart one over the other: both fit a 1024-pixel screen
        self.views.setObjectName("scenario.views")
        self.views.addTab(self.table, translate("scenario", "Before and after"))
        self.views.addTab(chart, translate("scenario", "Chart"))
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        for label in (self.message, self.claim):  # long sentences wrap to the form's width, never widen it
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            left.addWidget(label)
        left.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(left)  # as narrow as the form can be: the table takes the rest
        layout.addWidget(self.views, 1)
        if training.is_training(self.repo, campaign):
            self.message.setStyleSheet("color:#5d4200")
            self.message.setText(translate("scenario", "Training data: scenarios saved here go when it is reset."))
        self.fill_saved()

    def _edit(self, edit: QLineEdit, name: str) -> QLineEdit:
        edit.setObjectName(name)
        edit.setPlaceholderText(edit.placeholderText() or translate("scenario", "unchanged"))
        edit.returnPressed.connect(self.compute)
        return edit

    def _choices(self, name: str, words: vocabulary.Words) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        # as narrow as a short word: the long choices show whole in the open list (a 1024-pixel screen)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.addItem(translate("scenario", "(unchanged)"), None)
        for key, word in vocabulary.choices(words, self.lang):
            combo.addItem(word, key)
        return combo

    # ---- the changes typed ----
    def changes(self) -> list[Change]:
        found: list[Change] = []
        for name, _, path in PERCENT_LEVERS:
            value = self.percent[name].number()
            if value is not None:
                found.append(Change(path, format_number(value) + "%"))
        if self.yield_.text().strip():
            found.append(Change("general.yield_kg_ha", self.yield_.text().strip().replace(" ", "")))
        if (area := self.agroforestry.number()) is not None:
            found.append(Change("general.agroforestry_ha", format_number(area)))
        if self.vehicle.currentData():
            found.append(Change("transport.vehicle", self.vehicle.currentData()))
        product, replacement = self.fertiliser_from.currentData(), self.fertiliser_to.currentData()
        if product and replacement:
            found.append(Change(f"fertilisation.{product}", replacement))
        found += [parse_change(part) for part in self.other.text().split(";") if part.strip()]
        return found

    def scenario(self) -> Scenario:
        changes = tuple(self.changes())
        return Scenario(self.name.text().strip() or ", ".join(map(str, changes)), changes, self.scope.currentData())

    def compute(self) -> ScenarioResult | None:
        """Run the scenario: at once for a campaign of cooperatives; off the GUI thread for a large campaign of
        farms (the result is shown when it arrives; ``None`` is returned then)."""
        try:
            scenario = self.scenario()
            if not scenario.changes:
                raise InputError(translate("scenario", "Type at least one change."))
        except InputError as exc:
            self.message.setText(str(exc))
            return None
        except SurveyValidationError as exc:
            self._refused(exc)
            return None
        storage, f, name = self.storage, self.factors, self.campaign
        kept = computed_footprints.recall(storage, f)  # the main window's: what was computed is not computed again
        if self.count > self.BACKGROUND_FROM:
            self.message.setText(translate("scenario", "Computing…"))

            def work(progress):  # in a worker thread, on a connection of its own
                repo = storage.worker_repository()
                try:
                    return stored_scenario(repo, name, scenario, f, kept, progress)
                finally:
                    repo.conn.close()

            self.background.start(work, self.lang)
            return None
        try:
            result = stored_scenario(self.repo, name, scenario, f, kept)
        except SurveyValidationError as exc:
            self._refused(exc)
            return None
        except StorageError as exc:
            self.message.setText(exc.message(self.lang))
            return None
        self._done(result)
        return result

    # surveys (read whole, a survey takes about 0.3 ms; from the main window's footprints, a tenth of it)
    BACKGROUND_FROM = 1000

    @property
    def surveys(self) -> list[Survey]:
        """The campaign's valid surveys, read now (not kept: a regional campaign's are ~160 MB)."""
        return campaign_surveys(self.repo, self.campaign)[0]

    def _refused(self, exc: SurveyValidationError) -> None:
        self.message.setText("\n".join(f"{i.path}: {i.message(self.lang)}" for i in exc.issues))

    def _done(self, result: ScenarioResult) -> None:
        self.result = result
        self.message.clear()
        self.show_result(result)

    # ---- showing ----
    def show_result(self, result: ScenarioResult) -> None:
        lang = self.lang
        pairs = result.pairs()
        before, after = result.before.total, result.after.total
        stage_rows = [(pick(STAGE_LABELS[s], lang), before.stages[s], after.stages[s]) for s in before.stages]
        stage_rows.append((translate("scenario", "Sequestration"), before.sequestration_kg, after.sequestration_kg))
        self.table.setRowCount(len(pairs) + len(stage_rows) + 1)
        for row, (name, a, b) in enumerate(pairs):
            cells = [short_name(name), quantity(a.net_kg / 1000, 1, lang), quantity(b.net_kg / 1000, 1, lang),
                     quantity((b.net_kg - a.net_kg) / 1000, 1, lang), quantity(a.net_per_kg, 2, lang),
                     quantity(b.net_per_kg, 2, lang)]
            for column, text in enumerate(cells):
                self._cell(row, column, text, name if column == 0 else text)  # the whole name in the tooltip
        self._cell(len(pairs), 0, translate("scenario", "Stages of the total (t CO2e/yr)"))
        for offset, (label, a, b) in enumerate(stage_rows, start=len(pairs) + 1):
            for column, text in enumerate([label, quantity(a / 1000, 1, lang), quantity(b / 1000, 1, lang),
                                           quantity((b - a) / 1000, 1, lang)]):
                self._cell(offset, column, text)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 180))
        self.claim.setText(composting_comparison(result, self.factors, lang) or "")
        while self.chart_holder.count():
            old = self.chart_holder.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        rows = [*pairs[:-1], (translate("scenario", "Total"), *pairs[-1][1:])]
        chart = before_after(rows, translate("scenario", "Net kg CO2e per kg of cocoa"),
                             (translate("scenario", "before"), translate("scenario", "after")))
        self.chart_holder.addWidget(paired_widget(chart, lang))

    def _cell(self, row: int, column: int, text: str, tip: str = "") -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(tip or text)
        if column:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)

    # ---- saved with the campaign ----
    def fill_saved(self) -> None:
        self.saved.clear()
        self.saved.addItem(translate("scenario", "(choose)"), None)
        for doc in saved.load(self.repo, self.campaign):
            self.saved.addItem(doc["name"], doc)

    def save(self) -> None:
        try:
            scenario = self.scenario()
            saved.save(self.repo, self.campaign, scenario.document())
        except (InputError, SurveyValidationError, StorageError) as exc:
            self.message.setText(exc.message(self.lang) if isinstance(exc, StorageError) else str(exc))
            return
        self.fill_saved()
        self.saved.setCurrentIndex(self.saved.findText(scenario.name))
        self.message.setText(translate("scenario", "Saved: %1").replace("%1", scenario.name))

    def delete(self) -> None:
        doc = self.saved.currentData()
        if doc:
            saved.delete(self.repo, self.campaign, doc["name"])
            self.fill_saved()

    def load(self, doc: dict | None) -> None:
        """Put a saved scenario back into the form (levers where they fit, the rest as other changes)."""
        if not doc:
            return
        try:
            scenario = Scenario.from_document(doc)
        except SurveyValidationError as exc:
            self.message.setText(exc.issues[0].message(self.lang))
            return
        for edit in (*self.percent.values(), self.yield_, self.agroforestry, self.other):
            edit.clear()
        for combo in (self.vehicle, self.fertiliser_from, self.fertiliser_to):
            combo.setCurrentIndex(0)
        self.name.setText(scenario.name)
        self.scope.setCurrentIndex(max(self.scope.findData(scenario.cooperative), 0))
        other = []
        levers = {path: name for name, _, path in PERCENT_LEVERS}
        for change in scenario.changes:
            if change.path in levers and change.value.endswith("%"):
                self.percent[levers[change.path]].setText(change.value[:-1])
            elif change.path == "general.yield_kg_ha":
                self.yield_.setText(change.value)
            elif change.path == "general.agroforestry_ha":
                self.agroforestry.setText(change.value)
            elif change.path == "transport.vehicle" and self.vehicle.findData(change.value) > 0:
                self.vehicle.setCurrentIndex(self.vehicle.findData(change.value))
            else:
                other.append(str(change))
        self.other.setText("; ".join(other))
        self.compute()
