"""Aggregation farm → cooperative → campaign, by summing results (never averaging shares)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.footprint import compute
from cocoa_desktop.engine.results import Footprint, sum_footprints
from cocoa_desktop.engine.survey import Survey


@dataclass(slots=True)
class CampaignResult:
    cooperatives: dict[str, Footprint]  # in the order first met
    total: Footprint


def roll_up(surveys: Iterable[Survey], f: Factors, label: str = "Total") -> CampaignResult:
    """Compute every survey and sum farms into their cooperative, cooperatives into the campaign."""
    by_cooperative: dict[str, list[Footprint]] = {}
    for survey in surveys:
        by_cooperative.setdefault(survey.general.organisation, []).append(compute(survey, f))
    cooperatives = {name: sum_footprints(results, name) for name, results in by_cooperative.items()}
    return CampaignResult(cooperatives, sum_footprints(cooperatives.values(), label))
