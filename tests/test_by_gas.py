"""The product footprint by gas and origin (engine/footprint/by_gas.py) and what the footprint report states beside it
(engine/report_facts.py): known answers worked by hand from the factor files, and the split adding up to the gross."""

from __future__ import annotations

import math
import re

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.by_gas import Origin, gas_split
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.report_facts import (
    citation,
    factor_set_digest,
    factors_used,
    is_reconstructed,
    survey_facts,
)
from tests.helpers import farm, generated_surveys

REGION = example_path("san-martin-2020-region.json")
COOPS = example_path("san-martin-2020-cooperatives.json")


def _surveys(path) -> list:
    return list(survey_io.surveys_of(survey_io.read(path)))


def _simple_farm():
    """1,000 kg of dry cocoa, all husk composted, 100 kg of urea, drying on 10 l of diesel and 100 kg of firewood,
    10 kg of polypropylene sacks, 10 pickup trips of 100 km."""
    return farm(
        husk={"shares": {"composted": 1.0}},
        fertilisation={"products": [{"type": "urea", "kg_per_year": 100.0}]},
        drying={"shares": {"mechanical": 1.0}, "fuels": [{"fuel": "diesel", "amount": 10.0},
                                                         {"fuel": "firewood", "amount": 100.0}]},
        packaging=[{"type": "polypropylene_sack", "material_kg_per_year": 10.0}],
        transport={"legs": [{"vehicle": "pickup", "trips_per_year": 10, "distance": 100.0}]},
    )


def test_a_simple_farm_split_by_hand_under_the_ipcc_set():
    """IPCC 2006 + AR5 (CH4 28, N2O 265), every figure from resources/factors/ipcc2006-ar5.json by hand."""
    f = factors_for("ipcc2006-ar5")
    split = gas_split([_simple_farm()], f)
    husk = 1000 * 8.5  # kg fresh husk
    ch4 = husk * 0.004 * 28 + 100 * 0.00468 * 28  # composting 952, firewood 13.104
    n = 100 * 0.46  # urea 46 % N
    n2o = (husk * 0.0003 * 265  # composting 675.75
           + n * (0.01 + 0.1 * 0.01 + 0.3 * 0.0075) * 44 / 28 * 265  # soil: EF1 + FracGASF·EF4 + FracLEACH·EF5
           + 100 * 6.24e-5 * 265)  # firewood
    co2 = 100 * 0.2 * 44 / 12 + 10 * 2.676 + 10 * 100 / 1.609344 * 0.62537  # urea C, diesel, pickup per mile
    co2e = n * 3.5 + 10 * 3.105  # making synthetic N, polypropylene sacks (CO2e: gas not stated)
    assert split.cells[("CH4", Origin.BIOGENIC)] == pytest.approx(ch4, rel=1e-12)
    assert split.cells[("N2O", Origin.NITROGEN)] == pytest.approx(n2o, rel=1e-12)
    assert split.cells[("CO2", Origin.FOSSIL)] == pytest.approx(co2, rel=1e-12)
    assert split.cells[("CO2e", Origin.FOSSIL)] == pytest.approx(co2e, rel=1e-12)
    assert set(split.cells) == {("CH4", Origin.BIOGENIC), ("N2O", Origin.NITROGEN), ("CO2", Origin.FOSSIL),
                                ("CO2e", Origin.FOSSIL)}
    assert ch4 + n2o + co2 + co2e == pytest.approx(compute(_simple_farm(), f).gross_kg, rel=1e-12)
    assert split.total_kg == pytest.approx(split.gross_kg, rel=1e-12)
    assert round(split.total_kg, 2) == round(952 + 13.104 + 675.75 + 253.8133 + 1.6536 + 73.3333 + 26.76 + 388.5874
                                             + 161 + 31.05, 2) == 2577.05


def test_the_region_keeps_the_calibrated_co2e_apart():
    """PROMPERÚ 2020 set: fermentation (683.3 t) and the per-hectare fertilisation (2,141.8 t) are calibrated CO2e
    whose gas and origin the report does not give; plastic (177.4 t) and the truck (160.8 t) are CO2e of fossil
    origin; the husk is methane. Report §6 figures."""
    split = gas_split(_surveys(REGION), factors_for("promperu-2020"))
    assert split.cells[("CO2e", Origin.UNSTATED)] / 1000 == pytest.approx(683.3 + 2141.8, abs=0.1)
    assert split.cells[("CO2e", Origin.FOSSIL)] / 1000 == pytest.approx(177.4 + 160.8, abs=0.1)
    husk_t = 40_202.8
    composted_n2o_t = 9_569_017 * 8.5 * 0.57497 * 0.0003 * 298 / 1000
    assert split.cells[("N2O", Origin.NITROGEN)] / 1000 == pytest.approx(composted_n2o_t, abs=0.1)
    assert split.cells[("CH4", Origin.BIOGENIC)] / 1000 == pytest.approx(husk_t - composted_n2o_t, abs=0.1)
    assert split.total_kg / 1000 == pytest.approx(43_366.1, abs=0.1)
    assert ("CO2", Origin.BIOGENIC) not in split.cells  # biogenic CO2 counts zero


