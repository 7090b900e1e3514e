"""Package export and import of a regional folder (issue 22: ≤ 5 s each, with progress and cancel).

Builds a data folder of 20,000 valid farm surveys once (bench_app_scale's generator; kept in
``COCOA_BENCH_FOLDER`` when set), then times, each run on a fresh copy: the export of the whole folder, the
import of that package into an empty folder (reading the package apart from merging it), and the same import again
(every survey identical). ``--profile`` prints cProfile's top functions of each import. Figures are printed, never
asserted. Run with another checkout's ``PYTHONPATH`` to compare code before and after a change on the same data:

    .venv/bin/python tests/benchmarks/bench_package_import.py [SURVEYS] [RUNS] [--profile]
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import shutil
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
            start, started = time.perf_counter(), time.process_time()
            incoming = sync.read_incoming(package)
            times["read"] = time.perf_counter() - start

            def first():
                return sync.import_campaigns(office.repo, incoming, str(package), progress=ticks.append)

            report = profiled("import into an empty folder (merge only)", profile, first)
            times["import"], cpu["import"] = time.perf_counter() - start, time.process_time() - started
            start, started = time.perf_counter(), time.process_time()

            def again():
                return sync.import_campaigns(office.repo, sync.read_incoming(package), str(package))

            twice = profiled("the same package again (read + merge)", profile, again)
            times["again"], cpu["again"] = time.perf_counter() - start, time.process_time() - started
    print(f"  export {times['export']:.2f} s ({manifest['surveys']} surveys); import into an empty folder "
          f"{times['import']:.2f} s (reading the package {times['read']:.2f} s; {report.added} added, {len(ticks)} "
          f"progress reports); the same again {times['again']:.2f} s ({twice.identical} identical); CPU "
          f"{cpu['export']:.2f} / {cpu['import']:.2f} / {cpu['again']:.2f} s")
    return times


def main(surveys: int = 20_000, runs: int = 3, profile: bool = False) -> None:
    import cocoa_desktop

    kept = os.environ.get("COCOA_BENCH_FOLDER")
    folder = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="cocoa-packages-"))
    if not (folder / "cocoa-desktop.sqlite3").exists():
        build_folder(folder, surveys)
    print(f"code: {Path(cocoa_desktop.__file__).parent}; load: {os.getloadavg()[0]:.2f}")
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix="cocoa-packages-run-")) / "datos"
        shutil.copytree(folder, work, ignore=shutil.ignore_patterns("*.lock", "backups"))
        try:
            one_run(work, profile)
        finally:
            shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--profile"]
    main(*(int(a) for a in args[:2]), profile="--profile" in sys.argv)
