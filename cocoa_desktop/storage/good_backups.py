"""Which backup to restore: the newest that is a readable database of ours passing SQLite's integrity check (a
0-byte file or an empty database is not). Apart from :mod:`backups`, which takes and lists the copies: the database
takes a rescue copy through it, and this check needs the database."""

from __future__ import annotations

from pathlib import Path

from cocoa_desktop.storage.backups import backups
from cocoa_desktop.storage.database import integrity_ok


def is_good(candidate: Path) -> bool:
    return integrity_ok(candidate)[0]


def newest_good(folder: Path) -> Path | None:
    for candidate in backups(folder):
        if is_good(candidate):
            return candidate
    return None
