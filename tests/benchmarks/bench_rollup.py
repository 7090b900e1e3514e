"""Benchmark: load a campaign file of N farm surveys (default 100,000), validate, compute and roll up.

Prints figures; asserts nothing about time (machines are shared and noisy: compare the ratios of one run).
Run from the project root: ``python tests/benchmarks/bench_rollup.py [N]``. In the same run it measures:

- ``json.loads`` of the same file (the floor for any loader reading JSON in Python),
- loading and validating the file (``survey_io.read``: size checks, JSON, duplicate keys, the survey model),
- computing and rolling up the validated surveys, for both factor sets,
- the whole of what ``cocoa-desktop compute FILE --json`` does, as a fresh process (what a user runs),
- a bare Python loop that sums one number per farm, to say what the engine costs over plain iteration.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model.survey import Campaign, Survey


def farm_documents(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        area = rng.uniform(0.5, 6)
        left = rng.choice([0.0, 0.3, 0.6, 0.9, 1.0])
        docs.append({
            "id": f"finca-{i:06d}",
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
        })
    return docs


def make_farms(n: int, seed: int = 7) -> list[Survey]:
    return [Survey.model_validate(doc) for doc in farm_documents(n, seed)]


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def per_farm(seconds: float, n: int) -> str:
    return f"{seconds:.3f} s ({seconds / n * 1e6:.1f} µs/farm)"


def main(n: int = 100_000, repeat: int = 3) -> None:
    campaign = Campaign(name="Benchmark", year=2024, surveys=make_farms(n))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "campaign.json"
        survey_io.write(campaign, path)
        size = path.stat().st_size
        print(f"{n} farms: campaign file {size / 2**20:.1f} MiB ({size / n:.0f} bytes per farm)")
        data = path.read_bytes()
        parse = min(timed(lambda: json.loads(data), repeat))
        load = min(timed(lambda: survey_io.read(path), repeat))
        surveys = survey_io.read(path).surveys
        bare = min(timed(lambda: sum(s.general.productive_area_ha for s in surveys), repeat))
        print(f"json.loads of the file:              {per_farm(parse, n)}")
        print(f"load + validate (survey_io.read):     {per_farm(load, n)}  → {load / parse:.2f}× json.loads")
        print(f"bare loop over the surveys:           {per_farm(bare, n)}")
        computes = {}
        for set_id in ("promperu-2020", "ipcc2006-ar5"):
            f = factors_for(set_id)
            engine = timed(lambda f=f: roll_up(surveys, f), repeat)
            computes[set_id] = min(engine)
            result = roll_up(surveys, f)
            print(f"compute + roll-up, {set_id:<14} {per_farm(min(engine), n)} (median "
                  f"{statistics.median(engine):.3f} s) → {min(engine) / bare:.0f}× the bare loop; "
                  f"{len(result.cooperatives)} cooperatives, net {result.total.net_kg / 1000:,.1f} t")
        total = load + computes["promperu-2020"]
        print(f"load + validate + compute + roll-up:  {per_farm(total, n)}  (goal ≤ 20 µs/farm)")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        command = [sys.executable, "-m", "cocoa_desktop", "compute", str(path), "--json"]
        runs = timed(lambda: subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True), repeat)
        print(f"`cocoa-desktop compute FILE --json` as a fresh process: {per_farm(min(runs), n)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
