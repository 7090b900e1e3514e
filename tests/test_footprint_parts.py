"""The footprint's parts hold to their claims: each reads only the inputs it names (given a survey of those alone, it
gives the figures of compute), adds only notes of its own, and together they are the whole footprint."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
from helpers import farm, generated_surveys

from cocoa_desktop.engine.decisions.footprint_parts import (
    PARTS,
    PRODUCTION,
    PRODUCTION_FIELDS,
    Part,
    owner,
    parts_reading,
    section_of_input,
)
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import available_factor_sets, factors_for
from cocoa_desktop.engine.footprint.results import STAGES
from cocoa_desktop.engine.model.survey import Survey

FACTORS = [factors_for(s) for s in available_factor_sets()] + [factors_for("promperu-2020", "AR5")]


@pytest.fixture(scope="module")
def surveys() -> list[Survey]:
    return [*generated_surveys(60, seed=5), farm(), farm(fertilisation={"data_collected": False})]


class Claimed(SimpleNamespace):
    """Some attributes of a survey or of its general section; reading another raises AttributeError naming it."""

    def __getattr__(self, name: str):
        raise AttributeError(f"{self.__dict__.get('_where', '')}{name}")


def claimed_survey(part: Part, survey: Survey) -> Claimed:
    """The survey as the part claims to read it: its sections named, and of the general section only the
    attributes named (reading anything else raises AttributeError)."""
    sections = {name: getattr(survey, name) for name in part.reads if "." not in name}
    general = {name.partition(".")[2]: getattr(survey.general, name.partition(".")[2])
               for name in part.reads if section_of_input(name) == "general" and "." in name}
    return Claimed(**sections, general=Claimed(_where="general.", **general))


def figures_of(fp) -> dict:
    return {**fp.stages, "sequestration_kg": fp.sequestration_kg, "luc_one_off_kg": fp.luc_one_off_kg,
            "luc_amortised_kg": fp.luc_amortised_kg, "label": fp.label, "production_kg": fp.production_kg,
            "area_ha": fp.area_ha, "producers": fp.producers}


def wrong_claims(part: Part, surveys: list[Survey]) -> list[str]:
    """What the part does beyond its claims over the surveys and every factor set (empty: nothing)."""
    found = []
    for survey in surveys:
        for f in FACTORS:
            expected, notes = figures_of(compute(survey, f)), set()
            productions = [survey.production_kg]
            if PRODUCTION not in part.reads:  # a production it does not read cannot change its figures
                productions += [math.nan, survey.production_kg * 3 + 7]
            for p in productions:
                try:
                    got = part.formula(claimed_survey(part, survey), p, f, notes)
                except AttributeError as exc:
                    found.append(f"{survey.general.farm_name} / {f.label}: reads {exc}")
                    break
                if got != {k: expected[k] for k in got}:
                    found.append(f"{survey.general.farm_name} / {f.label}: figures {got} with production {p}")
            found += [f"adds the note {n} of {getattr(owner(n), 'name', None)}" for n in notes if owner(n) is not part]
    return found


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.name)
def test_a_part_reads_only_what_it_claims_and_adds_only_its_notes(surveys, part):
    assert wrong_claims(part, surveys) == []


def test_a_wrong_claim_fails(surveys):
    """The check has teeth: the fertilisation stage said to read its section alone (it reads the productive area when
    no data were collected), the husk stage said to read no production, a part said to own no notes."""
    section_only = Part("fertilisation", frozenset({"fertilisation"}), PARTS[1].formula, PARTS[1].notes)
    assert any("productive_area_ha" in w for w in wrong_claims(section_only, surveys))
    no_production = Part("husk", frozenset({"husk"}), PARTS[0].formula)
    assert any("figures" in w for w in wrong_claims(no_production, surveys))
    no_notes = Part("drying", PARTS[3].reads, PARTS[3].formula)
    assert any("drying_energy_without_dryer" in w for w in wrong_claims(no_notes, surveys))


def test_the_parts_are_the_whole_footprint_and_its_notes(surveys):
    seen: set[str] = set()
    for survey in surveys:
        for f in FACTORS:
            fp, notes, got = compute(survey, f), set(), {}
            for part in PARTS:
                figures = part.formula(survey, survey.production_kg, f, notes)
                assert not got.keys() & figures.keys()  # each figure is one part's
                got |= figures
            assert got == figures_of(fp)
            assert fp.notes - notes <= {"gwp_not_published"} and notes <= fp.notes
            seen |= notes
    assert got.keys() == {*STAGES, "sequestration_kg", "luc_one_off_kg", "luc_amortised_kg", "label", "production_kg",
                          "area_ha", "producers"}
    for part in PARTS:  # no claim of a note that is never added: every one is seen over these surveys
        assert part.notes <= seen, part.name
        assert all(any(n.startswith(prefix) for n in seen) for prefix in part.prefixes), part.name
    assert owner("gwp_not_published") is None


def test_the_production_is_read_of_its_fields_alone(surveys):
    for survey in surveys:
        fields = {name.partition(".")[2]: getattr(survey.general, name.partition(".")[2]) for name in PRODUCTION_FIELDS}
        assert type(survey.general).production_kg.fget(SimpleNamespace(**fields)) == survey.production_kg


def test_the_parts_a_change_reaches():
    names = {part.name for part in parts_reading(frozenset({"general.dry_cocoa_kg", "packaging"}))}
    assert names == {"husk", "fermentation", "packaging", "sequestration", "unit"}
    assert [p.name for p in parts_reading(frozenset({"land_use_change"}))] == ["land_use_change"]
    assert [p.name for p in parts_reading(frozenset({"general.campaign_year"}))] == ["land_use_change"]
    assert parts_reading(frozenset({"general.shade_trees_per_ha", "sequestration"})) == ()
    assert owner("unsourced:bag_jute_sack").name == "packaging" and owner("luc_year_unknown").name == "land_use_change"
