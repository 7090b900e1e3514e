"""Benchmark: start-up of the console script users run (``cocoa-desktop``, no arguments) against a bare PySide6
QWizard, in interleaved runs of one sitting. Prints medians and the median of the pairwise ratios (aim: ≤ 1.5×).

Two figures:
- **whole process, data open** (the issue-17 measure): ``cocoa-desktop`` started, its window shown, the data folder
  opened (commands enabled, tree filled), then quit (``COCOA_DESKTOP_SMOKE_TEST``); against a bare QWizard shown and
  quit the same way. Each sample is a fresh process, interpreter start and exit included.
- **launch → first window painted**: both get the same small ``sitecustomize`` (startup_hook/) whose first
  ``show()`` paints, prints the time and quits.

Python's bytecode caches are allowed (``PYTHONDONTWRITEBYTECODE`` removed), as on a laptop after its first start:
the warm-up run writes them. On a real screen (``DISPLAY`` set) Qt's xcb platform is used, else offscreen.
Run from the project root: ``python tests/benchmarks/bench_startup.py [RUNS]``, e.g. under
``xvfb-run -s "-screen 0 1024x768x24" python tests/benchmarks/bench_startup.py 15``.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOOK = Path(__file__).parent / "startup_hook"
COMMAND = [str(Path(sys.executable).parent / "cocoa-desktop")]
BARE = [sys.executable, "-c", "from PySide6.QtWidgets import QApplication, QWizard\n"
                              "app = QApplication([])\nwizard = QWizard()\nwizard.show()\napp.exec()\n"]
BARE_QUIT = [sys.executable, "-c", "from PySide6.QtCore import QTimer\n"
                                   "from PySide6.QtWidgets import QApplication, QWizard\n"
                                   "app = QApplication([])\nwizard = QWizard()\nwizard.show()\n"
                                   "QTimer.singleShot(0, app.quit)\napp.exec()\n"]


def whole(command: list[str], env: dict[str, str]) -> float:
    """Launch → process ended, in seconds (the app quits once its window is up and its data are open)."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or done.stderr:
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr[-1000:]}")
    return time.perf_counter() - start


def sample(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(launch → first window painted, launch → process ended), in seconds."""
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    ended = time.time() - start
    mark = re.search(r"first window shown at ([\d.]+)", done.stdout)
    if mark is None or done.returncode != 0:
        raise SystemExit(f"{command[0]} did not show a window or failed ({done.returncode}): {done.stderr[-1000:]}")
    return float(mark.group(1)) - start, ended


def main(repeat: int = 9) -> None:
    platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", platform),
                COCOA_DESKTOP_DATA_DIR=tempfile.mkdtemp(prefix="cocoa-startup-"))
    smoke = {**base, "COCOA_DESKTOP_SMOKE_TEST": "1"}
    hooked = {**base, "PYTHONPATH": str(HOOK), "COCOA_QUIT_WHEN_SHOWN": "1"}
    whole(COMMAND, smoke)  # the first run creates the database and writes the bytecode caches
    whole(BARE_QUIT, smoke)
    sample(COMMAND, hooked)
    sample(BARE, hooked)
    bare_whole, app_whole, bare, app = [], [], [], []
    for _ in range(repeat):  # interleaved, so that machine load affects both alike
        bare_whole.append(whole(BARE_QUIT, smoke))
        app_whole.append(whole(COMMAND, smoke))
        bare.append(sample(BARE, hooked))
        app.append(sample(COMMAND, hooked))
    median = statistics.median
    ratio = median(a / b for a, b in zip(app_whole, bare_whole, strict=True))
    print(f"whole process, window shown and data open, then quit: bare PySide6 QWizard median "
          f"{median(bare_whole) * 1e3:.0f} ms, cocoa-desktop {median(app_whole) * 1e3:.0f} ms: median ratio "
          f"{ratio:.2f}× (aim ≤ 1.5×)")
    b, a = median(s[0] for s in bare), median(s[0] for s in app)
    print(f"launch → first window painted: bare {b * 1e3:.0f} ms, cocoa-desktop {a * 1e3:.0f} ms: "
          f"median ratio {median(x[0] / y[0] for x, y in zip(app, bare, strict=True)):.2f}× "
          f"({repeat} interleaved runs each, platform {base['QT_QPA_PLATFORM']})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
