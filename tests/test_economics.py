"""Carbon-project economics against Goñas et al. 2024 (Tables 5–11): known answers from the paper."""

from __future__ import annotations

import json

import pytest

from cocoa_desktop.engine.economics.cash_flow import cash_flow, indicators, present_value
from cocoa_desktop.engine.economics.project import (
    CarbonProject,
    Perspective,
    project_document,
    project_from_document,
    read_project,
)
from cocoa_desktop.engine.economics.report import evaluate_project, evaluation_document
from cocoa_desktop.engine.economics.text import evaluation_text
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.uncertainty.sensitivity import break_even, farm_threshold, table, tornado

# Table 9 as printed: nominal cash flow (I + II), PEN
TABLE_9_NET = [-1_811_381.81, 926_733.26, 926_733.26, 926_733.26, 926_733.26, 926_733.26]


@pytest.fixture
def aprocam() -> CarbonProject:
    return read_project(example_path("aprocam-2024-carbon-project.json"))


def test_table_9_flow_gives_both_npvs_and_the_irr():
    import numpy_financial as npf

    npv = present_value(0.12, TABLE_9_NET)
    assert round(npv, 2) == 1_529_284.19  # year 0 not discounted
    assert round(npv / 1.12, 2) == 1_365_432.31  # the published figure: spreadsheet NPV() discounts year 0 too
    assert round(float(npf.irr(TABLE_9_NET)) * 100, 2) == 42.43


def test_example_rebuilds_table_9_from_its_inputs(aprocam):
    flow = cash_flow(aprocam)
    lines = {line.key: line.values for line in flow.lines}
    assert lines["investment"][0] == pytest.approx(2_298_048.50, abs=0.005)  # Table 5 total
    assert lines["project_costs"] == pytest.approx([212_608.45] + [69_645.00] * 5, abs=0.005)  # Table 7 totals
    assert lines["carbon_sales"] == pytest.approx([0.0] + [297_103.13] * 5, abs=0.01)  # 103 t × 104.25 ha × 27.67
    assert lines["cocoa_sales"] == pytest.approx([699_275.13] * 6, abs=0.005)
    assert flow.credits_t[1] == pytest.approx(10_737.75)  # Table 8 prints 10,738
    # the paper's printed flow, within its own cent rounding
    assert flow.net == pytest.approx(TABLE_9_NET, abs=0.015)
    result = indicators(flow, aprocam.discount_rate)
    assert result.npv == pytest.approx(1_529_284.19, abs=0.05)
    assert result.npv_spreadsheet == pytest.approx(1_365_432.31, abs=0.05)
    assert round(result.irr * 100, 2) == 42.43
    assert result.payback_year == 2  # the cumulative flow turns positive in year 2 (42,084.70)


def test_benefit_cost_is_present_value_of_gross_flows(aprocam):
    flow = cash_flow(aprocam)
    rate = aprocam.discount_rate
    result = indicators(flow, rate)
    by_hand = present_value(rate, flow.benefits) / present_value(rate, flow.costs)
    assert result.benefit_cost == pytest.approx(by_hand)
    # the published 1.79 is not this ratio: year 1's with-project revenue over operating cost (996,378.26 /
    # 556,007.15 = 1.79), undiscounted and without the investment
    assert result.benefit_cost == pytest.approx(1.5537, abs=1e-4)


def test_table_11_reproduced_except_its_sequestration_rows(aprocam):
    published = {(r.variable, r.change): r.model_dump() for r in aprocam.published.sensitivity}
    rows = table(aprocam)
    assert len(rows) == 20
    for row in rows:
        paper = published[(row.variable, row.change)]
        if row.variable == "sequestration":
            continue
        assert row.result.npv_spreadsheet == pytest.approx(paper["npv_spreadsheet_pen"], abs=0.05), row
        assert round(row.result.irr, 4) == pytest.approx(paper["irr"], abs=0.00011), row
    # sequestration changes carbon income exactly as the carbon price does: the paper's repeated 64,441.53 is wrong
    ours = {(r.variable, r.change): r.result.npv_spreadsheet for r in rows}
    assert ours[("sequestration", -0.80)] == pytest.approx(ours[("carbon_price", -0.80)])
    assert ours[("sequestration", -0.80)] == pytest.approx(600_439.26, abs=0.05)  # Table 11's carbon-price row
    assert len({round(ours[("sequestration", c)], 2) for c in (0.0, -0.3, -0.5, -0.8)}) == 4


def test_break_even_production_drop_is_the_papers_47_49_percent(aprocam):
    production = break_even(aprocam, "cocoa_production")
    assert round(production.change * 100, 2) == -47.49
    price = break_even(aprocam, "cocoa_price")
    assert price.value == pytest.approx(3.87, abs=0.005)  # Table 11's "3.87"
    # at the break-even the IRR is the discount rate
    from cocoa_desktop.engine.uncertainty.sensitivity import evaluate, varied

    at = evaluate(varied(aprocam, "cocoa_production", production.change))
    assert at.irr == pytest.approx(aprocam.discount_rate, abs=1e-9)
    # the carbon income is smaller than the NPV: no carbon price or sequestration brings it to zero
    assert break_even(aprocam, "carbon_price").change is None
    assert break_even(aprocam, "sequestration").change is None
    costs = break_even(aprocam, "project_costs")
    assert costs.change == pytest.approx(3.2983, abs=1e-4)


