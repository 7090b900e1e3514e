"""A stored campaign's surveys for the decision windows (drafts left out, and counted)."""

from __future__ import annotations

from cocoa_desktop.engine.survey import Survey


def campaign_surveys(repo, name: str) -> tuple[list[Survey], int]:
    """The campaign's valid surveys and how many drafts were left out."""
    surveys, drafts = [], 0
    for row in repo.surveys(name):
        try:
            surveys.append(Survey.model_validate(repo.document(row.id)))
        except ValueError:
            drafts += 1
    return surveys, drafts
