"""The campaign view: every cooperative of a campaign with the report's §7 columns, ranked by net kg CO2e/kg, the
total as a sum, the 90 % interval of each (computed off the GUI thread), what to avoid, reduce and compensate; the
report's own −1.1 % said in words; the regional scale-up; charts (ranking, share of the net emissions, stage
shares), year over year against another campaign, and the selected cooperative's detail.

The surveys are read once for all of it and none is kept (
:class:`~cocoa_desktop.engine.footprint.campaign_summary.CampaignSummary`; 10,000 farms' models are about 240 MB): a
campaign of up to ``SYNC_SURVEYS`` before the view is shown, a larger one off the GUI thread, its table shown at once
from the footprints the main window has computed and the rest from the terms it computed beside them, in a few tenths
of a second (:func:`~cocoa_desktop.gui.campaign.data.kept_read`: only a unit to densify has its surveys read). The
Monte Carlo evaluates each cooperative's sums on the draws, off the GUI thread."""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.decisions.recommendation_words import densification_comparison, plan_notes
from cocoa_desktop.engine.decisions.recommendations import Plan
from cocoa_desktop.engine.footprint.campaign import CampaignTable, report_difference
from cocoa_desktop.engine.footprint.campaign_summary import CampaignSummary
from cocoa_desktop.engine.footprint.extrapolation import (
    cooperative_from_footprints,
    region_from_campaign,
    region_sentence,
)
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.promperu_2020 import SAN_MARTIN_COCOA_HA
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.footprint.year_over_year import Units
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.uncertainty.monte_carlo import Uncertainty
from cocoa_desktop.engine.words import quantity, say
from cocoa_desktop.gui.actions.background import Background
from cocoa_desktop.gui.campaign.cells import hectares, row_cells, total_cells
from cocoa_desktop.gui.campaign.charts import (
    net_share_bars,
    ranking_bars,
    short_name,
    stacked_widget,
    stage_share_stack,
)
from cocoa_desktop.gui.campaign.cooperative_detail import CooperativeDetail
from cocoa_desktop.gui.campaign.data import (
    ListedSurveys,
    Read,
    StoredSurveys,
    densify_at,
    quick_table,
    read_now,
    read_work,
    simulate_work,
)
from cocoa_desktop.gui.campaign.year_over_year_tab import YearOverYearTab
from cocoa_desktop.gui.charts.plots import bar_widget
from cocoa_desktop.gui.fields import InputError, NumberEdit, format_number
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.storage import training

__all__ = ["COLUMNS", "INTERVAL_COLUMN", "SAMPLE_COLUMN", "SYNC_SURVEYS", "CampaignView", "hectares"]

COLUMNS = (
    QT_TRANSLATE_NOOP("campaign", "#"), QT_TRANSLATE_NOOP("campaign", "Cooperative"),
    QT_TRANSLATE_NOOP("campaign", "Area (ha)"), QT_TRANSLATE_NOOP("campaign", "Partners"),
    QT_TRANSLATE_NOOP("campaign", "Husk, % of gross"), QT_TRANSLATE_NOOP("campaign", "Net (t CO2e/yr)"),
    QT_TRANSLATE_NOOP("campaign", "Net (kg CO2e/kg)"), QT_TRANSLATE_NOOP("campaign", "90 % of cases"),
    QT_TRANSLATE_NOOP("campaign", "Report (kg/kg)"), QT_TRANSLATE_NOOP("campaign", "Yield (kg/ha)"),
    QT_TRANSLATE_NOOP("campaign", "ha per partner"), QT_TRANSLATE_NOOP("campaign", "Net, % of gross"),
    QT_TRANSLATE_NOOP("campaign", "Avoid and reduce"), QT_TRANSLATE_NOOP("campaign", "Compensation"),
    QT_TRANSLATE_NOOP("campaign", "From the sample (t CO2e/yr)"),
)
INTERVAL_COLUMN, SAMPLE_COLUMN = 7, 14
SYNC_SURVEYS = 1_000  # a campaign of up to this many surveys is read before the view is shown (a few tenths of a s)
TABS_HEIGHT = 200  # the least height of the cooperative's tabs under the table


