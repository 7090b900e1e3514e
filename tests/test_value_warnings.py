"""``compute`` over many farms takes each survey's warnings and the husk-factor check from the annual values its
roll-up kept (checks.value_warnings, husk_model_check with those values) instead of a footprint made for each: the
same warnings, word for word, and the same check, to the last bit."""

from __future__ import annotations

import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.footprint.checks import survey_warnings, value_warnings
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.husk_model import husk_model_check
from cocoa_desktop.engine.footprint.rollup import roll_up


@pytest.mark.parametrize("factors", ["promperu", "ipcc"])
def test_warnings_from_kept_values_are_the_footprint_s(factors, request, region, cooperatives):
    f = request.getfixturevalue(factors)
    surveys = [region, *cooperatives.surveys, *generated_surveys(400, seed=17)]
    kept = roll_up(surveys, f, keep=True).survey_values
    seen = set()
    for survey, values in zip(surveys, kept, strict=True):
        expected = survey_warnings(survey, compute(survey, f))
        assert value_warnings(survey, values) == expected
        seen |= {w.code for w in expected}
    # every kind of warning met at least once (the comparison is not of empty lists)
    assert {"yield_high", "yield_low", "packaging_high", "transport_high", "regional_share_weighting"} <= seen


@pytest.mark.parametrize("factors", ["promperu", "ipcc"])
def test_the_husk_check_from_kept_values_is_the_check_computed_anew(factors, request, cooperatives):
    f = request.getfixturevalue(factors)
    surveys = [*cooperatives.surveys, *generated_surveys(200, seed=23)]
    kept = roll_up(surveys, f, keep=True).survey_values
    assert husk_model_check(surveys, f, kept) == husk_model_check(surveys, f)
