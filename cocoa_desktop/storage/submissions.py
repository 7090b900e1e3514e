"""Phone submissions stored as surveys of a campaign, in one transaction (issue 23, point 2).

The files are read first (workbook/submissions.read_submissions: valid surveys and refused submissions); this
module stores the valid ones through the package exchange's own merge (storage/sync.import_campaigns), as surveys
without versions, so what it decides is what a package without versions gets:

- a new survey is added under its id (the form's survey_id, else the phone's instance id);
- a submission imported again is found by that id: identical → skipped, different → a conflict;
- a farm already surveyed in the campaign (same cooperative and farm, by another technician: another id) is merged
  onto that survey's id, so a difference is a conflict to resolve as a package's are, never a second survey of
  the farm counted twice, never a silent overwrite; two submissions of one farm in the files, the same.

Nothing of the files is lost: the report lists what was stored, found identical, put in conflict and refused (with
each refusal's reasons and the rows that belong to no submission).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cocoa_desktop.engine.files.submissions import Submission, SubmissionFile
from cocoa_desktop.engine.model.issues import Issue
from cocoa_desktop.engine.model.survey import Campaign, Survey, SurveyUnit
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.engine.words import language, say
from cocoa_desktop.storage.documents import canonical_json, normalised, split_sections
from cocoa_desktop.storage.repository import Repository
from cocoa_desktop.storage.sync import import_campaigns

MAX_LINES = 200  # refusal lines printed; the report keeps them all


def _never() -> bool:
    return False


@dataclass
class SubmissionReport:
    """What an import of submissions did, submission by submission."""

    stored: list[Submission] = field(default_factory=list)
    identical: list[Submission] = field(default_factory=list)
    conflicts: list[Submission] = field(default_factory=list)  # kept beside the survey, to resolve
    refused: list[Submission] = field(default_factory=list)  # invalid: not stored, with their issues
    orphans: list[Issue] = field(default_factory=list)  # repeat rows whose submission is not in the file
    ignored_columns: int = 0  # columns that are no question of the form (the exports' own, mostly)
    unknown_questions: list[str] = field(default_factory=list)  # "sheet:column" named like a question of the form
    # the app does not know (a form of another version): ignored, said
    campaigns: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every submission and every row of the files is in the database (stored, identical or in conflict)."""
        return not self.refused and not self.orphans

    def summary(self, lang: str = "es") -> str:
        counts = (len(self.stored), len(self.identical), len(self.conflicts), len(self.refused), len(self.orphans))
        words = _WORDS[language(lang)]
        parts = [f"{n} {one if n == 1 else many}" for n, (one, many) in zip(counts, words, strict=True)
                 if n or (one, many) in words[:3]]
        campaigns = ", ".join(f"«{c}»" for c in self.campaigns)
        into = say(lang, f" en la campaña {campaigns}", f" into campaign {campaigns}") if campaigns else ""
        n = len(self.unknown_questions)  # the exports' own columns (ids, dates, states) go without saying
        ignored = say(lang, f"; {n} {'pregunta' if n == 1 else 'preguntas'} de otra versión del formulario, "
                            f"{'ignorada' if n == 1 else 'ignoradas'}",
                      f"; {n} {'question' if n == 1 else 'questions'} of another version of the form, ignored") \
            if n else ""
        return say(lang, "Envíos", "Submissions") + into + ": " + ", ".join(parts) + ignored

    def lines(self, lang: str = "es") -> list[str]:
        """One line per refusal reason, orphan row and conflict (the first MAX_LINES refusal reasons)."""
        found = []
        for submission in self.refused:
            for issue in submission.issues:
                found.append(say(lang, "RECHAZADO ", "REFUSED ") + f"{_where(submission, lang)}: {issue.message(lang)}")
        found = found[:MAX_LINES] + ([say(lang, f"… y {len(found) - MAX_LINES} más", f"… and {len(found) - MAX_LINES} "
                                          "more")] if len(found) > MAX_LINES else [])
        found += [say(lang, "FILA SIN ENVÍO ", "ROW WITHOUT SUBMISSION ") + issue.message(lang)
                  for issue in self.orphans[:MAX_LINES]]
        found += [say(lang, "CONFLICTO ", "CONFLICT ") + _where(s, lang) for s in self.conflicts]
        found += [say(lang, "IGNORADA ", "IGNORED ") + column for column in self.unknown_questions[:MAX_LINES]]
        return found


_WORDS = {
    "es": (("guardado", "guardados"), ("idéntico (omitido)", "idénticos (omitidos)"),
           ("conflicto por resolver", "conflictos por resolver"), ("rechazado", "rechazados"),
           ("fila sin su envío", "filas sin su envío")),
    "en": (("stored", "stored"), ("identical (skipped)", "identical (skipped)"),
           ("conflict to resolve", "conflicts to resolve"), ("refused", "refused"),
           ("row without its submission", "rows without their submission")),
}


