"""The campaign view's "Year over year" tab: the same cooperatives in another campaign, what changed and why
(:mod:`cocoa_desktop.engine.footprint.year_over_year`), largest changes first.

The other campaign is summed off the GUI thread from the terms the main window kept beside its footprints, or else
its surveys read (10,000 farms take seconds), on a connection of their own, none kept; meanwhile the tab says it is
computing. This campaign's cooperatives come from the campaign view once it
has read them (``units`` gives None until then, and the view calls :meth:`YearOverYearTab.ready`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.year_over_year import Units, compare_units, units_of
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.engine.words import quantity
from cocoa_desktop.gui.actions.background import Background
from cocoa_desktop.gui.campaign.charts import short_name
from cocoa_desktop.gui.campaign.data import StoredSurveys, kept_summary
from cocoa_desktop.gui.i18n import translate


def other_campaign_work(storage: Any, campaign: str, factors: Factors) -> Callable[[Progress], Units]:
    """The cooperatives of ``campaign`` rolled up with their inputs, for a worker thread: from the terms the main
    window kept beside its footprints when it can (:func:`~cocoa_desktop.gui.campaign.data.kept_summary`, the same
    figures), else its surveys read a chunk at a time on a connection of their own, none kept."""

    def work(progress: Progress) -> Units:
        repo = storage.worker_repository()
        try:
            rows = repo.surveys(campaign)
            with bulk():
                kept = kept_summary(storage, repo, rows, factors, campaign)
                if kept is not None:
                    return kept[0].units()
                return units_of(StoredSurveys(repo, [row.id for row in rows], progress), factors)
        finally:
            repo.conn.close()

    return work


class YearOverYearTab(QWidget):
    def __init__(self, storage: Any, campaign: str, factors: Factors, lang: str, units: Callable[[], Units | None],
                 parent: QWidget | None = None) -> None:
        """``units``: this campaign's cooperatives rolled up, with their inputs (the campaign view has them once it
        has read the campaign; None before)."""
        super().__init__(parent)
        self.storage, self.repo = storage, storage.repo
        self.campaign, self.factors, self.lang, self.units = campaign, factors, lang, units
        self.before: Units | None = None  # the other campaign's, once read
        self.computing = False  # a campaign chosen, its comparison not shown yet
        self.unreadable: str | None = None  # why this campaign could not be read, when it could not
        self.background = Background(self)
        self.background.done.connect(self._read)
        self.background.failed.connect(self._failed)
        self.years = QComboBox()
        self.years.setObjectName("compare_with")
        self.status = QLabel()
        self.status.setObjectName("year_over_year_status")
        self.status.setWordWrap(True)
        self.status.hide()
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
        years_layout.addWidget(self.status)
        years_layout.addWidget(self.changes)

    def fill(self) -> None:
        self.background.cancel()
        self.before = None
        self.years.blockSignals(True)
        self.years.clear()
        self.years.addItem(translate("campaign", "(choose a campaign)"), None)
        for row in self.repo.campaigns():
            if row["name"] != self.campaign:
                self.years.addItem(row["name"], row["name"])
        self.years.blockSignals(False)
        self.changes.setRowCount(0)
        self.status.hide()
        self.computing = False

    def compare(self) -> None:
        """The chosen campaign's surveys read off the GUI thread ("Computing…" meanwhile), then compared."""
        other = self.years.currentData()
        self.changes.setRowCount(0)
        self.before = None
        self.background.cancel()
        self.computing = other is not None
        if other is None:
            self.status.hide()
            return
        self._say(translate("campaign", "Computing…"))
        self.background.start(other_campaign_work(self.storage, other, self.factors), self.lang)

    def ready(self) -> None:
        """This campaign's cooperatives are known now (the campaign view has read them)."""
        self._show()

    def not_readable(self, message: str) -> None:
        """This campaign could not be read (the view says why): the comparison says so too, instead of waiting."""
        self.unreadable = message
        self._show()

    def _read(self, before: Units) -> None:
        self.before = before
        self._show()

    def _failed(self, message: str) -> None:
        self.computing = False
        self._say(message)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _show(self) -> None:
        now = self.units()
        if now is None and self.unreadable and self.computing:
            self._failed(self.unreadable)
            return
        if self.before is None or now is None:
            return  # still computing: the other campaign, or this one (the view calls ready())
        found = compare_units(self.before, now)
        self.status.hide()
        self.computing = False
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

    def close_work(self) -> None:
        """Stop a comparison being read and wait for its thread (the view is closing)."""
        self.background.cancel()
        self.background.wait(5000)
