"""The campaign view: every cooperative of a campaign with the report's §7 columns, ranked by net kg CO2e/kg, the
total as a sum, the 90 % interval of each (computed off the GUI thread), what to avoid, reduce and compensate; the
report's own −1.1 % said in words; the regional scale-up; charts (ranking, share of the net emissions, stage
shares), year over year against another campaign, and the selected cooperative's detail."""

from __future__ import annotations

import json
import math

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

from cocoa_desktop.engine.campaign import CampaignTable, campaign_table, report_difference
from cocoa_desktop.engine.extrapolation import cooperative_from_sample, region_from_campaign, region_sentence
from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.issues import SurveyValidationError
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.engine.promperu_2020 import SAN_MARTIN_COCOA_HA
from cocoa_desktop.engine.recommendation_words import (
    compensation_words,
    densification_comparison,
    plan_notes,
    reduction_words,
)
from cocoa_desktop.engine.recommendations import Plan, plans
from cocoa_desktop.engine.results import Stage
from cocoa_desktop.engine.survey import Survey, SurveyUnit
from cocoa_desktop.engine.uncertainty import Uncertainty
from cocoa_desktop.engine.words import decimal_sign, quantity, say
from cocoa_desktop.gui.background import Background
from cocoa_desktop.gui.campaign_charts import (
    net_share_bars,
    ranking_bars,
    short_name,
    stacked_widget,
    stage_share_stack,
)
from cocoa_desktop.gui.campaign_data import campaign_surveys
from cocoa_desktop.gui.charts import bar_widget
from cocoa_desktop.gui.cooperative_detail import CooperativeDetail
from cocoa_desktop.gui.fields import InputError, NumberEdit, format_number
from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.gui.year_over_year_tab import YearOverYearTab
from cocoa_desktop.storage import training

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
TABS_HEIGHT = 200  # the least height of the cooperative's tabs under the table


def hectares(value: float, lang: str) -> str:
    """An area as typed, up to two decimals in the language's way: 1,25 ha (Spanish) / 1.25 (English), 9 301 —
    not rounded to whole hectares (1,25 ha showed as 1)."""
    text = quantity(value, 2, lang)
    decimal = decimal_sign(lang)
    return text.rstrip("0").removesuffix(decimal) if decimal in text else text


