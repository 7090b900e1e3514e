"""A survey's polynomials (:mod:`~cocoa_desktop.engine.uncertainty.polynomial`) traced ahead — by the main window's
footprints, as it computes each survey — and added into a :class:`~cocoa_desktop.engine.uncertainty.polynomial.Gathered`
later, in file order, without the survey: :meth:`Tracer.terms` writes down the additions
:meth:`Gathered.add <cocoa_desktop.engine.uncertainty.polynomial.Gathered.add>` would make (each monomial's
coefficient, already multiplied as it multiplies it), :func:`add_traced` makes them, the same floats in the same order.

A monomial is kept as its number in :data:`MONOMIALS` (shared by every trace of the process, only ever growing, so that
terms kept from an earlier computation still name theirs): a survey's terms are two flat arrays, about 20 entries.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from threading import Lock
from typing import Any, NamedTuple

import numpy as np

from cocoa_desktop.engine.footprint.compute import annual_values
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.uncertainty.polynomial import (
    _VALUES,
    Gathered,
    Monomial,
    NotPolynomial,
    Poly,
    PolyFactors,
    Step,
    UnitSums,
    traced_steps,
)

MONOMIALS: list[Monomial] = []  # every monomial traced ahead, by its number
_NUMBERS: dict[Monomial, int] = {}
_NEW = Lock()
_ROW_SHIFT = 24  # a key: the row (S1 … LUC amortised) above, the monomial's number below
_MONOMIAL_MASK = (1 << _ROW_SHIFT) - 1
_READ: dict[frozenset[str], frozenset[str]] = {}  # the factors a survey read: each set held once
TracedStep = tuple[str, np.ndarray, np.ndarray, np.ndarray, float, tuple[float, float]]


def monomial_number(m: Monomial) -> int:
    found = _NUMBERS.get(m)
    if found is None:
        with _NEW:
            found = _NUMBERS.get(m)
            if found is None:
                if len(MONOMIALS) > _MONOMIAL_MASK:
                    raise NotPolynomial("too many monomials to number")
                found = _NUMBERS[m] = len(MONOMIALS)
                MONOMIALS.append(m)
    return found


class SurveyPolynomial(NamedTuple):
    """What :meth:`Gathered.add` adds of one survey: each coefficient in the order added (``keys``: row << 24 | the
    monomial's number), the factors read, the estimated fields and their steps (path, rows, monomials' numbers,
    coefficients, the production's slope, the feasible range)."""

    keys: array
    values: array
    read: frozenset[str]
    paths: tuple[str, ...]
    steps: tuple[TracedStep, ...]


_MISSING = object()


class _Cache(dict[str, Any]):
    """The tracing factors' cache of values derived from factors alone (the husk EFs), which remembers the factors
    read to derive each value and counts them read by every survey that takes it, as a survey reading the value
    first would read them: so each survey's ``read`` is what the pass over the surveys reads for it, without
    deriving the values again for each (a third of a trace)."""

    def __init__(self, factors: PolyFactors) -> None:
        super().__init__()
        self.factors = factors
        self.read: dict[str, frozenset[str]] = {}
        self.filling: tuple[str, set[str]] | None = None

    def get(self, key: str, default: Any = None) -> Any:
        found = dict.get(self, key, _MISSING)
        if found is _MISSING:  # derived now: the factors read until it is stored are its own
            self.filling = (key, self.factors.read)
            self.factors.read = set()
            return default
        self.factors.read |= self.read[key]
        return found

    def __getitem__(self, key: str) -> Any:
        found = dict.__getitem__(self, key)
        self.factors.read |= self.read[key]
        return found

    def __contains__(self, key: object) -> bool:
        raise NotPolynomial("the cache asked without its value")

    def __setitem__(self, key: str, value: Any) -> None:
        if self.filling is None or self.filling[0] != key:
            raise NotPolynomial("a derived value stored without being asked for first")
        own = self.factors.read
        self.read[key] = frozenset(own)
        self.factors.read = self.filling[1] | own
        self.filling = None
        dict.__setitem__(self, key, value)


class Tracer:
    """Traces surveys one at a time under ``f`` (one thread at a time)."""

    def __init__(self, f: Factors) -> None:
        self.reading = PolyFactors(f)
        self.cache = self.reading.cache = _Cache(self.reading)

    def terms(self, survey: Survey) -> SurveyPolynomial | None:
        """The survey's terms; None when the engine did with a factor what no polynomial does (the campaign is then
        gathered survey by survey, as before)."""
        pf = self.reading
        pf.read = set()
        if self.cache.filling is not None:  # a derivation that failed: derived again
            self.cache.filling = None
        try:
            base = annual_values(survey, pf, set())
            keys, values = array("i"), array("d")
            _written(base, keys, values)
            steps: list[TracedStep] = traced_steps(survey, pf, base, monomial_number)
        except (TypeError, ValueError):  # NotPolynomial, a numpy function refusing a Poly, a survey not computable
            return None
        read = frozenset(pf.read)
        return SurveyPolynomial(keys, values, _READ.setdefault(read, read), tuple(survey.estimated_fields),
                                tuple(steps))


def _written(base: Iterable[Any], keys: array, values: array) -> None:
    """:meth:`Gathered.add`'s additions of the annual values ``base``, written down."""
    numbered = _NUMBERS.get
    for row, value in enumerate(base):
        at = row << _ROW_SHIFT
        if type(value) is Poly:
            k = value.k
            for m, c in value.t.items():
                number = numbered(m)
                keys.append(at | (monomial_number(m) if number is None else number))
                values.append(c * k)
        elif value:
            keys.append(at | monomial_number(()))
            values.append(value)


def add_traced(gathered: Gathered, cooperative: str, terms: SurveyPolynomial, values: Sequence[float],
               production: float) -> None:
    """One survey's terms, with its annual values under ``gathered.f`` and its production, added as
    :meth:`Gathered.add` adds the survey: each coefficient into its cooperative's row, the point values, the steps'
    monomials placed as they come."""
    units = gathered.units
    if units is None or gathered.fallback is not None:
        raise ValueError("these sums gather surveys, not terms")
    gathered.reading.read |= terms.read
    gathered.paths.update(terms.paths)
    unit = units.get(cooperative)
    if unit is None:
        unit = units[cooperative] = UnitSums(monomials=gathered.monomials)
    rows, named = unit.rows, MONOMIALS
    for key, c in zip(terms.keys, terms.values, strict=True):
        row = rows[key >> _ROW_SHIFT]
        m = named[key & _MONOMIAL_MASK]
        row[m] = row.get(m, 0.0) + c
    unit.production += production
    unit.count += 1
    point = unit.point
    for i, value in enumerate(values):
        point[i] += value
    point[_VALUES] += production
    for path, step_rows, ids, coefficients, moved, feasible in terms.steps:
        places = np.array([gathered._place(named[i]) for i in ids.tolist()], dtype=np.int32)
        unit.steps.append(Step(path, step_rows, places, coefficients, moved, feasible))
