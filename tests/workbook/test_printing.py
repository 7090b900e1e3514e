"""Defect 6: one region printed as 58 pages, Results over three. Issue 20: fitting every sheet to one page wide
printed its text at 3–5 pt. Printed by LibreOffice, no text is now under 8 pt: Results and Cooperatives each on one
A4 page, wider sheets in groups of columns (organisation repeated), every page with its header and page number."""

from __future__ import annotations

import subprocess

import pytest
from helpers import generated_surveys
from printed import by_sheet, height_per_point

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook

SMALLEST_PT = 8.0
LONG_NAMES = ("Cooperativa Agraria Cacaotera Acopagro", "Coop. Agroindustrial Cordillera Azul Nuevo Progreso Ltda.",
              "Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda.", "Cooperativa Agroindustrial ASPROC NBT Ltda.",
              "Cooperativa Agraria del Valle del Mishollo", "Cooperativa Agroindustrial Paraíso Ltda.",
              "Cooperativa Agroindustrial Tocache Ltda.", "Cooperativa Agraria Allima Cacao Ltda.",
              "Cooperativa Agroindustrial CP Cacao", "Cooperativa Agraria Apahui Ltda.")


def _pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="session")
def per_point(render_pdf, tmp_path_factory) -> float:
    return height_per_point(render_pdf, tmp_path_factory.mktemp("calibration"))


def many_farms() -> Campaign:
    """300 varied farms (every input of every section) in the report's ten cooperatives, long names and all: about
    230 printed pages. A sheet scaled to fit its rows on one page tall would print them under 3 pt, so this catches
    what 2,200 farms (1,660 pages, a minute of LibreOffice and parsing) caught."""
    surveys = generated_surveys(300, seed=20)
    surveys = [s.model_copy(update={"general": s.general.model_copy(update={"organisation": LONG_NAMES[i % 10]})})
               for i, s in enumerate(surveys)]
    return Campaign(name="Campaña 2024 San Martín", year=2024, surveys=surveys)


@pytest.mark.parametrize(("name", "lang", "results", "coops", "who"), [
    ("san-martin-2020-region.json", "es", "Resultados", "Cooperativas", "Región San Martín"),
    ("san-martin-2020-cooperatives.json", "en", "Results", "Cooperatives", "10 cooperatives")])
def test_examples_print_results_and_cooperatives_on_one_page_each(render_pdf, tmp_path, name, lang, results, coops,
                                                                  who):
    path = export_workbook(survey_io.read(example_path(name)), tmp_path / f"{lang}.xlsx", factors_for(), lang=lang)
    pages = _pages(render_pdf(path))
    footers = [p.strip().splitlines()[-1] for p in pages]
    assert sum(f.lstrip().startswith(results + " ") for f in footers) == 1
    assert sum(f.lstrip().startswith(coops + " ") for f in footers) == 1
    word = "Página" if lang == "es" else "Page"
    assert all(f"{word} {k} " in footers[k - 1] for k in range(1, len(pages) + 1))
    headers = [p.strip().splitlines()[0] for p in pages]
    assert all(h.startswith(who) for h in headers), headers[:3]  # the page header names who was surveyed


@pytest.mark.parametrize(("case", "lang"), [("region", "es"), ("cooperatives", "en"), ("300 farms", "es")])
def test_no_printed_text_under_8_pt(render_pdf, per_point, tmp_path, case, lang):
    """Issue 20: every sheet's smallest text on the LibreOffice PDF ≥ 8 pt (it was 3.1–5.3 pt on the summaries,
    3.4–4.0 on Datos generales and Cálculos); Results and Cooperatives each one A4 page. Prints pages per sheet."""
    source = many_farms() if case == "300 farms" else survey_io.read(example_path(f"san-martin-2020-{case}.json"))
    path = export_workbook(source, tmp_path / f"{lang}.xlsx", factors_for(), lang=lang)
    sheets = by_sheet(render_pdf(path), per_point)
    print(f"\n{case} ({lang}): {sum(s.pages for s in sheets.values())} pages")
    for title, found in sheets.items():
        print(f"  {title:<18} {found.pages:>4} pages, smallest text {found.smallest_pt:.1f} pt")
    small = {title: round(found.smallest_pt, 2) for title, found in sheets.items() if found.smallest_pt < SMALLEST_PT}
    assert not small, small
    summaries = ("Resultados", "Cooperativas") if lang == "es" else ("Results", "Cooperatives")
    assert [sheets[title].pages for title in summaries] == [1, 1]
