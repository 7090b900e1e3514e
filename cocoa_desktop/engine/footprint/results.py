"""Result objects: a footprint (per stage, sequestration, land-use change) and the steps that produced it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.words import pick, say


class Stage(StrEnum):
    """The six emission stages of the PROMPERÚ tool, in the report's numbering S1-S6."""

    HUSK = "husk"
    FERTILISATION = "fertilisation"
    FERMENTATION = "fermentation"
    DRYING = "drying"
    PACKAGING = "packaging"
    TRANSPORT = "transport"


STAGES: tuple[Stage, ...] = tuple(Stage)  # module constant: Enum attribute access is slow on a hot path

STAGE_LABELS: dict[Stage, tuple[str, str]] = {
    Stage.HUSK: ("Manejo de residuos (cáscara de mazorca)", "Husk (pod waste) management"),
    Stage.FERTILISATION: ("Abonamiento, compostaje y control de plagas", "Fertilisation, composting and pest control"),
    Stage.FERMENTATION: ("Fermentación", "Fermentation"),
    Stage.DRYING: ("Secado", "Drying"),
    Stage.PACKAGING: ("Envasado", "Packaging"),
    Stage.TRANSPORT: ("Transporte", "Transport"),
}

# Units of steps (keys; the explanation module has their words)
KG_CO2E_YR = "kg CO2e/yr"
KG_CO2_YR = "kg CO2/yr"
KG_CO2_ONCE = "kg CO2 one-off"
KG_PER_KG = "kg CO2e/kg"

# Notes a result may carry, so the screen and the workbook can say how a number was obtained.
NOTE_MESSAGES: dict[str, tuple[str, str]] = {
    "fertilisation_fallback": (
        "Sin datos de abonamiento: se usó el valor por hectárea del conjunto de factores (calibrado).",
        "No fertiliser data: the factor set's per-hectare value (calibrated) was used.",
    ),
    "fertilisation_no_data": (
        "Sin datos de abonamiento y este conjunto de factores no tiene valor por defecto: la etapa cuenta 0.",
        "No fertiliser data and this factor set has no fallback: the stage counts 0.",
    ),
    "sequestration_no_areas": (
        "Sin áreas por sistema y edad: el secuestro por área cuenta 0.",
        "No areas by system and age: per-area sequestration counts 0.",
    ),
    "fertilisation_products_ignored": (
        "Se marcó «sin datos de abonamiento» pero hay productos registrados: no se usaron. Si los datos son "
        "buenos, marque que sí hay datos.",
        "'No fertiliser data' was chosen but products are listed: they were not used. If the data are good, "
        "mark that there is fertiliser data.",
    ),
    "bought_compost_no_burden": (
        "Compost comprado: se cuenta el N2O de su nitrógeno, pero no las emisiones de su fabricación (no hay un "
        "factor con fuente para ellas).",
        "Bought compost: the N2O from its nitrogen is counted, but not the emissions of making it (there is no "
        "sourced factor for them).",
    ),
    "drying_energy_without_dryer": (
        "Se registró electricidad o combustible de secado, pero ningún cacao se seca en secadora mecánica: se "
        "contó igual. Revise las proporciones de secado.",
        "Drying electricity or fuel was entered but no cocoa is dried in a mechanical dryer: it was counted "
        "anyway. Check the drying shares.",
    ),
    "sequestration_areas_unused": (
        "Este conjunto de factores calcula el secuestro por kg de cacao (como el informe de 2020): las áreas por "
        "sistema y edad no se usan. Con «IPCC 2006 + AR5» sí se usan.",
        "This factor set computes sequestration per kg of cocoa (as the 2020 report): the areas by system and age "
        "are not used. With 'IPCC 2006 + AR5' they are.",
    ),
    "gwp_not_published": (
        "Las cifras publicadas en 2020 usan los PCG del IPCC AR4 (CH4 25, N2O 298); con otro conjunto de PCG los "
        "resultados no coinciden con el informe.",
        "The figures published in 2020 use the IPCC AR4 GWPs (CH4 25, N2O 298); with another GWP set the results "
        "differ from the report.",
    ),
}


