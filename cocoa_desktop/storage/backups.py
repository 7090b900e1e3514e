"""Rotating backups of the database (at start-up, daily, before a migration) and restoring the newest good one.

A backup is good only if it is a readable database of ours that passes SQLite's integrity check (a 0-byte file or
an empty database is not): :mod:`good_backups` finds the newest good one. A backup that cannot be written (disk
full) leaves no half-written file behind.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cocoa_desktop.storage.errors import os_error, translate

KEEP = {"startup": 5, "daily": 7, "migration": 5, "manual": 10, "rescue": 5}
SUFFIX = ".sqlite3"


def backup(conn: sqlite3.Connection, folder: Path, reason: str) -> Path:
    """A consistent copy through SQLite's online backup API, then rotation of that kind of backup."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{stamp}-{reason}{SUFFIX}"
    tmp = target.with_suffix(".tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise translate(exc) from exc
    rotate(folder, reason)
    return target


def backups(folder: Path, reason: str | None = None, now: datetime | None = None) -> list[Path]:
    """Our backups (named ``<time>-<kind>.sqlite3``), newest first by the time in their names; a backup dated
    after ``now`` (taken while the clock was wrong) comes after the others, its true time being unknown. Any other
    file (a copy made by hand) is no backup: never restored, never rotated away."""
    now = now or datetime.now(UTC)
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        parsed = kind(path)
        if parsed is not None and (reason is None or parsed[1] == reason) and path.is_file():
            found.append((parsed[0] <= now, parsed[0], path.name, path))
    return [item[-1] for item in sorted(found, reverse=True)]


def kind(path: Path) -> tuple[datetime, str] | None:
    """(when, kind) of a backup's name, ``20261203T094010123456Z-daily.sqlite3``; None for any other name."""
    name = path.name
    stamp, dash, reason = name[:-len(SUFFIX)].partition("-") if name.endswith(SUFFIX) else ("", "", "")
    if not (dash and stamp and reason.isascii() and reason.isalpha() and reason.islower()):
        return None
    try:
        return taken_at(path), reason
    except ValueError:
        return None


def taken_at(path: Path) -> datetime:
    """When a backup was taken, from its name (``20261203T094010123456Z-daily…``); ValueError for any other name.

    Parsed by hand: ``datetime.strptime`` imports ``_strptime`` and compiles its patterns, 5 ms of every start-up."""
    stamp = path.name.split("-", 1)[0]
    digits = stamp[:8] + stamp[9:-1]
    if len(stamp) < 17 or stamp[8] != "T" or stamp[-1] != "Z" or not digits.isdigit() or not digits.isascii() \
            or len(digits) > 20:
        raise ValueError(f"not a backup's name: {path.name}")
    return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]), int(stamp[11:13]),
                    int(stamp[13:15]), int(stamp[15:-1].ljust(6, "0")), tzinfo=UTC)


def rotate(folder: Path, reason: str) -> None:
    for old in backups(folder, reason)[KEEP.get(reason, 5):]:
        old.unlink(missing_ok=True)


def daily_due(folder: Path, now: datetime | None = None) -> bool:
    """No daily backup taken in the last 24 hours; one dated in the future (a clock once wrong) is not newer than
    now: it is kept, and daily backups go on."""
    now = now or datetime.now(UTC)
    return not any(now - timedelta(days=1) < taken_at(p) <= now for p in backups(folder, "daily", now))


def restore(candidate: Path, database: Path) -> None:
    """Copy a backup over the database (through a temporary file: a failure leaves nothing half-copied)."""
    tmp = database.with_suffix(".restoring")
    try:
        shutil.copyfile(candidate, tmp)
        tmp.replace(database)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise os_error(exc, database) from exc
