"""What-if scenarios over a survey or a campaign: the same surveys with some changes, before and after.

A scenario is a name, a list of changes (:mod:`~cocoa_desktop.engine.decisions.scenario_changes`) and, optionally, the
one cooperative it applies to. The result holds both campaign tables, so every cooperative and the total can be put
side by side. When a scenario composts husk, the report's claim ("composting cuts 80 %, from 1.43 to 0.28 kg/kg")
is put beside what the model gives (methodology §5: 79 % less per kg of husk diverted, applied by the report to the
net footprint; modelled, composting all the region's husk gives net −1.16 kg/kg).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cocoa_desktop.engine.decisions.scenario_changes import MAX_CHANGES, ROTTING, Change, apply, parse_change
from cocoa_desktop.engine.footprint import promperu_2020 as report
from cocoa_desktop.engine.footprint.campaign import CampaignTable, campaign_table
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint, Stage
from cocoa_desktop.engine.footprint.stages.husk import destination_efs
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.model.survey import HuskDestination, Survey
from cocoa_desktop.engine.words import percent, quantity, say

SCENARIO_FORMAT = "cocoa-desktop/scenario"


@dataclass(frozen=True)
class Scenario:
    name: str
    changes: tuple[Change, ...] = ()
    cooperative: str | None = None  # None: every survey of the campaign

    def document(self) -> dict[str, Any]:
        return {"format": SCENARIO_FORMAT, "name": self.name, "cooperative": self.cooperative,
                "changes": [str(c) for c in self.changes]}

    @classmethod
    def from_document(cls, doc: Any) -> Scenario:
        ok = isinstance(doc, dict) and isinstance(doc.get("name"), str) and isinstance(doc.get("changes"), list)
        if not ok or not all(isinstance(c, str) for c in doc["changes"]) or len(doc["changes"]) > MAX_CHANGES:
            raise SurveyValidationError([Issue("scenario", "bad_scenario", "escenario guardado ilegible",
                                               "unreadable saved scenario")])
        coop = doc.get("cooperative")
        return cls(doc["name"], tuple(parse_change(c) for c in doc["changes"]), coop if isinstance(coop, str) else None)


def check_scope(cooperatives: Iterable[str], scenario: Scenario) -> None:
    """Refuse a scenario for a cooperative that none of the surveys (their ``cooperatives``) belongs to."""
    if scenario.cooperative is not None and all(c != scenario.cooperative for c in cooperatives):
        raise SurveyValidationError([Issue("scenario.cooperative", "unknown_cooperative",
                                           f"no hay ninguna encuesta de «{scenario.cooperative}» en la campaña",
                                           f"no survey of “{scenario.cooperative}” in the campaign")])


def applied(surveys: Sequence[Survey], scenario: Scenario) -> list[Survey]:
    """The surveys with the scenario's changes (only the chosen cooperative's, when one is chosen); a changed survey
    shares the sections no change touches with its original."""
    check_scope((s.cooperative for s in surveys), scenario)
    return [apply(s, list(scenario.changes)) if scenario.cooperative in (None, s.cooperative) else s
            for s in surveys]


@dataclass(frozen=True)
class ScenarioResult:
    """Both tables, and nothing of the surveys: the scenario editor keeps its result as long as it is shown (the
    10,000 changed surveys it kept were ~160 MB)."""

    scenario: Scenario
    before: CampaignTable
    after: CampaignTable

    def pairs(self) -> list[tuple[str, Footprint, Footprint]]:
        """(cooperative, before, after) in the order of the table before, then the total."""
        after = {r.name: r.footprint for r in self.after.rows}
        rows = [(r.name, r.footprint, after[r.name]) for r in self.before.rows]
        return [*rows, (self.before.name, self.before.total, self.after.total)]

    @property
    def composts_husk(self) -> bool:
        return any(c.path in ("husk.composted", "husk.compost") for c in self.scenario.changes)


def run(surveys: Sequence[Survey], scenario: Scenario, f: Factors, name: str = "Total") -> ScenarioResult:
    """Before and after over the surveys (the changed ones dropped once summed). From the footprints already
    computed instead of the surveys: :mod:`~cocoa_desktop.engine.decisions.scenario_footprints`."""
    changed = applied(surveys, scenario)
    return ScenarioResult(scenario, campaign_table(surveys, f, name), campaign_table(changed, f, name))


def diversion_saving(f: Factors) -> tuple[float, float, float]:
    """(EF of husk rotting in heaps, EF of composted husk, share saved per kg diverted): 79 % for PROMPERÚ 2020."""
    efs = destination_efs(f)
    rot, compost = efs[HuskDestination.HEAPED], efs[HuskDestination.COMPOSTED]
    return rot, compost, (1.0 - compost / rot) if rot > 0 else 0.0


def composting_comparison(result: ScenarioResult, f: Factors, lang: str = "es") -> str | None:
    """The report's "80 %, from 1.43 to 0.28" beside what this model gives for this scenario, in words."""
    if not result.composts_husk:
        return None
    before, after = result.before.total, result.after.total
    rot, compost, per_kg = diversion_saving(f)
    husk_b, husk_a = before.stages[Stage.HUSK], after.stages[Stage.HUSK]
    husk_cut = 1.0 - husk_a / husk_b if husk_b > 0 else 0.0
    net_cut = 1.0 - after.net_kg / before.net_kg if before.net_kg > 0 else float("nan")

    claim = report.COMPOSTING_CLAIM_SHARE
    return say(lang,
               f"El informe: el compostaje «podría reducir las emisiones totales en {percent(claim, 0, lang)}, de "
               f"{quantity(report.COMPOSTING_CLAIM_BEFORE, 2, lang)} a "
               f"{quantity(report.COMPOSTING_CLAIM_AFTER, 2, lang)} kg CO2e/kg»: aplicó el ahorro por kg de cáscara a "
               "la huella neta. Este modelo: cada kg de cáscara que deja de pudrirse y se composta emite un "
               f"{percent(per_kg, 0, lang)} menos ({quantity(rot, 4, lang)} → {quantity(compost, 4, lang)} kg CO2e por "
               f"kg de cáscara); en este escenario la etapa de cáscara baja un {percent(husk_cut, 0, lang)} "
               f"({quantity(husk_b / 1000, 1, lang)} → {quantity(husk_a / 1000, 1, lang)} t/año), porque solo cambia "
               f"la cáscara que se pudría, y la huella neta pasa de {quantity(before.net_per_kg, 2, lang)} a "
               f"{quantity(after.net_per_kg, 2, lang)} kg CO2e/kg"
               + (f" ({percent(net_cut, 0, lang)} menos)." if net_cut == net_cut else "."),
               f"The report: composting \"could reduce the total emissions by {percent(claim, 0, lang)}, from "
               f"{quantity(report.COMPOSTING_CLAIM_BEFORE, 2, lang)} to "
               f"{quantity(report.COMPOSTING_CLAIM_AFTER, 2, lang)} kg CO2e/kg\" — it applied the saving per kg of "
               "husk to the net footprint. This model: each kg of husk moved from rotting to compost emits "
               f"{percent(per_kg, 0, lang)} less ({quantity(rot, 4, lang)} → {quantity(compost, 4, lang)} kg CO2e per "
               f"kg of husk); in this scenario the husk stage falls by {percent(husk_cut, 0, lang)} "
               f"({quantity(husk_b / 1000, 1, lang)} → {quantity(husk_a / 1000, 1, lang)} t/yr), because only the husk "
               f"left to rot changes, and the net footprint goes from {quantity(before.net_per_kg, 2, lang)} to "
               f"{quantity(after.net_per_kg, 2, lang)} kg CO2e/kg"
               + (f" ({percent(net_cut, 0, lang)} less)." if net_cut == net_cut else "."))


__all__ = ["ROTTING", "Change", "Scenario", "ScenarioResult", "applied", "check_scope", "composting_comparison",
           "diversion_saving", "parse_change", "run"]
