"""Results explain themselves step by step; aggregates are sums of results, never averages of shares."""

from __future__ import annotations

import math

import pytest
from helpers import farm, generated_surveys

from cocoa_desktop.engine.footprint import rollup
from cocoa_desktop.engine.footprint.compute import compute, explain
from cocoa_desktop.engine.footprint.results import STAGES, Stage
from cocoa_desktop.engine.footprint.rollup import counted_survey, roll_up, roll_up_footprints, sum_footprints


def test_steps_add_up_to_each_stage(region, promperu):
    result, steps = explain(region, promperu)
    assert result == compute(region, promperu)
    for stage in Stage:
        in_stage = [s.value for s in steps if s.stage == stage]
        assert math.fsum(in_stage) == pytest.approx(result.stages[stage], rel=1e-12, abs=1e-9)
    keys = [s.key for s in steps]
    assert "net" in keys and "net_intensity" in keys


def test_each_step_names_inputs_factors_and_formula(region, promperu):
    _, steps = explain(region, promperu)
    husk_steps = [s for s in steps if s.stage == Stage.HUSK]
    assert len(husk_steps) == 2  # left on soil and composted
    soil = next(s for s in husk_steps if s.item == "heaped")
    assert soil.inputs == {"production_kg": 9_569_017, "husk_kg_per_kg": 8.5, "share": 0.42503}
    # the calibrated methane factor at the AR4 GWP the report used: 0.03626824 × 25 = 0.906706
    assert soil.factors["ef_husk_heaped"] == pytest.approx(0.906706, rel=1e-12)
    assert soil.value == pytest.approx(9_569_017 * 8.5 * 0.42503 * 0.906706)
    assert soil.key == "husk_destination" and soil.unit.startswith("kg CO2e")
    fallback = next(s for s in steps if s.stage == Stage.FERTILISATION)
    assert fallback.factors == {"fertilisation_fallback_per_ha": 230.2763}


def test_farms_roll_up_into_their_cooperative_by_summing(promperu):
    a = farm(husk={"shares": {"left_on_soil": 1.0}})
    b = farm(general={"organisation": "Cooperativa de prueba", "farm_name": "Finca 2", "campaign_year": 2024,
                      "productive_area_ha": 10, "dry_cocoa_kg": 9000},
             husk={"shares": {"composted": 1.0}})
    c = farm(general={"organisation": "Otra cooperativa", "campaign_year": 2024, "productive_area_ha": 1,
                      "dry_cocoa_kg": 500})
    result = roll_up([a, b, c], promperu, label="Campaña")
    coop = result.cooperatives["Cooperativa de prueba"]
    fa, fb = compute(a, promperu), compute(b, promperu)
    assert coop.surveys == 2
    assert coop.production_kg == 10_000
    assert coop.stages[Stage.HUSK] == pytest.approx(fa.stages[Stage.HUSK] + fb.stages[Stage.HUSK])
    # the husk share of the sum is not the mean of the farms' husk shares
    mean_of_shares = (fa.share(Stage.HUSK) + fb.share(Stage.HUSK)) / 2
    assert coop.share(Stage.HUSK) != pytest.approx(mean_of_shares, rel=1e-3)
    assert coop.net_per_kg == pytest.approx((fa.net_kg + fb.net_kg) / 10_000)
    assert result.total.surveys == 3
    assert result.total.net_kg == pytest.approx(sum(r.net_kg for r in result.cooperatives.values()))


def test_sum_of_nothing_is_zero_not_nan():
    empty = sum_footprints([], "vacío")
    assert empty.gross_kg == 0 and empty.share(Stage.HUSK) == 0
    assert math.isnan(empty.net_per_kg)  # no production: intensity undefined, shown as "—"


