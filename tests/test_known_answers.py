"""Known answers from the PROMPERÚ 2020 report (methodology §2), with the "promperu-2020" factor set."""

from __future__ import annotations

import pytest

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.footprint.rollup import roll_up

REL = 0.005  # 0.5 %

# Published regional figures, t CO2e/yr (report §6) and kg CO2e per kg.
PUBLISHED_STAGES = {
    Stage.HUSK: (40_203.1, 0.9270),
    Stage.FERTILISATION: (2_141.8, 0.0494),
    Stage.FERMENTATION: (683.3, 0.0158),
    Stage.PACKAGING: (177.4, 0.0041),
    Stage.TRANSPORT: (160.8, 0.0037),
}


@pytest.mark.parametrize("stage", list(PUBLISHED_STAGES))
def test_region_stage_tonnes_and_share(region, promperu, stage):
    fp = compute(region, promperu)
    tonnes, share = PUBLISHED_STAGES[stage]
    assert fp.stages[stage] / 1000 == pytest.approx(tonnes, rel=REL)
    assert fp.share(stage) == pytest.approx(share, abs=0.0005)  # shares are published to 2 decimals of a %


def test_region_drying_is_zero(region, promperu):
    assert compute(region, promperu).stages[Stage.DRYING] == 0.0


def test_region_totals_and_intensities(region, promperu):
    fp = compute(region, promperu)
    assert fp.production_kg == 9_569_017
    assert fp.gross_kg / 1000 == pytest.approx(43_366.5, rel=REL)
    assert fp.sequestration_kg / 1000 == pytest.approx(29_663.95, rel=REL)
    assert fp.net_kg / 1000 == pytest.approx(13_702.5, rel=REL)
    assert fp.gross_per_kg == pytest.approx(4.53, rel=REL)
    assert fp.sequestration_per_kg == pytest.approx(3.10, rel=REL)
    assert fp.net_per_kg == pytest.approx(1.43, rel=REL)
    assert fp.luc_one_off_kg / 1000 == pytest.approx(422_566, rel=REL)
    # "about 10 times" the annual direct emissions
    assert 9 < fp.luc_one_off_kg / fp.gross_kg < 11


def test_region_yield_and_producers(region):
    general = region.general
    assert general.dry_cocoa_kg / general.productive_area_ha == pytest.approx(1028.87, rel=1e-4)
    assert general.producers == 4809


# Report §7: ha, partners, husk % of gross, net t/yr, net kg/kg
REPORT_ROWS = {
    "Cooperativa Agraria Cacaotera Acopagro": (5000, 2200, 83, -5305.56, -1.17),
    "Cooperativa Agroindustrial Paraíso Ltda.": (340, 121, 94, 865.23, 2.47),
    "Coop. Agroindustrial Cordillera Azul Nuevo Progreso Ltda.": (268, 120, 94, 565.85, 2.52),
    "Cooperativa Agroindustrial Tocache Ltda.": (640, 205, 95, 2612.2, 3.10),
    "Cooperativa Agraria Allima Cacao Ltda.": (427, 120, 82, 271.18, 3.31),
    "Cooperativa Agraria del Valle del Mishollo": (327, 109, 91, 869.16, 3.32),
    "Cooperativa Agroindustrial CP Cacao": (327, 109, 88, 1389.49, 3.54),
    "Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda.": (887, 1350, 97, 7115.33, 4.22),
    "Cooperativa Agroindustrial ASPROC NBT Ltda.": (925, 355, 96, 4542.41, 4.27),
    "Cooperativa Agraria Apahui Ltda.": (160, 120, 96, 623.32, 4.95),
}


def test_all_ten_cooperatives_present(cooperatives, promperu):
    result = roll_up(cooperatives.surveys, promperu)
    assert set(result.cooperatives) == set(REPORT_ROWS)


@pytest.mark.parametrize("name", list(REPORT_ROWS))
def test_cooperative_row(cooperatives, promperu, name):
    ha, partners, husk_pct, net_t, net_kgkg = REPORT_ROWS[name]
    fp = roll_up(cooperatives.surveys, promperu).cooperatives[name]
    assert fp.area_ha == ha
    assert fp.producers == partners
    assert fp.net_kg / 1000 == pytest.approx(net_t, rel=0.01)
    assert fp.net_per_kg == pytest.approx(net_kgkg, rel=0.01)
    assert fp.share(Stage.HUSK) * 100 == pytest.approx(husk_pct, abs=1.0)


def test_cooperative_sum_shows_the_reports_own_inconsistency(cooperatives, promperu):
    """The report's cooperative nets sum to 13,548.61 t, not the regional 13,702.5 t (−1.1 %): documented."""
    total = roll_up(cooperatives.surveys, promperu).total
    assert total.net_kg / 1000 == pytest.approx(13_548.61, rel=1e-4)
    assert total.production_kg == pytest.approx(9_564_202, abs=10)


def test_composting_all_husk_scenario(region, promperu):
    """Methodology §5: composting all husk gives gross 18,568 t (1.94 kg/kg), net −1.16 kg/kg."""
    scenario = region.model_copy(deep=True)
    scenario.husk.shares = {"composted": 1.0}
    fp = compute(scenario, promperu)
    assert fp.gross_kg / 1000 == pytest.approx(18_568, rel=REL)
    assert fp.gross_per_kg == pytest.approx(1.94, rel=REL)
    assert fp.net_per_kg == pytest.approx(-1.16, rel=REL)
