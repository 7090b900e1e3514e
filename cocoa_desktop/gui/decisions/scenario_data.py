"""A scenario over a stored campaign, read as little as it can be
(:mod:`~cocoa_desktop.engine.decisions.scenario_footprints`).

A survey the main window has computed (its footprint kept with the stamp of its last save, unchanged since) is read only
for its general section (its cooperative and year) and the sections the changes need
(:func:`~cocoa_desktop.engine.decisions.scenario_footprints.needed_sections`: those they touch and those of the parts of
the footprint that read what they write): its footprint after is its footprint before with those parts computed again.
The whole survey is read only when the main window has not computed it (or it changed since, or it is a draft), when a
change names no field of it or when the changes cannot be applied to it; none is kept once summed. The figures are those
of :func:`~cocoa_desktop.engine.decisions.scenarios.run` over the campaign's valid surveys, and so are the errors: the
first damaged survey in the tree's order, then a cooperative with no survey, then the first survey in the tree's order
the changes cannot be applied to. A section damaged on disk is noticed when it is read: one that is not (the footprint
kept was computed from it when it was sound) is left to the main window's next computation and the start-up checks.
"""

from __future__ import annotations

from typing import Any

from cocoa_desktop.engine.decisions.scenario_changes import Change, apply
from cocoa_desktop.engine.decisions.scenario_footprints import (
    Unit,
    changed_unit,
    needed_sections,
    table_of_units,
    unit_of,
)
from cocoa_desktop.engine.decisions.scenarios import Scenario, ScenarioResult, check_scope
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.sections import section_of as stored_section
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.storage.database import StorageError

Kept = dict[str, tuple[str, Any]]  # survey id → (updated_at, its Footprint or None): computed_footprints.Kept
PROGRESS_EVERY = 250  # surveys read whole between two progress reports
WHOLE_CHUNK = 500  # surveys read whole at a time (held until computed)


def stored_scenario(repo: Any, campaign: str, scenario: Scenario, f: Factors, kept: Kept | None = None,
                    progress: Progress | None = None) -> ScenarioResult:
    """Before and after over the campaign's valid surveys in ``repo``; ``kept``: each survey's footprint under ``f``
    as the main window computed it, with the stamp it had (None: every survey is read whole)."""
    rows = repo.surveys(campaign)
    changes = list(scenario.changes)
    needed = needed_sections(changes)
    known: dict[str, Footprint] = {}
    whole: list[str] = []
    for row in rows:
        stamp, fp = (kept or {}).get(row.id, (None, None))
        if fp is not None and stamp == row.updated_at:
            known[row.id] = fp
        else:
            whole.append(row.id)
    before: dict[str, Unit] = {}
    after: dict[str, Unit] = {}
    if known:
        read = tuple(sorted({"general", *map(stored_section, needed or ())}))  # the unit, the notes: in "meta"
        for survey_id, doc in repo.documents(known, sections=read):
            unit = _unit(known.pop(survey_id), doc)
            if unit is None:  # damaged, or not as the model leaves it: read whole, which says what it is
                whole.append(survey_id)
                continue
            if scenario.cooperative not in (None, unit.cooperative):
                before[survey_id] = after[survey_id] = unit
                continue
            changed = _changed(unit, doc, needed, changes, f)
            if changed is None:  # the changes need the whole survey, or fail: the whole survey says what they do
                whole.append(survey_id)
                continue
            before[survey_id], after[survey_id] = unit, changed
        whole += known  # not found (deleted since): the whole survey's error says so
    if progress is not None:
        progress(0.2, "")
    failed = _read_whole(repo, whole, {row.id: i for i, row in enumerate(rows)}, scenario, f, before, after,
                         progress)
    for row in rows:  # a damaged survey first, as when every survey was read before anything else
        if isinstance(failed.get(row.id), StorageError):
            raise failed[row.id]
    valid = [row.id for row in rows if row.id in before]
    check_scope((before[survey_id].cooperative for survey_id in valid), scenario)
    for survey_id in valid:
        if survey_id in failed:
            raise failed[survey_id]
    return ScenarioResult(scenario, table_of_units((before[i] for i in valid), f, campaign),
                          table_of_units((after[i] for i in valid), f, campaign))


def _unit(fp: Footprint, doc: dict[str, Any] | None) -> Unit | None:
    general = doc.get("general") if doc is not None else None
    if not isinstance(general, dict):
        return None
    cooperative, year = general.get("organisation"), general.get("campaign_year")
    if not isinstance(cooperative, str) or type(year) is not int:
        return None
    return Unit(cooperative, year, fp)


def _changed(unit: Unit, doc: dict[str, Any], needed: frozenset[str] | None, changes: list[Change], f: Factors
             ) -> Unit | None:
    if needed is None:
        return None
    try:
        return changed_unit(unit, doc, changes, f)
    except Exception:  # whatever it is, the whole survey gives the verdict in its own words
        return None


def _read_whole(repo: Any, ids: list[str], order: dict[str, int], scenario: Scenario, f: Factors,
                before: dict[str, Unit], after: dict[str, Unit], progress: Progress | None) -> dict[str, Exception]:
    """Read, check and compute the surveys ``ids`` whole into ``before`` and ``after`` (a draft left out), a chunk at a
    time in the tree's ``order``; their storage errors and the scenario's errors, by survey. Once a survey refuses the
    changes, the surveys after it are only read for damage: the scenario's error is the first one in the tree's
    order, and a damaged survey's anywhere comes before it."""
    failed: dict[str, Exception] = {}
    changes = list(scenario.changes)
    wanted = sorted(dict.fromkeys(ids), key=lambda survey_id: order.get(survey_id, len(order)))
    refused = False

    def take(survey_id: str, doc: dict[str, Any] | None) -> None:
        nonlocal refused
        before.pop(survey_id, None)
        after.pop(survey_id, None)
        try:
            survey = Survey.model_validate(doc if doc is not None else repo.document(survey_id))
        except StorageError as exc:  # damaged, or deleted meanwhile: the error that names it
            failed[survey_id] = exc
            return
        except ValueError:  # a draft: not in the campaign's figures
            return
        unit = before[survey_id] = unit_of(survey, f)
        if scenario.cooperative not in (None, unit.cooperative):
            after[survey_id] = unit
            return
        try:
            after[survey_id] = unit_of(apply(survey, changes), f)
        except SurveyValidationError as exc:
            failed[survey_id] = exc
            refused = True

    for start in range(0, len(wanted), WHOLE_CHUNK):
        chunk = wanted[start:start + WHOLE_CHUNK]
        docs = dict(repo.documents(chunk))  # a damaged survey's is None
        for done, survey_id in enumerate(chunk, start=start + 1):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(0.2 + 0.8 * done / len(wanted), "")
            doc = docs.get(survey_id)
            if doc is None or not refused:  # not found or damaged: the error that names it
                take(survey_id, doc)
    return failed
