"""Monte Carlo intervals: exact per draw, seeded, convergent, collapsing to the point; spreads with a basis."""

from __future__ import annotations

import math

import numpy as np
import pytest
from helpers import farm

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors, factors_for
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.uncertainty.monte_carlo import Interval, simulate
from cocoa_desktop.engine.uncertainty.spreads import activity_spread, factor_spread, factor_spreads, table

ROT = 0.03626824 * 25
COMPOST = 0.004 * 25 + 0.0003 * 298


def test_the_interval_collapses_to_the_point_when_every_spread_is_zero(region, cooperatives, promperu):
    for surveys in ([region], cooperatives.surveys):
        result = simulate(surveys, promperu, draws=500, factor_scale=0.0, activity_scale=0.0)
        for name, unit in result.units.items():
            point = compute(next(s for s in surveys if s.cooperative == name), promperu).net_per_kg \
                if len(surveys) > 1 else compute(surveys[0], promperu).net_per_kg
            assert unit.net_per_kg.point == pytest.approx(point, rel=1e-12)
            assert unit.net_per_kg.low == pytest.approx(point, rel=1e-12)
            assert unit.net_per_kg.high == pytest.approx(point, rel=1e-12)
            assert unit.net_t.low == unit.net_t.high == pytest.approx(unit.net_t.point, rel=1e-12)
            assert unit.contributions == []


def test_every_draw_is_the_engine_with_that_draws_factors(region, ipcc):
    survey = farm(husk={"shares": {"heaped": 0.3, "left_on_soil": 0.3, "composted": 0.4}},
                  general={"organisation": "C", "campaign_year": 2024, "productive_area_ha": 3, "dry_cocoa_kg": 2000.0,
                           "areas": [{"system": "agroforestry_timber", "age_class": "8-15", "hectares": 3.0}]},
                  fertilisation={"products": [{"type": "urea", "kg_per_year": 150.0, "n_percent": 46.0}]},
                  packaging=[{"type": "polypropylene_sack", "material_kg_per_year": 20.0}],
                  transport={"legs": [{"vehicle": "pickup", "trips_per_year": 30, "distance": 12, "fuel": "gasoline"}]})
    for f, unit in ((factors_for("promperu-2020"), region), (ipcc, survey)):
        result = simulate([unit], f, draws=50, seed=7, keep_draws=True)
        draws = result.total.draws
        for i in (0, 17, 49):
            scalar = Factors(f.factor_set, f.gwp)
            scalar.update({k: float(v[i]) for k, v in result.factor_draws.items()})
            assert draws[i] == pytest.approx(compute(unit, scalar).net_per_kg, rel=1e-12)


def test_the_same_seed_gives_the_same_interval_and_two_seeds_agree_within_2_percent(region, cooperatives, promperu):
    a, b = simulate([region], promperu, seed=1), simulate([region], promperu, seed=2)
    assert simulate([region], promperu, seed=1).total.net_per_kg == a.total.net_per_kg
    point = a.total.net_per_kg.point
    for x, y in ((a.total.net_per_kg.low, b.total.net_per_kg.low), (a.total.net_per_kg.high, b.total.net_per_kg.high)):
        assert abs(x - y) <= 0.02 * abs(point)
    assert abs(a.total.net_per_kg.high / b.total.net_per_kg.high - 1) < 0.02  # the upper bound, away from zero
    c, d = simulate(cooperatives.surveys, promperu, seed=1), simulate(cooperatives.surveys, promperu, seed=2)
    for name, unit in c.units.items():
        other = d.units[name]
        for x, y in ((unit.net_per_kg.low, other.net_per_kg.low), (unit.net_per_kg.high, other.net_per_kg.high)):
            assert abs(x - y) <= 0.02 * abs(unit.net_per_kg.point), name
            if abs(x) > 0.5 * abs(unit.net_per_kg.point):
                assert abs(x / y - 1) < 0.02, name


def test_an_estimated_bag_mass_moves_only_packaging_by_hand(promperu):
    survey = farm(estimated_fields=["packaging"],
                  packaging=[{"type": "plastic_bag", "bags_per_year": 100, "kg_per_bag": 0.2}])  # 20 kg
    result = simulate([survey], promperu, factor_scale=0.0, seed=3)
    packaging_t = 20 * 8.609143 / 1000
    q05 = -0.25 + math.sqrt(0.05 * 0.5 * 0.25)  # triangular(−25 %, 0, +25 %) at 5 %: −17.09 %
    net = result.total.net_t
    assert net.low - net.point == pytest.approx(q05 * packaging_t, rel=1e-3)  # Monte Carlo: 0.1 % of the offset
    assert net.high - net.point == pytest.approx(-q05 * packaging_t, rel=1e-3)
    assert result.estimated == ("packaging",)
    assert [c.key for c in result.total.contributions] == ["packaging"]


