"""The factor that decides the sign: methane from husk left to rot, calibrated or by the IPCC waste model.

The PROMPERÚ 2020 set reproduces the report with one calibrated factor for husk decomposing on the farm, 0.0363 kg
CH4 per kg of fresh husk. The IPCC 2006 waste model, with the parameters of the app's own IPCC set, gives 0.0104
for an unmanaged shallow heap (MCF 0.4) and 0.026 even fully anaerobic (MCF 1): the calibrated value is about 3.5×
the first and above the second. Which one is nearer to San Martín's heaps is not known (nobody has measured it), and
for the region it decides whether the net footprint is a source or a sink. This module computes the result with the
IPCC value beside the calibrated one, so that every place that shows the net footprint can show both; the Monte
Carlo (:mod:`~cocoa_desktop.engine.uncertainty.monte_carlo`) draws from both models (``models`` in
``uncertainty.json``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import add
from typing import TYPE_CHECKING

from cocoa_desktop.engine.footprint.compute import annual_values
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.stages import husk as husk_stage
from cocoa_desktop.engine.model.survey import HuskDestination, Survey
from cocoa_desktop.engine.words import quantity, say

if TYPE_CHECKING:  # the Monte Carlo passes arrays of draws; numpy is not imported for the plain result
    import numpy as np

    Amount = float | np.ndarray

CALIBRATED_FACTOR = "husk_left_on_soil_ch4"
C_TO_CH4 = 16 / 12
# The IPCC waste model's parameters for husk (DOC scaled from garden waste by dry matter), as the IPCC set reads them
HEAP_PARAMETERS = ("doc_garden_wet", "husk_dry_matter", "doc_garden_dm", "docf", "mcf_heap", "ch4_fraction_gas",
                   "oxidation_factor")
ROTTING = (HuskDestination.LEFT_ON_SOIL, HuskDestination.HEAPED, HuskDestination.OTHER)  # husk decomposing untreated
_SOIL, _HEAPED, _OTHER = ROTTING


def heap_ch4(values: Mapping[str, Amount], mcf: Amount | None = None) -> Amount:
    """kg CH4 per kg fresh husk by the IPCC 2006 waste model (Vol. 5 ch. 3), the total a kg releases:
    ``DOC × DOCf × MCF × F × 16/12 × (1 − OX)`` with DOC = DOC_garden × DM_husk / DM_garden. ``values`` may hold
    numbers or arrays of draws (the Monte Carlo); ``mcf`` replaces the heap's MCF (1.0: fully anaerobic)."""
    v = values
    doc = v["doc_garden_wet"] * v["husk_dry_matter"] / v["doc_garden_dm"]
    return (doc * v["docf"] * (v["mcf_heap"] if mcf is None else mcf)
            * v["ch4_fraction_gas"] * C_TO_CH4 * (1 - v["oxidation_factor"]))


def applies(f: Factors) -> bool:
    """The set uses the calibrated factor (the PROMPERÚ method) rather than the IPCC waste model."""
    return f.factor_set.methods.get("husk") == "promperu" and CALIBRATED_FACTOR in f


def rotting_share(surveys: Sequence[Survey]) -> float:
    """The share of all husk (by production) left to rot, on the soil, heaped or of unknown fate."""
    total = sum(s.production_kg for s in surveys)
    if total <= 0:
        return 0.0
    return sum(s.production_kg * sum(s.husk.shares.get(d, 0.0) for d in ROTTING) for s in surveys) / total


def with_factor(f: Factors, value: float) -> Factors:
    """The same factors and GWP set, the calibrated husk factor replaced by ``value``."""
    other = f.factor_set.with_gwp(f.gwp.id)
    other.update(f)
    other[CALIBRATED_FACTOR] = value
    return other


def _composted_shares(survey: Survey) -> dict[HuskDestination, float] | None:
    """The survey's husk shares with every share left to rot moved to composting (the report's composting
    measure); None when no husk is left to rot."""
    shares = dict(survey.husk.shares)
    pop = shares.pop
    moved = sum((pop(_SOIL, 0.0), pop(_HEAPED, 0.0), pop(_OTHER, 0.0)))  # ROTTING's, in its order: the same sum
    if moved <= 0:
        return None
    shares[HuskDestination.COMPOSTED] = shares.get(HuskDestination.COMPOSTED, 0.0) + moved
    return shares


@dataclass(frozen=True)
class _Result:
    net_t: float
    net_per_kg: float
    composted_net_per_kg: float  # every kg of husk left to rot composted instead

    @property
    def composting_saving(self) -> float:
        """kg CO2e per kg of cocoa that composting all the husk left to rot would save."""
        return self.net_per_kg - self.composted_net_per_kg


