"""What each unit could do: reduce by composting the husk left on the farm, then compensate the rest.

The PROMPERÚ report recommends reducing through husk composting and compensating the residual with plantations
or carbon credits. Composting saves, per kg of husk moved from the soil (or a heap) to a compost pile, the
difference between the two emission factors; only positive differences count (under the IPCC set, husk scattered
thinly emits less than composting, so moving it would not help). The residual net emission is compensated by
credits (1 credit = 1 t CO2e) or by hectares of new plantation at the factor set's reforestation rate.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import Footprint
from cocoa_desktop.engine.stages.husk import destination_efs, husk_ratio
from cocoa_desktop.engine.survey import HuskDestination, Survey

COMPOSTABLE = (HuskDestination.LEFT_ON_SOIL, HuskDestination.HEAPED, HuskDestination.OTHER)
KG_PER_T = 1000.0


def composting_saving_kg(survey: Survey, f: Factors) -> float:
    """kg CO2e per year saved if all husk left on the farm (soil, heaps, other) were composted instead."""
    efs = destination_efs(f)
    husk_kg = survey.general.production_kg * husk_ratio(survey, f)
    composted = efs[HuskDestination.COMPOSTED]
    return sum(husk_kg * survey.husk.shares.get(d, 0.0) * max(0.0, efs[d] - composted) for d in COMPOSTABLE)


@dataclass(frozen=True, slots=True)
class Recommendation:
    reduction_t: float  # by composting
    residual_t: float  # net after that reduction (negative: a net sink)
    credits: float  # t CO2e to buy (1 credit per t), 0 when nothing is left
    plantation_ha: float  # hectares of plantation that would absorb the residual every year


def recommend(footprint: Footprint, saving_kg: float, f: Factors) -> Recommendation:
    residual = (footprint.net_kg - saving_kg) / KG_PER_T
    credits = max(0.0, residual)
    return Recommendation(saving_kg / KG_PER_T, residual, credits, credits / f["reforestation_sequestration"])
