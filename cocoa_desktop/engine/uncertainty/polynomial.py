"""Each survey's results as polynomials in the factors that vary, summed per cooperative as the surveys are read, so
that the Monte Carlo (:mod:`~cocoa_desktop.engine.uncertainty.monte_carlo`) evaluates each cooperative's sum on the
draws once instead of running the engine on the draws survey by survey (and reading the surveys again to do it).

The engine's stage formulas only add, subtract and multiply factors, and divide by a number or by a single factor
(the same property that lets them take arrays of draws). Run once per survey with every factor that has a spread
standing for itself (a :class:`Poly` symbol), they return each annual value as a sum of products of factors
(monomials) with the survey's numbers as coefficients. A cooperative's value at any draw is then the sum of its
surveys' coefficients times each monomial's draws: the same arithmetic as the draws survey by survey, regrouped
(figures equal to the last few bits of a float). An estimated value's step (``steps.perturbed``) is traced the same
way and kept as its slope per survey, since its own draws multiply it.

Any other operation on a factor (a comparison, ``float()``, ``math`` or numpy functions, dividing by a sum) raises
:class:`NotPolynomial` (or numpy's TypeError), and the campaign is then simulated as before, the engine run on the
draws survey by survey (:attr:`Gathered.units` is None).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cocoa_desktop.engine.footprint.compute import annual_values
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.uncertainty import spreads
from cocoa_desktop.engine.uncertainty.inputs import Inputs
from cocoa_desktop.engine.uncertainty.steps import perturbed

Monomial = tuple[str, ...]  # factor ids, sorted, repeated for a power; "1/<id>" for a division by that factor
Terms = dict[Monomial, float]
Memo = dict[tuple[str, int], tuple["Poly", "Poly"]]  # (op, id of the other) → (the other, the result)
INVERSE = "1/"
_VALUES = 9  # S1 … S6, sequestration, LUC one-off, LUC amortised (production is the survey's own number)


class NotPolynomial(TypeError):
    """The engine did with a factor something other than adding, subtracting or multiplying it."""


def _number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


class Poly:
    """A sum of monomials in the varying factors: ``k × Σ c_m × m`` (a number times it only changes ``k``: most of
    the engine's products are a survey's number times a factor). Never changed once made.

    A factor's symbol and what symbols alone make of each other (``memo`` not None: a sum or product of factors,
    the same for every survey) remember each sum and product they made, so that the engine's factor-only
    subexpressions (e.g. EF1 + FracGAS × EF4 + FracLEACH × EF5, per fertiliser) are worked out once per symbols:
    the very same Poly, hence the same floats, as made again."""

    __slots__ = ("k", "memo", "t")
    __array_ufunc__ = None  # a numpy number times a Poly: the Poly's own arithmetic
    __hash__ = None  # type: ignore[assignment]
    t: Terms
    k: float
    memo: Memo | None

    def __init__(self, terms: Terms, k: float = 1.0) -> None:
        self.t, self.k, self.memo = terms, k, None

    @property
    def terms(self) -> Terms:
        """Each monomial's coefficient."""
        k = self.k
        return self.t if k == 1.0 else {m: c * k for m, c in self.t.items()}

    def __add__(self, other: Any) -> Poly:
        kind = type(other)
        if kind is Poly:
            memo = self.memo
            if memo is not None and other.memo is not None:
                return _remembered(memo, "+", self, other)
            return _sum(self, other)
        if kind is float or kind is int or _number(other):
            if not other:
                return self
            out = self.terms.copy() if self.k == 1.0 else self.terms
            out[()] = out.get((), 0.0) + other
            return Poly(out)
        return NotImplemented

    __radd__ = __add__

    def __neg__(self) -> Poly:
        return Poly(self.t, -self.k)

    def __sub__(self, other: Any) -> Poly:
        if type(other) is Poly or _number(other):
            return self + (-other)
        return NotImplemented

    def __rsub__(self, other: Any) -> Poly:
        if _number(other):
            return (-self) + other
        return NotImplemented

    def __mul__(self, other: Any) -> Poly:
        kind = type(other)
        if kind is float or kind is int or (kind is not Poly and _number(other)):
            p = _new(Poly)
            p.t, p.k, p.memo = self.t, self.k * other, None
            return p
        if kind is Poly:
            memo = self.memo
            if memo is not None and other.memo is not None:
                return _remembered(memo, "*", self, other)
            return _product(self, other)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Poly:
        if _number(other):
            return Poly(self.t, self.k / other)
        if type(other) is Poly:
            return self * _inverse(other)
        return NotImplemented

    def __rtruediv__(self, other: Any) -> Poly:
        if _number(other):
            return _inverse(self) * other
        return NotImplemented

    def __bool__(self) -> bool:
        """As an array of draws: true when not every coefficient is zero (the engine asks only to add a note)."""
        return bool(self.k) and any(self.t.values())

    def _refuse(self, *_: Any) -> Any:
        raise NotPolynomial("a factor was compared or converted")

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __float__ = __int__ = __index__ = __abs__ = __round__ = __floor__ = __ceil__ = _refuse
    __pow__ = __rpow__ = __mod__ = __rmod__ = __floordiv__ = __rfloordiv__ = _refuse


