"""Land-use change by PAS 2050 §5.6 on the screen (issue 19, point 1): the land-use page asks the year or period,
and the same amortised figure — the region's 422,566 t / 20 = 21,128.3 t a year, +2.21 kg CO2e per kg — with the
assumption taken and the footprint without and with it appears alike on the results page, in the workbook's cached
value, in the buyers' PDF and in ``compute --json``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel, QTableWidget

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.report_sheets import LUC_BASIS, LUC_COMPARED, LUC_HEAD, LUC_PER_KG
from tests.gui.keyboard import open_wizard
from tests.gui.test_wizard import REGION_PAGES, fill_page

ROOT = Path(__file__).resolve().parents[2]
REGION = example_path("san-martin-2020-region.json")
PERIOD_WORDS = land_use.words(land_use.Basis.RANGE_INSIDE, "es")  # 2001–2017, inside the window of 2019


def _region_typed_with(conversion: dict[str, str], storage, new_survey, qtbot):
    wizard = open_wizard(storage, new_survey, qtbot, active=False)
    pages = REGION_PAGES | {"land_use_change": {"land_use_change.conversions": [conversion]}}
    for page_id, values in pages.items():
        fill_page(wizard, page_id, values, qtbot)
        wizard.next()
        if page_id == "husk":  # a regional survey: the weighting warning stops Next once
            wizard.next()
    assert wizard.currentPage().objectName() == "page.results"
    return wizard


def _compared(wizard) -> list[list[str]]:
    table = wizard.findChild(QTableWidget, "results.land_use_change_compared")
    return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]


def test_the_period_typed_on_the_land_use_page_gives_the_pas_2050_figure(storage, new_survey, qtbot):
    wizard = _region_typed_with({"hectares": "1774", "year": "2001", "year_last": "2017",
                                 "previous_use": "primary_forest"}, storage, new_survey, qtbot)
    conversion = storage.repo.survey(new_survey).land_use_change.conversions[0]
    assert (conversion.year, conversion.year_last) == (2001, 2017)
    text = wizard.findChild(QLabel, "results.land_use_change").text()
    assert "422 566 t CO2e de una sola vez" in text
    assert "amortizado en 20 años (PAS 2050): 21 128,3 t CO2e/año, +2,21 kg CO2e por kg de cacao" in text
    assert f"Supuesto: {PERIOD_WORDS}." in text
    assert _compared(wizard) == [["Emisiones brutas", "4,53", "6,74"], ["Emisiones netas", "1,43", "3,64"]]
    assert PERIOD_WORDS not in wizard.findChild(QLabel, "results.notes").text()  # said once, with its figure


def test_an_unknown_year_is_within_the_last_20_years_never_0(storage, new_survey, qtbot):
    wizard = _region_typed_with({"hectares": "1774", "previous_use": "primary_forest"}, storage, new_survey, qtbot)
    text = wizard.findChild(QLabel, "results.land_use_change").text()
    assert "21 128,3 t CO2e/año, +2,21 kg CO2e por kg de cacao" in text
    assert "año de conversión desconocido: se supone dentro de los últimos 20 años (PAS 2050 §5.6)" in text


def test_a_last_year_before_the_first_is_refused_on_the_page(storage, qtbot):
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    import_campaigns(storage.repo, read_any(REGION), str(REGION))
    (row,) = storage.repo.surveys()
    wizard = open_wizard(storage, row.id, qtbot, "land_use_change", active=False)
    fill_page(wizard, "land_use_change", {"land_use_change.conversions": [  # typed over the region's row
        {"hectares": "10", "year": "2017", "year_last": "2001", "previous_use": "primary_forest"}]}, qtbot)
    wizard.next()
    assert wizard.currentPage().objectName() == "page.land_use_change"
    error = wizard.findChild(QLabel, "land_use_change.conversions.error").text()
    assert error.startswith("Fila 1, ")  # the row typed over, its cell named and outlined
    assert "el último año del periodo (2001) es anterior al primero (2017)" in error


def test_the_same_figure_on_the_page_in_the_workbook_the_pdf_and_compute_json(storage, qtbot, tmp_path, capsys):
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    f = factors_for()
    import_campaigns(storage.repo, read_any(REGION), str(REGION))
    (row,) = storage.repo.surveys()
    wizard = open_wizard(storage, row.id, qtbot, "results", active=False)
    assert wizard.currentPage().objectName() == "page.results"
    page_text = wizard.findChild(QLabel, "results.land_use_change").text()

    path = export_workbook(survey_io.read(REGION), tmp_path / "region.xlsx", f)
    res = load_workbook(path, data_only=True)["Resultados"]

    assert main(["compute", "--json", str(REGION)]) == 0
    luc = json.loads(capsys.readouterr().out)["units"][0]["land_use_change"]

    # the figure: 21,128.3 t a year, +2.21 kg CO2e per kg
    assert round(res[f"B{LUC_HEAD + 2}"].value, 1) == round(luc["amortised_t_co2e_per_year"], 1) == 21_128.3
    assert round(res[f"B{LUC_PER_KG}"].value, 2) == round(luc["amortised_kg_co2e_per_kg"], 2) == 2.21
    assert "21 128,3 t CO2e/año, +2,21 kg CO2e por kg de cacao" in page_text
    # the assumption taken
    assert [a["code"] for a in luc["assumptions"]] == ["range_inside"] and luc["assumptions"][0]["es"] == PERIOD_WORDS
    assert res[f"B{LUC_BASIS}"].value == PERIOD_WORDS and PERIOD_WORDS in page_text
    # the footprint without and with land-use change, side by side
    assert [round(res[f"{c}{LUC_COMPARED + 2}"].value, 2) for c in "BC"] == \
        [round(luc[k]["net_kg_co2e_per_kg"], 2) for k in ("without", "with")] == [1.43, 3.64]
    assert _compared(wizard)[1] == ["Emisiones netas", "1,43", "3,64"]

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed: the PDF's text cannot be read")
    pdf = tmp_path / "region.pdf"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/tmp"}
    done = subprocess.run([sys.executable, "-m", "cocoa_desktop", "report", str(REGION), "-o", str(pdf)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Amortizado en 20 años según PAS 2050: 21 128,3 t CO2/año, +2,21 kg CO2e por kg de cacao." in text
    assert f"Supuesto: {PERIOD_WORDS}." in text
    assert "Emisiones netas 1,43 3,64" in text
