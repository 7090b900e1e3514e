"""The workbook being written, as its sheets see it: the factors, the language, the XlsxWriter workbook and its
formats, the sheets' titles, the named formulas, and what the writer learnt of the surveys (how many, the page
header). :class:`~cocoa_desktop.workbook.writer.WorkbookWriter` is a Book that writes the sheets in order; the sheet
modules (data_sheets, report_sheets, cooperatives_sheet, factor_sheet, lists_sheet, scenario_sheet) take a Book, so
that none of them imports the writer that imports them.
"""

from __future__ import annotations

from typing import Any

from cocoa_desktop.engine import cancel
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.progress import IsCancelled, Progress, never, silent
from cocoa_desktop.engine.words import language, say
from cocoa_desktop.workbook.calc_layout import DATA_SHEETS
from cocoa_desktop.workbook.formulas import Formulas

FACTOR_SHEET = {"es": "Factores", "en": "Factors"}


Cancelled = cancel.Cancelled  # the user cancelled the export; no file was written


class Book:
    def __init__(self, f: Factors, lang: str = "es", progress: Progress | None = None,
                 cancelled: IsCancelled | None = None) -> None:
        self.f = f
        self.lang = language(lang)
        self.progress: Progress = progress or silent
        self.cancelled: IsCancelled = cancelled or never
        self.titles = {spec.key: spec.title(self.lang) for spec in DATA_SHEETS}
        self.factor_title = FACTOR_SHEET[self.lang]
        self.formulas = Formulas(f, self.lang, self.titles, self.factor_title)
        self.wb: Any = None
        self.formats: Any = None
        self.n_surveys = 0
        self.header_note = ""
        self.page_header = ""
        self.coop_title = say(self.lang, "Cooperativas", "Cooperatives")
        self.item_counts: dict[str, int] = {}
        self.subject = ""  # the campaign's name, or the surveyed unit's

    def define_name(self, name: str, ref: str) -> None:
        self.wb.define_name(name, "=" + ref)
