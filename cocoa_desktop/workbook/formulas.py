"""Formula templates of the layout → the formula of each cell.

A column's template is expanded once per sheet (sheet titles, column letters, factor names) into a text with
markers; each row then only replaces the markers: its row number, the guessed row of its survey in "Datos
generales" (item sheets), and the block of item rows the export wrote for its survey (calculation sheet).
"""

from __future__ import annotations

import re

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.stages import fertilisation, sequestration
from cocoa_desktop.engine.words import index
from cocoa_desktop.workbook.calc_layout import BY_KEY, CALC, MISSING, OK, SELF_GATED
from cocoa_desktop.workbook.layout import FIRST_ROW, NOT_FOUND, Col, SheetSpec

ROW = "\x00"  # this row's number
PREV = "\x05"  # the row above's number (a relative reference, so the formula stays shareable)
BLOCK = re.compile("\x03([a-z_]+):([A-Z]+)\x03")  # the survey's block of rows in an item sheet: sum of a column
COUNT = "\x04"  # how many rows of the survey's blocks hold its id
OK_ITEMS = "ok_items"
NOT_FOUND_NAME = "msg_not_found"  # the label of a row whose survey id is nowhere in "Datos generales"
LISTED_COOPS = "listed_coops"  # the cooperatives the summary sheet names (a range of its column A)
FACTOR_TABLE = "factor_table"  # the factor sheet's columns A:B (key, value), for VLOOKUP
Blocks = dict[str, tuple[int, int]]  # item sheet key → (first row, last row) of one survey's items


def block_key(sheet_key: str, key: str) -> str:
    """The calculation sheet's helper column summing a survey's block of column ``key`` in an item sheet."""
    return f"b_{sheet_key}_{key}"


def quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


