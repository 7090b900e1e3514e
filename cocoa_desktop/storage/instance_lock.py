"""One copy of the app per data folder: a second one is refused politely instead of sharing the database.

An OS file lock (fcntl on Linux/macOS, msvcrt on Windows) is released by the OS when the process dies, so a
crash or a killed process never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from cocoa_desktop.storage.database import StorageError

LOCK_NAME = ".cocoa-desktop.lock"


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._handle: IO[bytes] | None = None

    def acquire(self) -> InstanceLock:
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the app
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise StorageError(
                "La aplicación ya está abierta con esta carpeta de datos. Use la ventana que ya está abierta "
                "(puede estar minimizada) para no mezclar cambios.",
                "The application is already open with this data folder. Use the window that is already open "
                "(it may be minimised) so that changes are not mixed up.",
                "already_running",
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the lock on every platform
            self._handle = None
