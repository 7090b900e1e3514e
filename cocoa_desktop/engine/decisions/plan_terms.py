"""A survey's part of its cooperative's :class:`~cocoa_desktop.engine.decisions.recommendations.PlanSums`, written
down ahead — by the main window's footprints, as it computes each survey — and added later in file order without the
survey (the campaign view): the same floats added in the same order, so every figure of the plans is equal.

:class:`PlanTape` runs :meth:`PlanSums.add` itself on sums whose every number (its own, its
:class:`~cocoa_desktop.engine.footprint.year_over_year.InputSums`' and its
:class:`~cocoa_desktop.engine.footprint.husk_model.HuskCheckSums`') is a :class:`_Slot` that writes down what is added
to it: the arithmetic stays theirs, only the additions are kept (about 40 numbers a survey). :class:`PlanFold` makes
them on fresh sums. Should those sums ever do with a number anything but add to it, the survey has no terms (None)
and the campaign is gathered survey by survey, as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from operator import attrgetter, is_, itemgetter
from typing import Any, NamedTuple

from cocoa_desktop.engine.decisions.recommendations import PlanSums
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.model.survey import Survey


class PlanTerms(NamedTuple):
    """What one survey adds to its plan sums: each addition (the number's place, the value) in order, and the
    sources of its estimated land-use change (None when it marks none)."""

    places: bytes
    values: array
    sources: tuple[str, ...] | None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _attributes(holder: Any) -> dict[str, Any]:
    return vars(holder) if hasattr(holder, "__dict__") else {n: getattr(holder, n) for n in holder.__slots__}


def _numbers(sums: PlanSums) -> list[tuple[Any, Any, bool]]:
    """Every number the sums add to, as (holder, name or key, is an attribute), always in the same order."""
    found: list[tuple[Any, Any, bool]] = []
    for holder in (sums, sums.inputs, sums.husk):
        names = _attributes(holder)
        for name, value in names.items():
            if _is_number(value):
                found.append((holder, name, True))
            elif type(value) is list and all(map(_is_number, value)):
                found.extend((value, i, False) for i in range(len(value)))
            elif type(value) is dict and value and all(map(_is_number, value.values())):
                found.extend((value, key, False) for key in value)
    return found


def _get(place: tuple[Any, Any, bool]) -> Any:
    holder, key, attribute = place
    return getattr(holder, key) if attribute else holder[key]


def _set(place: tuple[Any, Any, bool], value: Any) -> None:
    holder, key, attribute = place
    if attribute:
        setattr(holder, key, value)
    else:
        holder[key] = value


class _Slot:
    """A number of the sums being written down: ``slot += x`` keeps its place and x."""

    __slots__ = ("at", "places", "values")

    def __init__(self, places: list[int], values: list[float], at: int) -> None:
        self.places, self.values, self.at = places, values, at

    def __add__(self, value: Any) -> _Slot:
        if type(value) is not float and not _is_number(value):
            return NotImplemented
        self.places.append(self.at)
        self.values.append(value)
        return self

    __iadd__ = __add__


def _held(sums: PlanSums) -> list[tuple[Any, list[Any], bool]]:
    """Each holder of numbers (the sums, their inputs, their husk check, the lists and dicts of numbers they hold)
    with the names or keys of the numbers and containers it holds (is an attribute holder)."""
    found: list[tuple[Any, list[Any], bool]] = []
    for holder in (sums, sums.inputs, sums.husk):
        names = _attributes(holder)
        held = []
        for name, value in names.items():
            if _is_number(value):
                held.append(name)
            elif type(value) is list and all(map(_is_number, value)):
                held.append(name)
                found.append((value, list(range(len(value))), False))
            elif type(value) is dict and value and all(map(_is_number, value.values())):
                held.append(name)
                found.append((value, list(value), False))
        found.append((holder, held, True))
    return [(holder, keys, attribute) for holder, keys, attribute in found if keys]


class PlanTape:
    """Writes down, survey by survey under ``f``, what :meth:`PlanSums.add` adds (one thread at a time)."""

    def __init__(self, f: Factors) -> None:
        self.sums = PlanSums(f)
        self.at: list[int] = []
        self.added: list[float] = []
        self.places = _numbers(self.sums)
        self.slots = [_Slot(self.at, self.added, at) for at in range(len(self.places))]
        if len(self.slots) > 255:
            raise ValueError("too many sums to write down")
        held = _held(self.sums)
        self._reset()
        # what is checked after each survey, at C's speed: every number still its slot, every container the same
        # (each getter gives a tuple: a single key asked twice)
        self.checks = [((attrgetter if attribute else itemgetter)(*keys, *keys[:len(keys) == 1]), holder)
                       for holder, keys, attribute in held]
        self.held = tuple(x for get, holder in self.checks for x in get(holder))

    def terms(self, survey: Survey, computed: Sequence[float] | None = None) -> PlanTerms | None:
        """What the survey adds (``computed``: its annual values, as :meth:`PlanSums.add` takes them); None when the
        sums did with a number something other than adding to it."""
        sums, at, added = self.sums, self.at, self.added
        at.clear()
        added.clear()
        sums.estimated, sums.sources = False, {}
        try:
            sums.add(survey, computed)
        except TypeError:  # a number read, not added to
            self._reset()
            return None
        if not self._intact():
            self._reset()  # a number set, not added to
            return None
        return PlanTerms(bytes(at), array("d", added), tuple(sums.sources) if sums.estimated else None)

    def _intact(self) -> bool:
        now: list[Any] = []
        extend = now.extend
        for get, holder in self.checks:
            extend(get(holder))
        return len(now) == len(self.held) and all(map(is_, now, self.held))

    def _reset(self) -> None:
        for place, slot in zip(self.places, self.slots, strict=True):
            _set(place, slot)


class PlanFold:
    """Fresh :class:`PlanSums` under ``f`` fed with surveys' :class:`PlanTerms` in order (``add`` each, then
    ``result``): the sums :meth:`PlanSums.add` gives over the surveys themselves."""

    def __init__(self, f: Factors) -> None:
        self.sums = PlanSums(f)
        self.places = _numbers(self.sums)
        self.totals = [_get(place) for place in self.places]

    def add(self, terms: PlanTerms) -> None:
        totals = self.totals
        for at, value in zip(terms.places, terms.values, strict=True):
            totals[at] += value
        if terms.sources is not None:
            self.sums.estimated = True
            self.sums.sources.update(dict.fromkeys(terms.sources))

    def result(self) -> PlanSums:
        for place, total in zip(self.places, self.totals, strict=True):
            first = _get(place)
            whole = type(first) is int and float(total).is_integer()  # a count
            _set(place, int(total) if whole else total)
        return self.sums
