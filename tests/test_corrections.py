"""Method corrections (issue 9), each against a number worked by hand from the cited factor."""

from __future__ import annotations

import pytest
from helpers import farm
from pydantic import ValidationError

from cocoa_desktop.cli import main
from cocoa_desktop.engine.footprint.checks import survey_warnings
from cocoa_desktop.engine.footprint.compute import compute, explain
from cocoa_desktop.engine.footprint.explanation import describe
from cocoa_desktop.engine.footprint.factors import factors_for, load_factor_set
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.footprint.stages.husk import destination_efs
from cocoa_desktop.engine.model import vocabulary

REL = 1e-12


def _leg(**leg: object) -> dict[str, object]:
    return {"legs": [{"vehicle": "pickup", **leg}]}


@pytest.mark.parametrize("set_id", ["ipcc2006-ar5", "promperu-2020"])
def test_gasoline_pickup_takes_the_gasoline_factor(set_id):
    # GHG Protocol mobile combustion tool v2.2, light goods vehicle: gasoline 0.53079, diesel 0.62537 kg CO2/mile
    f = factors_for(set_id)
    gasoline = compute(farm(transport=_leg(fuel="gasoline", distance=100, distance_unit="mi")), f)
    diesel = compute(farm(transport=_leg(fuel="diesel", distance=100, distance_unit="mi")), f)
    unknown = compute(farm(transport=_leg(distance=100, distance_unit="mi")), f)
    assert gasoline.stages[Stage.TRANSPORT] == pytest.approx(53.079, rel=REL)
    assert diesel.stages[Stage.TRANSPORT] == pytest.approx(62.537, rel=REL)
    assert unknown.stages[Stage.TRANSPORT] == pytest.approx(62.537, rel=REL)  # the table's default: diesel


def test_litres_without_a_fuel_are_refused():
    with pytest.raises(ValidationError) as caught:
        farm(transport=_leg(distance=0, litres_per_year=500))
    assert caught.value.errors()[0]["type"] == "fuel_missing"


def test_a_leg_needs_a_distance_or_litres():
    with pytest.raises(ValidationError) as caught:
        farm(transport=_leg(fuel="diesel"))
    assert caught.value.errors()[0]["type"] == "distance_missing"
    ok = farm(transport=_leg(fuel="diesel", litres_per_year=100))  # litres alone are enough
    assert ok.transport.legs[0].distance is None


def test_firewood_is_not_a_vehicle_fuel():
    with pytest.raises(ValidationError) as caught:
        farm(transport=_leg(fuel="firewood", litres_per_year=100))
    assert caught.value.errors()[0]["type"] == "vehicle_fuel"


def test_lpg_litres_are_converted_with_the_liquid_density(ipcc):
    # IPCC 2006 Vol. 2: 63,100 kg CO2/TJ × 47.3 TJ/Gg = 2.985 kg CO2/kg; liquid LPG 0.53 kg/l
    fp = compute(farm(transport=_leg(fuel="lpg", litres_per_year=500, distance=0)), ipcc)
    assert fp.stages[Stage.TRANSPORT] == pytest.approx(500 * 0.53 * 2.985, rel=REL)  # 791.025, not 1,492.5


def test_litres_win_over_a_distance_and_the_explanation_says_so(ipcc):
    survey = farm(transport=_leg(fuel="diesel", litres_per_year=500, distance=100))
    fp, steps = explain(survey, ipcc)
    assert fp.stages[Stage.TRANSPORT] == pytest.approx(500 * 2.676, rel=REL)  # IPCC diesel 2.676 kg CO2/l
    (step,) = [s for s in steps if s.stage == Stage.TRANSPORT]
    assert step.key == "transport_litres_over_distance"
    assert "distancia escrita no se usa" in describe(step, ipcc, "es").formula
    assert "distance typed is not used" in describe(step, ipcc, "en").formula


def test_the_calibrated_husk_factor_is_methane_and_follows_the_gwp_set():
    ar4, ar6 = factors_for("promperu-2020", "AR4"), factors_for("promperu-2020", "AR6")
    factor = load_factor_set("promperu-2020").factors["husk_left_on_soil_ch4"]
    assert factor.gas == "CH4" and factor.value == 0.03626824  # 0.906706 / 25
    assert "0.906706 / 25" in factor.source
    assert destination_efs(ar4)["heaped"] == pytest.approx(0.906706, rel=REL)  # reproduces the report at AR4
    assert destination_efs(ar6)["heaped"] == pytest.approx(0.03626824 * 27, rel=REL)
    assert destination_efs(ar4)["heaped"] * 8.5 == pytest.approx(7.707, abs=0.001)  # kg CO2e per kg cocoa


def test_promperu_with_another_gwp_set_says_the_report_used_ar4(region):
    assert "gwp_not_published" not in compute(region, factors_for("promperu-2020")).notes
    assert "gwp_not_published" in compute(region, factors_for("promperu-2020", "AR6")).notes
    assert "gwp_not_published" not in compute(region, factors_for("ipcc2006-ar5", "AR6")).notes


