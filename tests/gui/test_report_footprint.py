"""The buyers' PDF as a footprint report (issue 19 point 6): every element ISO 14067:2018 clause 7 and PAS 2050:2011
Annex B ask for is in the PDF's text, for the region and the ten cooperatives, in Spanish and English; every page is
numbered "n de N" with the unit's name; the summary takes at most two pages; removals and land-use change are never
added into the product footprint; the husk-methane model sentence carries both factors and both results; no heading
is left at a page's foot."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
EXAMPLES = {"region": "san-martin-2020-region.json", "coops": "san-martin-2020-cooperatives.json"}
TITLES = {"region": "", "coops": "San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"}

# (element of ISO 14067 §7 / PAS 2050 Annex B, the words that carry it in Spanish, in English)
ELEMENTS = [
    ("functional unit", "Unidad funcional: 1 kg de granos de cacao seco", "Functional unit: 1 kg of dry cocoa beans"),
    ("system boundary", "Límites del sistema: de la cuna al puerto", "System boundary: cradle to port"),
    ("exclusions", "Excluido: bienes de capital", "Excluded: capital goods"),
    ("cut-off", "Criterio de corte:", "Cut-off:"),
    ("allocation", "Asignación: ninguna", "Allocation: none"),
    ("period", "Periodo: una campaña (un año)", "Period: one campaign (one year)"),
    ("factor table", "Factores de emisión usados", "Emission factors used"),
    ("factor source in words", "IPCC 2006 Vol. 5 ch. 4 Table 4.1", "IPCC 2006 Vol. 5 ch. 4 Table 4.1"),
    ("calibrated factors", "calibrado al informe PROMPERÚ 2020", "calibrated to the PROMPERÚ 2020 report"),
    ("GWP set and horizon", "Conjunto AR4, horizonte de 100 años: CH4 25, N2O 298",
     "Set AR4, 100-year horizon: CH4 25, N2O 298"),
    ("results by gas", "Huella del producto por gas y origen", "Product footprint by gas and origin"),
    ("fossil", "fósil", "fossil"),
    ("biogenic", "biogénico", "biogenic"),
    ("CO2e not forced into a gas", "CO2e (gas no indicado por la fuente)", "CO2e (gas not stated by the source)"),
    ("removals apart", "Remociones por el cultivo (secuestro), informadas aparte",
     "Removals by the crop (sequestration), reported separately"),
    ("land-use change apart", "Cambio de uso del suelo, amortizado en 20 años (PAS 2050), informado aparte",
     "Land-use change, amortised over 20 years (PAS 2050), reported separately"),
    ("net only as an added indicator", "Indicador adicional: neto (emisiones − remociones)",
     "Added indicator: net (emissions − removals)"),
    ("surveys", "Datos:", "Data:"),
    ("selection", "Selección: las unidades del estudio PROMPERÚ 2020, que no fueron sorteadas",
     "Selection: the units of the PROMPERÚ 2020 study, which were not drawn at random"),
    ("survey date", "fecha de la encuesta: no consta", "survey date: not recorded"),
    ("data quality", "Calidad de los datos de actividad: reconstruidos a partir de las cifras publicadas del informe "
     "PROMPERÚ 2020", "Activity data quality: reconstructed from the published figures of the PROMPERÚ 2020 report"),
    ("uncertainty", "simulaciones Monte Carlo", "Monte Carlo simulations"),
    ("verification", "no verificado por un tercero", "not verified by a third party"),
    ("software version", "software cocoa-desktop, versión 0.1.0", "software cocoa-desktop, version 0.1.0"),
    ("factor set and version", "«PROMPERÚ 2020 (reproduce el informe)» (promperu-2020, versión",
     "'PROMPERÚ 2020 (reproduces the report)' (promperu-2020, version"),
    ("date", "Informe del ", "Report of "),
]
HEADINGS = {"es": ("Resultados por kg de cacao seco", "Huella del producto por gas y origen",
                   "Alcance, datos e incertidumbre", "Emisiones por etapa", "Cambio de uso del suelo (aparte)",
                   "Recomendaciones y compromisos", "Notas del cálculo", "Método, alcance y datos",
                   "Unidad funcional y límites del sistema", "Potenciales de calentamiento global",
                   "Factores de emisión usados", "Emisiones por gas y origen", "Datos, calidad e incertidumbre",
                   "Verificación, versión y fecha", "Cooperativas, de menor a mayor huella"),
            "en": ("Results per kg of dry cocoa", "Product footprint by gas and origin", "Scope, data and uncertainty",
                   "Emissions by stage", "Land-use change (reported apart)", "Recommendations and commitments",
                   "Notes on the calculation", "Method, scope and data", "Functional unit and system boundary",
                   "Global warming potentials", "Emission factors used", "Emissions by gas and origin",
                   "Data, quality and uncertainty", "Verification, version and date",
                   "Cooperatives, from lowest to highest footprint")}
_made: dict[tuple[str, str], list[str]] = {}
_raw: dict[tuple[str, str], str] = {}


def _pages(name: str, lang: str, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The PDF's pages as laid out (pdftotext's form feeds), made once per example and language; its text in
    drawing order (a table cell's lines together) in ``_raw``."""
    if (name, lang) not in _made:
        from cocoa_desktop.engine.footprint.factors import factors_for
        from cocoa_desktop.gui.report.pdf import write_report

        surveys = list(survey_io.surveys_of(survey_io.read(example_path(EXAMPLES[name]))))
        pdf = write_report(surveys, tmp_path_factory.mktemp(name) / f"{name}-{lang}.pdf", factors_for(), lang,
                           title=TITLES[name], draws=400)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        _made[name, lang] = text.split("\f")[:-1]
        _raw[name, lang] = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                          check=True).stdout
    return _made[name, lang]


