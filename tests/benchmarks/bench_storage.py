"""Benchmark: section-save latency (median, p99) and importing a package of 2,200 farm surveys.

Prints figures, asserts nothing. Run from the project root: ``python tests/benchmarks/bench_storage.py``.
Baseline in the same run: a bare SQLite INSERT-and-COMMIT with the same pragmas (WAL, synchronous=FULL).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_rollup import make_farms

from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.storage.packages import write_package
from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.repair import damaged_sections
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import import_campaigns, read_any


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def save_latency(folder: Path, n: int = 500) -> list[float]:
    os.environ[ENV_VAR] = str(folder)
    farm = make_farms(1)[0].model_dump(mode="json")
    with open_storage() as storage:
        campaign = storage.repo.ensure_campaign("2024", 2024)
        survey_id = storage.repo.add_survey(farm, campaign, completed=True)
        times = []
        for i in range(n):
            general = {**farm["general"], "producers": i + 2}  # a real change: one history row each time
            start = time.perf_counter()
            storage.repo.save_section(survey_id, "general", general, page="general")
            times.append(time.perf_counter() - start)
    return times


def bare_sqlite_latency(folder: Path, n: int = 500) -> list[float]:
    conn = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT OR REPLACE INTO t VALUES ('general', ?)", (f'{{"producers": {i}}}',))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def import_benchmark(folder: Path, farms: int = 2200) -> None:
    surveys = make_farms(farms)
    package = folder / "campana.cacao.zip"
    start = time.perf_counter()
    write_package([Campaign(name="Campaña 2024", year=2024, surveys=surveys)], package)
    written = time.perf_counter() - start
    os.environ[ENV_VAR] = str(folder / "office")
    with open_storage() as storage:
        start = time.perf_counter()
        campaigns = read_any(package)
        read = time.perf_counter() - start
        start = time.perf_counter()
        first = import_campaigns(storage.repo, campaigns, str(package))
        merged = time.perf_counter() - start
        start = time.perf_counter()
        again = import_campaigns(storage.repo, read_any(package), str(package))
        twice = time.perf_counter() - start
    start = time.perf_counter()
    open_storage().close()  # integrity check, section checksums, start-up backup (+ daily backup when due)
    reopen = time.perf_counter() - start
    db_size = (folder / "office" / "cocoa-desktop.sqlite3").stat().st_size
    with open_storage() as storage:
        start = time.perf_counter()
        damaged_sections(storage.conn)
        scan = time.perf_counter() - start
    print(f"opening the data folder with {farms} surveys ({db_size / 2**20:.1f} MiB): {reopen * 1e3:.0f} ms, of which "
          f"checking every section's checksum {scan * 1e3:.0f} ms")
    size = package.stat().st_size
    print(f"package of {farms} farm surveys: {size / 1024:.0f} KiB, written in {written:.2f} s")
    print(f"import: read+check {read:.2f} s, merge {merged:.2f} s ({first.added} added) → total {read + merged:.2f} s; "
          f"same package again {twice:.2f} s ({again.identical} identical)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours = save_latency(folder / "lat")
        bare = bare_sqlite_latency(folder)
        med, p99 = statistics.median(ours) * 1e3, percentile(ours, 0.99) * 1e3
        bmed, bp99 = statistics.median(bare) * 1e3, percentile(bare, 0.99) * 1e3
        print(f"section save (500 saves, WAL, synchronous=FULL, with history): median {med:.2f} ms, p99 {p99:.2f} ms")
        print(f"bare SQLite insert+commit, same pragmas:                    median {bmed:.2f} ms, p99 {bp99:.2f} ms "
              f"→ ratio of medians {med / bmed:.1f}×")
        import_benchmark(folder)


if __name__ == "__main__":
    main()