class CampaignView(QWidget):
    def __init__(self, storage, campaign: str, factors: Factors, lang: str, parent: QWidget | None = None,
                 surveys: tuple[list[Survey], int] | None = None) -> None:
        """``surveys``: the campaign's (valid surveys, drafts) when already read (the decisions window reads them
        for its scenarios too)."""
        super().__init__(parent)
        self.setObjectName("campaign_view")
        self.storage, self.repo, self.campaign, self.factors, self.lang = storage, storage.repo, campaign, factors, lang
        self.source: StoredSurveys | ListedSurveys = (
            ListedSurveys(*surveys) if surveys is not None else StoredSurveys(self.repo, []))
        self.drafts = self.source.drafts
        self.training = training.is_training(self.repo, campaign)
        self.uncertainty: Uncertainty | None = None
        self.summary: CampaignSummary | None = None  # None while a large campaign is being read
        self.table_data: CampaignTable | None = None  # the main window's footprints summed meanwhile, or None
        self.plans: list[Plan] = []
        self.charts_drawn = False
        self.background = Background(self)  # reading a large campaign, then the Monte Carlo: one after the other
        self.background.done.connect(self._background_done)
        self.background.failed.connect(self._background_failed)
        self.banner = QLabel(translate("campaign", "TRAINING DATA — these are the ten cooperatives of the 2019 "
                                                   "campaign (PROMPERÚ 2020 report), for workshops; they can be reset "
                                                   "to the original."))
        self.banner.setObjectName("training_banner")
        self.banner.setStyleSheet("background:#fff3cd; color:#5d4200; padding:6px; font-weight:bold")
        self.banner.setWordWrap(True)
        self.banner.setVisible(self.training)
        self.title = QLabel()
        self.title.setObjectName("campaign_title")
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("campaign_table")
        self.table.setHorizontalHeaderLabels([translate("campaign", c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)  # one line per cooperative; long cells show whole in their tooltip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_cooperative(row))
        self.notes = QLabel()
        self.notes.setObjectName("campaign_notes")
        self.notes.setWordWrap(True)
        self.region_ha = NumberEdit()
        self.region_ha.setObjectName("region_ha")
        # "54 159" in Spanish; in English the grouping comma would read as a decimal comma
        self.region_ha.setText(say(lang, quantity(SAN_MARTIN_COCOA_HA, 0, lang),
                                         format_number(SAN_MARTIN_COCOA_HA)))
        self.region_ha.setMaximumWidth(120)
        self.region_ha.returnPressed.connect(self.show_region)
        self.region = QLabel()
        self.region.setObjectName("region_estimate")
        self.region.setWordWrap(True)
        region_row = QHBoxLayout()
        region_row.addWidget(QLabel(translate("campaign", "Region's cocoa area (ha):")))
        region_row.addWidget(self.region_ha)
        region_row.addWidget(self.region, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("campaign_tabs")
        self.detail = CooperativeDetail(lang)
        self.detail.estimated.connect(self._sample_estimated)
        self.year_tab = YearOverYearTab(storage, campaign, factors, lang, self._units)
        self.years, self.changes = self.year_tab.years, self.year_tab.changes
        self.tabs.addTab(self.detail, translate("campaign", "Cooperative"))
        self.chart_tabs: dict[str, QWidget] = {}
        for key, label in (("ranking", translate("campaign", "Ranking")),
                           ("shares", translate("campaign", "Share of net emissions")),
                           ("stages", translate("campaign", "Stages of each cooperative"))):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.chart_tabs[key] = holder
            self.tabs.addTab(holder, label)
        self.tabs.addTab(self.year_tab, translate("campaign", "Year over year"))
        self.tabs.currentChanged.connect(lambda _: self.draw_charts())
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.banner, self.title, self.table, self.notes):
            top_layout.addWidget(widget)
        top_layout.addLayout(region_row)
        scroll = QScrollArea()  # on a small screen the table and its notes scroll rather than overlap
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(top)
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.tabs.setMinimumHeight(TABS_HEIGHT)  # their text scrolls: the table keeps the room on a low screen
        self.split, self.top = split, scroll
        self.split_placed = False
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown the first time: the table and its notes get the height they need (every cooperative and the total
        in view on a laptop 768 pixels high), the tabs below the rest (at least ``TABS_HEIGHT``)."""
        super().showEvent(event)
        if not self.split_placed:
            self.split_placed = True
            QTimer.singleShot(0, self.place_split)  # once the window's layout has given the splitter its height

    def place_split(self) -> None:
        top, total = self.top.widget(), sum(self.split.sizes())
        width = self.top.viewport().width()
        needed = top.heightForWidth(width) if top.hasHeightForWidth() else top.sizeHint().height()
        needed = max(needed, top.minimumSizeHint().height()) + 2 * self.top.frameWidth()
        upper = max(min(needed, total - TABS_HEIGHT), total // 2)
        self.split.setSizes([upper, total - upper])

    # ---- computing ----
    @property
    def surveys(self) -> StoredSurveys | ListedSurveys:
        """The campaign's valid surveys, read again each time they are walked (the view keeps none)."""
        return self.source

    def _units(self) -> Units | None:
        """The cooperatives rolled up with their inputs, for the year over year; None while the campaign is being
        read (the tab is told once it is: ``year_tab.ready``)."""
        return self.summary.units() if self.summary is not None else None

    def refresh(self) -> None:
        """Read the campaign's surveys once: a small campaign (or surveys given) now, a large one off the GUI thread
        with its table meanwhile from the main window's footprints when it has them; then the intervals, off the GUI
        thread."""
        self.uncertainty = self.summary = self.table_data = None
        self.plans, self.charts_drawn = [], False
        self.year_tab.fill()
        rows = self.repo.surveys(self.campaign) if isinstance(self.source, StoredSurveys) else None
        if rows is not None:
            self.source = StoredSurveys(self.repo, [row.id for row in rows])
        self.reading = len(rows if rows is not None else self.source)  # surveys, drafts included
        if self.reading <= SYNC_SURVEYS:
            self._summarised(read_now(self.source, self.factors, self.campaign))
            return
        quick = quick_table(self.storage, rows or self.repo.surveys(self.campaign), self.factors, self.campaign)
        if quick is not None:
            self.table_data, self.drafts = quick
        self.show_all()
        self.background.start(read_work(self.storage, self.source, self.factors, self.campaign,
                                        densify_at(self.table_data), rows), self.lang)

    def _background_done(self, result: Read | Uncertainty) -> None:
        if isinstance(result, Uncertainty):
            self._uncertainty_done(result)
        else:
            self._summarised(result)

    def _background_failed(self, message: str) -> None:
        if self.summary is None:  # reading the surveys failed: nothing but the message to show
            self.notes.setText(message)
            self.year_tab.not_readable(message)
            return
        self.notes.setText(self.notes.text() + "\n" + message)

    def _summarised(self, read: Read) -> None:
        """The campaign read: everything shown, then its Monte Carlo started off the GUI thread."""
        if isinstance(self.source, StoredSurveys):
            self.source.valid, self.source.drafts = read.valid, read.drafts
        self.summary, self.plans, self.drafts = read.summary, read.plans, read.drafts
        self.table_data, self.charts_drawn = read.summary.table, False
        chosen = max(self.table.currentRow(), 0)  # a row chosen while a large campaign was being read stays
        self.show_all()
        if self.table.rowCount() > 1:
            self.table.selectRow(chosen)
            self.show_cooperative(chosen)
        self.year_tab.ready()
        if read.summary.count:
            self.background.start(simulate_work(self.storage, self.source, read.summary), self.lang)

    def _uncertainty_done(self, result: Uncertainty) -> None:
        self.uncertainty = result
        for row, plan in enumerate(self.plans):
            unit = result.units.get(plan.name)
            if unit is not None:
                self._set(row, INTERVAL_COLUMN, self._band(unit.net_per_kg.low, unit.net_per_kg.high))
        total = result.total.net_per_kg
        self._set(len(self.plans), INTERVAL_COLUMN, self._band(total.low, total.high))
        self.show_cooperative(self.table.currentRow())

    def _band(self, low: float, high: float) -> str:
        return f"{quantity(low, 1, self.lang)} – {quantity(high, 1, self.lang)}"

    # ---- showing ----
    def _set(self, row: int, column: int, text: str, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if column not in (1, 12, 13):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)

    def show_all(self) -> None:
        """The title, the table, its notes, the region and the charts (a large campaign's charts once their tab is
        shown: pyqtgraph and three plots cost half a second)."""
        mark = translate("campaign", "TRAINING DATA") + " — " if self.training and not training.is_training_name(
            self.campaign) else ""
        left_out = translate("campaign", "(1 incomplete survey left out)") if self.drafts == 1 else \
            translate("campaign", "(%1 incomplete surveys left out)").replace("%1", str(self.drafts))
        drafts = " " + left_out if self.drafts else ""
        gwp = translate("campaign", "GWP")
        self.title.setText(f"<b>{mark}{self.campaign}</b> — {self.factors.factor_set.name(self.lang)}, "
                           f"{gwp} {self.factors.gwp.id}{drafts}")
        self.fill_table()
        self.show_notes()
        self.show_region()
        self.draw_charts(force=self.reading <= SYNC_SURVEYS)

    def fill_table(self) -> None:
        lang, table = self.lang, self.table_data
        rows = table.rows if table is not None else []
        self.table.setRowCount(len(rows) + 1 if table is not None else 0)
        planned = self.summary is not None
        for i, row in enumerate(rows):
            cells = row_cells(row, self.plans[i] if planned else None, self._sample_cell(row.name) if planned else None,
                              lang)
            for column, text in enumerate(cells):
                self._set(i, column, text)
        if table is not None:
            for column, text in enumerate(total_cells(table, lang)):
                self._set(len(rows), column, text, bold=True)
        self.table.resizeColumnsToContents()
        for column in (1, 12, 13):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 300))
        # every row and the total in view, up to about fifteen cooperatives (then it scrolls)
        needed = (self.table.horizontalHeader().height() + self.table.horizontalScrollBar().sizeHint().height()
                  + 2 * self.table.frameWidth() + sum(self.table.rowHeight(r) for r in range(self.table.rowCount())))
        self.table.setMinimumHeight(min(needed + 2, 420))

    def _sample_key(self, name: str) -> str:
        return f"sample:{self.campaign}:{name}"

    def _farms(self, name: str) -> list[Footprint]:
        return self.summary.farms.get(name, []) if self.summary is not None else []

    def _sample_cell(self, name: str) -> str:
        """Ŷ (low–high) for a cooperative of farms whose partners and production were typed in its detail."""
        farms = self._farms(name)
        if len(farms) < 2:
            return ""
        try:
            remembered = json.loads(self.repo.setting(self._sample_key(name)) or "null")
            est = cooperative_from_footprints(farms, name, remembered["partners"], remembered["production_kg"]).net
        except (ValueError, TypeError, KeyError, SurveyValidationError):
            return translate("campaign", "%1 farms").replace("%1", str(len(farms)))
        lang = self.lang
        low, high = quantity(est.low / 1000, 0, lang), quantity(est.high / 1000, 0, lang)
        return f"≈ {quantity(est.total / 1000, 0, lang)} ({low}–{high})"

    def _sample_estimated(self, name: str) -> None:
        for row, plan in enumerate(self.plans):
            if plan.name == name:
                self._set(row, SAMPLE_COLUMN, self._sample_cell(name))

    def show_notes(self) -> None:
        reading = translate("campaign", "Reading the campaign's %1 surveys…").replace(
            "%1", quantity(self.reading, 0, self.lang))
        if self.table_data is None:
            self.notes.setText(reading)
            return
        notes = [text for text in (report_difference(self.table_data, self.lang),
                                   densification_comparison(self.plans, self.lang)) if text]
        # what the compensation column rests on (sequestration counted 0 without areas), said once under the table
        notes += list(dict.fromkeys(note for plan in self.plans for note in plan_notes(plan, self.lang)))
        if self.summary is None:
            notes.append(reading)  # for the recommendations and the sample
        elif not self.summary.count:
            notes.append(translate("campaign", "This campaign has no complete survey yet."))
        self.notes.setText("\n".join("• " + n for n in notes))

    def show_region(self) -> None:
        rows = self.table_data.rows if self.table_data is not None else []
        try:
            area = self.region_ha.number()
            if area is None or len(rows) < 2:
                self.region.setText(translate("campaign", "A region is scaled up from two cooperatives or more."))
                return
            estimate = region_from_campaign([r.footprint for r in rows], area)
        except InputError as exc:
            self.region.setText(str(exc))
            return
        except SurveyValidationError as exc:
            self.region.setText(exc.issues[0].message(self.lang))
            return
        self.region.setText(region_sentence(estimate, self.lang, translate("campaign", "Region")))

    def draw_charts(self, force: bool = False) -> None:
        """The three charts, once the table is known and one of their tabs is shown (or ``force``)."""
        table, lang = self.table_data, self.lang
        if table is None or self.charts_drawn or not (force or self.tabs.currentWidget() in self.chart_tabs.values()):
            return
        self.charts_drawn = True
        charts = {
            "ranking": lambda: bar_widget(ranking_bars(table, translate("campaign", "Net kg CO2e per kg of cocoa"),
                                                       lang)),
            "shares": lambda: bar_widget(net_share_bars(table, self._share_title(), lang)),
            "stages": lambda: stacked_widget(stage_share_stack(table, translate(
                "campaign", "Stages, % of each cooperative's gross emissions"), lang)),
        }
        for key, make in charts.items():
            layout = self.chart_tabs[key].layout()
            while layout.count():
                old = layout.takeAt(0).widget()
                if old is not None:
                    old.deleteLater()
            if table.rows and (key != "shares" or table.net_shares()):
                layout.addWidget(make())

    def _share_title(self) -> str:
        title = translate("campaign", "% of the net emissions of the cooperatives that emit")
        sinks = self.table_data.sinks()
        if sinks:
            absorbed = ", ".join(f"{short_name(r.name)} ({quantity(-r.net_t, 0, self.lang)} t)" for r in sinks)
            title += "<br>" + translate("campaign", "Left out, net sinks: %1").replace("%1", absorbed)
        return title

    def show_cooperative(self, row: int) -> None:
        if not 0 <= row < len(self.plans):
            return
        plan = self.plans[row]
        unit = self.uncertainty.units.get(plan.name) if self.uncertainty else None
        settings = (self.repo, self._sample_key(plan.name))
        self.detail.show_plan(plan, unit, self._farms(plan.name), self.factors, settings)

    def closeEvent(self, event) -> None:
        self.background.cancel()
        self.background.wait(5000)  # a thread must not outlive its QThread object
        self.year_tab.close_work()
        super().closeEvent(event)
