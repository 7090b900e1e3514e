"""The embedded database: opening it safely and checking it; SQLite failures become messages a technician can act
on (:mod:`errors`).

What can be wrong about the disk (full, read-only, locked by another program, no permission) is never taken for
a damaged database: only a file SQLite can read and whose integrity check fails — or that is not a database at
all — counts as damage. Everything else is a :class:`StorageError` that changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from cocoa_desktop.storage.errors import (
    CANTOPEN,
    FULL,
    IOERR,
    PERM,
    READONLY,
    StorageError,
    is_damage,
    os_error,
    primary_code,
    translate,
)
from cocoa_desktop.storage.schema import SCHEMA_VERSION


class Connection(sqlite3.Connection):
    """A connection that knows why it may not write (disk full, read-only folder): writes are then refused with
    that reason instead of SQLite's generic "readonly database"."""

    read_only_reason: StorageError | None = None
    identity: tuple[str, int, int] | None = None  # (path, st_dev, st_ino) of the file opened for writing
    rescued: Path | None = None  # the copy made when that file was found deleted or replaced


def _text(value: bytes) -> str:
    """TEXT columns decoded forgivingly: damaged bytes become U+FFFD (then fail their checksum), never an
    exception that stops the app from starting."""
    return value.decode("utf-8", "replace")


def section_checksum(survey_id: str, section: str, content: str) -> str:
    """The checksum stored beside each section: a damaged byte, or a section moved to another survey, shows."""
    return hashlib.sha256(f"{survey_id}\x1f{section}\x1f{content}".encode()).hexdigest()[:32]


def _prepare(conn: Connection) -> Connection:
    conn.text_factory = _text
    conn.row_factory = sqlite3.Row
    conn.create_function("cocoa_checksum", 3, section_checksum, deterministic=True)
    return conn


def connect(path: Path, timeout: float = 10.0) -> Connection:
    """Open for writing, with WAL, foreign keys and full sync (a laptop may lose power right after a save)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=False,
                               factory=Connection)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    with contextlib.suppress(OSError):  # the file is there now (WAL mode wrote its header)
        where = os.path.abspath(path)
        found = os.stat(where)
        conn.identity = (where, found.st_dev, found.st_ino)
    return _prepare(conn)


def connect_read_only(path: Path, timeout: float = 10.0) -> Connection:
    """Open without writing anything: to view and export when the disk is full or the folder read-only.

    A WAL database normally needs its shared-memory file; where that cannot be created the file is opened as
    immutable (nothing else may write it then: the instance lock, or the read-only folder, sees to that)."""
    uri = path.resolve().as_uri()
    try:
        return _open_uri(f"{uri}?mode=ro", timeout)
    except sqlite3.Error as exc:
        # only a missing shared-memory file (it cannot be created here) allows the immutable way: never a file
        # that another program holds locked, which may be changing under us
        if primary_code(exc) not in (CANTOPEN, READONLY, IOERR, FULL, PERM):
            raise translate(exc) from exc
    try:
        return _open_uri(f"{uri}?mode=ro&immutable=1", timeout)
    except sqlite3.Error as exc:
        raise translate(exc) from exc


def _open_uri(uri: str, timeout: float) -> Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout, check_same_thread=False,
                           factory=Connection)
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # forces the file open now
    except BaseException:
        conn.close()
        raise
    return _prepare(conn)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: all of it is saved, or none of it (and the error is translated)."""
    reason = getattr(conn, "read_only_reason", None)
    if reason is not None:
        raise StorageError(reason.message_es, reason.message_en, reason.code)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        yield conn
        moved = _file_moved(conn)
        if moved is not None:  # never confirm a save into a file that is no longer the data folder's
            _rollback(conn)
            raise moved
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise translate(exc) from exc
    except BaseException:
        _rollback(conn)
        raise


