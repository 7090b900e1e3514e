"""The cooperative table of the report's §7, ordered by net kg CO2e per kg, with what avoiding (jute sacks) and
reducing (composting the husk) save, what remains to compensate (credits, plantation) and the two in words, a total
row, and two charts: net kg/kg and each cooperative's share of the campaign's net emissions.

The numbers and the words are the one recommendation model's (:mod:`cocoa_desktop.engine.decisions.recommendations`,
words from :mod:`~cocoa_desktop.engine.decisions.recommendation_words`), the same as the app, ``recommend`` and the PDF:
every cell is a formula over the calculation sheet whose cached value is the engine's, and the word columns are formulas
that spell the numbers as the app does ("1 188", "91,0"), with no locale-dependent number format.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.decisions.recommendation_words import (
    DASH,
    compensation_words,
    reduction_words,
    sequestration_zero_words,
    size_words,
)
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.words import decimal_sign, say, thousands_sign
from cocoa_desktop.workbook.calc_layout import CALC
from cocoa_desktop.workbook.data_sheets import SPARE_ROWS
from cocoa_desktop.workbook.formulas import quoted
from cocoa_desktop.workbook.layout import FIRST_ROW, GENERAL
from cocoa_desktop.workbook.report_data import ReportData
from cocoa_desktop.workbook.report_sheets import COOP_COUNT_COLUMN, COOP_SPARE_ROWS, Sheet, coop_rows
from cocoa_desktop.workbook.report_texts import COOP_HEADERS
from cocoa_desktop.workbook.xlsx import header_lines, header_wrap_width, page_setup, protect

if TYPE_CHECKING:
    from cocoa_desktop.workbook.book import Book

FORMATS = ("ha", "int", "kg", "pct", "t", "t", "t", "per_kg", "pct", "t", "t", "t", "t", "ha")
WIDTHS = (32, 8, 8, 10, 8, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10, 36, 40)  # widened to the headings' longest words
PRINTED = 10  # A–J, the report's table, on one landscape A4 at ≥ 75 %; K–Q (what to avoid, reduce and compensate,
# in numbers and words) would print it at 65 % (7 pt): they are read on screen, as the charts below the table
WORDS_COLUMNS = (15, 16)  # P: avoid and reduce, Q: compensation (recommendation_words)
SIZE_COLUMNS = (17, 18)  # R, S (hidden): N and O spelt as sizes, for Q (one formula would be too long for Excel)


def exact(r: int) -> str:
    """A SUMIFS criterion matching the name in A{r} literally: a leading = or < and the wildcards * ? ~ are
    escaped, so a cooperative called "=Coop" or "Coop*" still finds its own rows."""
    escaped = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A{r},"~","~~"),"*","~*"),"?","~?")'
    return f'"="&{escaped}'


def number_text(ref: str, decimals: int, lang: str) -> str:
    """A formula giving the number in ``ref`` as :func:`~cocoa_desktop.engine.words.quantity` writes it
    ("8 316", "91,0" in Spanish; "8,316", "91.0" in English), built from whole numbers and TEXT(…,"000") only, so
    that no spreadsheet's locale changes it (grouped up to 10^12)."""
    sep, point = thousands_sign(lang), decimal_sign(lang)
    scale = 10**decimals
    units = f"ROUND(ABS({ref}){f'*{scale}' if decimals else ''},0)"  # in units of its last decimal
    whole = f"INT({units}/{scale})" if decimals else units

    def grouped(level: int) -> str:
        if level == 0:
            return f'{whole}&""'
        big = 1000**level
        head = f"INT({whole}/{big})&"
        tail = "&".join(f'"{sep}"&TEXT(MOD(INT({whole}/{1000**k}),1000),"000")' for k in range(level - 1, -1, -1))
        return f"IF({whole}>={big},{head}{tail},{grouped(level - 1)})"

    text = grouped(3)
    if decimals:
        text += f'&"{point}"&TEXT({units}-{whole}*{scale},"{"0" * decimals}")'
    return f'IF({ref}<0,"-","")&{text}'


def size_text(ref: str, lang: str) -> str:
    """A size read at a glance, as recommendation_words writes it: whole from 100 on, one decimal from 1, two below."""
    return (f"IF(ABS({ref})>=100,{number_text(ref, 0, lang)},IF(ABS({ref})>=1,{number_text(ref, 1, lang)},"
            f"{number_text(ref, 2, lang)}))")


def _reduction_formula(r: int, lang: str) -> str:
    """recommendation_words.reduction_words as a formula over K (jute) and L (composting)."""
    yr = say(lang, "t/año", "t/yr")
    jute = f'"{say(lang, "evitar: yute", "avoid: jute")} "&{number_text(f"K{r}", 0, lang)}&" {yr}"'
    compost = f'"{say(lang, "reducir: compostaje", "reduce: composting")} "&{number_text(f"L{r}", 0, lang)}&" {yr}"'
    return (f'=IF(AND(K{r}<=0,L{r}<=0),"{DASH}",IF(K{r}>0,{jute},"")&IF(AND(K{r}>0,L{r}>0),"; ","")'
            f'&IF(L{r}>0,{compost},""))')


