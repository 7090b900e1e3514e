"""Results with a 90 % interval a technician can read: "1,43 kg CO2e/kg (entre 1,1 y 1,9 en 9 de cada 10 casos)".

Monte Carlo over the factors' spreads (:mod:`~cocoa_desktop.engine.uncertainty.spreads`) and over the survey values
marked estimated (``Survey.estimated_fields``), seeded. It is vectorised without a second copy of the formulas: the
engine's own stage functions are run once per survey with every varying factor holding all its draws as a numpy
array (they only multiply and add), so each draw is computed exactly. An estimated value enters through the
engine too: the survey is computed again with that value moved by a step, and every stage moves in proportion
(the stages are linear in each activity value; the product of two estimated values of one survey, e.g. production
× husk shares, is kept to first order).

The factors that contribute most to the spread are ranked by the squared correlation of their draws with the
result (for independent inputs and a near-linear model, each input's share of the variance:
:mod:`~cocoa_desktop.engine.uncertainty.weights`).

A campaign's surveys are not run on the draws one by one: their results are gathered as sums of products of the
varying factors (:mod:`~cocoa_desktop.engine.uncertainty.polynomial`, the engine's own arithmetic on symbols), and
each cooperative's sum is evaluated on the draws (:meth:`Simulation.summed`); the engine runs on the draws survey by
survey (:meth:`Simulation.cooperative`) only for a step no polynomial follows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from cocoa_desktop.engine.footprint import husk_model
from cocoa_desktop.engine.footprint.compute import annual_values
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.engine.uncertainty import spreads
from cocoa_desktop.engine.uncertainty.inputs import Inputs
from cocoa_desktop.engine.uncertainty.polynomial import Gathered, UnitSums, evaluate, evaluate_step
from cocoa_desktop.engine.uncertainty.spreads import ModelTerm, Spread
from cocoa_desktop.engine.uncertainty.steps import perturbed
from cocoa_desktop.engine.uncertainty.weights import Centred, Contribution, path_terms, ranked
from cocoa_desktop.engine.words import KG_PER_T, quantity, say, whole

DRAWS = 10_000
CONFIDENCE = 0.90
_VALUES = 10  # S1 … S6, sequestration, LUC one-off, LUC amortised, production
CHUNK = 16_384  # draws the engine computes at once: what one survey needs does not grow with the draws
# Each estimated field varied keeps two rows of draws (for the ranking of what weighs most) for the campaign and the
# cooperative being simulated: different fields × draws is bounded, 1,000 fields (the most one survey may mark) with
# the default 10,000 draws, 50 with the most draws (200,000); about 320 MB at the bound. A survey marks a handful.
MAX_FIELD_DRAWS = 10_000_000


class _Draws(np.ndarray):
    """Draws of one factor. The engine asks ``if value`` only to decide whether to add a note: true when any draw is
    non-zero, as for a single value."""

    def __bool__(self) -> bool:
        return bool(self.view(np.ndarray).any())


@dataclass(frozen=True)
class Interval:
    point: float  # the result with the values used (not the median of the draws)
    low: float
    high: float
    confidence: float = CONFIDENCE

    def sentence(self, unit: str = "kg CO2e/kg", lang: str = "es", decimals: int = 2) -> str:
        """"1,43 kg CO2e/kg (entre 1,1 y 1,9 en 9 de cada 10 casos)": the bounds one decimal shorter."""
        b = max(decimals - 1, 0)
        point = _shown(self.point, decimals, lang)
        low, high = _shown(self.low, b, lang), _shown(self.high, b, lang)
        out_of = 10 if math.isclose(self.confidence * 10, round(self.confidence * 10)) else 100
        k = round(self.confidence * out_of)
        return say(lang,
                   f"{point} {unit} (entre {low} y {high} en {k} de cada {out_of} casos)",
                   f"{point} {unit} (between {low} and {high} in {k} cases out of {out_of})")


def _shown(value: float, decimals: int, lang: str) -> str:
    """A number as shown, never "-0,0" for a value that rounds to zero."""
    rounded = round(value, decimals)
    return quantity(0.0 if rounded == 0 else value, decimals, lang)


@dataclass(frozen=True)
class UnitUncertainty:
    label: str
    net_per_kg: Interval
    net_t: Interval
    gross_t: Interval
    luc_t: Interval
    contributions: list[Contribution] = field(default_factory=list)  # largest first
    draws: np.ndarray | None = None  # net kg CO2e/kg of every draw, with keep_draws

    def main_contributions(self, lang: str = "es", at_least: float = 0.05, most: int = 3) -> str:
        """"secuestro por kg de cacao (62 %), …": what weighs most in the spread."""
        top = [c for c in self.contributions if c.share >= at_least][:most]
        return ", ".join(f"{c.label(lang)} ({quantity(c.share * 100, 0, lang)} %)" for c in top)


@dataclass(frozen=True)
class Uncertainty:
    units: dict[str, UnitUncertainty]  # by cooperative
    total: UnitUncertainty
    draws: int
    seed: int
    spreads: dict[str, Spread]  # the factors that varied (a field named like the module: the classes by name)
    estimated: tuple[str, ...]  # the estimated fields that varied
    factor_draws: dict[str, np.ndarray] = field(default_factory=dict)  # with keep_draws
    models: dict[str, ModelTerm] = field(default_factory=dict)  # the factors drawn from two models


def _triangular(rng: np.random.Generator, low: float, mode: float, high: float, n: int) -> np.ndarray:
    """n draws by Latin hypercube: one uniform draw in each of n equal slices of probability, shuffled, through
    the triangular's inverse distribution function. The tails are sampled evenly, so that the interval's bounds
    settle with fewer draws than plain random sampling needs."""
    if low == high:
        return np.full(n, mode)
    u = (rng.permutation(n) + rng.random(n)) / n
    width = high - low
    cut = (mode - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u < cut, left, right)


def _scaled(spread: spreads.Spread, value: float, scale: float) -> tuple[float, float]:
    return value - (value - spread.low) * scale, value + (spread.high - value) * scale


def _vector(values: tuple, production: float, n: int) -> np.ndarray:
    out = np.empty((_VALUES, n))
    for row, value in enumerate(values[:9]):
        out[row] = value  # a scalar or n draws
    out[9] = production
    return out


class _Accumulator:
    """Sums of one unit's draws (10 × n), and of each estimated path's linear terms in its net emissions and
    production (2 × n: what that path alone moves, to rank it among the contributions)."""

    def __init__(self, n: int) -> None:
        self.values = np.zeros((_VALUES, n))
        self.paths: dict[str, np.ndarray] = {}
        self.point = np.zeros(_VALUES)

    def add_path(self, path: str, term: np.ndarray, lo: int = 0) -> None:
        """Add a path's term for draws lo … lo + len(term)."""
        found = self.paths.get(path)
        if found is None:
            found = self.paths[path] = np.zeros((2, self.values.shape[1]))
        found[:, lo:lo + term.shape[1]] += term

    def merge(self, other: _Accumulator) -> None:
        self.values += other.values
        self.point += other.point
        for path, term in other.paths.items():
            self.add_path(path, term)


