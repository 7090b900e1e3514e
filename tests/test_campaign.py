"""The campaign view's table (report §7) and year over year: sums, ranking, published figures, hand-computed cases."""

from __future__ import annotations

import math

import pytest
from helpers import farm, generated_surveys

from cocoa_desktop.engine.footprint.campaign import campaign_table, report_difference
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.results import STAGES, Stage
from cocoa_desktop.engine.footprint.year_over_year import compare, inputs_of

# Report §7 in its printed order (by net kg/kg): name, ha, partners, husk %, net t/yr, net kg/kg
REPORT_ORDER = [
    ("Cooperativa Agraria Cacaotera Acopagro", 5000, 2200, 83, -5305.56, -1.17),
    ("Cooperativa Agroindustrial Paraíso Ltda.", 340, 121, 94, 865.23, 2.47),
    ("Coop. Agroindustrial Cordillera Azul Nuevo Progreso Ltda.", 268, 120, 94, 565.85, 2.52),
    ("Cooperativa Agroindustrial Tocache Ltda.", 640, 205, 95, 2612.2, 3.10),
    ("Cooperativa Agraria Allima Cacao Ltda.", 427, 120, 82, 271.18, 3.31),
    ("Cooperativa Agraria del Valle del Mishollo", 327, 109, 91, 869.16, 3.32),
    ("Cooperativa Agroindustrial CP Cacao", 327, 109, 88, 1389.49, 3.54),
    ("Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda.", 887, 1350, 97, 7115.33, 4.22),
    ("Cooperativa Agroindustrial ASPROC NBT Ltda.", 925, 355, 96, 4542.41, 4.27),
    ("Cooperativa Agraria Apahui Ltda.", 160, 120, 96, 623.32, 4.95),
]


def test_the_ten_cooperatives_table_matches_the_report_row_by_row_and_in_order(cooperatives, promperu):
    table = campaign_table(cooperatives.surveys, promperu)
    assert [r.name for r in table.rows] == [row[0] for row in REPORT_ORDER]
    for row, (_name, ha, partners, husk, net_t, net_kg) in zip(table.rows, REPORT_ORDER, strict=True):
        assert (row.footprint.area_ha, row.footprint.producers) == (ha, partners)
        assert row.husk_share * 100 == pytest.approx(husk, abs=1.0)  # published as whole percentages
        assert row.net_t == pytest.approx(net_t, rel=0.001)
        assert round(row.net_per_kg, 2) == pytest.approx(net_kg, abs=0.011)
        assert row.published is not None and row.published.net_t == net_t


def test_totals_are_the_sums_of_the_cooperatives(cooperatives, promperu):
    table = campaign_table(cooperatives.surveys, promperu)
    total = table.total
    for stage in STAGES:
        assert total.stages[stage] == pytest.approx(math.fsum(r.footprint.stages[stage] for r in table.rows))
    assert total.net_kg == pytest.approx(math.fsum(r.footprint.net_kg for r in table.rows))
    assert total.area_ha == sum(r.footprint.area_ha for r in table.rows) == 9301
    assert total.producers == sum(r.footprint.producers for r in table.rows) == 4809
    assert total.net_kg / 1000 == pytest.approx(13_548.61, rel=1e-4)
    # the total's shares and intensity come from the sums, not from averaging the rows
    assert total.share(Stage.HUSK) == pytest.approx(total.stages[Stage.HUSK] / total.gross_kg)
    assert total.net_per_kg == pytest.approx(13_548.61 * 1000 / 9_564_202, rel=1e-4)  # 1.417 kg/kg
    mean_of_rows = sum(r.net_per_kg for r in table.rows) / 10  # 30.53 / 10: an average of intensities
    assert mean_of_rows == pytest.approx(3.053, abs=0.005)
    assert table.yield_kg_ha == pytest.approx(9_564_202 / 9301, rel=1e-5)


def test_derived_columns_by_hand(cooperatives, promperu):
    table = campaign_table(cooperatives.surveys, promperu)
    allima = table.row("Cooperativa Agraria Allima Cacao Ltda.")
    assert allima.yield_kg_ha == pytest.approx(81_927 / 427, rel=1e-4)  # methodology §2: 192 kg/ha
    oro = table.row("Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda.")
    assert oro.area_per_partner_ha == pytest.approx(887 / 1350)
    assert oro.net_of_gross == pytest.approx(oro.footprint.net_kg / oro.footprint.gross_kg)
    acopagro = table.rows[0]
    assert acopagro.is_sink and acopagro.net_of_gross < 0


def test_net_shares_leave_sinks_out_and_add_up(cooperatives, promperu):
    table = campaign_table(cooperatives.surveys, promperu)
    shares = table.net_shares()
    assert "Cooperativa Agraria Cacaotera Acopagro" not in shares
    assert [r.name for r in table.sinks()] == ["Cooperativa Agraria Cacaotera Acopagro"]
    assert math.fsum(shares.values()) == pytest.approx(1.0)
    emitting = sum(r[4] for r in REPORT_ORDER if r[4] > 0)  # 18,854.17 t
    assert shares["Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda."] == pytest.approx(7115.33 / emitting,
                                                                                                rel=1e-3)
    for stage_shares in table.stage_shares().values():
        assert math.fsum(stage_shares.values()) == pytest.approx(1.0)


def test_the_reports_own_difference_is_said_not_hidden(cooperatives, promperu):
    table = campaign_table(cooperatives.surveys, promperu)
    es, en = report_difference(table, "es"), report_difference(table, "en")
    assert "13 548,61" in es and "13 702,5" in es and "-1,1 %" in es
    assert "13,548.61" in en and "13,702.5" in en and "-1.1 %" in en and "report's own" in en
    # a campaign without the report's ten cooperatives gets no such note
    assert report_difference(campaign_table(cooperatives.surveys[:9], promperu)) is None


