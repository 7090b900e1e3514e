"""The "ipcc2006-ar5" set (GWP AR5: CH4 28, N2O 265) against hand-worked examples, one or more per stage.

Each expected value was worked out on paper from the formula and factors in the comment, not by the engine.
"""

from __future__ import annotations

import pytest
from helpers import farm

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.results import Stage

REL = 1e-9


def test_husk(ipcc):
    # 1000 kg cocoa × 8.5 = 8500 kg husk.
    # scattered: 0.156 DM × 0.01 N × (0.01 + 0.30 × 0.0075) × 44/28 × 265 = 0.00795795 kg CO2e/kg
    # heaped:    0.20 × 0.156/0.40 × 0.5 × 0.4 × 0.5 × 16/12 × 28       = 0.2912
    # composted: 0.004 × 28 + 0.0003 × 265                              = 0.1915
    # 8500 × (0.5 × 0.00795795 + 0.25 × 0.2912 + 0.25 × 0.1915)         = 1059.5587875
    survey = farm(husk={"shares": {"left_on_soil": 0.5, "heaped": 0.25, "composted": 0.25}})
    assert compute(survey, ipcc).stages[Stage.HUSK] == pytest.approx(1059.5587875, rel=REL)


def test_husk_burned_and_biodigester(ipcc):
    # half the husk (4250 kg) of each:
    # burned: 4250 × 0.156 DM × 0.8 burned × (0.0027 × 28 + 0.00007 × 265) = 530.4 × 0.09415 = 49.93716
    # biodigester: 4250 × 0.0008 × 28 = 95.2
    survey = farm(husk={"shares": {"burned": 0.5, "biodigester": 0.5}})
    assert compute(survey, ipcc).stages[Stage.HUSK] == pytest.approx(49.93716 + 95.2, rel=REL)


def test_fertilisation_urea(ipcc):
    # 100 kg urea, 46 % N → 46 kg N.
    # N2O: 46 × (0.01 + 0.10 × 0.01 + 0.30 × 0.0075) × 44/28 × 265 = 253.81321...
    # manufacture 46 × 3.5 = 161; urea CO2 100 × 0.20 × 44/12 = 73.3333...
    survey = farm(fertilisation={"products": [{"type": "urea", "kg_per_year": 100, "n_percent": 46}]})
    assert compute(survey, ipcc).stages[Stage.FERTILISATION] == pytest.approx(488.146547619, rel=REL)


def test_fertilisation_own_compost_lime_and_pesticide(ipcc):
    # own compost 20 kg/ha × 2 ha = 40 kg at 0.8 % N = 0.32 kg N (no manufacture):
    #   0.32 × (0.01 + 0.20 × 0.01 + 0.30 × 0.0075) × 44/28 × 265 = 1.898914286
    # lime 50 kg × 0.12 × 44/12 = 22.0 ; herbicide 0.5 kg a.i. × 23.1 = 11.55 ; gasoline 10 l × 2.272 = 22.72
    survey = farm(fertilisation={
        "products": [{"type": "own_compost", "kg_per_ha": 20, "hectares": 2, "n_percent": 0.8},
                     {"type": "lime", "kg_per_year": 50}],
        "pesticides": [{"type": "herbicide", "active_ingredient_kg": 0.5}],
        "fuels": [{"fuel": "gasoline", "amount": 10}],
    })
    expected = 1.898914286 + 22.0 + 11.55 + 22.72
    assert compute(survey, ipcc).stages[Stage.FERTILISATION] == pytest.approx(expected, rel=1e-9)


def test_fermentation_is_biogenic_zero(ipcc):
    assert compute(farm(), ipcc).stages[Stage.FERMENTATION] == 0.0


