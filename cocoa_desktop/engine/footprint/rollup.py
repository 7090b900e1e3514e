"""Aggregation farm → cooperative → campaign, by summing results (never averaging shares): the one path.

Every sum of surveys into their cooperative and of cooperatives into a campaign is made by a :class:`Rollup` — the
command line's, the campaign view's and the report digest's (:func:`roll_up`, from surveys), the campaign view's
quick table, the scenarios' and the workbook's (:func:`roll_up_footprints`, from footprints already computed), the
main window's tree (a :class:`Rollup` per campaign, fed as it walks the stored surveys) and a sample's
(:func:`sum_footprints`): each survey's six stages, sequestration and land-use change (one-off and amortised),
production, area, producers and notes added in the order given into its cooperative's sums, the campaign the sum of
its cooperatives in the order first met. So a figure is the same to the last bit wherever it is shown when the same
surveys come in the same order. Which stored surveys count is decided here too (:func:`counted_survey`).

A campaign of 100,000 farms is summed as it is read: each survey's annual values (the stage formulas of
:func:`~cocoa_desktop.engine.footprint.compute.compute`) are added at once, without a footprint per farm; footprints
already computed are added a few thousand at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import add, attrgetter, itemgetter
from typing import Any

from cocoa_desktop.engine.footprint.compute import annual_values, footprint_of
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGES, Footprint
from cocoa_desktop.engine.model.survey import Survey

FOLD_EVERY = 4096  # footprints held before they are added into their cooperatives' sums
_STAGE_OF = tuple(itemgetter(stage) for stage in STAGES)
_FLOATS = tuple(attrgetter(name) for name in ("sequestration_kg", "luc_one_off_kg", "luc_amortised_kg",
                                              "production_kg", "area_ha"))
_WHOLE = (attrgetter("producers"), attrgetter("surveys"))


@dataclass(slots=True)
class CampaignResult:
    cooperatives: dict[str, Footprint]  # in the order first met
    total: Footprint
    # with ``keep``: each survey's id and annual values (S1 … S6, sequestration, LUC one-off, LUC amortised) in the
    # order given, for what needs them again (the husk factor's check in the recommendations) without recomputing
    survey_ids: tuple[str, ...] = ()
    survey_values: tuple[tuple[float, ...], ...] = ()
    factors: Factors | None = None  # the factors they were computed with


def counted_survey(doc: Mapping[str, Any] | None) -> Survey | None:
    """Which stored surveys count in a cooperative's and a campaign's figures, decided once: every survey whose
    document is valid, complete or still in progress (being marked complete is the surveyor's word, not a filter);
    a draft — not valid yet — or a survey whose sections could not be read (None) is left out (and counted apart
    by the views that say so)."""
    if doc is None:
        return None
    try:
        return Survey.model_validate(doc)
    except ValueError:  # pydantic's ValidationError is one
        return None


class _Sums:
    """A cooperative's (or a campaign's) sums. Units are added in the order given, a few thousand at a time: each
    column folded left to right from the running value (``reduce(add, …)``: the very additions of ``total += value``
    unit by unit, in the same order, at C's speed; not ``sum()``, whose floats Python 3.12 compensates); a survey's
    bare values (:meth:`add_values`) are added at once, after the footprints before them."""

    __slots__ = ("floats", "notes", "pending", "stages", "whole")

    def __init__(self) -> None:
        self.stages = [0.0] * len(STAGES)
        self.floats = [0.0] * len(_FLOATS)  # sequestration, LUC one-off, LUC amortised, production, area
        self.whole = [0, 0]  # producers, surveys
        self.notes: set[str] = set()
        self.pending: list[Footprint] = []

    def fold(self) -> None:
        units = self.pending
        if not units:
            return
        stages = [fp.stages for fp in units]
        self.stages = [reduce(add, map(get, stages), start) for get, start in zip(_STAGE_OF, self.stages, strict=True)]
        self.floats = [reduce(add, map(get, units), start) for get, start in zip(_FLOATS, self.floats, strict=True)]
        self.whole = [reduce(add, map(get, units), start) for get, start in zip(_WHOLE, self.whole, strict=True)]
        self.notes.update(*(fp.notes for fp in units))
        units.clear()

    def add_values(self, values: tuple[float, ...], production: float, area: float, producers: int) -> None:
        """A survey's nine annual values (S1 … S6, sequestration, LUC one-off, LUC amortised), production, area and
        producers added at once, without a footprint (:func:`roll_up`: 100,000 farms, nothing held); its notes go
        straight into :attr:`notes`."""
        if self.pending:
            self.fold()  # the footprints before it first
        self.stages = list(map(add, self.stages, values))  # the first six: S1 … S6
        floats = self.floats
        floats[0] += values[6]
        floats[1] += values[7]
        floats[2] += values[8]
        floats[3] += production
        floats[4] += area
        whole = self.whole
        whole[0] += producers
        whole[1] += 1

    def add_columns(self, columns: Sequence[Sequence[float]], producers: Sequence[int]) -> None:
        """Surveys' :meth:`add_values` given column by column, in the order of the surveys: ``columns`` the nine
        annual values, production and area (``columns[j][i]``: survey i's j-th), ``producers`` each one's. Each
        sum folded from its running value (``reduce(add, …)``: the very additions of :meth:`add_values` survey by
        survey, at C's speed: cli/compute_parts.py adds a large campaign's surveys computed in other processes)."""
        if self.pending:
            self.fold()
        self.stages = [reduce(add, column, start) for column, start in zip(columns[:6], self.stages, strict=True)]
        self.floats = [reduce(add, column, start) for column, start in zip(columns[6:], self.floats, strict=True)]
        self.whole = [reduce(add, producers, self.whole[0]), self.whole[1] + len(producers)]

    def footprint(self, label: str, f: Factors | None) -> Footprint:
        self.fold()
        notes = self.notes | ({"gwp_not_published"} if f is not None and f.gwp_differs_from_published else set())
        seq, luc, luc_yr, production, area = self.floats
        return Footprint(label, production, area, self.whole[0], dict(zip(STAGES, self.stages, strict=True)), seq,
                         luc, luc_yr, frozenset(notes), self.whole[1])


class Rollup:
    """A campaign's sums, fed one (cooperative, footprint) at a time — a survey's, or a sum already made: each added
    into its cooperative in the order given, the cooperatives into the campaign in the order first met; shares and
    intensities follow from the sums. Under ``f`` a cooperative whose GWPs are not the report's says so (``None``:
    the units' notes alone). Every sum of farms is made here (:func:`roll_up`, :func:`roll_up_footprints`, the tree)."""

    __slots__ = ("f", "held", "sums")

    def __init__(self, f: Factors | None) -> None:
        self.f = f
        self.sums: dict[str, _Sums] = {}
        self.held = 0

    def add(self, name: str, fp: Footprint) -> None:
        coop = self.sums.get(name)
        if coop is None:
            coop = self.sums[name] = _Sums()
        coop.pending.append(fp)
        self.held += 1
        if self.held == FOLD_EVERY:  # many thousand footprints are not held twice
            for each in self.sums.values():
                each.fold()
            self.held = 0

    def cooperative(self, name: str) -> _Sums:
        """The sums of the cooperative ``name`` (made when first met), to add a survey's bare values to."""
        coop = self.sums.get(name)
        if coop is None:
            coop = self.sums[name] = _Sums()
        return coop

    def result(self, label: str = "Total") -> CampaignResult:
        cooperatives = {name: s.footprint(name, self.f) for name, s in self.sums.items()}
        campaign = _Sums()
        campaign.pending.extend(cooperatives.values())
        return CampaignResult(cooperatives, campaign.footprint(label, None))


def roll_up(surveys: Iterable[Survey], f: Factors, label: str = "Total",
            each: Callable[[Survey, Footprint], None] | None = None, keep: bool = False) -> CampaignResult:
    """Compute every survey and sum farms into their cooperative, cooperatives into the campaign.

    ``each(survey, footprint)`` is called for every survey (e.g. to check it) without computing it twice; ``keep``:
    the result keeps every survey's values too."""
    rollup = Rollup(f)
    ids: list[str] = []
    kept: list[tuple[float, ...]] = []
    for survey in surveys:
        general = survey.general
        coop = rollup.cooperative(general.organisation)
        if each is None:
            values = annual_values(survey, f, coop.notes)
        else:
            notes: set[str] = set()
            values = annual_values(survey, f, notes)
            coop.notes |= notes
            each(survey, footprint_of(survey, values, notes, f))
        if keep:
            ids.append(survey.id)
            kept.append(values)
        coop.add_values(values, general.production_kg, general.productive_area_ha, general.producers)
    result = rollup.result(label)
    if keep:
        result.survey_ids, result.survey_values, result.factors = tuple(ids), tuple(kept), f
    return result


def roll_up_footprints(items: Iterable[tuple[str, Footprint]], f: Factors | None,
                       label: str = "Total") -> CampaignResult:
    """:func:`roll_up` of surveys already computed under ``f``: (cooperative, footprint) of each survey in file order,
    summed in the same order into the same figures (the main window's footprints, for the campaign view; the
    workbook's). ``f`` None: the footprints' notes alone (a sum of sums)."""
    rollup = Rollup(f)
    add = rollup.add
    for name, fp in items:
        add(name, fp)
    return rollup.result(label)


def sum_footprints(items: Iterable[Footprint], label: str) -> Footprint:
    """Footprints summed as one unit (a sample's farms, a campaign's cooperatives): shares and intensities follow
    from the sums, never averaged (methodology §1)."""
    found = roll_up_footprints(((label, fp) for fp in items), None, label).cooperatives
    return found[label] if found else _Sums().footprint(label, None)