def _compensation_formula(r: int, lang: str) -> str:
    """recommendation_words.compensation_words as a formula over M (residual), spelt with N and O in R, S."""
    t, ha = f"R{r}", f"S{r}"
    return say(lang,
               f'=IF(M{r}<=0,"{DASH}",{t}&" t/año: "&{ha}&" ha de plantación o "&{t}&" créditos")',
               f'=IF(M{r}<=0,"{DASH}",{t}&" t/yr: "&{ha}&" ha of plantation or "&{t}&" credits")')


def write(w: Book, d: ReportData) -> None:
    ws = w.wb.add_worksheet(w.coop_title)
    widths = [header_wrap_width(head, width) for head, width in zip(COOP_HEADERS[w.lang], WIDTHS, strict=True)]
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.set_column(SIZE_COLUMNS[0], SIZE_COLUMNS[-1], 12, None, {"hidden": True})
    s = Sheet(w, ws, widths)
    s.label(1, 0, say(w.lang, "Resultados por cooperativa", "Results by cooperative"), w.formats.title)
    s.label(2, 0, w.header_note, w.formats.subtitle)
    if any("sequestration_no_areas" in c.plan.notes for c in d.cooperatives):  # said where the residual is sized
        note = say(w.lang, "Nota: ", "Note: ") + sequestration_zero_words(w.lang)
        ws.merge_range(2, 0, 2, PRINTED - 1, note, w.formats.note)
        ws.set_row(2, 15 * (1 + len(note) // 140))
    ws.set_row(3, 15 * max(header_lines(head, width) for head, width in zip(COOP_HEADERS[w.lang], widths,
                                                                             strict=True)))
    s.head(4, COOP_HEADERS[w.lang])
    calc = quoted(w.titles["calc"])
    general = quoted(w.titles["general"])

    def col(sheet: str, spec: Any, key: str) -> str:
        letter = spec.letter(key)
        return f"{sheet}!${letter}:${letter}"

    def by_coop(key: str, r: int) -> str:
        return f"SUMIFS({col(calc, CALC, key)},{col(calc, CALC, 'organisation')},{exact(r)})"

    def by_general(key: str, r: int) -> str:
        return f"SUMIFS({col(general, GENERAL, key)},{col(general, GENERAL, 'organisation')},{exact(r)})"

    net_total = d.total.net_kg / 1000
    n = len(d.cooperatives)
    last, _, total_row = coop_rows(n)
    if n:  # the calculation sheet lists, in its helper, the cooperatives not named here
        w.formulas.listed_coops = f"{quoted(w.coop_title)}!$A${FIRST_ROW}:$A${last}"
    calc_coops = f"{calc}!$C${FIRST_ROW}:$C${FIRST_ROW + w.n_surveys + SPARE_ROWS - 1}"  # not its headings
    surveys_of = Counter(survey.general.organisation for survey in d.surveys)
    ws.set_column(COOP_COUNT_COLUMN, COOP_COUNT_COLUMN, 8, None, {"hidden": True})
    s.label(4, COOP_COUNT_COLUMN, say(w.lang, "Encuestas", "Surveys"), w.formats.head)
    for offset in range(n + COOP_SPARE_ROWS):
        r = FIRST_ROW + offset
        c = d.cooperatives[offset] if offset < n else None
        if c is None:  # a spare row: the k-th cooperative of the data sheets not named above, or empty
            new_coop = col(calc, CALC, "new_coop")
            s.formula(r, 0, f'=IFERROR(INDEX({col(calc, CALC, "organisation")},MATCH({offset - n + 1},{new_coop},0)),'
                            '"")', "", "", "label")
        else:
            s.label(r, 0, c.name, w.formats.text)  # wrapped: a long name is never cut

        def put(k: int, formula: str, value: Any, fmt: str, role: str = "calc", r: int = r,
                spare: bool = c is None) -> None:
            body = formula.removeprefix("=")
            s.formula(r, k, f'=IF($A{r}="","",{body})' if spare else f"={body}", None if spare else value, fmt, role)

        fp, plan = (c.footprint, c.plan) if c else (None, None)
        jute, compost = (plan.item("jute"), plan.item("compost")) if plan else (None, None)
        residual = plan.residual_t if plan else 0.0
        cells = (
            (by_general('productive_area_ha', r), fp.area_ha if fp else None),
            (by_general('producers', r), fp.producers if fp else None),
            (by_coop('p', r), fp.production_kg if fp else None),
            (f"IF(F{r}>0,{by_coop('s1', r)}/1000/F{r},0)", fp.share(Stage.HUSK) if fp else None),
            (f"{by_coop('gross', r)}/1000", fp.gross_kg / 1000 if fp else None),
            (f"{by_coop('sequestration', r)}/1000", fp.sequestration_kg / 1000 if fp else None),
            (f"F{r}-G{r}", fp.net_kg / 1000 if fp else None),
            (f'IF(D{r}>0,H{r}*1000/D{r},"")', fp.net_per_kg if fp else None),
            (f'IF($H${total_row}<>0,H{r}/$H${total_row},"")',
             fp.net_kg / 1000 / net_total if fp and net_total else None),
            (f"MAX(0,{by_coop('jute_saving', r)}/1000)", jute.saving_t if jute else 0.0),
            (f"{by_coop('composting_saving', r)}/1000", compost.saving_t if compost else 0.0),
            (f"H{r}-K{r}-L{r}", residual),
            (f"MAX(0,M{r})", max(0.0, residual)),
            (f"N{r}/f_reforestation_sequestration", max(0.0, residual) / w.f["reforestation_sequestration"]),
        )
        for k, ((formula, value), fmt) in enumerate(zip(cells, FORMATS, strict=True), start=1):
            put(k, formula, value, fmt)
        said = (reduction_words(plan, w.lang), compensation_words(plan, w.lang)) if plan else (None, None)
        put(WORDS_COLUMNS[0], _reduction_formula(r, w.lang), said[0], "", "label")
        put(WORDS_COLUMNS[1], _compensation_formula(r, w.lang), said[1], "", "label")
        for column, ref, value in zip(SIZE_COLUMNS, ("N", "O"), (max(0.0, residual), cells[-1][1]), strict=True):
            put(column, size_text(f"{ref}{r}", w.lang), size_words(value, w.lang), "", "label")
        # how many rows of the calculation sheet this row adds up (the checks compare it with all of them)
        put(COOP_COUNT_COLUMN, f"COUNTIF({calc_coops},{exact(r)})", surveys_of[c.name] if c else 0, "int",
            "helper")
    _total(w, s, d, total_row)  # always: the checks compare it with the results sheet
    if d.cooperatives:
        _charts(w, ws, last, total_row, widths)  # below the printed table
    protect(ws)
    page_setup(ws, w.page_header, w.lang, repeat=(3, 3), one_page=True,
               print_area=(0, 0, total_row - 1, PRINTED - 1))


def _total(w: Book, s: Sheet, d: ReportData, r: int) -> None:
    t = d.total
    s.label(r, 0, "Total", w.formats.bold)
    sums = {1: t.area_ha, 2: t.producers, 3: t.production_kg, 5: t.gross_kg / 1000, 6: t.sequestration_kg / 1000,
            7: t.net_kg / 1000}
    for k, code in ((10, "jute"), (11, "compost")):
        sums[k] = sum(item.saving_t for c in d.cooperatives if (item := c.plan.item(code)) is not None)
    for k, value in sums.items():
        letter = "ABCDEFGHIJKLMNOPQ"[k]
        s.formula(r, k, f"=SUM({letter}{FIRST_ROW}:{letter}{r - 1})", value, FORMATS[k - 1], "result")
    s.formula(r, 8, f'=IF(D{r}>0,H{r}*1000/D{r},"")', t.net_per_kg, "per_kg", "result")


def _charts(w: Book, ws: Any, last: int, total_row: int, widths: list[float]) -> int:
    """Both charts below the table, side by side; returns how many rows they take (for the print area)."""
    title = quoted(w.coop_title)
    height = max(300, 44 * (last - FIRST_ROW + 1) + 110)  # room for every name on two lines: none is left out
    half = int(sum(7 * width + 5 for width in widths[:PRINTED]) / 0.75 / 2) - 10  # pixels: A–J, side by side
    for n, (column, name, fmt) in enumerate((
            ("I", say(w.lang, "Emisiones netas por kg de cacao (kg CO2e/kg)",
                      "Net emissions per kg of cocoa (kg CO2e/kg)"), "0.00"),
            ("J", say(w.lang, "Parte de cada cooperativa en las emisiones netas",
                      "Each cooperative's share of the net emissions"), "0%"))):
        chart = w.wb.add_chart({"type": "bar"})
        chart.add_series({"categories": f"={title}!$A${FIRST_ROW}:$A${last}",
                          "values": f"={title}!${column}${FIRST_ROW}:${column}${last}",
                          "fill": {"color": "#2F5597" if n == 0 else "#C55A11"},
                          "data_labels": {"value": True, "num_format": fmt, "font": {"size": 9}}})
        chart.set_title({"name": name, "name_font": {"size": 11}})
        chart.set_x_axis({"num_format": fmt, "major_gridlines": {"visible": True}})
        chart.set_y_axis({"reverse": True, "crossing": "max", "label_position": "low", "interval_unit": 1,
                          "num_font": {"size": 9}})
        chart.set_legend({"none": True})
        chart.set_size({"width": half, "height": height})
        ws.insert_chart(total_row + 1, 0, chart, {"x_offset": 5 + n * (half + 10), "y_offset": 10})
    return height // 20 + 3
