"""Aggregation farm → cooperative → campaign, by summing results (never averaging shares)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.footprint import compute
from cocoa_desktop.engine.results import Footprint, sum_footprints
from cocoa_desktop.engine.survey import Survey


@dataclass(slots=True)
class CampaignResult:
    cooperatives: dict[str, Footprint]  # in the order first met
    total: Footprint


def roll_up(surveys: Iterable[Survey], f: Factors, label: str = "Total",
            each: Callable[[Survey, Footprint], None] | None = None) -> CampaignResult:
    """Compute every survey and sum farms into their cooperative, cooperatives into the campaign.

    ``each(survey, footprint)`` is called for every survey (e.g. to check it) without computing it twice."""
    by_cooperative: dict[str, list[Footprint]] = {}
    for survey in surveys:
        fp = compute(survey, f)
        if each is not None:
            each(survey, fp)
        by_cooperative.setdefault(survey.general.organisation, []).append(fp)
    cooperatives = {name: sum_footprints(results, name) for name, results in by_cooperative.items()}
    return CampaignResult(cooperatives, sum_footprints(cooperatives.values(), label))
