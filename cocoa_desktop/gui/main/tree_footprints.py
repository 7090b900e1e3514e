"""The net footprints of the main window's tree, computed in a worker thread on a connection of its own: each
survey's, summed into its cooperative and campaign as the method says (never averaged).

A survey's footprint is kept with the time it was last saved (``surveys.updated_at``), and beside it its terms for the
campaign view (:mod:`~cocoa_desktop.engine.footprint.survey_terms`: the view adds them instead of reading the
campaign's surveys again): the next computation (after a page is saved, a package imported …) reads and computes only
the surveys saved since, and sums again. A regional
folder of 20,000 surveys is computed once, then a save costs one survey and the sums. Another factor set or GWP
set computes everything again (the main window drops the kept footprints).

The terms cost about six times the footprint (about 130 µs a survey against 22). So when many surveys are computed
at once (more than :data:`TERMS_INLINE`: the first computation of a large folder, another factor set, a large import)
the tree gets its footprints first and the terms are worked out after, by :func:`compute_terms` in a job of their own;
a campaign view opened meanwhile reads its surveys, as it did before there were terms.
"""

from __future__ import annotations

from typing import Any

from cocoa_desktop.engine.progress import IsCancelled, Progress
from cocoa_desktop.gui.main.computed_footprints import DRAFT, KeptFootprints

Kept = dict[str, tuple[str, Any]]  # survey id → (updated_at, its Footprint, or None for a draft)
Found = dict[tuple[str, ...], float]  # ("survey", id) / ("cooperative", campaign, name) / ("campaign", name) → net
LATER = "later"  # a survey's terms not worked out yet: compute_terms works them out
PROGRESS_EVERY = 250  # surveys between two progress reports
TERMS_INLINE = 1000  # surveys computed at once up to which their terms are worked out in the same job
PAUSE_S = 0.05  # how often the terms' job looks whether the wizard has closed


def survey_footprint(doc: dict[str, Any] | None, factors: Any) -> Any:
    """The footprint of a stored document; None for a survey that does not count (a draft, not valid yet, or a
    damaged survey: :func:`~cocoa_desktop.engine.footprint.rollup.counted_survey` decides)."""
    from cocoa_desktop.engine.footprint.compute import compute
    from cocoa_desktop.engine.footprint.rollup import counted_survey

    survey = counted_survey(doc)
    if survey is None:
        return None
    try:
        return compute(survey, factors)
    except ValueError:
        return None


def survey_entry(doc: dict[str, Any] | None, factors: Any, maker: Any) -> tuple[Any, Any]:
    """(the footprint of a stored document, its terms for the campaign view): (None, ``DRAFT``) for a draft, (None,
    None) for a damaged survey or one the engine refuses, terms None when they cannot be written down, else
    packed (:func:`~cocoa_desktop.engine.footprint.survey_terms.packed`: kept for long, untracked by the garbage
    collector). ``maker``: a :class:`~cocoa_desktop.engine.footprint.survey_terms.TermsMaker` under ``factors``;
    None: the footprint alone, its terms ``LATER``."""
    from cocoa_desktop.engine.footprint.compute import compute
    from cocoa_desktop.engine.footprint.rollup import counted_survey
    from cocoa_desktop.engine.footprint.survey_terms import packed

    if doc is None:
        return None, None
    survey = counted_survey(doc)
    if survey is None:
        return None, DRAFT
    try:
        fp = compute(survey, factors)
    except ValueError:
        return None, None
    if maker is None:
        return fp, LATER
    try:
        terms = maker.terms(survey, fp)
        return fp, None if terms is None else packed(terms)
    except (ArithmeticError, LookupError, TypeError, ValueError):  # the view reads this survey itself, as before
        return fp, None


