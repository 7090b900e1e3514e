"""Export surveys to a live .xlsx workbook laid out like the PROMPERÚ calculation tool.

Every computed cell is a formula over input cells and named factor cells, so the workbook recalculates in Excel
or LibreOffice and works as a standalone calculator. Text typed by users is always written as text.
Written with openpyxl's write-only mode (streaming), so a campaign of tens of thousands of farms fits in memory.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from cocoa_desktop.engine.factors import STATUS_ES, Factors
from cocoa_desktop.engine.survey import Survey
from cocoa_desktop.workbook import summary_sheets
from cocoa_desktop.workbook.layout import (
    CALC,
    DATA_SHEETS,
    FIRST_ROW,
    ITEM_SHEETS,
    META_SHEET,
    SHARES_HUSK,
    SURVEY_SHEETS,
    WORKBOOK_FORMAT,
    WORKBOOK_VERSION,
    SheetSpec,
)
from cocoa_desktop.workbook.rows import item_rows, survey_rows

Progress = Callable[[float, str], None]
ROW_MARK = "\x00"  # stands for the row number in an expanded formula template
SPARE_ROWS = 200  # rows below the data that keep validation, for surveys added by hand
FACTOR_SHEET = {"es": "Factores", "en": "Factors"}


class Cancelled(Exception):
    """The user cancelled the export; no file was written."""


def factor_name(factor_id: str) -> str:
    """A defined name for a factor id: ``seq_monoculture_30+`` → ``f_seq_monoculture_30plus``."""
    return "f_" + factor_id.replace("+", "plus").replace("-", "_")


def quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


class Styles:
    def __init__(self, wb: Workbook) -> None:
        border_fill = PatternFill("solid", fgColor="FFF2CC")
        self.input = NamedStyle("cocoa_input", fill=border_fill, protection=Protection(locked=False),
                                number_format="General")
        self.calc = NamedStyle("cocoa_calc", fill=PatternFill("solid", fgColor="E2EFDA"), number_format="#,##0.000")
        self.head = NamedStyle("cocoa_head", font=Font(bold=True), alignment=Alignment(wrap_text=True,
                                                                                       vertical="top"))
        self.title = NamedStyle("cocoa_title", font=Font(bold=True, size=14))
        for style in (self.input, self.calc, self.head, self.title):
            wb.add_named_style(style)


class WorkbookWriter:
    def __init__(self, f: Factors, lang: str = "es", progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.f = f
        self.lang = lang
        self.progress = progress or (lambda fraction, what: None)
        self.cancelled = cancelled or (lambda: False)
        self.wb = Workbook(write_only=True)
        self.styles = Styles(self.wb)
        self.titles = {spec.key: spec.title(lang) for spec in DATA_SHEETS}
        self.factor_title = FACTOR_SHEET.get(lang, "Factores")
        self._style_arrays: dict[str, Any] = {}
        self._templates: dict[tuple[str, str], str] = {}

    # ---- cells ----
    def text(self, ws: Any, value: object, style: NamedStyle | None = None) -> WriteOnlyCell:
        """A cell that is always text, whatever it starts with (=, +, -, @ never become formulas)."""
        cell = WriteOnlyCell(ws, value=None if value is None else str(value))
        cell.data_type = "s"
        if style is not None:
            self._style(cell, style)
        return cell

    def cell(self, ws: Any, value: object, style: NamedStyle) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        self._style(cell, style)
        return cell

    def _style(self, cell: WriteOnlyCell, style: NamedStyle) -> None:
        """Apply a named style; its resolved style array is computed once and shared (cells are written at once
        and never changed again in write-only mode), which avoids openpyxl's per-cell name lookup."""
        array = self._style_arrays.get(style.name)
        if array is None:
            cell.style = style.name
            self._style_arrays[style.name] = cell._style
        else:
            cell._style = array

    # ---- formulas ----
    def resolve(self, spec: SheetSpec, template: str, row: int) -> str:
        """The formula of ``template`` for one row (the expansion is done once per sheet and column)."""
        key = (spec.key, template)
        expanded = self._templates.get(key)
        if expanded is None:
            expanded = self._templates[key] = self._expand(spec, template)
        return expanded.replace(ROW_MARK, str(row))

    def _expand(self, spec: SheetSpec, template: str) -> str:
        row = ROW_MARK

        def sub(match: re.Match[str]) -> str:
            token = match.group(1)
            if token == "id":
                return f"$A{row}"
            if token == "FT":
                return f"{quoted(self.factor_title)}!$A:$B"
            kind, _, rest = token.partition(":")
            if kind == "c":
                return f"{spec.letter(rest)}{row}"
            sheet_key, _, key = rest.partition(":")
            other = next(s for s in DATA_SHEETS if s.key == sheet_key)
            letter = other.letter(key)
            if kind == "s":
                return f"{quoted(self.titles[sheet_key])}!{letter}{row}"
            if kind == "col":
                return f"{quoted(self.titles[sheet_key])}!${letter}:${letter}"
            raise KeyError(token)

        expanded = template.replace("{FALLBACK}", self.fallback()).replace("{SEQUESTRATION}", self.sequestration())
        return "=" + re.sub(r"\{([^{}]+)\}", sub, expanded)

    def fallback(self) -> str:
        if self.f.method("fertilisation_fallback"):
            return "{s:general:productive_area_ha}*f_fertilisation_fallback_per_ha"
        return "0"

    def sequestration(self) -> str:
        if self.f.method("sequestration") == "per_kg":
            return "{c:p}*f_sequestration_per_kg"
        return "SUMIFS({col:areas:total},{col:areas:id},{id})"

    # ---- sheets ----
    def header(self, ws: Any, spec: SheetSpec, title: str, note: str = "") -> None:
        for col in spec.columns:
            ws.column_dimensions[spec.letter(col.key)].width = col.width
        ws.append([self.text(ws, title, self.styles.title), self.text(ws, note)])
        ws.append([self.text(ws, c.en if self.lang == "en" else c.es, self.styles.head) for c in spec.columns])
        ws.append([self.text(ws, c.unit) for c in spec.columns])
        ws.append([self.text(ws, c.key) for c in spec.columns])  # field keys: the import checks them
        ws.row_dimensions[4].hidden = True
        ws.freeze_panes = f"B{FIRST_ROW}"

    def data_row(self, ws: Any, spec: SheetSpec, row: int, values: dict[str, Any]) -> list[WriteOnlyCell]:
        cells = []
        for col in spec.columns:
            if not col.is_input:
                cells.append(self.cell(ws, self.resolve(spec, col.formula, row), self.styles.calc))
            elif col.kind in ("id", "text", "choice", "yesno"):
                cells.append(self.text(ws, values.get(col.key), self.styles.input))
            else:
                cells.append(self.cell(ws, values.get(col.key), self.styles.input))
        return cells

    def validations(self, ws: Any, spec: SheetSpec, last_row: int) -> None:
        for col in spec.columns:
            if not col.is_input or col.kind in ("id", "text"):
                continue
            area = f"{spec.letter(col.key)}{FIRST_ROW}:{spec.letter(col.key)}{last_row}"
            if col.kind in ("choice", "yesno"):
                options = col.choices or (("sí", "no") if self.lang != "en" else ("yes", "no"))
                dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
            elif col.kind == "share":
                dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True)
            elif col.kind == "int":
                dv = DataValidation(type="whole", operator="between", formula1="0", formula2="1000000",
                                    allow_blank=True)
            else:
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            dv.error = ("Valor no válido: revise el número o elija de la lista" if self.lang != "en"
                        else "Invalid value: check the number or choose from the list")
            dv.showErrorMessage = True
            dv.add(area)
            ws.data_validations.append(dv)

    def data_sheet(self, spec: SheetSpec, rows: Sequence[dict[str, Any]]) -> None:
        ws = self.wb.create_sheet(self.titles[spec.key])
        self.header(ws, spec, spec.title(self.lang))
        for offset, values in enumerate(rows):
            if offset % 2000 == 0 and self.cancelled():
                raise Cancelled
            ws.append(self.data_row(ws, spec, FIRST_ROW + offset, values))
        self.validations(ws, spec, FIRST_ROW + len(rows) + SPARE_ROWS)
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # widths may be changed

    def factor_sheet(self) -> None:
        ws = self.wb.create_sheet(self.factor_title)
        es = self.lang != "en"
        ws.append([self.text(ws, "Factores de emisión" if es else "Emission factors", self.styles.title),
                   self.text(ws, f"{self.f.factor_set.name(self.lang)} — PCG/GWP {self.f.gwp.id}")])
        ws.append([self.text(ws, h, self.styles.head) for h in (
            ("id", "valor", "unidad", "estado", "fuente", "rango mín.", "rango máx.") if es else
            ("id", "value", "unit", "status", "source", "range min", "range max"))])
        ws.append([])
        ws.append([])
        row = FIRST_ROW
        names: dict[str, int] = {}
        for factor in self.f.factor_set.factors.values():
            status = STATUS_ES[factor.status] if es else factor.status.value
            low, high = factor.range or (None, None)
            ws.append([self.text(ws, factor.id), self.cell(ws, factor.value, self.styles.calc),
                       self.text(ws, factor.unit), self.text(ws, status), self.text(ws, factor.source), low, high])
            names[factor_name(factor.id)] = row
            row += 1
        for derived_id, formula, unit in self.derived_factors():
            ws.append([self.text(ws, derived_id), self.cell(ws, formula, self.styles.calc), self.text(ws, unit),
                       self.text(ws, "derivado" if es else "derived"),
                       self.text(ws, "calculado en esta hoja" if es else "computed in this sheet")])
            names[derived_id if derived_id.startswith(("ef_", "PCG_")) else factor_name(derived_id)] = row
            row += 1
        for name, at in names.items():
            self.wb.defined_names[name] = DefinedName(name, attr_text=f"{quoted(self.factor_title)}!$B${at}")
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["E"].width = 80
        ws.protection.sheet = True

    def derived_factors(self) -> list[tuple[str, str, str]]:
        """Rows computed in the factor sheet: GWPs, the husk EF of each destination, firewood's EF."""
        promperu = self.f.method("husk") == "promperu"
        scattered = ("=f_husk_left_on_soil_ch4*PCG_CH4" if promperu else
                     "=f_husk_dry_matter*f_husk_n_of_dm*(f_soil_ef1+f_frac_leach*f_soil_ef5)*44/28*PCG_N2O")
        anaerobic = ("=f_husk_left_on_soil_ch4*PCG_CH4" if promperu else
                     "=f_doc_garden_wet*f_husk_dry_matter/f_doc_garden_dm*f_docf*f_mcf_heap*f_ch4_fraction_gas"
                     "*16/12*(1-f_oxidation_factor)*PCG_CH4")
        per_kg = "kg CO2e / kg fresh husk"
        husk = {
            "left_on_soil": scattered, "heaped": anaerobic, "other": anaerobic,
            "composted": "=f_compost_ch4*PCG_CH4+f_compost_n2o*PCG_N2O",
            "burned": "=f_husk_dry_matter*f_burn_combustion_factor*(f_burn_ch4*PCG_CH4+f_burn_n2o*PCG_N2O)",
            "animal_feed": "=f_animal_feed",
            "biodigester": "=f_biodigester_ch4*PCG_CH4",
        }
        assert set(husk) == set(SHARES_HUSK)
        return [
            ("PCG_CH4", f"={self.f.gwp_ch4!r}", f"GWP CH4 ({self.f.gwp.id})"),
            ("PCG_N2O", f"={self.f.gwp_n2o!r}", f"GWP N2O ({self.f.gwp.id})"),
            *((f"ef_husk_{k}", formula, per_kg) for k, formula in husk.items()),
            ("fuel_firewood", "=f_firewood_ch4*PCG_CH4+f_firewood_n2o*PCG_N2O", "kg CO2e / kg wood"),
        ]

    def meta_sheet(self, meta: dict[str, Any]) -> None:
        ws = self.wb.create_sheet(META_SHEET)
        ws.sheet_state = "hidden"
        for key, value in {"format": WORKBOOK_FORMAT, "version": WORKBOOK_VERSION, "lang": self.lang,
                           "factor_set": self.f.factor_set.id, "gwp": self.f.gwp.id, **meta}.items():
            ws.append([self.text(ws, key), self.text(ws, value)])
        for key, title in self.titles.items():
            ws.append([self.text(ws, f"sheet.{key}"), self.text(ws, title)])

    # ---- the whole workbook ----
    def write(self, surveys: Sequence[Survey], path: Path, meta: dict[str, Any]) -> Path:
        try:
            return self._write(surveys, path, meta)
        except BaseException:
            for ws in self.wb.worksheets:  # close the streaming sheets' temporary files
                with contextlib.suppress(Exception):
                    ws.close()
            raise

    def _write(self, surveys: Sequence[Survey], path: Path, meta: dict[str, Any]) -> Path:
        steps = 3 + len(DATA_SHEETS)
        self.progress(0.0, "instrucciones")
        summary_sheets.instructions(self)
        summary_sheets.results(self, len(surveys))
        summary_sheets.cooperatives(self, surveys)
        per_survey = survey_rows(surveys)
        per_item = item_rows(surveys)
        for done, spec in enumerate((*SURVEY_SHEETS, *ITEM_SHEETS), start=3):
            if self.cancelled():
                raise Cancelled
            self.progress(done / steps, spec.title(self.lang))
            self.data_sheet(spec, per_survey[spec.key] if spec.per_survey else per_item[spec.key])
        self.data_sheet(CALC, [{} for _ in surveys])
        self.factor_sheet()
        self.meta_sheet(meta)
        if self.cancelled():
            raise Cancelled
        self.progress(0.95, "guardando" if self.lang != "en" else "saving")
        tmp = path.with_name(path.name + ".tmp")
        self.wb.save(tmp)
        tmp.replace(path)
        self.progress(1.0, "listo" if self.lang != "en" else "done")
        return path