class CampaignView(QWidget):
    def __init__(self, storage, campaign: str, factors: Factors, lang: str, parent: QWidget | None = None,
                 surveys: tuple[list[Survey], int] | None = None) -> None:
        """``surveys``: the campaign's (valid surveys, drafts) when already read (the decisions window reads them
        once for both tabs)."""
        super().__init__(parent)
        self.setObjectName("campaign_view")
        self.repo, self.campaign, self.factors, self.lang = storage.repo, campaign, factors, lang
        self.surveys, self.drafts = surveys or campaign_surveys(self.repo, campaign)
        self.training = training.is_training(self.repo, campaign)
        self.uncertainty: Uncertainty | None = None
        self.background = Background(self)
        self.background.done.connect(self._uncertainty_done)
        self.background.failed.connect(self._uncertainty_failed)
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
        self.year_tab = YearOverYearTab(self.repo, campaign, factors, lang, self.surveys)
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
    def refresh(self) -> None:
        """Compute the table and the plans now (fast), the intervals in the background."""
        self.table_data: CampaignTable = campaign_table(self.surveys, self.factors, self.campaign)
        self.plans: list[Plan] = plans(self.table_data, self.surveys, self.factors) if self.surveys else []
        self.uncertainty = None
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
        self.draw_charts()
        self.year_tab.fill()
        if self.table.rowCount() > 1:
            self.table.selectRow(0)
            self.show_cooperative(0)
        if self.surveys:
            surveys, f = list(self.surveys), self.factors
            self.background.start(lambda progress: _simulate(surveys, f, progress), self.lang)

    def _uncertainty_done(self, result: Uncertainty) -> None:
        self.uncertainty = result
        for row, plan in enumerate(self.plans):
            unit = result.units.get(plan.name)
            if unit is not None:
                self._set(row, INTERVAL_COLUMN, self._band(unit.net_per_kg.low, unit.net_per_kg.high))
        total = result.total.net_per_kg
        self._set(len(self.plans), INTERVAL_COLUMN, self._band(total.low, total.high))
        self.show_cooperative(self.table.currentRow())

    def _uncertainty_failed(self, message: str) -> None:
        self.notes.setText(self.notes.text() + "\n" + message)

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

    def fill_table(self) -> None:
        lang = self.lang
        rows = self.table_data.rows
        self.table.setRowCount(len(rows) + 1)
        for i, (row, plan) in enumerate(zip(rows, self.plans, strict=True)):
            fp = row.footprint
            values = [str(row.rank), row.name, hectares(fp.area_ha, lang), quantity(fp.producers, 0, lang),
                      quantity(row.husk_share * 100, 0, lang) + " %", quantity(row.net_t, 1, lang),
                      quantity(row.net_per_kg, 2, lang), "…",
                      quantity(row.published.net_per_kg, 2, lang) if row.published else "—",
                      quantity(row.yield_kg_ha, 0, lang), quantity(row.area_per_partner_ha, 2, lang),
                      quantity(row.net_of_gross * 100, 0, lang) + " %",
                      reduction_words(plan, lang), compensation_words(plan, lang), self._sample_cell(row.name)]
            for column, text in enumerate(values):
                self._set(i, column, text)
        total = self.table_data.total
        per_partner = total.area_ha / total.producers if total.producers else math.nan
        husk = total.share(Stage.HUSK) * 100 if total.gross_kg else math.nan
        values = ["", translate("campaign", "Total (sum of the cooperatives)"), hectares(total.area_ha, lang),
                  quantity(total.producers, 0, lang), quantity(husk, 0, lang) + " %",
                  quantity(total.net_kg / 1000, 1, lang), quantity(total.net_per_kg, 2, lang), "…", "",
                  quantity(self.table_data.yield_kg_ha, 0, lang), quantity(per_partner, 2, lang),
                  quantity(total.net_kg / total.gross_kg * 100 if total.gross_kg else math.nan, 0, lang) + " %",
                  "", "", ""]
        for column, text in enumerate(values):
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

    def _sample_cell(self, name: str) -> str:
        """Ŷ (low–high) for a cooperative of farms whose partners and production were typed in its detail."""
        farms = [s for s in self.surveys if s.cooperative == name and s.unit is SurveyUnit.FARM]
        if len(farms) < 2:
            return ""
        try:
            remembered = json.loads(self.repo.setting(self._sample_key(name)) or "null")
            est = cooperative_from_sample(farms, self.factors, remembered["partners"], remembered["production_kg"]).net
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
        notes = [text for text in (report_difference(self.table_data, self.lang),
                                   densification_comparison(self.plans, self.lang)) if text]
        # what the compensation column rests on (sequestration counted 0 without areas), said once under the table
        notes += list(dict.fromkeys(note for plan in self.plans for note in plan_notes(plan, self.lang)))
        if not self.surveys:
            notes.append(translate("campaign", "This campaign has no complete survey yet."))
        self.notes.setText("\n".join("• " + n for n in notes))

    def show_region(self) -> None:
        rows = self.table_data.rows
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

    def draw_charts(self) -> None:
        table, lang = self.table_data, self.lang
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
        farms = [s for s in self.surveys if s.cooperative == plan.name]
        self.detail.show_plan(plan, unit, farms, self.factors, (self.repo, self._sample_key(plan.name)))

    def closeEvent(self, event) -> None:
        self.background.cancel()
        self.background.wait(5000)  # a thread must not outlive its QThread object
        super().closeEvent(event)


def _simulate(surveys: list[Survey], f: Factors, progress: Progress) -> Uncertainty:
    from cocoa_desktop.engine.uncertainty import simulate

    return simulate(surveys, f, progress=progress)
