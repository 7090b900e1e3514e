"""Open and save dialogs: Qt's own dialog everywhere (not the system's), so that it speaks the app's language
(i18n installs Qt's translations) and works the same from the keyboard on every laptop; each starts in the folder
last used for its kind of file (packages, Excel, PDF, charts …), never in the program's working folder.

The folders are kept in ``file-dialogs.json`` in the data folder (where ``COCOA_DESKTOP_DATA_DIR`` says), so that
they need no database (the economics and sampling windows have none) and survive a restart. That file is a
convenience: one that cannot be read or written is ignored (the folders are then remembered until the app
closes), never an error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

STORE_NAME = "file-dialogs.json"
PREFERRED_SIZE = (820, 540)  # names, sizes and dates readable; less on a small screen (a 1024×768 projector)
# kinds of file: each remembers its own folder
PACKAGE, EXCEL, PDF, CHARTS, CSV, PRODUCERS, ECONOMICS, SUBMISSIONS = (
    "package", "excel", "pdf", "charts", "csv", "producers", "economics", "submissions")

_memory: dict[str, dict[str, str]] = {}  # store file → {kind: folder}: what was chosen, even if it was not written


def store_file() -> Path:
    from cocoa_desktop.storage.paths import data_dir

    return data_dir(create=False) / STORE_NAME


def _stored(path: Path) -> dict[str, str]:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, unreadable, not JSON, not UTF-8
        return {}
    if not isinstance(content, dict):
        return {}
    return {k: v for k, v in content.items() if isinstance(k, str) and isinstance(v, str)}


def default_folder() -> Path:
    """The user's Documents folder, or their home folder."""
    try:
        import platformdirs

        documents = Path(platformdirs.user_documents_dir())
        if documents.is_dir():
            return documents
    except Exception:  # an odd system's configuration: the home folder will do
        pass
    return Path.home()


def last_folder(kind: str) -> Path:
    """The folder last used for ``kind`` if it still exists, else :func:`default_folder`."""
    try:
        path = store_file()
        folder = _memory.get(str(path), {}).get(kind) or _stored(path).get(kind)
        if folder and Path(folder).is_dir():
            return Path(folder)
    except (OSError, ValueError):  # a path the system refuses: never stop a dialog from opening
        pass
    return default_folder()


def remember(kind: str, chosen: str | Path) -> None:
    """Remember the folder of ``chosen`` (a file, or a folder) for ``kind``; written at once, quietly."""
    try:
        chosen = Path(chosen)
        folder = str(chosen if chosen.is_dir() else chosen.parent)
        path = store_file()
        _memory.setdefault(str(path), {})[kind] = folder
        content = _stored(path)
        content[kind] = folder
        temporary = path.with_name(f".{STORE_NAME}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, path)  # whole or not at all
    except (OSError, ValueError):  # read-only or full disk, a folder in the way: remembered until closing
        pass


def dialog(parent: QWidget | None, kind: str, title: str, name_filter: str, save: bool,
           suggested_name: str = "") -> QFileDialog:
    """Qt's dialog (not the system's), in the folder last used for ``kind``, the file name box with the focus."""
    box = QFileDialog(parent, title, str(last_folder(kind)), name_filter)
    box.setObjectName("file_dialog")
    box.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    box.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if suggested_name:
        box.selectFile(suggested_name)
    screen = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
    box.resize(min(PREFERRED_SIZE[0], screen.width() - 40), min(PREFERRED_SIZE[1], screen.height() - 80))
    return box


def _chosen(box: QFileDialog, kind: str) -> list[str]:
    """The files chosen in ``box`` ([] if cancelled), their folder remembered for ``kind``."""
    if box.exec() != QDialog.DialogCode.Accepted:
        return []
    chosen = box.selectedFiles()
    if chosen:
        remember(kind, chosen[0])
    return chosen


def _ask(box: QFileDialog, kind: str) -> str:
    return next(iter(_chosen(box, kind)), "")


def save_path(parent: QWidget | None, kind: str, title: str, suggested_name: str, name_filter: str) -> str:
    """Where to save a file of ``kind`` ("" if cancelled): the suggested name in the folder last used for it."""
    return _ask(dialog(parent, kind, title, name_filter, True, suggested_name), kind)


def open_path(parent: QWidget | None, kind: str, title: str, name_filter: str) -> str:
    """An existing file of ``kind`` to open ("" if cancelled), chosen from the folder last used for it."""
    return _ask(dialog(parent, kind, title, name_filter, False), kind)


def open_paths(parent: QWidget | None, kind: str, title: str, name_filter: str) -> list[str]:
    """Existing files of ``kind`` to open, one or several ([] if cancelled), from the folder last used for it."""
    box = dialog(parent, kind, title, name_filter, False)
    box.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _chosen(box, kind)
