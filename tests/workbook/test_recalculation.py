"""Exported workbooks recalculated by LibreOffice give the engine's numbers (1e-9 relative)."""

from __future__ import annotations

import pytest
from compare import cached_values_match, compare
from helpers import generated_surveys

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.report_sheets import KEY_HEAD, LUC_HEAD, STAGE_HEAD


@pytest.mark.parametrize("name", ["san-martin-2020-region.json", "san-martin-2020-cooperatives.json"])
@pytest.mark.parametrize("set_id", ["promperu-2020", "ipcc2006-ar5"])
def test_shipped_examples(recalc, tmp_path, name, set_id):
    f = factors_for(set_id)
    item = survey_io.read(example_path(name))
    path = export_workbook(item, tmp_path / name.replace(".json", ".xlsx"), f)
    (recalculated,) = recalc([path])
    assert compare(recalculated, survey_io.surveys_of(item), f) > 40
    assert compare(path, survey_io.surveys_of(item), f) > 40  # the values written with the formulas
    assert cached_values_match(path, recalculated) > 1000


def test_region_workbook_shows_the_report_figures(recalc, tmp_path):
    from openpyxl import load_workbook

    f = factors_for()
    path = export_workbook(survey_io.read(example_path("san-martin-2020-region.json")), tmp_path / "r.xlsx", f)
    (recalculated,) = recalc([path])
    for book in (path, recalculated):  # before and after recalculation
        res = load_workbook(book, data_only=True)["Resultados"]
        assert res[f"C{KEY_HEAD + 3}"].value == pytest.approx(1.43, rel=0.005)  # net kg CO2e per kg
        assert res[f"B{STAGE_HEAD + 1}"].value == pytest.approx(40_203.1, rel=0.005)
        assert res[f"B{LUC_HEAD + 1}"].value == pytest.approx(422_566, rel=0.005)


@pytest.mark.parametrize(("set_id", "gwp", "lang"), [("promperu-2020", None, "es"), ("ipcc2006-ar5", "AR6", "en")])
def test_generated_surveys(recalc, tmp_path, set_id, gwp, lang):
    f = factors_for(set_id, gwp)
    surveys = generated_surveys(120, seed=len(set_id) * 7 + len(lang))
    campaign = Campaign(name="Generada", year=2024, surveys=surveys)
    path = export_workbook(campaign, tmp_path / f"gen-{set_id}.xlsx", f, lang=lang)
    (recalculated,) = recalc([path])
    assert compare(recalculated, surveys, f, lang=lang) > 120 * 16  # 16 cells per survey + totals
    assert cached_values_match(path, recalculated) > 120 * 40
