"""Benchmark of the decision features (prints figures, asserts nothing).

    python tests/benchmarks/bench_uncertainty.py [DRAWS]

Monte Carlo of 10,000 draws: one cooperative (the shipped example's, eight estimated fields), the region, the ten
cooperatives, a cooperative of 200 farm surveys; against the plain way (the engine called once per draw with
scalar factors, timed on 500 draws and scaled), in one run. Then the recommendations and a scenario of the ten.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers import generated_surveys

from cocoa_desktop.engine.decisions.recommendations import plans
from cocoa_desktop.engine.decisions.scenarios import Scenario, parse_change, run
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.campaign import campaign_table
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors, factors_for
from cocoa_desktop.engine.uncertainty.monte_carlo import simulate


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def plain(survey, f, draws: int) -> float:
    """The engine once per draw with scalar factors (what a loop without numpy would do)."""
    result = simulate([survey], f, draws=draws, seed=1, keep_draws=True, activity_scale=0.0)
    start = time.perf_counter()
    for i in range(draws):
        scalar = Factors(f.factor_set, f.gwp)
        scalar.update({k: float(v[i]) for k, v in result.factor_draws.items()})
        compute(survey, scalar)
    return time.perf_counter() - start


def main() -> None:
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    f = factors_for("promperu-2020")
    region = survey_io.read(example_path("san-martin-2020-region.json"))
    coops = survey_io.read(example_path("san-martin-2020-cooperatives.json")).surveys
    one = coops[1]
    farms = generated_surveys(200, seed=11)
    for s in farms:
        s.general.organisation = "Cooperativa de 200 fincas"
        s.estimated_fields = ["general.dry_cocoa_kg", "husk.shares", "packaging"]
    print(f"Monte Carlo, {draws} draws (best of 3)")
    t_one = best(lambda: simulate([one], f, draws=draws))
    print(f"  one cooperative, {len(one.estimated_fields)} estimated fields:   {t_one * 1000:8.1f} ms")
    t_factor_only = best(lambda: simulate([one], f, draws=draws, activity_scale=0.0))
    print(f"  the same, factors only:                      {t_factor_only * 1000:8.1f} ms")
    print(f"  the region (one survey, nothing estimated):  {best(lambda: simulate([region], f, draws=draws)) * 1000:8.1f} ms")  # noqa: E501
    print(f"  the ten cooperatives:                        {best(lambda: simulate(coops, f, draws=draws)) * 1000:8.1f} ms")  # noqa: E501
    t_farms = best(lambda: simulate(farms, f, draws=draws), repeat=1)
    print(f"  a cooperative of 200 farms, 3 estimated:     {t_farms * 1000:8.1f} ms")
    sample = 500
    t_plain = plain(one, f, sample) * draws / sample
    print(f"  plain loop, engine once per draw (scaled from {sample}): {t_plain * 1000:8.1f} ms "
          f"→ vectorised is {t_plain / t_factor_only:.0f}× faster (factors only, same draws)")
    table = campaign_table(coops, f)
    print(f"Recommendations of the ten cooperatives: {best(lambda: plans(table, coops, f)) * 1000:.1f} ms")
    scenario = Scenario("compost", (parse_change("husk.composted=100%"), parse_change("packaging.jute_sack=1")))
    print(f"Scenario (two changes) over the ten:     {best(lambda: run(coops, scenario, f)) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
