"""Benchmark: compute and roll up N farm surveys (default 100,000) into 10 cooperatives and a campaign.

Prints figures; asserts nothing about time (machines are shared and noisy). Run from the project root:
``python tests/benchmarks/bench_rollup.py [N]``. Also reports, in the same run, a baseline loop that only
sums one number per farm, so the ratio says how much the engine costs over bare Python iteration.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from cocoa_desktop.engine.factors import factors_for
from cocoa_desktop.engine.rollup import roll_up
from cocoa_desktop.engine.survey import Survey


def make_farms(n: int, seed: int = 7) -> list[Survey]:
    rng = random.Random(seed)
    farms = []
    for i in range(n):
        area = rng.uniform(0.5, 6)
        left = rng.choice([0.0, 0.3, 0.6, 0.9, 1.0])
        farms.append(Survey.model_validate({
            "unit": "farm",
            "general": {"organisation": f"Cooperativa {i % 10}", "farm_name": f"Finca {i}", "campaign_year": 2024,
                        "producers": 1, "productive_area_ha": area, "dry_cocoa_kg": area * rng.uniform(400, 1200),
                        "areas": [{"system": "agroforestry_timber", "age_class": "8-15", "hectares": area}]},
            "husk": {"shares": {"heaped": left, "composted": round(1 - left, 10)}},
            "fertilisation": {"products": [{"type": "guano", "kg_per_year": area * 200, "n_percent": 10}]},
            "packaging": [{"type": "jute_sack", "bags_per_year": 20, "kg_per_bag": 0.7},
                          {"type": "polypropylene_sack", "bags_per_year": 10, "kg_per_bag": 0.1}],
            "transport": {"legs": [{"vehicle": "pack_animal", "trips_per_year": 20, "distance": 3},
                                   {"vehicle": "pickup", "trips_per_year": 6, "distance": 25}]},
        }))
    return farms


def best_of(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main(n: int = 100_000, repeat: int = 5) -> None:
    t0 = time.perf_counter()
    farms = make_farms(n)
    build = time.perf_counter() - t0
    print(f"built and validated {n} farm surveys in {build:.2f} s ({build / n * 1e6:.1f} µs per farm)")
    for set_id in ("promperu-2020", "ipcc2006-ar5"):
        f = factors_for(set_id)
        engine = best_of(lambda f=f: roll_up(farms, f), repeat)
        baseline = best_of(lambda: sum(s.general.productive_area_ha for s in farms), repeat)
        result = roll_up(farms, f)
        print(f"{set_id}: compute + roll-up of {n} farms: best {min(engine):.3f} s, median "
              f"{statistics.median(engine):.3f} s ({min(engine) / n * 1e6:.2f} µs per farm); "
              f"bare loop {min(baseline) * 1e3:.1f} ms → ratio {min(engine) / min(baseline):.0f}×; "
              f"{len(result.cooperatives)} cooperatives, net {result.total.net_kg / 1000:,.1f} t")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
