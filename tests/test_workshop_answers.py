"""The training workshop chapter's expected answers are what the engine gives (es and en chapters alike): a guide
that teaches a wrong number would be worse than none."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from helpers import farm

from cocoa_desktop.engine.decisions.scenario_changes import parse_change
from cocoa_desktop.engine.decisions.scenarios import Scenario, run
from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.checks import survey_warnings
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.report import format_quantity

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = {"es": ROOT / "user_guide" / "es" / "taller.md", "en": ROOT / "user_guide" / "en" / "workshop.md"}


def _said(value: float, decimals: int) -> dict[str, str]:
    return {lang: format_quantity(value, decimals, lang) for lang in CHAPTERS}


def _answers(cooperatives, region) -> list[dict[str, str]]:
    promperu, ipcc = factors_for("promperu-2020"), factors_for("ipcc2006-ar5")
    by_name = {s.general.organisation: s for s in cooperatives.surveys}
    apahui = compute(by_name["Cooperativa Agraria Apahui Ltda."], promperu)
    acopagro = compute(by_name["Cooperativa Agraria Cacaotera Acopagro"], promperu)
    table = campaign_table(cooperatives.surveys, promperu)
    mean = statistics.mean(r.footprint.net_per_kg for r in table.rows)
    trap = run([region], Scenario("67", (parse_change("husk.heaped=67%"),)), promperu).after.total
    compost = run([region], Scenario("compost", (parse_change("husk.composted=100%"),)), promperu)
    ipcc_table = campaign_table(cooperatives.surveys, ipcc)
    acopagro_ipcc = compute(by_name["Cooperativa Agraria Cacaotera Acopagro"], ipcc)
    saving = compost.before.total.net_kg - compost.after.total.net_kg
    return [
        _said(apahui.net_per_kg, 2), _said(acopagro.net_per_kg, 2),
        _said(table.total.net_kg / 1000, 1), _said(table.total.net_per_kg, 2), _said(mean, 2),
        _said(trap.stages[Stage.HUSK] / 1000, 1), _said(trap.net_per_kg, 2),
        _said(saving / 1000, 1), _said(compost.after.total.stages[Stage.HUSK] / 1000, 1),
        _said(compost.after.total.net_per_kg, 2),
        _said(ipcc_table.total.net_per_kg, 2), _said(ipcc_table.total.net_kg / 1000, 1),
        _said(acopagro_ipcc.net_per_kg, 2),
    ]


@pytest.mark.parametrize("lang", list(CHAPTERS))
def test_every_expected_answer_is_the_engines(cooperatives, region, lang):
    text = CHAPTERS[lang].read_text(encoding="utf-8").replace("−", "-")
    for answer in _answers(cooperatives, region):
        assert answer[lang] in text, answer[lang]


def test_the_bag_slip_exercise_gives_its_warning(promperu):
    slip = farm(packaging=[{"type": "polypropylene_sack", "bags_per_year": 20, "kg_per_bag": 69}])
    fixed = farm(packaging=[{"type": "polypropylene_sack", "bags_per_year": 20, "kg_per_bag": 0.1}])
    assert "packaging_high" in {w.code for w in survey_warnings(slip, compute(slip, promperu))}
    assert "packaging_high" not in {w.code for w in survey_warnings(fixed, compute(fixed, promperu))}
