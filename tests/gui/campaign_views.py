"""What the campaign view's tests share: its table's cells, the view shown and complete, the training campaign
copied into a later one, and the year-over-year comparison as shown."""

from __future__ import annotations

from cocoa_desktop.gui.campaign.view import CampaignView
from cocoa_desktop.storage import training

LATER_CAMPAIGN = "Campaña 2020"


def cells(view: CampaignView) -> list[list[str]]:
    table = view.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def shown(qtbot, view: CampaignView) -> CampaignView:
    """``view`` shown, once its intervals are known (the whole view complete)."""
    qtbot.addWidget(view)
    view.resize(1280, 860)
    view.show()
    qtbot.waitUntil(lambda: view.uncertainty is not None, timeout=30_000)
    return view


def later_campaign(repo, grown: bool = False) -> None:
    """The training campaign installed and copied into :data:`LATER_CAMPAIGN` (year 2020); ``grown``: each copied
    survey's production grown by a tenth more than the one before, so that every cooperative changes."""
    training.install(repo)
    later = repo.ensure_campaign(LATER_CAMPAIGN, 2020)
    for i, row in enumerate(repo.surveys(training.TRAINING_NAME)):
        doc = repo.document(row.id)
        general = {**doc["general"], "campaign_year": 2020}
        if grown:
            general["dry_cocoa_kg"] = doc["general"]["dry_cocoa_kg"] * (1 + i / 10)
        doc.update(id=f"later-{i}", general=general)
        repo.add_survey(doc, later, completed=True)


def compared(qtbot, view: CampaignView) -> list[list[str]]:
    """The year-over-year table of ``view`` against the training campaign, once computed."""
    view.years.setCurrentIndex(view.years.findData(training.TRAINING_NAME))
    qtbot.waitUntil(lambda: not view.year_tab.computing, timeout=30_000)
    changes = view.changes
    return [[changes.item(r, c).text() for c in range(4)] for r in range(changes.rowCount())]
