"""Package export and import of a regional folder (issue 22: ≤ 5 s each, with progress and cancel).

Builds a data folder of 20,000 valid farm surveys once (bench_app_scale's generator; kept in
``COCOA_BENCH_FOLDER`` when set), then times, each run on a fresh copy: the export of the whole folder, the
import of that package into an empty folder (reading the package apart from merging it), and the same import again
(every survey identical), with the import's peak of memory (the resident set's high-water mark, reset before it
where Linux allows). ``--stale`` first makes every stamp stale, as a new survey model does (storage/restamp.py),
and times the first export then, the re-stamp the app runs in the background, and the export after it.
``--profile`` prints cProfile's top functions of each import. ``--fast`` compares, run by run and alternating
which goes first, the import with its fast path (a new survey stored from msgspec's struct of its line,
storage/merge.py) and without it (today's path: every line validated and dumped by the model), and prints the
medians (wall and CPU) of each. Figures are printed, never asserted. Run with another checkout's ``PYTHONPATH``
to compare code before and after a change on the same data:

    .venv/bin/python tests/benchmarks/bench_package_import.py [SURVEYS] [RUNS] [--profile] [--stale] [--fast]
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_app_scale import build_folder


def profiled(label: str, enabled: bool, call):
    if not enabled:
        return call()
    profile = cProfile.Profile()
    result = profile.runcall(call)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(18)
    print(f"---- profile: {label} ----")
    print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))
    return result


def high_water_mb(reset: bool = False) -> float:
    """The process's peak resident set (VmHWM), in MB; ``reset``: start it again from now (Linux' clear_refs 5)."""
    status = Path("/proc/self/status")
    if not status.exists():
        return float("nan")
    if reset:
        with contextlib.suppress(OSError):
            Path("/proc/self/clear_refs").write_text("5")
    for line in status.read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def stale_run(folder: Path) -> None:
    """The first export after a model change, the re-stamp, the export after it (as the app runs them)."""
    import sqlite3

    from cocoa_desktop.storage import sync
    from cocoa_desktop.storage.startup import open_storage

    with sqlite3.connect(folder / "cocoa-desktop.sqlite3") as conn:  # stamps of another model: none current
        conn.execute("UPDATE surveys SET checked = substr('0' || checked, 1, 32) WHERE checked IS NOT NULL")
        conn.execute("DELETE FROM settings WHERE key IN ('stamps_model', 'restamp_after')")
    figures = []
    with tempfile.TemporaryDirectory() as tmp, open_storage(folder) as storage:
        start, started = time.perf_counter(), time.process_time()
        sync.export_package(storage.repo, Path(tmp) / "stale.cacao.zip")
        figures.append((time.perf_counter() - start, time.process_time() - started))
        try:
            from cocoa_desktop.storage import restamp
        except ImportError:  # a checkout from before the re-stamp
            print(f"  first export with stale stamps {figures[0][0]:.2f} s (CPU {figures[0][1]:.2f} s); no re-stamp")
            return
        start, started = time.perf_counter(), time.process_time()
        validated = restamp.run(folder)
        figures.append((time.perf_counter() - start, time.process_time() - started))
        start, started = time.perf_counter(), time.process_time()
        sync.export_package(storage.repo, Path(tmp) / "after.cacao.zip")
        figures.append((time.perf_counter() - start, time.process_time() - started))
    (stale, stale_cpu), (stamping, stamping_cpu), (after, after_cpu) = figures
    print(f"  first export with stale stamps {stale:.2f} s (CPU {stale_cpu:.2f} s); re-stamp of {validated} surveys "
          f"{stamping:.2f} s (CPU {stamping_cpu:.2f} s, in the background in the app); the export after it "
          f"{after:.2f} s (CPU {after_cpu:.2f} s)")


def fast_path(on: bool) -> None:
    """The import's fast path on (as shipped) or off (every line read by the model: the path before it)."""
    from cocoa_desktop.storage import campaign_lines

    real = campaign_lines.__dict__.setdefault("_bench_pending", campaign_lines.pending)
    campaign_lines.pending = real if on else (lambda line: None)


def one_run(folder: Path, profile: bool) -> dict[str, float]:
    from cocoa_desktop.storage import sync
    from cocoa_desktop.storage.startup import open_storage

    times: dict[str, float] = {}
    cpu: dict[str, float] = {}  # this process's CPU seconds: what another process's load changes least
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "todo.cacao.zip"
        with open_storage(folder) as storage:
            start, started = time.perf_counter(), time.process_time()
            manifest, _ = sync.export_package(storage.repo, package)
            times["export"], cpu["export"] = time.perf_counter() - start, time.process_time() - started
        with open_storage(Path(tmp) / "office") as office:
            ticks: list[float] = []
            before = high_water_mb(reset=True)
            start, started = time.perf_counter(), time.process_time()
            incoming = sync.read_incoming(package)
            times["read"] = time.perf_counter() - start

            def first():
                return sync.import_campaigns(office.repo, incoming, str(package), progress=ticks.append)

            report = profiled("import into an empty folder (merge only)", profile, first)
            times["import"], cpu["import"] = time.perf_counter() - start, time.process_time() - started
            peak = high_water_mb()
            start, started = time.perf_counter(), time.process_time()

            def again():
                return sync.import_campaigns(office.repo, sync.read_incoming(package), str(package))

            twice = profiled("the same package again (read + merge)", profile, again)
            times["again"], cpu["again"] = time.perf_counter() - start, time.process_time() - started
    print(f"  export {times['export']:.2f} s ({manifest['surveys']} surveys); import into an empty folder "
          f"{times['import']:.2f} s (reading the package {times['read']:.2f} s; {report.added} added, {len(ticks)} "
          f"progress reports; peak RSS {peak:.0f} MB from {before:.0f}); the same again {times['again']:.2f} s "
          f"({twice.identical} identical); CPU {cpu['export']:.2f} / {cpu['import']:.2f} / {cpu['again']:.2f} s")
    times.update({f"{k} cpu": v for k, v in cpu.items()})
    return times


def main(surveys: int = 20_000, runs: int = 3, profile: bool = False, stale: bool = False,
         compare: bool = False) -> None:
    import cocoa_desktop

    kept = os.environ.get("COCOA_BENCH_FOLDER")
    folder = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="cocoa-packages-"))
    if not (folder / "cocoa-desktop.sqlite3").exists():
        build_folder(folder, surveys)
    print(f"code: {Path(cocoa_desktop.__file__).parent}; load: {os.getloadavg()[0]:.2f}")
    figures: dict[bool, list[dict[str, float]]] = {True: [], False: []}
    for run in range(runs):
        for fast in ((run % 2 == 0, run % 2 != 0) if compare else (True,)):
            work = Path(tempfile.mkdtemp(prefix="cocoa-packages-run-")) / "datos"
            shutil.copytree(folder, work, ignore=shutil.ignore_patterns("*.lock", "backups"))
            try:
                if stale:
                    stale_run(work)
                if compare:
                    fast_path(fast)
                    print(f"  [fast path {'on' if fast else 'off'}]")
                figures[fast].append(one_run(work, profile))
            finally:
                shutil.rmtree(work.parent, ignore_errors=True)
    if compare:
        fast_path(True)
        for key in ("import", "import cpu", "again", "again cpu"):
            on, off = (statistics.median(f[key] for f in figures[side]) for side in (True, False))
            print(f"median {key}: fast path {on:.2f} s, without it {off:.2f} s ({on / off:.2f}x)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(*(int(a) for a in args[:2]), profile="--profile" in sys.argv, stale="--stale" in sys.argv,
         compare="--fast" in sys.argv)
