"""Each recommendation rule fires on the right inputs and stays quiet otherwise; sizes by hand; the report beside."""

from __future__ import annotations

import pytest
from helpers import farm

from cocoa_desktop.engine.decisions.recommendation_words import (
    comparison,
    compensation_words,
    densification_comparison,
    message,
    reduction_words,
)
from cocoa_desktop.engine.decisions.recommendations import HIERARCHY, Tier, plan_for, plans
from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.compute import compute

ROT = 0.03626824 * 25
COMPOST = 0.004 * 25 + 0.0003 * 298
PLASTIC = 8.609143


def plan(f, survey, campaign_yield=0.0):
    return plan_for(survey.cooperative, [survey], compute(survey, f), f, campaign_yield)


def codes(p):
    return [r.code for r in p.items]


def test_compost_fires_on_husk_left_to_rot_and_stays_quiet_when_all_is_composted(promperu, ipcc):
    rot = plan(promperu, farm(husk={"shares": {"heaped": 0.6, "composted": 0.4}}))
    rec = rot.item("compost")
    assert rec is not None and rec.tier is Tier.REDUCE
    assert rec.saving_t == pytest.approx(1000 * 8.5 * 0.6 * (ROT - COMPOST) / 1000, rel=1e-9)
    assert rec.numbers["rotting_share"] == pytest.approx(0.6)
    assert "60 %" in message(rec, "es")
    assert plan(promperu, farm(husk={"shares": {"composted": 1.0}})).item("compost") is None
    # IPCC: husk spread thinly emits less than compost (N2O only): composting it would not help
    assert plan(ipcc, farm(husk={"shares": {"left_on_soil": 1.0}})).item("compost") is None
    assert plan(ipcc, farm(husk={"shares": {"heaped": 1.0}})).item("compost") is not None


def test_jute_fires_on_plastic_bags_only(promperu):
    bags = farm(packaging=[{"type": "plastic_bag", "material_kg_per_year": 12.0},
                           {"type": "jute_sack", "material_kg_per_year": 30.0}])
    rec = plan(promperu, bags).item("jute")
    assert rec is not None and rec.tier is Tier.AVOID
    assert rec.saving_t == pytest.approx(12 * PLASTIC / 1000, rel=1e-12)
    assert rec.numbers["plastic_kg"] == 12
    assert plan(promperu, farm(packaging=[{"type": "jute_sack", "material_kg_per_year": 30.0}])).item("jute") is None
    assert plan(promperu, farm()).item("jute") is None


def test_deforestation_and_its_separate_compensation(promperu):
    cleared = farm(land_use_change={"conversions": [{"hectares": 10.0, "previous_use": "primary_forest"}]})
    p = plan(promperu, cleared)
    avoid, luc = p.item("deforestation"), p.item("land_use_change")
    assert avoid.tier is Tier.AVOID and luc.tier is Tier.COMPENSATE
    t = 10 * 238.19955
    assert luc.numbers["t"] == pytest.approx(t)
    assert luc.numbers["ha"] == pytest.approx(t / (7.0 * 20))  # absorbed in 20 years at 7 t CO2e/ha/yr: 17.0 ha
    assert (luc.numbers["ha_low"], luc.numbers["ha_high"]) == (pytest.approx(t / 300), pytest.approx(t / 100))
    assert "17,0 ha" in message(luc, "es") and "20 años" in message(luc, "es")
    plain = plan(promperu, farm())
    assert plain.item("deforestation") is None and plain.item("land_use_change") is None


def test_densify_fires_well_below_the_campaigns_yield(promperu):
    low = farm(husk={"shares": {"composted": 1.0}}, fertilisation={"data_collected": False})  # 500 kg/ha
    rec = plan(promperu, low, campaign_yield=1000.0).item("densify")
    assert rec.tier is Tier.RESTORE and rec.numbers["ratio"] == pytest.approx(0.5)
    assert rec.numbers["extra_kg"] == pytest.approx(1000)
    per_kg = 8.5 * COMPOST + 0.0714075 - 3.1  # per kg of cocoa, whatever the yield
    assert rec.numbers["net_per_kg"] == pytest.approx(per_kg + 2 * 230.2763 / 1000, rel=1e-9)
    assert rec.numbers["net_per_kg_after"] == pytest.approx(per_kg + 2 * 230.2763 / 2000, rel=1e-9)
    assert plan(promperu, low, campaign_yield=600.0).item("densify") is None  # 83 % of the campaign's
    assert plan(promperu, low, campaign_yield=0.0).item("densify") is None


