"""The buyers' report as a footprint report (ISO 14067:2018 clause 7, PAS 2050:2011 Annex B): the two-page summary
that opens it and the sections on method, factors, gases, data and uncertainty that close it. Pure Python (HTML for
QTextDocument), the words in Spanish and English side by side as in :mod:`report_html`.

The product footprint is the six stages' emissions per kg of dry cocoa; removals by the crop (sequestration) and
land-use change are reported apart, and the net (emissions − removals) only as an added indicator: a negative net is
never shown as a negative product footprint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from cocoa_desktop.engine.factor_words import factor_label, factor_unit
from cocoa_desktop.engine.footprint.by_gas import GasSplit, Origin
from cocoa_desktop.engine.footprint.factors import STATUS_ES, Factor, Factors, FactorStatus
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.report_facts import SurveyFacts, citation
from cocoa_desktop.engine.uncertainty import spreads
from cocoa_desktop.engine.words import KG_PER_T, decimal_sign, pick, quantity, say
from cocoa_desktop.gui.report.html import (
    MAX_DETAILED_UNITS,
    STYLE,
    UnitReport,
    _table,
    summary_section,
    unit_section,
)

GAS_WORDS = {"CO2": ("CO<sub>2</sub>", "CO<sub>2</sub>"), "CH4": ("CH<sub>4</sub>", "CH<sub>4</sub>"),
             "N2O": ("N<sub>2</sub>O", "N<sub>2</sub>O"),
             "CO2e": ("CO<sub>2</sub>e (gas no indicado por la fuente)",
                      "CO<sub>2</sub>e (gas not stated by the source)"),
             "C": ("C (carbono)", "C (carbon)")}
ORIGIN_WORDS = {Origin.FOSSIL: ("fósil", "fossil"), Origin.BIOGENIC: ("biogénico", "biogenic"),
                Origin.NITROGEN: ("ni fósil ni biogénico (nitrógeno)", "neither fossil nor biogenic (nitrogen)"),
                Origin.UNSTATED: ("no indicado por la fuente", "not stated by the source")}
UNIT_WORDS = {"farm": ("finca", "fincas", "farm", "farms"),
              "cooperative": ("cooperativa", "cooperativas", "cooperative", "cooperatives"),
              "region": ("agregado regional", "agregados regionales", "regional aggregate", "regional aggregates")}


@dataclass
class ReportFacts:
    """What the footprint report states beside the figures, gathered by the engine (report_pdf fills it)."""

    unit_name: str
    gas: GasSplit
    factors: list[Factor]
    surveys: SurveyFacts
    version: str
    digest: str
    today: date
    draws: int = 0
    gross_t_interval: tuple[float, float] | None = None
    husk_sentence: str = ""
    ranking: list[Footprint] = field(default_factory=list)  # the cooperatives, when more than one


def _date(today: date, lang: str) -> str:
    return today.strftime(say(lang, "%d/%m/%Y", "%Y-%m-%d"))


def _signed(value: float, lang: str, decimals: int = 2) -> str:
    text = quantity(value, decimals, lang)
    return text if text.startswith(("-", "—")) or value == 0 else "+" + text


def version_line(facts: ReportFacts, f: Factors, lang: str) -> str:
    """Date, software, factor set and its version, GWP and horizon, verification: one line under the title."""
    return say(
        lang,
        "Informe del {d} · software cocoa-desktop, versión {v} · factores «{fs}» ({fid}, versión {dg}) · PCG {g} "
        "a 100 años · <b>no verificado por un tercero</b>",
        "Report of {d} · software cocoa-desktop, version {v} · factors '{fs}' ({fid}, version {dg}) · {g} GWP over "
        "100 years · <b>not verified by a third party</b>").format(
        d=_date(facts.today, lang), v=escape(facts.version), fs=escape(f.factor_set.name(lang)),
        fid=escape(f.factor_set.id), dg=facts.digest, g=escape(f.gwp.id))


def key_figures(unit: UnitReport, lang: str) -> str:
    """The product footprint; land-use change and removals apart; the net only as an added indicator."""
    fp = unit.footprint
    interval = ""
    if unit.interval is not None:
        interval = say(lang, " (entre {a} y {b} en 9 de cada 10 casos)", " (between {a} and {b} in 9 cases out of 10)"
                       ).format(a=quantity(unit.interval[0], 2, lang), b=quantity(unit.interval[1], 2, lang))
    rows = [
        (say(lang, "<b>Huella de carbono del producto</b>: emisiones de las seis etapas",
                   "<b>Product carbon footprint</b>: emissions of the six stages"),
         f"<b>{quantity(fp.gross_per_kg, 2, lang)}</b>", quantity(fp.gross_kg / KG_PER_T, 1, lang)),
        (say(lang, "Cambio de uso del suelo, amortizado en 20 años (PAS 2050), informado aparte",
                   "Land-use change, amortised over 20 years (PAS 2050), reported separately"),
         _signed(fp.luc_amortised_per_kg, lang), quantity(fp.luc_amortised_kg / KG_PER_T, 1, lang)),
        (say(lang, "Remociones por el cultivo (secuestro), informadas aparte",
                   "Removals by the crop (sequestration), reported separately"),
         quantity(-fp.sequestration_per_kg, 2, lang), quantity(-fp.sequestration_kg / KG_PER_T, 1, lang)),
        (say(lang, "Indicador adicional: neto (emisiones − remociones)", "Added indicator: net (emissions − removals)"),
         quantity(fp.net_per_kg, 2, lang) + interval, quantity(fp.net_kg / KG_PER_T, 1, lang)),
        (say(lang, "Indicador adicional: neto con cambio de uso del suelo",
                   "Added indicator: net with land-use change"),
         quantity(fp.per_kg(fp.net_with_luc_kg), 2, lang), quantity(fp.net_with_luc_kg / KG_PER_T, 1, lang)),
    ]
    table = _table(rows, ("", say(lang, "kg CO2e por kg", "kg CO2e per kg"), say(lang, "t CO2e/año", "t CO2e/yr")),
                   widths=(52, 30, 18))
    words = say(
        lang,
        "La huella del producto no resta el secuestro ni suma el cambio de uso del suelo: ambos se "
        "informan aparte, y el neto es solo un indicador adicional.",
        "The product footprint neither subtracts sequestration nor adds land-use change: both are "
        "reported separately, and the net is only an added indicator.")
    if fp.net_kg < 0:
        words += " " + say(
            lang,
            "Aquí el neto es negativo porque el cultivo retira más CO<sub>2</sub> del que emite "
            "la cadena; eso no hace negativa la huella del producto, que es {g} kg "
            "CO<sub>2</sub>e por kg.",
            "Here the net is negative because the crop removes more CO<sub>2</sub> than the chain "
            "emits; that does not make the product footprint negative: it is {g} kg "
            "CO<sub>2</sub>e per kg.").format(g=quantity(fp.gross_per_kg, 2, lang))
    return table + f"<p>{words}</p>"


def gas_rows(split: GasSplit, lang: str, per_kg: bool = True) -> list[tuple[str, str, str, str]]:
    total = split.total_kg
    rows = []
    for (gas, origin), kg in sorted(split.cells.items(), key=lambda item: -item[1]):
        value = quantity(split.per_kg(kg), 3, lang) if per_kg else quantity(kg / KG_PER_T, 1, lang)
        share = quantity(kg / total * 100, 1, lang) + " %" if total else "—"
        rows.append((pick(GAS_WORDS[gas], lang), pick(ORIGIN_WORDS[origin], lang), value, share))
    rows.append((say(lang, "<b>Total (huella del producto)</b>", "<b>Total (product footprint)</b>"), "",
                 f"<b>{quantity(split.per_kg(total), 3, lang) if per_kg else quantity(total / KG_PER_T, 1, lang)}</b>",
                 "100 %"))
    return rows


def gas_table(split: GasSplit, lang: str, per_kg: bool = True) -> str:
    unit = say(lang, "kg CO2e por kg", "kg CO2e per kg") if per_kg else say(lang, "t CO2e/año", "t CO2e/yr")
    return _table(gas_rows(split, lang, per_kg), (say(lang, "Gas", "Gas"), say(lang, "Origen", "Origin"), unit, "%"),
                  widths=(38, 34, 16, 12))


def scope_sentence(lang: str) -> str:
    return say(
        lang,
        "<b>Unidad funcional:</b> 1 kg de granos de cacao seco, fermentados y envasados, puestos en el puerto peruano "
        "de embarque. <b>Límites del sistema:</b> de la cuna al puerto, una campaña (un año): manejo de la cáscara, "
        "abonamiento y control de plagas, fermentación, secado, envasado y transporte. <b>Exclusiones:</b> bienes de "
        "capital, mano de obra, vivero y lo que ocurre después del puerto (detalle y criterio de corte en «Método, "
        "alcance y datos»).",
        "<b>Functional unit:</b> 1 kg of dry cocoa beans, fermented and packed, delivered at the Peruvian port of "
        "shipment. <b>System boundary:</b> cradle to port, one campaign (one year): husk management, fertilisation "
        "and pest control, fermentation, drying, packaging and transport. <b>Exclusions:</b> capital goods, labour, "
        "the nursery and everything after the port (details and cut-off in 'Method, scope and data').")


def _unit_words(units: dict[str, int], lang: str) -> str:
    parts = []
    for unit, n in units.items():
        words = UNIT_WORDS.get(unit, (unit, unit, unit, unit))
        parts.append(f"{n} " + say(lang, words[n != 1], words[2 + (n != 1)]) if len(units) > 1 or n > 1 else
                     say(lang, words[0], words[2]))
    return ", ".join(parts)


def _field_words(path: str, lang: str) -> str:
    return re.sub(r" \((dato estimado|estimated)\)$", "", spreads.label(path, lang))


def selection_words(facts: SurveyFacts, lang: str) -> str:
    if facts.all_reconstructed:
        return say(lang, "las unidades del estudio PROMPERÚ 2020, que no fueron sorteadas: no hay plan de muestreo",
                         "the units of the PROMPERÚ 2020 study, which were not drawn at random: there is no sample "
                         "plan")
    return say(lang, "no consta en los datos (no se registró un plan de muestreo)",
                     "not recorded in the data (no sample plan was recorded)")


def quality_words(facts: SurveyFacts, lang: str) -> str:
    """Activity data measured, estimated or reconstructed, with how many surveys each."""
    parts = []
    if facts.reconstructed:
        parts.append(say(
            lang,
            "<b>reconstruidos</b> a partir de las cifras publicadas del informe PROMPERÚ 2020, no "
            "medidos ({k} de {n} encuestas: los ejemplos que trae la aplicación)",
            "<b>reconstructed</b> from the published figures of the PROMPERÚ 2020 report, not "
            "measured ({k} of {n} surveys: the examples shipped with the app)").format(
            k=facts.reconstructed, n=facts.count))
    if facts.estimated:
        parts.append(say(lang, "con campos marcados como <b>estimados</b> en {k} de {n} encuestas",
                               "with fields marked <b>estimated</b> in {k} of {n} surveys").format(
            k=facts.estimated, n=facts.count))
    if facts.measured:
        parts.append(say(lang, "<b>medidos o declarados</b> en la encuesta en {k} de {n} encuestas",
                               "<b>measured or declared</b> in the survey in {k} of {n} surveys").format(
            k=facts.measured, n=facts.count))
    text = "; ".join(parts)
    if facts.estimated_fields:
        text += say(lang, ". Campos marcados como estimados: {f}", ". Fields marked estimated: {f}").format(
            f=escape(", ".join(_field_words(p, lang) for p in facts.estimated_fields)))
    return text


def data_sentence(facts: ReportFacts, lang: str) -> str:
    s = facts.surveys
    who = escape("; ".join(s.technicians)) if s.technicians else say(lang, "no consta", "not recorded")
    if s.technicians and s.without_technician:
        who += say(lang, " (en {k} encuestas no consta)", " (not recorded in {k} surveys)").format(
            k=s.without_technician)
    surveys = say(lang, "encuesta" if s.count == 1 else "encuestas", "survey" if s.count == 1 else "surveys")
    organisations = say(lang, "organización" if s.cooperatives == 1 else "organizaciones",
                              "organisation" if s.cooperatives == 1 else "organisations")
    return say(
        lang,
        "<b>Datos:</b> {n} {ns} ({u}) de {c} {nc}, campaña {y}. <b>Selección:</b> {sel}; los "
        "totales son sumas de las unidades encuestadas, sin extrapolar. <b>Encuestó:</b> {who}; <b>fecha de la "
        "encuesta:</b> no consta (los datos registran solo la campaña). <b>Calidad de los datos de actividad:</b> "
        "{q}.",
        "<b>Data:</b> {n} {ns} ({u}) of {c} {nc}, campaign {y}. <b>Selection:</b> {sel}; totals are "
        "sums of the units surveyed, not extrapolated. <b>Surveyed by:</b> {who}; <b>survey date:</b> not recorded "
        "(the data record the campaign only). <b>Activity data quality:</b> {q}.").format(
        n=s.count, ns=surveys, u=_unit_words(s.units, lang), c=s.cooperatives, nc=organisations,
        y=", ".join(map(str, s.years)),
        sel=selection_words(s, lang), who=who, q=quality_words(s, lang))


def uncertainty_sentence(unit: UnitReport, facts: ReportFacts, lang: str) -> str:
    if unit.interval is None:
        text = say(lang, "No se simuló la incertidumbre para este informe.",
                   "The uncertainty was not simulated for this report.")
    else:
        text = say(lang, "En 9 de cada 10 de {n} simulaciones Monte Carlo (factores y datos estimados variando en sus "
                         "rangos) el indicador neto queda entre {a} y {b} kg CO<sub>2</sub>e por kg",
                         "In 9 of every 10 of {n} Monte Carlo simulations (factors and estimated data varying within "
                         "their ranges) the net indicator lies between {a} and {b} kg CO<sub>2</sub>e per kg").format(
            n=quantity(facts.draws, 0, lang), a=quantity(unit.interval[0], 2, lang),
            b=quantity(unit.interval[1], 2, lang))
        if facts.gross_t_interval is not None:
            low, high = facts.gross_t_interval
            text += say(lang, " y las emisiones del producto entre {c} y {d} t CO<sub>2</sub>e al año",
                              " and the product's emissions between {c} and {d} t CO<sub>2</sub>e a year").format(
                c=quantity(low, 0, lang), d=quantity(high, 0, lang))
        text += "." + (say(lang, " Lo que más pesa: {c}.", " What weighs most: {c}.").format(
            c=escape(unit.spread_causes)) if unit.spread_causes else "")
    if facts.husk_sentence:
        text += f" <b>{escape(facts.husk_sentence)}</b>"
    return text


def ranking_table(units: Sequence[Footprint], lang: str) -> str:
    ranked = sorted(units, key=lambda fp: fp.gross_per_kg)
    rows = [(escape(fp.label), quantity(fp.production_kg / KG_PER_T, 1, lang),
             f"<b>{quantity(fp.gross_per_kg, 2, lang)}</b>", quantity(fp.net_per_kg, 2, lang)) for fp in ranked]
    return _table(rows, (say(lang, "Cooperativa", "Cooperative"), say(lang, "Producción t/año", "Production t/yr"),
                         say(lang, "Huella del producto kg CO2e/kg", "Product footprint kg CO2e/kg"),
                         say(lang, "Neto (indicador) kg CO2e/kg", "Net (indicator) kg CO2e/kg")),
                  widths=(46, 16, 20, 18))


def summary(title: str, subtitle: str, unit: UnitReport, facts: ReportFacts, f: Factors, lang: str) -> str:
    """Pages 1 and 2: what a buyer needs, each element of the standard in a sentence or a short table."""
    fp = unit.footprint
    head = (f"<h1>{escape(title)}</h1><p>{escape(subtitle)}<br><small>{version_line(facts, f, lang)}</small></p>"
            '<p class="headline">'
            + say(lang, "Huella de carbono del producto: {v} kg CO<sub>2</sub>e por kg de cacao seco",
                  "Product carbon footprint: {v} kg CO<sub>2</sub>e per kg of dry cocoa"
                  ).format(v=quantity(fp.gross_per_kg, 2, lang)) + "</p>")
    parts = [head, f"<h3>{say(lang, 'Resultados por kg de cacao seco', 'Results per kg of dry cocoa')}</h3>",
             key_figures(unit, lang),
             f"<h3>{say(lang, 'Huella del producto por gas y origen', 'Product footprint by gas and origin')}</h3>",
             gas_table(facts.gas, lang),
             f"<h3>{say(lang, 'Alcance, datos e incertidumbre', 'Scope, data and uncertainty')}</h3>",
             f"<p>{scope_sentence(lang)}</p>", f"<p>{data_sentence(facts, lang)}</p>",
             f"<p><b>{say(lang, 'Incertidumbre:', 'Uncertainty:')}</b> {uncertainty_sentence(unit, facts, lang)}</p>",
             "<p>" + say(
                 lang,
                 "<b>Verificación:</b> no verificado por un tercero; es un cálculo de la propia "
                 "organización, no una declaración verificada según ISO 14067 o PAS 2050.",
                 "<b>Verification:</b> not verified by a third party; it is the organisation's own "
                 "calculation, not a verified claim under ISO 14067 or PAS 2050.") + "</p>"]
    if len(facts.ranking) > 1:
        head = say(lang, "Cooperativas, de menor a mayor huella", "Cooperatives, from lowest to highest footprint")
        parts += [f"<h3>{head}</h3>", ranking_table(facts.ranking, lang)]
    return "\n".join(parts)


# --- the details at the end ------------------------------------------------------------------------------------


def boundary_section(lang: str) -> str:
    items_es = (
        "<b>Incluido</b> (seis etapas): S1 manejo de la cáscara de mazorca (CH<sub>4</sub> y N<sub>2</sub>O de su "
        "descomposición, compostaje o quema); S2 abonamiento, compostaje y control de plagas (N<sub>2</sub>O del "
        "suelo, fabricación del nitrógeno sintético, CO<sub>2</sub> de la urea y la cal, plaguicidas, combustible de "
        "desbrozadoras y fumigadoras); S3 fermentación; S4 secado (combustible y electricidad de secadoras; el secado "
        "al sol no emite); S5 envasado (fabricación de los sacos, repartida entre sus usos); S6 transporte de la "
        "finca al puerto.",
        "<b>Informado aparte, nunca sumado a la huella del producto:</b> las remociones por el cultivo (secuestro) y "
        "el cambio de uso del suelo, como total de una vez y amortizado en 20 años según PAS 2050 §5.6, con el "
        "supuesto tomado sobre el año de la conversión.",
        "<b>Excluido:</b> bienes de capital (maquinaria, edificios, herramientas), mano de obra y traslados del "
        "personal, vivero y plantones, las emisiones propias de los animales que comen cáscara, la fabricación del "
        "compost comprado (no hay factor con fuente: se dice en las notas), el fin de vida de los envases, el cambio "
        "de carbono del suelo en plantaciones existentes y todo lo posterior al puerto (flete marítimo, "
        "procesamiento).",
        "<b>Criterio de corte:</b> se cuenta todo insumo registrado en la encuesta, sin umbral. Lo excluido no se "
        "estimó: no se demuestra que quede bajo el 1 % de PAS 2050 §6.3.",
        "<b>CO<sub>2</sub> biogénico:</b> el CO<sub>2</sub> de la descomposición, la quema, la leña y la "
        "fermentación cuenta cero (el carbono lo tomó la planta en el mismo ciclo); su CH<sub>4</sub> y su "
        "N<sub>2</sub>O sí se cuentan.",
        "<b>Asignación:</b> ninguna. El cacao seco es el único producto; la cáscara es un residuo cuyo manejo se "
        "cuenta en S1, y el compost hecho con la propia cáscara no lleva carga de fabricación.",
        "<b>Periodo:</b> una campaña (un año). <b>Totales:</b> sumas de resultados de las unidades, nunca promedios "
        "de proporciones.")
    items_en = (
        "<b>Included</b> (six stages): S1 cocoa pod husk management (CH<sub>4</sub> and N<sub>2</sub>O from its "
        "decay, composting or burning); S2 fertilisation, composting and pest control (soil N<sub>2</sub>O, making "
        "synthetic nitrogen, CO<sub>2</sub> from urea and lime, pesticides, fuel for brush-cutters and sprayers); "
        "S3 fermentation; S4 drying (fuel and electricity of dryers; sun drying emits nothing); S5 packaging (making "
        "the sacks, shared over their uses); S6 transport from the farm to the port.",
        "<b>Reported separately, never added into the product footprint:</b> removals by the crop (sequestration) "
        "and land-use change, as a one-off total and amortised over 20 years by PAS 2050 §5.6, with the assumption "
        "taken about the year of the conversion.",
        "<b>Excluded:</b> capital goods (machinery, buildings, tools), labour and staff travel, the nursery and "
        "seedlings, the animals' own emissions when they eat husk, the making of bought compost (no sourced factor: "
        "said in the notes), the end of life of packaging, soil carbon change in existing plantations and "
        "everything after the port (sea freight, processing).",
        "<b>Cut-off:</b> every input recorded in the survey is counted, without a threshold. What is excluded was not "
        "estimated: it is not shown to be below the 1 % of PAS 2050 §6.3.",
        "<b>Biogenic CO<sub>2</sub>:</b> CO<sub>2</sub> from decay, burning, firewood and fermentation counts zero "
        "(the plant took the carbon up in the same cycle); their CH<sub>4</sub> and N<sub>2</sub>O are counted.",
        "<b>Allocation:</b> none. Dry cocoa is the only product; husk is a residue whose management is counted in "
        "S1, and compost made from the farm's own husk carries no manufacturing burden.",
        "<b>Period:</b> one campaign (one year). <b>Totals:</b> sums of the units' results, never averages of "
        "shares.")
    items = say(lang, items_es, items_en)
    head = say(lang, "Unidad funcional y límites del sistema", "Functional unit and system boundary")
    return (f"<h3>{head}</h3><p>{scope_sentence(lang).split('<b>Exclusi')[0]}</p>"
            "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def gwp_section(f: Factors, lang: str) -> str:
    g = f.gwp
    return (f"<h3>{say(lang, 'Potenciales de calentamiento global', 'Global warming potentials')}</h3><p>" + say(
        lang,
        "Conjunto {id}, horizonte de 100 años: CH<sub>4</sub> {ch4}, N<sub>2</sub>O {n2o} kg CO<sub>2</sub>e por kg "
        "de gas ({src}). Un factor en CH<sub>4</sub> o N<sub>2</sub>O se multiplica por su potencial; uno en "
        "CO<sub>2</sub>e se usa tal cual.",
        "Set {id}, 100-year horizon: CH<sub>4</sub> {ch4}, N<sub>2</sub>O {n2o} kg CO<sub>2</sub>e per kg of gas "
        "({src}). A factor in CH<sub>4</sub> or N<sub>2</sub>O is multiplied by its potential; one in CO<sub>2</sub>e "
        "is used as it is.").format(id=escape(g.id), ch4=_value(g.ch4, lang), n2o=_value(g.n2o, lang),
                                          src=escape(g.source)) + "</p>")


FACTOR_GAS = {"CO2e": ("CO<sub>2</sub>e, sin gas indicado", "CO<sub>2</sub>e, gas not stated")}


def _value(value: float, lang: str) -> str:
    text = f"{value:.5g}"
    if "e" in text:
        text = f"{value:.2e}"
    return text.replace(".", decimal_sign(lang))


def factor_section(factors: Sequence[Factor], f: Factors, lang: str) -> str:
    """The factors the result used: value, unit, gas and source in words (no ids)."""
    status = say(lang, STATUS_ES[FactorStatus.CALIBRATED], "calibrated")
    rows = [(escape(factor_label(x.id, lang).removesuffix(f" ({status})")), _value(x.value, lang),
             escape(factor_unit(x.unit, lang)),
             pick(FACTOR_GAS.get(x.gas) or GAS_WORDS[x.gas], lang) if x.gas
             else say(lang, "— (parámetro)", "— (parameter)"),
             escape(citation(x, lang))) for x in factors]
    text = [f"<h3>{say(lang, 'Factores de emisión usados', 'Emission factors used')}</h3>",
            "<p>" + say(lang, "Los factores y parámetros que leyó este cálculo, del conjunto «{n}». {d}",
                              "The factors and parameters this calculation read, from the set '{n}'. {d}").format(
                n=escape(f.factor_set.name(lang)),
                d=escape(say(lang, f.factor_set.description_es, f.factor_set.description_en))) + "</p>",
            _table(rows, (say(lang, "Factor", "Factor"), say(lang, "Valor", "Value"), say(lang, "Unidad", "Unit"),
                          say(lang, "Gas", "Gas"), say(lang, "Fuente", "Source")), widths=(24, 10, 19, 15, 32),
                   css="small")]
    calibrated = [x for x in factors if x.status is FactorStatus.CALIBRATED]
    if calibrated:
        names = [factor_label(x.id, lang).removesuffix(f" ({status})") for x in calibrated]
        text.append("<p>" + say(lang, "Factores «{s}» (ajustados para reproducir el informe PROMPERÚ 2020, sin valor "
                                "de literatura): {ids}.",
                                "Factors marked '{s}' (fitted to reproduce the PROMPERÚ 2020 report; no literature "
                                "value): {ids}.").format(
            s=status, ids=escape("; ".join(names))) + "</p>")
    return "\n".join(text)


def gas_section(split: GasSplit, lang: str) -> str:
    return (f"<h3>{say(lang, 'Emisiones por gas y origen', 'Emissions by gas and origin')}</h3><p>" + say(
        lang,
        "Cada contribución se atribuye al gas de su factor. Fósil: combustibles, vehículos, plásticos, plaguicidas, "
        "fabricación del nitrógeno, carbono de la urea y la cal. Biogénico: CH<sub>4</sub> de la cáscara y de la "
        "leña. El N<sub>2</sub>O no es un gas de carbono: ni fósil ni biogénico. Los factores en CO<sub>2</sub>e "
        "cuya fuente no dice el gas se dejan en CO<sub>2</sub>e, sin repartirlos.",
        "Each contribution is attributed to the gas of its factor. Fossil: fuels, vehicles, plastics, pesticides, "
        "making nitrogen, the carbon of urea and lime. Biogenic: CH<sub>4</sub> from husk and firewood. "
        "N<sub>2</sub>O is not a carbon gas: neither fossil nor biogenic. Factors in CO<sub>2</sub>e whose source "
        "does not state the gas stay in CO<sub>2</sub>e, not shared out.") + "</p>" +
        gas_table(split, lang, per_kg=False))


def data_section(facts: ReportFacts, unit: UnitReport, lang: str) -> str:
    return (f"<h3>{say(lang, 'Datos, calidad e incertidumbre', 'Data, quality and uncertainty')}</h3>"
            f"<p>{data_sentence(facts, lang)}</p><p>" + say(
                lang,
                "Los datos de actividad vienen de las encuestas; los factores, de la literatura citada en la tabla "
                "de factores (datos secundarios). La incertidumbre se estima por Monte Carlo: cada factor varía en "
                "su rango publicado o declarado y cada dato marcado como estimado en el suyo.",
                "Activity data come from the surveys; factors from the literature cited in the factor table "
                "(secondary data). Uncertainty is estimated by Monte Carlo: each factor varies within its published "
                "or stated range and each value marked estimated within its own.") +
            f" {uncertainty_sentence(unit, facts, lang)}</p>")


def statement_section(facts: ReportFacts, f: Factors, lang: str) -> str:
    return (f"<h3>{say(lang, 'Verificación, versión y fecha', 'Verification, version and date')}</h3><p>" + say(
        lang,
        "No verificado por un tercero. Calculado con el software cocoa-desktop, versión {v}, conjunto de factores "
        "«{fs}» ({fid}, versión {dg}: cambia si cambia cualquier valor, unidad, gas o método del conjunto o de los "
        "potenciales), potenciales {g} a 100 años. Informe del {d}.",
        "Not verified by a third party. Computed with the software cocoa-desktop, version {v}, factor set '{fs}' "
        "({fid}, version {dg}: it changes whenever any value, unit, gas or method of the set or of the potentials "
        "changes), {g} potentials over 100 years. Report of {d}.").format(
        v=escape(facts.version), fs=escape(f.factor_set.name(lang)), fid=escape(f.factor_set.id), dg=facts.digest,
        g=escape(f.gwp.id), d=_date(facts.today, lang)) + "</p>")


def method_details(facts: ReportFacts, unit: UnitReport, f: Factors, lang: str) -> str:
    """The closing section: the boundary, GWPs, the factor table, the gases, the data, the statement."""
    head = say(lang, "Método, alcance y datos", "Method, scope and data")
    return "\n".join([f'<h2 style="page-break-before: always">{head}</h2>', boundary_section(lang),
                      gwp_section(f, lang), factor_section(facts.factors, f, lang), gas_section(facts.gas, lang),
                      data_section(facts, unit, lang), statement_section(facts, f, lang)])


def document(title: str, subtitle: str, units: Sequence[UnitReport], total: UnitReport | None, f: Factors,
             lang: str, facts: ReportFacts) -> str:
    """The buyers' footprint report as one HTML document: the two-page summary, the units' sections (those of
    :mod:`report_html`), then the method, factors, gases, data and statement."""
    main = total if total is not None else units[0]
    years = f["luc_amortisation_years"]
    detailed = len(units) <= MAX_DETAILED_UNITS
    sections = [summary(title, subtitle, main, facts, f, lang)]
    if total is not None:
        sections.append(unit_section(total, lang, new_page=True, years=years, key_table=False))
        if not detailed:
            sections.append(summary_section(units, lang))
    if detailed:
        sections.extend(unit_section(u, lang, new_page=True, years=years, key_table=False) for u in units)
    sections.append(method_details(facts, main, f, lang))
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(sections)}</body></html>"
