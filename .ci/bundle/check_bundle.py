"""Build the one-folder bundle with PyInstaller and check it as a technician would use it: its size, the
calculation (`demo`) and the window started offscreen; prints its start-up time against the venv's console script.

Run from the project root in the venv: ``python .ci/bundle/check_bundle.py [--dist DIR]``. Exit 1 on a failure.
The venv must hold the versions the tests pass with (``pip install -c constraints.txt -e ".[bundle]"``): the bundle
carries what the venv has, and a package at another version stops the script before it builds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"
MAX_MB = 250


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def off_constraints() -> list[str]:
    """The installed packages at another version than constraints.txt pins (a pinned package that is not
    installed is another platform's or the tests' alone: not bundled)."""
    found = []
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        name, _, pinned = line.partition("==")
        if line.startswith("#") or not pinned:
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        if installed != pinned:
            found.append(f"{name} {installed} (constraints.txt: {pinned})")
    return found


def start_time(command: list[str], env: dict[str, str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    args = parser.parse_args()
    off = off_constraints()
    if off:
        print("FAILED: the venv does not hold the tested versions: " + ", ".join(off) + '; install with '
              '`pip install -c constraints.txt -e ".[bundle]"`', file=sys.stderr)
        return 1
    dist, work = Path(args.dist), Path(tempfile.mkdtemp(prefix="cocoa-build-"))
    spec = ROOT / ".ci" / "bundle" / "cocoa-desktop.spec"
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
                    str(dist), "--workpath", str(work), str(spec)], check=True, cwd=ROOT)
    shutil.rmtree(work, ignore_errors=True)
    bundle = dist / "cocoa-desktop"
    suffix = ".exe" if sys.platform == "win32" else ""
    exe, cli = bundle / f"cocoa-desktop{suffix}", bundle / f"cocoa-desktop-cli{suffix}"
    size = folder_mb(bundle)
    print(f"bundle built in {time.perf_counter() - begin:.0f} s: {size:.0f} MB in {bundle}")
    failures = []
    if size > MAX_MB:
        failures.append(f"the bundle is {size:.0f} MB, more than {MAX_MB} MB")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COCOA_DESKTOP_SMOKE_TEST": "1",
           "COCOA_DESKTOP_DATA_DIR": tempfile.mkdtemp(prefix="cocoa-bundle-data-")}
    demo = subprocess.run([str(cli), "demo"], env=env, capture_output=True, text=True, timeout=120)
    if demo.returncode != 0 or "13 702,1" not in demo.stdout:
        failures.append(f"`demo` in the bundle: exit {demo.returncode}\n{demo.stdout[-800:]}\n{demo.stderr[-800:]}")
    window = subprocess.run([str(exe)], env=env, capture_output=True, text=True, timeout=120)
    if window.returncode != 0 or "Traceback" in window.stderr:
        failures.append(f"the window in the bundle: exit {window.returncode}\n{window.stderr[-800:]}")
    if not failures:
        venv_script = Path(sys.executable).with_name(f"cocoa-desktop{suffix}")
        bundled, venv = start_time([str(exe)], env), start_time([str(venv_script)], env)
        print(f"start-up to the main window (offscreen, median of 5): bundle {bundled * 1e3:.0f} ms, "
              f"venv console script {venv * 1e3:.0f} ms ({bundled / venv:.2f}×)")
    for failure in failures:
        print("FAILED:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
