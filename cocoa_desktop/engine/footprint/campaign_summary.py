"""What the campaign view shows of a campaign, gathered survey by survey so that no survey model is held once it has
been added (10,000 farms' models are about 240 MB, and they stayed in memory as long as the view was open).

One pass in file order feeds the roll-up (:func:`~cocoa_desktop.engine.footprint.rollup.roll_up`, each survey computed
once), each cooperative's plan sums (:class:`~cocoa_desktop.engine.decisions.recommendations.PlanSums`, with the
roll-up's annual values), each farm's footprint (for a cooperative extrapolated from its sample of farms) and what the
Monte Carlo needs: the factors read, and each cooperative's results as sums of products of the varying factors
(:class:`~cocoa_desktop.engine.uncertainty.polynomial.Gathered`), which :meth:`CampaignSummary.simulate` evaluates on
the draws without reading a survey again. What needs a cooperative's surveys once they are all known asks the source
for them again, cooperative by cooperative: densifying a unit whose yield is well below the campaign's
(:meth:`CampaignSummary.plans`; not when the table the main window's footprints give has already named it and the
campaign's yield: it is densified in the pass), and the Monte Carlo should the engine ever do with a factor what no
polynomial does.

:meth:`CampaignSummary.folded` makes the same summary without the surveys, from each survey's footprint and terms
worked out ahead (:mod:`~cocoa_desktop.engine.footprint.survey_terms`: the main window's footprints keep them), added
in file order as the pass adds the surveys.

Every figure is the same sum, in the same order, as the list forms give (
:func:`~cocoa_desktop.engine.footprint.campaign.campaign_table`,
:func:`~cocoa_desktop.engine.decisions.recommendations.plans`,
:func:`~cocoa_desktop.engine.uncertainty.monte_carlo.simulate`,
:func:`~cocoa_desktop.engine.footprint.extrapolation.cooperative_from_sample`,
:func:`~cocoa_desktop.engine.footprint.year_over_year.units_of`): ``tests/test_campaign_summary.py`` compares them.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from cocoa_desktop.engine.decisions.plan_terms import PlanFold
from cocoa_desktop.engine.decisions.recommendations import DensifySums, Plan, PlanSums, needs_densify, plan_from
from cocoa_desktop.engine.footprint.campaign import CampaignTable, table_of
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.footprint.rollup import Rollup, roll_up
from cocoa_desktop.engine.footprint.survey_terms import SurveyTerms, annual_of
from cocoa_desktop.engine.footprint.year_over_year import Units
from cocoa_desktop.engine.model.survey import Survey, SurveyUnit
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.engine.uncertainty.monte_carlo import Simulation, Uncertainty
from cocoa_desktop.engine.uncertainty.polynomial import Gathered
from cocoa_desktop.engine.uncertainty.traced import add_traced

Again = Callable[[Sequence[int]], Iterable[Survey]]  # the surveys at these places of the first pass, read again


class CampaignSummary:
    """A campaign's table, plan sums, farms' footprints and Monte Carlo inputs from one pass over ``surveys``."""

    def __init__(self, surveys: Iterable[Survey], f: Factors, name: str = "Total",
                 densify: Mapping[str, float] | None = None) -> None:
        """``densify``: cooperative → the campaign's yield, for the cooperatives already known to be densified at that
        yield (the table the main window's footprints give): their surveys are densified in this pass, and
        :meth:`plans` reads none of them again when the campaign's yield is the same once read."""
        self._begin(f, densify)
        result = roll_up(surveys, f, label=name, each=self._add)
        self.table: CampaignTable = table_of(result, name, self._year())

    def _begin(self, f: Factors, densify: Mapping[str, float] | None) -> None:
        self.f = f
        self.densify = dict(densify or {})
        self.densified: dict[str, DensifySums] = {}
        self.count = 0
        self.members: dict[str, array] = {}  # each cooperative's surveys' places, cooperatives as first met
        self.sums: dict[str, PlanSums] = {}
        self.farms: dict[str, list[Footprint]] = {}  # each cooperative's farm surveys' footprints, in file order
        self.years: Counter[int] = Counter()
        self.gathered = Gathered(f)  # what the Monte Carlo needs: each cooperative's surveys summed

    def _year(self) -> int | None:
        return self.years.most_common(1)[0][0] if self.years else None

    @classmethod
    def folded(cls, entries: Iterable[tuple[Footprint, SurveyTerms]], f: Factors,
               name: str = "Total") -> CampaignSummary:
        """The summary of the surveys whose footprints and terms under ``f`` are ``entries`` (in file order, drafts
        left out), without the surveys: each survey's terms added as the pass over the surveys adds them, the same
        floats in the same order, so every figure is equal. :meth:`plans` reads again the surveys of a unit to
        densify (its terms depend on the campaign's yield)."""
        self = cls.__new__(cls)
        self._begin(f, None)
        rollup = Rollup(f)
        folds: dict[str, PlanFold] = {}
        gathered = self.gathered
        for fp, terms in entries:
            coop = terms.cooperative
            places = self.members.get(coop)
            if places is None:
                places = self.members[coop] = array("q")
                folds[coop] = PlanFold(f)
                self.farms[coop] = []
            places.append(self.count)
            self.count += 1
            sums = rollup.cooperative(coop)  # as roll_up adds the survey: its notes, then its values
            sums.notes |= fp.notes
            values = annual_of(fp)
            sums.add_values(values, fp.production_kg, fp.area_ha, fp.producers)
            folds[coop].add(terms.plan)
            if terms.farm:
                self.farms[coop].append(fp)
            self.years[terms.year] += 1
            add_traced(gathered, coop, terms.polynomial, values, fp.production_kg)
        self.sums = {coop: fold.result() for coop, fold in folds.items()}
        self.table = table_of(rollup.result(name), name, self._year())
        return self

    def _add(self, survey: Survey, fp: Footprint) -> None:
        coop = survey.general.organisation
        places = self.members.get(coop)
        if places is None:
            places = self.members[coop] = array("q")
            self.sums[coop] = PlanSums(self.f)
            self.farms[coop] = []
        places.append(self.count)
        self.count += 1
        values = annual_of(fp)  # the roll-up's annual values of this survey
        self.sums[coop].add(survey, values)
        if survey.unit is SurveyUnit.FARM:
            self.farms[coop].append(fp)
        self.years[survey.general.campaign_year] += 1
        self.gathered.add(survey, values)
        at = self.densify.get(coop)
        if at is not None:
            densified = self.densified.get(coop)
            if densified is None:
                densified = self.densified[coop] = DensifySums(self.f, at)
            densified.add(survey)

    def plans(self, again: Again) -> list[Plan]:
        """A plan for every cooperative, in the table's order (as
        :func:`~cocoa_desktop.engine.decisions.recommendations.plans`); the surveys of a unit to densify are read
        again, unless the pass densified them at the campaign's very yield (``densify``)."""
        table, f = self.table, self.f
        campaign_yield = table.yield_kg_ha
        found = []
        for row in table.rows:
            densified = None
            if needs_densify(row.footprint, campaign_yield):
                if self.densify.get(row.name) == campaign_yield:
                    densified = self.densified.get(row.name)
                if densified is None:
                    densified = DensifySums(f, campaign_yield)
                    for survey in again(self.members[row.name]):
                        densified.add(survey)
            found.append(plan_from(row.name, self.sums[row.name], row.footprint, f, campaign_yield, row.published,
                                   densified))
        return found

    def units(self) -> Units:
        """Each cooperative's roll-up and inputs, as first met
        (:func:`~cocoa_desktop.engine.footprint.year_over_year.units_of` of the surveys: their plan sums gathered the
        same inputs)."""
        rolled = {row.name: row.footprint for row in self.table.rows}
        return {name: (rolled[name], self.sums[name].inputs.result()) for name in self.members}

    @property
    def needs_surveys(self) -> bool:
        """Whether :meth:`simulate` reads the surveys again (only when the engine did with a factor something that
        is not a polynomial: see :mod:`~cocoa_desktop.engine.uncertainty.polynomial`)."""
        return self.gathered.units is None

    def simulate(self, again: Again | None = None, progress: Progress | None = None) -> Uncertainty:
        """The Monte Carlo of every cooperative and the campaign (as
        :func:`~cocoa_desktop.engine.uncertainty.monte_carlo.simulate`, the same draws): each cooperative's sums
        gathered in the pass evaluated on the draws; only when :attr:`needs_surveys`, each cooperative's surveys
        read again in turn (``again``), none kept."""
        run = Simulation(self.f, self.gathered.inputs)
        units = self.gathered.units
        done = 0
        if units is not None:
            for coop in self.members:
                run.summed(coop, units[coop])
                done += units[coop].count
                if progress is not None:
                    progress(done / self.count)
            return run.result()
        if again is None:
            raise ValueError("the surveys are needed again to simulate this campaign")

        def step(_survey: Survey) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done / self.count)

        for coop, places in self.members.items():
            run.cooperative(coop, again(places), step)
        return run.result()
