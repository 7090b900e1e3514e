"""Stored surveys brought up to the current survey model (engine/model/model_versions.py) when the data folder opens.

Every section records the model version that wrote it; the settings keep the lowest one stored, so an up-to-date
folder costs one read at start-up. When the application's model is newer, each survey with an older section is
joined into its document, passed through the model's steps, and written back section by section with its new
checksum, in one transaction after a copy of the database. The sections' version vectors are kept: an upgrade
is no edit, and two laptops upgrading the same content write the same content. The surveys' stamps are then stale:
made again off the GUI thread (storage/restamp.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from cocoa_desktop.engine.model.model_versions import MODEL_VERSION, upgrade
from cocoa_desktop.storage import backups, restamp
from cocoa_desktop.storage.database import section_checksum, transaction
from cocoa_desktop.storage.documents import canonical_json, join_sections, split_sections
from cocoa_desktop.storage.repository import Repository

SETTING = "model_version"


def stored_model_version(repo: Repository) -> int:
    """The lowest model version of the stored sections, as the settings keep it."""
    value = repo.setting(SETTING, str(MODEL_VERSION))
    return int(value) if value is not None and value.isdigit() else 1


def upgrade_stored(repo: Repository, backup_folder: Path) -> int:
    """Rewrite every survey holding a section written by an older model; the number of surveys rewritten."""
    if stored_model_version(repo) >= MODEL_VERSION:
        return 0
    conn = repo.conn
    ids = [r[0] for r in conn.execute("SELECT DISTINCT survey_id FROM survey_sections WHERE model_version < ?",
                                      (MODEL_VERSION,))]
    if ids:
        backups.backup(conn, backup_folder, "migration")
    with transaction(conn):
        for survey_id in ids:
            rows = conn.execute("SELECT section, content, model_version FROM survey_sections WHERE survey_id = ?",
                                (survey_id,)).fetchall()
            oldest = min(r[2] for r in rows)
            doc = upgrade(join_sections(survey_id, {r[0]: json.loads(r[1]) for r in rows}), oldest)
            for section, content in split_sections(doc).items():
                text = canonical_json(content)
                conn.execute("UPDATE survey_sections SET content = ?, checksum = ?, model_version = ? "
                             "WHERE survey_id = ? AND section = ?",
                             (text, section_checksum(survey_id, section, text), MODEL_VERSION, survey_id, section))
        conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (SETTING, str(MODEL_VERSION)))
        restamp.mark_stale(conn)  # the sections rewritten: their stamps made again in the background
    return len(ids)
