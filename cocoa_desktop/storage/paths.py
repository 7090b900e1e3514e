"""The one place that decides where data lives (platformdirs; COCOA_DESKTOP_DATA_DIR overrides it)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "COCOA_DESKTOP_DATA_DIR"
APP_NAME = "cocoa-desktop"
DATABASE_NAME = "cocoa-desktop.sqlite3"


def data_dir() -> Path:
    """The user's data folder, or the folder named by COCOA_DESKTOP_DATA_DIR (tests, portable installs)."""
    override = os.environ.get(ENV_VAR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(folder: Path) -> Path:
    return folder / DATABASE_NAME


def backup_dir(folder: Path) -> Path:
    path = folder / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def damaged_dir(folder: Path) -> Path:
    path = folder / "damaged"
    path.mkdir(parents=True, exist_ok=True)
    return path
