"""The sheets a reader opens first: instructions, results as in the report, and the cooperative table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, Reference

from cocoa_desktop.engine.results import STAGE_LABELS, STAGES
from cocoa_desktop.engine.survey import Survey
from cocoa_desktop.workbook.layout import CALC, FIRST_ROW, GENERAL, STAGE_KEYS

if TYPE_CHECKING:
    from cocoa_desktop.workbook.writer import WorkbookWriter

INSTRUCTIONS = {
    "es": [
        "Herramienta de cálculo de la huella de carbono del cacao (formato PROMPERÚ 2020)",
        "",
        "Celdas amarillas: datos de entrada (se pueden cambiar). Celdas verdes: fórmulas (protegidas).",
        "Cada encuesta ocupa la misma fila en las hojas Datos generales, Cáscara, Abonamiento, Fermentación, "
        "Secado, Secuestro y Cálculos. Las hojas Abonos, Plaguicidas, Combustibles, Envases, Transporte, Áreas y "
        "Cambio de uso tienen una fila por elemento, con el id de su encuesta en la columna A.",
        "Las proporciones se escriben como fracciones (0,25 = 25 %) y deben sumar 1.",
        "Los tipos (vehículo, envase, abono…) se eligen de la lista de cada celda; sus nombres son los del formato "
        "de archivo de la aplicación.",
        "Los factores de emisión y su estado (literatura, derivado, calibrado, ilustrativo) están en la hoja "
        "Factores; los calibrados reproducen el informe de 2020 y no vienen de la literatura.",
        "Las hojas están protegidas sin contraseña, para evitar cambios por error en las fórmulas.",
        "El libro se puede volver a importar en la aplicación (cocoa-desktop import-xlsx).",
    ],
    "en": [
        "Cocoa carbon footprint calculation tool (PROMPERÚ 2020 layout)",
        "",
        "Yellow cells: inputs (may be changed). Green cells: formulas (protected).",
        "Each survey has the same row in General data, Husk, Fertilisation, Fermentation, Drying, Sequestration "
        "and Calculations. Fertilisers, Pesticides, Fuels, Packaging, Transport, Areas and Land-use change have one "
        "row per item, with its survey id in column A.",
        "Shares are fractions (0.25 = 25 %) and must sum to 1.",
        "Types (vehicle, bag, fertiliser…) are chosen from each cell's list; their names are those of the app's "
        "file format.",
        "Emission factors and their status (literature, derived, calibrated, illustrative) are in the Factors "
        "sheet; the calibrated ones reproduce the 2020 report and do not come from the literature.",
        "Sheets are protected without a password, against accidental changes to formulas.",
        "The workbook can be imported back into the app (cocoa-desktop import-xlsx).",
    ],
}


def instructions(w: WorkbookWriter) -> None:
    ws = w.wb.create_sheet("Instrucciones" if w.lang != "en" else "Instructions")
    ws.column_dimensions["A"].width = 140
    lines = INSTRUCTIONS["en" if w.lang == "en" else "es"]
    ws.append([w.text(ws, lines[0], w.styles.title)])
    for line in lines[1:]:
        ws.append([w.text(ws, line)])
    ws.append([w.text(ws, f"{w.f.factor_set.name(w.lang)} — PCG/GWP {w.f.gwp.id}")])
    ws.protection.sheet = True


def _calc_col(w: WorkbookWriter, key: str) -> str:
    from cocoa_desktop.workbook.writer import quoted

    letter = CALC.letter(key)
    return f"{quoted(w.titles['calc'])}!${letter}:${letter}"


def results(w: WorkbookWriter, n_surveys: int) -> None:
    es = w.lang != "en"
    idx = 0 if es else 1
    ws = w.wb.create_sheet("Resultados" if es else "Results")
    for letter, width in zip("ABCD", (52, 18, 12, 8), strict=True):
        ws.column_dimensions[letter].width = width
    ws.append([w.text(ws, "Resultados" if es else "Results", w.styles.title)])
    ws.append([w.text(ws, f"{w.f.factor_set.name(w.lang)} — PCG/GWP {w.f.gwp.id}; {n_surveys} "
                          + ("encuestas" if es else "surveys"))])
    ws.append([])
    ws.append([w.text(ws, h, w.styles.head) for h in (
        ("Etapa", "t CO2e/año", "%", "orden") if es else ("Stage", "t CO2e/yr", "%", "rank"))])
    gross = "$B$22"
    for offset, (stage, key) in enumerate(zip(STAGES, STAGE_KEYS, strict=True)):
        r = FIRST_ROW + offset
        ws.append([w.text(ws, STAGE_LABELS[stage][idx]),
                   w.cell(ws, f"=SUM({_calc_col(w, key)})/1000", w.styles.calc),
                   w.cell(ws, f"=IF({gross}>0,B{r}/{gross},0)", w.styles.calc),
                   w.cell(ws, f"=RANK(B{r},$B$5:$B$10,0)+COUNTIF($B$5:B{r},B{r})-1", w.styles.calc)])
    ws.append([])
    ws.append([w.text(ws, "Ranking de etapas" if es else "Stages ranked", w.styles.head)])
    for k in range(1, 7):
        match = f"MATCH({k},$D$5:$D$10,0)"
        ws.append([w.cell(ws, f"=INDEX($A$5:$A$10,{match})", w.styles.calc),
                   w.cell(ws, f"=INDEX($B$5:$B$10,{match})", w.styles.calc),
                   w.cell(ws, f"=INDEX($C$5:$C$10,{match})", w.styles.calc)])
    ws.append([])
    ws.append([w.text(ws, h, w.styles.head) for h in (
        ("Indicadores clave", "t/año", "kg/kg cacao") if es else ("Key indicators", "t/yr", "kg/kg cocoa"))])
    production = f"SUM({_calc_col(w, 'p')})"
    ws.append([w.text(ws, "Producción de cacao seco (kg/año)" if es else "Dry cocoa production (kg/yr)"),
               w.cell(ws, f"={production}", w.styles.calc)])
    rows = (("Emisiones brutas" if es else "Gross emissions", "gross"),
            ("Secuestro (fotosíntesis del cultivo)" if es else "Sequestration (crop photosynthesis)",
             "sequestration"),
            ("Emisiones netas" if es else "Net emissions", "net"))
    for label, key in rows:  # rows 22, 23, 24
        total = f"SUM({_calc_col(w, key)})"
        ws.append([w.text(ws, label), w.cell(ws, f"={total}/1000", w.styles.calc),
                   w.cell(ws, f'=IF(B21>0,{total}/B21,"")', w.styles.calc)])
    ws.append([w.text(ws, "Cambio de uso del suelo, único (aparte)" if es else "Land-use change, one-off (apart)"),
               w.cell(ws, f"=SUM({_calc_col(w, 'luc_one_off')})/1000", w.styles.calc)])
    ws.append([w.text(ws, "Cambio de uso del suelo, amortizado 20 años" if es else "Land-use change, 20-yr amortised"),
               w.cell(ws, f"=SUM({_calc_col(w, 'luc_amortised')})/1000", w.styles.calc)])
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Emisiones por etapa (t CO2e/año)" if es else "Emissions by stage (t CO2e/yr)"
    chart.add_data(Reference(ws, min_col=2, min_row=4, max_row=10), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=5, max_row=10))
    chart.height, chart.width = 8, 18
    ws.add_chart(chart, "F4")
    ws.protection.sheet = True


COOP_HEADERS = {
    "es": ("Cooperativa", "Área (ha)", "Socios", "Producción (kg)", "Cáscara (% de brutas)", "Brutas (t/año)",
           "Netas (t/año)", "Netas (kg/kg)", "Reducción compostando (t/año)", "Residual (t/año)",
           "Créditos (t)", "Plantación (ha)", "Recomendación"),
    "en": ("Cooperative", "Area (ha)", "Partners", "Production (kg)", "Husk (% of gross)", "Gross (t/yr)",
           "Net (t/yr)", "Net (kg/kg)", "Reduction by composting (t/yr)", "Residual (t/yr)", "Credits (t)",
           "Plantation (ha)", "Recommendation"),
}


def exact(r: int) -> str:
    """A SUMIFS criterion matching the name in A{r} literally: a leading = or < and the wildcards * ? ~ are
    escaped, so a cooperative called "=Coop" or "Coop*" still finds its own rows."""
    escaped = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A{r},"~","~~"),"*","~*"),"?","~?")'
    return f'"="&{escaped}'


def cooperatives(w: WorkbookWriter, surveys: Sequence[Survey]) -> None:
    from cocoa_desktop.workbook.writer import quoted

    es = w.lang != "en"
    ws = w.wb.create_sheet("Cooperativas" if es else "Cooperatives")
    ws.append([w.text(ws, "Resultados por cooperativa" if es else "Results by cooperative", w.styles.title)])
    ws.append([])
    ws.append([])
    ws.append([w.text(ws, h, w.styles.head) for h in COOP_HEADERS["es" if es else "en"]])
    names = list(dict.fromkeys(s.general.organisation for s in surveys))
    g = quoted(w.titles["general"])
    org_g = f"{g}!${GENERAL.letter('organisation')}:${GENERAL.letter('organisation')}"

    def by_coop(key: str, r: int) -> str:
        return f"SUMIFS({_calc_col(w, key)},{_calc_col(w, 'organisation')},{exact(r)})"

    for offset, name in enumerate(names):
        r = FIRST_ROW + offset
        area = GENERAL.letter("productive_area_ha")
        producers = GENERAL.letter("producers")
        text = (f'=IF(J{r}<=0,"Compostar la cáscara reduce "&TEXT(I{r},"0")&" t/año y deja un sumidero neto",'
                f'"Reducir "&TEXT(I{r},"0")&" t/año compostando; compensar "&TEXT(K{r},"0")&" t/año: "'
                f'&TEXT(L{r},"0")&" ha de plantación o "&TEXT(K{r},"0")&" créditos")') if es else (
                f'=IF(J{r}<=0,"Composting the husk cuts "&TEXT(I{r},"0")&" t/yr and leaves a net sink",'
                f'"Cut "&TEXT(I{r},"0")&" t/yr by composting; offset "&TEXT(K{r},"0")&" t/yr: "'
                f'&TEXT(L{r},"0")&" ha of plantation or "&TEXT(K{r},"0")&" credits")')
        ws.append([
            w.text(ws, name),
            w.cell(ws, f"=SUMIFS({g}!${area}:${area},{org_g},{exact(r)})", w.styles.calc),
            w.cell(ws, f"=SUMIFS({g}!${producers}:${producers},{org_g},{exact(r)})", w.styles.calc),
            w.cell(ws, f"={by_coop('p', r)}", w.styles.calc),
            w.cell(ws, f"=IF(F{r}>0,{by_coop('s1', r)}/1000/F{r},0)", w.styles.calc),
            w.cell(ws, f"={by_coop('gross', r)}/1000", w.styles.calc),
            w.cell(ws, f"={by_coop('net', r)}/1000", w.styles.calc),
            w.cell(ws, f'=IF(D{r}>0,{by_coop("net", r)}/D{r},"")', w.styles.calc),
            w.cell(ws, f"={by_coop('composting_saving', r)}/1000", w.styles.calc),
            w.cell(ws, f"=G{r}-I{r}", w.styles.calc),
            w.cell(ws, f"=MAX(0,J{r})", w.styles.calc),
            w.cell(ws, f"=K{r}/f_reforestation_sequestration", w.styles.calc),
            w.cell(ws, text, w.styles.calc),
        ])
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["M"].width = 80
    if names:
        last = FIRST_ROW + len(names) - 1
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Emisiones netas (kg CO2e/kg)" if es else "Net emissions (kg CO2e/kg)"
        chart.add_data(Reference(ws, min_col=8, min_row=4, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=FIRST_ROW, max_row=last))
        chart.height, chart.width = max(6, len(names) * 0.8), 18
        ws.add_chart(chart, f"A{last + 3}")
    ws.protection.sheet = True
