"""Sections damaged inside a healthy database file: found by their checksums, restored from the newest backup that
holds a good copy, or — when no backup has one — set aside (never silently dropped) and the survey reported by
name, so the technician can type that page again. The rest of the data stays usable."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cocoa_desktop.storage import backups
from cocoa_desktop.storage.database import StorageError, connect_read_only, section_checksum, transaction
from cocoa_desktop.storage.documents import now
from cocoa_desktop.storage.repository import Repository
from cocoa_desktop.storage.section_text import is_damaged, section_content

Key = tuple[str, str]  # (survey id, section)


@dataclass
class RepairResult:
    restored: dict[Key, Path]  # restored from this backup
    set_aside: list[Key]  # no good copy anywhere: kept in damaged_sections, removed from the survey
    names: dict[str, str]  # survey id -> "cooperative — farm"


def damaged_sections(conn: sqlite3.Connection) -> list[Key]:
    """Every section whose content no longer matches its checksum (one hash per row, no JSON parsed: a matching
    checksum means the JSON is the one that was written)."""
    rows = conn.execute("SELECT survey_id, section, content, checksum FROM survey_sections")
    return [(r[0], r[1]) for r in rows
            if (r[3] != section_checksum(r[0], r[1], r[2]) if r[3] is not None else
                is_damaged(section_content(r[0], r[1], r[2], None)))]


def _good_copies(folder: Path, wanted: set[Key]) -> dict[Key, tuple[str, Path, int]]:
    """For each damaged section, its content in the newest backup where that section is intact."""
    found: dict[Key, tuple[str, Path, int]] = {}
    for candidate in backups.backups(folder):
        missing = wanted - found.keys()
        if not missing:
            break
        try:
            conn = connect_read_only(candidate)
        except StorageError:
            continue
        try:
            columns = {r[1] for r in conn.execute("PRAGMA table_info(survey_sections)")}
            checked = "checksum" in columns  # backups taken before schema 3 have no checksums: JSON must parse
            model = "model_version" if "model_version" in columns else "1"  # before schema 6: the first model
            for survey_id, section in missing:
                row = conn.execute(
                    f"SELECT content{', checksum' if checked else ', NULL'}, {model} FROM survey_sections"
                    " WHERE survey_id = ? AND section = ?", (survey_id, section)).fetchone()
                if row is not None and not is_damaged(section_content(survey_id, section, row[0], row[1])):
                    found[survey_id, section] = (row[0], candidate, int(row[2]))
        except sqlite3.Error:
            continue  # a damaged backup: try the next one
        finally:
            conn.close()
    return found


def repair(repo: Repository, backup_folder: Path) -> RepairResult | None:
    """Check every section; restore or set aside the damaged ones in one transaction. None when all are intact."""
    bad = damaged_sections(repo.conn)
    if not bad:
        return None
    copies = _good_copies(backup_folder, set(bad))
    result = RepairResult({}, [], {survey_id: repo.survey_name(survey_id) for survey_id, _ in bad})
    stamp = now()
    with transaction(repo.conn):
        for survey_id, section in bad:
            if (survey_id, section) in copies:
                text, source, model = copies[survey_id, section]
                repo.conn.execute(  # the copy's model version: an older one is brought up to date after the repair
                    "UPDATE survey_sections SET content = ?, checksum = ?, updated_at = ?, model_version = ? WHERE "
                    "survey_id = ? AND section = ?",
                    (text, section_checksum(survey_id, section, text), stamp, model, survey_id, section))
                repo.conn.execute("UPDATE settings SET value = ? WHERE key = 'model_version' AND CAST(value AS "
                                  "INTEGER) > ?", (str(model), model))
                origin = f"repaired:{source.name}"
                result.restored[survey_id, section] = source
            else:
                repo.conn.execute(
                    "INSERT INTO damaged_sections(survey_id, section, content, checksum, found_at) SELECT survey_id,"
                    " section, CAST(content AS BLOB), checksum, ? FROM survey_sections WHERE survey_id = ? AND"
                    " section = ?", (stamp, survey_id, section))
                repo.conn.execute("DELETE FROM survey_sections WHERE survey_id = ? AND section = ?",
                                  (survey_id, section))
                origin = "damaged:set-aside"
                result.set_aside.append((survey_id, section))
            repo.record_event(survey_id, section, origin)
    return result
