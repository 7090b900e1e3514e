"""The ratio estimator, its standard error and the sample size against a hand-computed case; regional scale-up."""

from __future__ import annotations

import math

import pytest
from helpers import farm

from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.extrapolation import (
    cooperative_from_sample,
    ratio_estimate,
    region_estimate,
    region_from_campaign,
    region_sentence,
    sample_size_for_margin,
    t_value,
)
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.sampling import z_value

# Four farms of a cooperative of 40 partners producing 260 t: y (t CO2e), x (t cocoa). By hand:
# R = 50/23 = 2.173913; d = (−0.869565, 0.956522, 0.304348, −0.391304); Σd² = 1.916825; s_d² = 0.638942;
# V = (1 − 4/40) × 40² × 0.638942 / 4 = 230.019; SE = 15.1664; Ŷ = 565.2174; s_d from 4 farms: Student's t with 3
# degrees of freedom, t(0.90, 3) = 2.353363 (tables): ±2.353363 × 15.1664 = ±35.692 (±1.644854 × SE = ±24.947 before)
Y, X = [10.0, 14.0, 9.0, 17.0], [5.0, 6.0, 4.0, 8.0]


def test_ratio_estimator_and_its_standard_error_by_hand():
    est = ratio_estimate(Y, X, population=40, auxiliary_total=260.0)
    assert est.ratio == pytest.approx(2.173913, rel=1e-6)
    assert est.total == pytest.approx(565.2174, rel=1e-6)
    assert est.residual_sd ** 2 == pytest.approx(0.638942, rel=1e-5)
    assert est.se == pytest.approx(15.1664, rel=1e-5)
    assert est.z == pytest.approx(2.353363, abs=1e-6)
    assert (est.low, est.high) == (pytest.approx(529.525, rel=1e-5), pytest.approx(600.910, rel=1e-5))
    assert est.margin == pytest.approx(35.692 / 565.2174, rel=1e-4)
    # a census has no sampling error
    assert ratio_estimate(Y, X, population=4, auxiliary_total=23.0).se == 0.0


def test_sample_size_for_a_margin_by_hand():
    est = ratio_estimate(Y, X, population=40, auxiliary_total=260.0)
    # n0 = (1.644854 × 40 × 0.799338 / (0.02 × 565.2174))² = 21.6448; n = 21.6448 / (1 + 21.6448/40) = 14.04 → 15
    assert sample_size_for_margin(est, 0.02) == 15
    for n, within in ((15, True), (14, False)):  # check: with 15 farms the margin is 1.90 %, with 14 it is 2.005 %
        v = (1 - n / 40) * 40**2 * est.residual_sd**2 / n
        assert (z_value(0.90) * math.sqrt(v) / est.total <= 0.02) is within  # Cochran's formula: the normal z
    assert sample_size_for_margin(est, 0.20) == 2  # never fewer than two
    with pytest.raises(SurveyValidationError):
        sample_size_for_margin(est, 1.5)


def test_regional_estimate_by_hand():
    # y = (4, 10, −2) t, x = (2, 4, 3) ha, region 30 ha: R = 12/9; d = (1.3333, 4.6667, −6); s_d² = 29.7778
    # V = (1 − 9/30) × 30² × 29.7778 / (3 × 3²) = 694.815; SE = 26.3594; Ŷ = 40
    est = region_estimate([4.0, 10.0, -2.0], [2.0, 4.0, 3.0], 30.0)
    assert est.total == pytest.approx(40.0)
    assert est.se == pytest.approx(26.3594, rel=1e-5)
    assert est.sampling_fraction == pytest.approx(0.3)


def test_bad_samples_get_messages():
    for call in (lambda: ratio_estimate([1.0], [1.0], 10, 5.0), lambda: ratio_estimate(Y, X, 3, 260.0),
                 lambda: ratio_estimate(Y, [0.0] * 4, 40, 260.0), lambda: region_estimate(Y, X, 10.0)):
        with pytest.raises(SurveyValidationError) as caught:
            call()
        assert caught.value.summary("en") != caught.value.summary("es")


