"""Land-use change by PAS 2050:2011 §5.6 (issue 19, point 1), with numbers worked by hand.

IPCC 2006 + AR5 set: 561.7 t CO2 per ha of primary forest, 207.5 per ha of secondary forest, amortised over 20
years. A farm of 1,000 kg of dry cocoa, campaign 2024: the window is 2004–2024 (a change exactly 20 years back is not
"more than 20 years" before). 1 ha of primary forest = 561.7 t once = 561.7 / 20 = 28.085 t a year = 28.085 kg CO2e
per kg of cocoa while it counts.
"""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model.issues import issues_from_validation_error
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.report import footprint_document, luc_assumptions, luc_figure, text_table
from tests.helpers import farm

ONE_HA_ONCE = 561_700.0  # kg CO2
ONE_HA_A_YEAR = 28_085.0  # kg CO2 a year = 561,700 / 20


def converted(**conversion: object):
    return farm(land_use_change={"conversions": [{"hectares": 1.0, "previous_use": "primary_forest",
                                                  **conversion}]})


@pytest.mark.parametrize(("conversion", "per_year", "basis"), [
    ({}, ONE_HA_A_YEAR, "year_unknown"),  # no evidence: within the last 20 years, never 0
    ({"year": None}, ONE_HA_A_YEAR, "year_unknown"),
    ({"year": 2015}, ONE_HA_A_YEAR, "year_inside"),
    ({"year": 2024}, ONE_HA_A_YEAR, "year_inside"),  # the campaign year itself
    ({"year": 2004}, ONE_HA_A_YEAR, "year_inside"),  # exactly 20 years back: not more than 20
    ({"year": 2003}, 0.0, "before_window"),  # 21 years back: shown to be older, fully amortised
    ({"year": 1990}, 0.0, "before_window"),
    ({"year": 2030}, 0.0, "after_campaign"),
    ({"year": 2010, "year_last": 2017}, ONE_HA_A_YEAR, "range_inside"),  # taken at 2010
    ({"year": 2001, "year_last": 2017}, ONE_HA_A_YEAR, "range_straddles"),  # cannot be shown older than 20 years
    ({"year": 1990, "year_last": 2003}, 0.0, "before_window"),  # the whole period before 2004
    ({"year": 2020, "year_last": 2026}, ONE_HA_A_YEAR, "range_inside"),  # taken at 2020
    ({"year": 2025, "year_last": 2026}, 0.0, "after_campaign"),
    ({"year": 2015, "year_last": 2015}, ONE_HA_A_YEAR, "year_inside"),  # a period of one year is that year
])
def test_one_hectare_of_primary_forest(ipcc, conversion, per_year, basis):
    fp = compute(converted(**conversion), ipcc)
    assert fp.luc_one_off_kg == pytest.approx(ONE_HA_ONCE, rel=1e-12)  # the one-off total never changes
    assert fp.luc_amortised_kg == pytest.approx(per_year, rel=1e-12, abs=1e-9)
    assert fp.luc_amortised_per_kg == pytest.approx(per_year / 1000, rel=1e-12, abs=1e-12)
    assert f"luc_{basis}" in fp.notes  # the assumption taken is always said, a 0 included
    assert [b.value for b in land_use.bases_in(fp.notes)] == [basis]


def test_the_reason_is_said_in_both_languages(ipcc):
    unknown = compute(converted(), ipcc)
    assert luc_assumptions(unknown, "en") == ("Assumption: conversion year unknown: assumed within the last 20 "
                                              "years (PAS 2050 §5.6), 1/20 of the one-off emission a year.")
    assert "se supone dentro de los últimos 20 años (PAS 2050 §5.6)" in luc_assumptions(unknown, "es")
    old = compute(converted(year=1990), ipcc)
    assert "fully amortised, 0 a year" in luc_assumptions(old, "en")
    assert "ya amortizado, 0 por año" in luc_assumptions(old, "es")
    assert luc_figure(old, "en") == ("Land-use change (reported apart): 562 t CO2e one-off; amortised over 20 years "
                                     "(PAS 2050): 0.0 t CO2e/yr, +0.00 kg CO2e per kg of cocoa.")
    assert luc_figure(compute(farm(), ipcc), "es").endswith("no se registró conversión de bosque u otros usos a "
                                                            "cacao.")
    assert luc_assumptions(compute(farm(), ipcc), "es") == ""


def test_several_conversions_add_up_each_by_its_own_rule(ipcc):
    # 1 ha primary, year unknown: 561.7 t once, 28.085 t/yr; 2 ha secondary 2015: 415 t once, 20.75 t/yr;
    # 3 ha primary 1990: 1,685.1 t once, 0 t/yr. Sum: 2,661.8 t once, 48.835 t/yr = 48.835 kg/kg of 1,000 kg.
    survey = farm(land_use_change={"conversions": [
        {"hectares": 1.0, "previous_use": "primary_forest"},
        {"hectares": 2.0, "year": 2015, "previous_use": "secondary_forest"},
        {"hectares": 3.0, "year": 1990, "previous_use": "primary_forest"}]})
    fp = compute(survey, ipcc)
    assert fp.luc_one_off_kg == pytest.approx(2_661_800, rel=1e-12)
    assert fp.luc_amortised_kg == pytest.approx(48_835, rel=1e-12)
    assert [b.value for b in land_use.bases_in(fp.notes)] == ["year_unknown", "year_inside", "before_window"]
    # the footprint with land-use change is the footprint without it plus 48.835 kg/kg
    doc = footprint_document(fp)["land_use_change"]
    assert doc["with"]["gross_kg_co2e_per_kg"] == pytest.approx(fp.gross_per_kg + 48.835, rel=1e-12)
    assert doc["with"]["net_kg_co2e_per_kg"] == pytest.approx(fp.net_per_kg + 48.835, rel=1e-12)
    assert doc["without"]["net_kg_co2e_per_kg"] == pytest.approx(fp.net_per_kg, rel=1e-12)


