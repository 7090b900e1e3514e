"""What the buyers' report needs from a campaign, gathered survey by survey so that no more than one survey model is
held at a time (a 22,000-farm campaign's models alone are about 280 MB).

One pass in file order feeds every sum the report prints — the roll-up, each cooperative's and the campaign's plan,
the gases, the factors used, the surveys' facts, what the Monte Carlo must know before it draws, the warnings of
small units — each the same sum, in the same order, as the functions that take a list of surveys
(:func:`~cocoa_desktop.engine.decisions.recommendations.plan_for`,
:func:`~cocoa_desktop.engine.footprint.by_gas.gas_split` …), which are built on the same folds. A second pass,
cooperative by cooperative, asks the source for each survey again (:meth:`SurveySource.again`) for what must go through
a cooperative's surveys once they are all known: the Monte Carlo (one cooperative's draws at a time, in the order of the
list form) and densifying a unit whose yield is well below the campaign's.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from cocoa_desktop.engine.decisions.recommendations import DensifySums, Plan, PlanSums, needs_densify, plan_from
from cocoa_desktop.engine.footprint.by_gas import GasSplit, add_survey
from cocoa_desktop.engine.footprint.campaign import CampaignTable, table_of
from cocoa_desktop.engine.footprint.checks import survey_warnings
from cocoa_desktop.engine.footprint.compute import annual_values, compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint, Trace
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.report_facts import FactorsUsed, SurveyFactsSums
from cocoa_desktop.engine.uncertainty import monte_carlo as uncertainty

WARNINGS_BELOW = 50  # a unit of fewer surveys lists their warnings in the report


class SurveySource(Protocol):
    """Surveys in file order (iterated once), and any of them again by its place."""

    def __iter__(self) -> Iterator[Survey]: ...

    def again(self, index: int) -> Survey: ...


class SurveyList:
    """A list of surveys already in memory as a :class:`SurveySource`."""

    def __init__(self, surveys: Sequence[Survey]) -> None:
        self.surveys = surveys

    def __iter__(self) -> Iterator[Survey]:
        return iter(self.surveys)

    def again(self, index: int) -> Survey:
        return self.surveys[index]


class CampaignDigest:
    """The report's sums over a campaign (see the module). ``warn_units``: the most cooperatives whose warnings are
    gathered (a report of more gives them none); ``draws`` 0: no Monte Carlo."""

    def __init__(self, source: SurveySource, f: Factors, name: str = "Total", draws: int = uncertainty.DRAWS,
                 seed: int = 1, warn_units: int = 20, lang: str = "es") -> None:
        self.f, self.lang, self.warn_units = f, lang, warn_units
        self.count = 0
        self.members: dict[str, array] = {}  # each cooperative's surveys' places, cooperatives as first met
        self.plans: dict[str, PlanSums] = {}
        self.total_plan = PlanSums(f)
        self.gas = GasSplit()
        self.factors = FactorsUsed(f)
        self.facts = SurveyFactsSums()
        self.years: Counter[int] = Counter()
        self.inputs = uncertainty.Inputs(f)
        self.warnings: dict[str, list[str]] = {}  # by cooperative while it has fewer than WARNINGS_BELOW surveys
        self.total_warnings: list[str] = []
        result = roll_up(self._each(source), f, label=name)
        self.table: CampaignTable = table_of(result, name, self.years.most_common(1)[0][0] if self.years else None)
        self.rows = {row.name: row for row in self.table.rows}
        self.spread = self._second_pass(source, draws, seed)

    def _each(self, surveys: Iterable[Survey]) -> Iterator[Survey]:
        for survey in surveys:
            coop = survey.general.organisation
            places = self.members.get(coop)
            if places is None:
                places = self.members[coop] = array("q")
                self.plans[coop] = PlanSums(self.f)
            places.append(self.count)
            self.count += 1
            values = annual_values(survey, self.f, set())  # computed once for both plans' husk checks
            self.plans[coop].add(survey, values)
            self.total_plan.add(survey, values)
            trace = Trace()  # one traced calculation for the gases and the factors used
            fp = compute(survey, self.f, trace)
            add_survey(self.gas, survey, self.f, trace, fp)
            self.factors.add(survey, trace)
            self.facts.add(survey)
            self.years[survey.general.campaign_year] += 1
            self.inputs.add(survey)
            self._warn(coop, survey, fp)
            yield survey

    def _warn(self, coop: str, survey: Survey, fp: Footprint) -> None:
        small_unit = len(self.members[coop]) < WARNINGS_BELOW and len(self.members) <= self.warn_units
        if not small_unit and self.count >= WARNINGS_BELOW:
            self.warnings.pop(coop, None)
            return
        found = [w.message(self.lang) for w in survey_warnings(survey, fp)]
        if small_unit:
            self.warnings.setdefault(coop, []).extend(found)
        else:
            self.warnings.pop(coop, None)
        if self.count < WARNINGS_BELOW:
            self.total_warnings.extend(found)

    def unit_warnings(self, coop: str) -> list[str]:
        """The warnings of a cooperative's surveys, when it has fewer than WARNINGS_BELOW."""
        return self.warnings.get(coop, []) if len(self.members[coop]) < WARNINGS_BELOW else []

    def campaign_warnings(self) -> list[str]:
        return self.total_warnings if self.count < WARNINGS_BELOW else []

    def _second_pass(self, source: SurveySource, draws: int, seed: int) -> uncertainty.Uncertainty | None:
        """Each cooperative's surveys again: the Monte Carlo and the densified units."""
        table = self.table
        campaign_yield = table.yield_kg_ha
        self.densified: dict[str, DensifySums] = {
            row.name: DensifySums(self.f, campaign_yield) for row in table.rows
            if needs_densify(row.footprint, campaign_yield)}
        run = uncertainty.Simulation(self.f, self.inputs, draws=draws, seed=seed) if draws else None
        for coop, places in self.members.items():
            densify = self.densified.get(coop)
            if run is None and densify is None:
                continue
            surveys = (source.again(i) for i in places)
            if run is None:
                for survey in surveys:
                    densify.add(survey)  # type: ignore[union-attr]  # not None here
            else:
                run.cooperative(coop, surveys, densify.add if densify is not None else None)
        self.total_densified = None
        if needs_densify(table.total, campaign_yield):
            self.total_densified = DensifySums(self.f, campaign_yield)
            for index in range(self.count):
                self.total_densified.add(source.again(index))
        return run.result() if run is not None else None

    def plan(self, coop: str) -> Plan:
        row = self.rows[coop]
        return plan_from(coop, self.plans[coop], row.footprint, self.f, self.table.yield_kg_ha, row.published,
                         self.densified.get(coop))

    def campaign_plan(self) -> Plan:
        total = self.table.total
        return plan_from(total.label, self.total_plan, total, self.f, self.table.yield_kg_ha, None,
                         self.total_densified)
