"""The campaign view's one pass over a campaign (engine/footprint/campaign_summary.py) gives the very figures of the
list forms (campaign_table, plans, simulate, cooperative_from_sample, roll_up), to the last bit, while asking for a
survey again only where a cooperative must be densified (or simulated, should the engine not be a polynomial in the
factors)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.decisions.recommendations import needs_densify, plans
from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.campaign_summary import CampaignSummary
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.extrapolation import cooperative_from_footprints, cooperative_from_sample
from cocoa_desktop.engine.footprint.rollup import roll_up, roll_up_footprints
from cocoa_desktop.engine.footprint.stages import husk
from cocoa_desktop.engine.footprint.year_over_year import compare, compare_units, units_of
from cocoa_desktop.engine.model.survey import SurveyUnit
from cocoa_desktop.engine.uncertainty.monte_carlo import simulate


class Source:
    """Surveys walked once, then asked for again by place (counting the places asked)."""

    def __init__(self, surveys):
        self.surveys, self.walks, self.asked = surveys, 0, []

    def __iter__(self):
        self.walks += 1
        return iter(self.surveys)

    def again(self, places):
        self.asked.extend(places)
        return (self.surveys[i] for i in places)


@pytest.mark.parametrize("which", ["promperu", "ipcc"])
def test_the_ten_cooperatives_table_plans_and_intervals_are_those_of_the_list_forms(cooperatives, which, request):
    f = request.getfixturevalue(which)
    surveys = cooperatives.surveys
    source = Source(surveys)
    summary = CampaignSummary(source, f, "Campaña 2019")
    table = campaign_table(surveys, f, "Campaña 2019")
    assert summary.table == table and summary.table.total == table.total  # Footprint: every float equal
    assert [r.published for r in summary.table.rows] == [r.published for r in table.rows]
    assert source.walks == 1 and summary.count == len(surveys)
    found = summary.plans(source.again)
    assert found == plans(table, surveys, f)
    # only the units to densify were read again (the report's three under its own factors), each once
    densified = [p.name for p in found if p.item("densify")]
    assert sorted(source.asked) == sorted(i for i, s in enumerate(surveys) if s.cooperative in densified)
    source.asked.clear()
    spread = summary.simulate(source.again)
    listed = simulate(surveys, f)
    assert spread.units == listed.units and spread.total == listed.total and spread.estimated == listed.estimated
    assert source.asked == [] and not summary.needs_surveys  # the sums gathered in the pass: no survey read again


def test_farms_drafts_of_many_cooperatives_and_their_samples(promperu):
    surveys = generated_surveys(90, seed=5)  # farms and cooperatives of seven cooperatives, interleaved
    source = Source(surveys)
    summary = CampaignSummary(source, promperu, "Generada")
    assert summary.table == campaign_table(surveys, promperu, "Generada")
    assert summary.plans(source.again) == plans(summary.table, surveys, promperu)
    for coop in {s.cooperative for s in surveys}:
        farms = [s for s in surveys if s.cooperative == coop and s.unit is SurveyUnit.FARM]
        assert summary.farms[coop] == [compute(s, promperu) for s in farms]
        if len(farms) >= 2:
            kg = sum(s.production_kg for s in farms) * 3
            assert (cooperative_from_footprints(summary.farms[coop], coop, 500, kg)
                    == cooperative_from_sample(farms, promperu, 500, kg))
    listed = simulate(surveys, promperu)
    assert summary.simulate(source.again).units == listed.units
    assert summary.units() == units_of(surveys, promperu)
    before = generated_surveys(40, seed=6)
    assert compare_units(units_of(before, promperu), summary.units()) == compare(before, surveys, promperu)


def test_rolling_up_footprints_already_computed_is_rolling_up_the_surveys(cooperatives, ipcc):
    surveys = [*cooperatives.surveys, *generated_surveys(30, seed=2)]
    direct = roll_up(surveys, ipcc, label="Total")
    from_footprints = roll_up_footprints(((s.cooperative, compute(s, ipcc)) for s in surveys), ipcc, "Total")
    assert from_footprints.cooperatives == direct.cooperatives and from_footprints.total == direct.total


def test_an_empty_campaign(promperu):
    summary = CampaignSummary(Source([]), promperu, "Vacía")
    assert summary.count == 0 and summary.table.rows == [] and summary.plans(Source([]).again) == []


def test_an_engine_step_that_is_not_a_polynomial_reads_each_survey_again_for_its_draws(cooperatives, promperu,
                                                                                       monkeypatch):
    """Should the engine do with a factor what no polynomial does (numpy's maximum here), the Monte Carlo runs the
    engine on the draws survey by survey, each cooperative's surveys read again: the list form's very figures."""
    original = husk.emissions
    monkeypatch.setattr(husk, "emissions", lambda *args, **kw: np.maximum(original(*args, **kw), 0.0))
    surveys = cooperatives.surveys
    source = Source(surveys)
    summary = CampaignSummary(source, promperu, "Campaña 2019")
    assert summary.needs_surveys
    spread = summary.simulate(source.again)
    listed = simulate(surveys, promperu)
    assert spread.units == listed.units and spread.total == listed.total
    assert sorted(source.asked) == list(range(len(surveys)))  # every survey once, for its draws


@pytest.mark.parametrize("which", ["promperu", "ipcc"])
def test_units_known_to_be_densified_are_densified_in_the_pass_and_read_no_more(cooperatives, which, request):
    """The table the main window's footprints give names the units to densify and the campaign's yield before the
    pass: their surveys are densified as they are read, the very plans, none read again; at another yield (a
    survey saved meanwhile) they are read again as before."""
    f = request.getfixturevalue(which)
    surveys = cooperatives.surveys
    table = campaign_table(surveys, f, "Campaña 2019")
    at = table.yield_kg_ha
    densify = {row.name: at for row in table.rows if needs_densify(row.footprint, at)}
    assert len(densify) == 3  # Allima, Mishollo and Apahui, under either set
    source = Source(surveys)
    summary = CampaignSummary(source, f, "Campaña 2019", densify)
    assert summary.plans(source.again) == plans(table, surveys, f)
    assert source.asked == []
    other = Source(surveys)
    moved = CampaignSummary(other, f, "Campaña 2019", {name: at * 1.01 for name in densify})
    assert moved.plans(other.again) == plans(table, surveys, f)
    assert sorted(other.asked) == sorted(i for i, s in enumerate(surveys) if s.cooperative in densify)
