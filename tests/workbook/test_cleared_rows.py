"""Rows without an id, now that a filled row's formulas carry no empty-row guard (issue 20, point 5: the guards were
30 % of LibreOffice's save at 22,000 farms).

A survey taken out as the guide says (its input cells cleared in every sheet, the formulas locked) leaves the totals
exactly as the app computes the campaign without it, and no check fires; an item whose id alone is cleared leaves its
survey's total (the block sum is a SUMIF on the id), as before. Edited in LibreOffice through UNO (uno_edit.py)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from test_live_summaries import COOPS, NET, _checks, _failed

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import FIRST_ROW, ITEM_SHEETS, SURVEY_SHEETS
from cocoa_desktop.workbook.reader import import_workbook
from cocoa_desktop.workbook.report_sheets import KEY_HEAD


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    f = factors_for()
    campaign = survey_io.read(COOPS)
    assert isinstance(campaign, Campaign)
    return export_workbook(campaign, tmp_path_factory.mktemp("cleared") / "coops.xlsx", f), campaign, f


def _rows_of(path, survey_id: str) -> dict[str, list[int]]:
    """The rows holding ``survey_id`` in column A of each data sheet (Spanish titles)."""
    wb = load_workbook(path, read_only=True)
    found = {}
    for spec in (*SURVEY_SHEETS, *ITEM_SHEETS):
        title = spec.title("es")
        rows = [r for r, (a,) in enumerate(wb[title].iter_rows(min_row=FIRST_ROW, max_col=1, values_only=True),
                                          start=FIRST_ROW) if a == survey_id]
        if rows:
            found[title] = rows
    return found


def test_a_survey_cleared_as_the_guide_says_leaves_the_totals_and_no_check_fires(uno_edit, exported):
    path, campaign, f = exported
    gone = campaign.surveys[2]
    rows = _rows_of(path, gone.id)
    assert len(rows) >= 8  # its row in each per-survey sheet and its items
    edited = uno_edit(path, [["clear_inputs", title, r] for title, found in rows.items() for r in found])
    results = load_workbook(edited, data_only=True)["Resultados"]
    left = roll_up([s for s in campaign.surveys if s is not gone], f).total
    assert results[NET].value == pytest.approx(left.net_kg / 1000, rel=1e-12)
    assert results[f"B{KEY_HEAD + 1}"].value == pytest.approx(left.gross_kg / 1000, rel=1e-12)
    assert _failed(_checks(edited)) == set()
    wb = load_workbook(edited, data_only=True)
    for title, found in rows.items():  # nothing a reader would take for a row: the labels are blank
        for r in found:
            assert wb[title][f"B{r}"].value in (None, ""), (title, r, wb[title][f"B{r}"].value)
    back = import_workbook(edited)
    assert isinstance(back, Campaign) and {s.id for s in back.surveys} == {s.id for s in campaign.surveys} - {gone.id}


def test_an_item_whose_id_is_cleared_leaves_its_surveys_total(uno_edit, exported):
    path, campaign, f = exported
    owner = next(s for s in campaign.surveys if s.transport.legs)
    row = _rows_of(path, owner.id)["Transporte"][0]
    edited = uno_edit(path, [["text", "Transporte", f"A{row}", ""]])
    calc = load_workbook(edited, data_only=True)["Cálculos"]
    fewer = owner.model_copy(deep=True)
    fewer.transport.legs = fewer.transport.legs[1:]  # the export writes the legs in their order
    others = [fewer if s is owner else s for s in campaign.surveys]
    gross = {r[0]: r[11] for r in calc.iter_rows(min_row=FIRST_ROW, values_only=True) if r[0]}
    want = roll_up(others, f)
    assert sum(gross.values()) == pytest.approx(want.total.gross_kg, rel=1e-12)
    assert gross[owner.id] < roll_up([owner], f).total.gross_kg