def compute_footprints(repo: Any, factors: Any, kept: Kept, progress: Progress, cancelled: IsCancelled,
                       terms_inline: int | None = None) -> tuple[Found, Kept] | None:
    """Every survey's net per kg and its cooperative's and campaign's, reusing ``kept`` for unchanged surveys;
    (what the tree shows, what to keep for next time), or None when cancelled (a newer computation replaces it).
    The terms of the surveys computed are worked out too when they are at most ``terms_inline`` (default
    :data:`TERMS_INLINE`); else later (:func:`terms_pending`, :func:`compute_terms`).
    Summed by a :class:`~cocoa_desktop.engine.footprint.rollup.Rollup` per campaign, as the campaign view and the
    workbook sum them: a campaign is the sum of its cooperatives."""
    from cocoa_desktop.engine.footprint.rollup import Rollup
    from cocoa_desktop.engine.footprint.survey_terms import TermsMaker

    if terms_inline is None:
        terms_inline = TERMS_INLINE
    stamps = repo.survey_stamps()
    stale = [survey_id for survey_id, _, _, stamp in stamps if kept.get(survey_id, ("",))[0] != stamp]
    fresh: dict[str, tuple[Any, Any]] = {}
    if stale:
        maker = TermsMaker(factors) if len(stale) <= terms_inline else None
        documents = repo.documents(None if len(stale) == len(stamps) else stale)
        for done, (survey_id, doc) in enumerate(documents, start=1):
            if done % PROGRESS_EVERY == 0:
                if cancelled():
                    return None
                progress(done / len(stale), "")
            fresh[survey_id] = survey_entry(doc, factors, maker)
    now = KeptFootprints()
    terms, kept_terms = now.terms, getattr(kept, "terms", {})
    campaigns: dict[str, Rollup] = {}
    found: Found = {}
    for survey_id, campaign, organisation, stamp in stamps:
        if survey_id in fresh:
            fp, these = fresh[survey_id]
        else:
            fp, these = kept.get(survey_id, ("", None))[1], kept_terms.get(survey_id, LATER)
            if these is None and fp is not None:  # worked out later and found impossible: not again
                terms[survey_id] = None
        now[survey_id] = (stamp, fp)
        if these is not None and these is not LATER:
            terms[survey_id] = these
        if fp is None:
            continue
        found[("survey", survey_id)] = fp.net_per_kg
        rollup = campaigns.get(campaign)
        if rollup is None:
            rollup = campaigns[campaign] = Rollup(factors)
        rollup.add(organisation, fp)
    if cancelled():
        return None
    for campaign, rollup in campaigns.items():
        result = rollup.result(campaign)
        for organisation, fp in result.cooperatives.items():
            found[("cooperative", campaign, organisation)] = fp.net_per_kg
        found[("campaign", campaign)] = result.total.net_per_kg
    progress(1.0, "")
    return found, now


def terms_pending(kept: Kept) -> list[str]:
    """The surveys of ``kept`` that count and have no terms yet (``kept`` a
    :class:`~cocoa_desktop.gui.main.computed_footprints.KeptFootprints`), in the order kept."""
    terms = getattr(kept, "terms", None)
    if terms is None:
        return []
    return [survey_id for survey_id, (_, fp) in kept.items() if fp is not None and survey_id not in terms]


def compute_terms(repo: Any, factors: Any, kept: Kept, progress: Progress, cancelled: IsCancelled,
                  paused: IsCancelled | None = None) -> dict[str, tuple[str, Any]] | None:
    """The terms of the surveys :func:`terms_pending` names, each with the stamp of the version they were worked out
    from (survey id → (updated_at, terms, or None when they cannot be written down)): only the surveys still saved as
    ``kept`` has them (one saved since is computed again by the next footprints); None when cancelled. It gives way
    while ``paused()`` (a survey open in the wizard)."""
    import time

    from cocoa_desktop.engine.footprint.survey_terms import TermsMaker

    pending = dict.fromkeys(terms_pending(kept))
    if not pending:
        return {}
    stamped = {survey_id: stamp for survey_id, _, _, stamp in repo.survey_stamps()
               if survey_id in pending and kept[survey_id][0] == stamp}
    maker = TermsMaker(factors)
    found: dict[str, tuple[str, Any]] = {}
    for done, (survey_id, doc) in enumerate(repo.documents(list(stamped)), start=1):
        while paused is not None and paused() and not cancelled():  # looked at each survey: the wizard waits
            time.sleep(PAUSE_S)  # for no more than one survey's terms (about 0.2 ms)
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                return None
            progress(done / len(stamped), "")
        fp, these = survey_entry(doc, factors, maker)
        if fp is not None:
            found[survey_id] = (stamped[survey_id], these)
    progress(1.0, "")
    return found
