"""How long the economics features take (prints figures, asserts nothing):

    python tests/benchmarks/bench_economics.py

- evaluating the APROCAM project in full (three perspectives, Table 11, tornado, five break-even searches), which
  the window does on every "Calculate", against one cash flow and its indicators;
- writing the economics workbook;
- a sampling plan with a draw from a list of 100,000 producers in 50 districts.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from cocoa_desktop.engine.economics.cash_flow import cash_flow, indicators
from cocoa_desktop.engine.economics.project import read_project
from cocoa_desktop.engine.economics.report import evaluate_project
from cocoa_desktop.engine.files.producers import draw, parse_producers, strata_of
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.sampling import allocate, sample_size
from cocoa_desktop.workbook.economics_sheet import write_economics_workbook


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    project = read_project(example_path("aprocam-2024-carbon-project.json"))
    one = best_of(50, lambda: indicators(cash_flow(project), project.discount_rate))
    full = best_of(20, lambda: evaluate_project(project))
    print(f"one cash flow + indicators: {one * 1000:.2f} ms")
    print(f"full evaluation:            {full * 1000:.1f} ms  ({full / one:.0f}× one cash flow)")
    ev = evaluate_project(project)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.xlsx"
        write = best_of(10, lambda: write_economics_workbook(ev, path, "es"))
        print(f"economics workbook:         {write * 1000:.1f} ms, {path.stat().st_size} bytes")
    rng = random.Random(1)
    rows = ["codigo;nombre;distrito"] + [f"P{i};Socio {i};D{rng.randrange(50)}" for i in range(100_000)]
    data = "\n".join(rows).encode("utf-8")
    start = time.perf_counter()
    producers = parse_producers(data)
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    strata = strata_of(producers)
    size = sample_size(len(producers), 0.95, 0.05)
    chosen = draw(producers, allocate(size.n, strata), seed=7)
    planned = time.perf_counter() - start
    print(f"100,000-producer CSV read:  {parsed * 1000:.0f} ms; plan + draw of {len(chosen.chosen)}: "
          f"{planned * 1000:.0f} ms")


if __name__ == "__main__":
    main()
