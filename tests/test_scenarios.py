"""What-if scenarios against hand-computed cases and the methodology's published reconstruction (§5)."""

from __future__ import annotations

import pytest
from helpers import farm

from cocoa_desktop.engine.decisions.scenario_changes import apply, parse_change
from cocoa_desktop.engine.decisions.scenarios import Scenario, composting_comparison, diversion_saving, run
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.model.issues import SurveyValidationError

ROT = 0.03626824 * 25  # kg CO2e per kg husk left to rot (PROMPERÚ 2020, AR4)
COMPOST = 0.004 * 25 + 0.0003 * 298  # 0.1894


def changed(survey, *texts):
    return apply(survey, [parse_change(t) for t in texts])


def test_composting_all_the_regions_husk_gives_the_methodologys_figures(region, promperu):
    result = run([region], Scenario("compost", (parse_change("husk.composted=100%"),)), promperu)
    after = result.after.total
    assert after.gross_kg / 1000 == pytest.approx(18_568, rel=0.001)  # methodology §5
    assert after.net_per_kg == pytest.approx(-1.16, abs=0.005)
    assert result.before.total.net_per_kg == pytest.approx(1.43, abs=0.005)
    assert after.stages[Stage.HUSK] == pytest.approx(9_569_017 * 8.5 * COMPOST, rel=1e-9)
    # other stages untouched
    for stage in (Stage.FERTILISATION, Stage.FERMENTATION, Stage.PACKAGING, Stage.TRANSPORT):
        assert after.stages[stage] == result.before.total.stages[stage]


def test_the_reports_80_percent_is_shown_beside_the_models_79(region, promperu):
    rot, compost, saved = diversion_saving(promperu)
    assert (rot, compost) == (pytest.approx(ROT), pytest.approx(COMPOST))
    assert saved == pytest.approx(1 - 0.1894 / 0.906706, rel=1e-6)  # 0.7911: "79 %"
    result = run([region], Scenario("compost", (parse_change("husk.composted=1"),)), promperu)
    es = composting_comparison(result, promperu, "es")
    assert "80 %" in es and "1,43 a 0,28" in es and "79 %" in es and "1,43 a -1,16" in es
    husk_cut = 1 - 9_569_017 * 8.5 * COMPOST / result.before.total.stages[Stage.HUSK]  # 61.7 % of the husk stage
    assert f"baja un {round(husk_cut * 100)} %" in es
    en = composting_comparison(result, promperu, "en")
    assert "applied the saving per kg of husk to the net footprint" in en and "79 %" in en
    other = run([region], Scenario("jute", (parse_change("packaging.jute_sack=1"),)), promperu)
    assert composting_comparison(other, promperu) is None


def test_husk_share_by_hand(promperu):
    base = farm(husk={"shares": {"heaped": 0.6, "composted": 0.4}})
    after = changed(base, "husk.composted=0,9")
    assert dict(after.husk.shares) == {"heaped": pytest.approx(0.1), "composted": 0.9}
    husk_before = 1000 * 8.5 * (0.6 * ROT + 0.4 * COMPOST)  # 5,268.16 kg
    husk_after = 1000 * 8.5 * (0.1 * ROT + 0.9 * COMPOST)  # 2,219.61 kg
    assert compute(base, promperu).stages[Stage.HUSK] == pytest.approx(husk_before, rel=1e-9)
    assert compute(after, promperu).stages[Stage.HUSK] == pytest.approx(husk_after, rel=1e-9)


@pytest.mark.parametrize(("text", "expected"), [
    ("husk.composted=0.9", {"composted": 0.9, "burned": 0.1}),  # 0.5 from the heaps, then 0.1 from burning
    ("husk.composted=10%", {"composted": 0.1, "burned": 0.2, "heaped": 0.7}),  # 0.2 back to the heaps
    ("husk.heaped=0", {"composted": 0.8, "burned": 0.2}),  # stop heaping: to compost
    ("husk.animal_feed=0.25", {"composted": 0.3, "burned": 0.2, "heaped": 0.25, "animal_feed": 0.25}),
    ("husk.Compostada=0.5", {"composted": 0.5, "burned": 0.2, "heaped": 0.3}),  # the Spanish word as the key
])
def test_husk_shares_are_rebalanced_from_the_husk_left_to_rot(text, expected):
    base = farm(husk={"shares": {"heaped": 0.5, "burned": 0.2, "composted": 0.3}})
    shares = {k.value: v for k, v in changed(base, text).husk.shares.items()}
    assert shares == {k: pytest.approx(v, abs=1e-12) for k, v in expected.items()}