def test_farm_threshold_and_the_literature_figure(aprocam):
    farm = farm_threshold(aprocam)
    assert farm.literature_kg_per_ha == 770
    # APROCAM's own costs: 3.91 PEN/kg × 909.45 kg/ha sold + mean other costs of years 1–5 per ha
    assert farm.cost_pen_per_ha == pytest.approx(3.91 * 957.32 * 0.95 + 136_375.78 / 104.25, rel=1e-9)
    assert farm.break_even_kg_per_ha == pytest.approx(694.2, abs=0.1)
    assert farm.break_even_kg_per_ha < farm.yield_kg_per_ha


def test_tornado_widest_first_and_symmetric_for_linear_variables(aprocam):
    bars = tornado(aprocam, 0.2)
    assert [b.variable for b in bars][:2] in (["cocoa_production", "cocoa_price"], ["cocoa_price", "cocoa_production"])
    base = indicators(cash_flow(aprocam), 0.12).npv
    for bar in bars:
        assert (bar.npv_low + bar.npv_high) / 2 == pytest.approx(base, rel=1e-9)  # NPV is linear in each
    assert [b.width for b in bars] == sorted((b.width for b in bars), reverse=True)


def test_perspectives_differ_and_say_what_selling_credits_adds(aprocam):
    ev = evaluate_project(aprocam)
    incremental = ev.by_perspective[Perspective.INCREMENTAL]
    # incremental: −212,608.45 in year 0, then 297,103.13 − 69,645 a year
    assert incremental.npv == pytest.approx(present_value(0.12, [-212_608.45] + [227_458.13] * 5), abs=0.05)
    with_project = ev.by_perspective[Perspective.WITH_PROJECT]
    assert with_project.npv < 0 < incremental.npv < ev.result.npv
    codes = {w.code for w in ev.warnings}
    assert {"sequestration_high", "published_perspective"} <= codes


def test_published_inconsistencies_are_found(aprocam):
    ev = evaluate_project(aprocam)
    codes = [f.code for f in ev.findings]
    assert codes.count("repeated_result") == 1 and "sequestration" in ev.findings[codes.index("repeated_result")] \
        .message_en.replace("carbon sequestration", "sequestration")
    assert {"npv_convention", "cumulative_row", "base_row_differs", "benefit_cost_differs", "abstract_differs"} \
        <= set(codes)
    no_source = aprocam.model_copy(update={"published": None})
    assert evaluate_project(no_source).findings == []


def test_stock_curve_with_renewal_at_30_years(aprocam):
    doc = aprocam.model_dump()
    doc["sequestration"].update(mode="stock_curve", stock_curve=[(10, 400.0), (20, 800.0), (30, 800.0)],
                                cohorts=[{"area_ha": 10.0, "age_years": 12}, {"area_ha": 2.0, "age_years": 28}],
                                renewal_age_years=30)
    curve = CarbonProject.model_validate(doc)
    flow = cash_flow(curve)
    # 10 ha growing 40 t/ha·yr; 2 ha flat at 800 until renewed at 30 (year 2): the loss of 2 × (800 − 0) is
    # carried forward and repaid before new credits
    growth = 10 * 40.0
    young = 2 * 40.0  # the renewed plot regrows from 0 at 40 t/ha·yr (0 → 400 over 10 years)
    expected = [0.0, growth, 0.0, 0.0, 0.0, 0.0]
    deficit = 2 * 800.0 - growth
    for t in (3, 4, 5):
        balance = growth + young - deficit
        expected[t], deficit = (balance, 0.0) if balance >= 0 else (0.0, -balance)
    assert list(flow.credits_t) == pytest.approx(expected)


def test_document_round_trip_and_json_output(aprocam):
    again = project_from_document(json.loads(json.dumps(project_document(aprocam))))
    assert again == aprocam
    doc = evaluation_document(evaluate_project(aprocam), "en")
    json.dumps(doc, allow_nan=False)
    assert doc["indicators"]["npv_pen"] == pytest.approx(1_529_284.19, abs=0.05)
    assert doc["indicators"]["npv_spreadsheet_convention_pen"] == pytest.approx(1_365_432.31, abs=0.05)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_text_report_labels_the_spreadsheet_convention(aprocam, lang):
    text = evaluation_text(evaluate_project(aprocam), lang)
    assert ("1 529 284,17" if lang == "es" else "1,529,284.17") in text
    assert ("convención hoja de cálculo" if lang == "es" else "spreadsheet convention") in text
    assert ("42,43 %" if lang == "es" else "42.43 %") in text


def _doc(**changes) -> dict:
    doc = json.loads(example_path("aprocam-2024-carbon-project.json").read_text(encoding="utf-8"))
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = doc["project"]
        for part in parents:
            node = node[part]
        node[last] = value
    return doc