_new = object.__new__
_PRODUCTS: dict[tuple[Monomial, Monomial], Monomial] = {}  # each product of two monomials, sorted once


def _product(a: Poly, b: Poly) -> Poly:
    out: Terms = {}
    get, products = out.get, _PRODUCTS
    for m1, c1 in a.t.items():
        for m2, c2 in b.t.items():
            m = products.get((m1, m2))
            if m is None:
                m = products[(m1, m2)] = tuple(sorted(m1 + m2)) if m1 and m2 else m1 or m2
            out[m] = get(m, 0.0) + c1 * c2
    return Poly(out, a.k * b.k)


def _sum(a: Poly, b: Poly) -> Poly:
    k = a.k
    out = a.t.copy() if k == 1.0 else {m: c * k for m, c in a.t.items()}
    get, k = out.get, b.k
    for m, c in b.t.items():
        out[m] = get(m, 0.0) + c * k
    return Poly(out)


def _remembered(memo: Memo, op: str, a: Poly, b: Poly) -> Poly:
    """``a op b`` for two symbols' polynomials, made once (``memo``: ``a``'s)."""
    found = memo.get((op, id(b)))
    if found is not None and found[0] is b:
        return found[1]
    made = _sum(a, b) if op == "+" else _product(a, b)
    made.memo = {}
    memo[(op, id(b))] = (b, made)
    return made


def _inverse(p: Poly) -> Poly:
    """1 / p for a single monomial (a factor, a product of factors, a number times them)."""
    if len(p.t) != 1:
        raise NotPolynomial("division by a sum of factors")
    (m, c), = p.terms.items()
    if not c:
        raise NotPolynomial("division by a factor times zero")
    inverted = tuple(sorted(name[len(INVERSE):] if name.startswith(INVERSE) else INVERSE + name for name in m))
    return Poly({inverted: 1.0 / c})


_get = dict.__getitem__


def _symbol(key: str) -> Poly:
    p = Poly({(key,): 1.0})
    p.memo = {}
    return p


class PolyFactors(Factors):
    """Factors whose values with a spread are :class:`Poly` symbols, remembering every id the engine reads (as
    :class:`~cocoa_desktop.engine.uncertainty.inputs.Inputs` does: only those are drawn)."""

    def __init__(self, f: Factors) -> None:
        super().__init__(f.factor_set, f.gwp)
        self.read: set[str] = set()
        self.update({key: _symbol(key) for key in spreads.factor_spreads(f)})  # type: ignore[misc]

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return _get(self, key)


def _rows(values: Iterable[Any]) -> list[Terms]:
    return [v.terms if isinstance(v, Poly) else ({(): float(v)} if v else {}) for v in values]


def traced_steps(survey: Survey, pf: Factors, base: tuple[Any, ...], number: Callable[[Monomial], int]
                 ) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray, float, tuple[float, float]]]:
    """Each estimated value's step of ``survey`` traced under the symbolic factors ``pf`` (``base``: its annual values
    traced under them): (path, rows, the monomials' numbers by ``number``, coefficients, the production's slope, the
    feasible range), the fields of a :class:`Step`; a value whose step cannot be taken is left out."""
    steps = []
    for path in dict.fromkeys(survey.estimated_fields):
        step = perturbed(survey, path)
        if step is None:
            continue
        moved, size, feasible = step
        after = annual_values(moved, pf, set())
        slope = _rows((a - b) / size for a, b in zip(after, base, strict=True))
        entries = [(row, number(m), c) for row, terms in enumerate(slope) for m, c in terms.items()]
        rows, places, coefficients = zip(*entries, strict=True) if entries else ((), (), ())
        steps.append((path, np.array(rows, dtype=np.int8), np.array(places, dtype=np.int32),
                      np.array(coefficients, dtype=float), (moved.production_kg - survey.production_kg) / size,
                      feasible))
    return steps


@dataclass(slots=True)
class Step:
    """An estimated value of one survey: what a step of it moves per unit of the drawn change (the difference of
    the terms ÷ the step: the slope, as (row, monomial's place in ``monomials``, coefficient), a few hundred bytes
    however many surveys mark one), and the range that change may take."""

    path: str
    rows: np.ndarray  # int8: S1 … S6, sequestration, LUC one-off, LUC amortised
    places: np.ndarray  # int32
    coefficients: np.ndarray
    production: float
    feasible: tuple[float, float]


