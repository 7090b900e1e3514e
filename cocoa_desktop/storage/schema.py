"""Schema versions and ordered migrations. ``PRAGMA user_version`` holds the version of a database file.

Never edit a migration that has shipped: add a new one at the end. A copy of the database is taken before
migrating (see :mod:`cocoa_desktop.storage.startup`).
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: campaigns, cooperatives, surveys and their content by section, settings
    """
    CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        region TEXT NOT NULL DEFAULT 'San Martín',
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE organisations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE surveys (
        id TEXT PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        organisation_id INTEGER NOT NULL REFERENCES organisations(id),
        unit TEXT NOT NULL,
        farm_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT,
        last_page TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX surveys_by_campaign ON surveys(campaign_id, organisation_id);
    CREATE TABLE survey_sections (
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        content TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (survey_id, section)
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: change history after completion; conflicts between laptops; every content version synchronised
    """
    CREATE TABLE change_history (
        id INTEGER PRIMARY KEY,
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL,
        section TEXT NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        origin TEXT NOT NULL DEFAULT 'edit'
    );
    CREATE INDEX history_by_survey ON change_history(survey_id, id);
    CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        theirs TEXT NOT NULL,
        theirs_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT
    );
    CREATE INDEX open_conflicts ON conflicts(survey_id) WHERE resolved_at IS NULL;
    ALTER TABLE surveys ADD COLUMN synced_hash TEXT;
    CREATE TABLE synced_versions (
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        hash TEXT NOT NULL,
        PRIMARY KEY (survey_id, hash)
    );
    """,
    # 3: a checksum beside every stored section (a damaged byte inside a row passes SQLite's integrity check);
    # sections found damaged with no good copy in any backup are kept aside, never silently dropped
    """
    ALTER TABLE survey_sections ADD COLUMN checksum TEXT;
    UPDATE survey_sections SET checksum = cocoa_checksum(survey_id, section, content);
    CREATE TABLE damaged_sections (
        id INTEGER PRIMARY KEY,
        survey_id TEXT NOT NULL,
        section TEXT NOT NULL,
        content BLOB,
        checksum TEXT,
        found_at TEXT NOT NULL
    );
    """,
    # 4: a campaign may be training data (the workshop's ten cooperatives, reset in one action); what-if scenarios
    # saved with their campaign (the scenario document as JSON: name, cooperative, changes)
    """
    ALTER TABLE campaigns ADD COLUMN training INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        content TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (campaign_id, name)
    );
    """,
    # 5: the package exchange as replication (storage/versions.py): this laptop's replica id, a version vector beside
    # every section (existing sections count as one edit of this laptop), the version vectors of the other side of a
    # conflict, and surveys that arrived with an id this laptop already uses in another campaign (matched by id
    # and campaign, kept under an id of their own)
    """
    INSERT OR IGNORE INTO settings(key, value) VALUES ('replica', lower(hex(randomblob(16))));
    ALTER TABLE survey_sections ADD COLUMN version TEXT NOT NULL DEFAULT '{}';
    UPDATE survey_sections SET version = '{"' || (SELECT value FROM settings WHERE key = 'replica') || '":1}';
    ALTER TABLE conflicts ADD COLUMN theirs_versions TEXT;
    CREATE TABLE survey_aliases (
        local_id TEXT PRIMARY KEY REFERENCES surveys(id) ON DELETE CASCADE,
        foreign_id TEXT NOT NULL,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        UNIQUE (foreign_id, campaign_id)
    );
    """,
    # 6: every section says which version of the survey model wrote it (engine/model/model_versions.py), so that a field
    # renamed in a later version is rewritten in the stored surveys (storage/model_upgrade.py); the lowest version
    # stored is kept in the settings, read at every start
    """
    ALTER TABLE survey_sections ADD COLUMN model_version INTEGER NOT NULL DEFAULT 1;
    INSERT OR REPLACE INTO settings(key, value) VALUES ('model_version', '1');
    """,
    # 7: a survey found valid keeps a stamp of its sections' checksums and of the model's rules (storage/stamps.py),
    # so that an export ships it without validating it again; none yet for the surveys already stored (each is
    # validated at export, as before, until it is saved or imported again)
    """
    ALTER TABLE surveys ADD COLUMN checked TEXT;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Apply the missing migrations up to ``target``, each in its own transaction; return those applied."""
    applied = []
    current = schema_version(conn)
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
