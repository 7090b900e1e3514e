"""The main window's tree: campaigns → cooperatives → surveys, each with its state and its net footprint
(kg CO2e per kg of dry cocoa). Footprints are computed off the GUI thread after the tree is shown (a campaign
of 2,000 farm surveys takes a while; the window does not wait), surveys summed into their cooperative and
campaign as the method says (never averaged).

A regional folder (20,000 surveys) is shown by its cooperatives, each with how many surveys it holds: a
cooperative's surveys are read and added when it is opened (→, a click, Enter), so that start-up and every refresh
read a few rows, not 20,000. The rows of the opened cooperatives are kept by survey id: a selection reads nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from cocoa_desktop.gui.i18n import translate

# Qt.ItemDataRole.UserRole (256) and the next, written as numbers: importing the Qt namespace makes PySide build its
# hundred-odd enum classes (20 ms), which start-up can do without (Qt is imported where it is needed, later)
SURVEY_ROLE = 256  # the survey id on a survey's row
KIND_ROLE = 257  # "campaign" | "cooperative" | "survey"
CAMPAIGN_ROLE = 258  # the campaign's name on every row (the campaign's text may add its year)
ORGANISATION_ROLE = 259  # the cooperative's name on its row and on its surveys' rows
LOADED_ROLE = 260  # on a cooperative's row: its surveys' rows are there
NET_COLUMN = 2
OPEN_ALL_UP_TO = 2000  # surveys in the folder: up to this many, every cooperative is open (and read) at once
RESIZE_PRECISION = 300  # rows looked at to size a column to its contents (Qt's default, 1,000, at every change)
Loader = Callable[[str, str], list[Any]]  # (campaign, cooperative) → its surveys' rows (SurveyRow)
# What opening a survey (Enter) and its results page import, and the first widgets of each kind its pages make (see
# wizard.warm_up), done one step at a time once the window has been up a while: the first survey opened took 40 ms
# more than the next ones for them (the field widgets and the pages' declarations above all), its first Siguiente
# 10 ms more. Not at start-up: the window comes first.
PRELOAD_AFTER_MS = 2000
PRELOAD_EVERY_MS = 200


def _field_widgets() -> None:
    from cocoa_desktop.gui import fields  # noqa: F401


def _page_declarations() -> None:
    from cocoa_desktop.gui.wizard import specs  # noqa: F401


def _wizard() -> None:
    from cocoa_desktop.gui.wizard import wizard  # noqa: F401  (its pages, the focus ring, the guide's F1)


def _first_widgets() -> None:
    from cocoa_desktop.gui.wizard.wizard import warm_up

    warm_up()


def _results() -> None:
    from cocoa_desktop.engine import report  # noqa: F401


PRELOADED: tuple[Callable[[], None], ...] = (_field_widgets, _page_declarations, _wizard, _first_widgets, _results)


class SurveyTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("survey_tree")
        self.setHeaderLabels([translate("main", "Campaign / cooperative / survey"), translate("main", "State"),
                              translate("main", "Net (kg CO2e/kg)")])
        self.headerItem().setToolTip(NET_COLUMN, translate(
            "main", "Net emissions per kg of dry cocoa with the chosen factor set; a cooperative and a campaign sum "
                    "their surveys"))
        self.setUniformRowHeights(True)  # Qt lays out thousands of rows without asking each its height
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setResizeContentsPrecision(RESIZE_PRECISION)
        self.rows: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self.survey_rows: dict[str, Any] = {}  # survey id → its SurveyRow, for every survey shown
        self.found: dict[tuple[str, ...], float] = {}  # the last footprints computed
        self.load: Loader = lambda campaign, organisation: []
        self.lang = "es"
        self._words: dict[str, str] = {}
        self.itemExpanded.connect(self.open_cooperative)
        QTimer.singleShot(PRELOAD_AFTER_MS, self, self.preload_wizard)

    def preload_wizard(self, steps: tuple[Callable[[], None], ...] = PRELOADED) -> None:
        """The first of the ``steps`` now, the next ones a moment later each (see PRELOADED)."""
        if steps:
            steps[0]()
            QTimer.singleShot(PRELOAD_EVERY_MS, self, lambda: self.preload_wizard(steps[1:]))

    def fill(self, campaigns: list[Any], groups: list[Any], load: Loader, lang: str) -> None:
        """Rebuild from the repository: ``campaigns`` rows, ``groups`` (SurveyGroup: each cooperative with its count)
        and ``load`` to read a cooperative's surveys when it is opened. Keeps the selection, the cooperatives that
        were open and the scroll position."""
        from PySide6.QtCore import Qt

        current = self.currentItem()
        selected_key = self.key_of(current) if current is not None else None
        selected_coop = self._coop_key(current)
        opened = {k for k, item in self.rows.items() if k[0] == "cooperative" and item.isExpanded()}
        scroll = self.verticalScrollBar().value()
        self.load, self.lang = load, lang
        self._words = {
            "complete": translate("main", "complete"), "in_progress": translate("main", "in progress"),
            "conflict": translate("main", "conflict to resolve"), "region": translate("main", "whole region"),
            "cooperative": translate("main", "whole cooperative"), "no_name": translate("main", "(no name yet)"),
        }
        open_all = sum(g.surveys for g in groups) <= OPEN_ALL_UP_TO
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self.rows, self.survey_rows = {}, {}
            for row in campaigns:
                # the year goes with the name (most names hold it already), not in the State column
                year = str(row["year"])
                label = row["name"] if year in row["name"] else f"{row['name']} ({year})"
                item = QTreeWidgetItem([label, "", self._net(("campaign", row["name"]))])
                item.setData(0, KIND_ROLE, "campaign")
                item.setData(0, CAMPAIGN_ROLE, row["name"])
                item.setTextAlignment(NET_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rows[("campaign", row["name"])] = item
            self.addTopLevelItems([self.rows[("campaign", row["name"])] for row in campaigns])
            to_open: list[QTreeWidgetItem] = []
            for group in groups:
                parent = self.rows.get(("campaign", group.campaign))
                if parent is None:
                    continue
                key = ("cooperative", group.campaign, group.organisation)
                state = "" if open_all else (translate("main", "1 survey") if group.surveys == 1 else
                                             translate("main", "%1 surveys").replace("%1", str(group.surveys)))
                if group.open_conflicts and not open_all:
                    state += " — " + self._words["conflict"]
                coop = QTreeWidgetItem(parent, [group.organisation or self._words["no_name"], state, self._net(key)])
                coop.setData(0, KIND_ROLE, "cooperative")
                coop.setData(0, CAMPAIGN_ROLE, group.campaign)
                coop.setData(0, ORGANISATION_ROLE, group.organisation)
                coop.setTextAlignment(NET_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                coop.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                self.rows[key] = coop
                if open_all or key in opened or key == selected_coop:
                    self._add_surveys(coop)
                    to_open.append(coop)
            for item in [*(self.rows[("campaign", row["name"])] for row in campaigns), *to_open]:
                item.setExpanded(True)
            self.resizeColumnToContents(1)
            self.resizeColumnToContents(NET_COLUMN)
        finally:
            self.setUpdatesEnabled(True)
        again = self.rows.get(selected_key) if selected_key else None
        if again is None and selected_coop is not None:
            again = self.rows.get(selected_coop)
        if again is not None:
            self.setCurrentItem(again)
        elif self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))
        self.verticalScrollBar().setValue(scroll)

    def _add_surveys(self, coop: QTreeWidgetItem) -> None:
        """A cooperative's surveys, read when it is first opened."""
        from PySide6.QtCore import Qt

        if coop.data(0, LOADED_ROLE):
            return
        coop.setData(0, LOADED_ROLE, True)
        campaign, organisation = coop.data(0, CAMPAIGN_ROLE), coop.data(0, ORGANISATION_ROLE)
        leaves = []
        for survey in self.load(campaign, organisation):
            leaf = QTreeWidgetItem(self._texts(survey))
            leaf.setData(0, SURVEY_ROLE, survey.id)
            leaf.setData(0, KIND_ROLE, "survey")
            leaf.setData(0, CAMPAIGN_ROLE, campaign)
            leaf.setData(0, ORGANISATION_ROLE, organisation)
            leaf.setTextAlignment(NET_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rows[("survey", survey.id)] = leaf
            self.survey_rows[survey.id] = survey
            leaves.append(leaf)
        coop.addChildren(leaves)  # at once: one layout, not one per survey

    def _texts(self, survey: Any) -> list[str]:
        words = self._words
        state = words["complete"] if survey.completed_at else words["in_progress"]
        if survey.open_conflicts:
            state = words["conflict"]
        label = survey.farm_name or (words["region"] if survey.unit == "region" else words["cooperative"])
        return [label, state, self._net(("survey", survey.id), "…")]

    def _net(self, key: tuple[str, ...], missing: str = "") -> str:
        from cocoa_desktop.engine.words import quantity

        if not self.found:
            return missing if key[0] == "survey" else ""
        value = self.found.get(key)
        return "—" if value is None else quantity(value, 2, self.lang)

    def open_cooperative(self, item: QTreeWidgetItem) -> None:
        """Opened (→, a click): its surveys are read now, if they were not."""
        if item.data(0, KIND_ROLE) == "cooperative" and not item.data(0, LOADED_ROLE):
            self._add_surveys(item)
            self.resizeColumnToContents(1)

    def show_survey(self, row: Any) -> QTreeWidgetItem | None:
        """The survey's row, its cooperative opened if needed (None when it is not in the tree)."""
        coop = self.rows.get(("cooperative", row.campaign, row.organisation))
        if coop is not None and not coop.data(0, LOADED_ROLE):
            self._add_surveys(coop)
            coop.setExpanded(True)
        return self.rows.get(("survey", row.id))

    def update_survey(self, row: Any) -> bool:
        """One survey's row as stored now (after a page is saved); False when the tree must be rebuilt (it moved
        to another cooperative, or it is not where the tree has it)."""
        leaf = self.rows.get(("survey", row.id))
        if leaf is None:
            coop = self.rows.get(("cooperative", row.campaign, row.organisation))
            return coop is not None and not coop.data(0, LOADED_ROLE)  # not shown yet: read when opened
        if (leaf.data(0, CAMPAIGN_ROLE), leaf.data(0, ORGANISATION_ROLE)) != (row.campaign, row.organisation):
            return False
        for column, text in enumerate(self._texts(row)[:2]):
            if leaf.text(column) != text:
                leaf.setText(column, text)
        self.survey_rows[row.id] = row
        return True

    def survey_row(self, survey_id: str | None) -> Any:
        """The shown survey's row (SurveyRow), read when its cooperative was opened: no query."""
        return self.survey_rows.get(survey_id) if survey_id else None

    def key_of(self, item: QTreeWidgetItem | None) -> tuple[str, ...] | None:
        if item is None:
            return None
        kind = item.data(0, KIND_ROLE)
        if kind == "survey":
            return ("survey", item.data(0, SURVEY_ROLE))
        if kind == "cooperative":
            return ("cooperative", item.data(0, CAMPAIGN_ROLE), item.data(0, ORGANISATION_ROLE))
        return ("campaign", item.data(0, CAMPAIGN_ROLE)) if kind == "campaign" else None

    def _coop_key(self, item: QTreeWidgetItem | None) -> tuple[str, ...] | None:
        if item is None or item.data(0, KIND_ROLE) not in ("cooperative", "survey"):
            return None
        return ("cooperative", item.data(0, CAMPAIGN_ROLE), item.data(0, ORGANISATION_ROLE))

    def show_footprints(self, found: dict[tuple[str, ...], float], lang: str) -> None:
        self.found, self.lang = found, lang
        self.setUpdatesEnabled(False)
        try:
            for key, item in self.rows.items():
                text = self._net(key)
                if item.text(NET_COLUMN) != text:
                    item.setText(NET_COLUMN, text)
        finally:
            self.setUpdatesEnabled(True)
        self.resizeColumnToContents(NET_COLUMN)

    def selected_kind(self) -> str | None:
        item = self.currentItem()
        return item.data(0, KIND_ROLE) if item is not None else None

    def selected_survey(self) -> str | None:
        item = self.currentItem()
        return item.data(0, SURVEY_ROLE) if item is not None else None

    def selected_cooperative(self) -> str | None:
        """The cooperative of the selected row (a cooperative or one of its surveys); None on a campaign."""
        key = self._coop_key(self.currentItem())
        return key[2] if key else None

    def selected_campaign(self) -> str | None:
        item = self.currentItem()
        return item.data(0, CAMPAIGN_ROLE) if item is not None else None

    def select_campaign(self, name: str) -> None:
        item = self.rows.get(("campaign", name))
        if item is not None:
            self.setCurrentItem(item)
