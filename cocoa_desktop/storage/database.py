"""The embedded database: opening it safely, and turning SQLite failures into messages a technician can act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class StorageError(Exception):
    """A storage failure with a message in Spanish and English. What was saved before it is intact."""

    message_es: str
    message_en: str
    code: str = "storage"

    def __post_init__(self) -> None:
        super().__init__(self.message_es)

    def message(self, lang: str = "es") -> str:
        return self.message_en if lang == "en" else self.message_es


def translate(error: sqlite3.Error) -> StorageError:
    """SQLite's English error → a StorageError saying what happened and that saved work is safe."""
    text = str(error).lower()
    code = getattr(error, "sqlite_errorname", "")
    if "full" in text or code == "SQLITE_FULL":
        return StorageError(
            "El disco está lleno: no se pudo guardar este cambio. Lo guardado antes está a salvo. "
            "Libere espacio (por ejemplo, borre archivos que no necesite) y vuelva a guardar.",
            "The disk is full: this change could not be saved. What was saved before is safe. "
            "Free some space and save again.",
            "disk_full",
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(
            "La carpeta de datos es de solo lectura: no se pudo guardar. Lo guardado antes está a salvo.",
            "The data folder is read-only: could not save. What was saved before is safe.",
            "read_only",
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            "La base de datos está ocupada por otro programa; vuelva a intentarlo en unos segundos.",
            "The database is busy in another program; try again in a few seconds.",
            "busy",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(
            "La base de datos está dañada. Cierre y vuelva a abrir la aplicación: se restaurará la última copia.",
            "The database is damaged. Close and reopen the application: the latest backup will be restored.",
            "corrupt",
        )
    return StorageError(f"Error al guardar los datos: {error}", f"Error while saving data: {error}")


def connect(path: Path) -> sqlite3.Connection:
    """Open with WAL, foreign keys and full sync (a laptop may lose power right after a save)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    conn.row_factory = sqlite3.Row
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: all of it is saved, or none of it (and the error is translated)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise translate(exc) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def integrity_ok(path: Path) -> tuple[bool, str]:
    """(True, "ok") when SQLite's integrity check passes; (False, what it found) otherwise."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return False, str(exc)
    found = "; ".join(str(r[0]) for r in rows)
    return found == "ok", found
