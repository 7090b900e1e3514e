"""Formula templates of the layout → the formula of each cell.

A column's template is expanded once per sheet (sheet titles, column letters, factor names) into a text with
markers; each row then only replaces the markers: its row number, the guessed row of its survey in "Datos
generales" (item sheets), and the block of item rows the export wrote for its survey (calculation sheet).
"""

from __future__ import annotations

import re

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.workbook.calc_layout import BY_KEY, CALC, MISSING, OK
from cocoa_desktop.workbook.layout import GENERAL, NOT_FOUND, Col, SheetSpec

ROW = "\x00"  # this row's number
GUESS = "\x01"  # the row of this item's survey in "Datos generales", as exported
FIND_GENERAL = "\x02"  # where the item-sheet lookup of "Datos generales" goes (with or without a guess)
BLOCK = re.compile("\x03([a-z_]+):([A-Z]+)\x03")  # the survey's block of rows in an item sheet: sum of a column
COUNT = re.compile("\x04([a-z_]+)\x04")  # … and the number of its rows
Blocks = dict[str, tuple[int, int]]  # item sheet key → (first row, last row) of one survey's items


def quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def ok_name(sheet_key: str) -> str:
    return f"ok_{sheet_key}"


class Template:
    """One column's formula with markers; :meth:`at` gives it for a row."""

    __slots__ = ("blocks", "guessed", "plain", "text")

    def __init__(self, text: str, guessed: str = "", plain: str = "") -> None:
        self.text = text
        self.guessed = guessed
        self.plain = plain
        self.blocks = "\x03" in text or "\x04" in text

    def at(self, row: int, guess: int | None = None, blocks: Blocks | None = None, titles: dict | None = None) -> str:
        text = self.text
        if self.guessed:
            text = text.replace(FIND_GENERAL, self.guessed.replace(GUESS, str(guess)) if guess else self.plain)
        if self.blocks:
            text = _blocks(text, blocks or {}, titles or {})
        return text.replace(ROW, str(row))


def _blocks(text: str, blocks: Blocks, titles: dict[str, str]) -> str:
    def block_sum(m: re.Match[str]) -> str:
        span = blocks.get(m.group(1))
        if span is None:
            return "0"
        letter = m.group(2)
        return f"SUM({quoted(titles[m.group(1)])}!${letter}${span[0]}:${letter}${span[1]})"

    def block_count(m: re.Match[str]) -> str:
        span = blocks.get(m.group(1))
        if span is None:
            return "0"
        ids = f"{quoted(titles[m.group(1)])}!$A${span[0]}:$A${span[1]}"
        return f"IF(COUNTIF({ids},$A{ROW})=ROWS({ids}),ROWS({ids}),NA())"

    return COUNT.sub(block_count, BLOCK.sub(block_sum, text))


class Formulas:
    def __init__(self, f: Factors, lang: str, titles: dict[str, str], factor_title: str) -> None:
        self.f = f
        self.lang = lang
        self.idx = 1 if lang == "en" else 0
        self.titles = titles
        self.factor_title = factor_title
        self._cache: dict[tuple[str, str], Template] = {}

    def template(self, spec: SheetSpec, col: Col) -> Template:
        key = (spec.key, col.key)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._make(spec, col)
        return found

    def _make(self, spec: SheetSpec, col: Col) -> Template:
        body = self._expand(spec, col.formula)
        if spec is CALC and col.kind == "result":
            text = f'=IF({self._expand(spec, "{c:status}")}<>"{OK}","",{body})'
        elif spec is CALC and col.kind == "mirror":
            same_id = self._expand(spec, "{same:id}")
            text = f'=IF({same_id}="","",{body})'
        else:
            text = f'=IF($A{ROW}="","",{body})'
        if FIND_GENERAL in text:
            return Template(text, self._find(spec, "general", guessed=True), self._find(spec, "general", False))
        return Template(text)

    def _find(self, spec: SheetSpec, target: str, guessed: bool) -> str:
        """The row of this row's survey in sheet ``target``: the guessed row if it holds the same id, else a
        search (MATCH), else "" (not found)."""
        other = quoted(self.titles[target])
        search = f'IFERROR(MATCH($A{ROW},{other}!$A:$A,0),"")'
        if not guessed:
            return search
        if spec.per_survey:  # per-survey sheets are written in the same order: try the same row
            return f"IF({other}!$A{ROW}=$A{ROW},ROW(),{search})"
        return f"IF({other}!$A${GUESS}=$A{ROW},{GUESS},{search})"

    def _expand(self, spec: SheetSpec, template: str) -> str:
        template = (template.replace("{FALLBACK}", self._fallback())
                    .replace("{SEQUESTRATION}", self._sequestration())
                    .replace("{NOT_FOUND}", NOT_FOUND[self.idx]).replace("{MISSING}", MISSING[self.idx]))

        def sub(match: re.Match[str]) -> str:
            token = match.group(1)
            if token == "id":
                return f"$A{ROW}"
            if token == "FT":
                return f"{quoted(self.factor_title)}!$A:$B"
            kind, _, rest = token.partition(":")
            if kind == "c":
                return f"{spec.letter(rest)}{ROW}"
            if kind == "k":
                return f"VLOOKUP({spec.letter(rest)}{ROW},claves,2,FALSE)"
            if kind == "g":
                return f"INDEX({self._column('general', rest)},{spec.letter('_g')}{ROW})"
            if kind == "same":
                return f"{quoted(self.titles['general'])}!${GENERAL.letter(rest)}{ROW}"
            if kind == "TITLE":
                return self.titles[rest].replace('"', '""')
            if kind == "FIND":
                if spec.per_survey:
                    return self._find(spec, rest, guessed=True)
                return FIND_GENERAL
            if kind == "COUNT":
                return f"\x04{rest}\x04"
            sheet_key, _, key = rest.partition(":")
            if kind == "col":
                return self._column(sheet_key, key)
            if kind == "s":
                return f"INDEX({self._column(sheet_key, key)},{CALC.letter('_' + sheet_key)}{ROW})"
            if kind == "items":
                letter = BY_KEY[sheet_key].letter(key)
                other = quoted(self.titles[sheet_key])
                return (f"IF({ok_name(sheet_key)},\x03{sheet_key}:{letter}\x03,"
                        f"SUMIFS({other}!${letter}:${letter},{other}!$A:$A,$A{ROW}))")
            raise KeyError(token)

        return re.sub(r"\{([^{}]+)\}", sub, template)

    def _column(self, sheet_key: str, key: str) -> str:
        letter = BY_KEY[sheet_key].letter(key)
        return f"{quoted(self.titles[sheet_key])}!${letter}:${letter}"

    def _fallback(self) -> str:
        if self.f.method("fertilisation_fallback"):
            return "{same:productive_area_ha}*f_fertilisation_fallback_per_ha"
        return "0"

    def _sequestration(self) -> str:
        if self.f.method("sequestration") == "per_kg":
            return "{c:p}*f_sequestration_per_kg"
        return "{items:areas:total}"