@dataclass(slots=True)
class UnitSums:
    """One cooperative's surveys summed: the terms of each annual value, the production, the point values
    (the engine's own, summed in file order as the Monte Carlo sums them) and the steps of its estimated values."""

    rows: list[Terms] = field(default_factory=lambda: [{} for _ in range(_VALUES)])
    production: float = 0.0
    count: int = 0
    point: list[float] = field(default_factory=lambda: [0.0] * (_VALUES + 1))
    steps: list[Step] = field(default_factory=list)
    monomials: list[Monomial] = field(default_factory=list)  # the steps' monomials by place (shared by every unit)


class Gathered:
    """What the Monte Carlo needs of a campaign, gathered survey by survey (``add`` each, cooperatives as first met):
    the factors read and estimated fields marked (as :class:`Inputs`) and each cooperative's :class:`UnitSums`.
    Should the engine do with a factor something no polynomial does, ``units`` is None from then on and
    ``inputs`` keeps gathering what the simulation of the surveys themselves needs."""

    def __init__(self, f: Factors) -> None:
        self.f = f
        self.reading = PolyFactors(f)
        self.paths: set[str] = set()
        self.units: dict[str, UnitSums] | None = {}
        self.fallback: Inputs | None = None
        self.monomials: list[Monomial] = []  # the steps' monomials, each once
        self.places: dict[Monomial, int] = {}

    @property
    def inputs(self) -> Gathered | Inputs:
        """The factors read and the paths marked (``reading.read``, ``paths``), for ``Simulation``."""
        return self if self.fallback is None else self.fallback

    def add(self, survey: Survey, values: Iterable[float] | None = None) -> None:
        """One survey; ``values``: its annual values under ``f`` when already computed (the point of its draws)."""
        if self.fallback is not None:
            self.fallback.add(survey)
            return
        try:
            traced = self._trace(survey)
        except TypeError:  # NotPolynomial, or a numpy function refusing a Poly
            self._give_up()
            assert self.fallback is not None
            self.fallback.add(survey)
            return
        assert self.units is not None
        unit = self.units.get(survey.cooperative)
        if unit is None:
            unit = self.units[survey.cooperative] = UnitSums(monomials=self.monomials)
        base, steps = traced
        for terms, value in zip(unit.rows, base, strict=True):
            if type(value) is Poly:
                get, k = terms.get, value.k
                for m, c in value.t.items():
                    terms[m] = get(m, 0.0) + c * k
            elif value:
                terms[()] = terms.get((), 0.0) + value
        production = survey.production_kg
        unit.production += production
        unit.count += 1
        point = unit.point
        for i, value in enumerate(annual_values(survey, self.f, set()) if values is None else values):
            point[i] += value
        point[_VALUES] += production
        unit.steps.extend(steps)

    def _trace(self, survey: Survey) -> tuple[tuple[Any, ...], list[Step]]:
        pf = self.reading
        base = annual_values(survey, pf, set())
        self.paths.update(survey.estimated_fields)
        return base, [Step(*step) for step in traced_steps(survey, pf, base, self._place)]

    def _place(self, m: Monomial) -> int:
        found = self.places.get(m)
        if found is None:
            found = self.places[m] = len(self.monomials)
            self.monomials.append(m)
        return found

    def _give_up(self) -> None:
        self.units = None
        self.fallback = Inputs(self.f)
        self.fallback.reading.read |= self.reading.read
        self.fallback.paths |= self.paths


def evaluate(rows: list[Terms], production: float, symbols: dict[str, np.ndarray], cache: dict[Monomial, Any],
             n: int) -> np.ndarray:
    """The 10 × n values (S1 … S6, sequestration, LUC one-off, LUC amortised, production) at n draws of the
    factors (``symbols``: each varying factor's draws; ``cache``: the monomials' draws already multiplied)."""
    out = np.zeros((_VALUES + 1, n))
    for row, terms in zip(out, rows, strict=False):
        for m, c in terms.items():
            row += c * _monomial(m, symbols, cache) if m else c
    out[_VALUES] = production
    return out


def evaluate_step(step: Step, monomials: list[Monomial], symbols: dict[str, np.ndarray],
                  cache: dict[Monomial, Any], n: int) -> np.ndarray:
    """A step's slope at n draws of the factors, as :func:`evaluate`."""
    out = np.zeros((_VALUES + 1, n))
    for row, place, c in zip(step.rows.tolist(), step.places.tolist(), step.coefficients.tolist(), strict=True):
        m = monomials[place]
        out[row] += c * _monomial(m, symbols, cache) if m else c
    out[_VALUES] = step.production
    return out


def _monomial(m: Monomial, symbols: dict[str, np.ndarray], cache: dict[Monomial, Any]) -> np.ndarray:
    found = cache.get(m)
    if found is None:
        arrays = [1.0 / symbols[name[len(INVERSE):]] if name.startswith(INVERSE) else symbols[name] for name in m]
        found = arrays[0]
        for x in arrays[1:]:
            found = found * x
        cache[m] = found
    return found
