"""The package exchange between laptops, as replication: what goes out, and how what comes in is merged.

Every section of every survey carries a version vector (storage/versions.py). Exporting writes the surveys and
their vectors and changes nothing here: what the other laptop has seen is only what it imports. Importing decides
section by section: a new survey is added; a section whose vector is below ours is older (skipped); above ours is
newer (taken, every changed field in the history); equal is the same version; concurrent with the same content is
merged silently, with different content is a conflict: ours stays, theirs is kept beside it for the user to choose.
A resolution, a version restored from the history and an edit are new versions and reach the other laptops as such.
A survey is matched by its id *and* its campaign. Surveys from a file without versions (a JSON file, a workbook)
count as unknown: a difference is always a conflict, never a silent overwrite, never a silent step back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cocoa_desktop.engine import cancel
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.engine.progress import Progress
from cocoa_desktop.storage.database import StorageError, log_kept, transaction
from cocoa_desktop.storage.incoming import Incoming, Reader, ReadWhole, read_incoming
from cocoa_desktop.storage.packages import surveys_as_campaigns, write_package_lines

__all__ = ["ImportReport", "Incoming", "export_package", "import_campaigns", "read_any", "read_incoming",
           "resolve_conflict", "surveys_as_campaigns"]
from cocoa_desktop.engine.words import language
from cocoa_desktop.storage import stamps
from cocoa_desktop.storage.documents import SECTIONS, canonical_json, now, split_sections
from cocoa_desktop.storage.merge import ADDED, IDENTICAL, OURS_NEWER, UPDATED, Merger
from cocoa_desktop.storage.repository import MARK, Repository, SurveyRow
from cocoa_desktop.storage.section_text import damaged_section_error
from cocoa_desktop.storage.training import flag_training, training_names
from cocoa_desktop.storage.versions import Vector, bumped, dominates, merged

# (singular, plural) of each count of an import's summary
_SUMMARY_WORDS = {
    "es": (("nueva", "nuevas"), ("actualizada", "actualizadas"), ("idéntica (omitida)", "idénticas (omitidas)"),
           ("más antigua que las nuestras (omitida)", "más antiguas que las nuestras (omitidas)"),
           ("conflicto por resolver", "conflictos por resolver")),
    "en": (("added", "added"), ("updated", "updated"), ("identical (skipped)", "identical (skipped)"),
           ("older than ours (skipped)", "older than ours (skipped)"),
           ("conflict to resolve", "conflicts to resolve")),
}


@dataclass
class ImportReport:
    added: int = 0
    identical: int = 0
    ours_newer: int = 0
    updated: int = 0
    conflicts: list[str] = field(default_factory=list)  # survey ids

    def summary(self, lang: str = "es") -> str:
        """What an import did, each count with its noun in the singular for 1 ("1 nueva", not "1 nuevas")."""
        counts = (self.added, self.updated, self.identical, self.ours_newer, len(self.conflicts))
        words = _SUMMARY_WORDS[language(lang)]
        return ", ".join(f"{n} {one if n == 1 else many}" for n, (one, many) in zip(counts, words, strict=True))


def read_any(path: Path) -> list[Campaign]:
    """A package, or a survey or campaign JSON file, as campaigns (checked; nothing written)."""
    return read_incoming(path, provisional=False).campaigns


PROGRESS_EVERY = 200  # surveys between two progress calls


Cancelled = cancel.Cancelled  # the user cancelled an export or an import: nothing was written, nothing changed


def _never() -> bool:
    return False


def import_campaigns(repo: Repository, campaigns: Iterable[Campaign] | Incoming, source: str,
                     progress: Progress | None = None, cancelled: Callable[[], bool] = _never) -> ImportReport:
    """Merge all surveys in one transaction: a failure half-way, or a cancel (``Cancelled`` raised), changes
    nothing. ``campaigns`` as read from a package (``read_incoming``: with its versions), or campaigns without
    versions. The merge reads and writes in bulk (storage/merge.py)."""
    incoming = campaigns if isinstance(campaigns, Incoming) else Incoming(list(campaigns))
    try:
        return _import(repo, incoming, source, progress, cancelled)
    except ReadWhole:  # rolled back: a valid package whose lines do not read alone (storage/incoming.py)
        return _import(repo, incoming.read_whole(), source, progress, cancelled)


def _import(repo: Repository, incoming: Incoming, source: str, progress: Progress | None,
            cancelled: Callable[[], bool]) -> ImportReport:
    total = max(1, incoming.survey_count)
    report = ImportReport()
    reader = Reader(incoming)  # a package's unread surveys, a chunk at a time (storage/incoming.py)
    done = 0
    # thousands of dumped surveys: no garbage-collector passes over them
    # the write-ahead log kept for a checkpoint after this returns (database.log_kept)
    with log_kept(repo.conn), transaction(repo.conn), bulk(), Merger(repo, source, incoming.package) as merger:
        for index, campaign in enumerate(incoming.heads):
            campaign_id = repo._campaign_id(campaign.name, campaign.year, campaign.region, campaign.notes)
            if campaign.name in incoming.training:
                flag_training(repo, campaign_id, campaign.name)
            for chunk in incoming.chunks(index, reader, PROGRESS_EVERY):
                merger.prefetch(campaign_id, [survey for survey, _, _ in chunk])  # their stored sections, one query
                for survey, line, provisional in chunk:
                    theirs = None if incoming.versions is None else incoming.versions.get(survey.id)
                    local_id, outcome = merger.merge(campaign_id, survey, theirs, line, provisional)
                    _count(report, local_id, outcome)
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        merger.flush()
                        if cancelled():
                            raise Cancelled  # the transaction rolls back: nothing was imported
                        if progress is not None:
                            progress(done / total)
        reader.finish()
        merger.flush()
    if progress is not None:
        progress(1.0)
    return report


def _count(report: ImportReport, local_id: str, outcome: str) -> None:
    if outcome == ADDED:
        report.added += 1
    elif outcome == UPDATED:
        report.updated += 1
    elif outcome == IDENTICAL:
        report.identical += 1
    elif outcome == OURS_NEWER:
        report.ours_newer += 1
    else:
        report.conflicts.append(local_id)


def open_conflicts(repo: Repository, survey_id: str | None = None) -> list[dict]:
    sql = "SELECT id, survey_id, theirs, source, detected_at FROM conflicts WHERE resolved_at IS NULL"
    rows = repo.conn.execute(sql + (" AND survey_id = ?" if survey_id else "") + " ORDER BY id",
                             (survey_id,) if survey_id else ()).fetchall()
    return [{**dict(r), "theirs": json.loads(r["theirs"])} for r in rows]


MINE, THEIRS, MERGE = "mine", "theirs", "merge"


def resolve_conflict(repo: Repository, conflict_id: int, keep: str, sections: dict[str, str] | None = None) -> None:
    """Close a conflict, in one transaction, recorded in the survey's history:

    - ``keep="mine"``: our version stays (an event row says so: no field changed);
    - ``keep="theirs"``: theirs replaces ours, each changed field recorded;
    - ``keep="merge"``: each section from the version chosen in ``sections`` ({section: "mine" | "theirs"};
      ours where nothing is chosen), each changed field recorded.
    The choice is a new version of every section in dispute: its vector is above both sides', so the other
    laptop takes it as newer when it comes back (the same package imported again raises no new conflict)."""
    if keep not in (MINE, THEIRS, MERGE) or (keep == MERGE) != (sections is not None):
        raise ValueError(keep)
    if sections is not None and not set(sections.values()) <= {MINE, THEIRS}:
        raise ValueError(sections)
    with transaction(repo.conn):
        row = repo.conn.execute("SELECT * FROM conflicts WHERE id = ? AND resolved_at IS NULL",
                                (conflict_id,)).fetchone()
        if row is None:
            raise StorageError("Ese conflicto ya fue resuelto.", "That conflict was already resolved.", "not_found")
        survey_id, theirs = row["survey_id"], split_sections(json.loads(row["theirs"]))
        theirs_versions = None if row["theirs_versions"] is None else json.loads(row["theirs_versions"])
        ours, ours_versions = split_sections(repo.document(survey_id)), repo.section_versions(survey_id)
        origin = {MINE: "conflict-mine", THEIRS: "conflict", MERGE: "conflict-merge"}[keep] + f":{row['source']}"
        stamp = now()  # one save: the history shows the choice as one
        for name in (n for n in SECTIONS if n in ours or n in theirs):
            mine = ours_versions.get(name, {})
            other = None if theirs_versions is None else theirs_versions.get(name)
            if other is not None and dominates(mine, other):
                continue  # not in dispute: ours has seen theirs
            chosen = THEIRS if keep == THEIRS else (sections or {}).get(name, MINE) if keep == MERGE else MINE
            take_theirs = name in theirs and chosen == THEIRS
            content = theirs[name] if take_theirs or name not in ours else ours[name]
            repo._write_section(survey_id, name, content, canonical_json(content), origin,
                                version=bumped(merged(mine, other or {}), repo.replica), stamp=stamp)
        repo.restamp(survey_id)
        if keep == MINE:
            repo.record_event(survey_id, MARK, origin)
        repo.conn.execute("UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                          (now(), keep, conflict_id))


def export_package(repo: Repository, path: Path, campaign: str | None = None,
                   survey_ids: Iterable[str] | None = None, progress: Progress | None = None,
                   cancelled: Callable[[], bool] = _never) -> tuple[dict, list[str]]:
    """Write a package of one campaign (or all, or chosen surveys) with every section's version vector; return
    (manifest, ids of drafts left out). Nothing changes on this laptop: what the other side has seen is what it
    imports, not what was written for it.

    Only complete, valid surveys travel: a draft that does not pass the survey model stays on this laptop and is
    listed so the user can finish it. A survey kept here under an id of its own travels under the id its laptop
    of origin knows it by. ``cancelled()`` true: ``Cancelled`` is raised and no file is written.
    """
    wanted = set(survey_ids) if survey_ids is not None else None
    rows = [r for r in repo.surveys(campaign) if wanted is None or r.id in wanted]
    if campaign is not None:
        repo.campaign(campaign)  # a clear error for an unknown campaign name
    foreign = repo.foreign_ids()
    lines = _survey_lines(repo, rows, foreign, progress, cancelled)
    by_campaign: dict[str, list[bytes]] = {}
    drafts: list[str] = []
    section_versions: dict[str, dict[str, Vector]] = {}
    all_versions = repo.all_section_versions() if len(rows) > PROGRESS_EVERY else {}
    for row in rows:
        line = lines.get(row.id)
        if line is None:
            drafts.append(row.id)
            continue
        by_campaign.setdefault(row.campaign, []).append(line)
        section_versions[foreign.get(row.id, row.id)] = all_versions[row.id] if row.id in all_versions else \
            repo.section_versions(row.id)
    campaigns = []
    for name, found in by_campaign.items():
        meta = repo.campaign(name)
        campaigns.append((Campaign(name=name, year=meta["year"], region=meta["region"], notes=meta["notes"]), found))
    if not campaigns:
        raise StorageError("No hay encuestas completas para exportar.", "There are no complete surveys to export.",
                           "nothing_to_export")
    if cancelled():
        raise Cancelled
    manifest = write_package_lines(campaigns, path, training=set(training_names(repo)) & set(by_campaign),
                                   versions=section_versions)
    if progress is not None:
        progress(1.0)
    return manifest, drafts


def _survey_lines(repo: Repository, rows: list[SurveyRow], foreign: dict[str, str], progress: Progress | None,
                  cancelled: Callable[[], bool]) -> dict[str, bytes]:
    """{id: its line (storage/stamps.py)} of the surveys of ``rows`` that pass the survey model (a draft has none).
    Every section is checked against its checksum first: a damaged one stops the export with the error reading the
    survey gives. A survey whose stamp matches what it holds goes out as stored; any other is validated."""
    ids = [r.id for r in rows]
    stored = repo.checked_stamps()
    lines: dict[str, bytes] = {}
    seen: set[str] = set()
    with bulk():  # thousands of surveys validated: no garbage-collector passes over them (4× faster)
        for done, (survey_id, sections) in enumerate(repo.stored_sections(ids), start=1):
            if done % PROGRESS_EVERY == 0:
                if cancelled():
                    raise Cancelled
                if progress is not None:
                    progress(0.8 * done / len(ids))  # the last fifth: writing the zip
            seen.add(survey_id)
            bad = stamps.damaged(survey_id, sections)
            if bad is not None:
                raise damaged_section_error(repo.survey_name(survey_id), bad)
            travel = foreign.get(survey_id, survey_id)
            line = stamps.line(travel, sections)
            stamp = stored.get(survey_id)
            if (stamp is not None and stamp == stamps.digest(travel, sections)) or stamps.passes(line):
                lines[survey_id] = line
    for survey_id in set(ids) - seen:
        repo.document(survey_id)  # a survey without any section: the error reading it gives
    return lines