def _flat(text: str) -> str:
    return " ".join(text.replace("ﬁ", "fi").split())


@pytest.fixture(params=[(n, lang) for n in EXAMPLES for lang in ("es", "en")], ids=lambda p: f"{p[0]}-{p[1]}")
def report(request, qapp, tmp_path_factory) -> tuple[str, str, list[str]]:
    name, lang = request.param
    return name, lang, _pages(name, lang, tmp_path_factory)


@needs_poppler
def test_every_element_of_iso_14067_clause_7_is_in_the_pdf(report):
    name, lang, _ = report
    text = _flat(_raw[name, lang])
    missing = [element for element, es, en in ELEMENTS if _flat(en if lang == "en" else es) not in text]
    assert not missing, (name, lang, missing)
    assert ("Encuestó: PROMPERÚ / Alianza Cacao Perú" if lang == "es" else "Surveyed by: PROMPERÚ / Alianza Cacao "
            "Perú") in text if name == "region" else ("Encuestó: no consta" if lang == "es" else
                                                      "Surveyed by: not recorded") in text
    assert ("10 encuestas" if lang == "es" else "10 surveys") in text if name == "coops" else \
        ("1 encuesta" if lang == "es" else "1 survey") in text


@needs_poppler
def test_every_page_is_numbered_n_of_n_with_the_units_name(report):
    name, lang, pages = report
    unit = TITLES[name] or "Región San Martín: 10 cooperativas (PROMPERÚ 2020)"
    for n, page in enumerate(pages, start=1):
        footer = [line for line in page.splitlines() if line.strip()][-1]
        words = f"page {n} of {len(pages)}" if lang == "en" else f"página {n} de {len(pages)}"
        assert footer.rstrip().endswith(words), (name, lang, n, footer)
        assert footer.strip().startswith(unit), (name, lang, n, footer)


