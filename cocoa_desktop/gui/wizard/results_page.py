"""Review and results: the stage table, key indicators, land-use change apart, how it was computed, charts."""

from __future__ import annotations

import html
import itertools
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.compute import explain
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, Footprint, Step, note_message
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.words import pick, quantity
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.fields import fit_table, scrolling_body
from cocoa_desktop.gui.focus_style import show_focus_within
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.wizard.chart_slot import ChartSlot
from cocoa_desktop.gui.wizard.interval_line import IntervalLine
from cocoa_desktop.gui.wizard.page import WIZARD_BUTTONS
from cocoa_desktop.gui.wizard.session import SurveySession
from cocoa_desktop.storage.database import StorageError

# The recommendations' words, the warnings and the land-use change's report are imported where the page is first
# filled, not with the wizard: the first survey opened took their 20 ms more.
LARGE_STYLE = "QLabel, QTableWidget, QHeaderView { font-size: 18pt; }"
INDICATORS = (QT_TRANSLATE_NOOP("results", "Gross emissions"),
              QT_TRANSLATE_NOOP("results", "Sequestration (crop photosynthesis)"),
              QT_TRANSLATE_NOOP("results", "Net emissions"))


def read_only_table(columns: int, name: str, headers: list[str]) -> QTableWidget:
    """A results table: nothing to type, so no editing and no Tab stop (Tab went round its cells: defect 3)."""
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setTabKeyNavigation(False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ResultsPage(QWizardPage):
    def __init__(self, session: SurveySession, factors: Factors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.factors = factors
        self.setObjectName("page.results")
        self.setTitle(translate("pages", "Review and results"))
        self.setSubTitle(translate("pages", "The footprint with the chosen factor set, and how each number was "
                                            "computed."))
        self.steps: list[Step] = []
        self.chart_slots: dict[str, ChartSlot] = {}  # each chart is made when it first comes on screen
        self.footprint: Footprint | None = None
        self.survey_name = ""  # on the charts and in the names of saved charts
        self.draw_count = 0  # how many times the charts were drawn anew (a test runs the app through many redraws)
        self.large = False
        self.built = False

    def build(self) -> None:
        """The page's labels, tables and buttons, made when the page is first shown (once)."""
        if self.built:
            return
        self.built = True
        layout = scrolling_body(self)
        self.factor_label = QLabel()
        self.factor_label.setObjectName("results.factor_set")
        self.factor_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("results.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.headline = QLabel()
        self.headline.setObjectName("results.net_per_kg")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 20pt; font-weight: bold")
        self.stages = read_only_table(3, "results.stages", [translate("results", "Stage"),
                                                            "t CO2e/" + translate("results", "yr"), "%"])
        self.indicators = read_only_table(3, "results.indicators", [
            "", "t/" + translate("results", "yr"), translate("results", "kg per kg cocoa")])
        self.spread = QLabel()
        self.spread.setObjectName("results.interval")
        self.spread.setWordWrap(True)
        self.interval = IntervalLine(self.spread, self.factors, self)
        self.luc = QLabel()
        self.luc.setObjectName("results.land_use_change")
        self.luc.setWordWrap(True)
        self.luc_compared = read_only_table(3, "results.land_use_change_compared", ["", "", ""])  # engine's words
        self.advice = QLabel()
        self.advice.setObjectName("results.recommendations")
        self.advice.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("results.notes")
        self.notes.setWordWrap(True)
        self.saved = QLabel()
        self.saved.setObjectName("results.saved")
        self.saved.setWordWrap(True)
        explain_button = QPushButton(translate("results", "How was this &computed?"))
        explain_button.setObjectName("results.explain")
        explain_button.clicked.connect(self.show_steps)
        self.present_button = QPushButton(translate("results", "&Presentation mode (large text)"))
        self.present_button.setObjectName("results.presentation")
        self.present_button.setCheckable(True)
        self.present_button.toggled.connect(self.set_presentation)
        save_button = QPushButton(translate("results", "&Save charts (PNG or SVG)…"))
        save_button.setObjectName("results.save_charts")
        save_button.clicked.connect(self.ask_where_to_save)
        actions = QHBoxLayout()
        self.buttons = (explain_button, self.present_button, save_button)
        for button in self.buttons:
            button.setFont(QApplication.font())  # the usual size in presentation mode too: they fit a 1024 screen
            actions.addWidget(button)
        self.charts = QVBoxLayout()  # full width each: stage names are long
        for widget in (self.factor_label, self.message, self.headline, self.spread, self.stages, self.indicators,
                       self.luc, self.luc_compared, self.advice, self.notes):
            layout.addWidget(widget)
        layout.addLayout(actions)
        layout.addWidget(self.saved)
        layout.addLayout(self.charts)
        show_focus_within(self)  # the ring on its buttons (the wizard's own call came before they were made)
        self.set_tab_order()

    def take_focus(self) -> None:
        """The page's body takes the keys (the arrows scroll it), as when the page was made with the wizard: it is
        made when first shown now, after the wizard's buttons, and Qt gave the keys to Finalizar instead."""
        self.findChild(QScrollArea).setFocus(Qt.FocusReason.OtherFocusReason)

    def set_tab_order(self) -> None:
        """Tab goes through the buttons, the charts made so far, then the wizard's buttons left to right: the page
        is made after the wizard's buttons (and a chart when it comes on screen), where Qt's order put it among
        them."""
        chain: list[QWidget] = list(self.buttons)
        for slot in self.chart_slots.values():
            if slot.chart is not None:
                chain += [w for w in slot.chart.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        wizard = self.wizard()
        if wizard is not None:
            chain += [wizard.button(b) for b in WIZARD_BUTTONS]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def initializePage(self) -> None:
        from cocoa_desktop.engine.footprint.checks import survey_warnings

        self.build()
        self.message.clear()
        self.message.setStyleSheet("color: #b00020")
        lang = self.session.lang
        self.factor_label.setText(translate("results", "Factor set: %1 — GWP %2")
                                  .replace("%1", self.factors.factor_set.name(lang)).replace("%2", self.factors.gwp.id))
        self.saved.clear()
        try:
            survey = self.session.survey()
        except ValidationError:
            self.message.setText(
                translate("results", "The survey is not complete yet: go back to the pages with messages."))
            self.footprint = None
            return
        self.survey_name = ", ".join(filter(None, (survey.general.organisation, survey.general.farm_name,
                                                  str(survey.general.campaign_year))))
        self.footprint, self.steps = explain(survey, self.factors)
        self.show_footprint(self.footprint, lang)
        self.show_decisions(survey, self.footprint, lang)
        warnings = [w.message(lang) for w in survey_warnings(survey, self.footprint)]
        self.message.setStyleSheet("color: #8a5a00")
        self.message.setText("\n".join("⚠ " + w for w in warnings))
        try:
            self.session.mark_completed()
        except StorageError as exc:  # a full disk, say: the results stand, "complete" is marked next time
            wizard = self.wizard()
            if wizard is not None and hasattr(wizard, "storage_failed"):
                wizard.storage_failed(exc)

    def show_decisions(self, survey: Survey, fp: Footprint, lang: str) -> None:
        """The net result with its 90 % interval (10,000 seeded draws over the factors' ranges and the values marked
        estimated), and what the unit could do, in the order of the mitigation hierarchy (the campaign view adds the
        comparison with the other cooperatives). The interval is computed off the GUI thread (interval_line.py)."""
        from cocoa_desktop.engine.decisions import recommendation_words
        from cocoa_desktop.engine.decisions.recommendations import plan_for
        from cocoa_desktop.engine.footprint.husk_model import husk_model_sentence

        plan = plan_for(fp.label, [survey], fp, self.factors, campaign_yield=0.0)
        # the factor that may decide the sign, with both numbers, under the interval
        below = husk_model_sentence(plan.husk_model, lang) if plan.husk_model is not None else ""
        self.interval.start(survey, below, lang)
        lines = [recommendation_words.message(rec, lang) for rec in plan.items]
        self.advice.setText("<b>" + translate("results", "What this unit could do") + "</b><ul>" +
                            "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>" if lines else "")

    def cleanupPage(self) -> None:
        """Going back, or the wizard closing: an interval still being computed is no longer wanted."""
        if self.built:
            self.interval.stop()
        super().cleanupPage()

    def show_footprint(self, fp: Footprint, lang: str) -> None:
        ranked = fp.ranked_stages()
        self.stages.setRowCount(len(ranked))
        for row, (stage, value) in enumerate(ranked):
            cells = (f"{row + 1}. {pick(STAGE_LABELS[stage], lang)}", quantity(value / 1000, 1, lang),
                     quantity(fp.share(stage) * 100, 2, lang))
            for column, text in enumerate(cells):
                self.stages.setItem(row, column, QTableWidgetItem(text))
        rows = ((fp.gross_kg, fp.gross_per_kg), (fp.sequestration_kg, fp.sequestration_per_kg),
                (fp.net_kg, fp.net_per_kg))
        self.indicators.setRowCount(3)
        for row, (label, (kg, per_kg)) in enumerate(zip(INDICATORS, rows, strict=True)):
            for column, text in enumerate((translate("results", label), quantity(kg / 1000, 1, lang),
                                           quantity(per_kg, 2, lang))):
                self.indicators.setItem(row, column, QTableWidgetItem(text))
        self.headline.setText(translate("results", "Net: %1 kg CO2e per kg of dry cocoa")
                              .replace("%1", quantity(fp.net_per_kg, 2, lang)))
        self.show_land_use_change(fp, lang)
        self.notes.setText("\n".join("• " + note_message(n, lang) for n in sorted(fp.notes)
                                      if not land_use.is_basis_note(n)))  # the assumption is said with its figure
        fit_table(self.stages)
        fit_table(self.indicators)
        self.draw_charts(fp, lang)

    def show_land_use_change(self, fp: Footprint, lang: str) -> None:
        """The one-off total and this campaign's share by PAS 2050 (t/yr, kg/kg), the assumption taken for the
        conversion year, and the footprint without and with it side by side: the engine's words, as in the PDF,
        the workbook and the command line."""
        from cocoa_desktop.engine.report import LUC_COMPARISON_HEAD, luc_assumptions, luc_comparison, luc_figure

        years = self.factors["luc_amortisation_years"]
        assumed = luc_assumptions(fp, lang, years)
        self.luc.setText(luc_figure(fp, lang, years) + (f"\n{assumed}" if assumed else ""))
        self.luc_compared.setVisible(bool(assumed))
        if not assumed:
            return
        self.luc_compared.setHorizontalHeaderLabels(["kg CO2e/kg", *(pick(h, lang) for h in LUC_COMPARISON_HEAD)])
        rows = luc_comparison(fp, lang)
        self.luc_compared.setRowCount(len(rows))
        for row, (label, without, with_luc) in enumerate(rows):
            for column, text in enumerate((label, quantity(without, 2, lang),
                                           quantity(with_luc, 2, lang))):
                self.luc_compared.setItem(row, column, QTableWidgetItem(text))
        fit_table(self.luc_compared)

    def draw_charts(self, fp: Footprint, lang: str) -> None:
        """The two charts, each made when it first comes on screen (they are below the tables: chart_slot.py)."""
        while self.charts.count():
            old = self.charts.takeAt(0).widget()
            if old is not None:
                old.hide()  # out of sight at once: it is deleted when the event loop next runs
                old.deleteLater()
        name, large = self.survey_name, self.large
        shares_title = translate("results", "Share of each stage (%)") + (f" — {name}" if name else "")
        labels = (translate("results", "Emissions"), translate("results", "Sequestration"), translate("results", "Net"))
        balance_title = translate("results", "t CO2e per year") + (f" — {name}" if name else "")

        def shares() -> QWidget:
            from cocoa_desktop.gui.charts import plots as charts

            widget = charts.bar_widget(charts.stage_share_bars(fp, lang, shares_title), large)
            widget.setObjectName("results.chart.stages")
            return widget

        def balance() -> QWidget:
            from cocoa_desktop.gui.charts import plots as charts

            widget = charts.bar_widget(charts.balance_bars(fp, labels, balance_title, lang), large)
            widget.setObjectName("results.chart.balance")
            return widget

        self.chart_slots = {"stages": ChartSlot(shares, large, "results.chart.stages", self.set_tab_order),
                            "balance": ChartSlot(balance, large, "results.chart.balance", self.set_tab_order)}
        for slot in self.chart_slots.values():
            self.charts.addWidget(slot)
        self.draw_count += 1

    def make_charts(self) -> dict[str, QWidget]:
        """The charts on the page, made now if they were not on screen yet, and laid out where they stand (a chart
        scrolled to at once is where it is shown)."""
        made = any(slot.chart is None for slot in self.chart_slots.values())
        charts = {name: slot.fill() for name, slot in self.chart_slots.items()}
        if made:
            for _ in range(3):  # the slots', the body's and the scroll area's layouts, each asked by the one before
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return charts

    @property
    def chart_widgets(self) -> dict[str, QWidget]:
        return self.make_charts()

    def set_presentation(self, on: bool) -> None:
        """Large text, tables and charts for a workshop projector; the wizard goes full screen. The buttons keep
        their size (three large buttons would not fit a 1024-pixel projector)."""
        self.large = on
        self.setStyleSheet(LARGE_STYLE if on else "")
        self.headline.setStyleSheet(f"font-size: {28 if on else 20}pt; font-weight: bold")
        wizard = self.wizard()
        if wizard is not None and on:
            self.normal_geometry = wizard.saveGeometry()
            wizard.setGeometry(wizard.screen().geometry())  # the whole screen, with or without a window manager
            wizard.showFullScreen()
        elif wizard is not None:
            wizard.showNormal()
            if getattr(self, "normal_geometry", None) is not None:
                wizard.restoreGeometry(self.normal_geometry)
        if self.footprint is not None:
            self.show_footprint(self.footprint, self.session.lang)

    def chart_paths(self, target: Path) -> dict[str, Path]:
        """The typed name, one file per chart: huella.png → huella-etapas.png, huella-balance.png."""
        suffix = target.suffix.lower() if target.suffix.lower() in (".png", ".svg") else ".png"
        words = {"stages": translate("results", "stages"), "balance": translate("results", "balance")}
        return {name: target.with_name(f"{target.stem}-{words[name]}{suffix}") for name in self.chart_slots}

    def save_charts(self, target: Path) -> list[Path]:
        from cocoa_desktop.gui.charts import plots as charts

        target.parent.mkdir(parents=True, exist_ok=True)
        paths = self.chart_paths(target)
        return [charts.save_chart(self.chart_widgets[name], path) for name, path in paths.items()]

    def ask_where_to_save(self) -> None:
        self.make_charts()  # now, if they were not on screen yet: saved at once when the name is given
        suggested = (self.survey_name or translate("results", "footprint")).replace(", ", "-")
        path = file_dialogs.save_path(self, file_dialogs.CHARTS, translate("results", "Save charts"),
                                      f"{suggested}.png", "PNG (*.png);;SVG (*.svg)")
        if not path:
            return
        paths = self.chart_paths(Path(path))
        existing = [p.name for p in paths.values() if p.exists()]
        if existing and QMessageBox.question(
                self, translate("results", "Save charts"),
                translate("results", "Replace %1?").replace("%1", ", ".join(existing))) != \
                QMessageBox.StandardButton.Yes:
            return
        try:
            saved = self.save_charts(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, translate("results", "Save charts"),
                                translate("results", "The charts could not be saved: %1").replace("%1", str(exc)))
            return
        self.saved.setText(translate("results", "Saved: %1").replace("%1", ", ".join(str(p) for p in saved)))

    def show_steps(self) -> None:
        from cocoa_desktop.gui.wizard.steps_dialog import StepsDialog

        self.steps_dialog = StepsDialog(self.steps, self.factors, self.session.lang, self)
        self.steps_dialog.show()