def _net(v: np.ndarray) -> np.ndarray:
    return v[:6].sum(axis=0) - v[6]


def _cooperatives(surveys: Sequence[Survey]) -> dict[str, list[Survey]]:
    """The surveys of each cooperative, cooperatives in the order they first appear, surveys in file order."""
    found: dict[str, list[Survey]] = {}
    for survey in surveys:
        found.setdefault(survey.cooperative, []).append(survey)
    return found


def _check_paths(paths: set[str], draws: int) -> None:
    """Different estimated fields × draws within MAX_FIELD_DRAWS, checked before anything is drawn."""
    most = MAX_FIELD_DRAWS // draws
    if len(paths) > most:
        from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError

        shown = whole(draws, "es")
        raise SurveyValidationError([Issue(
            "estimated_fields", "too_many_estimated_fields",
            f"las encuestas marcan {len(paths)} campos estimados distintos; con {shown} simulaciones el límite es "
            f"{most} (1 000 con 10 000 simulaciones, 50 con 200 000): marque secciones enteras (p. ej. «packaging») "
            "en lugar de cada elemento, o use menos simulaciones",
            f"the surveys mark {len(paths)} different estimated fields; with {whole(draws, 'en')} draws the limit is "
            f"{most} "
            "(1,000 with 10,000 draws, 50 with 200,000): mark whole sections (e.g. 'packaging') rather than each "
            "item, or use fewer draws")])


