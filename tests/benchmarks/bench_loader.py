"""Benchmark: loading a 100,000-farm campaign file, and ``cocoa-desktop compute FILE --json`` on it (issue 22).

Prints figures; asserts nothing about time. Run from the project root, with bytecode caches allowed as on a user's
machine: ``env -u PYTHONDONTWRITEBYTECODE python tests/benchmarks/bench_loader.py [N] [--runs R] [--source DIR]``.
``--source DIR`` also times the fresh-process figures on another copy of the code (e.g. ``git archive HEAD~5
cocoa_desktop resources | tar -x -C DIR``), interleaved with this one, for a before/after from one sitting.

The file is the one of bench_rollup.py (the same farms: 147 MiB, 1,544 bytes per farm at 100,000 farms). In one
process, the candidates in interleaved rounds (each figure the fastest round; CPU seconds beside wall seconds,
since on a shared machine the wall clock also counts waiting for a core):

- ``json.loads`` of the file: the floor of Python's own JSON parser, as a plain call (garbage collector on);
- the same, and jiter with the duplicate-key check that the loader needs, with the collector off (as the loader);
- ``survey_io.read``: size checks, JSON, duplicate keys, the survey model (what the app and the commands use): a
  file in the app's layout read line by line by the model's JSON reader, each line's keys counted against the
  survey's (engine/files/survey_lines.py);
- ``survey_io.strict_loads``: the strict reading ``read`` falls back to (jiter over the whole file, then the model);
- jiter, then ``Campaign.model_validate`` on the parsed document (the strict reading's two steps, apart: the tree
  kept, so neither freeing it nor fresh memory for it is counted);
- ``Campaign.model_validate_json`` straight from the bytes: pydantic's own parser, no Python tree in between —
  but it lets a key given twice pass (the last wins), which the loader must refuse;
- ``TypeAdapter(list[Survey]).validate_json`` of the surveys alone (the same, without the campaign's checks);
- ``fast_campaign.campaign``: ``compute FILE``'s bulk reader since issue 22 (engine/files/fast_campaign.py: msgspec
  Structs derived from the survey model by engine/files/fast_structs.py, a line vouched for by a round trip and the
  model's validators); its round trip without the validators, and msgspec's decoding of the lines alone (see
  bench_msgspec.py for the differential check, and for the rejected "keys counted" candidate).

Then a fresh process for each of: the whole ``compute FILE --json`` (the console script as a user runs it; wall
and CPU time, the CPU of the worker processes it forks included), and the same steps timed one by one (imports,
load — the bulk reader where the code has it —, roll-up with the warnings, the husk-factor check, the JSON text;
since compute runs in parts over the cores, cli/compute_parts.py: the read, then the parts). ``COCOA_COMPUTE_PROCESSES``
set in the environment is passed on (1: one process).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# The steps of cli.app._compute, timed one by one in a fresh process (argument: the file).
SPLIT = r"""
import resource, sys, time
def cpu():  # this process's and its (forked, reaped) children's
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
w0, c0 = time.perf_counter(), cpu()
marks = []
def mark(label):
    marks.append((label, time.perf_counter(), cpu()))
import inspect
import json
from cocoa_desktop.cli import app, decisions, input as cli_input
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.footprint import checks
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint import husk_model
from cocoa_desktop.engine.report import results_document
from cocoa_desktop.engine.footprint.rollup import roll_up
import cocoa_desktop.storage.packages
mark("imports")
f = factors_for("promperu-2020")
try:  # since issue 22's compute over several processes (cli/compute_parts.py): read, then the parts
    from cocoa_desktop.cli import compute_parts
except ImportError:
    compute_parts = None
if compute_parts is not None:
    data, check = cli_input.campaign_data(__import__("pathlib").Path(sys.argv[1]))
    mark("read")
    found = compute_parts.computed(data, check, f=f, lang="es")
    assert found is not None, "not computed in parts"
    campaign, husk = found.campaign, found.husk
    mark(f"parts in {compute_parts.processes(len(data))} processes (the limit's check, load, roll-up, warnings, husk)")
