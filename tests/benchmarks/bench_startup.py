"""Benchmark: launch to first window for the console script users run (``cocoa-desktop``, no arguments) against a
bare PySide6 QWizard window, in interleaved runs of one sitting. Prints medians and their ratio (aim: ≤ 1.5×).

Each sample is a fresh process, interpreter start included, timed from launch until it exits. Both kinds of process
get the same small ``sitecustomize`` (startup_hook/): it makes ``show()`` of the first window quit the event loop
as soon as it runs, so a sample is "until the first window is shown", plus exit. Run from the project root:
``python tests/benchmarks/bench_startup.py [RUNS]`` (offscreen unless QT_QPA_PLATFORM says otherwise).
"""

from __future__ import annotations

import os
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


def sample(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if "first window shown" not in done.stdout or done.returncode != 0:
        raise SystemExit(f"{command[0]} did not show a window or failed ({done.returncode}): {done.stderr[-1000:]}")
    return elapsed


def main(repeat: int = 9) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "COCOA_DESKTOP_DATA_DIR": tempfile.mkdtemp(prefix="cocoa-startup-"),
           "PYTHONPATH": str(HOOK), "COCOA_QUIT_WHEN_SHOWN": "1"}
    sample(COMMAND, env)  # the first run creates the database; later runs are ordinary start-ups
    sample(BARE, env)
    bare, app = [], []
    for _ in range(repeat):  # interleaved, so that machine load affects both alike
        bare.append(sample(BARE, env))
        app.append(sample(COMMAND, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 QWizard: median {b * 1e3:.0f} ms (min {min(bare) * 1e3:.0f}); "
          f"cocoa-desktop (console script) to its main window: median {a * 1e3:.0f} ms (min {min(app) * 1e3:.0f}); "
          f"ratio of medians {a / b:.2f}× ({repeat} runs each, platform {env['QT_QPA_PLATFORM']})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
