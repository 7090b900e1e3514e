"""Issue 20, points 1 and 3: the summaries follow the data sheets, and the mistakes a user makes show.

Edited in LibreOffice through UNO as a user would (see uno_edit.py), recalculated, then read back: a farm of a new
cooperative typed in spare rows gets its row in "Cooperativas", whose totals stay those of "Resultados"; a deleted
survey row, "mil" in a number cell and =1+1 over a cooperative's name are each flagged in "Verificaciones" (and the
formula is refused by the import, with the sheet and the cell named)."""

from __future__ import annotations

import pytest
from compare import compare
from openpyxl import load_workbook

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import FIRST_ROW, GENERAL, PRODUCTS, SURVEY_SHEETS
from cocoa_desktop.workbook.reader import import_workbook
from cocoa_desktop.workbook.report_sheets import CHECK_HEAD, KEY_HEAD, TECH, coop_rows
from cocoa_desktop.workbook.report_texts import CHECKS

COOPS = example_path("san-martin-2020-cooperatives.json")
N_COOPS = 10  # one survey per cooperative in the example
NET = f"B{KEY_HEAD + 3}"
CHECK_KEYS = ("husk_shares", "drying_shares", "not_found", "incomplete", "errors", "text_numbers", "coop_not_text",
              "unlisted", "coop_totals")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    f = factors_for()
    campaign = survey_io.read(COOPS)
    path = export_workbook(campaign, tmp_path_factory.mktemp("live") / "coops.xlsx", f)
    return path, campaign, f


def _checks(path) -> dict[str, tuple[object, str]]:
    """Each check of "Verificaciones" by its key: (count, ✓ or ⚠ …), found by its Spanish label."""
    sheet = load_workbook(path, data_only=True)["Resultados"]
    by_label = {sheet[f"A{r}"].value: (sheet[f"B{r}"].value, sheet[f"C{r}"].value)
                for r in range(CHECK_HEAD + 1, CHECK_HEAD + 20)}
    found = {key: by_label.get(CHECKS["es"][key]) for key in CHECK_KEYS}
    assert None not in found.values(), found
    return found


def _failed(checks: dict[str, tuple[object, str]]) -> set[str]:
    for key, (count, mark) in checks.items():  # a check reads ✓ or ⚠, never an error value
        assert mark == "✓" or mark.startswith("⚠"), (key, count, mark)
    return {key for key, (_, mark) in checks.items() if mark != "✓"}


def _coops(path) -> tuple[dict[object, float], float]:
    """Cooperativas: net t CO2e/yr by name (spare rows included), and the total row's net."""
    sheet = load_workbook(path, data_only=True)["Cooperativas"]
    _, last, total = coop_rows(N_COOPS)
    rows = {sheet[f"A{r}"].value: sheet[f"H{r}"].value for r in range(FIRST_ROW, last + 1)}
    assert sheet[f"A{total}"].value == "Total"
    return {k: v for k, v in rows.items() if k not in (None, "")}, sheet[f"H{total}"].value


def test_a_fresh_export_passes_every_check(exported):
    path, _, _ = exported
    assert _failed(_checks(path)) == set()
    names, total = _coops(path)
    assert len(names) == N_COOPS
    assert total == pytest.approx(load_workbook(path, data_only=True)["Resultados"][NET].value, rel=1e-12)


def test_a_new_cooperative_typed_in_spare_rows_gets_its_row(uno_edit, exported):
    """Point 1: Cooperativas listed only the exported cooperatives (10 rows, 13,549.47 t vs Resultados 13,553.80)."""
    path, campaign, f = exported
    spare = FIRST_ROW + len(campaign.surveys)  # the first free row of every per-survey sheet
    source = FIRST_ROW + 3
    steps = []
    for spec in SURVEY_SHEETS:  # a whole survey, as the instructions say: its row in each per-survey sheet
        steps += [["copy_row", spec.title("es"), source, spare], ["text", spec.title("es"), f"A{spare}", "nueva-01"]]
    steps += [["text", "Datos generales", f"{GENERAL.letter('organisation')}{spare}", "Cooperativa Nueva"],
              ["number", "Datos generales", f"{GENERAL.letter('dry_cocoa_kg')}{spare}", 12_500.0]]
    edited = uno_edit(path, steps)
    results = load_workbook(edited, data_only=True)["Resultados"]
    names, total = _coops(edited)
    assert names["Cooperativa Nueva"] > 0 and len(names) == N_COOPS + 1
    assert total == pytest.approx(results[NET].value, rel=1e-12)  # Cooperativas' total is Resultados'
    assert total > _coops(path)[1]
    assert results[f"B{TECH + 3}"].value == N_COOPS + 1  # "Cooperativas: 11"
    assert _failed(_checks(edited)) == set()
    back = import_workbook(edited)
    assert isinstance(back, Campaign) and len(back.surveys) == len(campaign.surveys) + 1
    assert compare(edited, back.surveys, f) > 100  # every cell, the new cooperative's row too, as the app computes