def test_the_one_sum_is_each_value_added_in_the_order_given_folded_or_not(promperu, ipcc, monkeypatch):
    """The roll-up adds a few thousand footprints at a time with reduce(add): the very additions of a plain
    ``total += value`` survey by survey, in file order; the bare values of roll_up the same again."""
    surveys = generated_surveys(60, seed=7)
    for f in (promperu, ipcc):
        items = [(s.general.organisation, compute(s, f)) for s in surveys]
        plain: dict[str, list[float]] = {}
        for name, fp in items:
            acc = plain.setdefault(name, [0.0] * 8)
            for i, value in enumerate((*(fp.stages[s] for s in STAGES), fp.sequestration_kg, fp.production_kg)):
                acc[i] += value
        whole = roll_up_footprints(items, f)
        got = {name: [*(fp.stages[s] for s in STAGES), fp.sequestration_kg, fp.production_kg]
               for name, fp in whole.cooperatives.items()}
        assert got == plain  # every float equal, cooperatives in the order first met
        assert list(got) == list(plain)
        monkeypatch.setattr(rollup, "FOLD_EVERY", 4)
        folded = roll_up_footprints(items, f)
        monkeypatch.undo()
        direct = roll_up(surveys, f)
        for other in (folded, direct):
            assert other.cooperatives == whole.cooperatives and other.total == whole.total


def test_which_surveys_count_is_decided_once(promperu):
    survey = farm()
    doc = survey.model_dump(mode="json")
    assert counted_survey(doc) == survey  # complete or not: being valid is what counts
    assert counted_survey(None) is None  # a survey whose sections could not be read
    assert counted_survey({"general": {"organisation": "Cooperativa", "campaign_year": 2024}}) is None  # a draft


def test_ranked_stages_follow_the_report(region, promperu):
    ranked = [stage for stage, _ in compute(region, promperu).ranked_stages()]
    assert ranked == [Stage.HUSK, Stage.FERTILISATION, Stage.FERMENTATION, Stage.PACKAGING, Stage.TRANSPORT,
                      Stage.DRYING]


def test_composting_recommendation_for_acopagro_like_unit(region, promperu):
    """Composting all the region's husk left on soil saves (7.707 − 1.6099) × P × 0.42503 kg per year."""
    from cocoa_desktop.engine.decisions.recommendations import composting_saving_kg, plan_for

    saving = composting_saving_kg(region, promperu)
    assert saving == pytest.approx(9_569_017 * 0.42503 * 8.5 * (0.906706 - 0.1894), rel=1e-12)
    fp = compute(region, promperu)
    plan = plan_for(fp.label, [region], fp, promperu, campaign_yield=0.0)
    assert plan.item("compost").saving_t * 1000 == pytest.approx(saving, rel=1e-12)
    # methodology §5: composting all husk gives net −1.16 kg/kg → a sink, nothing to compensate
    assert (fp.net_kg - saving) / 9_569_017 == pytest.approx(-1.16, rel=0.005)
    # jute instead of the 20,606 kg of plastic bags avoids the packaging stage too (177.4 t, report §6)
    assert plan.item("jute").saving_t == pytest.approx(177.4, rel=0.001)
    assert plan.residual_t == pytest.approx((fp.net_kg - saving) / 1000 - plan.item("jute").saving_t, rel=1e-12)
    assert plan.item("residual") is None


def test_compensation_is_sized_in_credits_and_hectares(promperu):
    from cocoa_desktop.engine.decisions.recommendations import plan_for

    unit = farm(husk={"shares": {"left_on_soil": 1.0}}, fertilisation={"data_collected": True, "products": [
        {"type": "urea", "kg_per_year": 2000.0, "n_percent": 46.0}]})  # no bags: composting is all it can reduce
    fp = compute(unit, promperu)
    plan = plan_for(fp.label, [unit], fp, promperu, campaign_yield=0.0)
    rec = plan.item("residual")
    assert fp.net_kg / 1000 > plan.reductions_t == plan.item("compost").saving_t > 0
    assert rec.numbers["t"] == pytest.approx(fp.net_kg / 1000 - plan.item("compost").saving_t, rel=1e-12)
    assert rec.numbers["ha"] == pytest.approx(rec.numbers["t"] / 7.0)