class Template:
    """One column's formula with markers; :meth:`at` gives it for a row."""

    __slots__ = ("blocks", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks = "\x03" in text or COUNT in text

    @property
    def shareable(self) -> bool:
        """The same formula on every row but for its own row number (a shared formula in the file)."""
        return not self.blocks

    def at(self, row: int, blocks: Blocks | None = None, titles: dict | None = None) -> str:
        text = self.text
        if self.blocks:
            text = _blocks(text, blocks or {}, titles or {})
        return text.replace(ROW, str(row)).replace(PREV, str(row - 1))


def _blocks(text: str, blocks: Blocks, titles: dict[str, str]) -> str:
    def block_sum(m: re.Match[str]) -> str:
        span = blocks.get(m.group(1))
        if span is None:
            return "0"
        letter, sheet = m.group(2), quoted(titles[m.group(1)])
        # the rows of the block that still hold the survey's id (an item whose id a user cleared leaves the total)
        return f"SUMIF({sheet}!$A${span[0]}:$A${span[1]},$A{ROW},{sheet}!${letter}${span[0]}:${letter}${span[1]})"

    text = BLOCK.sub(block_sum, text)
    if COUNT in text:
        counts = "+".join(f"COUNTIF({quoted(titles[key])}!$A${first}:$A${last},$A{ROW})"
                          for key, (first, last) in blocks.items())
        text = text.replace(COUNT, counts or "0")
    return text


class Formulas:
    def __init__(self, f: Factors, lang: str, titles: dict[str, str], factor_title: str) -> None:
        self.f = f
        self.lang = lang
        self.idx = index(lang)
        self.titles = titles
        self.factor_title = factor_title
        self._cache: dict[tuple[str, ...], Template] = {}
        # the defined names of the whole columns the formulas read on other sheets (name → reference), which the
        # writer defines: LibreOffice's .xlsx save compiles a column's shared formula once, unless it refers to
        # another sheet (then once per cell); a name is no such reference (22,000 farms: the save 37 → 33 s)
        self.names: dict[str, str] = {}
        # the cooperatives the summary sheet lists by name (a range), set before the calculation sheet is written
        self.listed_coops = ""

    def template(self, spec: SheetSpec, col: Col) -> Template:
        key = (spec.key, col.key)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._make(spec, col)
        return found

    def for_rows(self, spec: SheetSpec, col: Col, filled: bool) -> Template:
        """The column's formula for the rows the export filled (``filled``: each has its id) or for the spare rows.

        LibreOffice writes every formula of a saved .xlsx in full, cell by cell, and an ``IF`` is among the dearest
        parts of it: the empty-row guard ``IF($A5="","",…)`` of every cell cost 30 % of the save at 22,000 farms.
        So a guard stays only where a row without an id must show nothing: the spare rows (empty until a user types
        an id), the labels (a row whose id was cleared says nothing, is not "not found"), the calculation sheet's
        mirrors of "Datos generales", its status (which gates every result), its item count and its results. The
        other formulas of a data sheet are read only through a search by id (a blank id never matches) or, for an
        item sheet's totals, by a SUMIF on the survey's id over its block; a filled row whose inputs a user cleared
        shows its zeros and errors in the fill colour (conditional format), unflagged."""
        # the calculation sheet's helpers but its item count are read only when the status is ✓ (the rows found,
        # the block sums) or test the cooperative themselves (new cooperatives); its other columns keep theirs
        guarded = not filled or col.kind == "label" or (
            spec is CALC and (col.kind != "helper" or col.key == "n_items"))
        if guarded:
            return self.template(spec, col)
        key = (spec.key, col.key, "filled")
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = Template("=" + self._expand(spec, col.formula))
        return found

    def _make(self, spec: SheetSpec, col: Col) -> Template:
        body = self._expand(spec, col.formula)
        if spec is CALC and col.kind == "result" and col.key in SELF_GATED:
            text = f"={body}"
        elif spec is CALC and col.kind == "result":
            text = f'=IF({self._expand(spec, "{c:status}")}<>"{OK}","",{body})'
        elif spec is CALC and col.kind == "mirror":
            same_id = self._expand(spec, "{same:id}")
            text = f'=IF({same_id}="","",{body})'
        else:
            text = f'=IF($A{ROW}="","",{body})'
        return Template(text)

    def _find(self, target: str) -> str:
        """The row of this row's survey in sheet ``target`` (per-survey sheets are written in the same order:
        the same row is tried first), else a search (MATCH), else "" (not found)."""
        ids = self.column_name(target, "id")
        return f'IF(INDEX({ids},ROW())=$A{ROW},ROW(),IFERROR(MATCH($A{ROW},{ids},0),""))'

    def _general(self, spec: SheetSpec, key: str) -> str:
        """This row's survey's ``key`` in "Datos generales": at the row where the export put it if the id is
        there (the same row for per-survey sheets; for item sheets the row number the export wrote in the hidden
        ``_g`` cell, which a copied row carries along), else searched by id; ⚠ (a label) or 0 (a number) when
        the id is nowhere."""
        missing = "0"
        if key == "name":  # the words once, as a name: 36,000 labels of a 2,200-farm workbook do not repeat them
            self.names[NOT_FOUND_NAME] = f'"{NOT_FOUND[self.idx]}"'
            missing = NOT_FOUND_NAME
        column, ids = self.column_name("general", key), self.column_name("general", "id")
        if key == "name":  # a label: the row found (here, or at the guessed row, or searched), else ⚠ in one IFERROR
            # (a blank or text guess is MAX'd to row 1, the sheet's title, which is no id)
            here = "ROW()" if spec.per_survey else f"${spec.letter('_g')}{ROW}"
            guess = here if spec.per_survey else f"MAX(1,{here})"
            return (f"IFERROR(INDEX({column},IF(INDEX({ids},{guess})=$A{ROW},{here},MATCH($A{ROW},{ids},0))),"
                    f"{missing})")
        search = f"IFERROR(INDEX({column},MATCH($A{ROW},{ids},0)),{missing})"
        if spec.per_survey:
            return f"IF(INDEX({ids},ROW())=$A{ROW},INDEX({column},ROW()),{search})"
        g = f"${spec.letter('_g')}{ROW}"
        return f'IF(IF({g}="",FALSE,INDEX({ids},{g})=$A{ROW}),INDEX({column},{g}),{search})'

    def _expand(self, spec: SheetSpec, template: str) -> str:
        template = (template.replace("{FALLBACK}", self._fallback())
                    .replace("{SEQUESTRATION}", self._sequestration())
                    .replace("{NOT_FOUND}", NOT_FOUND[self.idx]).replace("{MISSING}", MISSING[self.idx])
                    .replace("{NEW_COOP}", self._new_coop()))

        def sub(match: re.Match[str]) -> str:
            token = match.group(1)
            if token == "id":
                return f"$A{ROW}"
            if token == "COUNT":
                return COUNT
            if token == "FT":
                self.names[FACTOR_TABLE] = f"{quoted(self.factor_title)}!$A:$B"
                return FACTOR_TABLE
            kind, _, rest = token.partition(":")
            if kind == "c":
                return f"{spec.letter(rest)}{ROW}"
            if kind == "above":  # this column from the first data row's header down to the row above
                return f"${spec.letter(rest)}${FIRST_ROW - 1}:{spec.letter(rest)}{PREV}"
            if kind == "down_to":  # this column from the first data row down to this row
                return f"${spec.letter(rest)}${FIRST_ROW}:{spec.letter(rest)}{ROW}"
            if kind == "k":  # the chosen word's key: its hidden key column, if the sheet has one
                if any(c.key == f"_k_{rest}" for c in spec.columns):
                    return f"${spec.letter('_k_' + rest)}{ROW}"
                return f"VLOOKUP({spec.letter(rest)}{ROW},claves,2,FALSE)"
            if kind == "g":
                return self._general(spec, rest)
            if kind == "same":  # the same row: a name, not a reference to another sheet (see ``names``)
                return f"INDEX({self.column_name('general', rest)},ROW())"
            if kind == "LUC":  # the words of a PAS 2050 assumption, as the engine says them
                return self.luc_words(land_use.Basis(rest)).replace('"', '""')
            if kind == "TITLE":
                return self.titles[rest].replace('"', '""')
            if kind == "FIND":
                return self._find(rest)
            sheet_key, _, key = rest.partition(":")
            if kind == "col":
                return self._column(sheet_key, key)
            if kind == "s":
                return f"INDEX({self._column(sheet_key, key)},{CALC.letter('_' + sheet_key)}{ROW})"
            if kind == "items":
                return (f"IF({OK_ITEMS},{CALC.letter(block_key(sheet_key, key))}{ROW},"
                        f"SUMIFS({self.column_name(sheet_key, key)},{self.column_name(sheet_key, 'id')},$A{ROW}))")
            if kind == "BLOCKSUM":
                return f"\x03{sheet_key}:{BY_KEY[sheet_key].letter(key)}\x03"
            raise KeyError(token)

        return re.sub(r"\{([^{}]+)\}", sub, template)

    def luc_words(self, rule: land_use.Basis) -> str:
        return land_use.words(rule, self.lang, self.f["luc_amortisation_years"])

    def _column(self, sheet_key: str, key: str) -> str:
        return self.column_name(sheet_key, key)

    def column_name(self, sheet_key: str, key: str) -> str:
        """The defined name of column ``key`` of a data sheet, whole (``col_husk_s1`` for Cáscara!$N:$N)."""
        letter = BY_KEY[sheet_key].letter(key)
        name = f"col_{sheet_key}_{re.sub(r'[^a-z0-9_]', '_', key)}"
        self.names[name] = f"{quoted(self.titles[sheet_key])}!${letter}:${letter}"
        return name

    def _new_coop(self) -> str:
        """The calculation sheet's running list of cooperatives the summary sheet does not name: 1, 2, … on the
        first row of each such cooperative (in the sheet's order), else "". Rows of a listed cooperative stop at
        the first test (a few cells); only a new cooperative's rows look at the rows above. Works in Excel 2010 and
        LibreOffice (no dynamic arrays); a row whose cooperative is an error gets "" (the checks count errors)."""
        org = "{c:organisation}"
        if self.listed_coops:
            self.names[LISTED_COOPS] = self.listed_coops
        listed = f"SUMPRODUCT(--({LISTED_COOPS}={org}))>0" if self.listed_coops else "FALSE"
        return (f'IFERROR(IF(OR({org}="",{listed}),"",IF(SUMPRODUCT(--({{down_to:organisation}}={org}))>1,"",'
                '1+COUNT({above:new_coop}))),"")')

    def _fallback(self) -> str:
        if self.f.method("fertilisation_fallback"):
            return fertilisation.S2_FALLBACK_TEMPLATE
        return "0"

    def _sequestration(self) -> str:
        if self.f.method("sequestration") == "per_kg":
            return sequestration.SEQUESTRATION_PER_KG_TEMPLATE
        return sequestration.SEQUESTRATION_BY_AREA_TEMPLATE
