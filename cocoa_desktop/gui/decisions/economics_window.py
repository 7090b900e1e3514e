"""The carbon-project window: a project's main figures typed the Peruvian way, its indicators (NPV, the spreadsheet
NPV labelled, IRR, B/C, payback), the cash flow by year, the tornado, Table 11, break-even values, warnings and the
published source's inconsistencies; a second tab holds the survey sampling plan (:mod:`sampling_page`).

Itemised lists (investment, project costs) stay as the project file has them; the form edits the figures a
cooperative most often wants to try. Every input's objectName is ``economics.<path in the project model>``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.economics.project import (
    CarbonProject,
    Perspective,
    project_document,
    project_issues,
    read_project,
)
from cocoa_desktop.engine.economics.report import PERSPECTIVE_LABELS, Evaluation, evaluate_project
from cocoa_desktop.engine.economics.text import irr_text, money, percent
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.files.survey_io import checked_output
from cocoa_desktop.engine.model import paths
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.uncertainty.sensitivity import variable_label, variable_unit
from cocoa_desktop.engine.words import pick
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.fields import (
    InputError,
    NumberEdit,
    PercentEdit,
    closed_by_escape,
    fit_table,
    fit_to_screen,
    format_number,
    scrolling_body,
    wrap_words,
)
from cocoa_desktop.gui.focus_style import show_focus_within
from cocoa_desktop.gui.help import add_f1
from cocoa_desktop.gui.i18n import translate

EXAMPLE = "aprocam-2024-carbon-project.json"
LABEL_LINE = 32  # characters per line of a label: the form and the indicators side by side on a 1024-pixel screen
# (path in the project model, label, unit, kind)
FIELDS = (
    ("years", QT_TRANSLATE_NOOP("economics", "Years after year 0"), "", "int"),
    ("discount_rate", QT_TRANSLATE_NOOP("economics", "Discount rate"), "%", "percent"),
    ("cocoa.area_ha", QT_TRANSLATE_NOOP("economics", "Cocoa area"), "ha", "number"),
    ("cocoa.yield_kg_per_ha", QT_TRANSLATE_NOOP("economics", "Dry cocoa yield"), "kg/ha", "number"),
    ("cocoa.losses_share", QT_TRANSLATE_NOOP("economics", "Losses and self-consumption"), "%", "percent"),
    ("cocoa.price_pen_per_kg", QT_TRANSLATE_NOOP("economics", "Dry cocoa price"), "PEN/kg", "number"),
    ("cocoa.production_cost_pen_per_kg", QT_TRANSLATE_NOOP("economics", "Production cost"), "PEN/kg", "number"),
    ("sequestration.rate_t_co2_per_ha_year", QT_TRANSLATE_NOOP("economics", "Sequestration"), "t CO2/ha·yr",
     "number"),
    ("carbon.price_usd_per_t", QT_TRANSLATE_NOOP("economics", "Carbon price"), "USD/t CO2", "number"),
    ("carbon.exchange_rate_pen_per_usd", QT_TRANSLATE_NOOP("economics", "Exchange rate"), "PEN/USD", "number"),
    ("carbon.registry_fee_usd_per_credit", QT_TRANSLATE_NOOP("economics", "Registry fee per credit"), "USD",
     "number"),
    ("carbon.farmers_share", QT_TRANSLATE_NOOP("economics", "Farmers' share of carbon income"), "%", "percent"),
)


class EconomicsTab(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.project: CarbonProject | None = None
        self.evaluation: Evaluation | None = None
        self.chart_widgets: dict[str, QWidget] = {}
        body = scrolling_body(self)
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("economics.load_example", translate("economics", "Load the APROCAM 2024 example"), self.load_example),
            ("economics.open", translate("economics", "Open project…"), self.ask_open),
            ("economics.save", translate("economics", "Save project as…"), self.ask_save),
            ("economics.export_xlsx", translate("economics", "Export to Excel…"), self.ask_export),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        body.addLayout(buttons)
        self.title = QLabel()
        self.title.setObjectName("economics.title")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.title.setWordWrap(True)
        body.addWidget(self.title)

        top = QHBoxLayout()
        form = QFormLayout()
        self.perspective = QComboBox()
        self.perspective.setObjectName("economics.perspective")
        for p in Perspective:
            self.perspective.addItem(pick(PERSPECTIVE_LABELS[p], lang), p.value)
        self.perspective.currentIndexChanged.connect(self.recalculate)
        # the long labels must not make the window wider than a laptop screen
        self.perspective.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.perspective.setMinimumContentsLength(18)
        form.addRow(translate("economics", "Cash flow"), self.perspective)
        self.inputs: dict[str, QLineEdit] = {}
        for path, label, unit, kind in FIELDS:
            edit = PercentEdit() if kind == "percent" else NumberEdit(whole=kind == "int")
            edit.setObjectName(f"economics.{path}")
            edit.returnPressed.connect(self.recalculate)
            self.inputs[path] = edit
            text = f"{translate('economics', label)} ({unit})" if unit else translate("economics", label)
            form.addRow(wrap_words(text, LABEL_LINE), edit)  # short lines: the indicators beside fit 1024 pixels
        calculate = QPushButton(translate("economics", "Calculate"))
        calculate.setObjectName("economics.calculate")
        calculate.clicked.connect(self.recalculate)
        form.addRow(calculate)
        top.addLayout(form, 1)
        self.indicators = QGridLayout()
        self.values: dict[str, QLabel] = {}
        for row, (key, label) in enumerate((
            ("npv", translate("economics", "NPV (year 0 not discounted)")),
            ("npv_spreadsheet", translate("economics", "NPV, spreadsheet convention (also discounts year 0)")),
            ("irr", translate("economics", "IRR")),
            ("bc", translate("economics", "B/C (PV gross benefits ÷ PV gross costs)")),
            ("payback", translate("economics", "Payback year (cumulative flow ≥ 0)")),
            ("farm", translate("economics", "Farm break-even yield (no carbon)")),
        )):
            name = QLabel(wrap_words(label, LABEL_LINE))
            value = QLabel("—")
            value.setObjectName(f"economics.result.{key}")
            value.setStyleSheet("font-size: 13pt; font-weight: bold" if key in ("npv", "irr") else "")
            self.indicators.addWidget(name, row, 0)
            self.indicators.addWidget(value, row, 1)
            self.values[key] = value
        right = QVBoxLayout()
        right.addLayout(self.indicators)
        self.message = QLabel()
        self.message.setObjectName("economics.message")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        right.addStretch()
        top.addLayout(right, 1)
        body.addLayout(top)

        self.flow_table = self._table("economics.cash_flow")
        self.sensitivity = self._table("economics.sensitivity")
        self.break_even = QLabel()
        self.break_even.setObjectName("economics.break_even")
        self.break_even.setWordWrap(True)
        self.findings = QLabel()
        self.findings.setObjectName("economics.findings")
        self.findings.setWordWrap(True)
        self.charts = QVBoxLayout()
        flow_title = translate("economics", "Cash flow by year (PEN)")
        sensitivity_title = translate("economics", "Sensitivity (variables and steps of the paper’s Table 11)")
        body.addWidget(QLabel(f"<b>{flow_title}</b>"))
        body.addWidget(self.flow_table)
        body.addLayout(self.charts)
        body.addWidget(QLabel(f"<b>{sensitivity_title}</b>"))
        body.addWidget(self.sensitivity)
        body.addWidget(self.break_even)
        body.addWidget(self.findings)
        body.addStretch()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 0)
        table.setObjectName(name)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        return table

    # ---- loading and saving ----
    def load_example(self) -> None:
        self.set_project(read_project(example_path(EXAMPLE)))

    def set_project(self, project: CarbonProject) -> None:
        self.project = project
        doc = project.model_dump(mode="json")
        for path, edit in self.inputs.items():
            value = paths.get(doc, path)
            # ten decimals: the form must give back exactly what the file holds (7.37549685 PEN/kg)
            edit.setText(format_number(None if value is None else value * (100 if isinstance(edit, PercentEdit)
                                                                             else 1), 10))
        self.inputs["sequestration.rate_t_co2_per_ha_year"].setEnabled(project.sequestration.mode == "rate")
        self.perspective.blockSignals(True)
        self.perspective.setCurrentIndex(self.perspective.findData(project.perspective.value))
        self.perspective.blockSignals(False)
        self.title.setText(project.name)
        self.recalculate()

    def typed_project(self) -> CarbonProject:
        """The loaded project with the typed figures; InputError or SurveyValidationError when they cannot be used."""
        assert self.project is not None
        doc = self.project.model_dump(mode="json")
        for path, edit in self.inputs.items():
            value = edit.number()
            if value is None:
                raise InputError(translate("economics", "Enter a value for “%1”.")
                                 .replace("%1", translate("economics", next(f[1] for f in FIELDS if f[0] == path))))
            paths.put(doc, path, value)
        doc["perspective"] = self.perspective.currentData()
        try:
            return CarbonProject.model_validate(doc)
        except ValidationError as exc:  # in the user's words, as the command line says it (a short cost list…)
            raise SurveyValidationError(project_issues(exc, "")) from None

    def ask_open(self) -> None:
        path = file_dialogs.open_path(self, file_dialogs.ECONOMICS, translate("economics", "Open project…"),
                                      "JSON (*.json)")
        if path:
            try:
                self.set_project(read_project(path))
            except SurveyValidationError as exc:  # the message the command line gives, said where it is seen
                from PySide6.QtWidgets import QMessageBox

                self.show_problem(exc.summary(self.lang))
                QMessageBox.warning(self, translate("economics", "Open project…"), exc.summary(self.lang))

    def ask_save(self) -> None:
        if self.project is None:
            return
        path = file_dialogs.save_path(self, file_dialogs.ECONOMICS, translate("economics", "Save project as…"),
                                      "proyecto.json", "JSON (*.json)")
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> None:
        import json

        try:
            project = self.typed_project()
            path = checked_output(path)
            path.write_text(json.dumps(project_document(project), ensure_ascii=False, indent=2), encoding="utf-8")
        except (InputError, SurveyValidationError, OSError) as exc:
            self.show_problem(exc.summary(self.lang) if isinstance(exc, SurveyValidationError) else str(exc))

    def ask_export(self) -> None:
        if self.evaluation is None:
            return
        path = file_dialogs.save_path(self, file_dialogs.EXCEL, translate("economics", "Export to Excel…"),
                                      "evaluacion-economica.xlsx", "Excel (*.xlsx)")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        from cocoa_desktop.workbook.economics_sheet import write_economics_workbook

        if self.evaluation is None:
            return
        try:  # a few hundred cells: quick enough to write on the GUI thread
            write_economics_workbook(self.evaluation, path, self.lang)
        except SurveyValidationError as exc:
            self.show_problem(exc.summary(self.lang))

    # ---- results ----
    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(text)

    def recalculate(self) -> None:
        if self.project is None:
            return
        try:
            project = self.typed_project()
        except InputError as exc:
            self.show_problem(str(exc))
            return
        except SurveyValidationError as exc:
            self.show_problem("\n".join(f"{i.path}: {i.message(self.lang)}" for i in exc.issues))
            return
        self.evaluation = evaluate_project(project)
        self.show_evaluation(self.evaluation)

    def show_evaluation(self, ev: Evaluation) -> None:
        lang, r = self.lang, ev.result
        self.values["npv"].setText(f"{money(r.npv, lang)} PEN")
        self.values["npv_spreadsheet"].setText(f"{money(r.npv_spreadsheet, lang)} PEN")
        self.values["irr"].setText(irr_text(r, lang))
        self.values["bc"].setText(money(r.benefit_cost, lang, 3))
        self.values["payback"].setText("—" if r.payback_year is None else str(r.payback_year))
        farm = ev.farm
        self.values["farm"].setText(wrap_words(
            translate("economics", "%1 kg/ha (yield %2; literature %3)")
            .replace("%1", money(farm.break_even_kg_per_ha, lang, 0))
            .replace("%2", money(farm.yield_kg_per_ha, lang, 0))
            .replace("%3", money(farm.literature_kg_per_ha, lang, 0)), LABEL_LINE))
        self.message.setStyleSheet("color: #8a5a00")
        self.message.setText("\n".join("⚠ " + w.message(lang) for w in ev.warnings))
        self._fill_flow(ev)
        self._fill_sensitivity(ev)
        lines = []
        for b in ev.break_even:
            if b.change is None:
                verdict = translate("economics", "none: the NPV stays positive even at %1").replace(
                    "%1", percent(b.searched, lang, 0))
            else:
                verdict = f"{percent(b.change, lang)} → {money(b.value, lang)} {variable_unit(b.variable, lang)}"
            lines.append(f"• {variable_label(b.variable, lang)}: {verdict}")
        heading = translate("economics", "Break-even (NPV = 0, IRR = discount rate)")
        self.break_even.setText(f"<b>{heading}</b><br>" + "<br>".join(lines))
        if ev.findings:
            heading = translate("economics", "Where the published source contradicts itself")
            self.findings.setText(f"<b>{heading}</b><br>" + "<br>".join("• " + f.message(lang) for f in ev.findings))
        else:
            self.findings.clear()
        self.draw_charts(ev)

    def _fill_flow(self, ev: Evaluation) -> None:
        flow, lang = ev.flow, self.lang
        rows = [(("+ " if line.side == "benefit" else "− ") + line.label(lang), line.values) for line in flow.lines]
        rows += [(translate("economics", "Net flow"), flow.net), (translate("economics", "Cumulative"),
                                                                   flow.cumulative),
                 (translate("economics", "Credits (t CO2)"), flow.credits_t)]
        if any(flow.farmers_pen):
            rows.append((translate("economics", "Farmers' share"), flow.farmers_pen))
        table = self.flow_table
        table.setRowCount(len(rows))
        table.setColumnCount(flow.years + 2)
        table.setHorizontalHeaderLabels(["PEN"] + [translate("economics", "Year %1").replace("%1", str(t))
                                                   for t in range(flow.years + 1)])
        for row, (label, values) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(label))
            for t, value in enumerate(values):
                table.setItem(row, t + 1, QTableWidgetItem(money(value, lang)))
        fit_table(table)

    def _fill_sensitivity(self, ev: Evaluation) -> None:
        lang, table = self.lang, self.sensitivity
        heads = [translate("economics", "Variable"), translate("economics", "Change"),
                 translate("economics", "Value"), translate("economics", "NPV"),
                 translate("economics", "NPV (spreadsheet)"), translate("economics", "IRR"), "B/C"]
        table.setColumnCount(len(heads))
        table.setHorizontalHeaderLabels(heads)
        table.setRowCount(len(ev.table))
        for row, item in enumerate(ev.table):
            cells = (f"{variable_label(item.variable, lang)} ({variable_unit(item.variable, lang)})",
                     percent(item.change, lang), money(item.value, lang), money(item.result.npv, lang),
                     money(item.result.npv_spreadsheet, lang), irr_text(item.result, lang),
                     money(item.result.benefit_cost, lang))
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        fit_table(table)

    def draw_charts(self, ev: Evaluation) -> None:
        from cocoa_desktop.gui.decisions import economics_charts as ec

        while self.charts.count():
            old = self.charts.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        flow = ec.flow_widget(ec.flow_chart(ev, translate("economics", "Cash flow by year")),
                              (translate("economics", "Gross benefits"), translate("economics", "Gross costs"),
                               translate("economics", "Cumulative net flow"), translate("economics", "Year"),
                               translate("economics", "thousand PEN")))
        tornado = ec.tornado_widget(ec.tornado_chart(
            ev, translate("economics", "NPV (thousand PEN) with each variable 20 % lower (red) and higher (green)"),
            self.lang), self.lang)
        self.charts.addWidget(flow)
        self.charts.addWidget(tornado)
        self.chart_widgets = {"flow": flow, "tornado": tornado}


class EconomicsWindow(QTabWidget):
    """Two tabs: the carbon project, and the survey sampling plan."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        from cocoa_desktop.gui.decisions.sampling_page import SamplingPage

        super().__init__(parent)
        self.setObjectName("economics_window")
        add_f1(self, "economics")  # F1: this window's chapter of the guide
        self.setWindowTitle(translate("economics", "Carbon credits and sampling plan"))
        self.project_tab = EconomicsTab(lang)
        self.sampling_tab = SamplingPage(lang)
        self.addTab(self.project_tab, translate("economics", "Carbon-credit project"))
        self.addTab(self.sampling_tab, translate("economics", "Survey sampling plan"))
        fit_to_screen(self, 1200, 860)  # on a 1024×768 projector: the screen, less the window's frame
        show_focus_within(self)  # the tabs, the buttons and the choices show the keyboard focus with a ring

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not closed_by_escape(self, event):
            super().keyPressEvent(event)
