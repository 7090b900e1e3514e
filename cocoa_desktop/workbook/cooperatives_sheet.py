"""The cooperative table of the report's §7, ordered by net kg CO2e per kg, with what avoiding (jute sacks) and
reducing (composting the husk) save, what remains to compensate (credits, plantation) and the two in words, a total
row, and two charts: net kg/kg and each cooperative's share of the campaign's net emissions.

The numbers and the words are the one recommendation model's (:mod:`cocoa_desktop.engine.recommendations`, words
from :mod:`~cocoa_desktop.engine.recommendation_words`), the same as the app, ``recommend`` and the PDF: every cell
is a formula over the calculation sheet whose cached value is the engine's, and the word columns are formulas that
spell the numbers as the app does ("1 188", "91,0"), with no locale-dependent number format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.recommendation_words import (
    DASH,
    compensation_words,
    reduction_words,
    sequestration_zero_words,
    size_words,
)
from cocoa_desktop.engine.results import Stage
from cocoa_desktop.workbook.calc_layout import CALC
from cocoa_desktop.workbook.formulas import quoted
from cocoa_desktop.workbook.layout import FIRST_ROW, GENERAL
from cocoa_desktop.workbook.report_data import ReportData
from cocoa_desktop.workbook.report_sheets import Sheet
from cocoa_desktop.workbook.report_texts import COOP_HEADERS
from cocoa_desktop.workbook.xlsx import page_setup, protect

if TYPE_CHECKING:
    from cocoa_desktop.workbook.writer import WorkbookWriter

FORMATS = ("num", "int", "kg", "pct", "t", "t", "t", "per_kg", "pct", "t", "t", "t", "t", "num")
WIDTHS = (40, 10, 9, 13, 10, 11, 11, 11, 10, 10, 11, 13, 12, 12, 13, 36, 40)
WORDS_COLUMNS = (15, 16)  # P: avoid and reduce, Q: compensation (recommendation_words)
SIZE_COLUMNS = (17, 18)  # R, S (hidden): N and O spelt as sizes, for Q (one formula would be too long for Excel)


def exact(r: int) -> str:
    """A SUMIFS criterion matching the name in A{r} literally: a leading = or < and the wildcards * ? ~ are
    escaped, so a cooperative called "=Coop" or "Coop*" still finds its own rows."""
    escaped = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A{r},"~","~~"),"*","~*"),"?","~?")'
    return f'"="&{escaped}'


def number_text(ref: str, decimals: int, lang: str) -> str:
    """A formula giving the number in ``ref`` as :func:`~cocoa_desktop.engine.report.format_quantity` writes it
    ("8 316", "91,0" in Spanish; "8,316", "91.0" in English), built from whole numbers and TEXT(…,"000") only, so
    that no spreadsheet's locale changes it (grouped up to 10^12)."""
    sep, point = (",", ".") if lang == "en" else (" ", ",")
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
    en = lang == "en"
    yr = "t/yr" if en else "t/año"
    jute = f'"{"avoid: jute" if en else "evitar: yute"} "&{number_text(f"K{r}", 0, lang)}&" {yr}"'
    compost = f'"{"reduce: composting" if en else "reducir: compostaje"} "&{number_text(f"L{r}", 0, lang)}&" {yr}"'
    return (f'=IF(AND(K{r}<=0,L{r}<=0),"{DASH}",IF(K{r}>0,{jute},"")&IF(AND(K{r}>0,L{r}>0),"; ","")'
            f'&IF(L{r}>0,{compost},""))')


def _compensation_formula(r: int, lang: str) -> str:
    """recommendation_words.compensation_words as a formula over M (residual), spelt with N and O in R, S."""
    t, ha = f"R{r}", f"S{r}"
    if lang == "en":
        return f'=IF(M{r}<=0,"{DASH}",{t}&" t/yr: "&{ha}&" ha of plantation or "&{t}&" credits")'
    return f'=IF(M{r}<=0,"{DASH}",{t}&" t/año: "&{ha}&" ha de plantación o "&{t}&" créditos")'