def test_the_region_by_pas_2050(region, promperu):
    """The report dates the region's deforestation 2001–2017 (MINAM): inside the 20 years of the 2019 campaign.
    422,566 t / 20 = 21,128.3 t a year; ÷ 9,569,017 kg = +2.21 kg CO2e/kg; net 1.43 → 3.64 with it."""
    conversion = region.land_use_change.conversions[0]
    assert (conversion.year, conversion.year_last, region.general.campaign_year) == (2001, 2017, 2019)
    fp = compute(region, promperu)
    assert fp.luc_one_off_kg / 1000 == pytest.approx(422_566, rel=1e-8)
    assert fp.luc_amortised_kg / 1000 == pytest.approx(21_128.3, abs=0.05)
    assert round(fp.luc_amortised_kg / 1000) == 21_128
    assert fp.luc_amortised_per_kg == pytest.approx(2.208, abs=0.0005)
    assert round(fp.luc_amortised_per_kg, 2) == 2.21
    assert round(fp.net_per_kg, 2) == 1.43 and round(fp.per_kg(fp.net_with_luc_kg), 2) == 3.64
    assert round(fp.gross_per_kg, 2) == 4.53 and round(fp.per_kg(fp.gross_with_luc_kg), 2) == 6.74
    assert [b.value for b in land_use.bases_in(fp.notes)] == ["range_inside"]
    assert "21 128,3 t CO2e/año, +2,21 kg CO2e por kg de cacao" in luc_figure(fp, "es")
    # before this rule an undated region counted 0 t/yr "as in PAS 2050": now the same 21,128.3
    undated = region.model_copy(deep=True)
    undated.land_use_change.conversions[0].year = None
    undated.land_use_change.conversions[0].year_last = None
    assert compute(undated, promperu).luc_amortised_kg == pytest.approx(fp.luc_amortised_kg, rel=1e-12)


def test_the_ten_cooperatives_add_up_to_the_region(cooperatives, promperu):
    total = roll_up(cooperatives.surveys, promperu).total
    assert sum(c.hectares for s in cooperatives.surveys for c in s.land_use_change.conversions) == \
        pytest.approx(1774, abs=1e-9)
    assert total.luc_amortised_kg / 1000 == pytest.approx(21_128.3, abs=0.05)
    assert [b.value for b in land_use.bases_in(total.notes)] == ["range_inside"]


def test_the_text_table_shows_the_figure_the_assumption_and_both_footprints(region, promperu):
    text = text_table(compute(region, promperu), promperu, "en")
    assert "amortised over 20 years (PAS 2050): 21,128.3 t CO2e/yr, +2.21 kg CO2e per kg of cocoa." in text
    assert "Assumption: conversion period: taken at its first year (PAS 2050 §5.6)" in text
    gross = next(line for line in text.splitlines() if line.startswith("Gross emissions") and "6.740" in line)
    assert gross.split()[-2:] == ["4.532", "6.740"]
    net = [line for line in text.splitlines() if line.startswith("Net emissions")][-1]
    assert net.split()[-2:] == ["1.432", "3.640"]


def test_old_files_stay_valid_a_missing_year_is_unknown(tmp_path, ipcc):
    doc = {"format": "cocoa-desktop/survey", "format_version": 1,
           "survey": farm().model_dump(mode="json") | {
               "land_use_change": {"conversions": [{"hectares": 1.0, "previous_use": "primary_forest"}]}}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    survey = survey_io.read(path)
    assert isinstance(survey, Survey)
    conversion = survey.land_use_change.conversions[0]
    assert conversion.year is None and conversion.year_last is None
    assert compute(survey, ipcc).luc_amortised_kg == pytest.approx(ONE_HA_A_YEAR, rel=1e-12)


@pytest.mark.parametrize(("conversion", "code", "es", "en"), [
    ({"year": 2017, "year_last": 2001}, "period_order", "el último año del periodo (2001) es anterior al primero "
     "(2017)", "the last year of the period (2001) is before its first year (2017)"),
    ({"year_last": 2017}, "period_first_missing", "un periodo necesita también su primer año",
     "a period also needs its first year"),
])
def test_a_period_must_read_first_then_last(conversion, code, es, en):
    with pytest.raises(ValidationError) as caught:
        converted(**conversion)
    (issue,) = issues_from_validation_error(caught.value)
    assert issue.code == code and issue.path == "land_use_change.conversions.0.year_last"
    assert issue.message("es").startswith(es) and issue.message("en").startswith(en)
