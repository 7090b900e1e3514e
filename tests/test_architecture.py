"""The architecture's import rules, checked so that no way of writing an import slips past them.

The rules are import-linter contracts in pyproject.toml ([tool.importlinter]): the layers (entry points > gui >
storage | workbook > engine), what the engine, storage and workbook may not import (Qt, the spreadsheet libraries,
the database), and that only the wizard imports its pages. import-linter reads every import statement — absolute or
relative, ``from package import module``, inside a function, under TYPE_CHECKING — and follows indirect imports for
the forbidden libraries. What it cannot see, an import by a string, is forbidden by a test of its own; the engine is
also imported whole in a fresh interpreter, and what that loaded is looked at. And no two modules import each
other, directly or round a ring.
"""

from __future__ import annotations

import ast
import itertools
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

import cocoa_desktop

PACKAGE = Path(cocoa_desktop.__file__).parent
ROOT = PACKAGE.parent
ENGINE = PACKAGE / "engine"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "openpyxl", "xlsxwriter", "sqlite3", "sqlalchemy")
LINT_IMPORTS = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                "sys.exit(lint_imports_command())"]
CONTRACTS = {c["id"]: c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
             ["contracts"]}
# the wizard's face, imported from outside it: the wizard window, the survey being edited, what each page asks
WIZARD_FACE = {"__init__", "wizard", "session", "specs"}


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on the package under ``root`` (this project, or a copy of it), with that root's pyproject."""
    return subprocess.run([*LINT_IMPORTS, str(root / "pyproject.toml"), "--no-cache"], cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}, capture_output=True,
                          text=True, timeout=300, check=False)


def test_the_import_contracts_are_kept():
    run = _lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in run.stdout, run.stdout


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A copy of the package and its pyproject.toml, as they are: the contracts hold on it."""
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(PACKAGE, root / "cocoa_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root)
    return root


# module of the copy: (line appended to it, the contracts it breaks, the import the report names). A forbidden library
# reached through another module counts too: Qt imported by an engine module also breaks the workbook's contract
# where the workbook imports that module.
BREACHES = {
    "engine/footprint/compute.py": ("from cocoa_desktop import gui", {"layers"},
                            "cocoa_desktop.engine.footprint.compute -> cocoa_desktop.gui"),
    "engine/model/numbers.py": ("from ...gui import app", {"layers", "engine"},  # through app: Qt, sqlite3 …
                          "cocoa_desktop.engine.model.numbers -> cocoa_desktop.gui.app"),
    "engine/report.py": ("def _f():\n    from cocoa_desktop.gui.charts import bars", {"layers"},
                         "cocoa_desktop.engine.report -> cocoa_desktop.gui.charts.bars"),
    "engine/footprint/results.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                    "    import cocoa_desktop.gui.charts.svg",
                          {"layers"}, "cocoa_desktop.engine.footprint.results -> cocoa_desktop.gui.charts.svg"),
    "engine/files/survey_io.py": ("from cocoa_desktop.storage import paths", {"layers", "engine"},  # paths: sqlite3
                            "cocoa_desktop.engine.files.survey_io -> cocoa_desktop.storage.paths"),
    "engine/footprint/factors.py": ("import sqlite3", {"engine"}, "cocoa_desktop.engine.footprint.factors -> sqlite3"),
    "engine/footprint/checks.py": ("def _f():\n    from PySide6 import QtCore", {"engine"},
                         "cocoa_desktop.engine.footprint.checks -> PySide6"),
    "engine/decisions/scenarios.py": ("import xlsxwriter.workbook", {"engine"},
                                      "cocoa_desktop.engine.decisions.scenarios -> xlsxwriter"),
    "storage/schema.py": ("from cocoa_desktop.gui.charts import bars", {"layers"},
                          "cocoa_desktop.storage.schema -> cocoa_desktop.gui.charts.bars"),
    "storage/packages.py": ("import openpyxl", {"storage"}, "cocoa_desktop.storage.packages -> openpyxl"),
    "storage/paths.py": ("from PySide6.QtCore import QStandardPaths", {"storage"},
                         "cocoa_desktop.storage.paths -> PySide6"),
    "workbook/values.py": ("from cocoa_desktop.storage import schema", {"layers", "workbook"},  # sideways
                           "cocoa_desktop.workbook.values -> cocoa_desktop.storage.schema"),
    "workbook/reader.py": ("import sqlite3", {"workbook"}, "cocoa_desktop.workbook.reader -> sqlite3"),
    "workbook/xlsx.py": ("import pyqtgraph", {"workbook"}, "cocoa_desktop.workbook.xlsx -> pyqtgraph"),
    "gui/help.py": ("from cocoa_desktop.cli import output", {"layers"},  # upwards, to an entry point
                    "cocoa_desktop.gui.help -> cocoa_desktop.cli.output"),
    "cli_extra.py": ("", {"layers"}, "cocoa_desktop.cli_extra"),  # a module given no layer
    "gui/decisions/economics_window.py": ("from cocoa_desktop.gui.wizard import results_page", {"wizard-pages"},
                                          "cocoa_desktop.gui.decisions.economics_window -> "
                                          "cocoa_desktop.gui.wizard.results_page"),
    "gui/main/window.py": ("from ..wizard.item_table import ItemTable", {"wizard-pages"},
                           "cocoa_desktop.gui.main.window -> cocoa_desktop.gui.wizard.item_table"),
}


def test_the_contracts_hold_on_an_untouched_copy(pristine):
    run = _lint_imports(pristine)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("module", list(BREACHES))
def test_each_contract_fails_when_broken(pristine, tmp_path, module):
    """The contracts bite: a copy of the package with one forbidden import added fails lint-imports, which names
    the contracts broken and the import, however the import is written (relative, inside a function, for types)."""
    line, contracts, named = BREACHES[module]
    root = tmp_path / "copy"
    shutil.copytree(pristine, root)
    path = root / "cocoa_desktop" / module
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + f"\n{line}\n", encoding="utf-8")
    run = _lint_imports(root)
    report = " ".join((run.stdout + run.stderr).split())  # lines broken at the terminal's width joined again
    assert run.returncode == 1, report
    broken = {key for key, c in CONTRACTS.items() if f"{' '.join(c['name'].split())} BROKEN" in report}
    assert contracts <= broken, report
    assert named in report, report


def test_every_module_of_the_wizard_is_its_face_or_one_of_its_pages():
    """A new module in gui/wizard is either imported from outside (its face) or protected as a page's part."""
    pages = {name.rsplit(".", 1)[1] for name in CONTRACTS["wizard-pages"]["protected_modules"]}
    found = {p.stem for p in (PACKAGE / "gui" / "wizard").glob("*.py")}
    assert found == WIZARD_FACE | pages, (found, WIZARD_FACE, pages)


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


