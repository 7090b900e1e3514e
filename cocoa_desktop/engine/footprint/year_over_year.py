"""The same cooperative across two campaigns: what changed, in which stage, and which input moved it.

The change of net intensity splits exactly into the stages' changes: ``Δ(net/P) = Σ_s Δ(E_s/P) − Δ(R/P)``
(E_s a stage, R sequestration, P production). Each stage is then tied to the survey inputs that feed it (summed
over the cooperative's surveys, shares weighted by production), and the inputs that moved are listed, those of
the stage that moved most first. Cooperatives are matched by name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, Footprint, Stage
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model import vocabulary
from cocoa_desktop.engine.model.survey import BagType, HuskDestination, ProductionSystem, Survey
from cocoa_desktop.engine.words import pick, quantity, say

SEQUESTRATION = "sequestration"
RELATIVE_CHANGE = 0.01  # an input that moved less than 1 % (or half a percentage point for shares) did not move

# input key -> (stage it feeds, words es, words en, unit, is a share)
INPUTS: dict[str, tuple[str, str, str, str, bool]] = {
    "production_kg": ("", "producción de cacao seco", "dry cocoa production", "kg", False),
    "area_ha": (Stage.FERTILISATION, "área productiva", "productive area", "ha", False),
    **{f"husk.{d.value}": (Stage.HUSK, f"cáscara: {vocabulary.HUSK[d][0].lower()}",
                           f"husk: {vocabulary.HUSK[d][1].lower()}", "%", True) for d in HuskDestination},
    "fertiliser_n_kg": (Stage.FERTILISATION, "nitrógeno aplicado", "nitrogen applied", "kg N", False),
    "fertiliser_kg": (Stage.FERTILISATION, "abonos y enmiendas", "fertilisers and amendments", "kg", False),
    "pesticide_kg": (Stage.FERTILISATION, "plaguicidas (ingrediente activo)", "pesticides (active ingredient)",
                     "kg", False),
    "fermented_share": (Stage.FERMENTATION, "cacao fermentado", "cocoa fermented", "%", True),
    "drying_kwh": (Stage.DRYING, "electricidad de secado", "drying electricity", "kWh", False),
    "drying_fuel": (Stage.DRYING, "combustible de secado", "drying fuel", "l/kg", False),
    "plastic_bags_kg": (Stage.PACKAGING, "envases de plástico", "plastic bags", "kg", False),
    "jute_bags_kg": (Stage.PACKAGING, "sacos de yute", "jute sacks", "kg", False),
    "vehicle_km": (Stage.TRANSPORT, "recorrido de vehículos", "vehicle distance", "km", False),
    "transport_litres": (Stage.TRANSPORT, "combustible de transporte", "transport fuel", "l", False),
    "agroforestry_ha": (SEQUESTRATION, "área agroforestal", "agroforestry area", "ha", False),
    "luc_ha": ("land_use_change", "área de bosque convertida", "forest area converted", "ha", False),
}


class InputSums:
    """:func:`inputs_of` gathered survey by survey (``add`` each, then ``result``): the same sums in the same order."""

    __slots__ = ("total",)

    def __init__(self) -> None:
        self.total: dict[str, float] = dict.fromkeys(INPUTS, 0.0)

    def add(self, s: Survey) -> None:
        total = self.total
        p = s.production_kg
        total["production_kg"] += p
        total["area_ha"] += s.general.productive_area_ha
        for destination, share in s.husk.shares.items():
            total[f"husk.{destination.value}"] += share * p
        section = s.fertilisation
        if section.data_collected:
            total["fertiliser_n_kg"] += sum(x.mass_kg * x.n_percent / 100.0 for x in section.products)
            total["fertiliser_kg"] += sum(x.mass_kg for x in section.products)
            total["pesticide_kg"] += sum(x.active_ingredient_kg for x in section.pesticides)
        total["fermented_share"] += s.fermentation.fermented_share * p
        total["drying_kwh"] += s.drying.electricity_kwh
        total["drying_fuel"] += sum(u.amount for u in s.drying.fuels)
        for bag in s.packaging:
            key = "jute_bags_kg" if bag.type is BagType.JUTE_SACK else "plastic_bags_kg"
            total[key] += bag.material_kg / bag.reuse_cycles
        for leg in s.transport.legs:
            if leg.uses_litres:
                total["transport_litres"] += leg.litres_per_year or 0.0
            else:
                total["vehicle_km"] += leg.vehicle_km
        total["agroforestry_ha"] += sum(b.hectares for b in s.general.areas
                                        if b.system is not ProductionSystem.MONOCULTURE)
        total["luc_ha"] += sum(c.hectares for c in s.land_use_change.conversions)

    def result(self) -> dict[str, float]:
        total = dict(self.total)
        production = total["production_kg"]
        for key, (*_, is_share) in INPUTS.items():
            if is_share:
                total[key] = total[key] / production if production else 0.0
        return total


def inputs_of(surveys: Iterable[Survey]) -> dict[str, float]:
    """The inputs behind a cooperative's stages, summed over its surveys (shares weighted by production)."""
    sums = InputSums()
    for s in surveys:
        sums.add(s)
    return sums.result()


