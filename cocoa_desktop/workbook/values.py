"""The value the engine computes for each formula cell, written beside the formula (see :mod:`xlsx`).

Results (stages, totals, intensities, land-use change, composting saving) are the engine's own numbers; the
per-item figures come from the engine's per-item functions; the rest (labels, helper rows, sums of shares) is
plain bookkeeping. The recalculation tests check that LibreOffice, recalculating every formula, finds the same.
"""

from __future__ import annotations

import math
from typing import Any

from cocoa_desktop.engine.decisions.recommendations import composting_saving_kg, jute_saving_kg
from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint, Stage
from cocoa_desktop.engine.footprint.stages.fertilisation import pesticide_emissions, product_emissions
from cocoa_desktop.engine.footprint.stages.fuels import fuel_ef
from cocoa_desktop.engine.footprint.stages.husk import husk_ratio
from cocoa_desktop.engine.footprint.stages.post_harvest import bag_emissions
from cocoa_desktop.engine.footprint.stages.sequestration import area_sequestration, conversion_emissions
from cocoa_desktop.engine.footprint.stages.transport import leg_emissions
from cocoa_desktop.engine.model.survey import (
    Bag,
    BagType,
    FuelUse,
    LandConversion,
    Pesticide,
    Survey,
    TransportLeg,
)


def name(survey: Survey) -> str:
    g = survey.general
    return g.organisation + (f" — {g.farm_name}" if g.farm_name else "")


def general(survey: Survey) -> dict[str, Any]:
    return {"name": name(survey), "production_kg": survey.production_kg}


def husk(survey: Survey, fp: Footprint, f: Factors) -> dict[str, Any]:
    return {"share_total": math.fsum(survey.husk.shares.values()),
            "husk_kg": survey.production_kg * husk_ratio(survey, f), "s1": fp.stages[Stage.HUSK],
            "composting_saving": composting_saving_kg(survey, f)}


def fermentation(survey: Survey, fp: Footprint) -> dict[str, Any]:
    return {"fermented_kg": survey.production_kg * survey.fermentation.fermented_share,
            "s3": fp.stages[Stage.FERMENTATION]}


def drying(survey: Survey) -> dict[str, Any]:
    return {"share_total": math.fsum(survey.drying.shares.values())}


def product(item: Any, f: Factors) -> dict[str, Any]:
    mass = item.mass_kg
    return {"mass": mass, "n": mass * item.n_percent / 100, "total": product_emissions(item, f)}


def pesticide(item: Pesticide, f: Factors) -> dict[str, Any]:
    return {"total": pesticide_emissions(item, f)}


def fuel(use: str, item: FuelUse, f: Factors) -> dict[str, Any]:
    total = item.amount * fuel_ef(item.fuel, f)
    return {"total": total, "total_fertilisation": total if use == "fertilisation" else 0,
            "total_drying": total if use == "drying" else 0}


def bag(item: Bag, f: Factors) -> dict[str, Any]:
    material = item.material_kg
    jute = item.type is BagType.JUTE_SACK
    total = bag_emissions(item, f)
    return {"material_kg": material, "plastic_kg": 0 if jute else material, "total": total,
            "jute_saving": 0 if jute else total - material * f["bag_jute_sack"]}


def leg(item: TransportLeg, f: Factors) -> dict[str, Any]:
    by_litres = item.litres_per_year is not None and item.fuel is not None
    return {"vehicle_km": 0 if by_litres else item.vehicle_km, "total": leg_emissions(item, f)}


def area(item: Any, f: Factors) -> dict[str, Any]:
    return {"total": area_sequestration(item, f)}


def conversion(item: LandConversion, survey: Survey, f: Factors, lang: str = "es") -> dict[str, Any]:
    """One conversion's one-off emission, the assumption PAS 2050 §5.6 takes for its year, and its share in this
    campaign, as the engine's land-use change."""
    campaign = survey.general.campaign_year
    one_off, amortised = conversion_emissions(item, campaign, f)
    years = f["luc_amortisation_years"]
    return {"campaign_year": campaign, "one_off": one_off, "amortised": amortised,
            "basis": land_use.words(land_use.basis(item, campaign, years), lang, years)}


def footprints(surveys: list[Survey], f: Factors) -> list[Footprint]:
    return [compute(s, f) for s in surveys]


def calc(survey: Survey, fp: Footprint, f: Factors) -> dict[str, Any]:
    stages = fp.stages
    return {
        "id": survey.id, "label": name(survey), "organisation": survey.general.organisation, "status": "✓",
        "p": fp.production_kg, "s1": stages[Stage.HUSK], "s2": stages[Stage.FERTILISATION],
        "s3": stages[Stage.FERMENTATION], "s4": stages[Stage.DRYING], "s5": stages[Stage.PACKAGING],
        "s6": stages[Stage.TRANSPORT], "gross": fp.gross_kg, "sequestration": fp.sequestration_kg, "net": fp.net_kg,
        "gross_per_kg": fp.gross_per_kg, "sequestration_per_kg": fp.sequestration_per_kg,
        "net_per_kg": fp.net_per_kg, "luc_one_off": fp.luc_one_off_kg, "luc_amortised": fp.luc_amortised_kg,
        "composting_saving": composting_saving_kg(survey, f), "jute_saving": jute_saving_kg(survey, f),
    }