NOTE_MESSAGES.update(land_use.note_messages())  # luc_<basis>: the PAS 2050 assumption a conversion took


UNSOURCED_PREFIX = "unsourced:"  # a note naming an illustrative factor a result used


def note_message(note: str, lang: str = "es") -> str:
    """The words of a result note; ``unsourced:<factor id>`` notes name the illustrative factor."""
    if note.startswith(UNSOURCED_PREFIX):
        from cocoa_desktop.engine.factor_words import factor_label  # imports the survey model: only when needed

        name = factor_label(note[len(UNSOURCED_PREFIX):], lang)  # in words, not the factor's internal id
        return say(lang, f"Se usó un factor sin fuente publicada (ilustrativo, un orden de magnitud): {name}. "
                   "Reemplácelo por un valor medido u oficial cuando lo tenga.",
                   f"An unsourced factor was used (illustrative, an order of magnitude): {name}. Replace it with "
                   "a measured or official value when available.")
    pair = NOTE_MESSAGES.get(note)
    return pick(pair, lang) if pair else note


@dataclass(frozen=True, slots=True)
class Step:
    """One calculation step, named by key (its words, in each language, are in :mod:`explanation`): what went
    in, which factors, and the value that came out. ``item`` is what the step is about: a husk destination, a
    product, a transport leg …"""

    stage: str
    key: str
    value: float
    unit: str
    inputs: dict[str, float]
    factors: dict[str, float]
    item: str = ""


class Trace:
    """Collects Steps when a calculation is asked to explain itself; the plain path passes ``None``."""

    __slots__ = ("steps",)

    def __init__(self) -> None:
        self.steps: list[Step] = []

    def add(self, stage: str, key: str, value: float, unit: str = KG_CO2E_YR,
            inputs: dict[str, float] | None = None, factors: dict[str, float] | None = None, item: str = "") -> float:
        self.steps.append(Step(stage, key, value, unit, dict(inputs or {}), dict(factors or {}), item))
        return value


@dataclass(slots=True)
class Footprint:
    """Annual footprint of a unit or of a sum of units. Masses in kg; aggregates are sums, never averages."""

    label: str
    production_kg: float
    area_ha: float
    producers: int
    stages: dict[Stage, float]
    sequestration_kg: float
    luc_one_off_kg: float
    luc_amortised_kg: float
    notes: frozenset[str] = field(default_factory=frozenset)
    surveys: int = 1

    @property
    def gross_kg(self) -> float:
        return math.fsum(self.stages.values())

    @property
    def net_kg(self) -> float:
        return self.gross_kg - self.sequestration_kg

    def per_kg(self, value_kg: float) -> float:
        """kg CO2e per kg of dry cocoa (NaN when nothing was produced)."""
        return value_kg / self.production_kg if self.production_kg > 0 else math.nan

    @property
    def gross_per_kg(self) -> float:
        return self.per_kg(self.gross_kg)

    @property
    def sequestration_per_kg(self) -> float:
        return self.per_kg(self.sequestration_kg)

    @property
    def net_per_kg(self) -> float:
        return self.per_kg(self.net_kg)

    @property
    def luc_amortised_per_kg(self) -> float:
        """Land-use change amortised over 20 years (PAS 2050), kg CO2e per kg of dry cocoa."""
        return self.per_kg(self.luc_amortised_kg)

    @property
    def gross_with_luc_kg(self) -> float:
        """Gross emissions plus this campaign's share of land-use change (reported beside, never instead)."""
        return self.gross_kg + self.luc_amortised_kg

    @property
    def net_with_luc_kg(self) -> float:
        return self.net_kg + self.luc_amortised_kg

    def share(self, stage: Stage) -> float:
        gross = self.gross_kg
        return self.stages[stage] / gross if gross > 0 else 0.0

    def shares(self) -> dict[Stage, float]:
        return {s: self.share(s) for s in self.stages}

    def ranked_stages(self) -> list[tuple[Stage, float]]:
        """Stages from largest to smallest emission, as the report ranks them."""
        return sorted(self.stages.items(), key=lambda item: -item[1])