@pytest.mark.parametrize("set_id", ["promperu-2020", "ipcc2006-ar5"])
@pytest.mark.parametrize("gwp", [None, "AR6"])
def test_the_split_adds_up_to_the_gross_for_varied_surveys(set_id, gwp):
    f = factors_for(set_id, gwp)
    surveys = generated_surveys(60, seed=11)
    split = gas_split(surveys, f)
    assert split.total_kg == pytest.approx(math.fsum(compute(s, f).gross_kg for s in surveys), rel=1e-9)
    for survey in surveys:  # every step is split by its own gases: nothing left over as CO2e not stated by default
        one = gas_split([survey], f)
        assert one.total_kg == pytest.approx(one.gross_kg, rel=1e-9, abs=1e-9)
        if set_id == "ipcc2006-ar5":
            assert ("CO2e", Origin.UNSTATED) not in one.cells


def test_the_factors_used_are_those_the_result_read():
    region = factors_used(_surveys(REGION), factors_for("promperu-2020"))
    assert [x.id for x in region] == [
        "husk_ratio", "husk_left_on_soil_ch4", "compost_ch4", "compost_n2o", "fertilisation_fallback_per_ha",
        "fermentation_box", "bag_plastic_bag", "vehicle_rigid_truck", "sequestration_per_kg", "luc_primary_forest",
        "luc_amortisation_years"]
    coops = [x.id for x in factors_used(_surveys(COOPS), factors_for("promperu-2020"))]
    assert "fertilisation_fallback_per_ha" not in coops and "soil_ef1" in coops  # they have fertiliser data
    assert "grid_electricity" not in coops and "burn_ch4" not in coops  # no kWh, nothing burned


def test_citations_are_words_not_identifiers():
    for set_id in ("promperu-2020", "ipcc2006-ar5"):
        f = factors_for(set_id)
        for factor in f.factor_set.factors.values():
            for lang in ("es", "en"):
                text = citation(factor, lang)
                assert text and not re.search(r"\b[a-z]+_[a-z0-9_]+\b", text), (factor.id, text)
    f = factors_for("ipcc2006-ar5")
    assert citation(f.factor_set.factors["compost_ch4"], "en") == "IPCC 2006 Vol. 5 ch. 4 Table 4.1"
    assert citation(factors_for().factor_set.factors["fermentation_box"], "es") == \
        "calibrado al informe PROMPERÚ 2020 (sin valor de literatura)"


def test_the_digest_follows_the_numbers():
    f = factors_for("promperu-2020")
    assert factor_set_digest(f) == factor_set_digest(factors_for("promperu-2020"))
    assert factor_set_digest(f) != factor_set_digest(factors_for("promperu-2020", "AR5"))
    assert factor_set_digest(f) != factor_set_digest(factors_for("ipcc2006-ar5"))
    assert re.fullmatch(r"[0-9a-f]{8}", factor_set_digest(f))


def test_the_shipped_examples_are_known_as_reconstructed():
    coops, region = _surveys(COOPS), _surveys(REGION)
    facts = survey_facts(coops)
    assert (facts.count, facts.cooperatives, facts.reconstructed, facts.estimated, facts.measured) == (10, 10, 10, 0, 0)
    assert facts.units == {"cooperative": 10} and facts.years == (2019,) and facts.technicians == ()
    assert facts.without_technician == 10 and "general.dry_cocoa_kg" in facts.estimated_fields
    facts = survey_facts(region)
    assert facts.all_reconstructed and facts.technicians == ("PROMPERÚ / Alianza Cacao Perú",)
    renamed = region[0].model_copy(update={"id": "my-own-survey"})
    assert is_reconstructed(region[0]) and not is_reconstructed(renamed)
    from cocoa_desktop.storage.training import training_campaign

    training = training_campaign().surveys  # the workshop's copy of the ten cooperatives, ids of its own
    assert training[0].id != coops[0].id and survey_facts(training).all_reconstructed
    mine = [farm(), farm(estimated_fields=["husk.shares"])]
    facts = survey_facts(mine)
    assert (facts.reconstructed, facts.estimated, facts.measured) == (0, 1, 1)
