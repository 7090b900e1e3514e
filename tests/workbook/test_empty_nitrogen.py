"""A fertiliser's N % left empty in the workbook counts as the app counts it (urea 46 %, guano de isla 10 %), not
as 0 % N: the recalculated workbook and the imported survey agree."""

from __future__ import annotations

import pytest
from compare import compare
from openpyxl import load_workbook

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import FIRST_ROW, PRODUCTS
from cocoa_desktop.workbook.reader import import_workbook
from tests.helpers import farm


def test_empty_n_percent_in_the_workbook_counts_like_the_app(recalc, tmp_path):
    f = factors_for()
    survey = farm(fertilisation={"products": [
        {"type": "urea", "kg_per_year": 1500, "n_percent": 46},
        {"type": "guano", "kg_per_year": 800, "n_percent": 10},
        {"type": "npk", "name": "NPK 15-15-15", "kg_per_year": 200, "n_percent": 15}]})
    path = export_workbook(survey, tmp_path / "urea.xlsx", f)
    wb = load_workbook(path)
    sheet = wb["Abonos"]
    for row in (FIRST_ROW, FIRST_ROW + 1):  # urea and guano: N % erased
        sheet[f"{PRODUCTS.letter('n_percent')}{row}"] = None
    wb.save(path)
    (recalculated,) = recalc([path])
    back = import_workbook(recalculated)
    assert [p.n_percent for p in back.fertilisation.products] == [46, 10, 15]
    assert compute(back, f).stages[Stage.FERTILISATION] == pytest.approx(compute(survey, f).stages[
        Stage.FERTILISATION], rel=1e-12)
    values = load_workbook(recalculated, data_only=True)["Abonos"]
    assert values[f"{PRODUCTS.letter('n')}{FIRST_ROW}"].value == pytest.approx(1500 * 0.46)
    assert compare(recalculated, [back], f) > 10  # every result cell equals the engine's
