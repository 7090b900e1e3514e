"""Dependencies: one constraints file with the exact versions the tests pass with, used by every install (CI, the
README, the offline wheelhouse, the bundle); and the libraries whose insides the app uses bounded below their next
major version (what it uses of them: tests/test_library_internals.py)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = "-c constraints.txt"
LEANED_ON = ("XlsxWriter", "openpyxl")  # private methods and attributes used: tests/test_library_internals.py


def test_constraints_pin_every_runtime_and_test_dependency_as_installed():
    run = subprocess.run([sys.executable, str(ROOT / "tests" / "tools" / "update_constraints.py"), "--check"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def _install_commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.search(r"\bpip (install|download)\b", line)
            and "--no-index" not in line]  # installing from the wheelhouse: its wheels are the pinned ones


def test_every_install_command_uses_the_constraints():
    commands = [c for name in ("README.md", ".ci/run") for c in _install_commands((ROOT / name).read_text("utf-8"))]
    assert len(commands) >= 6, commands  # README: the app, the tests, the bundle (Linux, Windows); CI: tests, bundle
    assert all(CONSTRAINTS in c for c in commands), [c for c in commands if CONSTRAINTS not in c]
    wheelhouse = (ROOT / ".ci" / "bundle" / "wheelhouse.py").read_text("utf-8")
    assert '"-c", str(CONSTRAINTS)' in wheelhouse and 'ROOT / "constraints.txt"' in wheelhouse
    bundle = (ROOT / ".ci" / "bundle" / "check_bundle.py").read_text("utf-8")
    assert "off = off_constraints()" in bundle and 'ROOT / "constraints.txt"' in bundle


@pytest.mark.parametrize("name", LEANED_ON)
def test_libraries_whose_insides_are_used_stop_before_their_next_major_version(name):
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    requirement = next(Requirement(r) for r in dependencies if Requirement(r).name == name)
    installed = Version(metadata.version(name))
    assert requirement.specifier.contains(installed), (requirement, installed)
    assert not requirement.specifier.contains(Version(f"{installed.major + 1}.0")), requirement
