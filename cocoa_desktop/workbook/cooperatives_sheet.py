"""The cooperative table of the report's §7, ordered by net kg CO2e per kg, with the reduction (composting the
husk) and the compensation (credits, plantation) apart, a total row, and two charts: net kg/kg and each
cooperative's share of the campaign's net emissions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.results import Stage
from cocoa_desktop.workbook.calc_layout import CALC
from cocoa_desktop.workbook.formulas import quoted
from cocoa_desktop.workbook.layout import FIRST_ROW, GENERAL
from cocoa_desktop.workbook.report_data import Cooperative, ReportData
from cocoa_desktop.workbook.report_sheets import Sheet
from cocoa_desktop.workbook.report_texts import COOP_HEADERS
from cocoa_desktop.workbook.xlsx import page_setup, protect

if TYPE_CHECKING:
    from cocoa_desktop.workbook.writer import WorkbookWriter

FORMATS = ("num", "int", "kg", "pct", "t", "t", "t", "per_kg", "pct", "t", "t", "t", "num")
WIDTHS = (40, 10, 9, 13, 10, 11, 11, 11, 10, 10, 13, 12, 12, 13, 70)


def exact(r: int) -> str:
    """A SUMIFS criterion matching the name in A{r} literally: a leading = or < and the wildcards * ? ~ are
    escaped, so a cooperative called "=Coop" or "Coop*" still finds its own rows."""
    escaped = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A{r},"~","~~"),"*","~*"),"?","~?")'
    return f'"="&{escaped}'


def recommendation(c: Cooperative, es: bool) -> str:
    rec = c.recommendation
    if rec.residual_t <= 0:
        return (f"Compostar la cáscara reduce {rec.reduction_t:.0f} t/año y deja un sumidero neto" if es else
                f"Composting the husk cuts {rec.reduction_t:.0f} t/yr and leaves a net sink")
    if es:
        return (f"Reducir {rec.reduction_t:.0f} t/año compostando; compensar {rec.credits:.0f} t/año: "
                f"{rec.plantation_ha:.0f} ha de plantación o {rec.credits:.0f} créditos")
    return (f"Cut {rec.reduction_t:.0f} t/yr by composting; offset {rec.credits:.0f} t/yr: "
            f"{rec.plantation_ha:.0f} ha of plantation or {rec.credits:.0f} credits")


def _text_formula(r: int, es: bool) -> str:
    if es:
        return (f'=IF(L{r}<=0,"Compostar la cáscara reduce "&TEXT(K{r},"0")&" t/año y deja un sumidero neto",'
                f'"Reducir "&TEXT(K{r},"0")&" t/año compostando; compensar "&TEXT(M{r},"0")&" t/año: "'
                f'&TEXT(N{r},"0")&" ha de plantación o "&TEXT(M{r},"0")&" créditos")')
    return (f'=IF(L{r}<=0,"Composting the husk cuts "&TEXT(K{r},"0")&" t/yr and leaves a net sink",'
            f'"Cut "&TEXT(K{r},"0")&" t/yr by composting; offset "&TEXT(M{r},"0")&" t/yr: "'
            f'&TEXT(N{r},"0")&" ha of plantation or "&TEXT(M{r},"0")&" credits")')


def write(w: WorkbookWriter, d: ReportData) -> None:
    es = w.lang != "en"
    ws = w.wb.add_worksheet(w.coop_title)
    for c, width in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    s = Sheet(w, ws)
    s.label(1, 0, "Resultados por cooperativa" if es else "Results by cooperative", w.formats.title)
    s.label(2, 0, w.header_note, w.formats.subtitle)
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
        fp, rec = c.footprint, c.recommendation
        s.label(r, 0, c.name, w.formats.plain)
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
            (f"={by_coop('composting_saving', r)}/1000", rec.reduction_t),
            (f"=H{r}-K{r}", rec.residual_t),
            (f"=MAX(0,L{r})", rec.credits),
            (f"=M{r}/f_reforestation_sequestration", rec.plantation_ha),
        )
        for k, ((formula, value), fmt) in enumerate(zip(cells, FORMATS, strict=True), start=1):
            s.formula(r, k, formula, value, fmt)
        s.formula(r, 14, _text_formula(r, es), recommendation(c, es), "", "label")
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
            7: t.net_kg / 1000, 10: sum(c.recommendation.reduction_t for c in d.cooperatives)}
    for k, value in sums.items():
        letter = "ABCDEFGHIJKLMNO"[k]
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