def test_farms_roll_up_into_their_cooperative_and_rank(promperu):
    surveys = generated_surveys(40, seed=3)
    table = campaign_table(surveys, promperu)
    assert sum(r.footprint.surveys for r in table.rows) == 40
    assert len(table.rows) == len({s.cooperative for s in surveys})
    for row in table.rows:
        mine = [compute(s, promperu) for s in surveys if s.cooperative == row.name]
        assert row.footprint.net_kg == pytest.approx(math.fsum(fp.net_kg for fp in mine), rel=1e-9, abs=1e-6)
    values = [r.net_per_kg for r in table.rows if not math.isnan(r.net_per_kg)]
    assert values == sorted(values)


def test_a_cooperative_that_produced_nothing_ranks_last():
    from cocoa_desktop.engine.footprint.factors import factors_for

    a = farm(general={"organisation": "Sin cosecha", "campaign_year": 2024, "productive_area_ha": 2,
                      "dry_cocoa_kg": 0.0})
    b = farm()
    table = campaign_table([a, b], factors_for("promperu-2020"))
    assert [r.name for r in table.rows] == ["Cooperativa de prueba", "Sin cosecha"]
    assert math.isnan(table.rows[1].net_per_kg) and table.rows[1].yield_kg_ha == 0.0


# ---- year over year ----

def _coop(year: int, heaped: float, kg: float = 10_000.0, bags: float = 0.0) -> object:
    return farm(unit="cooperative",
                general={"organisation": "Cooperativa de prueba", "campaign_year": year, "producers": 10,
                         "productive_area_ha": 10.0, "dry_cocoa_kg": kg},
                husk={"shares": {"heaped": heaped, "composted": round(1 - heaped, 6)}},
                packaging=[{"type": "plastic_bag", "material_kg_per_year": bags}] if bags else [])


def test_year_over_year_names_the_stage_and_the_input_by_hand(promperu):
    before, after = [_coop(2023, 0.6)], [_coop(2024, 0.1)]
    (change,) = compare(before, after, promperu)
    # husk moved from heaps to compost: Δ = 8.5 kg husk/kg × (−0.5) × (0.906706 − 0.1894) kg CO2e/kg husk
    expected = 8.5 * -0.5 * (0.03626824 * 25 - (0.004 * 25 + 0.0003 * 298))
    assert change.contributions["husk"] == pytest.approx(expected, rel=1e-9)
    assert change.net_per_kg_change == pytest.approx(expected, rel=1e-9)
    assert math.fsum(change.contributions.values()) == pytest.approx(change.net_per_kg_change, rel=1e-12)
    assert change.main_stage == "husk"
    assert [c.key for c in change.inputs] == ["husk.heaped", "husk.composted"]
    words = change.explanation("es")
    assert "Sobre todo manejo de residuos" in words and "60 → 10 %" in words and "40 → 90 %" in words
    assert "Mostly husk" in change.explanation("en")


def test_year_over_year_production_and_packaging(promperu):
    (change,) = compare([_coop(2023, 0.5, 10_000, bags=10)], [_coop(2024, 0.5, 12_500, bags=30)], promperu)
    # husk, fermentation and sequestration are per kg of cocoa: their intensities do not move
    for key in ("husk", "fermentation", "sequestration"):
        assert change.contributions[key] == pytest.approx(0.0, abs=1e-12)
    # packaging: 30 × 8.609143 / 12,500 − 10 × 8.609143 / 10,000
    assert change.contributions["packaging"] == pytest.approx(8.609143 * (30 / 12_500 - 10 / 10_000), rel=1e-9)
    assert change.main_stage == "packaging"
    assert [c.key for c in change.inputs] == ["plastic_bags_kg", "production_kg"]


def test_cooperatives_that_appear_or_leave(promperu):
    other = farm(general={"organisation": "Otra", "campaign_year": 2024, "productive_area_ha": 1,
                          "dry_cocoa_kg": 800.0})
    changes = compare([_coop(2023, 0.5)], [other], promperu)
    assert [(c.name, c.before is None, c.after is None) for c in changes] == [
        ("Otra", True, False), ("Cooperativa de prueba", False, True)]
    assert changes[0].explanation("en") == "New in this campaign."


def test_inputs_weight_shares_by_production():
    a = farm(husk={"shares": {"heaped": 1.0}}, general={"organisation": "C", "campaign_year": 2024,
                                                         "productive_area_ha": 1, "dry_cocoa_kg": 3000.0})
    b = farm(husk={"shares": {"composted": 1.0}}, general={"organisation": "C", "campaign_year": 2024,
                                                            "productive_area_ha": 1, "dry_cocoa_kg": 1000.0})
    found = inputs_of([a, b])
    assert found["husk.heaped"] == pytest.approx(0.75) and found["husk.composted"] == pytest.approx(0.25)


def test_a_later_campaign_of_the_same_cooperatives_is_not_the_report(cooperatives, promperu):
    later = [s.model_copy(update={"general": s.general.model_copy(update={"campaign_year": 2020})})
             for s in cooperatives.surveys]
    table = campaign_table(later, promperu)
    assert all(r.published is None for r in table.rows) and report_difference(table) is None


def test_year_over_year_says_no_change_and_puts_the_largest_first(cooperatives, promperu):
    later = [s.model_copy(deep=True) for s in cooperatives.surveys]
    later[1].husk.shares = {"heaped": 0.1, "composted": 0.9}  # Paraíso composts
    changes = compare(cooperatives.surveys, later, promperu)
    assert changes[0].name == "Cooperativa Agroindustrial Paraíso Ltda."
    assert changes[-1].explanation("es") == "Sin cambios." and changes[-1].explanation("en") == "No change."
