"""Factor sets as data: provenance on every factor, the calibrated ones flagged, GWP sets independent."""

from __future__ import annotations

import pytest

from cocoa_desktop.engine.footprint.factors import FactorStatus, available_factor_sets, gwp_sets, load_factor_set
from cocoa_desktop.engine.footprint.stages.husk import composting_ef, destination_efs


def test_both_sets_ship():
    assert {"promperu-2020", "ipcc2006-ar5"} <= set(available_factor_sets())


@pytest.mark.parametrize("set_id", ["promperu-2020", "ipcc2006-ar5"])
def test_every_factor_has_value_unit_source_status(set_id):
    fs = load_factor_set(set_id)
    assert len(fs.factors) > 50
    for factor in fs.factors.values():
        assert factor.unit and len(factor.source) > 10, factor.id
        assert isinstance(factor.status, FactorStatus)


def test_gwp_sets():
    sets = gwp_sets()
    assert {k: (v.ch4, v.n2o) for k, v in sets.items()} == {
        "SAR": (21, 310), "TAR": (23, 296), "AR4": (25, 298), "AR5": (28, 265), "AR6": (27.0, 273)}


def test_promperu_composting_factor_is_the_ipcc_one_under_ar4():
    f = load_factor_set("promperu-2020").with_gwp()
    assert f.gwp.id == "AR4"
    assert composting_ef(f) == pytest.approx(0.1894, rel=1e-12)
    assert composting_ef(f) * 8.5 == pytest.approx(1.6099, rel=1e-12)  # per kg cocoa (methodology §4)


def test_promperu_calibrated_factors_are_marked():
    fs = load_factor_set("promperu-2020")
    calibrated = {f.id for f in fs.factors.values() if f.status is FactorStatus.CALIBRATED}
    assert {"husk_left_on_soil_ch4", "fertilisation_fallback_per_ha", "fermentation_box", "bag_plastic_bag",
            "vehicle_rigid_truck", "luc_primary_forest", "sequestration_per_kg"} <= calibrated
    assert fs.factors["bag_plastic_bag"].outside_range
    assert not fs.factors["husk_left_on_soil_ch4"].outside_range


def test_husk_left_on_soil_per_kg_cocoa():
    f = load_factor_set("promperu-2020").with_gwp()
    per_kg = destination_efs(f)["left_on_soil"] * 8.5
    assert 7.683 <= per_kg <= 7.718
    assert per_kg == pytest.approx(7.707, abs=0.001)