def test_residual_compensation_sized_in_hectares_and_credits(promperu):
    fertilised = farm(husk={"shares": {"composted": 1.0}},
                      fertilisation={"products": [{"type": "urea", "kg_per_year": 1000.0, "n_percent": 46.0}]})
    p = plan(promperu, fertilised)
    assert codes(p) == ["residual"]  # nothing to avoid, reduce or restore
    urea = 460 * (0.01 + 0.1 * 0.01 + 0.3 * 0.0075) * 44 / 28 * 298 + 460 * 3.5 + 1000 * 0.2 * 44 / 12
    net_t = (1000 * 8.5 * COMPOST + urea + 1000 * 0.0714075 - 3100) / 1000  # 3.78 t
    rec = p.item("residual")
    assert rec.numbers["t"] == pytest.approx(net_t, rel=1e-9) == p.residual_t
    assert rec.numbers["ha"] == pytest.approx(net_t / 7.0)
    assert (rec.numbers["usd_7.17"], rec.numbers["usd_15"], rec.numbers["usd_28"]) == (
        pytest.approx(net_t * 7.17), pytest.approx(net_t * 15), pytest.approx(net_t * 28))
    assert p.split() == (0.0, 1.0)
    assert "USD 27" in message(rec, "en") and "7.17" in message(rec, "en")
    assert compensation_words(p, "es") == "3,8 t/año: 0,54 ha de plantación o 3,8 créditos"


def test_a_net_sink_gets_a_dash_not_reduce_zero(promperu):
    sink = farm(husk={"shares": {"composted": 1.0}})  # 1.61 + 0.07 + 0.46 − 3.10 < 0
    p = plan(promperu, sink)
    assert p.is_sink and p.item("residual") is None and p.split() is None
    assert compensation_words(p) == "–" and reduction_words(p) == "–"
    assert "«–»" in comparison(p, "es") and "0 t" not in compensation_words(p)


def test_the_ten_cooperatives_in_hierarchy_order_with_the_report_beside(cooperatives, promperu):
    table = campaign_table(cooperatives.surveys, promperu)
    found = {p.name: p for p in plans(table, cooperatives.surveys, promperu)}
    for p in found.values():
        tiers = [r.tier for r in p.items]
        assert tiers == sorted(tiers, key=HIERARCHY.index)
    acopagro = found["Cooperativa Agraria Cacaotera Acopagro"]
    assert acopagro.item("compost") is None and acopagro.item("residual") is None  # composts all; a sink
    assert compensation_words(acopagro) == "–" == acopagro.published.compensation_words()
    paraiso = found["Cooperativa Agroindustrial Paraíso Ltda."]
    # 350,296 kg × 8.5 × 0.6 heaped × (0.906706 − 0.1894) = 1,281.5 t/yr, more than its 865 t net
    assert paraiso.item("compost").saving_t == pytest.approx(350_296 * 8.5 * 0.6 * (ROT - COMPOST) / 1000, rel=1e-6)
    assert paraiso.item("residual") is None
    words = comparison(paraiso, "es")
    assert "~70 %" in words and "~30 %" in words and "1 288" in words and "865" in words and "compensa igual" in words
    flagged = sorted(name for name, p in found.items() if p.item("densify"))
    assert flagged == ["Cooperativa Agraria Allima Cacao Ltda.", "Cooperativa Agraria Apahui Ltda.",
                       "Cooperativa Agraria del Valle del Mishollo"]
    text = densification_comparison(list(found.values()), "en")
    assert "Not in the report: Cooperativa Agraria del Valle del Mishollo" in text and ".." not in text


