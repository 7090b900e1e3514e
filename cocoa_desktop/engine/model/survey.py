"""The survey model: what a technician records for one unit (farm, cooperative or region) and campaign.

The sections follow the PROMPERÚ user guide (methodology §7). Every field key (``husk.shares.composted``,
``general.dry_cocoa_kg`` …) is also the ``objectName`` of its widget in the wizard. Shares are fractions
(0–1) that must sum to 1 (= 100 %). Bounds are deliberately wide: they catch typing slips (a missing decimal
comma, an extra zero) while accepting any real cooperative of the region.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from enum import StrEnum
from operator import attrgetter
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, PydanticKnownError

from cocoa_desktop.engine.footprint.nitrogen import nominal_n_percent
from cocoa_desktop.engine.model import issues
from cocoa_desktop.engine.model.asked import Asked

SHARE_TOLERANCE = 0.001  # shares may sum to 1 ± 0.1 percentage point (typing to one decimal)

# Upper bounds that no San Martín unit reaches (Peru produced ~160,000 t of cocoa in 2020).
MAX_KG = 1e9
MAX_HA = 1e6
MAX_COUNT = 1e8
MAX_KM = 1e8
MIN_PRODUCTION_KG = 1.0  # 0 is allowed (a plantation not yet bearing); a few grams is a unit slip


MAX_SURVEYS = 200_000  # per file, package or workbook: far above any real campaign (San Martín: ~30,000 producers)

# Numbers are strict: true/false or "1e3" where a number goes is an error, not 1.0 or 1000.
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
Whole = Annotated[int, Strict()]
Kg = Annotated[float, Strict(), Field(ge=0.0, le=MAX_KG, allow_inf_nan=False)]
Hectares = Annotated[float, Strict(), Field(ge=0.0, le=MAX_HA, allow_inf_nan=False)]
Share = Annotated[float, Strict(), Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Count = Annotated[float, Strict(), Field(ge=0.0, le=MAX_COUNT, allow_inf_nan=False)]

# Text typed by people: any letter, digit, sign, line break or tab, but no control character or Unicode
# non-character (a bell, a NUL, U+FFFE …) — they cannot be written to a workbook and are never meant.
TEXT_PATTERN = issues.TEXT_PATTERN


# One alias per length (a type checker reads no function call as a type): TextN holds at most N characters,
# Name200 at least one.
Text100 = Annotated[str, StringConstraints(min_length=0, max_length=100, pattern=TEXT_PATTERN)]
Text200 = Annotated[str, StringConstraints(min_length=0, max_length=200, pattern=TEXT_PATTERN)]
Text500 = Annotated[str, StringConstraints(min_length=0, max_length=500, pattern=TEXT_PATTERN)]
Text2000 = Annotated[str, StringConstraints(min_length=0, max_length=2000, pattern=TEXT_PATTERN)]
Text20000 = Annotated[str, StringConstraints(min_length=0, max_length=20_000, pattern=TEXT_PATTERN)]
Name200 = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=TEXT_PATTERN)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)


class SurveyUnit(StrEnum):
    FARM = "farm"
    COOPERATIVE = "cooperative"
    REGION = "region"  # several cooperatives entered as one aggregate: shares must be production-weighted


class ProductionSystem(StrEnum):
    MONOCULTURE = "monoculture"
    AGROFORESTRY_TIMBER = "agroforestry_timber"
    AGROFORESTRY_FRUIT = "agroforestry_fruit"


class AgeClass(StrEnum):
    Y0_7 = "0-7"
    Y8_15 = "8-15"
    Y16_29 = "16-29"
    Y30_PLUS = "30+"


class AreaBlock(_Section):
    system: ProductionSystem
    age_class: AgeClass
    hectares: Hectares


class General(_Section):
    organisation: Name200
    farm_name: Text200 = ""
    campaign_year: Whole = Field(ge=1990, le=2100)
    region: Text100 = "San Martín"
    technician: Annotated[Text200, Asked("Técnico", "Technician", "Quién llena esta encuesta (el punto focal).",
                                         "Who fills in this survey (the focal point).")] = ""
    district: Annotated[Text100, Asked(
        "Distrito", "District",
        "Distrito donde está la finca (o la mayoría de las fincas), p. ej. Juanjuí: escríbalo como en los estratos "
        "del plan de muestreo.",
        "District where the farm (or most of the farms) lies, e.g. Juanjuí: write it as in the sampling plan's "
        "strata.",
    )] = ""
    producers: Whole = Field(default=1, ge=0, le=1_000_000)
    productive_area_ha: Hectares
    areas: list[AreaBlock] = Field(default_factory=list, max_length=1000)
    cocoa_trees_per_ha: Number | None = Field(default=None, ge=0, le=10_000)
    shade_trees_per_ha: Number | None = Field(default=None, ge=0, le=5_000)
    dry_cocoa_kg: Kg | None = None
    wet_cocoa_kg: Kg | None = None
    wet_to_dry_ratio: Number | None = Field(default=None, gt=0.0, le=1.0)

    @model_validator(mode="after")
    def _production_given(self) -> General:
        if self.dry_cocoa_kg is None and (self.wet_cocoa_kg is None or self.wet_to_dry_ratio is None):
            raise PydanticCustomError("production_missing", "dry cocoa or wet cocoa and ratio required")
        if 0 < self.production_kg < MIN_PRODUCTION_KG:
            raise PydanticCustomError("production_too_small", "less than 1 kg of dry cocoa per year")
        return self

    @property
    def production_kg(self) -> float:
        """Dry cocoa delivered per year (kg): as typed, or wet cocoa × wet→dry ratio."""
        if self.dry_cocoa_kg is not None:
            return self.dry_cocoa_kg
        return (self.wet_cocoa_kg or 0.0) * (self.wet_to_dry_ratio or 0.0)


class HuskDestination(StrEnum):
    LEFT_ON_SOIL = "left_on_soil"  # scattered thinly under the trees
    HEAPED = "heaped"  # piled, decomposing without air
    COMPOSTED = "composted"
    BURNED = "burned"
    ANIMAL_FEED = "animal_feed"
    BIODIGESTER = "biodigester"
    OTHER = "other"


def _check_shares(shares: Iterable[float], label: str) -> None:
    total = math.fsum(shares)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        raise PydanticCustomError(
            "shares_sum", "{label} shares sum to {total}, not 100 %", {"label": label, "total": total}
        )


class Husk(_Section):
    shares: dict[HuskDestination, Share] = Field(default_factory=lambda: {HuskDestination.LEFT_ON_SOIL: 1.0})
    compost_method: Annotated[Text200, Asked(
        "Método de compostaje", "Composting method",
        "Cómo se hace el compost, por ejemplo pilas volteadas cada dos semanas.",
        "How the compost is made, e.g. piles turned every two weeks.", width=16)] = ""
    husk_kg_per_kg_cocoa: Number | None = Field(default=None, gt=0.0, le=50.0)

    @model_validator(mode="after")
    def _shares_sum(self) -> Husk:
        _check_shares(self.shares.values(), "husk")
        return self


class FertiliserType(StrEnum):
    UREA = "urea"
    NPK = "npk"
    GUANO = "guano"  # guano de isla
    OWN_COMPOST = "own_compost"  # made from the farm's own husk: no manufacture burden
    BOUGHT_COMPOST = "bought_compost"
    BIOL = "biol"
    MANURE = "manure"
    LIME = "lime"
    DOLOMITE = "dolomite"
    FOLIAR = "foliar"


SYNTHETIC_FERTILISERS = frozenset({FertiliserType.UREA, FertiliserType.NPK, FertiliserType.FOLIAR})
ORGANIC_FERTILISERS = frozenset(
    {
        FertiliserType.GUANO,
        FertiliserType.OWN_COMPOST,
        FertiliserType.BOUGHT_COMPOST,
        FertiliserType.BIOL,
        FertiliserType.MANURE,
    }
)


class FertiliserProduct(_Section):
    type: FertiliserType
    name: Text200 = ""
    kg_per_year: Kg | None = None
    kg_per_ha: Number | None = Field(default=None, ge=0.0, le=100_000)
    hectares: Hectares | None = None
    # empty: the product's standard content (urea 46 …, see engine.nitrogen), an error when it has none
    n_percent: Number = Field(default=None, ge=0.0, le=100.0, validate_default=True,
                              json_schema_extra={"default": None, "type": ["number", "null"]})

    @field_validator("n_percent", mode="before")
    @classmethod
    def _n_percent_known(cls, value: object, info: ValidationInfo) -> object:
        if value is not None:
            return value
        if "type" not in info.data:  # the type itself is wrong, and its own error says so
            return 0.0
        nominal = nominal_n_percent(info.data["type"], info.data.get("name") or "")
        if nominal is None:
            raise PydanticCustomError("n_percent_missing", "the nitrogen content (% N) of this product is required")
        return nominal

    @model_validator(mode="after")
    def _quantity_given(self) -> FertiliserProduct:
        if self.kg_per_year is None and (self.kg_per_ha is None or self.hectares is None):
            raise PydanticCustomError("quantity_missing", "kg per year, or kg per ha and hectares, required")
        return self

    @property
    def mass_kg(self) -> float:
        if self.kg_per_year is not None:
            return self.kg_per_year
        return (self.kg_per_ha or 0.0) * (self.hectares or 0.0)


class PesticideType(StrEnum):
    HERBICIDE = "herbicide"
    INSECTICIDE = "insecticide"
    FUNGICIDE = "fungicide"


class Pesticide(_Section):
    type: PesticideType
    product: Text200 = ""
    active_ingredient_kg: Kg


class Fuel(StrEnum):
    DIESEL = "diesel"
    GASOLINE = "gasoline"
    LPG = "lpg"  # kg
    FIREWOOD = "firewood"  # kg, air-dry


class FuelUse(_Section):
    fuel: Fuel
    amount: Kg  # litres for liquid fuels, kg for LPG and firewood
    purpose: Text200 = ""


class Fertilisation(_Section):
    data_collected: Annotated[bool, Strict()] = True  # False: the per-hectare fallback is used (and reported)
    products: list[FertiliserProduct] = Field(default_factory=list, max_length=1000)
    pesticides: list[Pesticide] = Field(default_factory=list, max_length=1000)
    fuels: list[FuelUse] = Field(default_factory=list, max_length=1000)


class FermentationMethod(StrEnum):
    BOX = "box"
    SACK = "sack"
    HEAP = "heap"


class Fermentation(_Section):
    method: FermentationMethod = FermentationMethod.BOX
    fermented_share: Share = 1.0  # of the dry cocoa produced
    on_farm_share: Share = 1.0  # the rest is fermented at the cooperative


class DryingMethod(StrEnum):
    SUN_TARP = "sun_tarp"
    SUN_CONCRETE = "sun_concrete"
    SOLAR_DRYER = "solar_dryer"
    MECHANICAL = "mechanical"


class Drying(_Section):
    shares: dict[DryingMethod, Share] = Field(default_factory=lambda: {DryingMethod.SUN_TARP: 1.0})
    fuels: list[FuelUse] = Field(default_factory=list, max_length=1000)
    electricity_kwh: Kg = 0.0

    @model_validator(mode="after")
    def _shares_sum(self) -> Drying:
        _check_shares(self.shares.values(), "drying")
        return self


class BagType(StrEnum):
    POLYPROPYLENE_SACK = "polypropylene_sack"
    PLASTIC_BAG = "plastic_bag"
    JUTE_SACK = "jute_sack"
    BIG_BAG = "big_bag"


class Bag(_Section):
    type: BagType
    bags_per_year: Count | None = None
    kg_per_bag: Number | None = Field(default=None, ge=0.0, le=100.0)  # the empty bag's weight
    material_kg_per_year: Kg | None = None  # when only the total mass of bags is known (as in the report)
    reuse_cycles: Number = Field(default=1.0, ge=1.0, le=1000.0)

    @model_validator(mode="after")
    def _quantity_given(self) -> Bag:
        if self.material_kg_per_year is None and (self.bags_per_year is None or self.kg_per_bag is None):
            raise PydanticCustomError("quantity_missing", "bags and kg per bag, or kg of bags, required")
        return self

    @property
    def material_kg(self) -> float:
        if self.material_kg_per_year is not None:
            return self.material_kg_per_year
        return (self.bags_per_year or 0.0) * (self.kg_per_bag or 0.0)


class Vehicle(StrEnum):
    PACK_ANIMAL = "pack_animal"
    MOTORCYCLE = "motorcycle"
    PICKUP = "pickup"
    LIGHT_TRUCK = "light_truck"
    RIGID_TRUCK = "rigid_truck"
    ARTICULATED_TRUCK = "articulated_truck"


class DistanceUnit(StrEnum):
    KM = "km"
    MILE = "mi"


KM_PER_MILE = 1.609344


VEHICLE_FUELS = frozenset({Fuel.DIESEL, Fuel.GASOLINE, Fuel.LPG})


class TransportLeg(_Section):
    """One leg of the cocoa's trip. Litres of fuel, when known, are the more direct measurement and are used;
    otherwise trips × one-way distance with a per-distance factor for the vehicle (and its fuel, where the factor
    table tells fuels apart)."""

    name: Text200 = ""  # e.g. "finca → centro de acopio"
    vehicle: Vehicle
    trips_per_year: Count = 1.0
    distance: Number | None = Field(default=None, ge=0.0, le=MAX_KM)  # per trip, one way
    distance_unit: DistanceUnit = DistanceUnit.KM
    fuel: Fuel | None = None
    litres_per_year: Kg | None = None  # fuel-based method, preferred when known (LPG as liquid litres)
    load_kg_per_trip: Kg | None = None

    @model_validator(mode="after")
    def _distance_or_litres(self) -> TransportLeg:
        if self.litres_per_year is not None:
            if self.fuel is None:
                raise PydanticCustomError("fuel_missing", "litres given without the fuel")
            if self.fuel not in VEHICLE_FUELS:
                raise PydanticCustomError("vehicle_fuel", "firewood is not a vehicle fuel")
        elif self.distance is None:
            raise PydanticCustomError("distance_missing", "distance or litres required")
        return self

    @property
    def vehicle_km(self) -> float:
        factor = KM_PER_MILE if self.distance_unit == "mi" else 1.0
        return self.trips_per_year * (self.distance or 0.0) * factor

    @property
    def uses_litres(self) -> bool:
        return self.litres_per_year is not None


class Transport(_Section):
    legs: list[TransportLeg] = Field(default_factory=list, max_length=1000)


class Sequestration(_Section):
    """Areas by system and age live in ``general.areas``; this section adds the shade-tree inventory."""

    shade_trees_inventory: Text2000 = ""


class PreviousUse(StrEnum):
    PRIMARY_FOREST = "primary_forest"
    SECONDARY_FOREST = "secondary_forest"
    PASTURE = "pasture"
    ANNUAL_CROPS = "annual_crops"


class LandConversion(_Section):
    """When the land was converted: a year (``year``), a period (``year`` its first year, ``year_last`` its last,
    e.g. 2001–2017) or unknown (both empty, as in the 2020 study). PAS 2050 §5.6 applies to each
    (:mod:`cocoa_desktop.engine.footprint.land_use`)."""

    hectares: Hectares
    year: Whole | None = Field(default=None, ge=1900, le=2100)  # the year, or the first year of a period
    year_last: Whole | None = Field(default=None, ge=1900, le=2100)  # the last year of a period
    previous_use: PreviousUse = PreviousUse.PRIMARY_FOREST
    source: Text500 = ""

    @field_validator("year_last")
    @classmethod
    def _period(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is None:
            return value
        first = info.data.get("year")
        if first is None:
            if "year" in info.data:  # a first year that failed its own check is reported there, not twice
                raise PydanticCustomError("period_first_missing", "a period needs its first year")
            return value
        if value < first:
            raise PydanticCustomError("period_order", "the last year {last} is before the first year {first}",
                                      {"first": first, "last": value})
        return value

    @property
    def period_last(self) -> int | None:
        """The last year of the period; a single year is a period of one year; None when unknown."""
        return self.year_last if self.year is not None and self.year_last is not None else self.year


class LandUseChange(_Section):
    conversions: list[LandConversion] = Field(default_factory=list, max_length=1000)


class Survey(_Section):
    """One survey: one unit (farm, cooperative or region) in one campaign."""

    # letters, digits, dot, dash, underscore: safe as a file name and as a spreadsheet lookup key
    id: str = Field(default_factory=lambda: str(uuid.uuid4()), min_length=1, max_length=100,
                    pattern=r"^[A-Za-z0-9._-]+$")
    unit: SurveyUnit = SurveyUnit.COOPERATIVE
    notes: Text20000 = ""
    # Field paths whose values are estimates or reconstructions, not answers given in the survey.
    estimated_fields: list[Text200] = Field(default_factory=list, max_length=1000)
    general: General
    husk: Husk = Field(default_factory=Husk)
    fertilisation: Fertilisation = Field(default_factory=Fertilisation)
    fermentation: Fermentation = Field(default_factory=Fermentation)
    drying: Drying = Field(default_factory=Drying)
    packaging: list[Bag] = Field(default_factory=list, max_length=1000)
    transport: Transport = Field(default_factory=Transport)
    sequestration: Sequestration = Field(default_factory=Sequestration)
    land_use_change: LandUseChange = Field(default_factory=LandUseChange)

    @property
    def production_kg(self) -> float:
        return self.general.production_kg

    @property
    def cooperative(self) -> str:
        return self.general.organisation


_ID = attrgetter("id")


class Campaign(_Section):
    """A set of surveys: one campaign (year) of one or more cooperatives, as farms or whole cooperatives."""

    name: Name200
    year: Whole = Field(ge=1990, le=2100)
    region: Text100 = "San Martín"
    notes: Text20000 = ""
    surveys: list[Survey] = Field(default_factory=list, max_length=MAX_SURVEYS)

    @field_validator("surveys", mode="before")
    @classmethod
    def _not_too_many(cls, value: object, info: ValidationInfo) -> object:
        """One survey more than a campaign may hold is refused before any is validated, with the very error of
        ``max_length`` (which pydantic raises only after validating them all: 12 s for 200,001 surveys)."""
        if isinstance(value, list | tuple) and len(value) > MAX_SURVEYS:
            raise PydanticKnownError("too_long", {"field_type": "List", "max_length": MAX_SURVEYS,
                                                  "actual_length": len(value)})
        return value

    @model_validator(mode="after")
    def _ids_unique(self) -> Campaign:
        """A survey id appears once: twice would count a unit twice (or let one copy silently win)."""
        if len(set(map(_ID, self.surveys))) != len(self.surveys):  # map + attrgetter: half the time of a loop
            seen: set[str] = set()
            for index, survey in enumerate(self.surveys):
                if survey.id in seen:
                    raise PydanticCustomError("duplicate_id", "survey id {id} appears twice (survey {index})",
                                              {"id": survey.id, "index": index})
                seen.add(survey.id)
        return self
