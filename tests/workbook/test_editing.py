"""The workbook edited in LibreOffice as its receivers do (through UNO: sort, insert a row, copy a row down, type
into a spare row), recalculated: its results equal the app's after importing it, and checks turn on."""

from __future__ import annotations

import pytest
from compare import compare
from openpyxl import load_workbook

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import BAGS, FIRST_ROW, GENERAL, HUSK, PRODUCTS
from cocoa_desktop.workbook.reader import import_workbook
from cocoa_desktop.workbook.report_sheets import CHECK_HEAD, KEY_HEAD

COOPS = example_path("san-martin-2020-cooperatives.json")


def _last_col(spec) -> str:
    return spec.letter(spec.columns[-1].key)


def _net(path) -> float:
    return load_workbook(path, data_only=True)["Resultados"][f"B{KEY_HEAD + 3}"].value


def test_sorting_a_sheet_changes_no_result(uno_edit, tmp_path):
    """Defect 1: sorting "Datos generales" by production (or an item sheet by type) mixed surveys."""
    f = factors_for()
    campaign = survey_io.read(COOPS)
    path = export_workbook(campaign, tmp_path / "coops.xlsx", f)
    last = FIRST_ROW + len(campaign.surveys) - 1
    production = GENERAL.index("dry_cocoa_kg")
    edited = uno_edit(path, [
        ["sort", "Datos generales", f"A{FIRST_ROW}:{_last_col(GENERAL)}{last}", production, True],
        ["sort", "Envases", f"A{FIRST_ROW}:{_last_col(BAGS)}{last}", BAGS.index("type"), False],
    ])
    sheet = load_workbook(edited, data_only=True)["Datos generales"]
    ids = [sheet[f"A{r}"].value for r in range(FIRST_ROW, last + 1)]
    assert ids != [s.id for s in campaign.surveys]  # really sorted
    assert compare(edited, campaign.surveys, f) > 100  # every survey's results as before, by id
    back = import_workbook(edited)
    assert sorted(back.surveys, key=lambda s: s.id) == sorted(campaign.surveys, key=lambda s: s.id)
    assert _net(edited) == pytest.approx(_net(path), rel=1e-12)


def test_copied_down_row_and_spare_row_count_like_the_app(uno_edit, tmp_path):
    """Defect 2: an inserted row with a copied item, and an item typed in a spare row, were ignored."""
    f = factors_for()
    campaign = survey_io.read(COOPS)
    path = export_workbook(campaign, tmp_path / "coops.xlsx", f)
    bag_row = FIRST_ROW + 1  # the second cooperative's plastic bags
    spare = FIRST_ROW + sum(len(s.fertilisation.products) for s in campaign.surveys)  # first free row of Abonos
    third = campaign.surveys[2]
    edited = uno_edit(path, [
        ["insert_row", "Envases", bag_row + 1],
        ["copy_row", "Envases", bag_row, bag_row + 1],
        ["number", "Envases", f"{BAGS.letter('material_kg_per_year')}{bag_row + 1}", 861.0],
        ["text", "Abonos", f"A{spare}", third.id],
        ["text", "Abonos", f"{PRODUCTS.letter('type')}{spare}", "Urea"],
        ["number", "Abonos", f"{PRODUCTS.letter('kg_per_year')}{spare}", 5200.0],
        ["number", "Abonos", f"{PRODUCTS.letter('n_percent')}{spare}", 46.0],
    ])
    back = import_workbook(edited)
    assert isinstance(back, Campaign)
    second, third_back = back.surveys[1], back.surveys[2]
    assert [b.material_kg_per_year for b in second.packaging] == [campaign.surveys[1].packaging[0].material_kg_per_year,
                                                                  861.0]
    assert third_back.fertilisation.products[-1].type == "urea"
    assert compare(edited, back.surveys, f) > 100  # the workbook computes what the app computes
    assert _net(edited) > _net(path)  # and the new items count


def test_wrong_shares_are_flagged_not_computed_silently(recalc, tmp_path):
    """Defect 7: husk shares summing to 87.5 % gave a smaller S1 without a word."""
    path = export_workbook(survey_io.read(COOPS), tmp_path / "coops.xlsx", factors_for())
    wb = load_workbook(path)
    wb["Cáscara"][f"{HUSK.letter('shares.composted')}{FIRST_ROW}"] = 0.875
    wb.save(path)
    (recalculated,) = recalc([path])
    values = load_workbook(recalculated, data_only=True)
    assert values["Cáscara"][f"{HUSK.letter('share_total')}{FIRST_ROW}"].value == pytest.approx(0.875)
    checks = values["Resultados"]
    assert checks[f"B{CHECK_HEAD + 1}"].value == 1 and checks[f"C{CHECK_HEAD + 1}"].value.startswith("⚠")
    with pytest.raises(SurveyValidationError) as info:
        import_workbook(recalculated)
    assert info.value.issues[0].code == "shares_sum"