@dataclass(frozen=True)
class InputChange:
    key: str
    before: float
    after: float

    @property
    def stage(self) -> str:
        return INPUTS[self.key][0]

    def words(self, lang: str = "es") -> str:
        _, es, en, unit, is_share = INPUTS[self.key]
        k = 100.0 if is_share else 1.0
        decimals = 0 if is_share or max(abs(self.before), abs(self.after)) >= 100 else 1
        a, b = quantity(self.before * k, decimals, lang), quantity(self.after * k, decimals, lang)
        return f"{say(lang, es, en)}: {a} → {b} {unit}"


def _moved(key: str, before: float, after: float) -> bool:
    if INPUTS[key][4]:
        return abs(after - before) >= 0.005
    scale = max(abs(before), abs(after))
    return scale > 0 and abs(after - before) / scale >= RELATIVE_CHANGE


@dataclass(frozen=True)
class CooperativeChange:
    name: str
    before: Footprint | None  # None: not in the earlier campaign
    after: Footprint | None  # None: not in the later campaign
    contributions: dict[str, float] = field(default_factory=dict)  # kg CO2e/kg by stage (and sequestration)
    inputs: list[InputChange] = field(default_factory=list)  # those that moved, the main stage's first

    @property
    def net_per_kg_change(self) -> float:
        if self.before is None or self.after is None:
            return math.nan
        return self.after.net_per_kg - self.before.net_per_kg

    @property
    def main_stage(self) -> str | None:
        moved = {k: v for k, v in self.contributions.items() if math.isfinite(v) and abs(v) > 0}
        return max(moved, key=lambda k: abs(moved[k])) if moved else None

    def explanation(self, lang: str = "es") -> str:
        if self.before is None:
            return say(lang, "Nueva en esta campaña.", "New in this campaign.")
        if self.after is None:
            return say(lang, "No está en la campaña posterior.", "Not in the later campaign.")
        if not self.inputs and abs(self.net_per_kg_change) < 0.005:
            return say(lang, "Sin cambios.", "No change.")
        text = (f"{quantity(self.before.net_per_kg, 2, lang)} → {quantity(self.after.net_per_kg, 2, lang)} kg CO2e/kg "
                f"({'+' if self.net_per_kg_change >= 0 else ''}{quantity(self.net_per_kg_change, 2, lang)}).")
        stage = self.main_stage
        if stage is not None:
            value = self.contributions[stage]
            text += (f" {say(lang, 'Sobre todo', 'Mostly')} {stage_words(stage, lang).lower()} "
                     f"({'+' if value >= 0 else ''}{quantity(value, 2, lang)} kg/kg).")
        if self.inputs:
            text += say(lang, " Datos que cambiaron: ", " Inputs that changed: ") + "; ".join(
                change.words(lang) for change in self.inputs) + "."
        return text


def stage_words(stage: str, lang: str = "es") -> str:
    if stage == SEQUESTRATION:
        return say(lang, "Secuestro", "Sequestration")
    return pick(STAGE_LABELS[Stage(stage)], lang)


def _contributions(before: Footprint, after: Footprint) -> dict[str, float]:
    found = {s.value: after.per_kg(after.stages[s]) - before.per_kg(before.stages[s]) for s in Stage}
    found[SEQUESTRATION] = -(after.sequestration_per_kg - before.sequestration_per_kg)  # more sequestration: lower
    return found


Units = dict[str, tuple[Footprint, dict[str, float]]]  # cooperative → (its roll-up, its inputs), as first met


def units_of(surveys: Iterable[Survey], f: Factors) -> Units:
    """Each cooperative's roll-up and :func:`inputs_of`, cooperatives in the order first met (the surveys walked
    once)."""
    sums: dict[str, InputSums] = {}

    def add(s: Survey, _fp: Footprint) -> None:
        found = sums.get(s.cooperative)
        if found is None:
            found = sums[s.cooperative] = InputSums()
        found.add(s)

    return {name: (fp, sums[name].result()) for name, fp in roll_up(surveys, f, each=add).cooperatives.items()}


def compare(before: list[Survey], after: list[Survey], f: Factors) -> list[CooperativeChange]:
    """Every cooperative of either campaign: the largest changes of net kg/kg first, then those that came or left."""
    return compare_units(units_of(before, f), units_of(after, f))


def compare_units(before: Units, after: Units) -> list[CooperativeChange]:
    """:func:`compare` of the two campaigns' cooperatives already rolled up (the campaign view has its own)."""
    changes = []
    for name in [*after, *(n for n in before if n not in after)]:
        a, b = before[name][0] if name in before else None, after[name][0] if name in after else None
        if a is None or b is None:
            changes.append(CooperativeChange(name, a, b))
            continue
        contributions = _contributions(a, b)
        ins_a, ins_b = before[name][1], after[name][1]
        moved = [InputChange(k, ins_a[k], ins_b[k]) for k in INPUTS if _moved(k, ins_a[k], ins_b[k])]
        weight = {stage: abs(v) for stage, v in contributions.items()}
        moved.sort(key=lambda c: -weight.get(c.stage, 0.0))  # production (feeding every stage) after the main one
        changes.append(CooperativeChange(name, a, b, contributions, moved))
    # the largest changes first; cooperatives that came or left at the end
    return sorted(changes, key=lambda c: (c.before is None or c.after is None,
                                          -abs(c.net_per_kg_change) if c.net_per_kg_change == c.net_per_kg_change
                                          else 0.0))
