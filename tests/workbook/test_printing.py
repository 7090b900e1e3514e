"""Defect 6: one region printed as 58 pages, Results over three. Printed by LibreOffice, each example now takes
one page per sheet: Results and Cooperatives on one page each, every page with its header and page number."""

from __future__ import annotations

import subprocess

import pytest

from cocoa_desktop.engine import survey_io
from cocoa_desktop.engine.factors import factors_for
from cocoa_desktop.engine.resources import example_path
from cocoa_desktop.workbook.export import export_workbook


def _pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.parametrize(("name", "lang", "results", "coops", "who"), [
    ("san-martin-2020-region.json", "es", "Resultados", "Cooperativas", "Región San Martín"),
    ("san-martin-2020-cooperatives.json", "en", "Results", "Cooperatives", "10 cooperatives")])
def test_examples_print_one_page_per_sheet(render_pdf, tmp_path, name, lang, results, coops, who):
    path = export_workbook(survey_io.read(example_path(name)), tmp_path / f"{lang}.xlsx", factors_for(), lang=lang)
    pages = _pages(render_pdf(path))
    assert len(pages) == 19  # instructions, results, cooperatives, 15 data sheets, factors
    footers = [p.strip().splitlines()[-1] for p in pages]
    assert sum(f.lstrip().startswith(results + " ") for f in footers) == 1
    assert sum(f.lstrip().startswith(coops + " ") for f in footers) == 1
    word = "Página" if lang == "es" else "Page"
    assert all(f"{word} {k} " in footers[k - 1] for k in range(1, len(pages) + 1))
    headers = [p.strip().splitlines()[0] for p in pages]
    assert all(h.startswith(who) for h in headers), headers[:3]  # the page header names who was surveyed
