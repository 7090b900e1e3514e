"""A scenario's shortcuts give the figures and errors of the whole-survey way: changes applied to the sections they
touch (scenario_changes.apply), campaign tables summed from footprints, the parts of a footprint that read what the
changes write computed again alone (scenario_footprints.changed_unit), over random changes and surveys."""

from __future__ import annotations

import struct
from typing import Any

import pytest
from helpers import farm, generated_surveys
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cocoa_desktop.engine.decisions import scenario_changes
from cocoa_desktop.engine.decisions.scenario_changes import apply, parse_change, touched, written
from cocoa_desktop.engine.decisions.scenario_footprints import (
    Unit,
    changed_unit,
    needed_sections,
    table_of_units,
    unit_of,
)
from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.results import STAGES
from cocoa_desktop.engine.model import vocabulary
from cocoa_desktop.engine.model.issues import SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.model.survey import General, Survey

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


def test_the_sections_a_change_touches_and_what_it_writes():
    assert touched([parse_change("husk.compost=1")]) == {"husk"}
    assert touched([parse_change("general.yield_kg_ha=+5%"), parse_change("fermentation.method=box")]) == {
        "general", "packaging", "transport", "fermentation"}
    assert touched([parse_change("unit=farm")]) == {"unit"} and touched([parse_change("nothing.here=1")]) is None
    assert touched([parse_change("id=x")]) is None
    assert written([parse_change("general.yield_kg_ha=+5%")]) == {
        "general.dry_cocoa_kg", "general.wet_cocoa_kg", "general.wet_to_dry_ratio", "packaging", "transport"}
    assert written([parse_change("general.areas.0.hectares=1"), parse_change("general.agroforestry_ha=2")]) == {
        "general.areas"}
    # read: what the changes touch, and what the parts computed again read (the production, the productive area and
    # the campaign year are the unit's own when the general section is left alone)
    assert needed_sections([parse_change("husk.burned=0"), parse_change("fermentation.method=box")]) == {
        "husk", "fermentation"}
    assert needed_sections([parse_change("fertilisation.urea=0")]) == {"fertilisation"}
    assert needed_sections([parse_change("land_use_change.conversions.0.year=2001")]) == {"land_use_change"}
    assert needed_sections([parse_change("general.yield_kg_ha=+5%")]) == {
        "general", "husk", "fermentation", "packaging", "transport"}
    assert needed_sections([parse_change("general.shade_trees_per_ha=90")]) == {"general"}
    assert needed_sections([parse_change("notes=hola"), parse_change("estimated_fields.0=x")]) == {
        "notes", "estimated_fields"}  # read, changed and checked; no part of the footprint reads them
    assert needed_sections([parse_change("husk.compost=1")] * 51) is None


def test_campaign_tables_summed_from_footprints_are_the_tables_of_the_surveys(surveys, cooperatives, promperu,
                                                                              ipcc):
    for items, f in ((surveys, ipcc), (cooperatives.surveys, promperu)):
        units = [unit_of(s, f) for s in items]
        mine, theirs = table_of_units(units, f, "Campaña"), campaign_table(items, f, "Campaña")
        assert mine == theirs  # every cooperative's footprint and the total, to the last bit, ranked alike
        assert [r.published for r in mine.rows] == [r.published for r in theirs.rows]
    assert table_of_units([], promperu, "Nada") == campaign_table([], promperu, "Nada")


FACTORS = [factors_for("promperu-2020"), factors_for("ipcc2006-ar5"), factors_for("promperu-2020", "AR5")]
SURVEYS = [*generated_surveys(40, seed=23), farm(), farm(fertilisation={"data_collected": False})]
NUMBERS = st.one_of(
    st.floats(0, 1).map(lambda v: f"{v:.3f}"), st.integers(0, 120).map(lambda v: f"{v}%"),
    st.integers(-60, 60).map(lambda v: f"{v:+d}%"), st.floats(-5, 5000).map(lambda v: f"{v:.2f}".replace(".", ",")),
    st.integers(1985, 2030).map(str), st.sampled_from(["0", "1", "abc", "1e999"]))


def leaves(doc: Any, path: str) -> list[tuple[str, Any]]:
    """(dotted path, value) of a field of a survey document, or of every field in it."""
    found = [] if isinstance(doc, dict | list) and doc else [(path, doc)]
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        found += leaves(value, f"{path}.{key}")
    return found


