"""engine/ and storage/ type-check clean: mypy with the pydantic plugin, configured in pyproject.toml ([tool.mypy]:
the packages checked, the strictness, the few libraries without type information)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_engine_and_storage_type_check(tmp_path):
    # a cache of its own: every run checks from scratch (8–13 s on 2 cores), never a stale cache's verdict
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, f"mypy found type errors:\n{result.stdout}{result.stderr}"
