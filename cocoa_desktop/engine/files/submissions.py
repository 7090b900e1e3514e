"""Phone submissions (ODK Collect, KoboToolbox) as the app reads them: one survey each, or why it was refused
(issue 23, point 2).

The readers of the two export layouts (workbook/submissions.py) hand a :class:`SubmissionFile` to the storing
(storage/submissions.py); both speak these types, which hold nothing but surveys and issues, so the two layers stay
apart and a GUI worker can call one after the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cocoa_desktop.engine.model.issues import Issue
from cocoa_desktop.engine.model.survey import Survey

KOBO, ODK = "kobo", "odk"  # KoboToolbox's XLSX export; ODK Central's CSV zip


@dataclass(frozen=True)
class Submission:
    """One submission of a file: its survey when it is valid, else the issues that refuse it (in the app's words,
    the field named as the wizard names it)."""

    farm: str  # "Cooperativa — Finca" as typed on the phone, even in a refused submission
    table: str  # the sheet or CSV file of the submission's row …
    row: int  # … and its row (the header is row 1): where the technician finds it in the file
    instance_id: str  # the survey's id on the phone (its survey_id, else its instance id)
    survey: Survey | None = None
    issues: tuple[Issue, ...] = ()

    @property
    def valid(self) -> bool:
        return self.survey is not None


@dataclass
class SubmissionFile:
    """What one export file holds: its submissions in the file's order, the repeat rows that belong to no
    submission of the file (each an issue: reported, never stored), and the columns that are no question of the
    form (ODK's and Kobo's own columns, or a question the form no longer has), counted for the report."""

    source: str
    layout: str  # KOBO or ODK
    submissions: list[Submission] = field(default_factory=list)
    orphans: list[Issue] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[Submission]:
        return [s for s in self.submissions if s.valid]

    @property
    def refused(self) -> list[Submission]:
        return [s for s in self.submissions if not s.valid]
