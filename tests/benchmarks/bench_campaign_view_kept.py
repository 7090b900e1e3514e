"""Benchmark: the campaign view of one campaign of 10,000 farms complete (recommendations and 90 % intervals), from
the pass over its surveys (before issue 22's kept terms) and from the terms the main window's footprints kept beside
each survey (gui/campaign/data.kept_read), interleaved; wall and CPU medians, their ratio, and whether every figure is
equal. Also what the terms cost the footprints' job (µs of CPU a survey, next to the footprint's own) and what they
hold in memory. Prints figures, asserts nothing.

Run from the project root: ``python tests/benchmarks/bench_campaign_view_kept.py [SURVEYS] [RUNS]`` (defaults 20000
and 5); ``COCOA_BENCH_FOLDER=DIR`` uses (or keeps) the data folder of bench_app_scale.py there (copied first).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app_scale import CAMPAIGNS, build_folder


def _median(values: list[float]) -> float:
    return statistics.median(values)


def main(surveys: int = 20_000, runs: int = 5) -> None:
    from cocoa_desktop.engine.footprint.compute import compute
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.engine.footprint.survey_terms import TermsMaker, annual_of
    from cocoa_desktop.engine.model.survey import Survey
    from cocoa_desktop.gui.campaign.data import StoredSurveys, densify_at, quick_table, read_work, simulate_work
    from cocoa_desktop.gui.main import computed_footprints
    from cocoa_desktop.gui.main.tree_footprints import compute_footprints
    from cocoa_desktop.storage.startup import open_storage

    kept_folder = os.environ.get("COCOA_BENCH_FOLDER")
    source = Path(kept_folder) if kept_folder else Path(tempfile.mkdtemp(prefix="cocoa-kept-"))
    if not (source / "cocoa-desktop.sqlite3").exists():
        build_folder(source, surveys)
    folder = Path(tempfile.mkdtemp(prefix="cocoa-kept-run-")) / "datos"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("*.lock", "backups"))
    f = factors_for("promperu-2020")
    name = CAMPAIGNS[1][0]
    storage = open_storage(folder)
    try:
        # what the terms cost the job, survey by survey, beside the footprint itself
        documents = [doc for _, (_, doc) in zip(range(2000), storage.repo.documents(), strict=False)]
        models = [Survey.model_validate(doc) for doc in documents]
        maker = TermsMaker(f)
        cost: dict[str, list[float]] = {}
        annual = [annual_of(compute(survey, f)) for survey in models]
        for _ in range(3):
            for label in ("footprint", "footprint + terms"):
                start = time.process_time()
                for survey in models:
                    fp = compute(survey, f)
                    if label != "footprint":
                        maker.terms(survey, fp)
                cost.setdefault(label, []).append((time.process_time() - start) / len(models) * 1e6)
            # the terms' two parts alone
            start = time.process_time()
            for survey, values in zip(models, annual, strict=True):
                maker.tape.terms(survey, values)
            middle = time.process_time()
            for survey in models:
                maker.tracer.terms(survey)
            cost.setdefault("plan sums' additions", []).append((middle - start) / len(models) * 1e6)
            cost.setdefault("polynomial trace", []).append((time.process_time() - middle) / len(models) * 1e6)
        print("the footprints' job, CPU a survey: " + ", ".join(f"{k} {_median(v):.0f} µs" for k, v in cost.items()))
        start, cpu = time.perf_counter(), time.process_time()
        _, kept = compute_footprints(storage.repo, f, {}, lambda *_: None, lambda: False)
        print(f"the job over {len(kept)} surveys: {time.perf_counter() - start:.2f} s, "
              f"{time.process_time() - cpu:.2f} s CPU (this process alone)")
        computed_footprints.remember(storage, f, kept)
        held = sum(sys.getsizeof(t) + sum(map(sys.getsizeof, (t.plan, *t.plan, t.polynomial, *t.polynomial[:2])))
                   for t in kept.terms.values())
        print(f"terms kept: {held / 1e6:.1f} MB ({held / len(kept.terms):.0f} bytes a survey)")
        # the view's time to complete, interleaved
        figures: dict[str, list[tuple[float, float]]] = {}
        found = {}
        for _ in range(runs):
            for mode in ("pass over the surveys", "kept terms"):
                start, cpu = time.perf_counter(), time.process_time()
                rows = storage.repo.surveys(name)
                quick = quick_table(storage, rows, f, name)
                stored = StoredSurveys(storage.repo, [row.id for row in rows])
                read = read_work(storage, stored, f, name, densify_at(quick[0] if quick else None),
                                 rows if mode == "kept terms" else None)(lambda *_: None)
                stored.valid = read.valid
                spread = simulate_work(storage, stored, read.summary)(lambda *_: None)
                figures.setdefault(mode, []).append((time.perf_counter() - start, time.process_time() - cpu))
                found[mode] = (read.summary.table, read.plans, read.drafts, spread.units, spread.total)
        for mode, values in figures.items():
            print(f"campaign view of {len(rows)} surveys complete, {mode}: {_median([w for w, _ in values]):.2f} s, "
                  f"{_median([c for _, c in values]):.2f} s CPU (median of {len(values)})")
        before, after = figures["pass over the surveys"], figures["kept terms"]
        print(f"  ratio {_median([w for w, _ in before]) / _median([w for w, _ in after]):.1f}× wall, "
              f"{_median([c for _, c in before]) / _median([c for _, c in after]):.1f}× CPU; every figure equal: "
              f"{found['pass over the surveys'] == found['kept terms']}")
    finally:
        storage.close()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