@dataclass(frozen=True)
class HuskModelCheck:
    """The net footprint with the calibrated factor and with the IPCC value, and what composting gives under each."""

    calibrated_ch4: float  # kg CH4 / kg fresh husk
    ipcc_ch4: float  # the IPCC waste model, unmanaged shallow heap (MCF 0.4)
    anaerobic_ch4: float  # the same model fully anaerobic (MCF 1): the most the IPCC model allows
    mcf: float
    calibrated: _Result
    ipcc: _Result

    @property
    def sign_depends(self) -> bool:
        """The two factors give net footprints of opposite sign."""
        return (self.calibrated.net_per_kg > 0) != (self.ipcc.net_per_kg > 0)

    def composting_turns_to_sink(self) -> tuple[bool, bool]:
        """Under each factor (calibrated, IPCC): a net source that composting the husk left to rot makes a sink."""
        calibrated, ipcc = (r.net_per_kg > 0 > r.composted_net_per_kg for r in (self.calibrated, self.ipcc))
        return calibrated, ipcc


# One survey's part of the check: its production, its husk left to rot (kg) and, under each factor set, its net as it
# is and with the husk left to rot composted (kg CO2e): (p, rotting, now₁, composted₁, now₂, composted₂)
HuskTerms = tuple[float, ...]


class HuskCheckSums:
    """:func:`husk_model_check` gathered survey by survey (``add`` each, with its annual values under ``f`` when
    already computed, then ``result``): the same sums in the same order as over a list. The other stages are
    computed once per survey (or taken from those values) and only the husk stage (S1) once per factor set, as it
    is and composted (a 100,000-farm campaign: 1 s instead of 5.6 s with a full calculation and a survey copy for
    each)."""

    def __init__(self, f: Factors) -> None:
        self.f = f
        self.applies = applies(f)
        self.ipcc = float(heap_ch4(f)) if self.applies else 0.0
        self.factor_sets = (f, with_factor(f, self.ipcc)) if self.applies else (f,)
        self.count = 0
        self.production = self.rotting = 0.0
        self.now, self.composted = [0.0] * len(self.factor_sets), [0.0] * len(self.factor_sets)

    def add(self, survey: Survey, computed: Sequence[float] | None = None) -> None:
        self.add_terms(self.terms(survey, computed))

    def terms(self, survey: Survey, computed: Sequence[float] | None = None) -> HuskTerms | None:
        """What one survey adds (:meth:`add_terms`), computed apart from the sums — in another process for a large
        campaign (cli/compute_parts.py) — then added in file order: the same floats, added in the same order, as
        :meth:`add` gives. None when the set does not use the calibrated factor."""
        if not self.applies:
            return None
        p = survey.general.production_kg  # Survey.production_kg
        get = survey.husk.shares.get
        rotting = p * sum((get(_SOIL, 0.0), get(_HEAPED, 0.0), get(_OTHER, 0.0)))  # ROTTING's, in order
        v = annual_values(survey, self.f, set()) if computed is None else computed
        others, sequestered = v[1:6], v[6]
        shares = _composted_shares(survey)
        found = [p, rotting]
        for i, f in enumerate(self.factor_sets):
            husk = v[0] if i == 0 else husk_stage.emissions(survey, p, f)
            net = sum((husk, *others)) - sequestered
            found.append(net)
            if shares is not None:  # else composting changes nothing: the same net
                net = sum((husk_stage.emissions(survey, p, f, shares=shares), *others)) - sequestered
            found.append(net)
        return tuple(found)

    def add_terms(self, terms: HuskTerms | None) -> None:
        """One survey's :meth:`terms` added to the sums (in the order the surveys are given)."""
        self.count += 1
        if terms is None:
            return
        self.production += terms[0]
        self.rotting += terms[1]
        now, composted = self.now, self.composted
        for i in range(len(now)):
            now[i] += terms[2 + 2 * i]
            composted[i] += terms[3 + 2 * i]

    def add_columns(self, count: int, columns: Sequence[Sequence[float]] | None) -> None:
        """The :meth:`terms` of ``count`` surveys added in order, given column by column (``columns[j]``: the
        j-th term of each; None when the set does not use the calibrated factor): each sum folded from its running
        value (``reduce(add, …)``: the very additions of :meth:`add_terms` survey by survey, at C's speed)."""
        self.count += count
        if columns is None or not count:
            return
        self.production = reduce(add, columns[0], self.production)
        self.rotting = reduce(add, columns[1], self.rotting)
        now, composted = self.now, self.composted
        for i in range(len(now)):
            now[i] = reduce(add, columns[2 + 2 * i], now[i])
            composted[i] = reduce(add, columns[3 + 2 * i], composted[i])

    def result(self) -> HuskModelCheck | None:
        """Both results, or None when the set does not use the calibrated factor or no husk is left to rot."""
        if not self.applies or not self.count or self.production <= 0 or self.rotting / self.production <= 0:
            return None
        production = self.production
        results = [_Result(net / 1000.0, net / production, c / production)
                   for net, c in zip(self.now, self.composted, strict=True)]
        f = self.f
        return HuskModelCheck(f[CALIBRATED_FACTOR], self.ipcc, float(heap_ch4(f, 1.0)), f["mcf_heap"], *results)


