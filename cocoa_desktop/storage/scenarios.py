"""What-if scenarios saved with their campaign (schema 4): each a scenario document (name, cooperative, changes),
kept as JSON. Storage checks only that it is a JSON object with a name; the engine reads and checks the changes."""

from __future__ import annotations

import json
from typing import Any

from cocoa_desktop.storage.database import StorageError, transaction
from cocoa_desktop.storage.documents import now
from cocoa_desktop.storage.repository import Repository

MAX_SCENARIOS = 200  # per campaign: a workshop makes a handful


def _campaign_id(repo: Repository, campaign: str) -> int:
    return int(repo.campaign(campaign)["id"])


def save(repo: Repository, campaign: str, doc: dict[str, Any]) -> None:
    """Save (or replace) a scenario of the campaign by its name."""
    name = doc.get("name") if isinstance(doc, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise StorageError("El escenario necesita un nombre.", "The scenario needs a name.", "invalid")
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, allow_nan=False)
    campaign_id = _campaign_id(repo, campaign)
    with transaction(repo.conn):
        count = repo.conn.execute("SELECT COUNT(*) FROM scenarios WHERE campaign_id = ? AND name != ?",
                                  (campaign_id, name)).fetchone()[0]
        if count >= MAX_SCENARIOS:
            raise StorageError(f"Esta campaña ya tiene {MAX_SCENARIOS} escenarios: borre alguno.",
                               f"This campaign already has {MAX_SCENARIOS} scenarios: delete one.", "too_many")
        repo.conn.execute(
            "INSERT INTO scenarios(campaign_id, name, content, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(campaign_id, name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at",
            (campaign_id, name, text, now()))


def load(repo: Repository, campaign: str) -> list[dict[str, Any]]:
    """The campaign's scenarios, by name; a row that is not a JSON object is skipped (never an exception)."""
    rows = repo.conn.execute("SELECT content FROM scenarios WHERE campaign_id = ? ORDER BY name",
                             (_campaign_id(repo, campaign),)).fetchall()
    found = []
    for row in rows:
        try:
            doc = json.loads(row[0])
        except ValueError:
            continue
        if isinstance(doc, dict):
            found.append(doc)
    return found


def delete(repo: Repository, campaign: str, name: str) -> None:
    with transaction(repo.conn):
        repo.conn.execute("DELETE FROM scenarios WHERE campaign_id = ? AND name = ?",
                          (_campaign_id(repo, campaign), name))