def test_estimated_husk_shares_move_the_husk_left_to_rot_by_percentage_points(promperu):
    survey = farm(estimated_fields=["husk.shares"], husk={"shares": {"heaped": 0.6, "composted": 0.4}})
    result = simulate([survey], promperu, factor_scale=0.0, seed=3)
    q95 = 0.1 - math.sqrt(0.05 * 0.2 * 0.1)  # triangular(−10, 0, +10 points) at 95 %: +6.84 points
    per_point = 1000 * 8.5 * (ROT - COMPOST) / 1000  # t CO2e per unit share moved from compost to rot
    assert result.total.net_t.high - result.total.net_t.point == pytest.approx(q95 * per_point, rel=1e-3)
    # a cooperative composting everything can only rot more: the interval lies above the point
    all_in = farm(estimated_fields=["husk.shares"], husk={"shares": {"heaped": 0.0, "composted": 1.0}})
    one_sided = simulate([all_in], promperu, factor_scale=0.0).total.net_t
    assert one_sided.low == pytest.approx(one_sided.point, abs=1e-9) and one_sided.high > one_sided.point


def test_estimated_production_moves_the_denominator_too(promperu):
    survey = farm(estimated_fields=["general.dry_cocoa_kg"], fertilisation={"data_collected": False})
    result = simulate([survey], promperu, factor_scale=0.0, seed=5, keep_draws=True)
    # per kg of cocoa only the per-hectare fallback moves: 460.55 kg / P
    fixed = 8.5 * ROT + 0.0714075 - 3.1
    q05 = -0.10 + math.sqrt(0.05 * 0.2 * 0.1)  # production −6.84 % at 5 %
    assert result.total.net_per_kg.high == pytest.approx(fixed + 2 * 230.2763 / (1000 * (1 + q05)), rel=1e-4)


def test_what_weighs_most_in_the_regions_spread(region, promperu):
    result = simulate([region], promperu)
    shares = {c.key: c.share for c in result.total.contributions}
    assert math.fsum(shares.values()) == pytest.approx(1.0)
    top = result.total.contributions[0]
    # half the draws take the IPCC waste model's value for the husk (3.5× lower): that model uncertainty dominates
    assert top.key == "husk_left_on_soil_ch4" and top.share > 0.6
    assert shares["sequestration_per_kg"] > 0.05
    assert "metano de la cáscara que se pudre" in result.total.main_contributions("es")
    assert "methane from husk left to rot" in result.total.main_contributions("en")


def test_the_sentence_a_technician_reads():
    interval = Interval(1.4319, 1.08, 1.93, 0.90)
    assert interval.sentence() == "1,43 kg CO2e/kg (entre 1,1 y 1,9 en 9 de cada 10 casos)"
    assert interval.sentence(lang="en") == "1.43 kg CO2e/kg (between 1.1 and 1.9 in 9 cases out of 10)"
    assert Interval(-1.17, -2.03, -0.01).sentence() == "-1,17 kg CO2e/kg (entre -2,0 y 0,0 en 9 de cada 10 casos)"
    assert "19 de cada 20" not in Interval(1, 0, 2, 0.95).sentence() and "95 de cada 100" in Interval(
        1, 0, 2, 0.95).sentence()


def test_every_factor_that_matters_has_a_spread_with_a_basis(promperu, ipcc):
    fixed = set(table()["fixed"])
    for f in (promperu, ipcc):
        spread = factor_spreads(f)
        for key, factor in f.factor_set.factors.items():
            if factor.value != 0 and key not in fixed:
                assert key in spread, key
                assert spread[key].basis in ("source", "stated", "range") and spread[key].source
    # sequestration per kg: Goñas et al. 0.7–1.2 t C/ha/yr at the report's yield
    seq = factor_spread(promperu, "sequestration_per_kg")
    assert (seq.low, seq.high) == (pytest.approx(0.7 * 44 / 12 / 1.02887, abs=0.005),
                                   pytest.approx(1.2 * 44 / 12 / 1.02887, abs=0.005))
    # a calibrated factor far outside its literature range gets the stated default, not that range
    bag = factor_spread(promperu, "bag_plastic_bag")
    assert bag.basis == "stated" and bag.low == pytest.approx(8.609143 * 0.75)
    assert factor_spread(ipcc, "soil_ef1").basis == "range"  # IPCC's own 0.003–0.03
    assert activity_spread("husk.shares").absolute and activity_spread("transport.legs").width == 0.25


def test_a_campaign_total_is_the_sum_of_its_draws(cooperatives, promperu):
    result = simulate(cooperatives.surveys, promperu, draws=2000, keep_draws=True)
    assert result.total.net_t.point == pytest.approx(sum(u.net_t.point for u in result.units.values()))
    # the total's interval is narrower, relative to its point, than adding the cooperatives' bounds
    assert result.total.net_t.high < sum(u.net_t.high for u in result.units.values())
    assert np.isfinite(result.total.draws).all() and result.total.draws.shape == (2000,)
    stages = compute(cooperatives.surveys[1], promperu).stages
    assert stages[Stage.HUSK] > 0
