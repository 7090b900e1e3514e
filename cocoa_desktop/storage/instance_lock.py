"""One copy of the app per data folder: a second one is refused politely instead of sharing the database.

An OS file lock (fcntl on Linux/macOS, msvcrt on Windows) is released by the OS when the process dies, so a
crash or a killed process never leaves a stale lock behind. In a folder that cannot be written (a read-only mount,
another user's folder) the lock is taken on the existing lock file opened for reading when possible, and the app
opens the data read-only.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import IO

from cocoa_desktop.storage.database import StorageError, os_error

LOCK_NAME = ".cocoa-desktop.lock"
_NOT_WRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


def already_running() -> StorageError:
    return StorageError(
        "La aplicación ya está abierta con esta carpeta de datos. Use la ventana que ya está abierta "
        "(puede estar minimizada) para no mezclar cambios.",
        "The application is already open with this data folder. Use the window that is already open "
        "(it may be minimised) so that changes are not mixed up.",
        "already_running",
    )


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._handle: IO[bytes] | None = None
        self.writable = True  # False: the folder cannot be written; the data opens read-only

    def acquire(self) -> InstanceLock:
        handle = self._open()
        if handle is None:  # no lock file and none can be made: nobody can be writing here either
            self.writable = False
            return self
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK):
                raise already_running() from None
            raise os_error(exc, self.path) from None
        if self.writable:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()).encode())
            handle.flush()
        self._handle = handle
        return self

    def _open(self) -> IO[bytes] | None:
        if self.path.is_dir():
            raise StorageError(
                f"{self.path} es una carpeta y debería ser el archivo de bloqueo de la aplicación: cámbiele el "
                "nombre o bórrela (está vacía o no es de la aplicación) y vuelva a abrir.",
                f"{self.path} is a folder where the application's lock file should be: rename or delete it and "
                "open the application again.",
                "lock_is_folder",
            )
        try:
            return open(self.path, "a+b")  # held open for the life of the app
        except OSError as exc:
            if exc.errno not in _NOT_WRITABLE:
                raise os_error(exc, self.path) from None
        self.writable = False
        try:
            return open(self.path, "rb")
        except OSError:
            return None

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the lock on every platform
            self._handle = None