else:
    # compute's own load: the bulk reader's structs since issue 22 (cli.input.surveys_to_roll_up), else the model's
    load = getattr(cli_input, "surveys_to_roll_up", cli_input.surveys_in)
    surveys, label = load(__import__("pathlib").Path(sys.argv[1]))
    mark("load")
    if hasattr(checks, "value_warnings"):  # cli.app._compute since the roll-up keeps each survey's values
        campaign = roll_up(surveys, f, label=label, keep=True)
        for survey, values in zip(surveys, campaign.survey_values):
            for warning in checks.value_warnings(survey, values):
                pass
        computed = campaign.survey_values
    else:  # before: a footprint per survey handed to a callback
        computed = []
        stage_values = getattr(husk_model, "stage_values", None)
        def each(survey, fp):
            if stage_values is not None:
                computed.append(stage_values(fp))
            for warning in checks.survey_warnings(survey, fp):
                pass
        campaign = roll_up(surveys, f, label=label, each=each)
    mark("roll-up")
    if "computed" in inspect.signature(husk_model.husk_model_check).parameters:
        husk = husk_model.husk_model_check(surveys, f, computed)
    else:
        husk = husk_model.husk_model_check(surveys, f)
    mark("husk check")
doc = results_document(f, list(campaign.cooperatives.values()), campaign.total)
doc["husk_methane_model"] = None if husk is None else husk_model.husk_model_document(husk, "es")
text = json.dumps(doc, ensure_ascii=False, indent=2)
mark("JSON text")
out = []
pw, pc = w0, c0
for label, w, c in marks:
    out.append(f"{label}={w - pw:.4f}/{c - pc:.4f}")
    pw, pc = w, c
print(";".join(out))
"""


def campaign_file(n: int, folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from bench_rollup import make_farms

    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.model.survey import Campaign

    path = folder / f"campaign-{n}.json"
    survey_io.write(Campaign(name="Benchmark", year=2024, surveys=make_farms(n)), path)
    return path


def in_process(path: Path, n: int, rounds: int) -> None:
    import jiter
    from pydantic import TypeAdapter

    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.files.bulk import bulk
    from cocoa_desktop.engine.model.survey import Campaign, Survey

    data = path.read_bytes()
    body = data[data.index(b'"campaign":') + len(b'"campaign":'):data.rindex(b"}")]
    surveys = body[body.index(b'"surveys":') + len(b'"surveys":'):body.rindex(b"}")]
    parsed = jiter.from_json(data)["campaign"]
    many = TypeAdapter(list[Survey])
    # the reading survey_io.read fell back to (and was, before the line reader): jiter, then the model
    strict = getattr(survey_io, "strict_loads", survey_io.loads)

    def collector_off(fn):
        def run():
            with bulk():
                return fn()
        return run

    def jiter_dup():
        return jiter.from_json(data, allow_inf_nan=False, catch_duplicate_keys=True, cache_mode="keys")

    candidates = {
        "json.loads (collector on, a plain call)": lambda: json.loads(data),
        "json.loads, collector off": collector_off(lambda: json.loads(data)),
        "jiter with the duplicate-key check, off": collector_off(jiter_dup),
        "survey_io.read (load + validate)": lambda: survey_io.read(path),
        "  the strict reading alone (strict_loads)": lambda: strict(path.read_bytes()),
        "  Campaign.model_validate of jiter's tree": collector_off(lambda: Campaign.model_validate(parsed)),
        "Campaign.model_validate_json (bytes)": collector_off(lambda: Campaign.model_validate_json(body)),
        "TypeAdapter(list[Survey]).validate_json": collector_off(lambda: many.validate_json(surveys)),
    }
    candidates.update(msgspec_rows(data))
    wall: dict[str, list[float]] = {k: [] for k in candidates}
    cpu: dict[str, list[float]] = {k: [] for k in candidates}
    for _ in range(rounds):  # interleaved: a busy moment of the machine falls on every candidate alike
        for label, fn in candidates.items():
            gc.collect()
            w, c = time.perf_counter(), time.process_time()
            result = fn()
            cpu[label].append(time.process_time() - c)
            wall[label].append(time.perf_counter() - w)
            del result
    floor_wall, floor_cpu = min(wall["json.loads (collector on, a plain call)"]), min(
        cpu["json.loads (collector on, a plain call)"])
    print(f"{'in one process, fastest of ' + str(rounds) + ' rounds':<44} {'wall µs/farm':>13} {'× json.loads':>13} "
          f"{'CPU µs/farm':>12} {'× json.loads':>13}")
    for label in candidates:
        w, c = min(wall[label]), min(cpu[label])
        print(f"{label:<44} {w / n * 1e6:13.1f} {w / floor_wall:13.2f} {c / n * 1e6:12.1f} {c / floor_cpu:13.2f}")


def msgspec_rows(data: bytes) -> dict:
    """compute's bulk reader (engine/files/fast_campaign.py: each line decoded into the Struct that
    engine/files/fast_structs.py derives from the survey model, encoded again and equal to the line — so no key
    twice, none missing —, then the model's validators compiled per class); the same round trip of the lines
    without the validators; and msgspec's decoding of the lines alone."""
    import msgspec

    from cocoa_desktop.engine.files import fast_campaign
    from cocoa_desktop.engine.files.bulk import bulk

    lines = [line.rstrip(b",") for line in data.split(b"\n")[1:-2]]
    decode = msgspec.json.Decoder(fast_campaign.SurveyStruct).decode
    encode = msgspec.json.Encoder().encode

    def round_trip() -> tuple[list, list[bool]]:
        found = [decode(line) for line in lines]
        return found, [encode(item) == line for item, line in zip(found, lines, strict=True)]

    def off(fn):
        def run():
            with bulk():
                return fn()
        return run

    return {
        "fast_campaign.campaign (compute FILE's load)": lambda: fast_campaign.campaign(data),
        "  its round trip of the lines, no validators": off(round_trip),
        "  msgspec decode of the lines alone": off(lambda: [decode(line) for line in lines]),
    }


