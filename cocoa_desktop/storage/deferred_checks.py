"""A large data folder opened at once, checked just after: the app's start-up with a regional folder.

With 20,000 surveys (90 MB) SQLite's integrity check, the checksum of every stored section and the start-up backup
take seconds; before, the window waited for them. Now, when the database is large, of the current schema and opens
cleanly, the window uses it at once and the same checks run in a worker thread on a read-only connection of their
own, in the same order and with the same rule: the start-up backup is taken only when the data are sound, so a
damaged row never rotates the good copies away. When they find damage they leave a marker in the data folder and
say so; the app stops writing, and the next start checks first and repairs from the backups as it always did
(storage/startup.py, storage/repair.py). A small database (a cooperative's) is checked before it is used, as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cocoa_desktop.engine.words import say
from cocoa_desktop.storage import backups
from cocoa_desktop.storage.database import (
    EXPECTED_TABLES,
    StorageError,
    connect,
    connect_read_only,
)
from cocoa_desktop.storage.instance_lock import InstanceLock
from cocoa_desktop.storage.opened import CHECK_MARKER, StartupReport, Storage
from cocoa_desktop.storage.paths import backup_dir, database_path
from cocoa_desktop.storage.repair import damaged_sections
from cocoa_desktop.storage.schema import SCHEMA_VERSION, schema_version

DEFER_FROM_BYTES = 8 * 2**20  # about 2,000 surveys: below, the checks take well under a second and come first
PROGRESS_EVERY = 20_000  # SQLite instructions between two looks at "cancelled"


def open_unchecked(data_folder: Path, db_path: Path, lock: InstanceLock, report: StartupReport,
                   busy_timeout: float) -> Storage | None:
    """The storage, its checks pending; None when it must be checked first (small, marked, another schema, or it
    does not open cleanly: the full path then says what is wrong and repairs it)."""
    try:
        if (data_folder / CHECK_MARKER).exists() or db_path.stat().st_size < DEFER_FROM_BYTES:
            return None
        conn = connect(db_path, busy_timeout)
    except (OSError, StorageError):
        return None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        usable = schema_version(conn) == SCHEMA_VERSION and not EXPECTED_TABLES - tables
    except sqlite3.Error:
        usable = False
    if not usable:
        conn.close()
        return None
    storage = Storage(data_folder, conn, lock, report)
    storage.checks_pending = True
    return storage


@dataclass(frozen=True)
class Outcome:
    """What the deferred checks found: nothing (``damaged`` False, the start-up backup taken), or damage, said in
    both languages."""

    damaged: bool
    message_es: str = ""
    message_en: str = ""
    backup: Path | None = None

    def message(self, lang: str = "es") -> str:
        return say(lang, self.message_es, self.message_en)


def run(data_folder: Path, cancelled: Callable[[], bool] = lambda: False) -> Outcome | None:
    """SQLite's integrity check, every section's checksum, then the start-up (and daily, when due) backup; in a
    worker thread. None when cancelled (the app is closing: the next start checks again)."""
    conn = connect_read_only(database_path(data_folder))
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_EVERY)
    try:
        found = "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall())
        bad = damaged_sections(conn) if found == "ok" and not cancelled() else []
        if cancelled():
            return None
        if found == "ok" and not bad:
            taken = backups.backup(conn, backup_dir(data_folder), "startup")
            if backups.daily_due(backup_dir(data_folder)):
                backups.backup(conn, backup_dir(data_folder), "daily")
            return Outcome(False, backup=taken)
    except (sqlite3.Error, StorageError) as exc:
        if cancelled():
            return None
        if isinstance(exc, StorageError):
            raise
        found = str(exc)
        bad = []
    finally:
        conn.close()
    (data_folder / CHECK_MARKER).write_text(f"{found}; {len(bad)} damaged sections\n", encoding="utf-8")
    what_es = (f"{len(bad)} secciones de encuestas no coinciden con su suma de control" if bad else
               f"SQLite informa: {found}")
    what_en = f"{len(bad)} survey sections do not match their checksum" if bad else f"SQLite reports: {found}"
    return Outcome(
        True,
        f"Al revisar los datos se encontró un daño ({what_es}). Para protegerlos, la aplicación queda SOLO PARA "
        "CONSULTAR. Ciérrela y vuelva a abrirla: al abrirse los reparará desde la copia de seguridad más reciente "
        "que esté sana y le dirá qué se recuperó.",
        f"Checking the data found damage ({what_en}). To protect them, the application is now READ-ONLY. Close it "
        "and open it again: on opening it repairs them from the newest good backup and tells you what was "
        "recovered.")