def simulate(surveys: Sequence[Survey], f: Factors, draws: int = DRAWS, seed: int = 1,
             confidence: float = CONFIDENCE, factor_scale: float = 1.0, activity_scale: float = 1.0,
             keep_draws: bool = False, progress: Progress | None = None) -> Uncertainty:
    """Draws of every cooperative's and the campaign's results. The scales multiply every factor's and every
    estimated value's spread (0: the value used, nothing drawn); ``keep_draws`` keeps each unit's net kg/kg draws
    and the factor draws (for checking a draw against the engine, or for a histogram). ``progress(fraction)`` is
    called after each survey (a window's worker thread reports it; raising there stops the simulation).

    Memory does not grow with the campaign: cooperatives are simulated one after the other (in the order they first
    appear, each one's surveys in file order) and only one cooperative's draws and the campaign's are held, a
    cooperative being summarised (its intervals and contributions) as soon as its last survey is done; the engine
    runs on CHUNK draws at a time. The random draws are made in the same order as when every survey was simulated
    in file order, so a file whose cooperatives' surveys come together gives the very same numbers as before; one
    whose cooperatives' surveys are interleaved draws them in another order (the same statistics, within Monte
    Carlo error)."""
    gathered = Gathered(f)
    for survey in surveys:
        gathered.add(survey)
    run = Simulation(f, gathered.inputs, draws, seed, confidence, factor_scale, activity_scale, keep_draws)
    done = 0
    if gathered.units is not None:  # each cooperative's sums evaluated on the draws
        for name, unit in gathered.units.items():
            run.summed(name, unit)
            done += unit.count
            if progress is not None:
                progress(done / len(surveys))
        return run.result()
    for name, members in _cooperatives(surveys).items():
        def step(_survey: Survey) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done / len(surveys))
        run.cooperative(name, members, step)
    return run.result()