def test_drying_mechanical(ipcc):
    # 100 l diesel × 2.676 + 1000 kWh × 0.25 + 20 kg firewood × (0.00468 × 28 + 0.0000624 × 265)
    # = 267.6 + 250 + 20 × 0.147576 = 520.55152
    survey = farm(drying={"shares": {"mechanical": 1.0},
                          "fuels": [{"fuel": "diesel", "amount": 100}, {"fuel": "firewood", "amount": 20}],
                          "electricity_kwh": 1000})
    assert compute(survey, ipcc).stages[Stage.DRYING] == pytest.approx(520.55152, rel=REL)


def test_packaging_with_reuse(ipcc):
    # 500 sacks × 0.1 kg × 3.105 / 2 uses = 77.625 ; jute 0
    survey = farm(packaging=[{"type": "polypropylene_sack", "bags_per_year": 500, "kg_per_bag": 0.1,
                              "reuse_cycles": 2},
                             {"type": "jute_sack", "bags_per_year": 100, "kg_per_bag": 0.5}])
    assert compute(survey, ipcc).stages[Stage.PACKAGING] == pytest.approx(77.625, rel=REL)


def test_transport_distance_and_fuel_based(ipcc):
    # pickup: 10 trips × 16.09344 km = 100 miles × 0.62537 = 62.537
    # truck with known fuel: 50 l diesel × 2.676 = 133.8 (preferred over distance)
    survey = farm(transport={"legs": [
        {"vehicle": "pickup", "trips_per_year": 10, "distance": 16.09344},
        {"vehicle": "rigid_truck", "trips_per_year": 4, "distance": 300, "fuel": "diesel", "litres_per_year": 50},
    ]})
    assert compute(survey, ipcc).stages[Stage.TRANSPORT] == pytest.approx(62.537 + 133.8, rel=REL)


def test_sequestration_per_area(ipcc):
    # 2 ha agroforestry (timber) 8-15 yr × 1.2 t C × 44/12 × 1000 = 8800 kg CO2 ; 1 ha monoculture 30+ × 0.35 → 1283.33
    survey = farm(general={"organisation": "C", "campaign_year": 2024, "productive_area_ha": 3,
                           "dry_cocoa_kg": 1000, "areas": [
                               {"system": "agroforestry_timber", "age_class": "8-15", "hectares": 2},
                               {"system": "monoculture", "age_class": "30+", "hectares": 1}]})
    assert compute(survey, ipcc).sequestration_kg == pytest.approx(8800 + 1283.333333333, rel=1e-9)


def test_land_use_change_one_off_and_amortised(ipcc):
    # 1 ha primary forest converted 5 years before the campaign: 561.7 t one-off, 561.7/20 = 28.085 t per year;
    # 2 ha converted 30 years before: one-off only (outside the 20-year window).
    survey = farm(land_use_change={"conversions": [
        {"hectares": 1, "year": 2019, "previous_use": "primary_forest"},
        {"hectares": 2, "year": 1994, "previous_use": "primary_forest"}]})
    fp = compute(survey, ipcc)
    assert fp.luc_one_off_kg == pytest.approx(3 * 561_700, rel=REL)
    assert fp.luc_amortised_kg == pytest.approx(28_085, rel=REL)


def test_gwp_set_is_selectable_independently(region):
    from cocoa_desktop.engine.footprint.factors import factors_for

    ar4 = compute(region, factors_for("promperu-2020", "AR4")).stages[Stage.HUSK]
    ar6 = compute(region, factors_for("promperu-2020", "AR6")).stages[Stage.HUSK]
    husk = 9_569_017 * 8.5
    # composting: (0.004 × 27 + 0.0003 × 273) − 0.1894 = 0.0005 per kg husk;
    # husk piled on the soil is methane (0.03626824 kg CH4/kg husk): × (27 − 25) = 0.07253648 per kg husk
    expected = husk * 0.57497 * 0.0005 + husk * 0.42503 * 0.03626824 * (27 - 25)
    assert ar6 - ar4 == pytest.approx(expected, rel=1e-6)