def husk_model_check(surveys: Sequence[Survey], f: Factors,
                     computed: Sequence[Sequence[float]] | None = None) -> HuskModelCheck | None:
    """Both results, or None when the set does not use the calibrated factor or no husk is left to rot.
    ``computed``: each survey's (S1 … S6, sequestration) in kg under ``f`` when already computed (``compute`` has
    them from its roll-up: ``roll_up(..., keep=True).survey_values``), so that no survey is computed twice."""
    sums = HuskCheckSums(f)
    if sums.applies:
        for index, survey in enumerate(surveys):
            sums.add(survey, None if computed is None else computed[index])
    return sums.result()


def husk_model_sentence(check: HuskModelCheck, lang: str = "es") -> str:
    """Both numbers in words, and what follows for the sign and for "compost and become a sink"."""
    cal, ipcc = quantity(check.calibrated_ch4, 4, lang), quantity(check.ipcc_ch4, 4, lang)
    mcf, anaerobic = quantity(check.mcf, 1, lang), quantity(check.anaerobic_ch4, 3, lang)
    a, b = quantity(check.calibrated.net_per_kg, 2, lang), quantity(check.ipcc.net_per_kg, 2, lang)
    sa, sb = quantity(check.calibrated.composting_saving, 2, lang), quantity(check.ipcc.composting_saving, 2, lang)
    if check.sign_depends:
        head = say(lang, "El signo de la huella neta depende del factor de metano de la cáscara que se pudre",
                   "The sign of the net footprint depends on the methane factor of husk left to rot")
    else:
        head = say(lang, "La huella neta depende mucho del factor de metano de la cáscara que se pudre",
                   "The net footprint depends heavily on the methane factor of husk left to rot")
    text = say(lang,
               f"{head}: con el factor calibrado al informe de 2020 ({cal} kg CH4 por kg de cáscara fresca) es {a} "
               f"kg CO2e/kg; con el valor del IPCC 2006 para un montón poco profundo sin manejo ({ipcc}, MCF {mcf}) "
               f"sería {b} kg CO2e/kg. El valor calibrado supera lo que da el modelo del IPCC aun sin nada de aire "
               f"({anaerobic}); nadie lo ha medido en San Martín. Compostar toda esa cáscara ahorraría {sa} kg "
               f"CO2e/kg con el primero y {sb} con el segundo",
               f"{head}: with the factor calibrated to the 2020 report ({cal} kg CH4 per kg of fresh husk) it is {a} "
               f"kg CO2e/kg; with the IPCC 2006 value for an unmanaged shallow heap ({ipcc}, MCF {mcf}) it would be "
               f"{b} kg CO2e/kg. The calibrated value is above what the IPCC model gives even fully anaerobic "
               f"({anaerobic}); nobody has measured it in San Martín. Composting all that husk would save {sa} kg "
               f"CO2e/kg with the first and {sb} with the second")
    turns, turns_ipcc = check.composting_turns_to_sink()
    if turns == turns_ipcc:
        return text + "."
    if turns:
        second = say(lang,
                     "ya lo es sin compostar" if check.ipcc.net_per_kg <= 0 else "no llega a serlo",
                     "it already is one without composting" if check.ipcc.net_per_kg <= 0 else "it does not become one")
        return text + say(lang,
                          f": el compostaje convierte a la unidad en sumidero neto solo con el primero (con el "
                          f"segundo {second}).",
                          ": composting turns the unit into a net sink only with the first (with the second "
                          f"{second}).")
    return text + say(lang, ": el compostaje convierte a la unidad en sumidero neto solo con el valor del IPCC.",
                            ": composting turns the unit into a net sink only with the IPCC value.")


def husk_model_document(check: HuskModelCheck, lang: str = "es") -> dict[str, object]:
    """The check for JSON output (``compute --json``)."""
    def result(r: _Result) -> dict[str, float]:
        return {"net_t": r.net_t, "net_kg_per_kg": r.net_per_kg, "all_composted_net_kg_per_kg": r.composted_net_per_kg,
                "composting_saving_kg_per_kg": r.composting_saving}

    return {"calibrated_kg_ch4_per_kg_husk": check.calibrated_ch4, "ipcc_heap_kg_ch4_per_kg_husk": check.ipcc_ch4,
            "ipcc_anaerobic_kg_ch4_per_kg_husk": check.anaerobic_ch4, "ipcc_mcf": check.mcf,
            "calibrated": result(check.calibrated), "ipcc": result(check.ipcc), "sign_depends": check.sign_depends,
            "composting_turns_to_sink": dict(zip(("calibrated", "ipcc"), check.composting_turns_to_sink(),
                                                 strict=True)),
            "sentence": husk_model_sentence(check, lang)}
