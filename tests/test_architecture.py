"""The engine imports no Qt, no openpyxl and no database code (architecture: one direction of imports)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import cocoa_desktop.engine

ENGINE = Path(cocoa_desktop.engine.__file__).parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "openpyxl", "xlsxwriter", "sqlite3", "sqlalchemy")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_engine_module_imports_gui_workbook_or_database_code():
    offenders = {
        f"{path.relative_to(ENGINE)}: {name}"
        for path in ENGINE.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in FORBIDDEN or name.startswith(("cocoa_desktop.gui", "cocoa_desktop.storage",
                                                                "cocoa_desktop.workbook"))
    }
    assert not offenders, offenders


def test_importing_the_whole_engine_loads_none_of_them():
    modules = sorted(
        "cocoa_desktop.engine." + ".".join(p.relative_to(ENGINE).with_suffix("").parts)
        for p in ENGINE.rglob("*.py") if p.name != "__init__.py"
    )
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\nprint(bad)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
    assert len(modules) >= 10


def _offenders(package: Path, forbidden: tuple[str, ...]) -> set[str]:
    return {
        f"{path.relative_to(package)}: {name}"
        for path in package.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in forbidden or any(name.startswith(p) for p in forbidden if "." in p)
    }


def test_storage_and_workbook_depend_only_on_the_engine():
    """gui → {storage, workbook, engine}; storage and workbook → engine; never sideways or upwards."""
    root = ENGINE.parent
    storage = _offenders(root / "storage", ("PySide6", "pyqtgraph", "openpyxl", "cocoa_desktop.gui",
                                            "cocoa_desktop.workbook"))
    workbook = _offenders(root / "workbook", ("PySide6", "pyqtgraph", "sqlite3", "cocoa_desktop.gui",
                                              "cocoa_desktop.storage"))
    assert not storage and not workbook, (storage, workbook)