def test_sequestration_counted_zero_is_said_wherever_the_residual_is(ipcc, promperu, cooperatives, capsys):
    """Issue 19 point 4: under the IPCC set with no areas by system and age every cooperative was told to offset
    its whole net without the note compute shows. Now the residual says it (the same note), in the CLI's text and
    JSON too; with the PROMPERÚ set (sequestration per kg) nothing is added."""
    import json

    from cocoa_desktop.cli import main
    from cocoa_desktop.engine.files.resources import example_path
    from cocoa_desktop.engine.footprint.results import note_message

    note = note_message("sequestration_no_areas", "es")  # "Sin áreas por sistema y edad: el secuestro … cuenta 0."
    table = campaign_table(cooperatives.surveys, ipcc)
    for p in plans(table, cooperatives.surveys, ipcc):
        assert p.footprint.sequestration_kg == 0 and p.notes == ["sequestration_no_areas"]
        residual = p.item("residual")
        assert residual is not None and note in message(residual, "es")
        assert "nothing absorbed by the cocoa subtracted" in message(residual, "en")
    for p in plans(campaign_table(cooperatives.surveys, promperu), cooperatives.surveys, promperu):
        assert p.notes == [] and all(note not in message(r, "es") for r in p.items)
    path = str(example_path("san-martin-2020-cooperatives.json"))
    capsys.readouterr()
    assert main(["recommend", path, "--factor-set", "ipcc2006-ar5"]) == 0
    text = capsys.readouterr().out
    assert text.count(note) == 10  # once per cooperative, in its residual
    assert main(["recommend", path, "--factor-set", "ipcc2006-ar5", "--json", "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert all(row["notes"] == [{"code": "sequestration_no_areas", "message": note_message(
        "sequestration_no_areas", "en") + " What is left to compensate is the whole net emission, with nothing "
        "absorbed by the cocoa subtracted: enter the areas by system and age to count it."}]
        for row in doc["cooperatives"])


def test_a_plan_without_a_residual_still_says_the_note(ipcc):
    """The note rides on the residual; a plan with no residual to carry it (reductions cover the net) says it apart
    (the CLI's text prints it as a "Nota" line)."""
    from cocoa_desktop.engine.decisions.recommendation_words import plan_notes, sequestration_zero_words
    from cocoa_desktop.engine.decisions.recommendations import Plan

    p = plan(ipcc, farm(husk={"shares": {"heaped": 1.0}}))
    assert p.item("residual").numbers["sequestration_zero"] == 1.0
    assert plan_notes(p, "es", unsaid_only=True) == [] and plan_notes(p, "es") == [sequestration_zero_words("es")]
    bare = Plan(p.name, p.footprint, [r for r in p.items if r.code != "residual"])
    assert plan_notes(bare, "es", unsaid_only=True) == [sequestration_zero_words("es")]


def test_estimated_deforestation_is_said_as_an_estimate_by_area_share(promperu, cooperatives, region):
    """Issue 19 point 5: each cooperative's deforestation is the region's 1,774 ha (report) shared out by area:
    Acopagro 5,000 / 9,301 × 1,774 = 953.7 ha, × 238.19955 t/ha = 227,171 t. It was printed as a measured fact."""
    from cocoa_desktop.engine.decisions.recommendation_words import estimate_sentence

    table = campaign_table(cooperatives.surveys, promperu)
    acopagro = next(p for p in plans(table, cooperatives.surveys, promperu) if "Acopagro" in p.name)
    rec = acopagro.item("deforestation")
    assert rec.numbers["ha"] == pytest.approx(round(1774 * 5000 / 9301, 1))
    assert rec.numbers["t"] == pytest.approx(953.7 * 238.19955, rel=1e-6)
    words = message(rec, "es")
    assert "se estiman 953,7 ha convertidas de bosque" in words and "repartidos por área" in words
    assert "dato estimado, no medido" in words and "unas 227 171 t CO2e" in words
    assert "an estimated 953.7 ha converted from forest (estimated, not measured" in message(rec, "en")
    assert "cambio de uso del suelo estimado" in message(acopagro.item("land_use_change"), "es")
    assert "son una estimación, no una medición: 1,774 ha regionales repartidos por área" in estimate_sentence(
        acopagro, "es")
    # the region's own 1,774 ha (the report's figure) is not an estimate of this kind
    whole = plan(promperu, region)
    assert whole.item("deforestation").numbers["estimated"] == 0.0 and estimate_sentence(whole, "es") == ""
    assert "1 774,0 ha convertidas de bosque emitieron 422 566 t CO2e" in message(whole.item("deforestation"), "es")


def test_nothing_to_reduce_reads_as_a_dash_not_as_advice(promperu):
    """Issue 19 point 5: a cooperative that composts all its husk and packs in jute was told "Reducir 0 t/año" in
    the workbook; the report's §7 shows "–" (Acopagro) and so do the app, the CLI, the PDF and the workbook now."""
    p = plan(promperu, farm(husk={"shares": {"composted": 1.0}}, packaging=[{"type": "jute_sack",
                                                                             "material_kg_per_year": 50.0}]))
    assert p.reductions_t == 0 and reduction_words(p, "es") == "–" and reduction_words(p, "en") == "–"
