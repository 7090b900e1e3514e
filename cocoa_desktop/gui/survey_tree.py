"""The main window's tree: campaigns → cooperatives → surveys, each with its state and its net footprint
(kg CO2e per kg of dry cocoa). Footprints are computed off the GUI thread after the tree is shown (a campaign
of 2,000 farm surveys takes a while; the window does not wait), surveys summed into their cooperative and
campaign as the method says (never averaged)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from cocoa_desktop.gui.i18n import translate

# Qt.ItemDataRole.UserRole (256) and the next, written as numbers: importing the Qt namespace makes PySide build its
# hundred-odd enum classes (20 ms), which start-up can do without (Qt is imported where it is needed, later)
SURVEY_ROLE = 256  # the survey id on a survey's row
KIND_ROLE = 257  # "campaign" | "cooperative" | "survey"
CAMPAIGN_ROLE = 258  # the campaign's name on its row (the text may add its year)
NET_COLUMN = 2


def footprints(entries: list[tuple[str, str, str, dict[str, Any]]], factors: Any,
               cancelled: Callable[[], bool] = lambda: False) -> dict[tuple[str, ...], float]:
    """Net kg CO2e per kg of cocoa for each valid survey, cooperative and campaign (drafts are left out).

    ``entries``: (survey id, campaign, organisation, stored document). Runs in a worker thread: pure Python.
    Stops early (with what it has) when ``cancelled()`` says so: the app is closing."""
    from pydantic import ValidationError

    from cocoa_desktop.engine.footprint import compute
    from cocoa_desktop.engine.results import sum_footprints
    from cocoa_desktop.engine.survey import Survey

    by_survey, by_coop, by_campaign = {}, {}, {}
    for survey_id, campaign, organisation, doc in entries:
        if cancelled():
            break
        try:
            fp = compute(Survey.model_validate(doc), factors)
        except (ValidationError, ValueError):
            continue  # a draft: no footprint yet
        by_survey[survey_id] = fp
        by_coop.setdefault((campaign, organisation), []).append(fp)
        by_campaign.setdefault(campaign, []).append(fp)
    found: dict[tuple[str, ...], float] = {("survey", k): v.net_per_kg for k, v in by_survey.items()}
    for (campaign, organisation), items in by_coop.items():
        found[("cooperative", campaign, organisation)] = sum_footprints(items, organisation).net_per_kg
    for campaign, items in by_campaign.items():
        found[("campaign", campaign)] = sum_footprints(items, campaign).net_per_kg
    return found


class SurveyTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("survey_tree")
        self.setHeaderLabels([translate("main", "Campaign / cooperative / survey"), translate("main", "State"),
                              translate("main", "Net (kg CO2e/kg)")])
        self.headerItem().setToolTip(NET_COLUMN, translate(
            "main", "Net emissions per kg of dry cocoa with the chosen factor set; a cooperative and a campaign sum "
                    "their surveys"))
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rows: dict[tuple[str, ...], QTreeWidgetItem] = {}

    def fill(self, campaigns: list[Any], surveys: list[Any], lang: str) -> None:
        """Rebuild from the repository's rows, keeping the selection and the scroll position."""
        selected = self.currentItem().data(0, SURVEY_ROLE) if self.currentItem() else None
        selected_key = self.key_of(self.currentItem()) if self.currentItem() else None
        self.clear()
        self.rows = {}
        for row in campaigns:
            # the year goes with the name (most names hold it already), not in the State column
            year = str(row["year"])
            label = row["name"] if year in row["name"] else f"{row['name']} ({year})"
            item = QTreeWidgetItem([label, "", ""])
            item.setData(0, KIND_ROLE, "campaign")
            item.setData(0, CAMPAIGN_ROLE, row["name"])
            self.addTopLevelItem(item)
            self.rows[("campaign", row["name"])] = item
        for survey in surveys:
            key = ("cooperative", survey.campaign, survey.organisation)
            if key not in self.rows:
                coop = QTreeWidgetItem(self.rows[("campaign", survey.campaign)],
                                       [survey.organisation or translate("main", "(no name yet)"), "", ""])
                coop.setData(0, KIND_ROLE, "cooperative")
                self.rows[key] = coop
            state = translate("main", "complete") if survey.completed_at else translate("main", "in progress")
            if survey.open_conflicts:
                state = translate("main", "conflict to resolve")
            region = survey.unit == "region"
            label = survey.farm_name or (translate("main", "whole region") if region else
                                         translate("main", "whole cooperative"))
            leaf = QTreeWidgetItem(self.rows[key], [label, state, "…"])
            leaf.setData(0, SURVEY_ROLE, survey.id)
            leaf.setData(0, KIND_ROLE, "survey")
            self.rows[("survey", survey.id)] = leaf
        self.expandAll()
        self.resizeColumnToContents(1)
        self.resizeColumnToContents(NET_COLUMN)
        again = self.rows.get(("survey", selected)) if selected else self.rows.get(selected_key or ())
        if again is not None:
            self.setCurrentItem(again)
        elif self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))

    def key_of(self, item: QTreeWidgetItem | None) -> tuple[str, ...] | None:
        return next((k for k, v in self.rows.items() if v is item), None)

    def show_footprints(self, found: dict[tuple[str, ...], float], lang: str) -> None:
        from PySide6.QtCore import Qt

        from cocoa_desktop.engine.report import format_quantity

        for key, item in self.rows.items():
            value = found.get(key)
            item.setText(NET_COLUMN, "—" if value is None else format_quantity(value, 2, lang))
            item.setTextAlignment(NET_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.resizeColumnToContents(NET_COLUMN)

    def selected_kind(self) -> str | None:
        item = self.currentItem()
        return item.data(0, KIND_ROLE) if item is not None else None

    def selected_survey(self) -> str | None:
        item = self.currentItem()
        return item.data(0, SURVEY_ROLE) if item is not None else None

    def selected_cooperative(self) -> str | None:
        """The cooperative of the selected row (a cooperative or one of its surveys); None on a campaign."""
        item = self.currentItem()
        if item is not None and item.data(0, KIND_ROLE) == "survey":
            item = item.parent()
        key = self.key_of(item) if item is not None else None
        return key[2] if key and key[0] == "cooperative" else None

    def selected_campaign(self) -> str | None:
        item = self.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, CAMPAIGN_ROLE) if item is not None else None

    def select_campaign(self, name: str) -> None:
        item = self.rows.get(("campaign", name))
        if item is not None:
            self.setCurrentItem(item)
