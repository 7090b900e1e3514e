"""The open data folder (:class:`Storage`: connection, repository, lock) and what happened while opening it
(:class:`StartupReport`). Made by :mod:`startup`, which checks first, or by :mod:`deferred_checks` for a large folder
checked just after: a module of their own, so that neither of the two imports the other for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cocoa_desktop.engine import words
from cocoa_desktop.storage import backups
from cocoa_desktop.storage.database import Connection, StorageError, connect, connect_read_only
from cocoa_desktop.storage.instance_lock import InstanceLock
from cocoa_desktop.storage.paths import backup_dir, database_path
from cocoa_desktop.storage.repair import RepairResult
from cocoa_desktop.storage.repository import Repository

CHECK_MARKER = "check-at-start"  # left by a deferred check that found damage: the next start checks (and repairs) first


@dataclass
class StartupReport:
    messages_es: list[str] = field(default_factory=list)
    messages_en: list[str] = field(default_factory=list)
    restored_from: Path | None = None
    damaged_copy: Path | None = None
    migrated: list[int] = field(default_factory=list)
    repaired: RepairResult | None = None

    def say(self, es: str, en: str) -> None:
        self.messages_es.append(es)
        self.messages_en.append(en)

    def messages(self, lang: str = "es") -> list[str]:
        return words.say(lang, self.messages_es, self.messages_en)


class Storage:
    """The open data folder: connection, repository, lock and what happened when opening it."""

    def __init__(self, folder: Path, conn: Connection, lock: InstanceLock, report: StartupReport,
                 read_only: StorageError | None = None) -> None:
        self.folder = folder
        self.conn = conn
        self.repo = Repository(conn)
        self.lock = lock
        self.report = report
        self.read_only_reason = read_only
        self.checks_pending = False  # opened with ``defer_checks``: see storage/deferred_checks.py
        if read_only is not None:
            conn.read_only_reason = read_only

    @property
    def read_only(self) -> bool:
        """True when the data could only be opened for viewing and exporting (disk full, read-only folder)."""
        return self.read_only_reason is not None

    def worker_repository(self) -> Repository:
        """A repository on a connection of its own, for a worker thread (SQLite connections are not shared
        between threads), opened the same way as this one: read-only, with its reason, when this one is."""
        if self.read_only_reason is not None:
            conn = connect_read_only(database_path(self.folder))
            conn.read_only_reason = self.read_only_reason
        else:
            conn = connect(database_path(self.folder))
        return Repository(conn)

    @property
    def backup_folder(self) -> Path:
        return backup_dir(self.folder)

    def backup(self, reason: str = "manual") -> Path:
        return backups.backup(self.conn, self.backup_folder, reason)

    def daily_backup_if_due(self) -> Path | None:
        if self.read_only:
            return None
        return self.backup("daily") if backups.daily_due(self.backup_folder) else None

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            self.lock.release()

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
