"""Saved scenarios travel in the workbook: a sheet each, with the engine's before and after (issue 12)."""

from __future__ import annotations

from openpyxl import load_workbook

from cocoa_desktop.engine.decisions.scenario_changes import parse_change
from cocoa_desktop.engine.decisions.scenarios import Scenario, run
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.reader import import_workbook


def test_each_saved_scenario_is_a_sheet_with_the_engines_numbers(tmp_path):
    region = survey_io.read(example_path("san-martin-2020-region.json"))
    f = factors_for()
    compost = Scenario("Compostar todo", (parse_change("husk.composted=100%"),))
    jute = Scenario("Yute", (parse_change("packaging.jute_sack=1"),))
    path = export_workbook(region, tmp_path / "r.xlsx", f, "es", scenarios=[compost, jute])
    wb = load_workbook(path, data_only=True)
    assert {"Escenario 1", "Escenario 2"} <= set(wb.sheetnames)
    sheet = wb["Escenario 1"]
    assert sheet["A1"].value == "Escenario: Compostar todo"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=7, max_row=8)]  # the unit, then the total
    after = run([region], compost, f).after.total
    assert abs(rows[-1][2] - after.net_kg / 1000) < 1e-6  # net after, t CO2e/yr
    assert round(rows[-1][2], 1) == -11095.5 and round(rows[-1][5], 2) == -1.16  # methodology §5
    assert import_workbook(path) == region  # the extra sheets do not disturb the import
