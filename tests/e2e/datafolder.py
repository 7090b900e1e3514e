"""What the data folder holds, read as any SQLite reader would (read-only, beside the running app)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

DATABASE = "cocoa-desktop.sqlite3"


def _connect(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{folder / DATABASE}?mode=ro", uri=True, timeout=10)


def surveys(folder: Path) -> dict[str, dict]:
    """Every survey's id → its sections (parsed), its campaign and organisation names."""
    with closing(_connect(folder)) as db:
        rows = db.execute("SELECT s.id, c.name, o.name, s.last_page FROM surveys s "
                          "JOIN campaigns c ON c.id = s.campaign_id "
                          "JOIN organisations o ON o.id = s.organisation_id").fetchall()
        found = {survey_id: {"campaign": campaign, "organisation": organisation, "last_page": page}
                 for survey_id, campaign, organisation, page in rows}
        for survey_id, section, content in db.execute("SELECT survey_id, section, content FROM survey_sections"):
            found[survey_id][section] = json.loads(content)
    return found


def setting(folder: Path, key: str) -> str | None:
    with closing(_connect(folder)) as db:
        row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def open_conflicts(folder: Path) -> int:
    with closing(_connect(folder)) as db:
        return db.execute("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL").fetchone()[0]


def load_examples(app, screenshot: str = "") -> dict[str, dict]:
    """Campaña → Cargar los ejemplos San Martín 2020, by keyboard, until the data folder holds the 11 surveys
    (``screenshot``: the open menu is kept under that name). Returns them."""
    from tests.e2e.desktop import MAIN_TITLE, wait_until

    app.wait_active(MAIN_TITLE)
    app.key("alt+c")  # Campaña
    if screenshot:
        app.screenshot(screenshot)
    app.key("Down", "Return")  # its second entry
    return wait_until(lambda: len(found := surveys(app.data_dir)) == 11 and found, 30, "the examples did not load")
