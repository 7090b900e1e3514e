"""Storage failures in words a technician can act on: SQLite's (or the operating system's) error turned into a
:class:`StorageError` saying what happened and that what was saved before is safe.

A module of its own, below everything else in storage: the database, its backups and the start-up all raise these,
and none of them needs the others for it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cocoa_desktop.engine.words import say


@dataclass
class StorageError(Exception):
    """A storage failure with a message in Spanish and English. What was saved before it is intact."""

    message_es: str
    message_en: str
    code: str = "storage"

    def __post_init__(self) -> None:
        super().__init__(self.message_es)

    def message(self, lang: str = "es") -> str:
        return say(lang, self.message_es, self.message_en)


# SQLite's primary result codes (the low byte of an extended code)
CORRUPT, NOTADB = 11, 26
FULL, READONLY, BUSY, LOCKED, PERM, CANTOPEN, IOERR, NOMEM = 13, 8, 5, 6, 3, 14, 10, 7


def primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_damage(error: sqlite3.Error) -> bool:
    """True only when SQLite says the file itself is damaged or not a database."""
    code = primary_code(error)
    if code is not None:
        return code in (CORRUPT, NOTADB)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def translate(error: sqlite3.Error | OSError) -> StorageError:
    """SQLite's (or the OS's) English error → a StorageError saying what happened and that saved work is safe."""
    if isinstance(error, OSError):
        return os_error(error)
    code = primary_code(error)
    text = str(error).lower()
    if code == FULL or "full" in text:
        return StorageError(
            "El disco está lleno: no se pudo guardar este cambio. Lo guardado antes está a salvo. "
            "Libere espacio (por ejemplo, borre archivos que no necesite) y vuelva a guardar.",
            "The disk is full: this change could not be saved. What was saved before is safe. "
            "Free some space and save again.",
            "disk_full",
        )
    if code in (READONLY, PERM) or "readonly" in text or "read-only" in text:
        return StorageError(
            "La carpeta de datos es de solo lectura: no se pudo guardar. Lo guardado antes está a salvo.",
            "The data folder is read-only: could not save. What was saved before is safe.",
            "read_only",
        )
    if code in (BUSY, LOCKED) or "locked" in text or "busy" in text:
        return StorageError(
            "La base de datos está ocupada por otro programa (¿una copia de seguridad o un antivirus?). No se "
            "cambió nada; ciérrelo o vuelva a intentarlo en unos segundos.",
            "The database is busy in another program (a backup tool or an antivirus?). Nothing was changed; close "
            "it or try again in a few seconds.",
            "busy",
        )
    if is_damage(error):
        return StorageError(
            "La base de datos está dañada. Cierre y vuelva a abrir la aplicación: se restaurará la última copia.",
            "The database is damaged. Close and reopen the application: the latest backup will be restored.",
            "corrupt",
        )
    if code == CANTOPEN:
        return StorageError(
            "No se pudo abrir la base de datos (¿carpeta de datos movida, sin permiso o en una memoria USB "
            "retirada?). No se cambió nada.",
            "Could not open the database (data folder moved, no permission, or on a removed USB stick?). Nothing "
            "was changed.",
            "cannot_open",
        )
    if code == IOERR:
        return StorageError(
            f"Error del disco al leer o escribir los datos ({error}). No se cambió nada; revise el disco o la "
            "memoria USB.",
            f"Disk error while reading or writing the data ({error}). Nothing was changed; check the disk or USB "
            "stick.",
            "io_error",
        )
    return StorageError(f"Error al guardar los datos: {error}", f"Error while saving data: {error}")


def os_error(error: OSError, path: Path | str | None = None) -> StorageError:
    """A file-system error (no space, read-only, no permission, not a folder …) in the technician's words."""
    import errno

    where = str(path or error.filename or "")
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        return StorageError(f"El disco está lleno ({where}). Lo guardado antes está a salvo; libere espacio.",
                            f"The disk is full ({where}). What was saved before is safe; free some space.",
                            "disk_full")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StorageError(f"Sin permiso para escribir en {where} (solo lectura). No se cambió nada.",
                            f"No permission to write to {where} (read-only). Nothing was changed.", "read_only")
    return StorageError(f"No se pudo usar {where}: {reason}. No se cambió nada.",
                        f"Could not use {where}: {reason}. Nothing was changed.", "os_error")