@contextmanager
def log_kept(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Within it, this connection's commits leave SQLite's write-ahead log as it is: no automatic checkpoint at the
    end of a large transaction (an import of 20,000 surveys copied its 90 MB of pages into the file, 0.2-0.5 s,
    before it returned). The log is then folded in by :func:`fold_log` off the GUI thread (:func:`fold_due` says
    when), by the next checkpoint of another connection, or when the last connection closes; until then every
    commit is as safe in the log, and read from it."""
    (before,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield conn
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute(f"PRAGMA wal_autocheckpoint = {int(before):d}")
            file = next((str(row[2]) for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
            if file:
                _KEPT.add(os.path.realpath(file))


_KEPT: set[str] = set()  # the databases whose log log_kept left since the last fold_log (any thread)
LARGE_LOG_BYTES = 4 * 2**20  # SQLite's own automatic checkpoint comes at 1,000 pages: about this


def fold_due(path: Path) -> bool:
    """An import left this database's write-ahead log larger than SQLite's automatic checkpoint lets it grow."""
    return os.path.realpath(path) in _KEPT and log_bytes(path) >= LARGE_LOG_BYTES


def log_bytes(path: Path) -> int:
    """The size of the database's write-ahead log file (0 when there is none)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size
    except OSError:
        return 0


def fold_log(path: Path, busy_timeout: float = 10.0) -> bool:
    """Copy the write-ahead log's pages into the database file (SQLite's passive checkpoint: readers and writers
    go on meanwhile), on a connection of its own, for a worker thread; whether every page was copied (if not, it is
    due again). A failure changes nothing: the log stays, as safe, and the next checkpoint folds it in."""
    key = os.path.realpath(path)
    _KEPT.discard(key)  # an import ending from now on marks it again
    folded = False
    try:
        conn = connect(path, busy_timeout)
        try:
            busy, pages, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            folded = not busy and pages == copied
        except sqlite3.Error as exc:
            raise translate(exc) from exc
        finally:
            conn.close()
    finally:
        if not folded:
            _KEPT.add(key)
    return folded


def _file_moved(conn: sqlite3.Connection) -> StorageError | None:
    """None while the file at the database's path is the one this connection writes (one ``stat``, about a
    microsecond); else the error to show. SQLite goes on writing to a file deleted or replaced while it is open
    (in WAL mode it does not notice), and such saves were gone at the next start."""
    identity = getattr(conn, "identity", None)
    if identity is None:
        return None
    where, device, inode = identity
    try:
        found = os.stat(where)
        if (found.st_dev, found.st_ino) == (device, inode):
            return None
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError as exc:  # cannot tell (no permission, a disk error): not confirmed either
        return os_error(exc, where)
    return _file_replaced(conn, where)


def _file_replaced(conn: sqlite3.Connection, where: str) -> StorageError:
    """The message, after keeping (once) a copy of everything this connection holds as a backup: the next start
    restores it if the file is missing, and it is there to open if the file was replaced."""
    if conn.in_transaction:
        _rollback(conn)
    if isinstance(conn, Connection) and conn.rescued is None:  # only a Connection has an identity to get here
        from cocoa_desktop.storage import backups  # imports this module

        with contextlib.suppress(StorageError, OSError, sqlite3.Error):
            folder = Path(where).parent / "backups"
            if folder.is_dir():
                conn.rescued = backups.backup(conn, folder, "rescue")
    # SQLite leaves its write-ahead log at the path when the file moved: emptied now (into the file it belongs
    # to), it is never replayed into the file now at that path, which it would spoil
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rescued = getattr(conn, "rescued", None)
    copy_es = (f" Todo lo guardado hasta ahora se copió en {rescued}." if rescued is not None else
               " No se pudo hacer una copia de lo guardado hasta ahora: no cierre la aplicación sin exportar antes "
               "un paquete de las encuestas a una memoria USB.")
    copy_en = (f" Everything saved until now was copied to {rescued}." if rescued is not None else
               " No copy of what was saved until now could be made: before closing the application, export a "
               "package of the surveys to a USB stick.")
    return StorageError(
        f"El archivo de datos fue borrado o reemplazado mientras la aplicación estaba abierta ({where}): este "
        f"cambio NO se guardó.{copy_es} Cierre y vuelva a abrir la aplicación; si el archivo falta, se restaurará "
        "la copia más reciente.",
        f"The data file was deleted or replaced while the application was open ({where}): this change was NOT "
        f"saved.{copy_en} Close and reopen the application; if the file is missing, the latest copy will be "
        "restored.",
        "file_replaced")


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


EXPECTED_TABLES = frozenset({"campaigns", "organisations", "surveys", "survey_sections", "settings"})


class Health(StrEnum):
    MISSING = "missing"  # no file: a new data folder
    EMPTY = "empty"  # a file with nothing in it (0 bytes, or a database without our tables)
    OK = "ok"
    DAMAGED = "damaged"  # readable, and SQLite says it is damaged or not a database


@dataclass(frozen=True)
class Checkup:
    health: Health
    found: str = ""


def check(path: Path, timeout: float = 10.0) -> Checkup:
    """How a database file is, read-only. Raises StorageError when it cannot be read at all (locked by another
    program, no permission, a disk error): that is not damage, and nothing must be done to the file."""
    try:
        if not path.exists():
            return Checkup(Health.MISSING)
        if not path.is_file():
            raise StorageError(f"{path} no es un archivo de base de datos (es una carpeta u otra cosa).",
                               f"{path} is not a database file (it is a folder or something else).", "not_a_file")
        if path.stat().st_size == 0:
            return Checkup(Health.EMPTY, "0 bytes")
    except OSError as exc:
        raise os_error(exc, path) from exc
    try:
        conn = connect_read_only(path, timeout)
    except StorageError as exc:
        if exc.code == "corrupt":
            return Checkup(Health.DAMAGED, exc.message_en)
        raise
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        found = "; ".join(str(r[0]) for r in rows)
        if found != "ok":
            return Checkup(Health.DAMAGED, found)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        if is_damage(exc):
            return Checkup(Health.DAMAGED, str(exc))
        raise translate(exc) from exc
    finally:
        conn.close()
    if version == 0 and not tables:
        return Checkup(Health.EMPTY, "no tables")
    if version > SCHEMA_VERSION:  # a newer app's data: not ours to judge (opening refuses it, untouched)
        return Checkup(Health.OK, "newer schema")
    if EXPECTED_TABLES - tables:
        return Checkup(Health.DAMAGED, f"missing tables: {', '.join(sorted(EXPECTED_TABLES - tables))}")
    return Checkup(Health.OK, "ok")


def integrity_ok(path: Path) -> tuple[bool, str]:
    """(True, "ok") when the file is a readable database of ours that passes SQLite's integrity check."""
    try:
        result = check(path)
    except StorageError as exc:
        return False, exc.message_en
    return result.health is Health.OK, result.found
