"""A stored campaign's surveys for the decision windows (drafts left out, and counted): as a list, or read a few
hundred at a time each time they are walked (:class:`StoredSurveys`, none kept); the table from the footprints the
main window has already computed for every survey (:mod:`computed_footprints`), which the campaign view shows at
once (:func:`quick_table`), and the terms it computed beside them, which the campaign view adds instead of reading
the surveys (:func:`kept_read`); the campaign view's reading and Monte Carlo, now or in a worker thread."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cocoa_desktop.engine.decisions.recommendations import Plan, needs_densify
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.footprint.campaign import CampaignTable, table_of
from cocoa_desktop.engine.footprint.campaign_summary import CampaignSummary
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.rollup import roll_up_footprints
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.engine.uncertainty.monte_carlo import Uncertainty
from cocoa_desktop.gui.main import computed_footprints

CHUNK = 500  # surveys read per query (repository.survey_filters' chunk): what a walk holds at a time
STALE_AT_MOST = 200  # surveys saved since the main window's footprints that the quick table computes (~0.1 s)


class StoredSurveys:
    """The valid surveys among ``ids`` (a campaign's, in the tree's order), read from ``repo`` each time they are
    walked, ``CHUNK`` documents at a time, so that a walk holds one chunk's documents and one survey model: 10,000
    farms' models are about 240 MB. A draft (not valid yet) is skipped and counted in ``drafts``; a damaged survey
    raises the storage error that names it. ``again(places)``: the surveys at these places of the last walk."""

    def __init__(self, repo: Any, ids: Sequence[str], progress: Progress | None = None) -> None:
        self.repo, self.ids, self.progress = repo, list(ids), progress
        self.valid: list[str] | None = None  # the ids of the valid surveys, once walked
        self.drafts = 0

    def __iter__(self) -> Iterator[Survey]:
        valid: list[str] = []
        drafts = 0
        for survey_id, survey in self._read(self.ids, self.progress):
            if survey is None:
                drafts += 1
            else:
                valid.append(survey_id)
                yield survey
        self.valid, self.drafts = valid, drafts

    def __len__(self) -> int:
        """How many are valid (walked once to know it: ``list(stored)`` asks it first, ``list(iter(stored))`` not)."""
        if self.valid is None:
            for _ in self:
                pass
        return len(self.valid or ())

    def again(self, places: Sequence[int]) -> Iterator[Survey]:
        if self.valid is None:
            len(self)
        valid = self.valid or []
        for _, survey in self._read([valid[i] for i in places]):
            if survey is not None:  # a draft now (changed since): left out
                yield survey

    def _read(self, ids: list[str], progress: Progress | None = None) -> Iterator[tuple[str, Survey | None]]:
        repo = self.repo
        for lo in range(0, len(ids), CHUNK):
            chunk = ids[lo:lo + CHUNK]
            documents = dict(repo.documents(chunk))
            for survey_id in chunk:
                doc = documents.pop(survey_id, None)
                if doc is None:
                    doc = repo.document(survey_id)  # damaged or gone: the error that names the survey
                try:
                    yield survey_id, Survey.model_validate(doc)
                except ValueError:
                    yield survey_id, None
            if progress is not None:
                progress(min(lo + CHUNK, len(ids)) / len(ids))


class ListedSurveys:
    """Surveys already in memory (a window that read them for another tab too), as :class:`StoredSurveys` offers
    them."""

    def __init__(self, surveys: Sequence[Survey], drafts: int = 0) -> None:
        self.surveys, self.drafts = surveys, drafts

    def __iter__(self) -> Iterator[Survey]:
        return iter(self.surveys)

    def __len__(self) -> int:
        return len(self.surveys)

    def again(self, places: Sequence[int]) -> Iterator[Survey]:
        return (self.surveys[i] for i in places)


def campaign_surveys(repo: Any, name: str) -> tuple[list[Survey], int]:
    """The campaign's valid surveys and how many drafts were left out; the documents read in a few queries (a
    campaign of 10,000 farms read one survey at a time took seconds)."""
    source = StoredSurveys(repo, [row.id for row in repo.surveys(name)])
    surveys = list(iter(source))  # not list(source): its len() would walk them first
    return surveys, source.drafts


def quick_table(storage: Any, rows: Sequence[Any], f: Factors, name: str) -> tuple[CampaignTable, int] | None:
    """The campaign's table and its drafts from the footprints the main window computed under ``f`` for ``rows`` (the
    campaign's survey rows, in the tree's order), the few surveys saved since (up to ``STALE_AT_MOST``: a page just
    saved) computed here; None when it has computed none under ``f`` or too many were saved since. The report's
    figures are put beside it when the campaign's year is the report's (its surveys' most common year decides it
    once they are read)."""
    from cocoa_desktop.gui.main.tree_footprints import survey_footprint

    kept = computed_footprints.recall(storage, f)
    if kept is None:
        return None
    stale = [row.id for row in rows if kept.get(row.id, ("",))[0] != row.updated_at]
    if len(stale) > STALE_AT_MOST:
        return None
    fresh = dict.fromkeys(stale)  # a survey with no section to read: nothing to sum, as a draft
    fresh.update((survey_id, survey_footprint(doc, f)) for survey_id, doc in storage.repo.documents(stale))
    items, drafts = [], 0
    for row in rows:
        fp = fresh[row.id] if row.id in fresh else kept[row.id][1]
        if fp is None:
            drafts += 1
        else:
            items.append((row.organisation, fp))
    year = storage.repo.campaign(name)["year"]
    return table_of(roll_up_footprints(items, f, name), name, year), drafts


# ---- the campaign view's reading and Monte Carlo, now or in a worker thread ----
@dataclass(frozen=True)
class Read:
    """A campaign read once: its summary, the plan of each cooperative (the table's order), the ids of its valid
    surveys (None for surveys given as a list) and its drafts."""

    summary: CampaignSummary
    plans: list[Plan]
    valid: list[str] | None
    drafts: int


def densify_at(table: CampaignTable | None) -> dict[str, float]:
    """The cooperatives of ``table`` whose plans densify them, with the campaign's yield (the quick table's: their
    surveys densified as they are read, not read again)."""
    if table is None:
        return {}
    at = table.yield_kg_ha
    return {row.name: at for row in table.rows if needs_densify(row.footprint, at)}


def kept_summary(storage: Any, repo: Any, rows: Sequence[Any], f: Factors, name: str
                 ) -> tuple[CampaignSummary, list[str], int] | None:
    """(the summary, the ids of its valid surveys, its drafts) of the campaign whose survey rows are ``rows`` (in the
    tree's order) from the terms the main window computed under ``f`` beside each survey's footprint
    (:meth:`~cocoa_desktop.engine.footprint.campaign_summary.CampaignSummary.folded`: the very figures of reading
    it), the few surveys saved since (up to ``STALE_AT_MOST``) read and worked out here, on ``repo``; None when it
    has computed none under ``f``, too many were saved since, or a survey has no terms (damaged, refused by the
    engine): the campaign is then read as before."""
    from cocoa_desktop.engine.footprint.survey_terms import TermsMaker, unpacked
    from cocoa_desktop.gui.main.tree_footprints import survey_entry

    kept = computed_footprints.recall(storage, f)
    terms_of = getattr(kept, "terms", None)
    if kept is None or terms_of is None:
        return None
    stale = [row.id for row in rows if row.id not in terms_of or kept.get(row.id, ("",))[0] != row.updated_at]
    if len(stale) > STALE_AT_MOST:
        return None
    fresh: dict[str, tuple[Any, Any]] = dict.fromkeys(stale, (None, None))  # not read: damaged or gone
    if stale:
        maker = TermsMaker(f)
        fresh.update((survey_id, survey_entry(doc, f, maker)) for survey_id, doc in repo.documents(stale))
    entries, valid, drafts = [], [], 0
    for row in rows:
        fp, terms = fresh[row.id] if row.id in fresh else (kept[row.id][1], terms_of[row.id])
        if terms is computed_footprints.DRAFT:
            drafts += 1
        elif terms is None:
            return None
        else:
            entries.append((fp, unpacked(terms)))
            valid.append(row.id)
    return CampaignSummary.folded(entries, f, name), valid, drafts


def kept_read(storage: Any, repo: Any, rows: Sequence[Any], f: Factors, name: str,
              progress: Progress | None = None) -> Read | None:
    """The campaign read from the main window's kept terms (:func:`kept_summary`), or None; the surveys of a unit to
    densify are read again for its plan."""
    found = kept_summary(storage, repo, rows, f, name)
    if found is None:
        return None
    summary, valid, drafts = found
    stored = StoredSurveys(repo, valid)
    stored.valid = valid
    found = summary.plans(stored.again)
    if progress is not None:
        progress(1.0)
    return Read(summary, found, valid, drafts)


def read_now(source: StoredSurveys | ListedSurveys, f: Factors, name: str,
             densify: Mapping[str, float] | None = None) -> Read:
    summary = CampaignSummary(source, f, name, densify)
    found = summary.plans(source.again)
    return Read(summary, found, source.valid if isinstance(source, StoredSurveys) else None, source.drafts)


def read_work(storage: Any, source: StoredSurveys | ListedSurveys, f: Factors, name: str,
              densify: Mapping[str, float] | None = None, rows: Sequence[Any] | None = None
              ) -> Callable[[Progress], Read]:
    """``read_now`` for a worker thread: stored surveys read on a connection of its own, with progress; ``rows``
    (the campaign's survey rows, the order of ``source``): from the main window's kept terms when it can
    (:func:`kept_read`)."""

    def work(progress: Progress) -> Read:
        if isinstance(source, ListedSurveys):
            return read_now(source, f, name, densify)
        repo = storage.worker_repository()
        try:
            with bulk():  # the pass keeps each farm's footprint: no collector passes over the app's heap
                found = kept_read(storage, repo, rows, f, name, progress) if rows is not None else None
                if found is not None:
                    return found
                return read_now(StoredSurveys(repo, source.ids, progress), f, name, densify)
        finally:
            repo.conn.close()

    return work


def simulate_work(storage: Any, source: StoredSurveys | ListedSurveys, summary: CampaignSummary
                  ) -> Callable[[Progress], Uncertainty]:
    """The Monte Carlo for a worker thread: the cooperatives' sums gathered by the summary evaluated on the draws (a
    tenth of a second for 10,000 farms), or, should the summary need them, each cooperative's surveys read again on
    a connection of its own."""

    def work(progress: Progress) -> Uncertainty:
        if not summary.needs_surveys:
            return summary.simulate(progress=progress)
        if isinstance(source, ListedSurveys):
            return summary.simulate(source.again, progress)
        repo = storage.worker_repository()
        try:
            stored = StoredSurveys(repo, source.valid or [])
            stored.valid = stored.ids  # every one of them was valid when the summary read them
            return summary.simulate(stored.again, progress)
        finally:
            repo.conn.close()

    return work