@st.composite
def a_change(draw, survey: Survey) -> str:
    """A lever (husk, bags, yield, agroforestry, vehicle, fertiliser) or any field of the survey set to a value."""
    kind = draw(st.sampled_from(["husk", "packaging", "yield", "agroforestry", "vehicle", "fertiliser", "field",
                                 "field", "field"]))
    words = lambda words: st.sampled_from([*map(str, words), *(w[0] for w in words.values())])  # noqa: E731
    if kind == "husk":
        return f"husk.{draw(st.sampled_from([*map(str, vocabulary.HUSK), 'compost']))}={draw(NUMBERS)}"
    if kind == "packaging":
        return f"packaging.{draw(st.sampled_from([*map(str, vocabulary.BAG), 'jute']))}={draw(NUMBERS)}"
    if kind == "yield":
        return f"general.yield_kg_ha={draw(NUMBERS)}"
    if kind == "agroforestry":
        blocks = survey.general.areas
        agro = sum(b.hectares for b in blocks if b.system != "monoculture")
        mono = sum(b.hectares for b in blocks if b.system == "monoculture")
        return f"general.agroforestry_ha={agro + draw(st.floats(0, 1.1)) * mono!r}"
    if kind == "vehicle":
        return f"transport.vehicle={draw(words(vocabulary.VEHICLE))}"
    if kind == "fertiliser":
        value = draw(NUMBERS | words(vocabulary.FERTILISER))
        return f"fertilisation.{draw(st.sampled_from(list(map(str, vocabulary.FERTILISER))))}={value}"
    doc = survey.model_dump(mode="json", exclude={"id"})
    head = draw(st.sampled_from(sorted(doc)))  # a section (or a field of the survey's own) first, then its field
    group = draw(st.integers(0, 9)) == 0  # now and then a group of fields, which is refused
    path, old = (head, doc[head]) if group else draw(st.sampled_from(leaves(doc[head], head)))
    if isinstance(old, str):
        choices = next((w for w in vocabulary.LISTS.values() if old in w), None)
        value = draw(words(choices) if choices else st.sampled_from(["x", "Finca nueva"]))
    elif isinstance(old, bool):
        value = draw(st.sampled_from(["true", "false", "sí", "no"]))
    elif isinstance(old, int | float):  # near the value it has, mostly
        near = st.integers(0, 3).map(lambda k: str(old + k)) if isinstance(old, int) else st.floats(0, 2).map(
            lambda k: repr(old * k))
        value = draw(near | near | NUMBERS)
    else:
        value = draw(NUMBERS)
    return f"{path}={value}"


def exact(unit: Unit) -> tuple:
    """Everything of a unit, its numbers as their bits (-0.0 is not 0.0 here)."""
    fp = unit.footprint
    numbers = [fp.stages[s] for s in STAGES] + [fp.production_kg, fp.area_ha, fp.sequestration_kg,
                                                  fp.luc_one_off_kg, fp.luc_amortised_kg]
    return (unit.cooperative, unit.year, fp.label, fp.producers, fp.surveys, fp.notes, list(fp.stages),
            [struct.pack("<d", v) for v in numbers])


def changed_fields(before: Survey, after: Survey) -> set[str]:
    """The sections that differ, and for the general section the fields that do, as ``general.<field>``."""
    names = {name for name in Survey.model_fields
             if name != "general" and getattr(before, name) != getattr(after, name)}
    return names | {f"general.{name}" for name in General.model_fields
                    if getattr(before.general, name) != getattr(after.general, name)}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_footprint_with_the_parts_the_changes_reach_computed_again_is_the_changed_surveys(data):
    """Random changes to random surveys under every factor set: the shortcut's unit is the changed survey's to the
    last bit, or both refuse; and a change writes nothing but what it says."""
    survey = data.draw(st.sampled_from(SURVEYS))
    f = data.draw(st.sampled_from(FACTORS))
    changes = [parse_change(t) for t in data.draw(st.lists(a_change(survey), min_size=1, max_size=3))]
    try:
        changed = apply(survey, changes)
    except SurveyValidationError:
        changed = None
    needed = needed_sections(changes)
    if needed is None:  # not a field of the survey: the whole survey is the way
        assert written(changes) is None
        return
    assert changed is None or changed_fields(survey, changed) <= written(changes)
    stored = survey.model_dump(mode="json")
    before = unit_of(survey, f)
    if changed is None:
        with pytest.raises((SurveyValidationError, ValidationError, KeyError, ValueError)):
            changed_unit(before, {name: stored[name] for name in needed}, changes, f)
    else:
        after = changed_unit(before, {name: stored[name] for name in needed}, changes, f)
        expected = unit_of(changed, f)
        assert after == expected
        assert exact(after) == exact(expected)


@pytest.mark.parametrize("texts", [["husk.composted=50%"], ["husk.heaped=0", "husk.burned=0.1"],
                                   ["fermentation.method=sack", "husk.animal_feed=1"], ["general.yield_kg_ha=+20%"],
                                   ["packaging.jute=50%"], ["transport.vehicle=pickup"], ["fertilisation.urea=0"],
                                   ["fertilisation.data_collected=false"], ["drying.electricity_kwh=0"],
                                   ["general.agroforestry_ha=0"], ["general.campaign_year=2019"],
                                   ["land_use_change.conversions.0.year=2001"], ["general.producers=3"],
                                   ["general.dry_cocoa_kg=2500"], ["general.productive_area_ha=10"],
                                   ["notes=hola", "unit=Cooperativa completa"]], ids=str)
def test_every_kind_of_change_over_every_survey(surveys, texts, promperu, ipcc):
    """Each lever and a field of each section, over every survey: the changed survey's unit, or both refuse."""
    changes = [parse_change(t) for t in texts]
    needed = needed_sections(changes)
    assert needed
    applied = 0
    for survey in surveys:
        stored = survey.model_dump(mode="json")
        for f in (promperu, ipcc):
            try:
                expected = unit_of(apply(survey, changes), f)
            except SurveyValidationError:
                with pytest.raises((SurveyValidationError, ValidationError, KeyError, ValueError)):
                    changed_unit(unit_of(survey, f), {n: stored[n] for n in needed}, changes, f)
                continue
            after = changed_unit(unit_of(survey, f), {n: stored[n] for n in needed}, changes, f)
            assert exact(after) == exact(expected)
            applied += 1
    assert applied  # each kind applies to some of the surveys