class Simulation:
    """:func:`simulate` in steps: made from the surveys' :class:`Inputs` (its checks and draws of the factors), then
    each cooperative's surveys given in turn (``cooperative``), then ``result``."""

    def __init__(self, f: Factors, inputs: Inputs | Gathered, draws: int = DRAWS, seed: int = 1,
                 confidence: float = CONFIDENCE, factor_scale: float = 1.0, activity_scale: float = 1.0,
                 keep_draws: bool = False) -> None:
        if not 0.0 < confidence < 1.0 or draws < 2:
            raise ValueError("confidence in (0, 1) and at least 2 draws")
        _check_paths(inputs.paths, draws)
        self.f, self.draws, self.seed, self.confidence = f, draws, seed, confidence
        self.activity_scale, self.keep_draws = activity_scale, keep_draws
        self.rng = rng = np.random.default_rng(seed)
        read = inputs.reading.read
        self.varying = varying = {k: v for k, v in spreads.factor_spreads(f).items() if k in read}
        factor_draws: dict[str, np.ndarray] = {}
        for key, spread in varying.items():
            low, high = _scaled(spread, f[key], factor_scale)
            factor_draws[key] = _triangular(rng, low, f[key], high, draws).view(_Draws)
        self.models = _draw_models(f, factor_draws, rng, draws, factor_scale)
        self.factor_draws = factor_draws
        self.chunks = []  # the factors of draws lo … hi, each with its own cache of derived values (views, not copies)
        for lo in range(0, draws, CHUNK):
            fa = f.factor_set.with_gwp(f.gwp.id)
            # arrays of draws where Factors declares numbers: the engine's arithmetic takes both
            fa.update({key: x[lo:lo + CHUNK] for key, x in factor_draws.items()})  # type: ignore[misc]
            self.chunks.append((lo, fa))
        self.level = (1.0 - confidence) / 2.0
        self.centred = Centred.of([(k, "factor", x) for k, x in factor_draws.items()])
        self.units: dict[str, UnitUncertainty] = {}
        self.grand = _Accumulator(draws)
        self.used: set[str] = set()

    def cooperative(self, name: str, members: Iterable[Survey],
                    each: Callable[[Survey], object] | None = None) -> None:
        """One cooperative's surveys (all of them, in file order), summarised as soon as its last is done."""
        acc = _Accumulator(self.draws)
        for survey in members:
            _add_survey(acc, survey, self.f, self.chunks, self.rng, self.activity_scale, self.used)
            if each is not None:
                each(survey)
        self.units[name] = _unit(name, acc, self.centred, self.level, self.confidence, self.keep_draws)
        self.grand.merge(acc)

    def summed(self, name: str, unit: UnitSums) -> None:
        """One cooperative from its surveys' sums (:class:`~cocoa_desktop.engine.uncertainty.polynomial.Gathered`):
        as ``cooperative`` with the same surveys, the same draws, each value regrouped by monomial."""
        acc = _Accumulator(self.draws)
        acc.point += np.array(unit.point)
        deltas = []
        for step in unit.steps:  # drawn in the order ``cooperative`` draws them: survey by survey, path by path
            width = spreads.activity_spread(step.path).width * self.activity_scale
            deltas.append((step, np.clip(_triangular(self.rng, -width, 0.0, width, self.draws), *step.feasible)))
            self.used.add(step.path)
        for lo, _ in self.chunks:
            hi = min(lo + CHUNK, self.draws)
            symbols = {key: x[lo:hi] for key, x in self.factor_draws.items()}
            cache: dict = {}
            values = evaluate(unit.rows, unit.production, symbols, cache, hi - lo)
            for step, delta in deltas:
                slope = evaluate_step(step, unit.monomials, symbols, cache, hi - lo)
                part = delta[lo:hi]
                values += part * slope
                term = np.empty((2, hi - lo))
                term[0], term[1] = _net(slope), slope[9]
                acc.add_path(step.path, part * term, lo)
            acc.values[:, lo:hi] += values
        self.units[name] = _unit(name, acc, self.centred, self.level, self.confidence, self.keep_draws)
        self.grand.merge(acc)

    def result(self) -> Uncertainty:
        total = _unit("Total", self.grand, self.centred, self.level, self.confidence, self.keep_draws)
        return Uncertainty(self.units, total, self.draws, self.seed, self.varying, tuple(sorted(self.used)),
                           self.factor_draws if self.keep_draws else {}, self.models)


def _draw_models(f: Factors, factor_draws: dict[str, np.ndarray], rng: np.random.Generator, draws: int,
                 scale: float) -> dict[str, spreads.ModelTerm]:
    """The model-uncertainty terms: for a factor whose model is uncertain, a share of the draws (exactly
    ``weight × draws``, at random places) takes the alternative model's value, drawn from its own parameters'
    spreads. Nothing changes when the factor is not drawn (not read, or scale 0)."""
    used = {}
    for key, term in spreads.model_terms(f).items():
        if key not in factor_draws or scale <= 0:
            continue
        alternative = _ALTERNATIVES[term.alternative](f, rng, draws, scale)
        chosen = rng.permutation(draws) < round(term.weight * draws)
        factor_draws[key] = np.where(chosen, alternative, factor_draws[key]).view(_Draws)
        used[key] = term
    return used