def test_a_cooperative_from_a_sample_of_its_farms(promperu):
    farms = [farm(general={"organisation": "C", "farm_name": f"F{i}", "campaign_year": 2024, "productive_area_ha": a,
                           "dry_cocoa_kg": p}, husk={"shares": {"heaped": h, "composted": 1 - h}})
             for i, (a, p, h) in enumerate([(2, 1500.0, 0.5), (3, 2100.0, 0.8), (1.5, 900.0, 0.2), (4, 3300.0, 0.6)])]
    fps = [compute(s, promperu) for s in farms]
    sampled = cooperative_from_sample(farms, promperu, population=120, total=95_000.0)
    by_hand = ratio_estimate([fp.net_kg for fp in fps], [fp.production_kg for fp in fps], 120, 95_000.0)
    assert sampled.net == by_hand
    assert sampled.footprint.production_kg == 95_000.0 and sampled.footprint.producers == 120
    assert sampled.footprint.net_kg == pytest.approx(by_hand.total, rel=1e-12)
    sample_husk = sum(fp.stages[Stage.HUSK] for fp in fps) / sum(fp.gross_kg for fp in fps)
    assert sampled.footprint.share(Stage.HUSK) == pytest.approx(sample_husk)
    words = sampled.sentence("es")
    assert words.startswith("Estimado con 4 de 120 fincas:") and "9 de cada 10" in words
    by_area = cooperative_from_sample(farms, promperu, population=120, total=300.0, auxiliary="area_ha")
    assert by_area.footprint.area_ha == 300.0
    assert by_area.net.ratio == pytest.approx(sum(fp.net_kg for fp in fps) / 10.5)


def test_the_ten_cooperatives_scaled_up_to_san_martin(cooperatives, promperu):
    table = campaign_table(cooperatives.surveys, promperu)
    est = region_from_campaign([r.footprint for r in table.rows])
    assert est.auxiliary_total == 54_159
    assert est.ratio == pytest.approx(13_548_610 / 9301, rel=1e-4)  # kg CO2e per ha
    assert est.total / 1000 == pytest.approx(13_548.61 / 9301 * 54_159, rel=1e-4)  # 78,893 t
    assert est.sampling_fraction == pytest.approx(9301 / 54_159)
    assert est.low < 0 < est.total < est.high  # Acopagro's sink and Oro Verde's 8 t/ha: a very wide interval
    text = region_sentence(est, "es")
    assert "54 159 ha" in text and "78 893 t CO2e/año" in text and "17,2 %" in text
    # ten units, s_d from them: Student's t with 9 degrees of freedom, t(0.90, 9) = 1.833113 (tables), not z = 1.645
    assert est.z == pytest.approx(1.833113, abs=1e-6)
    assert (est.low / 1000, est.high / 1000) == (pytest.approx(est.total / 1000 - 1.833113 * est.se / 1000, abs=0.1),
                                                 pytest.approx(est.total / 1000 + 1.833113 * est.se / 1000, abs=0.1))
    assert "entre -68 381 y 226 166, 90 %, t de Student con 9 grados de libertad" in text  # −53 256 y 211 041 with z


@pytest.mark.parametrize(("confidence", "df", "table"), [
    (0.90, 1, 6.313752), (0.90, 2, 2.919986), (0.90, 3, 2.353363), (0.90, 9, 1.833113), (0.95, 9, 2.262157),
    (0.99, 9, 3.249836), (0.90, 30, 1.697261), (0.95, 120, 1.979930), (0.90, 1000, 1.646379), (0.50, 4, 0.740697)])
def test_student_t_quantiles_against_the_tables(confidence, df, table):
    """Two-sided quantiles of Student's t as printed in the tables (a one-sided 0.95 is a two-sided 0.90)."""
    assert t_value(confidence, df) == pytest.approx(table, abs=2e-6)
    assert t_value(confidence, 10**6) == pytest.approx(z_value(confidence), abs=1e-5)  # the normal in the limit
