"""Merging surveys that come from other laptops, and exporting surveys to take to another laptop.

Each survey remembers the content it had when last synchronised (``synced_hash``) and every version it ever
synchronised (``synced_versions``). On import of a survey already here: identical → skipped; the incoming one is
a version we synchronised before → ours is newer, skipped; ours is unchanged since the last synchronisation →
theirs is newer and replaces ours (every field change goes into the history); both changed → both versions are
kept and a conflict is flagged for the user to resolve. Never a silent overwrite, never a silent step back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from cocoa_desktop.engine.survey import Campaign, Survey
from cocoa_desktop.storage.database import StorageError, transaction
from cocoa_desktop.storage.packages import (
    campaigns_from_json_file,
    is_package,
    read_package,
    surveys_as_campaigns,
    write_package,
)

__all__ = ["ImportReport", "export_package", "import_campaigns", "read_any", "resolve_conflict",
           "surveys_as_campaigns"]
from cocoa_desktop.storage.repository import (
    MARK,
    Repository,
    content_hash,
    join_sections,
    now,
    split_sections,
    survey_hash,
)
from cocoa_desktop.storage.training import flag_if_named, training_names

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
        words = _SUMMARY_WORDS["en" if lang == "en" else "es"]
        return ", ".join(f"{n} {one if n == 1 else many}" for n, (one, many) in zip(counts, words, strict=True))


def read_any(path: Path) -> list[Campaign]:
    """A package, or a survey or campaign JSON file, as campaigns (checked; nothing written)."""
    return read_package(path).campaigns if is_package(path) else campaigns_from_json_file(path)


Progress = Callable[[float], None]  # fraction done, 0 → 1
PROGRESS_EVERY = 200  # surveys between two progress calls


def import_campaigns(repo: Repository, campaigns: Iterable[Campaign], source: str,
                     progress: Progress | None = None) -> ImportReport:
    """Merge all surveys in one transaction: a failure half-way changes nothing."""
    campaigns = list(campaigns)
    total = max(1, sum(len(c.surveys) for c in campaigns))
    report = ImportReport()
    done = 0
    with transaction(repo.conn):
        for campaign in campaigns:
            campaign_id = repo._campaign_id(campaign.name, campaign.year, campaign.region, campaign.notes)
            flag_if_named(repo, campaign_id, campaign.name)
            for survey in campaign.surveys:
                _merge(repo, campaign_id, survey, source, report)
                done += 1
                if progress is not None and done % PROGRESS_EVERY == 0:
                    progress(done / total)
    if progress is not None:
        progress(1.0)
    return report


def _merge(repo: Repository, campaign_id: int, survey: Survey, source: str, report: ImportReport) -> None:
    doc = survey.model_dump(mode="json")
    theirs = survey_hash(survey)
    row = repo.conn.execute("SELECT synced_hash FROM surveys WHERE id = ?", (survey.id,)).fetchone()
    if row is None:
        repo._insert(doc, campaign_id, completed=True)
        mark_synced(repo, survey.id, theirs)
        report.added += 1
        return
    ours = content_hash(repo.document(survey.id))
    seen = repo.conn.execute("SELECT 1 FROM synced_versions WHERE survey_id = ? AND hash = ?",
                             (survey.id, theirs)).fetchone()
    if ours == theirs:
        report.identical += 1
    elif seen is not None:
        report.ours_newer += 1
    elif ours == row["synced_hash"]:
        repo.replace_document(survey.id, doc, origin=f"import:{Path(source).name}")
        mark_synced(repo, survey.id, theirs)
        report.updated += 1
    else:
        known = repo.conn.execute(
            "SELECT 1 FROM conflicts WHERE survey_id = ? AND theirs_hash = ? AND resolved_at IS NULL",
            (survey.id, theirs)).fetchone()
        if known is None:
            repo.conn.execute(
                "INSERT INTO conflicts(survey_id, theirs, theirs_hash, source, detected_at) VALUES (?, ?, ?, ?, ?)",
                (survey.id, json.dumps(doc, ensure_ascii=False), theirs, Path(source).name, now()))
        report.conflicts.append(survey.id)


def mark_synced(repo: Repository, survey_id: str, digest: str) -> None:
    """Remember a version as synchronised (inside the caller's transaction)."""
    repo.conn.execute("UPDATE surveys SET synced_hash = ? WHERE id = ?", (digest, survey_id))
    repo.conn.execute("INSERT OR IGNORE INTO synced_versions(survey_id, hash) VALUES (?, ?)", (survey_id, digest))


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
    Their version counts as synchronised afterwards: importing the same package again raises no new conflict."""
    if keep not in (MINE, THEIRS, MERGE) or (keep == MERGE) != (sections is not None):
        raise ValueError(keep)
    if sections is not None and not set(sections.values()) <= {MINE, THEIRS}:
        raise ValueError(sections)
    with transaction(repo.conn):
        row = repo.conn.execute("SELECT * FROM conflicts WHERE id = ? AND resolved_at IS NULL",
                                (conflict_id,)).fetchone()
        if row is None:
            raise StorageError("Ese conflicto ya fue resuelto.", "That conflict was already resolved.", "not_found")
        survey_id, theirs = row["survey_id"], json.loads(row["theirs"])
        if keep == THEIRS:
            repo.replace_document(survey_id, theirs, origin=f"conflict:{row['source']}")
        elif keep == MERGE:
            ours, other = split_sections(repo.document(survey_id)), split_sections(theirs)
            chosen = {name: (other if (sections or {}).get(name) == THEIRS else ours).get(name)
                      for name in ours.keys() | other.keys()}
            merged = join_sections(survey_id, {k: v for k, v in chosen.items() if v is not None})
            repo.replace_document(survey_id, merged, origin=f"conflict-merge:{row['source']}")
        else:
            repo.record_event(survey_id, MARK, f"conflict-mine:{row['source']}")
        repo.conn.execute("UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                          (now(), keep, conflict_id))
        mark_synced(repo, survey_id, row["theirs_hash"])


def export_package(repo: Repository, path: Path, campaign: str | None = None,
                   survey_ids: Iterable[str] | None = None, progress: Progress | None = None) -> tuple[dict, list[str]]:
    """Write a package of one campaign (or all, or chosen surveys); return (manifest, ids of drafts left out).

    Only complete, valid surveys travel: a draft that does not pass the survey model stays on this laptop and is
    listed so the user can finish it.
    """
    wanted = set(survey_ids) if survey_ids is not None else None
    rows = [r for r in repo.surveys(campaign) if wanted is None or r.id in wanted]
    if campaign is not None:
        repo.campaign(campaign)  # a clear error for an unknown campaign name
    by_campaign: dict[str, list[Survey]] = {}
    drafts: list[str] = []
    hashes: dict[str, str] = {}
    for done, row in enumerate(rows, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(0.9 * done / len(rows))  # the last tenth: writing the zip
        doc = repo.document(row.id)
        try:
            survey = Survey.model_validate(doc)
        except ValidationError:
            drafts.append(row.id)
            continue
        by_campaign.setdefault(row.campaign, []).append(survey)
        hashes[row.id] = survey_hash(survey)
    campaigns = []
    for name, surveys in by_campaign.items():
        meta = repo.campaign(name)
        campaigns.append(Campaign(name=name, year=meta["year"], region=meta["region"], notes=meta["notes"],
                                  surveys=surveys))
    if not campaigns:
        raise StorageError("No hay encuestas completas para exportar.", "There are no complete surveys to export.",
                           "nothing_to_export")
    manifest = write_package(campaigns, path, training=set(training_names(repo)) & set(by_campaign))
    if progress is not None:
        progress(1.0)
    if not repo.read_only:  # read-only (disk full): the package is written; the versions are remembered next time
        with transaction(repo.conn):
            for survey_id, digest in hashes.items():
                mark_synced(repo, survey_id, digest)
    return manifest, drafts