def _ipcc_heap(f: Factors, rng: np.random.Generator, draws: int, scale: float) -> np.ndarray:
    """kg CH4 per kg fresh husk by the IPCC waste model (unmanaged shallow heap), its parameters drawn."""
    values: dict[str, float | np.ndarray] = {}
    for key in husk_model.HEAP_PARAMETERS:
        spread = spreads.factor_spread(f, key)
        if spread is None:
            values[key] = f[key]
        else:
            low, high = _scaled(spread, f[key], scale)
            values[key] = _triangular(rng, low, f[key], high, draws)
    return np.asarray(husk_model.heap_ch4(values), dtype=float)


_ALTERNATIVES: dict[str, Callable[[Factors, np.random.Generator, int, float], np.ndarray]] = {
    "ipcc_heap": _ipcc_heap}


def _add_survey(acc: _Accumulator, survey: Survey, f: Factors, chunks: list[tuple[int, Factors]],
                rng: np.random.Generator, activity_scale: float, used: set[str]) -> None:
    """One survey's draws added to its cooperative's sums. The estimated values' changes are drawn first, in the
    order of the survey's list (the random stream does not depend on CHUNK), then the engine runs chunk by chunk."""
    draws = acc.values.shape[1]
    acc.point += np.array([*annual_values(survey, f, set()), survey.production_kg])
    steps: list[tuple[str, Survey, float, np.ndarray]] = []
    for path in dict.fromkeys(survey.estimated_fields):
        step = perturbed(survey, path)
        if step is None:
            continue
        moved, size, feasible = step
        width = spreads.activity_spread(path).width * activity_scale
        steps.append((path, moved, size, np.clip(_triangular(rng, -width, 0.0, width, draws), *feasible)))
        used.add(path)
    for lo, fa in chunks:
        hi = min(lo + CHUNK, draws)
        base = _vector(annual_values(survey, fa, set()), survey.production_kg, hi - lo)
        total = base.copy()
        for path, moved, size, delta in steps:
            slope = (_vector(annual_values(moved, fa, set()), moved.production_kg, hi - lo) - base) / size
            part = delta[lo:hi]
            total += part * slope
            term = np.empty((2, hi - lo))
            term[0], term[1] = _net(slope), slope[9]
            acc.add_path(path, part * term, lo)
        acc.values[:, lo:hi] += total


def _interval(point: float, draws: np.ndarray, level: float, confidence: float) -> Interval:
    low, high = np.quantile(draws, [level, 1.0 - level])
    return Interval(float(point), float(low), float(high), confidence)


def _unit(name: str, acc: _Accumulator, factors: Centred, level: float, confidence: float,
          keep: bool) -> UnitUncertainty:
    v, p = acc.values, acc.point
    net, net_point = _net(v), _net(p[:, None])[0]
    production = v[9]
    with np.errstate(divide="ignore", invalid="ignore"):
        per_kg = np.where(production > 0, net / production, np.nan)
    point_per_kg = net_point / p[9] if p[9] > 0 else math.nan
    per_kg_interval = (_interval(point_per_kg, per_kg, level, confidence) if p[9] > 0
                       else Interval(math.nan, math.nan, math.nan, confidence))
    return UnitUncertainty(
        name, per_kg_interval,
        _interval(net_point / KG_PER_T, net / KG_PER_T, level, confidence),
        _interval(p[:6].sum() / KG_PER_T, v[:6].sum(axis=0) / KG_PER_T, level, confidence),
        _interval(p[7] / KG_PER_T, v[7] / KG_PER_T, level, confidence),
        ranked(per_kg if p[9] > 0 else net, factors, path_terms(acc.paths, net_point, p[9])),
        per_kg if keep else None)
