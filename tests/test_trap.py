"""The 67 % trap (methodology §5): a plain mean of shares entered as a regional mass share."""

from __future__ import annotations

import pytest
from helpers import farm

from cocoa_desktop.engine.footprint.checks import survey_warnings, unweighted_vs_weighted_share
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.model.survey import HuskDestination


def test_entering_067_as_regional_share_warns(region):
    region.husk.shares = {"heaped": 0.67, "composted": 0.33}
    codes = {w.code for w in survey_warnings(region)}
    assert "regional_share_trap" in codes
    warning = next(w for w in survey_warnings(region) if w.code == "regional_share_trap")
    assert "ponderad" in warning.message_es and "weighted" in warning.message_en


def test_weighted_regional_share_gets_only_the_reminder(region):
    codes = {w.code for w in survey_warnings(region)}
    assert codes == {"regional_share_weighting"}


def test_a_farm_with_67_percent_is_not_warned():
    survey = farm(husk={"shares": {"left_on_soil": 0.67, "composted": 0.33}})
    assert not any(w.code.startswith("regional") for w in survey_warnings(survey))


def test_the_trap_overstates_the_husk_stage_by_36_percent(region, promperu):
    right = compute(region, promperu).stages[Stage.HUSK]
    region.husk.shares = {"heaped": 0.67, "composted": 0.33}
    wrong = compute(region, promperu).stages[Stage.HUSK]
    assert wrong / 1000 == pytest.approx(54_495, rel=0.005)
    assert wrong / right - 1 == pytest.approx(0.36, abs=0.01)


def test_the_cooperatives_show_where_067_comes_from(cooperatives):
    plain, weighted = unweighted_vs_weighted_share(cooperatives.surveys, HuskDestination.HEAPED)
    assert plain == pytest.approx(0.67, abs=1e-9)
    # 0.425 in methodology §5; the f column is published rounded to 0.1, which gives 0.4227
    assert weighted == pytest.approx(0.425, abs=0.003)
