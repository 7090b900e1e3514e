"""Benchmark: a scenario of each kind over one campaign of a regional data folder, as the scenario editor computes it
(gui/decisions/scenario_data.stored_scenario, from the footprints the main window keeps; issue 22: ≤ 2 s each).
Prints figures, asserts nothing.

For each kind of change (husk, fermentation, bags, yield, agroforestry, vehicle, fertiliser, drying energy, shade
trees, land-use change, a field of the general section, several at once, the notes; and the husk again without the
main window's footprints, every survey read whole): the median wall and CPU time of ``RUNS`` runs, which way it went
(``parts``: the sections it needs read and the parts of the footprint it reaches computed again; ``whole``: every
survey in scope read whole) and its outcome (the net footprint before and after, or the error that refuses it).

Run from the project root: ``python tests/benchmarks/bench_scenarios.py [FOLDER] [RUNS]``. FOLDER is a data folder
(it is copied first; e.g. one that ``COCOA_BENCH_FOLDER`` kept for bench_app_scale.py); without it, one of 20,000
surveys is generated as bench_app_scale.py generates it (a minute or two).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN = "Campaña 2024"
KINDS = {
    "husk composted": ["husk.composted=50%"],
    "fermentation": ["fermentation.method=sack"],
    "jute sacks": ["packaging.jute_sack=50%"],
    "yield +20 %": ["general.yield_kg_ha=+20%"],
    "agroforestry": ["general.agroforestry_ha=0"],
    "vehicle": ["transport.vehicle=pickup"],
    "fertiliser less": ["fertilisation.urea=50%"],
    "fertiliser swap": ["fertilisation.urea=own_compost"],
    "no fertiliser data": ["fertilisation.data_collected=false"],
    "drying energy": ["drying.electricity_kwh=0"],
    "shade trees": ["general.shade_trees_per_ha=100"],
    "land-use year": ["land_use_change.conversions.0.year=2001"],
    "campaign year": ["general.campaign_year=2030"],
    "productive area": ["general.productive_area_ha=10"],
    "several": ["husk.composted=80%", "general.yield_kg_ha=+20%", "transport.vehicle=pickup"],
    "notes": ["notes=hola"],
    "husk, none kept": ["husk.composted=50%"],  # the main window's footprints not computed yet: every survey whole
}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from cocoa_desktop.engine.decisions.scenario_footprints import needed_sections, plan_of
    from cocoa_desktop.engine.decisions.scenarios import Scenario, parse_change
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.engine.model.issues import SurveyValidationError
    from cocoa_desktop.gui.decisions.scenario_data import stored_scenario
    from cocoa_desktop.gui.main.tree_footprints import compute_footprints
    from cocoa_desktop.storage.startup import open_storage

    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory(prefix="cocoa-scenarios-") as tmp:
        folder = Path(tmp) / "folder"
        if len(sys.argv) > 1:
            shutil.copytree(sys.argv[1], folder)
        else:
            sys.path.insert(0, str(Path(__file__).parent))
            from bench_app_scale import build_folder

            build_folder(folder, 20_000)
        f = factors_for(os.environ.get("COCOA_FACTORS", "ipcc2006-ar5"))
        with open_storage(folder) as storage:
            repo = storage.repo
            start = time.perf_counter()
            kept = compute_footprints(repo, f, {}, lambda *_: None, lambda: False)[1]
            surveys = len(repo.surveys(CAMPAIGN))
            print(f"{len(kept)} footprints computed as the main window does in {time.perf_counter() - start:.1f} s; "
                  f"scenarios over «{CAMPAIGN}» ({surveys} surveys), {f.label}, median of {runs} runs")
            print(f"{'kind':<20} {'wall s':>7} {'cpu s':>7}  {'way':<52} outcome")
            for kind, texts in KINDS.items():
                scenario = Scenario(kind, tuple(parse_change(t) for t in texts))
                plan = plan_of(scenario.changes)
                way = (f"parts {'+'.join(p.name for p in plan.parts) or '-'}, reads "
                       f"{'+'.join(sorted({'general', *(needed_sections(scenario.changes) or ())}))}"
                       if plan is not None and "none kept" not in kind else "whole")
                walls, cpus, outcome = [], [], ""
                for _ in range(runs):
                    wall, cpu = time.perf_counter(), time.process_time()
                    try:
                        result = stored_scenario(repo, CAMPAIGN, scenario, f, None if "none kept" in kind else kept)
                        before, after = result.before.total.net_kg, result.after.total.net_kg
                        outcome = f"net {before / 1000:,.0f} → {after / 1000:,.0f} t"
                    except SurveyValidationError as exc:
                        outcome = "refused: " + " ".join(exc.summary("en").split())[:60]
                    walls.append(time.perf_counter() - wall)
                    cpus.append(time.process_time() - cpu)
                print(f"{kind:<20} {statistics.median(walls):7.2f} {statistics.median(cpus):7.2f}  {way[:52]:<52} "
                      f"{outcome}", flush=True)


if __name__ == "__main__":
    main()
