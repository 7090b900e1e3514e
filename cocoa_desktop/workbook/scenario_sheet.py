"""The campaign's saved what-if scenarios in the workbook: one sheet each ("Escenario 1 …"), before and after, as
the scenario editor shows them. The rows come from the engine (``decisions_text.scenario_rows``); the numbers are
values (a scenario is a comparison the app computed, not a calculator the cooperative edits)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.decisions.scenarios import Scenario, run
from cocoa_desktop.engine.decisions.text import scenario_rows
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.words import say
from cocoa_desktop.workbook.xlsx import page_setup, protect

if TYPE_CHECKING:
    from cocoa_desktop.workbook.book import Book

MAX_SHEETS = 20  # a campaign keeps a handful; more would bury the workbook's own sheets


def write(w: Book, surveys: Sequence[Survey], scenarios: Sequence[Scenario], name: str) -> None:
    for number, scenario in enumerate(scenarios[:MAX_SHEETS], start=1):
        rows = scenario_rows(run(surveys, scenario, w.f, name), w.f, w.lang)
        ws = w.wb.add_worksheet(f"{say(w.lang, 'Escenario', 'Scenario')} {number}")
        ws.set_column(0, 0, 48)
        ws.set_column(1, 5, 16)
        number_format = w.wb.add_format({"num_format": "#,##0.0"})
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                _put(ws, r, c, value, w.formats.title if r == 0 else number_format)
        page_setup(ws, w.page_header, w.lang, repeat=None, one_page=True)
        protect(ws)


def _put(ws: Any, r: int, c: int, value: Any, fmt: Any) -> None:
    if value is None:
        return
    if isinstance(value, int | float) and not isinstance(value, bool):
        ws.write_number(r, c, value, fmt)
    else:
        ws.write_string(r, c, str(value), fmt if r == 0 else None)
