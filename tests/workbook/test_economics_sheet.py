"""The "Evaluación económica" sheet recalculated by LibreOffice gives the engine's numbers (1e-9 relative), and
its inputs really drive it."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cocoa_desktop.engine.economics.project import CarbonProject, Perspective, read_project
from cocoa_desktop.engine.economics.report import evaluate_project
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.workbook.economics_sheet import SHEET, WORDS, write_economics_workbook

REL = 1e-9


def _project(**update) -> CarbonProject:
    return read_project(example_path("aprocam-2024-carbon-project.json")).model_copy(update=update)


def _longer(years: int, **update) -> CarbonProject:
    """APROCAM run for ``years``, its per-year lists carried on at their year-5 value (a shorter list is refused)."""
    doc = _project().model_dump(mode="json")
    for cost in doc["project_costs"]:
        if len(cost["pen_by_year"]) > 1:
            cost["pen_by_year"] += [cost["pen_by_year"][-1]] * (years + 1 - len(cost["pen_by_year"]))
    other = doc["cocoa"]["other_costs_pen_by_year"]
    other += [other[-1]] * (years + 1 - len(other))
    return CarbonProject.model_validate({**doc, "years": years, **update})


def _labelled(sheet, lang: str) -> dict[str, object]:
    """Column B of each indicator row, by its label key."""
    labels = {WORDS[k][1 if lang == "en" else 0]: k for k in ("npv", "npv_sheet", "irr", "bc", "payback")}
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
    payback = ev.result.payback_year
    assert got["payback"] == ("—" if payback is None else payback), (got["payback"], payback)  # a live formula
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
             ("with-project-es.xlsx", _longer(12, perspective="with_project", discount_rate=0.08), "es"),
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


@pytest.mark.slow
def test_the_registry_fee_counts_when_typed_over_a_fee_of_0(recalc, tmp_path):
    """Issue 19 point 4: with the example's fee of 0 the fee's line was left out, so typing a fee changed nothing.
    Typed 0.37 USD/credit (Gold Standard, Norandino) and a carbon price of 3: LibreOffice's NPV, flows and payback
    (year 3, from year 2) follow the engine's for those inputs."""
    path = write_economics_workbook(evaluate_project(_project()), tmp_path / "a.xlsx", "es")
    book = load_workbook(path)
    sheet = book[SHEET["es"]]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(max_col=2)}
    cells[WORDS["registry_fee"][0]].value = 0.37
    cells[WORDS["carbon_price"][0]].value = 3.0
    edited = tmp_path / "fee.xlsx"
    book.save(edited)
    (recalculated,) = recalc([edited])
    typed = _project(carbon=_project().carbon.model_copy(update={"registry_fee_usd_per_credit": 0.37,
                                                                 "price_usd_per_t": 3.0}))
    assert evaluate_project(typed).result.payback_year == 3
    assert _check(recalculated, typed, "es") > 30


def test_inputs_the_perspective_does_not_use_and_the_fixed_sensitivity_are_said(tmp_path):
    path = write_economics_workbook(evaluate_project(_project()), tmp_path / "a.xlsx", "es")
    rows: dict[str, tuple] = {}
    for row in load_workbook(path)[SHEET["es"]].iter_rows(values_only=True):
        rows.setdefault(row[0], row)  # the inputs come first (the sensitivity block repeats some labels)
    assert rows[WORDS["cocoa_cost"][0]][2] == "no se usa en esta perspectiva"  # the paper's: no production costs
    assert rows[WORDS["cocoa_price"][0]][2] is None and rows[WORDS["registry_fee"][0]][2] is None
    assert "valores fijos calculados por la aplicación" in WORDS["sensitivity"][0] and WORDS["sensitivity"][0] in rows
    assert _row(load_workbook(path, data_only=True)[SHEET["es"]], "Tarifa del registro por crédito")[:6] == [0] * 6


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
