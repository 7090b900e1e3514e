"""A stored campaign's surveys for the decision windows (drafts left out, and counted)."""

from __future__ import annotations

from cocoa_desktop.engine.survey import Survey


def campaign_surveys(repo, name: str) -> tuple[list[Survey], int]:
    """The campaign's valid surveys and how many drafts were left out; the documents read in a few queries (a
    campaign of 10,000 farms read one survey at a time took seconds)."""
    rows = repo.surveys(name)
    documents = dict(repo.documents(r.id for r in rows))
    surveys, drafts = [], 0
    for row in rows:
        doc = documents.get(row.id)
        if doc is None:
            doc = repo.document(row.id)  # damaged or gone: the error that names the survey
        try:
            surveys.append(Survey.model_validate(doc))
        except ValueError:
            drafts += 1
    return surveys, drafts
