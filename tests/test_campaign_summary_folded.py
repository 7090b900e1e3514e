"""The campaign view's summary folded from each survey's terms written down ahead (the main window's footprints:
engine/footprint/survey_terms.py, engine/decisions/plan_terms.py, engine/uncertainty/traced.py) is the summary of
the pass over the surveys, every figure equal with ``==``: the table, the plans, the farms' footprints, the
cooperatives' inputs, the plan sums themselves and the Monte Carlo's intervals, under both factor sets, on the ten
cooperatives (estimated land-use change, three units to densify) and on generated campaigns of farms and sampled
cooperatives with estimated fields."""

from __future__ import annotations

import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.decisions.plan_terms import PlanTape
from cocoa_desktop.engine.decisions.recommendations import PlanSums
from cocoa_desktop.engine.footprint.campaign_summary import CampaignSummary
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.survey_terms import TermsMaker
from cocoa_desktop.engine.uncertainty.traced import Tracer


class Source:
    """Surveys walked once, then asked for again by place (counting the places asked)."""

    def __init__(self, surveys):
        self.surveys, self.asked = surveys, []

    def __iter__(self):
        return iter(self.surveys)

    def again(self, places):
        self.asked.extend(places)
        return (self.surveys[i] for i in places)


def _marked(surveys):
    fields = ["general.dry_cocoa_kg", "husk.shares", "packaging", "transport.legs"]
    for i, s in enumerate(surveys):
        if i % 5 == 0:
            s.estimated_fields = fields[:1 + i % 4]
    return surveys


def _folded(surveys, f, name):
    maker = TermsMaker(f)
    for s in generated_surveys(8, seed=3):  # the main window's job traces other campaigns' surveys first
        maker.terms(s, compute(s, f))
    entries = []
    for s in surveys:
        fp = compute(s, f)
        terms = maker.terms(s, fp)
        assert terms is not None
        entries.append((fp, terms))
    return CampaignSummary.folded(entries, f, name)


def _sums(sums: PlanSums):
    husk = sums.husk
    return (sums.inputs.total, sums.estimated, list(sums.sources), sums.plastic_kg, sums.jute_kg, sums.compost_kg,
            sums.compost_ipcc_kg, husk.count, husk.production, husk.rotting, husk.now, husk.composted)


@pytest.mark.parametrize("which", ["promperu", "ipcc"])
@pytest.mark.parametrize("campaign", ["cooperatives", "generated"])
def test_the_summary_folded_from_terms_is_the_pass_over_the_surveys(cooperatives, which, campaign, request):
    f = request.getfixturevalue(which)
    # the generated: farms and cooperatives of seven cooperatives interleaved, a fifth with estimated fields
    surveys = cooperatives.surveys if campaign == "cooperatives" else _marked(generated_surveys(120, seed=23))
    name = "Campaña"
    source = Source(surveys)
    one_pass = CampaignSummary(source, f, name)
    folded = _folded(surveys, f, name)
    assert folded.table == one_pass.table and folded.table.total == one_pass.table.total
    assert [r.published for r in folded.table.rows] == [r.published for r in one_pass.table.rows]
    assert folded.count == one_pass.count and folded.members == one_pass.members
    assert folded.farms == one_pass.farms and folded.years == one_pass.years
    assert {k: _sums(v) for k, v in folded.sums.items()} == {k: _sums(v) for k, v in one_pass.sums.items()}
    assert folded.units() == one_pass.units()
    again = Source(surveys)
    plans = folded.plans(again.again)
    assert plans == one_pass.plans(Source(surveys).again)
    densified = {p.name for p in plans if p.item("densify")}
    assert sorted(again.asked) == [i for i, s in enumerate(surveys) if s.cooperative in densified]
    if campaign == "cooperatives":
        assert len(densified) == 3
    assert not folded.needs_surveys
    spread, listed = folded.simulate(), one_pass.simulate()
    assert spread.units == listed.units and spread.total == listed.total and spread.estimated == listed.estimated
    assert folded.gathered.reading.read == one_pass.gathered.reading.read
    assert folded.gathered.paths == one_pass.gathered.paths


def test_an_empty_campaign_folded(promperu):
    folded = CampaignSummary.folded([], promperu, "Vacía")
    assert folded.count == 0 and folded.table.rows == [] and folded.plans(Source([]).again) == []


def test_sums_that_read_a_number_instead_of_adding_to_it_give_no_terms(cooperatives, promperu, monkeypatch):
    """Should the plan sums ever do with a number what the tape cannot write down, the survey has no terms (the view
    then reads the campaign as before) and the next survey's terms are whole again."""
    survey = cooperatives.surveys[0]
    tape = PlanTape(promperu)
    assert tape.terms(survey) is not None
    original = PlanSums.add

    def reads(self, s, computed=None):
        original(self, s, computed)
        self.jute_kg = self.jute_kg * 1.0

    monkeypatch.setattr(PlanSums, "add", reads)
    assert tape.terms(survey) is None
    monkeypatch.setattr(PlanSums, "add", original)
    assert tape.terms(survey) == PlanTape(promperu).terms(survey)  # its numbers are its slots again


def test_a_step_that_is_not_a_polynomial_gives_no_terms(cooperatives, promperu, monkeypatch):
    import numpy as np

    from cocoa_desktop.engine.footprint.stages import husk

    original = husk.emissions
    monkeypatch.setattr(husk, "emissions", lambda *args, **kw: np.maximum(original(*args, **kw), 0.0))
    assert Tracer(promperu).terms(cooperatives.surveys[0]) is None