@needs_poppler
def test_the_summary_takes_at_most_two_pages_and_details_follow(report):
    """Pages 1-2: the headline, the key figures, the gases, scope, data, uncertainty and the verification statement
    (and the cooperatives' ranking); the details start on a page of their own, at most the third."""
    name, lang, pages = report
    summary = _flat(" ".join(pages[:2]))
    for words in (("Huella de carbono del producto:", "Huella del producto por gas y origen", "Unidad funcional:",
                   "Datos:", "Incertidumbre:", "Verificación: no verificado por un tercero") if lang == "es" else
                  ("Product carbon footprint:", "Product footprint by gas and origin", "Functional unit:", "Data:",
                   "Uncertainty:", "Verification: not verified by a third party")):
        assert words in summary, (name, lang, words)
    if name == "coops":
        assert ("Cooperativas, de menor a mayor huella" if lang == "es" else
                "Cooperatives, from lowest to highest footprint") in summary
    first_detail = next(i for i, page in enumerate(pages) if _flat(page).startswith(
        TITLES[name] or "Región San Martín"))
    assert first_detail <= 2, (name, lang, first_detail)
    assert "Unidad funcional y límites del sistema" not in summary and "Functional unit and system boundary" not in \
        summary  # the method's section comes after


@needs_poppler
def test_removals_and_land_use_change_are_not_added_into_the_product_footprint(report):
    """The product footprint is the gross emissions per kg (region 4.53, report §6; Acopagro 1.93), whatever the
    net: Acopagro's net is -1.17 and reads as an added indicator, never as a footprint."""
    name, lang, pages = report
    text = _flat(" ".join(pages))
    label = "Product footprint: " if lang == "en" else "Huella del producto: "
    head = "Product carbon footprint: " if lang == "en" else "Huella de carbono del producto: "
    values = re.findall(re.escape(label) + r"(-?[\d.,]+) kg", text) + re.findall(re.escape(head) + r"(-?[\d.,]+) kg",
                                                                                 text)
    assert values and all(not v.startswith("-") for v in values), values
    sep = "." if lang == "en" else ","
    if name == "region":
        assert f"{head}4{sep}53 kg" in text and f"{label}4{sep}53 kg" in text  # gross 43,366.1 t / 9,569,017 kg
        assert f"-3{sep}10" in text and f"+2{sep}21" in text  # removals and land-use change, per kg, apart
    else:
        assert f"{label}1{sep}93 kg" in text  # Acopagro: 8,751.9 t gross / 4,534,667 kg
        net = ("Net indicator (emissions − removals, apart from the footprint): -1.17" if lang == "en" else
               "Indicador neto (emisiones − remociones, aparte de la huella): -1,17")
        assert net in text
        assert f"{label}-" not in text and f"{head}-" not in text


@needs_poppler
def test_the_husk_model_sentence_has_both_numbers(report):
    name, lang, pages = report
    text = _flat(" ".join(pages[:2]))
    sep = "." if lang == "en" else ","
    for number in (f"0{sep}0363", f"0{sep}0104"):
        assert number in text, (name, lang, number)
    if name == "region":  # the region's net with each factor (methodology: 1.43 vs -0.90)
        assert f"1{sep}43 kg CO2e/kg" in text and f"-0{sep}90 kg CO2e/kg" in text
    assert ("The sign of the net footprint depends" if lang == "en" else "El signo de la huella neta depende") in text


@needs_poppler
def test_no_heading_stands_at_a_page_foot(report):
    name, lang, pages = report
    for n, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()][:-1]  # the footer off
        if lines:
            assert lines[-1] not in HEADINGS[lang], (name, lang, n, lines[-1])


