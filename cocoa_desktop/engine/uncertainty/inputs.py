"""What the Monte Carlo (:mod:`~cocoa_desktop.engine.uncertainty.monte_carlo`) must know of all the surveys before it
draws: which factors the engine reads (only those are drawn) and which survey values are marked estimated, gathered one
survey at a time, so that a campaign read survey by survey (:mod:`~cocoa_desktop.engine.report_digest`) never holds
them all."""

from __future__ import annotations

from cocoa_desktop.engine.footprint.compute import annual_values
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.uncertainty.steps import perturbed


class _Reading(Factors):
    """Factors that remember which values the engine read (only those are drawn)."""

    def __init__(self, f: Factors) -> None:
        super().__init__(f.factor_set, f.gwp)
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> float:
        self.read.add(key)
        return super().__getitem__(key)


class Inputs:
    """What the simulation must know of all the surveys before it draws: the estimated fields marked and the factors
    the engine reads (only those are drawn), gathered survey by survey (``add`` each)."""

    def __init__(self, f: Factors) -> None:
        self.reading = _Reading(f)
        self.paths: set[str] = set()

    def add(self, survey: Survey) -> None:
        annual_values(survey, self.reading, set())
        self.paths.update(survey.estimated_fields)
        for path in survey.estimated_fields:  # a moved survey may use others (husk heaped where none was)
            step = perturbed(survey, path)
            if step is not None:
                annual_values(step[0], self.reading, set())
