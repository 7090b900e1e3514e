"""A scenario's shortcuts give the figures and errors of the whole-survey way: changes applied to the sections they
touch (scenario_changes.apply), campaign tables summed from footprints, local stages computed again alone."""

from __future__ import annotations

import inspect

import pytest
from helpers import farm, generated_surveys
from pydantic import ValidationError

from cocoa_desktop.engine.decisions import scenario_changes
from cocoa_desktop.engine.decisions.scenario_changes import apply, parse_change, touched
from cocoa_desktop.engine.decisions.scenario_footprints import (
    LOCAL_STAGES,
    changed_footprint,
    local_sections,
    table_of_units,
    unit_of,
)
from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.model.issues import SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.model.survey import Survey

LEVERS = [
    "husk.composted=50%", "husk.heaped=0", "husk.compost=1", "husk.burned=0,3", "husk.Compostada=0.5",
    "packaging.jute=50%", "packaging.plastic_bag=0.2", "general.yield_kg_ha=+20%", "general.yield_kg_ha=750",
    "general.agroforestry_ha=1.5", "transport.vehicle=Tráiler (camión articulado)", "fertilisation.urea=0",
    "fertilisation.urea=own_compost", "fertilisation.npk=50%", "fermentation.method=Sacos",
    "fermentation.fermented_share=0.5", "transport.legs.0.distance=50", "general.dry_cocoa_kg=2.500,5",
    "husk.husk_kg_per_kg_cocoa=60", "general.campaign_year=2019", "notes=hola", "unit=farm",
    # refused: a number, a share, a path, a choice, a bound, a group, the identity, too few bags
    "husk.composted=abc", "husk.composted=150%", "nothing.here=1", "transport.legs.3.distance=1",
    "transport.vehicle=cohete", "general.dry_cocoa_kg=-5", "husk=1", "general.organisation=X", "packaging.jute=1",
]
SEVERAL = [
    ["husk.composted=80%", "general.yield_kg_ha=+20%", "fermentation.method=sack"],
    ["transport.legs.0.trips_per_year=-1", "general.yield_kg_ha=0"],  # spoilt, then a lever that validates
    ["general.dry_cocoa_kg=-5", "general.yield_kg_ha=+10%"],
    ["packaging.jute=1", "husk.composted=abc"],
    ["husk.composted=1", "husk.heaped=0.5", "fermentation.method=heap"],
]


def whole_survey(survey: Survey, changes: list) -> Survey:
    """The changes applied to the whole survey written out, then validated whole (as apply did before)."""
    doc = survey.model_dump(mode="json")
    try:
        for change in changes:
            scenario_changes._lever(doc, change)
        return Survey.model_validate(doc)
    except ValidationError as exc:
        raise SurveyValidationError(issues_from_validation_error(exc), source=", ".join(map(str, changes))) from None


def outcome(how, survey: Survey, changes: list) -> tuple:
    try:
        return ("survey", how(survey, changes).model_dump())
    except SurveyValidationError as exc:
        return ("refused", exc.summary("es"), exc.summary("en"))


@pytest.fixture(scope="module")
def surveys() -> list[Survey]:
    return [*generated_surveys(60, seed=5), farm()]


@pytest.mark.parametrize("texts", [[t] for t in LEVERS] + SEVERAL, ids=str)
def test_changing_the_touched_sections_gives_the_whole_surveys_result_or_error(surveys, texts):
    changes = [parse_change(t) for t in texts]
    assert [outcome(apply, s, changes) for s in surveys] == [outcome(whole_survey, s, changes) for s in surveys]


def test_the_sections_a_change_touches():
    assert touched([parse_change("husk.compost=1")]) == {"husk"}
    assert touched([parse_change("general.yield_kg_ha=+5%"), parse_change("fermentation.method=box")]) == {
        "general", "packaging", "transport", "fermentation"}
    assert touched([parse_change("unit=farm")]) is None and touched([parse_change("nothing.here=1")]) is None
    assert local_sections([parse_change("husk.burned=0"), parse_change("fermentation.method=box")]) == {
        "husk", "fermentation"}
    assert local_sections([parse_change("husk.burned=0"), parse_change("packaging.jute=1")]) is None


def test_campaign_tables_summed_from_footprints_are_the_tables_of_the_surveys(surveys, cooperatives, promperu,
                                                                              ipcc):
    for items, f in ((surveys, ipcc), (cooperatives.surveys, promperu)):
        units = [unit_of(s, f) for s in items]
        mine, theirs = table_of_units(units, f, "Campaña"), campaign_table(items, f, "Campaña")
        assert mine == theirs  # every cooperative's footprint and the total, to the last bit, ranked alike
        assert [r.published for r in mine.rows] == [r.published for r in theirs.rows]
    assert table_of_units([], promperu, "Nada") == campaign_table([], promperu, "Nada")


class Reads:
    """A survey that records which of its sections are read."""

    def __init__(self, survey: Survey) -> None:
        self.survey, self.read = survey, set()

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self.survey, name)


def test_a_local_stage_reads_its_own_section_only_and_writes_no_note(surveys, promperu, ipcc):
    for stage, (section, formula) in LOCAL_STAGES.items():
        assert "notes" not in inspect.signature(formula).parameters, stage
        for survey in surveys:
            for f in (promperu, ipcc):
                reads = Reads(survey)
                assert formula(reads, survey.production_kg, f) == compute(survey, f).stages[stage]
                assert reads.read == {section}


@pytest.mark.parametrize("texts", [["husk.composted=50%"], ["husk.heaped=0", "husk.burned=0.1"],
                                   ["fermentation.method=sack", "husk.animal_feed=1"],
                                   ["fermentation.fermented_share=0"]], ids=str)
def test_a_footprint_with_its_local_stages_computed_again_is_the_changed_surveys(surveys, texts, promperu, ipcc):
    changes = [parse_change(t) for t in texts]
    names = local_sections(changes)
    assert names
    for survey in surveys:
        stored = survey.model_dump(mode="json")
        for f in (promperu, ipcc):
            after = changed_footprint(compute(survey, f), {n: stored[n] for n in names}, changes, f)
            assert after == compute(apply(survey, changes), f)
