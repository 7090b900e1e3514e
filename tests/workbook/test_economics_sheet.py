"""The "Evaluación económica" sheet recalculated by LibreOffice gives the engine's numbers (1e-9 relative), and
its inputs really drive it."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cocoa_desktop.engine.economics import CarbonProject, Perspective, read_project
from cocoa_desktop.engine.economics_report import evaluate_project
from cocoa_desktop.engine.issues import SurveyValidationError
from cocoa_desktop.engine.resources import example_path
from cocoa_desktop.workbook.economics_sheet import SHEET, WORDS, write_economics_workbook

REL = 1e-9


def _project(**update) -> CarbonProject:
    return read_project(example_path("aprocam-2024-carbon-project.json")).model_copy(update=update)


def _labelled(sheet, lang: str) -> dict[str, object]:
    """Column B of each indicator row, by its label key."""
    labels = {WORDS[k][1 if lang == "en" else 0]: k for k in ("npv", "npv_sheet", "irr", "bc")}
    return {labels[row[0].value]: row[1].value for row in sheet.iter_rows(max_col=2) if row[0].value in labels}


def _row(sheet, label: str) -> list[object]:
    for row in sheet.iter_rows(values_only=True):
        if row[0] == label:
            return list(row[2:])
    raise KeyError(label)


def _check(path: Path, project: CarbonProject, lang: str) -> int:
    ev = evaluate_project(project)
    sheet = load_workbook(path, data_only=True)[SHEET[lang]]
    idx = 1 if lang == "en" else 0
    want = {"npv": ev.result.npv, "npv_sheet": ev.result.npv_spreadsheet, "irr": ev.result.irr,
            "bc": ev.result.benefit_cost}
    got = _labelled(sheet, lang)
    checked = 0
    for key, value in want.items():
        assert isinstance(got[key], float | int), (key, got[key])
        assert math.isclose(got[key], value, rel_tol=REL, abs_tol=1e-9), (key, got[key], value)
        checked += 1
    rows = {WORDS["benefits"][idx]: ev.flow.benefits, WORDS["costs"][idx]: ev.flow.costs,
            WORDS["net"][idx]: ev.flow.net, WORDS["cumulative"][idx]: ev.flow.cumulative,
            **{line.label(lang): line.values for line in ev.flow.lines}}
    for label, values in rows.items():
        cells = _row(sheet, label)[: len(values)]
        for got_value, value in zip(cells, values, strict=True):
            assert math.isclose(got_value, value, rel_tol=REL, abs_tol=1e-9), (label, got_value, value)
            checked += 1
    return checked


@pytest.mark.slow
def test_recalculated_by_libreoffice_equals_the_engine(recalc, tmp_path):
    cases = [("aprocam-es.xlsx", _project(), "es"),
             ("incremental-en.xlsx", _project(perspective=Perspective.INCREMENTAL), "en"),
             ("with-project-es.xlsx", _project(perspective=Perspective.WITH_PROJECT, years=12,
                                               discount_rate=0.08), "es"),
             ("fee-en.xlsx", _project(carbon=_project().carbon.model_copy(
                 update={"registry_fee_usd_per_credit": 0.37, "price_usd_per_t": 21.5})), "en")]
    paths = [write_economics_workbook(evaluate_project(p), tmp_path / name, lang) for name, p, lang in cases]
    recalculated = recalc(paths)
    counts = [_check(path, p, lang) for path, (_, p, lang) in zip(recalculated, cases, strict=True)]
    assert min(counts) > 30


@pytest.mark.slow
def test_the_inputs_drive_the_formulas(recalc, tmp_path):
    """Change the carbon price cell in the written file: LibreOffice's NPV follows the engine's for that price."""
    path = write_economics_workbook(evaluate_project(_project()), tmp_path / "a.xlsx", "es")
    book = load_workbook(path)
    sheet = book[SHEET["es"]]
    price = next(row[1] for row in sheet.iter_rows(max_col=2) if row[0].value == WORDS["carbon_price"][0])
    price.value = 15.0
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    (recalculated,) = recalc([edited])
    cheaper = _project(carbon=_project().carbon.model_copy(update={"price_usd_per_t": 15.0}))
    assert _check(recalculated, cheaper, "es") > 30


def test_cached_values_are_the_engines_without_recalculation(tmp_path):
    project = _project()
    path = write_economics_workbook(evaluate_project(project), tmp_path / "a.xlsx", "en")
    assert _check(path, project, "en") > 30  # read as written: XlsxWriter's cached results


def test_unwritable_destination_gives_a_message(tmp_path):
    with pytest.raises(SurveyValidationError) as caught:
        write_economics_workbook(evaluate_project(_project()), tmp_path / "no-such-dir" / "a.xlsx", "es")
    assert "no existe" in caught.value.summary("es")  # the missing folder is named before any work


@pytest.mark.parametrize("target", ["/dev/full", "/dev/null"])
def test_a_device_is_refused_and_left_a_device(target):
    import stat

    device = Path(target)
    if not device.exists():
        pytest.skip(f"{target} not on this system")
    with pytest.raises(SurveyValidationError) as caught:
        write_economics_workbook(evaluate_project(_project()), device, "en")
    assert "device" in caught.value.summary("en")
    assert stat.S_ISCHR(device.stat().st_mode)