def test_jute_instead_of_plastic_by_hand(promperu):
    base = farm(packaging=[{"type": "plastic_bag", "material_kg_per_year": 100.0}])
    half = changed(base, "packaging.jute=50%")
    assert compute(half, promperu).stages[Stage.PACKAGING] == pytest.approx(50 * 8.609143, rel=1e-9)
    assert compute(changed(base, "packaging.jute_sack=1"), promperu).stages[Stage.PACKAGING] == 0.0
    counted = farm(packaging=[{"type": "polypropylene_sack", "bags_per_year": 200, "kg_per_bag": 0.25,
                               "reuse_cycles": 2.0}, {"type": "jute_sack", "material_kg_per_year": 50.0}])
    after = changed(counted, "packaging.jute_sack=0.75")  # 100 kg in all: 25 kg of PP left (still used twice)
    assert compute(after, promperu).stages[Stage.PACKAGING] == pytest.approx(25 * 8.609143 / 2, rel=1e-9)


def test_yield_scales_production_bags_and_trips_but_not_the_area(promperu):
    base = farm(fertilisation={"data_collected": False},
                packaging=[{"type": "plastic_bag", "material_kg_per_year": 10.0}],
                transport={"legs": [{"vehicle": "rigid_truck", "trips_per_year": 10, "distance": 5,
                                     "distance_unit": "mi"}]})
    after = changed(base, "general.yield_kg_ha=+20%")
    assert after.production_kg == pytest.approx(1200)
    a, b = compute(base, promperu), compute(after, promperu)
    for stage in (Stage.HUSK, Stage.PACKAGING, Stage.TRANSPORT, Stage.FERMENTATION):
        assert b.stages[stage] == pytest.approx(a.stages[stage] * 1.2, rel=1e-12)
    assert b.stages[Stage.FERTILISATION] == a.stages[Stage.FERTILISATION] == pytest.approx(2 * 230.2763)
    assert b.net_per_kg - a.net_per_kg == pytest.approx(2 * 230.2763 * (1 / 1200 - 1 / 1000), rel=1e-9)
    assert changed(base, "general.yield_kg_ha=750").production_kg == pytest.approx(1500)


def test_agroforestry_area_by_hand(ipcc, promperu):
    base = farm(general={"organisation": "C", "campaign_year": 2024, "productive_area_ha": 2, "dry_cocoa_kg": 1000.0,
                         "areas": [{"system": "monoculture", "age_class": "8-15", "hectares": 2.0}]})
    after = changed(base, "general.agroforestry_ha=1.5")
    assert compute(base, ipcc).sequestration_kg == pytest.approx(2 * 0.6 * 44 / 12 * 1000)  # 4,400 kg CO2
    assert compute(after, ipcc).sequestration_kg == pytest.approx((0.5 * 0.6 + 1.5 * 1.2) * 44 / 12 * 1000)  # 7,700
    # PROMPERÚ 2020 counts sequestration per kg of cocoa: the areas change nothing, and the result says so
    assert compute(after, promperu).sequestration_kg == compute(base, promperu).sequestration_kg
    assert "sequestration_areas_unused" in compute(after, promperu).notes
    with pytest.raises(SurveyValidationError, match="2 ha"):
        changed(base, "general.agroforestry_ha=3")


