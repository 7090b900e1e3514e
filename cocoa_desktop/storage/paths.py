"""The one place that decides where data lives (platformdirs; COCOA_DESKTOP_DATA_DIR overrides it)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from cocoa_desktop.storage.database import StorageError, os_error

ENV_VAR = "COCOA_DESKTOP_DATA_DIR"
APP_NAME = "cocoa-desktop"
DATABASE_NAME = "cocoa-desktop.sqlite3"


def data_dir(create: bool = True) -> Path:
    """The user's data folder, or the folder named by COCOA_DESKTOP_DATA_DIR (tests, portable installs)."""
    override = os.environ.get(ENV_VAR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return folder(path) if create else path


def folder(path: Path) -> Path:
    """``path`` as an existing folder (created if missing); a clear error if it is a file or cannot be made.

    A folder that exists but cannot be written is returned as it is: the data then open read-only."""
    if path.is_dir():
        return path
    if path.exists():
        raise StorageError(
            f"{path} es un archivo, no una carpeta: la aplicación guarda sus datos en una carpeta con ese nombre. "
            "Muévalo o cámbiele el nombre.",
            f"{path} is a file, not a folder: the application keeps its data in a folder of that name. Move or "
            "rename it.",
            "not_a_folder",
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, path) from None
    return path


def database_path(data_folder: Path) -> Path:
    return data_folder / DATABASE_NAME


def backup_dir(data_folder: Path, create: bool = True) -> Path:
    path = data_folder / "backups"
    return folder(path) if create else path


def damaged_dir(data_folder: Path) -> Path:
    return folder(data_folder / "damaged")
