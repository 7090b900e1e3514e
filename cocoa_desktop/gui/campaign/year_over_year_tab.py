"""The campaign view's "Year over year" tab: the same cooperatives in another campaign, what changed and why
(:mod:`cocoa_desktop.engine.footprint.year_over_year`), largest changes first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.year_over_year import Units, compare_units, units_of
from cocoa_desktop.engine.words import quantity
from cocoa_desktop.gui.campaign.charts import short_name
from cocoa_desktop.gui.campaign.data import StoredSurveys
from cocoa_desktop.gui.i18n import translate


class YearOverYearTab(QWidget):
    def __init__(self, repo, campaign: str, factors: Factors, lang: str, units: Callable[[], Units],
                 parent: QWidget | None = None) -> None:
        """``units``: this campaign's cooperatives rolled up, with their inputs (the campaign view has them)."""
        super().__init__(parent)
        self.repo, self.campaign, self.factors, self.lang, self.units = repo, campaign, factors, lang, units
        self.years = QComboBox()
        self.years.setObjectName("compare_with")
        self.changes = QTableWidget(0, 4)
        self.changes.setObjectName("year_over_year")
        self.changes.setHorizontalHeaderLabels([translate("campaign", "Cooperative"),
                                                translate("campaign", "Before (kg/kg)"),
                                                translate("campaign", "Now (kg/kg)"),
                                                translate("campaign", "What changed and why")])
        self.changes.verticalHeader().hide()
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        self.years.currentIndexChanged.connect(self.compare)
        years_layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(translate("campaign", "Compare with the campaign:")))
        pick.addWidget(self.years, 1)
        years_layout.addLayout(pick)
        years_layout.addWidget(self.changes)

    def fill(self) -> None:
        self.years.blockSignals(True)
        self.years.clear()
        self.years.addItem(translate("campaign", "(choose a campaign)"), None)
        for row in self.repo.campaigns():
            if row["name"] != self.campaign:
                self.years.addItem(row["name"], row["name"])
        self.years.blockSignals(False)

    def compare(self) -> None:
        other = self.years.currentData()
        self.changes.setRowCount(0)
        if other is None:
            return
        before = StoredSurveys(self.repo, [row.id for row in self.repo.surveys(other)])  # walked once, none kept
        found = compare_units(units_of(before, self.factors), self.units())
        self.changes.setRowCount(len(found))
        for i, change in enumerate(found):
            cells = [short_name(change.name),
                     quantity(change.before.net_per_kg, 2, self.lang) if change.before else "—",
                     quantity(change.after.net_per_kg, 2, self.lang) if change.after else "—",
                     change.explanation(self.lang)]
            for column, text in enumerate(cells):
                self.changes.setItem(i, column, QTableWidgetItem(text))
        self.changes.resizeColumnsToContents()
        self.changes.setColumnWidth(3, 560)
        self.changes.resizeRowsToContents()