def test_vehicle_and_fertiliser_by_hand(ipcc, promperu):
    base = farm(transport={"legs": [{"vehicle": "rigid_truck", "trips_per_year": 100, "distance": 10}]},
                fertilisation={"products": [{"type": "urea", "kg_per_year": 100.0, "n_percent": 46.0}]})
    truck = changed(base, "transport.vehicle=Tráiler (camión articulado)")
    assert compute(truck, ipcc).stages[Stage.TRANSPORT] == pytest.approx(1000 / 1.609344 * 1.71712, rel=1e-12)
    n2o = 46 * (0.01 + 0.1 * 0.01 + 0.3 * 0.0075) * 44 / 28 * 298
    urea = n2o + 46 * 3.5 + 100 * 0.2 * 44 / 12
    assert compute(base, promperu).stages[Stage.FERTILISATION] == pytest.approx(urea, rel=1e-12)
    own = compute(changed(base, "fertilisation.urea=own_compost"), promperu).stages[Stage.FERTILISATION]
    assert own == pytest.approx(46 * (0.01 + 0.2 * 0.01 + 0.3 * 0.0075) * 44 / 28 * 298, rel=1e-12)
    assert compute(changed(base, "fertilisation.urea=50%"), promperu).stages[Stage.FERTILISATION] == pytest.approx(
        urea / 2, rel=1e-12)


def test_any_field_by_its_path(promperu):
    base = farm(transport={"legs": [{"vehicle": "pickup", "trips_per_year": 10, "distance": 5}]})
    assert changed(base, "fermentation.method=Sacos").fermentation.method == "sack"
    assert changed(base, "transport.legs.0.distance=50").transport.legs[0].distance == 50
    assert changed(base, "general.dry_cocoa_kg=2.500,5").production_kg == 2500.5


@pytest.mark.parametrize(("text", "words"), [
    ("husk.composted=abc", "no es un número"),
    ("husk.composted=150%", "de 0 a 1"),
    ("nothing.here=1", "no es un dato de la encuesta"),
    ("transport.legs.3.distance=1", "no es un dato de la encuesta"),
    ("husk.composted", "RUTA=VALOR"),
    ("transport.vehicle=cohete", "no es una opción válida"),
    ("general.dry_cocoa_kg=-5", "no puede ser menor que 0"),
    ("packaging.jute=1", "no registra envases"),
])
def test_bad_changes_get_a_message(text, words):
    with pytest.raises(SurveyValidationError) as caught:
        changed(farm(), text)
    assert words in caught.value.summary("es")
    assert caught.value.summary("en") != caught.value.summary("es")


def test_a_scenario_for_one_cooperative_of_a_campaign(cooperatives, promperu):
    apahui = "Cooperativa Agraria Apahui Ltda."
    scenario = Scenario("Apahui composta", (parse_change("husk.composted=1"),), apahui)
    result = run(cooperatives.surveys, scenario, promperu)
    pairs = {name: (a, b) for name, a, b in result.pairs()}
    for name, (a, b) in pairs.items():
        if name not in (apahui, result.before.name):
            assert a.net_kg == b.net_kg
    a, b = pairs[apahui]
    assert b.net_kg - a.net_kg == pytest.approx(-125_923 * 8.5 * (ROT - COMPOST), rel=1e-4)
    total_change = result.after.total.net_kg - result.before.total.net_kg
    assert total_change == pytest.approx(b.net_kg - a.net_kg, rel=1e-9)
    assert Scenario.from_document(scenario.document()) == scenario
    with pytest.raises(SurveyValidationError):
        run(cooperatives.surveys, Scenario("x", (), "Nadie"), promperu)


def test_the_rows_a_workbook_sheet_writes(region, promperu):
    from cocoa_desktop.engine.decisions.text import scenario_rows

    result = run([region], Scenario("Compost", (parse_change("husk.composted=1"),)), promperu, "Región")
    rows = scenario_rows(result, promperu, "es")
    assert rows[0] == ["Escenario: Compost"] and rows[1] == ["Cambios", "husk.composted=1"]
    total = next(r for r in rows if r and r[0] == "Región")
    assert total[1] == pytest.approx(13_702.1, rel=1e-4) and total[5] == pytest.approx(-1.16, abs=0.005)
    husk = next(r for r in rows if r and r[0] == "Manejo de residuos (cáscara de mazorca)")
    assert husk[3] == pytest.approx(total[3])  # only the husk stage changes
    assert "79 %" in rows[-1][0]
    assert scenario_rows(result, promperu, "en")[0] == ["Scenario: Compost"]