def write(w: WorkbookWriter, d: ReportData) -> None:
    es = w.lang != "en"
    ws = w.wb.add_worksheet(w.coop_title)
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    ws.set_column(SIZE_COLUMNS[0], SIZE_COLUMNS[-1], 12, None, {"hidden": True})
    s = Sheet(w, ws)
    s.label(1, 0, "Resultados por cooperativa" if es else "Results by cooperative", w.formats.title)
    s.label(2, 0, w.header_note, w.formats.subtitle)
    if any("sequestration_no_areas" in c.plan.notes for c in d.cooperatives):  # said where the residual is sized
        s.label(3, 0, ("Nota: " if es else "Note: ") + sequestration_zero_words(w.lang), w.formats.text)
    ws.set_row(3, 60)
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
    last = FIRST_ROW + len(d.cooperatives) - 1
    total_row = last + 1
    for offset, c in enumerate(d.cooperatives):
        r = FIRST_ROW + offset
        fp, plan = c.footprint, c.plan
        s.label(r, 0, c.name, w.formats.plain)
        jute, compost = plan.item("jute"), plan.item("compost")
        residual = plan.residual_t
        cells = (
            (f"={by_general('productive_area_ha', r)}", fp.area_ha),
            (f"={by_general('producers', r)}", fp.producers),
            (f"={by_coop('p', r)}", fp.production_kg),
            (f"=IF(F{r}>0,{by_coop('s1', r)}/1000/F{r},0)", fp.share(Stage.HUSK)),
            (f"={by_coop('gross', r)}/1000", fp.gross_kg / 1000),
            (f"={by_coop('sequestration', r)}/1000", fp.sequestration_kg / 1000),
            (f"=F{r}-G{r}", fp.net_kg / 1000),
            (f'=IF(D{r}>0,H{r}*1000/D{r},"")', fp.net_per_kg),
            (f'=IF($H${total_row}<>0,H{r}/$H${total_row},"")', fp.net_kg / 1000 / net_total if net_total else None),
            (f"=MAX(0,{by_coop('jute_saving', r)}/1000)", jute.saving_t if jute else 0.0),
            (f"={by_coop('composting_saving', r)}/1000", compost.saving_t if compost else 0.0),
            (f"=H{r}-K{r}-L{r}", residual),
            (f"=MAX(0,M{r})", max(0.0, residual)),
            (f"=N{r}/f_reforestation_sequestration", max(0.0, residual) / w.f["reforestation_sequestration"]),
        )
        for k, ((formula, value), fmt) in enumerate(zip(cells, FORMATS, strict=True), start=1):
            s.formula(r, k, formula, value, fmt)
        s.formula(r, WORDS_COLUMNS[0], _reduction_formula(r, w.lang), reduction_words(plan, w.lang), "", "label")
        s.formula(r, WORDS_COLUMNS[1], _compensation_formula(r, w.lang), compensation_words(plan, w.lang), "",
                  "label")
        for column, ref, value in zip(SIZE_COLUMNS, ("N", "O"), (max(0.0, residual), cells[-1][1]), strict=True):
            s.formula(r, column, f"={size_text(f'{ref}{r}', w.lang)}", size_words(value, w.lang), "", "label")
    end = total_row
    if d.cooperatives:
        _total(w, s, d, total_row)
        end = total_row + _charts(w, ws, last, total_row)
    protect(ws)
    page_setup(ws, w.page_header, w.lang, repeat=(3, 3), one_page=True, print_area=(0, 0, end, len(WIDTHS) - 1))


def _total(w: WorkbookWriter, s: Sheet, d: ReportData, r: int) -> None:
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


def _charts(w: WorkbookWriter, ws: Any, last: int, total_row: int) -> int:
    """Both charts below the table, side by side; returns how many rows they take (for the print area)."""
    es = w.lang != "en"
    title = quoted(w.coop_title)
    height = max(260, 24 * (last - FIRST_ROW + 1) + 80)
    for n, (column, name, fmt) in enumerate((
            ("I", "Emisiones netas por kg de cacao (kg CO2e/kg)" if es else "Net emissions per kg of cocoa "
             "(kg CO2e/kg)", "0.00"),
            ("J", "Parte de cada cooperativa en las emisiones netas" if es else "Each cooperative's share of the "
             "net emissions", "0%"))):
        chart = w.wb.add_chart({"type": "bar"})
        chart.add_series({"categories": f"={title}!$A${FIRST_ROW}:$A${last}",
                          "values": f"={title}!${column}${FIRST_ROW}:${column}${last}",
                          "fill": {"color": "#2F5597" if n == 0 else "#C55A11"},
                          "data_labels": {"value": True, "num_format": fmt}})
        chart.set_title({"name": name, "name_font": {"size": 11}})
        chart.set_x_axis({"num_format": fmt, "major_gridlines": {"visible": True}})
        chart.set_y_axis({"reverse": True, "crossing": "max", "label_position": "low", "interval_unit": 1,
                          "num_font": {"size": 8}})
        chart.set_legend({"none": True})
        chart.set_size({"width": 560, "height": height})
        ws.insert_chart(total_row + 1, 0 if n == 0 else 6, chart, {"x_offset": 5, "y_offset": 10})
    return height // 20 + 3
