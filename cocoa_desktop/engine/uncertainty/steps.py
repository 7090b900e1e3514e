"""A survey with one estimated value moved by a step, for the Monte Carlo's activity data.

``perturbed(survey, path)`` returns the moved survey, the size of the step and the range the drawn change may take
(a quantity cannot fall below zero, a share cannot pass 100 %). A path names a field (``general.dry_cocoa_kg``) or
a whole section or list (``packaging``, ``transport.legs``): every quantity under it moves by the same relative
step — masses, areas, counts, litres, kWh —, never a unit's weight and its count together (bags × kg per bag, kg
per ha × ha), which would move the product twice. Husk shares (``husk.shares``) move the husk left to rot by an
absolute step, taken from (or given to) the other destinations in proportion.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from cocoa_desktop.engine.decisions.scenario_changes import ROTTING
from cocoa_desktop.engine.model import paths
from cocoa_desktop.engine.model.survey import HuskDestination, Survey

STEP = 0.1  # relative step (10 % less) or absolute step (10 percentage points)
QUANTITIES = frozenset({
    "dry_cocoa_kg", "wet_cocoa_kg", "productive_area_ha", "hectares", "kg_per_year", "kg_per_ha",
    "active_ingredient_kg", "amount", "electricity_kwh", "bags_per_year", "material_kg_per_year", "trips_per_year",
    "litres_per_year", "fermented_share",
})
SHARES = frozenset({"fermented_share"})


def _scale(node: Any, k: float, shares: list[float]) -> None:
    if isinstance(node, list):
        for item in node:
            _scale(item, k, shares)
        return
    if not isinstance(node, dict):
        return
    skip = {"hectares"} if node.get("kg_per_ha") is not None else set()
    for key, value in node.items():
        if isinstance(value, dict | list):
            _scale(value, k, shares)
        elif key in QUANTITIES and key not in skip and isinstance(value, int | float) and not isinstance(value, bool):
            node[key] = value * k
            if key in SHARES and value > 0:
                shares.append(value)


def _husk(survey: Survey) -> tuple[Survey, float, tuple[float, float]]:
    shares = {k.value: v for k, v in survey.husk.shares.items()}
    rot = sum(shares.get(d, 0.0) for d in ROTTING)
    step = STEP if rot + STEP <= 1.0 else -STEP
    new: dict[str, float] = {}
    for key, value in shares.items():  # each side keeps its own proportions
        side = rot if key in ROTTING else 1.0 - rot
        if side > 0:
            new[key] = value * ((rot + step) if key in ROTTING else (1.0 - rot - step)) / side
    if rot == 0:  # nothing rotted: the step rots in heaps
        new["heaped"] = step
    if rot == 1.0:  # everything rotted: the step is composted
        new["composted"] = -step
    moved = survey.model_copy(deep=True)
    moved.husk.shares = {HuskDestination(k): v for k, v in new.items() if v > 0}
    return moved, step, (-rot, 1.0 - rot)


def perturbed(survey: Survey, path: str) -> tuple[Survey, float, tuple[float, float]] | None:
    """(survey moved by a step, the step, the feasible range of the drawn change), or None for a path that names
    nothing numeric of this survey."""
    if path in ("husk", "husk.shares"):
        return _husk(survey)
    doc = survey.model_dump(mode="json")
    found = paths.parent(doc, path)
    if found is None:
        return None
    parent, last = found
    node = parent[last]
    shares: list[float] = []
    if isinstance(node, int | float) and not isinstance(node, bool):
        parent[last] = node * (1.0 - STEP)
        if last in SHARES and node > 0:
            shares.append(node)
    else:
        _scale(node, 1.0 - STEP, shares)
    try:
        moved = Survey.model_validate(doc)
    except ValidationError:
        return None
    upper = min((1.0 / s - 1.0 for s in shares), default=float("inf"))
    return moved, -STEP, (-1.0, upper)
