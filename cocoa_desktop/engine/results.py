"""Result objects: a footprint (per stage, sequestration, land-use change) and the steps that produced it."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


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
    "luc_year_unknown": (
        "Año de conversión desconocido: el cambio de uso del suelo entra solo como total único, no amortizado.",
        "Conversion year unknown: land-use change appears only as a one-off total, not amortised.",
    ),
}


@dataclass(frozen=True, slots=True)
class Step:
    """One calculation step: what went in, which factors, the formula, and the value that came out."""

    stage: str
    label: str
    formula: str
    inputs: dict[str, float]
    factors: dict[str, float]
    value: float
    unit: str


class Trace:
    """Collects Steps when a calculation is asked to explain itself; the plain path passes ``None``."""

    __slots__ = ("steps",)

    def __init__(self) -> None:
        self.steps: list[Step] = []

    def add(self, stage: str, label: str, formula: str, value: float, unit: str = "kg CO2e/año",
            inputs: dict[str, float] | None = None, factors: dict[str, float] | None = None) -> float:
        self.steps.append(Step(stage, label, formula, dict(inputs or {}), dict(factors or {}), value, unit))
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

    def share(self, stage: Stage) -> float:
        gross = self.gross_kg
        return self.stages[stage] / gross if gross > 0 else 0.0

    def shares(self) -> dict[Stage, float]:
        return {s: self.share(s) for s in self.stages}

    def ranked_stages(self) -> list[tuple[Stage, float]]:
        """Stages from largest to smallest emission, as the report ranks them."""
        return sorted(self.stages.items(), key=lambda item: -item[1])


def sum_footprints(items: Iterable[Footprint], label: str) -> Footprint:
    """Aggregate by summing results (methodology §1): shares and intensities follow from the sums."""
    stages = dict.fromkeys(STAGES, 0.0)
    production = area = seq = luc = luc_yr = 0.0
    producers = count = 0
    notes: set[str] = set()
    for item in items:
        for stage, value in item.stages.items():
            stages[stage] += value
        production += item.production_kg
        area += item.area_ha
        producers += item.producers
        seq += item.sequestration_kg
        luc += item.luc_one_off_kg
        luc_yr += item.luc_amortised_kg
        notes |= item.notes
        count += item.surveys
    return Footprint(label, production, area, producers, stages, seq, luc, luc_yr, frozenset(notes), count)
