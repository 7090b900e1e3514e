"""Each survey's terms (engine/footprint/survey_terms.py), survey by survey, are exactly what the pass over the
surveys adds for it: the plan sums' additions give, on fresh sums, every number :meth:`PlanSums.add` gives (same type,
same float), and the polynomial terms added by ``add_traced`` give the very rows :meth:`Gathered.add` gives — the same
monomials with the same floats in the same order —, the same point values, steps, factors read and fields marked;
then the same over the whole campaign, survey after survey. On farms, cooperatives and regions, with and without
estimated fields, under both factor sets, with a trace warmed on other surveys first (as the main window's job)."""

from __future__ import annotations

import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.decisions.plan_terms import PlanFold, _get, _numbers
from cocoa_desktop.engine.decisions.recommendations import PlanSums
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.survey_terms import TermsMaker, annual_of
from cocoa_desktop.engine.model.survey import Survey, SurveyUnit
from cocoa_desktop.engine.uncertainty.polynomial import Gathered
from cocoa_desktop.engine.uncertainty.traced import add_traced

FIELDS = ["general.dry_cocoa_kg", "husk.shares", "packaging", "transport.legs", "fertilisation", "drying",
          "land_use_change", "general.areas"]


def _surveys(cooperatives) -> list[Survey]:
    surveys = generated_surveys(90, seed=41)
    for i, s in enumerate(surveys):
        if i % 3 == 0:
            s.estimated_fields = FIELDS[i % len(FIELDS):][:1 + i % 3]
    regions = [Survey.model_validate({**s.model_dump(mode="json"), "unit": SurveyUnit.REGION.value})
               for s in generated_surveys(6, seed=43)]
    marked = [s.model_copy(update={"estimated_fields": list(FIELDS)}) for s in cooperatives.surveys[:3]]
    return [*surveys, *regions, *cooperatives.surveys, *marked]


def _numbers_of(sums: PlanSums) -> list[tuple[type, float]]:
    return [(type(_get(place)), _get(place)) for place in _numbers(sums)] + [(bool, sums.estimated),
                                                                            (list, list(sums.sources))]


def _unit(gathered: Gathered):
    assert gathered.units is not None
    return {name: ([list(row.items()) for row in unit.rows], unit.production, unit.count, unit.point,
                   [(s.path, s.rows.tolist(), [gathered.monomials[p] for p in s.places.tolist()],
                     s.coefficients.tolist(), s.production, s.feasible) for s in unit.steps])
            for name, unit in gathered.units.items()}


@pytest.mark.parametrize("which", ["promperu", "ipcc"])
def test_each_survey_s_terms_are_what_the_pass_adds_for_it(cooperatives, which, request):
    f = request.getfixturevalue(which)
    surveys = _surveys(cooperatives)
    assert {s.unit for s in surveys} == set(SurveyUnit)
    assert sum(bool(s.estimated_fields) for s in surveys) > 30
    maker = TermsMaker(f)
    for s in generated_surveys(8, seed=3):  # the main window's job traces other campaigns' surveys first
        maker.terms(s, compute(s, f))
    whole_pass, whole_fold = Gathered(f), Gathered(f)
    steps = 0
    for s in surveys:
        fp = compute(s, f)
        values = annual_of(fp)
        terms = maker.terms(s, fp)
        assert terms is not None
        assert (terms.cooperative, terms.year, terms.farm) == (s.cooperative, s.general.campaign_year,
                                                               s.unit is SurveyUnit.FARM)
        sums = PlanSums(f)
        sums.add(s, values)
        fold = PlanFold(f)
        fold.add(terms.plan)
        assert _numbers_of(fold.result()) == _numbers_of(sums)
        one_pass, one_fold = Gathered(f), Gathered(f)
        for gathered in (one_pass, whole_pass):
            gathered.add(s, values)
        for gathered in (one_fold, whole_fold):
            add_traced(gathered, s.cooperative, terms.polynomial, values, s.production_kg)
        assert _unit(one_fold) == _unit(one_pass)
        assert one_fold.reading.read == one_pass.reading.read and one_fold.paths == one_pass.paths
        steps += len(terms.polynomial.steps)
    assert steps > 30
    assert _unit(whole_fold) == _unit(whole_pass)
    assert whole_fold.reading.read == whole_pass.reading.read and whole_fold.paths == whole_pass.paths
    assert whole_fold.monomials == whole_pass.monomials
