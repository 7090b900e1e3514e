"""Project hygiene: ruff is clean, and CI runs exactly the README's test command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n((?:sudo apt-get .+? && )?python3 -m venv .+?)\n```", text)


def test_ruff_is_clean():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ci_runs_the_readme_test_command():
    commands = _readme_commands()
    assert len(commands) == 2, commands  # one to run the app, one to pass the tests
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_readme_run_command_opens_the_app_or_a_real_subcommand():
    run_command = next(c for c in _readme_commands() if "pytest" not in c)
    words = run_command.rsplit("cocoa-desktop", 1)[1].split()
    from cocoa_desktop.cli.app import _parser

    choices = next(a for a in _parser()._actions if a.dest == "command").choices
    assert not words or words[0] in choices  # no sub-command opens the window
