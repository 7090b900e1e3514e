"""Export a survey, a cooperative or a campaign to a live workbook (entry point for the CLI and the app)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.survey import Campaign, Survey
from cocoa_desktop.engine.progress import IsCancelled, Progress
from cocoa_desktop.workbook.writer import WorkbookWriter


def export_workbook(item: Survey | Campaign, path: Path, f: Factors, lang: str = "es",
                    progress: Progress | None = None, cancelled: IsCancelled | None = None,
                    scenarios: Sequence[Any] = ()) -> Path:
    """Write ``path`` atomically; ``progress(fraction, what)`` is called along the way, ``cancelled()`` polled;
    ``scenarios`` (the campaign's saved what-ifs) each get a sheet after the campaign's own."""
    if isinstance(item, Campaign):
        surveys = list(item.surveys)
        meta = {"kind": "campaign", "campaign_name": item.name, "campaign_year": item.year,
                "campaign_region": item.region, "campaign_notes": item.notes}
    else:
        surveys = [item]
        meta = {"kind": "survey"}
    return WorkbookWriter(f, lang, progress, cancelled).write(surveys, Path(path), meta, scenarios)
