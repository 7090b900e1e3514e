"""A scenario over a stored campaign from the main window's footprints gives the figures and the errors of the
scenario over the campaign's surveys read whole (engine.scenarios.run), and reads few of them."""

from __future__ import annotations

import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.decisions.scenario_changes import apply
from cocoa_desktop.engine.decisions.scenario_footprints import needed_sections
from cocoa_desktop.engine.decisions.scenarios import Scenario, parse_change, run
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.gui.campaign.data import campaign_surveys
from cocoa_desktop.gui.decisions.scenario_data import stored_scenario
from cocoa_desktop.gui.main.tree_footprints import compute_footprints
from cocoa_desktop.storage.database import StorageError

CAMPAIGN = "Campaña 2024"


@pytest.fixture
def f():
    return factors_for("ipcc2006-ar5")


@pytest.fixture
def repo(storage):
    repo = storage.repo
    campaign = repo.ensure_campaign(CAMPAIGN, 2024)
    for survey in generated_surveys(40, seed=11):
        repo.add_survey(survey.model_dump(mode="json"), campaign, completed=True)
    repo.add_survey({"general": {"organisation": "Cooperativa 1", "campaign_year": 2024}}, campaign)  # a draft
    other = repo.ensure_campaign("Campaña 2023", 2023)
    repo.add_survey(generated_surveys(1, seed=12)[0].model_dump(mode="json"), other, completed=True)
    return repo


def kept(repo, f):
    return compute_footprints(repo, f, {}, lambda *_: None, lambda: False)[1]


def whole_reads(repo, monkeypatch) -> list:
    """Records each read of whole documents (no ``sections``)."""
    calls: list = []
    documents = repo.documents

    def recorded(survey_ids=None, sections=None):
        if sections is None:
            calls.append(list(survey_ids or []))
        return documents(survey_ids, sections)

    monkeypatch.setattr(repo, "documents", recorded)
    return calls


def outcome(how):
    try:
        return how()
    except SurveyValidationError as exc:
        return exc.summary("es")


@pytest.mark.parametrize(("texts", "cooperative"), [
    (["husk.composted=50%"], None),
    (["husk.heaped=0", "fermentation.method=sack"], "Cooperativa 3"),
    (["packaging.jute_sack=20%"], "Cooperativa 2"),
    (["general.yield_kg_ha=+20%", "transport.vehicle=pickup"], None),
    (["fertilisation.urea=own_compost", "drying.electricity_kwh=0"], "Cooperativa 1"),
    (["general.campaign_year=2019", "land_use_change.conversions.0.year=2001"], None),  # refused by some
    (["general.agroforestry_ha=0"], None),
    (["general.campaign_year=2019"], "Cooperativa 2"),  # the campaign's year as most of its surveys have it
    (["notes=hola", "unit=cooperative"], None),  # the survey's own fields: its figures unchanged
    (["id=x"], None),  # not a field a scenario changes: read whole, which refuses it
    (["husk.composted=abc"], None),  # refused by every survey
    (["packaging.jute=1"], None),  # refused by the surveys with no bags
    (["husk.composted=1"], "Cooperativa que no está"),
    (["husk.composted=1"] * 51, None),  # too many changes
], ids=str)
def test_the_figures_and_errors_of_the_surveys_read_whole(repo, f, texts, cooperative, monkeypatch):
    scenario = Scenario("x", tuple(parse_change(t) for t in texts), cooperative)
    surveys, drafts = campaign_surveys(repo, CAMPAIGN)
    assert drafts == 1
    expected = outcome(lambda: run(surveys, scenario, f, CAMPAIGN))
    computed = kept(repo, f)
    reads = whole_reads(repo, monkeypatch)
    assert outcome(lambda: stored_scenario(repo, CAMPAIGN, scenario, f, computed)) == expected
    # read whole: the draft (the main window computed no footprint for it), and each survey of the scenario's
    # cooperatives when the changes reach beyond the survey's sections, or else when they cannot be applied to it
    in_scope = [s for s in surveys if cooperative in (None, s.cooperative)]
    if needed_sections(scenario.changes) is None:
        assert [len(ids) for ids in reads] == [1 + len(in_scope)]
    else:
        refused = [s for s in in_scope if isinstance(outcome(lambda s=s: apply(s, list(scenario.changes))), str)]
        assert [len(ids) for ids in reads] == [1 + len(refused)]
    assert outcome(lambda: stored_scenario(repo, CAMPAIGN, scenario, f, None)) == expected


def test_surveys_saved_since_or_under_other_factors_are_read_whole(repo, f, monkeypatch):
    scenario = Scenario("x", (parse_change("husk.composted=80%"),))
    computed = kept(repo, f)
    changed = next(row.id for row in repo.surveys(CAMPAIGN) if computed[row.id][1] is not None)
    repo.save_section(changed, "husk", {"shares": {"heaped": 1.0}})
    expected = run(campaign_surveys(repo, CAMPAIGN)[0], scenario, f, CAMPAIGN)
    reads = whole_reads(repo, monkeypatch)
    assert stored_scenario(repo, CAMPAIGN, scenario, f, computed) == expected
    assert sorted(reads[0]) == sorted([changed, next(i for i, (_, fp) in computed.items() if fp is None)])


def test_a_damaged_survey_is_named_as_when_every_survey_is_read(repo, f):
    computed = kept(repo, f)
    damaged = repo.surveys(CAMPAIGN)[7].id
    repo.conn.execute("UPDATE survey_sections SET content = '{}' WHERE survey_id = ? AND section = 'husk'",
                      (damaged,))
    with pytest.raises(StorageError) as expected:
        campaign_surveys(repo, CAMPAIGN)
    for known in (computed, None):
        with pytest.raises(StorageError) as caught:
            stored_scenario(repo, CAMPAIGN, Scenario("x", (parse_change("husk.composted=1"),)), f, known)
        assert caught.value.message("es") == expected.value.message("es")


@pytest.mark.parametrize("texts", [["husk.composted=abc"], ["packaging.jute=1"], ["fertilisation.urea=50%"]], ids=str)
def test_a_damaged_survey_after_one_that_refuses_the_changes_is_named(repo, f, texts):
    """Refused by the first surveys (or by none): a survey damaged, last in the tree, is still the error, as when every
    survey is read (in a section the changes read; one they do not read is noticed when the survey is read whole)."""
    computed = kept(repo, f)
    damaged = repo.surveys(CAMPAIGN)[-1].id
    repo.conn.execute("UPDATE survey_sections SET content = '{}' WHERE survey_id = ? AND section = ?",
                      (damaged, texts[0].partition(".")[0]))
    with pytest.raises(StorageError) as expected:
        campaign_surveys(repo, CAMPAIGN)
    scenario = Scenario("x", tuple(parse_change(t) for t in texts))
    for known in (computed, None):
        with pytest.raises(StorageError) as caught:
            stored_scenario(repo, CAMPAIGN, scenario, f, known)
        assert caught.value.message("es") == expected.value.message("es")


def test_some_sections_read_are_those_of_the_whole_documents(repo):
    ids = [row.id for row in repo.surveys(CAMPAIGN)][:5]
    whole = dict(repo.documents(ids))
    assert dict(repo.documents(ids, sections=("husk", "general", "husk"))) == {
        i: {"id": i, "general": whole[i]["general"], "husk": whole[i]["husk"]} for i in ids}