def test_a_heading_is_moved_to_the_next_page_with_what_follows(qapp):
    """A QTextDocument whose h3 would fall on the last line of a page: the heading goes to the next page with its
    table; a short table that a page's foot would cut moves whole."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextCursor, QTextDocument

    from cocoa_desktop.gui.report.pages import keep_headings_with_next

    doc = QTextDocument()
    doc.setPageSize(QSizeF(400, 300))
    doc.setHtml("<p>línea</p>" * 200 + "<h3>Título</h3><table><tr><td>a</td></tr><tr><td>b</td></tr></table>")
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    for extra in range(40):  # some number of lines puts the heading on a page's last line: find it
        doc.setHtml("<p>línea</p>" * (200 + extra) +
                    "<h3>Título</h3><table><tr><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table>")
        heading = doc.findBlockByNumber(200 + extra)
        assert heading.blockFormat().headingLevel() == 3
        table_top = layout.blockBoundingRect(heading.next()).top()
        if int(layout.blockBoundingRect(heading).top() // page_h) != int(table_top // page_h):
            break
    else:
        pytest.fail("no layout put the heading at a page's foot")
    assert keep_headings_with_next(doc, page_h) == 1
    heading = doc.findBlockByNumber(200 + extra)
    top = layout.blockBoundingRect(heading).top()
    frame = layout.frameBoundingRect(QTextCursor(heading.next()).currentTable())
    assert int(top // page_h) == int(frame.top() // page_h) == int((frame.bottom() - 1) // page_h)
    assert keep_headings_with_next(doc, page_h) == 0  # nothing left to move


def test_the_report_words_exist_in_both_languages():
    """Every section of the summary and the details says something different in each language (no half-translated
    section: the same text in both would be a missing translation)."""
    from datetime import date

    from cocoa_desktop.engine.footprint.by_gas import gas_split
    from cocoa_desktop.engine.footprint.compute import compute
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.engine.report_facts import factors_used, survey_facts
    from cocoa_desktop.gui.report import footprint as rf
    from cocoa_desktop.gui.report.html import UnitReport

    f = factors_for()
    surveys = list(survey_io.surveys_of(survey_io.read(example_path(EXAMPLES["region"]))))
    facts = rf.ReportFacts("Región", gas_split(surveys, f), factors_used(surveys, f), survey_facts(surveys), "0.1.0",
                           "abcd1234", date(2025, 1, 31), draws=100, gross_t_interval=(1.0, 2.0))
    unit = UnitReport(compute(surveys[0], f), interval=(0.2, 2.7))
    for build in (lambda lang: rf.summary("T", "S", unit, facts, f, lang), rf.boundary_section,
                  lambda lang: rf.gwp_section(f, lang), lambda lang: rf.factor_section(facts.factors, f, lang),
                  lambda lang: rf.gas_section(facts.gas, lang), lambda lang: rf.data_section(facts, unit, lang),
                  lambda lang: rf.statement_section(facts, f, lang)):
        es, en = build("es"), build("en")
        assert es != en
        assert not re.search(r"\b(the|of|and|with)\b", re.sub(r"<[^>]+>|IPCC[^<;)]*|UK government[^<;)]*", "", es)
                             .replace("IPCC Fourth Assessment Report (2007), WG1 Table 2.14", "")), es[:200]
    assert "31/01/2025" in rf.statement_section(facts, f, "es") and "2025-01-31" in rf.statement_section(facts, f, "en")


@needs_poppler
def test_without_simulation_or_calibrated_husk_factor_the_report_says_so(qapp, tmp_path: Path):
    """The IPCC set has no calibrated husk factor (no husk-model sentence) and 0 draws simulate nothing: said."""
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.gui.report.pdf import write_report

    surveys = list(survey_io.surveys_of(survey_io.read(example_path(EXAMPLES["region"]))))
    path = write_report(surveys, tmp_path / "r.pdf", factors_for("ipcc2006-ar5"), "en", draws=0)
    text = _flat(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    assert "The uncertainty was not simulated for this report." in text
    assert "The sign of the net footprint depends" not in text
    assert "Set AR5, 100-year horizon: CH4 28, N2O 265" in text
    assert "biogenic" in text and "fossil" in text
