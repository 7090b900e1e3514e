"""The calibrated husk methane factor beside the IPCC waste model's value: both results, in words, and the Monte
Carlo's model-uncertainty term (issue 19 point 2)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import numpy as np
import pytest
from helpers import farm

from cocoa_desktop.engine.decisions.recommendations import plan_for
from cocoa_desktop.engine.footprint.husk_model import heap_ch4, husk_model_check, husk_model_sentence
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.uncertainty.monte_carlo import simulate

CALIBRATED = 0.03626824
# IPCC 2006 Vol. 5 ch. 3 with the IPCC set's values: DOC = 0.20 × 0.156 / 0.40 = 0.078 kg/kg fresh husk;
# × DOCf 0.5 × MCF 0.4 × F 0.5 × 16/12 = 0.0104 kg CH4 per kg fresh husk; fully anaerobic (MCF 1): 0.026
IPCC_HEAP = 0.078 * 0.5 * 0.4 * 0.5 * 16 / 12
COMPOST = 0.004 * 25 + 0.0003 * 298  # kg CO2e per kg husk composted (AR4)


def test_the_ipcc_heap_value_by_hand(promperu, ipcc):
    assert abs(IPCC_HEAP - 0.0104) < 1e-12
    for f in (promperu, ipcc):
        assert heap_ch4(f) == pytest.approx(IPCC_HEAP, rel=1e-12)
        assert heap_ch4(f, 1.0) == pytest.approx(0.026, rel=1e-12)
    assert abs(CALIBRATED / IPCC_HEAP - 3.487) < 1e-3  # "about 3.5×"


def test_the_regions_net_with_each_factor_by_hand(region, promperu):
    check = husk_model_check([region], promperu)
    assert check is not None and check.calibrated_ch4 == CALIBRATED and check.ipcc_ch4 == pytest.approx(IPCC_HEAP)
    production = 9_569_017
    husk_kg = production * 8.5
    heaped, composted = 0.42503, 0.57497  # the region's husk shares
    others = 2_141.8 + 683.3 + 177.4 + 160.8  # t: fertilisation, fermentation, packaging, transport (the report)
    sequestration = 29_664.0
    with_ipcc = husk_kg * (heaped * IPCC_HEAP * 25 + composted * COMPOST) / 1000 + others - sequestration
    assert with_ipcc == pytest.approx(-8_654.8, abs=0.2)
    assert check.ipcc.net_t == pytest.approx(with_ipcc, abs=0.1)  # the report's stage totals are rounded to 0.1 t
    assert check.ipcc.net_per_kg == pytest.approx(-0.90, abs=0.005)
    assert check.calibrated.net_per_kg == pytest.approx(13_702.1 / 9_569.017, abs=1e-4)  # the report's 1.43
    assert check.sign_depends
    # composting all the husk left to rot: the same end (nothing rots), very different savings
    all_composted = husk_kg * COMPOST / 1000 + others - sequestration
    for result in (check.calibrated, check.ipcc):
        assert result.composted_net_per_kg * production / 1000 == pytest.approx(all_composted, abs=0.2)
    assert check.calibrated.composting_saving == pytest.approx(heaped * 8.5 * (CALIBRATED * 25 - COMPOST), rel=1e-9)
    assert check.ipcc.composting_saving == pytest.approx(heaped * 8.5 * (IPCC_HEAP * 25 - COMPOST), rel=1e-9)
    assert check.composting_turns_to_sink() == (True, False)  # with the IPCC value it already is a sink


def test_the_words_give_both_numbers_and_what_follows(region, promperu):
    check = husk_model_check([region], promperu)
    es, en = husk_model_sentence(check, "es"), husk_model_sentence(check, "en")
    for text, numbers in ((es, ("0,0363", "0,0104", "1,43", "-0,90", "0,026", "2,59", "0,26")),
                          (en, ("0.0363", "0.0104", "1.43", "-0.90", "0.026", "2.59", "0.26"))):
        for number in numbers:
            assert number in text, (number, text)
    assert es.startswith("El signo de la huella neta depende") and "sumidero neto solo con el primero" in es
    assert "ya lo es sin compostar" in es
    assert en.startswith("The sign of the net footprint depends") and "a net sink only with the first" in en


def test_nothing_to_say_where_the_calibrated_factor_is_not_used(region, promperu, ipcc):
    assert husk_model_check([region], ipcc) is None  # the IPCC set models the heap itself
    composting = farm(husk={"shares": {"composted": 1.0}})
    assert husk_model_check([composting], promperu) is None  # no husk left to rot: the factor weighs nothing
    rotting = farm(husk={"shares": {"heaped": 0.5, "composted": 0.5}})
    assert husk_model_check([rotting], promperu) is not None


def test_a_farm_whose_sign_does_not_change_is_told_so(promperu):
    # 200 kg of plastic bags a year (8.609 kg CO2e/kg: 1.72 kg CO2e per kg of its 1,000 kg of cocoa) keep it a source
    plastic = farm(husk={"shares": {"heaped": 1.0}},
                   packaging=[{"type": "plastic_bag", "material_kg_per_year": 200.0}])
    check = husk_model_check([plastic], promperu)
    # heap 8.5 × 0.0104 × 25, bags 200 × 8.609143 / 1,000, fermentation 0.0714075, sequestration 3.1
    assert check.ipcc.net_per_kg == pytest.approx(8.5 * IPCC_HEAP * 25 + 1.7218286 + 0.0714075 - 3.1, abs=1e-6)
    assert check.ipcc.net_per_kg > 0 and check.calibrated.net_per_kg > 0 and not check.sign_depends
    assert husk_model_sentence(check).startswith("La huella neta depende mucho")


def test_the_compost_advice_says_what_it_would_save_with_the_ipcc_value(cooperatives, promperu):
    surveys = [s for s in cooperatives.surveys if s.cooperative.startswith("Cooperativa Agroindustrial Tocache")]
    fp = roll_up(surveys, promperu).total
    plan = plan_for(fp.label, surveys, fp, promperu, campaign_yield=0.0)
    compost = plan.item("compost")
    shares = surveys[0].husk.shares
    rotting = sum(v for k, v in shares.items() if k.value in ("heaped", "left_on_soil", "other"))
    husk_kg = fp.production_kg * 8.5 * rotting
    assert compost.numbers["t"] == pytest.approx(husk_kg * (CALIBRATED * 25 - COMPOST) / 1000, rel=1e-6)
    assert compost.numbers["t_ipcc"] == pytest.approx(husk_kg * (IPCC_HEAP * 25 - COMPOST) / 1000, rel=1e-6)
    from cocoa_desktop.engine.decisions.recommendation_words import message

    words = message(compost, "es")
    assert "0,0104" in words and "ahorraría" in words and plan.husk_model is not None


def test_half_the_draws_follow_the_ipcc_model_and_the_interval_holds_both_results(region, promperu):
    result = simulate([region], promperu, keep_draws=True)
    assert set(result.models) == {"husk_left_on_soil_ch4"}
    draws = np.asarray(result.factor_draws["husk_left_on_soil_ch4"])
    # the calibrated factor's own spread is ±40 % (0.02176 … 0.05078); the IPCC model's, with DOC ±20 %, DOCf ±30 %
    # and MCF ±30 %, at most 0.0936 × 0.65 × 0.52 × 0.5 × 16/12 = 0.0211: the two populations do not overlap
    ipcc_draws = draws[draws < CALIBRATED * 0.6]
    assert len(ipcc_draws) == len(draws) // 2
    assert ipcc_draws.max() <= 0.0936 * 0.65 * 0.52 * 0.5 * 16 / 12 + 1e-12
    assert np.median(ipcc_draws) == pytest.approx(IPCC_HEAP, rel=0.05)
    check = husk_model_check([region], promperu)
    interval = result.total.net_per_kg
    assert interval.low < check.ipcc.net_per_kg < 0 < check.calibrated.net_per_kg < interval.high
    assert interval.low < -1.0  # the sign is not settled in 9 cases out of 10


def test_the_ipcc_set_has_no_model_term(region, ipcc):
    """No model term for a set that models the heap itself: the random stream is the one without it."""
    result = simulate([region], ipcc, draws=2000, seed=3)
    assert result.models == {}


def test_compute_says_it_on_the_command_line_and_in_json(tmp_path):
    region = "resources/examples/san-martin-2020-region.json"
    run = [sys.executable, "-m", "cocoa_desktop", "compute", region]
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "El signo de la huella neta depende" in text and "-0,90" in text
    doc = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout)
    model = doc["husk_methane_model"]
    assert model["ipcc"]["net_kg_per_kg"] == pytest.approx(-0.9045, abs=1e-4) and model["sign_depends"] is True
    ipcc_set = subprocess.run([*run, "--json", "--factor-set", "ipcc2006-ar5"], capture_output=True, text=True,
                              check=True).stdout
    assert json.loads(ipcc_set)["husk_methane_model"] is None


def test_compute_json_names_the_model_term():
    run = [sys.executable, "-m", "cocoa_desktop", "compute", "resources/examples/san-martin-2020-region.json",
           "--json", "--uncertainty", "--draws", "2000"]
    doc = json.loads(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
    term = doc["uncertainty"]["model_terms"]["husk_left_on_soil_ch4"]
    assert term["alternative"] == "ipcc_heap" and term["weight"] == 0.5
    interval = doc["units"][0]["uncertainty"]["net_kg_per_kg"]  # one survey: no total
    assert interval["low"] < -0.9045 < 1.4319 < interval["high"]


def test_the_plans_of_a_campaign_table_reuse_its_values(cooperatives, promperu):
    """The campaign view and the PDF: each cooperative's husk check takes the roll-up's values (computed once) and
    gives what a fresh computation gives; another list of surveys or other factors is computed afresh."""
    from cocoa_desktop.engine.decisions.recommendations import plans
    from cocoa_desktop.engine.footprint.campaign import campaign_table

    surveys = list(cooperatives.surveys)
    table = campaign_table(surveys, promperu)
    assert table.values_of(surveys, promperu) is not None
    assert table.values_of(surveys[::-1], promperu) is None and table.values_of(surveys, dict(promperu)) is None
    unkept = dataclasses.replace(table, survey_ids=(), survey_values=())
    assert unkept.values_of(surveys, promperu) is None
    reused, fresh = plans(table, surveys, promperu), plans(unkept, surveys, promperu)
    assert [p.husk_model for p in reused] == [p.husk_model for p in fresh]
    assert sum(p.husk_model is not None for p in reused) >= 8
