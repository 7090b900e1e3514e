"""What the campaign view gathers of each survey
(:class:`~cocoa_desktop.engine.footprint.campaign_summary.CampaignSummary`) besides its footprint, worked out ahead —
by the main window's footprints, as it computes each survey — so that the view adds the surveys' terms in file order
instead of reading 10,000 surveys: the cooperative, the year, whether a farm, the plan sums' additions
(:mod:`~cocoa_desktop.engine.decisions.plan_terms`) and the Monte Carlo's polynomials
(:mod:`~cocoa_desktop.engine.uncertainty.traced`); about 1 kB a survey. Densifying a unit is not among them: it
depends on the campaign's yield, known only once every survey is summed (its surveys are read again, as before)."""

from __future__ import annotations

from array import array
from typing import NamedTuple

from cocoa_desktop.engine.decisions.plan_terms import PlanTape, PlanTerms
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGES, Footprint
from cocoa_desktop.engine.model.survey import Survey, SurveyUnit
from cocoa_desktop.engine.uncertainty.traced import SurveyPolynomial, Tracer


class SurveyTerms(NamedTuple):
    cooperative: str
    year: int
    farm: bool
    plan: PlanTerms
    polynomial: SurveyPolynomial


def annual_of(fp: Footprint) -> tuple[float, ...]:
    """A survey's annual values as the roll-up computed them (S1 … S6, sequestration, LUC one-off, LUC amortised),
    from its footprint."""
    return (*(fp.stages[s] for s in STAGES), fp.sequestration_kg, fp.luc_one_off_kg, fp.luc_amortised_kg)


class TermsMaker:
    """Works out surveys' terms under ``f``, one at a time (one thread at a time)."""

    def __init__(self, f: Factors) -> None:
        self.tape, self.tracer = PlanTape(f), Tracer(f)
        self.names: dict[str, str] = {}  # each cooperative's name held once

    def terms(self, survey: Survey, fp: Footprint) -> SurveyTerms | None:
        """The survey's terms (``fp``: its footprint under ``f``); None when they cannot be written down (the
        campaign is then gathered survey by survey, as before)."""
        plan = self.tape.terms(survey, annual_of(fp))
        if plan is None:
            return None
        polynomial = self.tracer.terms(survey)
        if polynomial is None:
            return None
        name = survey.general.organisation
        return SurveyTerms(self.names.setdefault(name, name), survey.general.campaign_year,
                           survey.unit is SurveyUnit.FARM, plan, polynomial)


Packed = tuple  # a survey's terms as kept for long (:func:`packed`)


def packed(terms: SurveyTerms) -> Packed:
    """``terms`` as one tuple of strings, numbers, bytes, None, numpy arrays and tuples of them, which Python's
    garbage collector stops tracking: kept for 20,000 surveys, the named tuples, arrays and sets of the terms doubled
    the objects every full collection walks (61 → 166 ms a collection, paid in the wizard's clicks). Undone by
    :func:`unpacked`."""
    plan, poly = terms.plan, terms.polynomial
    return (terms.cooperative, terms.year, terms.farm, plan.places, plan.values.typecode, plan.values.tobytes(),
            plan.sources, poly.keys.typecode, poly.keys.tobytes(), poly.values.typecode, poly.values.tobytes(),
            tuple(poly.read), poly.paths, tuple(poly.steps))


def _array(typecode: str, data: bytes) -> array:
    found = array(typecode)
    found.frombytes(data)
    return found


def unpacked(kept: Packed) -> SurveyTerms:
    """The :class:`SurveyTerms` :func:`packed` gave: equal to them."""
    (cooperative, year, farm, places, plan_type, plan_values, sources, key_type, keys, value_type, values, read, paths,
     steps) = kept
    return SurveyTerms(cooperative, year, farm, PlanTerms(places, _array(plan_type, plan_values), sources),
                       SurveyPolynomial(_array(key_type, keys), _array(value_type, values), frozenset(read), paths,
                                        steps))