# ---- no import cycle ----

def import_cycles(package: str) -> list[list[str]]:
    """One cycle of imports (a list of modules, the first repeated at the end) for each group of modules that
    import one another, directly or round a ring; every import counts: at the top, inside a function, under
    TYPE_CHECKING."""
    graph = grimp.build_graph(package, cache_dir=None)
    imports = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:  # Tarjan's strongly connected components, without recursion
        work = [(start, iter(sorted(imports[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports[target]))))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for module in sorted(imports):
        if module not in index:
            visit(module)
    return [_cycle_in(sorted(group), imports) for group in sorted(groups)]


def _cycle_in(group: list[str], imports: dict[str, set[str]]) -> list[str]:
    """The shortest way from the group's first module back to itself, through the group."""
    start = group[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(imports[module] & set(group)):
                if target == start:
                    path = [module]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if target not in came_from:
                    came_from[target] = module
                    following.append(target)
        frontier = following
    raise AssertionError(f"no cycle through {group}")


def _describe(cycle: list[str], package: str) -> str:
    graph = grimp.build_graph(package, cache_dir=None)
    steps = []
    for importer, imported in itertools.pairwise(cycle):
        lines = sorted(d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported))
        steps.append(f"{importer} → {imported} (line {', '.join(map(str, lines))})")
    return "\n  ".join(steps)


def test_no_module_imports_another_that_imports_it_back():
    cycles = import_cycles("cocoa_desktop")
    assert not cycles, "import cycles:\n" + "\n".join(f"  {_describe(c, 'cocoa_desktop')}" for c in cycles)


def test_the_cycle_check_sees_imports_inside_functions_and_for_types(tmp_path, monkeypatch):
    package = tmp_path / "ringpkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from ringpkg import b\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import c\n")
    (package / "c.py").write_text("import ringpkg.a\n")
    (package / "d.py").write_text("from ringpkg import a\n")  # imports into the ring: not part of it
    monkeypatch.syspath_prepend(str(tmp_path))
    assert import_cycles("ringpkg") == [["ringpkg.a", "ringpkg.b", "ringpkg.c", "ringpkg.a"]]
    assert "ringpkg.a → ringpkg.b (line 2)" in _describe(import_cycles("ringpkg")[0], "ringpkg")


# ---- no import by a string ----

# what imports a module named by a string: importlib's functions, the builtin behind the import statement
STRING_IMPORTS = {"import_module", "__import__", "spec_from_file_location", "module_from_spec", "exec_module",
                  "load_module", "run_module", "run_path"}


def string_imports(source: str) -> list[str]:
    """Where ``source`` imports a module by its name as a string, or reaches for what would (line: what)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names if alias.name.split(".")[0] == "runpy"]
        elif isinstance(node, ast.ImportFrom):
            names = [alias.name for alias in node.names if alias.name in STRING_IMPORTS or node.module == "runpy"]
        elif isinstance(node, ast.Attribute):
            names = [node.attr] if node.attr in STRING_IMPORTS else []
        elif isinstance(node, ast.Name):
            names = [node.id] if node.id in STRING_IMPORTS else []
        elif isinstance(node, ast.Constant):  # getattr(importlib, "import_module")
            names = [node.value] if isinstance(node.value, str) and node.value in STRING_IMPORTS else []
        else:
            names = []
        found += [f"{node.lineno}: {name}" for name in names]
    return found


def test_no_module_imports_by_a_string():
    """An import by a string is invisible to the contracts and to the cycle check: none in the package."""
    offenders = {f"{path.relative_to(PACKAGE)}:{where}" for path in PACKAGE.rglob("*.py")
                 for where in string_imports(path.read_text(encoding="utf-8"))}
    assert not offenders, sorted(offenders)


@pytest.mark.parametrize("source", [
    "import importlib\nimportlib.import_module('cocoa_desktop.gui.app')",
    "from importlib import import_module as load\nload('x')",
    "m = __import__('cocoa_desktop.gui')",
    "import builtins\nbuiltins.__import__('x')",
    "import importlib\ngetattr(importlib, 'import_module')('x')",
    "import importlib.util\nspec = importlib.util.spec_from_file_location('x', 'x.py')",
    "import runpy",
])
def test_the_string_import_check_sees_each_spelling(source):
    assert string_imports(source)
