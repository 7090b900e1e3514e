"""The campaign view's terms of the surveys the main window's footprints computed without them (a large computation:
tree_footprints.TERMS_INLINE), worked out after the tree shows its footprints, in a job of their own on a connection
of its own, giving way while a survey is open in the wizard. When it ends, the terms join the footprints the window
keeps now (under the same factors, for the same saved versions), and a campaign view opened from then on is complete
without reading its surveys; one opened before reads them, as it always could. Stopped with the other jobs when the
app closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cocoa_desktop.gui.actions.jobs import Job


def follow(window: Any) -> Job | None:
    """Start working out the terms the window's kept footprints lack; None when none lacks them or a run is going
    (when it ends it starts again for what is left)."""
    from cocoa_desktop.gui.actions import jobs, upkeep
    from cocoa_desktop.gui.main.tree_footprints import compute_terms, terms_pending

    key, kept = window.footprints_kept
    running = window.terms_job
    if (running is not None and not running.finished) or not terms_pending(kept):
        return None
    factors, storage = window.factors(), window.storage
    paused = upkeep.survey_is_open(storage)

    def work(progress: Any, cancelled: Any) -> dict[str, tuple[str, Any]] | None:  # in the worker thread
        repo = storage.worker_repository()
        try:
            return compute_terms(repo, factors, kept, progress, cancelled, paused)
        finally:
            repo.conn.close()

    job = jobs.Job(work, window.lang)
    job.done.connect(lambda result: _done(window, job, key, result))
    # the terms only spare the campaign view a reading: their failure loses nothing, the status bar says why
    job.failed.connect(lambda message: window.statusBar().showMessage(message))
    window.terms_job = job
    jobs.start(window, job)
    return job


def _done(window: Any, job: Job, key: tuple, result: dict[str, tuple[str, Any]] | None) -> None:
    if window.terms_job is not job:
        return
    window.terms_job = None
    current_key, current = window.footprints_kept
    if not result or current_key != key:  # cancelled, nothing found, or another factor set chosen meanwhile
        return
    terms = current.terms
    for survey_id, (stamp, these) in result.items():
        entry = current.get(survey_id)
        if entry is not None and entry[0] == stamp and survey_id not in terms:  # the very version it has
            terms[survey_id] = these
    follow(window)  # surveys computed meanwhile (a large import)
