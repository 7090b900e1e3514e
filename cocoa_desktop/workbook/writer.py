"""Export surveys to a live .xlsx workbook laid out like the PROMPERÚ calculation tool.

Every computed cell is a formula over input cells and named factor cells, so the workbook recalculates in Excel
or LibreOffice and works as a standalone calculator; each formula is written with the value the engine computed,
so the numbers are there before any recalculation. Text typed by users is always written as text. Data sheets
are streamed row by row, so a campaign of tens of thousands of farms fits in memory.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import FileCreateError

from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.words import say
from cocoa_desktop.workbook import (
    cooperatives_sheet,
    data_sheets,
    factor_sheet,
    lists_sheet,
    report_sheets,
    values,
)
from cocoa_desktop.workbook.book import Book, Cancelled
from cocoa_desktop.workbook.calc_layout import BLOCK_SUMS, CALC
from cocoa_desktop.workbook.formulas import block_key
from cocoa_desktop.workbook.layout import (
    FIRST_ROW,
    ITEM_SHEETS,
    LINKED_SHEETS,
    META_SHEET,
    SURVEY_SHEETS,
    WORKBOOK_FORMAT,
    WORKBOOK_VERSION,
)
from cocoa_desktop.workbook.report_data import ReportData
from cocoa_desktop.workbook.rows import item_rows, survey_rows
from cocoa_desktop.workbook.xlsx import ExactWorkbook, Formats, discard, header_text


class WorkbookWriter(Book):
    """Writes the whole workbook, sheet by sheet (each sheet's module writes it into this Book)."""

    # ---- the whole workbook ----
    def write(self, surveys: Sequence[Survey], path: Path, meta: dict[str, Any],
              scenarios: Sequence[Any] = ()) -> Path:
        tmp = path.with_name(path.name + ".tmp")
        self.wb = ExactWorkbook(str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False,
                                           "strings_to_urls": False})
        self.formats = Formats(self.wb)
        try:
            self._write(list(surveys), meta)
            if scenarios:
                from cocoa_desktop.workbook import scenario_sheet

                scenario_sheet.write(self, list(surveys), list(scenarios), self.subject or "Total")
            for name, ref in sorted(self.formulas.names.items()):  # the data columns the formulas name
                self.define_name(name, ref)
            if self.cancelled():
                raise Cancelled
            self.progress(0.95, say(self.lang, "guardando", "saving"))
            self.wb.close()
            tmp.replace(path)
        except BaseException as exc:
            discard(self.wb)
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, FileCreateError):  # the temporary file could not be made (-o /proc/version)
                cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
                raise OSError(getattr(cause, "errno", None), getattr(cause, "strerror", None) or str(exc),
                              str(path)) from None
            raise
        self.progress(1.0, say(self.lang, "listo", "done"))
        return path

    def _write(self, surveys: list[Survey], meta: dict[str, Any]) -> None:
        self.n_surveys = len(surveys)
        self.progress(0.0, say(self.lang, "cálculo", "computing"))
        footprints = values.footprints(surveys, self.f)
        coops = list(dict.fromkeys(s.general.organisation for s in surveys))
        year = meta.get("campaign_year") or (surveys[0].general.campaign_year if surveys else "")
        campaign = str(meta.get("campaign_name") or f"{say(self.lang, 'Campaña', 'Campaign')} {year}")
        self.subject = str(meta.get("campaign_name") or (surveys[0].general.organisation if surveys else ""))
        set_name = f"{self.f.factor_set.name(self.lang)} — {say(self.lang, 'PCG', 'GWP')} {self.f.gwp.id}"
        who = coops[0] if len(coops) == 1 else f"{len(coops)} {say(self.lang, 'cooperativas', 'cooperatives')}"
        # the page header's three sections short (the factor set's name without its note), so they never meet
        gwp = say(self.lang, "PCG", "GWP")
        short_set = f"{self.f.factor_set.name(self.lang).split(' (')[0]} — {gwp} {self.f.gwp.id}"
        self.page_header = header_text(who, campaign, short_set)
        self.header_note = f"{campaign} — {set_name}"
        per_survey = survey_rows(surveys, footprints, self.f, self.lang)
        per_item = item_rows(surveys, self.f, self.lang)
        self.item_counts = {key: len(items) for key, items in per_item.items()}
        report_sheets.instructions(self)
        report = ReportData(surveys, footprints, self.f, self.lang, meta)
        report_sheets.results(self, report)
        cooperatives_sheet.write(self, report)
        steps = len(SURVEY_SHEETS) + len(ITEM_SHEETS) + 3
        done = 3
        for spec in SURVEY_SHEETS:
            self._step(done / steps, spec.title(self.lang))
            data_sheets.write_sheet(self, spec, per_survey[spec.key])
            done += 1
        blocks: list[dict[str, tuple[int, int]]] = [{} for _ in surveys]
        counts = [0] * len(surveys)
        sums: list[dict[str, float]] = [{} for _ in surveys]  # each survey's block sums, as SUM adds them
        for spec in ITEM_SHEETS:
            self._step(done / steps, spec.title(self.lang))
            items = per_item[spec.key]
            guesses, spans = data_sheets.item_layout(items, len(surveys))
            for i, span in enumerate(spans):
                if span is not None:
                    blocks[i][spec.key] = span
                    counts[i] += span[1] - span[0] + 1
            for item in items:
                for sheet_key, key in BLOCK_SUMS:
                    if sheet_key == spec.key:
                        name = block_key(sheet_key, key)
                        sums[item.survey][name] = sums[item.survey].get(name, 0) + item.computed[key]
            rows = [{**item.inputs, **item.computed, "_g": guess} for item, guess in zip(items, guesses, strict=True)]
            data_sheets.write_sheet(self, spec, rows)
            done += 1
        self._step(done / steps, CALC.title(self.lang))
        calc_rows = []
        for offset, (survey, fp) in enumerate(zip(surveys, footprints, strict=True)):
            row = values.calc(survey, fp, self.f)
            row |= {f"_{s.key}": FIRST_ROW + offset for s in LINKED_SHEETS}
            row["n_items"] = counts[offset]
            row |= sums[offset]
            calc_rows.append(row)
        data_sheets.write_sheet(self, CALC, calc_rows, blocks=blocks)
        factor_sheet.write(self)
        lists_sheet.write(self)
        self._meta(meta)

    def _step(self, fraction: float, what: str) -> None:
        if self.cancelled():
            raise Cancelled
        self.progress(fraction, what)

    def _meta(self, meta: dict[str, Any]) -> None:
        ws = self.wb.add_worksheet(META_SHEET)
        ws.hide()
        entries = {"format": WORKBOOK_FORMAT, "version": WORKBOOK_VERSION, "lang": self.lang,
                   "factor_set": self.f.factor_set.id, "gwp": self.f.gwp.id, **meta}
        entries |= {f"sheet.{key}": title for key, title in self.titles.items()}
        for r, (key, value) in enumerate(entries.items()):
            ws.write_string(r, 0, key)
            ws.write_string(r, 1, "" if value is None else str(value))
