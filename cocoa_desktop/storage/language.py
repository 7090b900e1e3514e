"""The language saved in the settings, read before (or instead of) opening the data folder — for the messages
shown then ("already open", "disk full") — without writing or locking anything, and without importing the rest
of the storage code (the app reads it before its first window)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cocoa_desktop.storage.database import StorageError, connect_read_only
from cocoa_desktop.storage.paths import data_dir, database_path


def stored_language(data_folder: Path | None = None) -> str | None:
    """"es" or "en" as saved, None when unknown; never raises."""
    try:
        path = database_path(data_folder or data_dir(create=False))
        if not path.is_file():
            return None
        conn = connect_read_only(path, timeout=0.5)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = 'language'").fetchone()
        finally:
            conn.close()
    except (StorageError, sqlite3.Error, OSError):
        return None
    return row[0] if row and row[0] in ("es", "en") else None
