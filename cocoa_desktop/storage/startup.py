"""Opening the data folder: lock, integrity check, recovery from backup, migration, backups.

Everything that happened is written into a :class:`StartupReport` for the app to tell the user, in plain words,
what was done and what (if anything) may have been lost.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cocoa_desktop.storage import backups
from cocoa_desktop.storage.database import StorageError, connect, integrity_ok
from cocoa_desktop.storage.instance_lock import InstanceLock
from cocoa_desktop.storage.paths import backup_dir, damaged_dir, data_dir, database_path
from cocoa_desktop.storage.repository import Repository
from cocoa_desktop.storage.schema import SCHEMA_VERSION, migrate, schema_version


@dataclass
class StartupReport:
    messages_es: list[str] = field(default_factory=list)
    messages_en: list[str] = field(default_factory=list)
    restored_from: Path | None = None
    damaged_copy: Path | None = None
    migrated: list[int] = field(default_factory=list)

    def say(self, es: str, en: str) -> None:
        self.messages_es.append(es)
        self.messages_en.append(en)

    def messages(self, lang: str = "es") -> list[str]:
        return self.messages_en if lang == "en" else self.messages_es


class Storage:
    """The open data folder: connection, repository, lock and what happened when opening it."""

    def __init__(self, folder: Path, conn: sqlite3.Connection, lock: InstanceLock, report: StartupReport) -> None:
        self.folder = folder
        self.conn = conn
        self.repo = Repository(conn)
        self.lock = lock
        self.report = report

    @property
    def backup_folder(self) -> Path:
        return backup_dir(self.folder)

    def backup(self, reason: str = "manual") -> Path:
        return backups.backup(self.conn, self.backup_folder, reason)

    def daily_backup_if_due(self) -> Path | None:
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


def open_storage(folder: Path | None = None) -> Storage:
    """Open (creating if needed) the database of a data folder; see the module docstring for the steps."""
    folder = folder or data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(folder).acquire()
    try:
        report = StartupReport()
        db_path = database_path(folder)
        if db_path.exists():
            ok, found = integrity_ok(db_path)
            if not ok:
                _recover(folder, db_path, found, report)
        conn = connect(db_path)
        try:
            is_new = schema_version(conn) == 0
            _migrate(conn, folder, report)
            if not is_new:  # nothing worth a copy in a database created just now
                backups.backup(conn, backup_dir(folder), "startup")
                if backups.daily_due(backup_dir(folder)):
                    backups.backup(conn, backup_dir(folder), "daily")
        except BaseException:
            conn.close()
            raise
        return Storage(folder, conn, lock, report)
    except BaseException:
        lock.release()
        raise


def _migrate(conn: sqlite3.Connection, folder: Path, report: StartupReport) -> None:
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"Estos datos fueron creados por una versión más nueva de la aplicación (esquema {version}). "
            "Instale esa versión o una posterior; no se modificó nada.",
            f"This data was created by a newer version of the application (schema {version}). "
            "Install that version or a later one; nothing was changed.",
            "newer_schema",
        )
    if 0 < version < SCHEMA_VERSION:
        copy = backups.backup(conn, backup_dir(folder), "migration")
        report.say(f"Se actualizó la base de datos del esquema {version} al {SCHEMA_VERSION}; "
                   f"copia previa en {copy}.",
                   f"The database was upgraded from schema {version} to {SCHEMA_VERSION}; copy before: {copy}.")
    report.migrated = migrate(conn)


def _recover(folder: Path, db_path: Path, found: str, report: StartupReport) -> None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = damaged_dir(folder) / f"{stamp}-{db_path.name}"
    for suffix in ("", "-wal", "-shm"):
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            shutil.move(part, aside.with_name(aside.name + suffix))
    report.damaged_copy = aside
    good = backups.newest_good(backup_dir(folder))
    if good is None:
        report.say(
            f"La base de datos estaba dañada ({found[:200]}) y no hay copias de seguridad sanas: se empezó una "
            f"base vacía. El archivo dañado se guardó en {aside} para intentar recuperarlo.",
            f"The database was damaged ({found[:200]}) and there is no good backup: an empty database was "
            f"started. The damaged file was kept at {aside} for recovery.",
        )
        return
    backups.restore(good, db_path)
    report.restored_from = good
    when = backups.taken_at(good).astimezone().strftime("%d/%m/%Y %H:%M")
    report.say(
        f"La base de datos estaba dañada y se restauró la copia de seguridad del {when}. Los cambios hechos "
        f"después de esa hora pueden haberse perdido; revise las últimas encuestas. El archivo dañado se "
        f"guardó en {aside}.",
        f"The database was damaged and the backup of {when} was restored. Changes made after that time may "
        f"have been lost; check the latest surveys. The damaged file was kept at {aside}.",
    )