def test_every_factor_says_its_gas_basis(capsys):
    for set_id in ("promperu-2020", "ipcc2006-ar5"):
        fs = load_factor_set(set_id)
        emission_factors = [f for f in fs.factors.values()
                            if f.unit.startswith(("kg CO2", "kg CH4", "kg N2O", "t CO2", "t C /"))]
        assert all(f.gas is not None for f in emission_factors), [f.id for f in emission_factors if not f.gas]
    ipcc = load_factor_set("ipcc2006-ar5").factors
    # the GHG Protocol vehicle factors are CO2 only: labelled so, not CO2e
    assert ipcc["vehicle_rigid_truck"].gas == "CO2" and ipcc["vehicle_rigid_truck"].unit.startswith("kg CO2 /")
    assert load_factor_set("promperu-2020").factors["fermentation_box"].gas == "CO2e"
    assert main(["factors"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("husk_left_on_soil_ch4"))
    assert " CH4 " in line


def test_husk_destinations_cannot_be_confused():
    heaped_es, heaped_en = vocabulary.HUSK["heaped"]
    spread_es, spread_en = vocabulary.HUSK["left_on_soil"]
    assert "pilas" in heaped_es and "sin aire" in heaped_es and "heaps" in heaped_en
    assert "esparcida" in spread_es.lower() and "thinly" in spread_en


def test_every_choice_has_words_in_both_languages():
    for name, enum in vocabulary.ENUM_OF.items():
        words = vocabulary.LISTS[name]
        assert {m.value for m in enum} <= set(words), name
        assert all(es and en for es, en in words.values())
    assert vocabulary.key_of(vocabulary.VEHICLE, "camion rigido") == "rigid_truck"
    assert vocabulary.key_of(vocabulary.VEHICLE, "Rigid truck") == "rigid_truck"
    assert vocabulary.key_of(vocabulary.VEHICLE, "rigid_truck") == "rigid_truck"
    assert vocabulary.key_of(vocabulary.VEHICLE, "bicicleta") is None


def test_region_example_means_husk_piled_on_the_soil(region):
    assert region.husk.shares == {"heaped": 0.42503, "composted": 0.57497}


@pytest.mark.parametrize(("sections", "note"), [
    ({"drying": {"electricity_kwh": 100.0}}, "drying_energy_without_dryer"),
    ({"land_use_change": {"conversions": [{"hectares": 1, "year": 2030}]}}, "luc_after_campaign"),
    ({"land_use_change": {"conversions": [{"hectares": 1, "year": 1990}]}}, "luc_before_window"),
    ({"fertilisation": {"data_collected": False, "products": [{"type": "urea", "kg_per_year": 10}]}},
     "fertilisation_products_ignored"),
    ({"fertilisation": {"products": [{"type": "bought_compost", "kg_per_year": 100, "n_percent": 1.5}]}},
     "bought_compost_no_burden"),
    ({"general": {"organisation": "C", "campaign_year": 2024, "productive_area_ha": 2, "dry_cocoa_kg": 1000,
                  "areas": [{"system": "monoculture", "age_class": "8-15", "hectares": 2}]}},
     "sequestration_areas_unused"),
])
def test_nothing_is_ignored_silently(sections, note, promperu):
    assert note in compute(farm(**sections), promperu).notes
    assert note not in compute(farm(), promperu).notes


def test_a_result_that_used_an_unsourced_factor_says_which(promperu):
    fp = compute(farm(drying={"shares": {"mechanical": 1.0}, "electricity_kwh": 100.0}), promperu)
    assert "unsourced:grid_electricity" in fp.notes
    moto = compute(farm(transport=_leg(distance=10) | {"legs": [{"vehicle": "motorcycle", "distance": 10}]}), promperu)
    assert "unsourced:vehicle_motorcycle" in moto.notes
    assert not any(n.startswith("unsourced:") for n in compute(farm(), promperu).notes)


def _codes(survey, f) -> set[str]:
    return {w.code for w in survey_warnings(survey, compute(survey, f))}


def test_plausibility_warnings_name_the_likely_slip(ipcc):
    general = {"organisation": "C", "campaign_year": 2024, "productive_area_ha": 2.0}
    assert "yield_high" in _codes(farm(general=general | {"dry_cocoa_kg": 10_000}), ipcc)  # 5,000 kg/ha
    assert "yield_low" in _codes(farm(general=general | {"dry_cocoa_kg": 150}), ipcc)  # 75 kg/ha
    assert not {"yield_high", "yield_low"} & _codes(farm(), ipcc)  # 500 kg/ha
    # cocoa per bag (69 kg) typed as the empty bag's weight: 20 bags × 69 kg × 3.105 / 1,000 kg = 4.3 kg/kg
    bags = farm(packaging=[{"type": "polypropylene_sack", "bags_per_year": 20, "kg_per_bag": 69}])
    warning = next(w for w in survey_warnings(bags, compute(bags, ipcc)) if w.code == "packaging_high")
    assert "envase vacío" in warning.message("es") and "empty bag" in warning.message("en")
    assert "packaging_high" not in _codes(farm(packaging=[{"type": "polypropylene_sack", "bags_per_year": 20,
                                                           "kg_per_bag": 0.1}]), ipcc)
    urea = farm(fertilisation={"products": [{"type": "urea", "kg_per_year": 2500, "n_percent": 46}]})  # 575 kg N/ha
    assert "nitrogen_high" in _codes(urea, ipcc)
    trucks = farm(transport={"legs": [{"vehicle": "rigid_truck", "trips_per_year": 100, "distance": 50}]})
    assert "transport_high" in _codes(trucks, ipcc)  # 100 × 50 km / 1.609 × 1.15125 / 1,000 kg = 3.6 kg/kg


def test_the_shipped_examples_raise_no_plausibility_warning(cooperatives, promperu):
    for survey in cooperatives.surveys:
        assert not {"yield_high", "yield_low", "packaging_high", "transport_high", "nitrogen_high"} & _codes(
            survey, promperu), survey.general.organisation