def test_a_deleted_survey_row_is_flagged(uno_edit, exported):
    """Point 3: deleting a row of "Datos generales" gave #REF! in Cálculos, the totals and the checks themselves.
    Now the calculation sheet reads "Datos generales" by row number through a name (no reference to delete): the
    survey leaves the totals, which stay numbers, and its rows left in the other sheets are flagged."""
    path, campaign, f = exported
    edited = uno_edit(path, [["delete_row", "Datos generales", FIRST_ROW + 2]])
    results = load_workbook(edited, data_only=True)["Resultados"]
    before = load_workbook(path, data_only=True)["Resultados"][NET].value
    left = roll_up([s for s in campaign.surveys if s is not campaign.surveys[2]], f).total
    assert results[NET].value == pytest.approx(left.net_kg / 1000, rel=1e-12) and left.net_kg / 1000 != before
    assert results[f"B{KEY_HEAD + 1}"].value == pytest.approx(left.gross_kg / 1000, rel=1e-12)
    assert _failed(_checks(edited)) == {"not_found"}  # … its rows in the other sheets have no survey
    with pytest.raises(SurveyValidationError) as info:  # … and the import names them
        import_workbook(edited)
    assert any(campaign.surveys[2].id in i.message_es and "Cáscara" in i.path for i in info.value.issues), \
        [(i.path, i.message_es) for i in info.value.issues]


def test_text_in_a_number_cell_is_flagged(uno_edit, exported):
    """Point 3: "mil" in a number cell gave #VALUE! in the totals while every check showed ✓."""
    path, _, _ = exported
    cell = f"{GENERAL.letter('dry_cocoa_kg')}{FIRST_ROW + 1}"
    edited = uno_edit(path, [["text", "Datos generales", cell, "mil"],
                             ["text", "Abonos", f"{PRODUCTS.letter('kg_per_year')}{FIRST_ROW}", "mil"]])
    checks = _checks(edited)
    assert checks["text_numbers"][0] == 2
    assert {"text_numbers", "errors"} <= _failed(checks)
    with pytest.raises(SurveyValidationError) as info:
        import_workbook(edited)
    assert {(i.path, i.code) for i in info.value.issues} >= {(f"Datos generales!{cell}", "not_a_number")}


def test_a_formula_over_a_cooperatives_name_is_flagged_and_refused(uno_edit, exported):
    """Points 1 and 3: =1+1 over a cooperative's name gave it 0, a total 866 t below Resultados, and was imported
    as the name "2"."""
    path, campaign, _ = exported
    cell = f"{GENERAL.letter('organisation')}{FIRST_ROW + 1}"
    edited = uno_edit(path, [["formula", "Datos generales", cell, "=1+1"]])
    results = load_workbook(edited, data_only=True)["Resultados"]
    names, total = _coops(edited)
    assert names[campaign.surveys[1].general.organisation] == 0
    assert names[2] > 0  # the farm is summarised under what its cell now holds …
    assert total == pytest.approx(results[NET].value, rel=1e-12)  # … so the totals stay equal
    assert _failed(_checks(edited)) == {"coop_not_text"}
    with pytest.raises(SurveyValidationError) as info:
        import_workbook(edited)
    (issue,) = info.value.issues
    assert (issue.path, issue.code) == (f"Datos generales!{cell}", "formula_in_text")
    assert "=1+1" in issue.message_es and "=1+1" in issue.message_en


@pytest.mark.parametrize(("sheet", "cell"), [("Datos generales", f"{GENERAL.letter('farm_name')}{FIRST_ROW}"),
                                             ("Abonos", f"{PRODUCTS.letter('name')}{FIRST_ROW}"),
                                             ("Cáscara", f"A{FIRST_ROW}")])
def test_the_import_refuses_a_formula_in_any_text_cell(exported, tmp_path, sheet, cell):
    """Without LibreOffice: a formula typed (here by openpyxl) in a name, a product's name or an id is refused."""
    path, _, _ = exported
    wb = load_workbook(path)
    wb[sheet][cell] = '="Finca "&2'
    wb.save(tmp_path / "formula.xlsx")
    with pytest.raises(SurveyValidationError) as info:
        import_workbook(tmp_path / "formula.xlsx")
    assert [(i.path, i.code) for i in info.value.issues] == [(f"{sheet}!{cell}", "formula_in_text")]
    assert "«=\"Finca \"&2»" in info.value.issues[0].message_es
