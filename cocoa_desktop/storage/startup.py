"""Opening the data folder: lock, health check, recovery from backup, migration, section repair, backups.

Everything that happened is written into a :class:`StartupReport` for the app to tell the user, in plain words,
what was done and what (if anything) may have been lost. The rules that keep data safe:

- Only real damage (SQLite says the file is damaged or not a database; a file that had data and is now empty)
  moves the database aside and restores the newest *good* backup. A full disk, a read-only folder, a file locked
  by another program or a disk error change nothing: they are a message.
- A full disk or a read-only folder still opens the data, read-only, so the technician can look at the surveys
  and export a package to a USB stick.
- Damaged sections inside a healthy file are restored from backups (see :mod:`repair`) before the start-up backup
  is taken, so a damaged row never rotates the good copies away.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from cocoa_desktop.engine.model.model_versions import MODEL_VERSION
from cocoa_desktop.storage import backups, good_backups, restamp
from cocoa_desktop.storage.database import (
    Connection,
    Health,
    StorageError,
    check,
    connect,
    connect_read_only,
    os_error,
    translate,
)
from cocoa_desktop.storage.instance_lock import InstanceLock
from cocoa_desktop.storage.model_upgrade import upgrade_stored
from cocoa_desktop.storage.opened import CHECK_MARKER, StartupReport, Storage
from cocoa_desktop.storage.paths import backup_dir, damaged_dir, data_dir, database_path, folder
from cocoa_desktop.storage.repair import repair
from cocoa_desktop.storage.repository import Repository
from cocoa_desktop.storage.schema import SCHEMA_VERSION, migrate, schema_version

BUSY_TIMEOUT_S = 10.0


def open_storage(data_folder: Path | None = None, busy_timeout: float = BUSY_TIMEOUT_S,
                 defer_checks: bool = False) -> Storage:
    """Open (creating if needed) the database of a data folder; see the module docstring for the rules.

    ``defer_checks`` (the app): a large database of the current schema that opens cleanly is used at once, and its
    integrity check, section checksums and start-up backup are left to ``deferred_checks.run`` in a worker thread
    (``Storage.checks_pending``); a small one, or one whose last deferred check found damage, is checked first."""
    data_folder = folder(data_folder) if data_folder is not None else data_dir()
    lock = InstanceLock(data_folder).acquire()
    report = StartupReport()
    try:
        db_path = database_path(data_folder)
        if not lock.writable:
            return _read_only(data_folder, db_path, lock, report, _folder_read_only(data_folder))
        if defer_checks:
            from cocoa_desktop.storage import deferred_checks

            storage = deferred_checks.open_unchecked(data_folder, db_path, lock, report, busy_timeout)
            if storage is not None:
                return storage
        checkup = check(db_path, busy_timeout)  # a locked or unreadable file raises here: nothing is touched
        if checkup.health is Health.DAMAGED or (
                checkup.health in (Health.EMPTY, Health.MISSING) and good_backups.newest_good(backup_dir(data_folder))):
            _recover(data_folder, db_path, checkup.health, checkup.found, report)
        try:
            conn = connect(db_path, busy_timeout)
        except StorageError as exc:
            reason = _cannot_write(exc, data_folder)
            if reason is None:
                raise
            return _read_only(data_folder, db_path, lock, report, reason)
        try:
            storage = _open(data_folder, conn, lock, report)
        except BaseException:
            conn.close()
            raise
        with contextlib.suppress(OSError):
            (data_folder / CHECK_MARKER).unlink(missing_ok=True)  # checked in full now
        return storage
    except (StorageError, OSError, sqlite3.Error) as exc:  # a file or a disk: a message, never a traceback
        lock.release()
        error = exc if isinstance(exc, StorageError) else translate(exc)
        if not report.messages():
            if error is exc:
                raise
            raise error from exc
        # what was already done (a backup restored, a damaged file set aside) is said with the error
        raise StorageError(" ".join([*report.messages("es"), error.message_es]),
                           " ".join([*report.messages("en"), error.message_en]), error.code) from exc
    except BaseException:
        lock.release()
        raise


def _open(data_folder: Path, conn: Connection, lock: InstanceLock, report: StartupReport) -> Storage:
    is_new = schema_version(conn) == 0
    _migrate(conn, data_folder, report)
    repo = Repository(conn)
    report.repaired = repair(repo, backup_dir(data_folder))
    _tell_repairs(report)
    if report.repaired is not None and (report.repaired.restored or report.repaired.set_aside):
        restamp.mark_stale(conn)  # sections brought back from a backup: stamps checked again in the background
    if report.restored_from is not None or (report.repaired is not None and report.repaired.restored):
        # a backup brought back older versions: this laptop's edit counts went back too, and counts it already
        # sent would be reused for other content; edits from now on count under a new replica id
        repo.start_new_replica()
    upgraded = upgrade_stored(repo, backup_dir(data_folder))  # a survey model renamed a field: the stored surveys too
    if upgraded:
        report.say(f"Se actualizaron {upgraded} encuestas guardadas al modelo de datos {MODEL_VERSION}.",
                   f"{upgraded} stored surveys were brought up to data model {MODEL_VERSION}.")
    if is_new:  # nothing worth a copy in a database created just now
        return Storage(data_folder, conn, lock, report)
    try:
        backups.backup(conn, backup_dir(data_folder), "startup")
        if backups.daily_due(backup_dir(data_folder)):
            backups.backup(conn, backup_dir(data_folder), "daily")
    except StorageError as exc:
        reason = _cannot_write(exc, data_folder)
        if reason is None:
            raise
        conn.close()
        return _read_only(data_folder, database_path(data_folder), lock, report, reason)
    return Storage(data_folder, conn, lock, report)


FULL_BELOW_BYTES = 1024 * 1024  # less free space than this: SQLite cannot even make its shared-memory file


def _cannot_write(error: StorageError, data_folder: Path) -> StorageError | None:
    """The reason to open read-only, when ``error`` means the disk is full or the folder read-only; else None.

    A full disk often shows as a disk I/O error (SQLite cannot map its shared-memory file): the free space says."""
    if error.code in ("disk_full", "read_only"):
        return error
    if error.code == "io_error":
        try:
            free = shutil.disk_usage(data_folder).free
        except OSError:
            return None
        if free < FULL_BELOW_BYTES:
            return translate(sqlite3.OperationalError("database or disk is full"))
    return None


def _folder_read_only(data_folder: Path) -> StorageError:
    return StorageError(
        f"No se puede escribir en la carpeta de datos ({data_folder}): es de solo lectura o de otro usuario.",
        f"The data folder cannot be written ({data_folder}): it is read-only or belongs to another user.",
        "read_only")


def _read_only(data_folder: Path, db_path: Path, lock: InstanceLock, report: StartupReport,
               reason: StorageError) -> Storage:
    """Open for viewing and exporting only, saying why and what the technician can do."""
    if not db_path.exists():
        raise StorageError(
            f"{reason.message_es} Todavía no hay datos que mostrar en ella.",
            f"{reason.message_en} There is no data to show in it yet.", reason.code)
    conn = connect_read_only(db_path)
    try:
        version = schema_version(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc) from exc
    if version != SCHEMA_VERSION:
        conn.close()
        raise StorageError(
            f"{reason.message_es} Además, la base de datos debe actualizarse y no se puede hacerlo así; no se "
            "cambió nada.",
            f"{reason.message_en} Moreover, the database needs an upgrade that cannot be done now; nothing was "
            "changed.", reason.code)
    report.say(
        f"{reason.message_es} La aplicación se abrió SOLO PARA CONSULTAR: puede ver las encuestas y sus resultados "
        "y exportar un paquete o un libro Excel a otra carpeta (por ejemplo, una memoria USB), pero no guardar "
        "cambios. Para volver a guardar, resuelva eso (libere espacio en el disco) y vuelva a abrir la aplicación.",
        f"{reason.message_en} The application opened READ-ONLY: you can view the surveys and their results and "
        "export a package or an Excel workbook to another folder (a USB stick, say), but not save changes. To save "
        "again, fix that (free some disk space) and reopen the application.")
    return Storage(data_folder, conn, lock, report, read_only=reason)


def _migrate(conn: sqlite3.Connection, data_folder: Path, report: StartupReport) -> None:
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
        copy = backups.backup(conn, backup_dir(data_folder), "migration")
        report.say(f"Se actualizó la base de datos del esquema {version} al {SCHEMA_VERSION}; "
                   f"copia previa en {copy}.",
                   f"The database was upgraded from schema {version} to {SCHEMA_VERSION}; copy before: {copy}.")
    try:
        report.migrated = migrate(conn)
    except sqlite3.Error as exc:
        raise translate(exc) from exc


def _recover(data_folder: Path, db_path: Path, health: Health, found: str, report: StartupReport) -> None:
    """Set a damaged (or emptied) database aside and restore the newest good backup, or start an empty one."""
    aside = None
    # a missing file's log too (the file deleted, the app killed): SQLite would replay it into the backup
    # restored at that path, pages of another moment of another file
    parts = [suffix for suffix in ("", "-wal", "-shm") if db_path.with_name(db_path.name + suffix).exists()]
    if parts:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = damaged_dir(data_folder) / f"{stamp}-{db_path.name}"
        try:
            for suffix in parts:
                shutil.move(db_path.with_name(db_path.name + suffix), aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise os_error(exc, db_path) from exc
    if health is Health.MISSING and aside is not None:
        log = aside.with_name(aside.name + "-wal")
        aside = None
        kept_es = f" Lo que quedaba de ella (su registro de escritura) se guardó en {log}." if log.exists() else ""
        kept_en = f" What was left of it (its write-ahead log) was kept at {log}." if log.exists() else ""
    else:
        kept_es = f" El archivo dañado se guardó en {aside}." if aside else ""
        kept_en = f" The damaged file was kept at {aside}." if aside else ""
    report.damaged_copy = aside
    what_es = {Health.EMPTY: "estaba vacía (había datos antes: hay copias de seguridad con ellos)",
               Health.MISSING: "no estaba (había copias de seguridad con datos)"}.get(
        health, f"estaba dañada ({found[:200]})")
    what_en = {Health.EMPTY: "was empty (there was data before: backups hold it)",
               Health.MISSING: "was missing (backups hold data)"}.get(health, f"was damaged ({found[:200]})")
    good = good_backups.newest_good(backup_dir(data_folder))
    if good is None:
        report.say(
            f"La base de datos {what_es} y no hay copias de seguridad sanas: se empezó una base vacía.{kept_es}",
            f"The database {what_en} and there is no good backup: an empty database was started.{kept_en}")
        return
    backups.restore(good, db_path)
    report.restored_from = good
    when = backups.taken_at(good).astimezone().strftime("%d/%m/%Y %H:%M")
    report.say(
        f"La base de datos {what_es} y se restauró la copia de seguridad del {when}. Los cambios hechos después de "
        f"esa hora pueden haberse perdido; revise las últimas encuestas.{kept_es}",
        f"The database {what_en} and the backup of {when} was restored. Changes made after that time may have been "
        f"lost; check the latest surveys.{kept_en}")


def _tell_repairs(report: StartupReport) -> None:
    result = report.repaired
    if result is None:
        return
    for (survey_id, section), source in result.restored.items():
        when = backups.taken_at(source).astimezone().strftime("%d/%m/%Y %H:%M")
        name = result.names.get(survey_id, survey_id)
        report.say(
            f"La sección «{section}» de la encuesta «{name}» estaba dañada en el disco y se recuperó de la copia de "
            f"seguridad del {when}; revise esa página por si la cambió después.",
            f"Section '{section}' of survey '{name}' was damaged on disk and was recovered from the backup of "
            f"{when}; check that page in case it was changed since.")
    for survey_id, section in result.set_aside:
        name = result.names.get(survey_id, survey_id)
        report.say(
            f"La sección «{section}» de la encuesta «{name}» estaba dañada y ninguna copia de seguridad la tiene "
            "sana: se apartó (tabla damaged_sections) y esa página de la encuesta quedó vacía. Vuelva a llenarla; "
            "el resto de la encuesta y los demás datos están bien.",
            f"Section '{section}' of survey '{name}' was damaged and no backup holds a good copy: it was set aside "
            "(table damaged_sections) and that page of the survey is empty. Fill it in again; the rest of the survey "
            "and all other data are fine.")