def fresh_processes(path: Path, n: int, runs: int, sources: dict[str, Path | None]) -> None:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # .pyc used, as installed

    def env_for(source: Path | None) -> dict[str, str]:
        return {**base, "PYTHONPATH": str(source or ROOT)}

    def whole(source: Path | None) -> float:
        command = [sys.executable, "-m", "cocoa_desktop", "compute", str(path), "--json"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env_for(source), cwd=source or ROOT, stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command's CPU, its forked workers' included
        cpus[source].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        return wall

    def split(source: Path | None) -> dict[str, tuple[float, float]]:
        done = subprocess.run([sys.executable, "-c", SPLIT, str(path)], env=env_for(source), cwd=source or ROOT,
                              capture_output=True, text=True, check=True)
        parts = (item.split("=") for item in done.stdout.strip().splitlines()[-1].split(";"))
        return {label: tuple(map(float, value.split("/"))) for label, value in parts}  # type: ignore[misc]

    cpus: dict[Path | None, list[float]] = {source: [] for source in sources.values()}
    for source in sources.values():  # warm-up: bytecode caches written, the file in the page cache
        whole(source)
    wholes: dict[str, list[float]] = {k: [] for k in sources}
    splits: dict[str, list[dict[str, tuple[float, float]]]] = {k: [] for k in sources}
    for _ in range(runs):
        for name, source in sources.items():
            wholes[name].append(whole(source))
            splits[name].append(split(source))
    median = statistics.median
    for name in sources:
        print(f"\n{name}: `compute FILE --json`, fresh process, {n:,} farms: median {median(wholes[name]):.2f} s "
              f"(min {min(wholes[name]):.2f}, {runs} runs) = {median(wholes[name]) / n * 1e6:.0f} µs/farm; CPU "
              f"(user + sys, every process of it) median {median(cpus[sources[name]][1:]):.2f} s")
        labels = list(splits[name][0])
        print("  the steps in a fresh process, median wall / CPU s: " + ", ".join(
            f"{label} {median(s[label][0] for s in splits[name]):.2f} / {median(s[label][1] for s in splits[name]):.2f}"
            for label in labels))
    if len(sources) == 2:
        a, b = sources
        ratios = [x / y for x, y in zip(wholes[b], wholes[a], strict=True)]
        print(f"\n{b} / {a}, pair by pair: median {median(ratios):.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, help="another copy of the code, timed beside this one")
    parser.add_argument("--skip-in-process", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = campaign_file(args.n, Path(tmp))
        size = path.stat().st_size
        print(f"{args.n:,} farms: campaign file {size / 2**20:.1f} MiB ({size / args.n:,.0f} bytes per farm)\n")
        if not args.skip_in_process:
            in_process(path, args.n, args.runs)
        sources: dict[str, Path | None] = {"this code": None}
        if args.source:
            sources = {f"before ({args.source})": args.source.resolve(), "this code": None}
        fresh_processes(path, args.n, args.runs, sources)


if __name__ == "__main__":
    main()
