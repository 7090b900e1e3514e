"""The buyers' report as HTML (Qt's QTextDocument lays it out into a PDF): what it says, apart from how it is
printed. Pure Python: it can be read and tested without Qt.

One section per unit (a cooperative, or the campaign total; a campaign of more than MAX_DETAILED_UNITS cooperatives
has the total's section and one row per cooperative): the footprint per kg of dry cocoa with its interval
when one is given, the key indicators and the stages, land-use change apart, the recommendations; then the method,
the factor set and the scope statement (PAS 2050, cradle to port, one year, 1 kg of dry packed cocoa).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from cocoa_desktop.engine.factor_words import factor_label
from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.factors import STATUS_ES, Factors, FactorStatus
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, Footprint, note_message
from cocoa_desktop.engine.report import LUC_COMPARISON_HEAD, luc_assumptions, luc_comparison
from cocoa_desktop.engine.words import KG_PER_T, pick, quantity, say

CHART_WIDTH = 430  # in the document's pixels (96 a inch): 114 mm of the 174 mm text column of an A4 page
# Cooperatives given a section of their own (charts, stages, recommendations): a campaign of more is summarised, one
# row per cooperative, so that the report (and its memory) does not grow with the cooperatives; San Martín has ten.
MAX_DETAILED_UNITS = 20


@dataclass
class UnitReport:
    """One unit of the report: its footprint, and what the engine says about it."""

    footprint: Footprint
    interval: tuple[float, float] | None = None  # net kg CO2e/kg, 90 % of draws
    recommendations: list[str] = field(default_factory=list)  # already in the report's language
    warnings: list[str] = field(default_factory=list)
    chart_ids: tuple[str, ...] = ()  # images added to the document under these names
    spread_causes: str = ""  # what weighs most in the interval, in words
    luc_estimate: str = ""  # said under the land-use change when its area is an estimate (e.g. shared out by area)


def headline(unit: UnitReport, lang: str) -> str:
    """The product footprint (the six stages' emissions) per kg, then the net as an added indicator with its
    interval: a negative net never reads as a negative product footprint."""
    fp = unit.footprint
    text = say(lang, "Huella del producto: {v} kg CO<sub>2</sub>e por kg de cacao seco",
                     "Product footprint: {v} kg CO<sub>2</sub>e per kg of dry cocoa")
    value = text.format(v=quantity(fp.gross_per_kg, 2, lang))
    net = say(lang, "Indicador neto (emisiones − remociones, aparte de la huella): {v} kg CO<sub>2</sub>e por kg",
              "Net indicator (emissions − removals, apart from the footprint): {v} kg CO<sub>2</sub>e per kg"
              ).format(v=quantity(fp.net_per_kg, 2, lang))
    if unit.interval is not None:
        low, high = unit.interval
        net += say(lang, " (entre {a} y {b} en 9 de cada 10 casos)", " (between {a} and {b} in 9 cases out of 10)"
                   ).format(a=quantity(low, 2, lang), b=quantity(high, 2, lang))
    return f'{value}<br><span class="net">{net}</span>'


def _table(rows: Sequence[Sequence[str]], head: Sequence[str], widths: Sequence[int] = (), css: str = "data") -> str:
    cells = "".join(f'<th width="{w}%">{escape(h)}</th>' if w else f"<th>{escape(h)}</th>"
                    for h, w in zip(head, [*widths, *[0] * len(head)], strict=False))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css}" width="100%" cellspacing="0" cellpadding="3"><tr>{cells}</tr>{body}</table>'


def land_use_change_section(fp: Footprint, lang: str, years: float = 20.0) -> str:
    """The one-off total, this campaign's share by PAS 2050 (t/yr and kg/kg), the assumption taken for the
    conversion year, and the footprint without and with land-use change side by side (as the 2020 report keeps it
    apart); the engine's words, as on the results page, in the workbook and on the command line."""
    head = f"<h3>{say(lang, 'Cambio de uso del suelo (aparte)', 'Land-use change (reported apart)')}</h3>"
    assumed = luc_assumptions(fp, lang, years)
    if fp.luc_one_off_kg <= 0 and not assumed:
        return head + "<p>" + say(lang, "No se registró conversión de bosque u otros usos a cacao.",
                                        "No conversion of forest or other land to cocoa was recorded.") + "</p>"
    times = fp.luc_one_off_kg / fp.gross_kg if fp.gross_kg > 0 else float("nan")
    per_kg = fp.luc_amortised_per_kg
    text = "<p>" + say(
        lang,
        "{t} t CO<sub>2</sub> de una sola vez (≈ {x} veces las emisiones brutas de un año). Amortizado en {n} años "
        "según PAS 2050: {a} t CO<sub>2</sub>/año, {k} kg CO<sub>2</sub>e por kg de cacao.",
        "{t} t CO<sub>2</sub> once (≈ {x} times one year's gross emissions). Amortised over {n} years as in PAS "
        "2050: {a} t CO<sub>2</sub>/yr, {k} kg CO<sub>2</sub>e per kg of cocoa.").format(
        t=quantity(fp.luc_one_off_kg / KG_PER_T, 0, lang), x=quantity(times, 1, lang), n=f"{years:g}",
        a=quantity(fp.luc_amortised_kg / KG_PER_T, 1, lang),
        k=("+" + quantity(per_kg, 2, lang)) if math.isfinite(per_kg) else "—") + "</p>"
    text += f"<p><i>{escape(assumed)}</i></p>"
    rows = [(escape(label), quantity(without, 2, lang), quantity(with_luc, 2, lang))
            for label, without, with_luc in luc_comparison(fp, lang)]
    return head + text + _table(rows, ("kg CO2e/kg", *(pick(h, lang) for h in LUC_COMPARISON_HEAD)),
                                widths=(34, 33, 33))


def unit_section(unit: UnitReport, lang: str, new_page: bool = False, years: float = 20.0, key_table: bool = True
                 ) -> str:
    """A unit's section; ``key_table=False`` leaves out the emissions / removals / net table (the footprint report
    has it in its summary, and the unit's balance chart and headline say it)."""
    fp = unit.footprint
    style = ' style="page-break-before: always"' if new_page else ""
    parts = [f"<h2{style}>{escape(fp.label)}</h2>", f'<p class="headline">{headline(unit, lang)}</p>']
    if unit.interval is not None:
        parts.append("<p><i>" + say(
            lang,
            "Intervalo de simulaciones Monte Carlo con los factores y los datos estimados variando dentro de sus "
            "rangos. Lo que más pesa: {c}.",
            "Interval of Monte Carlo simulations with the factors and the estimated data varying within their "
            "ranges. What weighs most: {c}.").format(
            c=escape(unit.spread_causes or "—")) + "</i></p>")
    parts.append("<p>" + say(lang, "Producción {p} kg de cacao seco al año; {a} ha; {n} productores.",
                                   "Production {p} kg of dry cocoa a year; {a} ha; {n} producers.").format(
        p=quantity(fp.production_kg, 0, lang), a=quantity(fp.area_ha, 1, lang), n=fp.producers) + "</p>")
    rows = [(say(lang, "<b>Emisiones brutas (huella del producto)</b>", "<b>Gross emissions (product footprint)</b>"),
             fp.gross_kg, fp.gross_per_kg),
            (say(lang, "Remociones: secuestro del cultivo (aparte)", "Removals: crop sequestration (reported apart)"),
             -fp.sequestration_kg, -fp.sequestration_per_kg),
            (say(lang, "Indicador neto (emisiones − remociones)", "Net indicator (emissions − removals)"), fp.net_kg,
             fp.net_per_kg)]
    if key_table:
        parts.append(_table([(label, quantity(kg / KG_PER_T, 1, lang), quantity(per_kg, 3, lang))
                             for label, kg, per_kg in rows],
                            ("", say(lang, "t CO2e/año", "t CO2e/yr"), "kg CO2e/kg")))
    stages = [(f"{rank}. {escape(pick(STAGE_LABELS[stage], lang))}", quantity(value / KG_PER_T, 1, lang),
               quantity(fp.share(stage) * 100, 1, lang) + " %") for rank, (stage, value) in
              enumerate(fp.ranked_stages(), start=1)]
    parts.append(f"<h3>{say(lang, 'Emisiones por etapa', 'Emissions by stage')}</h3>")
    parts.append(_table(stages, (say(lang, "Etapa", "Stage"), say(lang, "t CO2e/año", "t CO2e/yr"), "%")))
    parts.extend(f'<p class="chart"><img src="{c}" width="{CHART_WIDTH}"></p>' for c in unit.chart_ids)
    parts.append(land_use_change_section(fp, lang, years))
    if unit.luc_estimate:
        parts.append(f"<p><i>{escape(unit.luc_estimate)}</i></p>")
    if unit.recommendations:
        parts.append(f"<h3>{say(lang, 'Recomendaciones y compromisos', 'Recommendations and commitments')}</h3>")
        parts.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in unit.recommendations) + "</ul>")
    notes = [note_message(n, lang) for n in sorted(fp.notes) if not land_use.is_basis_note(n)] + unit.warnings
    if notes:
        parts.append(f"<h3>{say(lang, 'Notas del cálculo', 'Notes on the calculation')}</h3>")
        parts.append("<ul>" + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
    return "\n".join(parts)


def ranking_section(units: Sequence[Footprint], lang: str) -> str:
    ranked = sorted(units, key=lambda fp: fp.net_per_kg)
    rows = [(escape(fp.label), quantity(fp.production_kg / KG_PER_T, 1, lang), quantity(fp.net_kg / KG_PER_T, 1, lang),
             quantity(fp.net_per_kg, 2, lang)) for fp in ranked]
    heading = say(lang, "Cooperativas, de menor a mayor huella", "Cooperatives, from lowest to highest footprint")
    return (f"<h2>{heading}</h2>" + _table(rows, (say(lang, "Cooperativa", "Cooperative"),
                                                  say(lang, "Producción t/año", "Production t/yr"),
                                                  say(lang, "Netas t CO2e/año", "Net t CO2e/yr"), "kg CO2e/kg"),
                                           widths=(46, 18, 18, 18)))


def summary_section(units: Sequence[UnitReport], lang: str) -> str:
    """A campaign of more than MAX_DETAILED_UNITS cooperatives: each on one row, lowest footprint first, with its
    interval, instead of a section (and a page) each."""
    ranked = sorted(units, key=lambda u: u.footprint.net_per_kg)

    def interval(u: UnitReport) -> str:
        return "—" if u.interval is None else f"{quantity(u.interval[0], 2, lang)} – {quantity(u.interval[1], 2, lang)}"

    rows = [(escape(u.footprint.label), quantity(u.footprint.production_kg / KG_PER_T, 1, lang),
             quantity(u.footprint.net_kg / KG_PER_T, 1, lang), quantity(u.footprint.net_per_kg, 2, lang), interval(u))
            for u in ranked]
    note = say(lang,
               "La campaña tiene {n} cooperativas: más de {m}, así que el informe las resume en esta tabla, sin una "
               "sección por cooperativa. El informe de una cooperativa, con sus gráficos y recomendaciones, se "
               "obtiene de un archivo con solo sus encuestas.",
               "The campaign has {n} cooperatives: more than {m}, so the report summarises them in this table, "
               "without a section for each. A cooperative's report, with its charts and recommendations, comes "
               "from a file holding only its surveys.").format(n=len(units), m=MAX_DETAILED_UNITS)
    heading = say(lang, "Cooperativas, de menor a mayor huella", "Cooperatives, from lowest to highest footprint")
    return (f"<h2>{heading}</h2><p>{note}</p>" + _table(rows, (
                say(lang, "Cooperativa", "Cooperative"), say(lang, "Producción t/año", "Production t/yr"),
                say(lang, "Netas t CO2e/año", "Net t CO2e/yr"), "kg CO2e/kg",
                say(lang, "9 de cada 10 casos", "9 cases out of 10")), widths=(36, 14, 14, 14, 22)))


def method_section(f: Factors, lang: str, new_page: bool = False) -> str:
    fs = f.factor_set
    calibrated = [factor.id for factor in fs.factors.values() if factor.status is FactorStatus.CALIBRATED]
    status = say(lang, STATUS_ES[FactorStatus.CALIBRATED], "calibrated")
    style = ' style="page-break-before: always"' if new_page else ""
    text = [f"<h2{style}>{say(lang, 'Método y alcance', 'Method and scope')}</h2>", "<p>" + say(
        lang,
        "Huella de carbono de producto según PAS 2050:2011, de la cuna al puerto peruano de embarque: manejo de la "
        "cáscara, abonamiento y control de plagas, fermentación, secado, envasado y transporte. Unidad funcional: "
        "1 kg de cacao seco envasado puesto en puerto. Periodo: una campaña (un año). El secuestro del cultivo y el "
        "cambio de uso del suelo se informan aparte; los totales de una cooperativa o campaña son sumas de "
        "resultados, nunca promedios de proporciones.",
        "Product carbon footprint following PAS 2050:2011, cradle to the Peruvian port of shipment: husk management, "
        "fertilisation and pest control, fermentation, drying, packaging and transport. Functional unit: 1 kg of dry "
        "packed cocoa beans at the port. Period: one campaign (one year). Crop sequestration and land-use change are "
        "reported apart; totals of a cooperative or campaign are sums of results, never averages of shares.") + "</p>",
        "<p>" + say(lang, "Factores: {name}, con los potenciales de calentamiento global {gwp}. {desc}",
                          "Factors: {name}, with the {gwp} global warming potentials. {desc}").format(
            name=escape(fs.name(lang)), gwp=escape(f.gwp.id),
            desc=escape(say(lang, fs.description_es, fs.description_en))) + "</p>"]
    if calibrated:  # named in words, never by the factor's internal id
        names = [factor_label(factor_id, lang).removesuffix(f" ({status})") for factor_id in calibrated]
        text.append("<p>" + say(lang, "Factores «{s}» (ajustados para reproducir el informe PROMPERÚ 2020, sin valor "
                                "de literatura): {ids}.",
                                "Factors marked '{s}' (fitted to reproduce the PROMPERÚ 2020 report; no literature "
                                "value): {ids}.").format(
            s=status, ids=escape("; ".join(names))) + "</p>")
    text.append("<p>" + say(lang, "Cada factor, con su valor, unidad, gas, fuente y estado, figura en la hoja "
                            "«Factores» del libro de Excel de este cálculo, que la cooperativa puede entregar.",
                            "Every factor, with its value, unit, gas, source and status, is listed on the 'Factors' "
                            "sheet of this calculation's Excel workbook, which the cooperative can provide.") + "</p>")
    return "\n".join(text)


STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9pt; color: #222; }
h1 { font-size: 18pt; color: #4e342e; }
h2 { font-size: 13pt; color: #4e342e; margin-top: 14px; margin-bottom: 6px; }
h3 { font-size: 10.5pt; margin-top: 12px; margin-bottom: 4px; }
p.headline { font-size: 14pt; font-weight: bold; color: #1b5e20; }
span.net { font-size: 10pt; font-weight: normal; color: #333; }
p { margin-top: 6px; margin-bottom: 6px; }
ul { margin-top: 4px; margin-bottom: 4px; }
table.data, table.small { border-collapse: collapse; margin: 4pt 0; }
table.data th, table.small th { background: #efebe9; text-align: left; border-bottom: 1px solid #8d6e63; }
table.small td { border-bottom: 1px solid #d7ccc8; }
table.data td { border-bottom: 1px solid #d7ccc8; }
table.small td { font-size: 8pt; }
table.small th { font-size: 8pt; }
"""


def document(title: str, subtitle: str, units: Sequence[UnitReport], total: UnitReport | None, f: Factors,
             lang: str, today: date | None = None) -> str:
    """The whole report as one HTML document (QTextDocument's subset of HTML 4 and CSS). The buyers' footprint
    report adds a two-page summary and the method's details around the same sections: ``report_footprint.document``."""
    today = today or date.today()
    head = (f"<h1>{escape(title)}</h1><p>{escape(subtitle)}<br>" +
            say(lang, "Informe generado el {d} con cocoa-desktop.", "Report produced on {d} with cocoa-desktop."
                ).format(d=today.strftime(say(lang, "%d/%m/%Y", "%Y-%m-%d"))) + "</p>")
    sections = [head]
    years = f["luc_amortisation_years"]
    detailed = len(units) <= MAX_DETAILED_UNITS
    if total is not None:
        sections.append(unit_section(total, lang, years=years))
        sections.append(ranking_section([u.footprint for u in units], lang) if detailed else
                        summary_section(units, lang))
    if detailed:
        sections.extend(unit_section(u, lang, new_page=total is not None or i > 0, years=years)
                        for i, u in enumerate(units))
    sections.append(method_section(f, lang, new_page=len(units) > 1))
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(sections)}</body></html>"
