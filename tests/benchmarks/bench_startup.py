"""Benchmark: launch to first window for the console script users run (``cocoa-desktop``, no arguments) against a
bare PySide6 QWizard window, in interleaved runs of one sitting. Prints medians and their ratio (aim: ≤ 1.5×).

Each sample is a fresh process, interpreter start included, timed from launch until its first window is painted
(the wall-clock time the process prints then; the time until it has exited is printed too). Both kinds of process
get the same small ``sitecustomize`` (startup_hook/): ``show()`` of the first window paints it, prints the time and
quits the event loop. Run from the project root:
``python tests/benchmarks/bench_startup.py [RUNS]`` (offscreen unless QT_QPA_PLATFORM says otherwise).
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
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "COCOA_DESKTOP_DATA_DIR": tempfile.mkdtemp(prefix="cocoa-startup-"),
           "PYTHONPATH": str(HOOK), "COCOA_QUIT_WHEN_SHOWN": "1"}
    sample(COMMAND, env)  # the first run creates the database; later runs are ordinary start-ups
    sample(BARE, env)
    bare, app = [], []
    for _ in range(repeat):  # interleaved, so that machine load affects both alike
        bare.append(sample(BARE, env))
        app.append(sample(COMMAND, env))
    b, a = (statistics.median(s[0] for s in bare), statistics.median(s[0] for s in app))
    b_end, a_end = (statistics.median(s[1] for s in bare), statistics.median(s[1] for s in app))
    print(f"launch → first window painted: bare PySide6 QWizard median {b * 1e3:.0f} ms, cocoa-desktop (console "
          f"script, main window) median {a * 1e3:.0f} ms: ratio {a / b:.2f}×")
    print(f"launch → process ended (quit at once): bare {b_end * 1e3:.0f} ms, cocoa-desktop {a_end * 1e3:.0f} ms: "
          f"ratio {a_end / b_end:.2f}× ({repeat} interleaved runs each, platform {env['QT_QPA_PLATFORM']})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