@pytest.mark.parametrize(("changes", "path", "es", "en"), [
    ({"cocoa__price_pen_per_kg": -7.38}, "project.cocoa.price_pen_per_kg", "no puede ser menor que 0",
     "cannot be less than 0"),
    ({"carbon__price_usd_per_t": -1}, "project.carbon.price_usd_per_t", "menor que 0", "less than 0"),
    ({"carbon__exchange_rate_pen_per_usd": 0}, "project.carbon.exchange_rate_pen_per_usd", "mayor que 0",
     "greater than 0"),
    ({"years": 0}, "project.years", "menor que 1", "less than 1"),
    ({"sequestration__mode": "stock_curve"}, "project.sequestration", "curva de carbono", "carbon-stock-by-age"),
    ({"cocoa__losses_share": 5}, "project.cocoa.losses_share", "no puede ser mayor que 1", "cannot be greater"),
])
def test_nonsense_inputs_are_refused_in_both_languages(changes, path, es, en):
    with pytest.raises(SurveyValidationError) as caught:
        project_from_document(_doc(**changes), "p.json")
    issue = caught.value.issues[0]
    assert issue.path == path
    assert es in issue.message("es") and en in issue.message("en")


def test_no_sign_change_means_no_irr_with_a_message(aprocam):
    free = aprocam.model_copy(update={"investment": [], "project_costs": [],
                                      "perspective": Perspective.PUBLISHED})
    result = indicators(cash_flow(free), 0.12)
    assert result.irr is None and result.irr_problem == "no_sign_change"
    text = evaluation_text(evaluate_project(free), "en")
    assert "no IRR: the net flow never changes sign" in text
    assert "sin TIR: el flujo neto no cambia de signo" in evaluation_text(evaluate_project(free), "es")


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"format": "cocoa-desktop/survey"}', b"\xff\xfe\x00",
                                     b'{"format": "cocoa-desktop/carbon-project", "format_version": 9}'])
def test_broken_project_files_are_refused(tmp_path, content):
    path = tmp_path / "p.json"
    path.write_bytes(content)
    with pytest.raises(SurveyValidationError) as caught:
        read_project(path)
    assert caught.value.issues and caught.value.summary("en") and caught.value.summary("es")


def _extended(years: int) -> dict:
    """The APROCAM file run for ``years``: every per-year list carried on at its year-5 value, said explicitly."""
    doc = _doc(years=years)
    for cost in doc["project"]["project_costs"]:
        if len(cost["pen_by_year"]) > 1:
            cost["pen_by_year"] += [cost["pen_by_year"][-1]] * (years + 1 - len(cost["pen_by_year"]))
    other = doc["project"]["cocoa"]["other_costs_pen_by_year"]
    other += [other[-1]] * (years + 1 - len(other))
    return doc


def test_a_horizon_longer_than_the_cost_lists_is_refused_not_read_as_zeros():
    """Issue 19 point 4: ten years with the verification and monitoring costs listed for years 0–5 counted years
    6–10 as free (incremental NPV 1,215,036 instead of 1,072,581, +13 %). Now a message names the list; a single
    value stays a one-off year-0 cost (the paper's consulting, registry and methodology lines)."""
    with pytest.raises(SurveyValidationError) as caught:
        project_from_document(_doc(years=10), "p.json")
    issue = caught.value.issues[0]
    assert issue.code == "years_short"
    assert "«Tarifa anual de validación/verificación" in issue.message("es") and "llega al año 10" in \
        issue.message("es") and "(y 3 lista(s) más así)" in issue.message("es")
    assert "has 6 values by year (years 0 to 5), but the project runs to year 10" in issue.message("en")
    ten = project_from_document(_extended(10), "p.json")
    incremental = evaluate_project(ten.model_copy(update={"perspective": Perspective.INCREMENTAL})).result
    # what was computed before (model_copy skips the check): the same ten years with years 6–10's costs as zeros
    silent = evaluate_project(project_from_document(_doc()).model_copy(
        update={"years": 10, "perspective": Perspective.INCREMENTAL})).result
    # by hand: 9,645 verification + 60,000 monitoring a year in years 6–10, discounted at 12 %: 69,645 × 2.04544
    assert silent.npv - incremental.npv == pytest.approx(69_645 * sum(1.12**-t for t in range(6, 11)), rel=1e-9)
    assert (silent.npv, incremental.npv) == (pytest.approx(1_215_036, abs=1), pytest.approx(1_072_581, abs=1))
    # other per-year lists too: other cocoa costs and seedlings, when given, must reach the last year
    doc = _extended(6)
    doc["project"]["seedlings"] = {"nursery_by_year": [100.0, 50.0]}
    with pytest.raises(SurveyValidationError) as caught:
        project_from_document(doc, "p.json")
    assert "seedlings.nursery_by_year tiene 2 valores" in caught.value.issues[0].message("es")
    doc["project"]["seedlings"] = {"nursery_by_year": []}  # none at all
    assert project_from_document(doc, "p.json").years == 6
