"""A large campaign file computed in parts (``compute FILE``, issue 22): the lines of one share of the file read
by the bulk reader (:mod:`~cocoa_desktop.engine.files.fast_campaign`, exactly as strict: a line it does not vouch
for makes the share give None, and the caller reads the whole file today's way) and its surveys reduced to compact
columns (:class:`Part`) — each cooperative's annual values, production, area and producers, the notes of their
calculation, the lines of their warnings and their terms of the husk-factor check — so that the surveys themselves
never leave the process that read them. The caller (cli/compute_parts.py) adds the parts in file order through the
same sums as one process (:class:`~cocoa_desktop.engine.footprint.rollup.Rollup`,
:class:`~cocoa_desktop.engine.footprint.husk_model.HuskCheckSums`): every figure the same to the last bit.
"""

from __future__ import annotations

from array import array
from functools import partial
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

from cocoa_desktop.engine.files import fast_campaign
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.footprint.checks import value_warnings
from cocoa_desktop.engine.footprint.compute import annual_values, unit_label
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.husk_model import HuskCheckSums, HuskTerms
from cocoa_desktop.engine.model.model_versions import MODEL_VERSION

_BOM = b"\xef\xbb\xbf"


class Part(NamedTuple):
    """The surveys of one share, reduced to what the sums need, as builtins and arrays (sent between processes
    quickly). Each cooperative's surveys in file order, column by column: its nine annual values (S1 … S6,
    sequestration, LUC one-off, LUC amortised, kg), production and area, one column after the other in
    ``columns[k]``; the husk check's terms of every survey in file order, column by column (None when the set does
    not use the calibrated factor)."""

    size: int  # surveys
    names: list[str]  # the cooperatives, in the order first met
    columns: list[array]  # per cooperative: 11 columns of its surveys' floats, one after another
    producers: list[list[int]]  # per cooperative: each survey's producers
    notes: list[set[str]]  # per cooperative: the notes of its surveys' calculations
    husk: array | None  # the husk terms' columns, one after another (HuskCheckSums.terms)
    warnings: list[str]  # the lines ``compute`` prints on stderr, in file order
    ids: list[str]  # the surveys' ids, in file order


class Layout(NamedTuple):
    """Where a campaign file's survey lines are: ``data[start:end]``, one survey a line."""

    fields: dict[str, Any]  # the campaign's own fields, its ``surveys`` empty
    start: int
    end: int
    offset: int  # a BOM's length, or 0: ``start`` and ``end`` count from the file's first byte


def layout(data: bytes, format_version: int = MODEL_VERSION) -> Layout | None:
    """The survey lines of a campaign in the app's layout (:func:`fast_campaign.layout`), else None."""
    offset = len(_BOM) if data.startswith(_BOM) else 0
    found = fast_campaign.layout(data[offset:] if offset else data, format_version)
    if found is None:
        return None
    fields, start, end = found
    return Layout(fields, start + offset, end + offset, offset)


def shares(data: bytes, where: Layout, count: int) -> list[tuple[int, int]]:
    """``data[where.start:where.end]`` cut into at most ``count`` byte ranges of about equal size, each of whole
    lines (a range ends before a line break, the next starts after it), in file order."""
    cuts = [where.start]
    size = (where.end - where.start) // max(count, 1)
    for index in range(1, count):
        at = data.find(b"\n", max(cuts[-1], where.start + index * size), where.end)
        if at < 0:
            break
        cuts.append(at + 1)
    ends = [cut - 1 for cut in cuts[1:]] + [where.end]
    return list(zip(cuts, ends, strict=True))


def part(data: bytes, start: int, end: int, last: bool, f: Factors, lang: str, word: str) -> Part | None:
    """The :class:`Part` of the survey lines in ``data[start:end]`` (``last``: its last line is the campaign's
    last), or None as soon as a line is not vouched for. ``word``: the warnings' first word (AVISO, WARNING)."""
    husk = HuskCheckSums(f)
    index: dict[str, int] = {}
    rows: list[list[tuple[float, ...]]] = []
    producers: list[list[int]] = []
    notes: list[set[str]] = []
    terms: list[HuskTerms | None] = []
    warnings: list[str] = []
    ids: list[str] = []
    with bulk():  # no collector passes over the rows being built
        lines = data[start:end].split(b"\n")
        final = len(lines) - 1
        for at, line in enumerate(lines):
            survey = fast_campaign.line_survey(line, last and at == final)
            if survey is None:
                return None
            general = survey.general
            name = general.organisation
            k = index.get(name)
            if k is None:
                k = index[name] = len(rows)
                rows.append([])
                producers.append([])
                notes.append(set())
            values = annual_values(survey, f, notes[k])  # as roll_up: into its cooperative's notes
            rows[k].append((*values, general.production_kg, general.productive_area_ha))
            producers[k].append(general.producers)
            for warning in value_warnings(survey, values):
                warnings.append(f"{word} [{unit_label(survey)}] {warning.path}: {warning.message(lang)}")
            terms.append(husk.terms(survey, values))
            ids.append(survey.id)
        columns = [array("d", chain.from_iterable(zip(*each, strict=True))) for each in rows]
        found = None if not husk.applies else array("d", chain.from_iterable(zip(*terms, strict=True)))
    return Part(len(ids), list(index), columns, producers, notes, found, warnings, ids)


class _Id(tuple):
    """A survey as the campaign's own validators see it in :func:`campaign_name`: its id alone."""

    __slots__ = ()
    id = property(itemgetter(0))


_stand_in = partial(tuple.__new__, _Id)  # one made at C's speed: 100,000 in a few ms


def campaign_name(fields: dict[str, Any], ids: list[str]) -> str | None:
    """The campaign's name when its own validators pass with surveys of these ids (no id twice), else None."""
    found = fast_campaign.head_struct(fields, list(map(_stand_in, zip(ids))))
    return None if found is None else str(found.name)