def _where(submission: Submission, lang: str) -> str:
    return say(lang, f"{submission.farm} ({submission.table}, fila {submission.row})",
               f"{submission.farm} ({submission.table}, row {submission.row})")


def default_campaign(year: int) -> str:
    """The campaign of a submission when the user names none: its year's, as a lone survey's (packages)."""
    return f"Campaña {year}"


def import_submissions(repo: Repository, files: Sequence[SubmissionFile], campaign: str | None = None,
                       progress: Progress | None = None, cancelled: Callable[[], bool] = _never) -> SubmissionReport:
    """Store the valid submissions of ``files`` in ``campaign`` (by name; created with the submissions' most
    common year when new), or each in its year's campaign (``Campaña 2024``), in one transaction: a failure or a
    cancel (``cancel.Cancelled`` raised) changes nothing. ``progress(fraction)`` and ``cancelled()`` as
    :func:`sync.import_campaigns` (a GUI worker thread passes its own)."""
    report = SubmissionReport(refused=[s for f in files for s in f.refused],
                              orphans=[o for f in files for o in f.orphans],
                              ignored_columns=sum(len(f.ignored_columns) for f in files),
                              unknown_questions=[c for f in files for c in f.ignored_columns if _like_a_question(c)])
    valid = [s for f in files for s in f.valid]
    groups: dict[str, list[Submission]] = {}
    for submission in valid:
        survey = _survey(submission)
        groups.setdefault(campaign or default_campaign(survey.general.campaign_year), []).append(submission)
    campaigns: list[Campaign] = []
    for name, members in groups.items():
        campaigns += _rounds(repo, name, members, report)
    report.campaigns = list(groups)
    if campaigns:
        import_campaigns(repo, campaigns, "phone-submissions", progress, cancelled)
    elif progress is not None:
        progress(1.0)
    return report


def _like_a_question(column: str) -> bool:
    """A column named as the form names its questions (``general__dry_cocoa_kg``, after the groups' path), not one
    of the exports' own (``_submission__id``, ``__version__``, ``meta-instanceID``, ``KEY``)."""
    last = re.split(r"[/\-.:]", column)[-1]
    return "__" in last and not last.startswith("_")


def _survey(submission: Submission) -> Survey:
    if submission.survey is None:
        raise ValueError("a refused submission is never stored")
    return submission.survey


def _farm_key(organisation: str, farm_name: str, unit: str) -> tuple[str, ...] | None:
    """A farm (or a cooperative's or a region's own survey) as two technicians would both name it; None for a farm
    survey without the farm's name (it cannot be told from another)."""
    if not farm_name.strip() and unit == SurveyUnit.FARM:
        return None
    return _fold(organisation), _fold(farm_name), "" if farm_name.strip() else unit


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _rounds(repo: Repository, name: str, members: list[Submission], report: SubmissionReport) -> list[Campaign]:
    """The campaign's submissions as campaigns of one name (a campaign holds an id once, so a second submission
    onto the same survey goes in a second one), each survey under the id it merges onto; the report's lists
    filled as the merge will decide (no versions: the same sections are identical, any difference a conflict)."""
    row = repo.conn.execute("SELECT id, year, region FROM campaigns WHERE name = ?", (name,)).fetchone()
    surveys = [_survey(s) for s in members]
    year = int(row["year"]) if row else Counter(s.general.campaign_year for s in surveys).most_common(1)[0][0]
    region = str(row["region"]) if row else surveys[0].general.region
    farms: dict[tuple[str, ...], str] = {}
    if row is not None:
        for here in repo.surveys(name):
            key = _farm_key(here.organisation, here.farm_name, here.unit)
            if key is not None:
                farms.setdefault(key, here.id)
    seen: dict[str, dict[str, Any]] = {}  # target id → its sections as they will be before the next merge
    rounds: list[list[Survey]] = []
    used: Counter[str] = Counter()
    for submission, survey in zip(members, surveys, strict=True):
        target, present = repo.local_id(survey.id, int(row["id"])) if row else (survey.id, False)
        target = survey.id if not present else target
        key = _farm_key(survey.general.organisation, survey.general.farm_name, survey.unit)
        if not present and target not in seen and key is not None and farms.get(key, survey.id) != survey.id:
            target, present = farms[key], True  # another technician's survey of this farm
        if key is not None:
            farms.setdefault(key, target)
        theirs = split_sections(survey.model_dump(mode="json") | {"id": target})
        if target not in seen:
            seen[target] = split_sections(normalised(repo.document(target))) if present else {}
        ours = seen[target]
        if not ours:
            report.stored.append(submission)
            seen[target] = theirs
        elif all(canonical_json(ours.get(section)) == canonical_json(content) for section, content in theirs.items()):
            report.identical.append(submission)
        else:
            report.conflicts.append(submission)  # ours stays; theirs is kept beside it
        while len(rounds) <= used[target]:
            rounds.append([])
        rounds[used[target]].append(survey.model_copy(update={"id": target}))
        used[target] += 1
    return [Campaign(name=name, year=year, region=region, surveys=r) for r in rounds]
