"""Benchmark of the campaign view's one pass and its Monte Carlo (prints figures, asserts nothing).

    python tests/benchmarks/bench_campaign_summary.py [SURVEYS] [RUNS]

SURVEYS generated farm surveys (default 5,000) in ten cooperatives, one in ten marking four estimated values. Old
and new ways interleaved in one process, medians of RUNS (default 3), CPU time beside wall time:

- the pass's Monte Carlo part: what the simulation must know gathered survey by survey (``Inputs``, before) against
  each survey's results traced as polynomials in the factors (``Gathered``, now);
- the Monte Carlo of 10,000 draws: the engine run on the draws survey by survey, each survey given again (before, and
  now the fallback), against each cooperative's sums evaluated on the draws (now, no survey given again);
- how far the two Monte Carlos' figures lie apart (regrouped sums: the last bits of a float).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers import generated_surveys

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.uncertainty import polynomial
from cocoa_desktop.engine.uncertainty.inputs import Inputs
from cocoa_desktop.engine.uncertainty.monte_carlo import simulate
from cocoa_desktop.engine.uncertainty.polynomial import Gathered, NotPolynomial


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def engine_on_the_draws(*args, **kw):
    """simulate() as before: the engine on the draws survey by survey (the polynomial path refused)."""
    original = polynomial.Gathered._trace

    def refuse(self, survey):
        raise NotPolynomial("benchmark: the engine on the draws")

    polynomial.Gathered._trace = refuse
    try:
        return simulate(*args, **kw)
    finally:
        polynomial.Gathered._trace = original


def figures(result) -> dict:
    out = {}
    for unit in [*result.units.values(), result.total]:
        for kind in ("net_per_kg", "net_t", "gross_t", "luc_t"):
            interval = getattr(unit, kind)
            out.update({(unit.label, kind, a): getattr(interval, a) for a in ("low", "high")})
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    f = factors_for("promperu-2020")
    surveys = generated_surveys(n, seed=22)
    for i, s in enumerate(surveys):
        s.general.organisation = f"Cooperativa {i % 10}"
        s.estimated_fields = ["general.dry_cocoa_kg", "husk.shares", "packaging", "transport.legs"] if i % 10 == 0 \
            else []
    print(f"{n} surveys, 10 cooperatives, {n // 10} with four estimated values; medians of {runs} interleaved runs")

    def inputs() -> None:
        found = Inputs(f)
        for s in surveys:
            found.add(s)

    def gathered() -> None:
        found = Gathered(f)
        for s in surveys:
            found.add(s)

    pairs = {"pass: Inputs (before)": inputs, "pass: Gathered (now)": gathered,
             "Monte Carlo: engine on the draws (before)": lambda: engine_on_the_draws(surveys, f),
             "Monte Carlo: sums on the draws (now)": lambda: simulate(surveys, f)}
    found: dict[str, list[tuple[float, float]]] = {k: [] for k in pairs}
    for _ in range(runs):
        for label, fn in pairs.items():
            found[label].append(timed(fn))
    for label, values in found.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"  {label:<44} {wall:7.2f} s wall {cpu:7.2f} s CPU  ({cpu / n * 1e6:6.1f} µs CPU per survey)")
    a, b = figures(simulate(surveys, f)), figures(engine_on_the_draws(surveys, f))
    worst = max(abs(a[k] - b[k]) / abs(b[k]) for k in b if b[k])
    print(f"  the intervals' bounds of the two ways: largest relative difference {worst:.1e} ({len(b)} bounds)")


if __name__ == "__main__":
    main()
