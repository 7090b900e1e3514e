"""Benchmark and differential check of ``compute FILE``'s bulk reader (issue 22): engine/files/fast_campaign.py and
the msgspec Structs derived from the survey model by engine/files/fast_structs.py, the package's own modules.

Prints figures and counts; asserts nothing about time. Run from the project root:
``python tests/benchmarks/bench_msgspec.py [FILE] [--cases N]`` (FILE: a campaign in the app's layout, e.g. one
written by bench_loader.py; without it only the differential runs).

1. The model's Python validators (as fast_structs' plans run them) and what running them on the decoded structs
   costs (µs per farm).
2. Differential, survey by survey: surveys of the examples and generated farms, each changed at every path (every
   wrong value of the fuzz suites, a key deleted, an unknown key, a wrong value for test_validation's cases) and
   read by pydantic (``Survey.model_validate``, as the strict reading) and by the derived Struct (msgspec decode of
   the same JSON, the model's defaults, ``fast_structs.compiled_check``): agreements and disagreements on
   accept/refuse, and on the values when both accept.
3. Differential, file by file: the fuzz suites' mutants of campaign files (in the app's layout and not, a key
   given twice in every object) through ``survey_io.strict_loads`` and ``fast_campaign.campaign``, which may say
   "not mine" (None: the strict reading runs), but must never accept what the strict reading refuses.
4. ``roll_up`` and compute --json's steps on the structs and on the pydantic surveys of FILE: the same? time.

The other candidate of issue 22, "keys counted" (Structs whose every default is UNSET, the model's defaults put
in afterwards and the keys the text gave counted against the line's ``":``, to refuse a key given twice), was
rejected for the round trip and is no longer run here. Its code is tests/benchmarks/msgspec_candidate.py at commit
9fc3150, whose message records the candidates and the differential (0 disagreements); that message gives no
per-farm figure of its own for keys counted: the commit that removed it records one, measured just before (20,000
farms, CPU, fastest of 5: keys counted + validators 38.1 µs/farm, without the validators 34.0, the round trip
25.0).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, get_args

import msgspec

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "fuzz")]


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        found += _paths(value, (*prefix, key))
    return found


def _changed(doc: Any, path: tuple, value: Any) -> Any:
    doc = copy.deepcopy(doc)
    node = doc
    for part in path[:-1]:
        node = node[part]
    if value is _DELETE:
        del node[path[-1]]
    elif value is _UNKNOWN:
        node[path[-1]]["colour"] = "rojo"
    else:
        node[path[-1]] = value
    return doc


_DELETE, _UNKNOWN = object(), object()


def survey_cases(limit: int) -> list[tuple[str, Any]]:
    from helpers import farm, generated_surveys
    from mutations import CONTROL, WRONG_VALUES

    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.files.resources import example_path

    bases = [s.model_dump(mode="json") for s in [*generated_surveys(8, seed=3), farm()]]
    for name in ("san-martin-2020-region.json", "san-martin-2020-cooperatives.json"):
        bases += [s.model_dump(mode="json") for s in survey_io.surveys_of(survey_io.read(example_path(name)))]
    values = [*WRONG_VALUES, *(f"a{c}b" for c in CONTROL), "Ana \ud800", math.nan, math.inf, 5e12, 0.004, 2024.5,
              -5, 1.5, 19, 1e-9, 10**30, "pais", {"quemado": 1.0}, {"sun_tarp": 0.3}, [{"type": "jute_sack"}],
              "a\n", "x" * 201, None]
    cases = [("base", doc) for doc in bases]
    rng = random.Random(22)
    for doc in bases:
        for path in _paths(doc):
            node = doc
            for part in path[:-1]:
                node = node[part]
            if isinstance(node, dict):
                cases.append((f"delete {path}", _changed(doc, path, _DELETE)))
            if isinstance(_get(doc, path), dict):
                cases.append((f"unknown key in {path}", _changed(doc, path, _UNKNOWN)))
            for value in rng.sample(values, 12):
                cases.append((f"{path} = {value!r:.40}", _changed(doc, path, value)))
    rng.shuffle(cases)
    return cases[:limit]


def _get(doc: Any, path: tuple) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _models(tp: Any) -> list[type]:
    """The model classes an annotation names (inside Optional, list, dict, Annotated)."""
    from pydantic import BaseModel

    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [model for arg in get_args(tp) for model in _models(arg)]


def validator_names() -> list[str]:
    """Every Python validator of the campaign model and the models it holds, as ``Class.function (kind)``, read
    from fast_structs' plans (what the bulk reader runs on the structs)."""
    from cocoa_desktop.engine.files.fast_structs import plan_for
    from cocoa_desktop.engine.model.survey import Campaign

    found: list[str] = []
    todo, seen = [Campaign], set()
    while todo:
        model = todo.pop(0)
        if model in seen:
            continue
        seen.add(model)
        plan = plan_for(model)
        found += [f"{model.__name__}.{f.__name__} (field {field})" for field, _, f in plan.validators]
        found += [f"{model.__name__}.{f.__name__} (model, after)" for f in plan.after]
        todo += [m for info in model.model_fields.values() for m in _models(info.annotation)]
    return found


def _dump(item: Any) -> Any:
    """A survey the bulk reader gave: a struct, or the model's instance for a line the model's line reader read."""
    from cocoa_desktop.engine.model.survey import Survey

    return item.model_dump(mode="json") if isinstance(item, Survey) else msgspec.to_builtins(item)


def differential_surveys(limit: int) -> None:
    from pydantic import ValidationError

    from cocoa_desktop.engine.files import fast_campaign
    from cocoa_desktop.engine.files.fast_structs import compiled_check
    from cocoa_desktop.engine.model.survey import Survey

    decoder = msgspec.json.Decoder(fast_campaign.SurveyStruct)
    check = compiled_check(Survey)
    seen: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for label, doc in survey_cases(limit):
        try:
            model = Survey.model_validate(doc)
            strict: Any = model.model_dump(mode="json")
        except ValidationError as exc:
            strict = "refused: " + ",".join(sorted({e["type"] for e in exc.errors()}))
        text = json.dumps(doc, allow_nan=True).encode()  # no key twice: the values' verdicts alone
        try:
            struct = decoder.decode(text)
            check(struct)
            got: Any = msgspec.to_builtins(struct)
        except (msgspec.ValidationError, msgspec.DecodeError, ValueError) as exc:
            got = "refused: " + str(exc).split(" - ")[0][:60]
        if isinstance(strict, dict) and isinstance(got, dict):
            if "id" not in doc:
                strict["id"] = got["id"] = "(generated)"
            verdict = "both accept, same values" if strict == got else "both accept, DIFFERENT values"
        elif isinstance(strict, dict):
            verdict = "pydantic accepts, msgspec REFUSES"
        elif isinstance(got, dict):
            verdict = "pydantic refuses, msgspec ACCEPTS"
        else:
            verdict = "both refuse"
        seen[verdict] += 1
        if verdict.isupper() or any(w in verdict for w in ("DIFFERENT", "REFUSES", "ACCEPTS")):
            examples.setdefault(verdict, []).append(f"{label}: pydantic {str(strict)[:70]} | msgspec {str(got)[:70]}")
    print(f"survey by survey, {sum(seen.values())} cases: " + ", ".join(f"{k} {v}" for k, v in seen.most_common()))
    for verdict, items in examples.items():
        print(f"  {verdict} ({len(items)}), e.g.:")
        for item in items[:8]:
            print(f"    {item}")


def differential_files(cases: int) -> None:
    from helpers import generated_surveys
    from test_fuzz_files import _bases, _layout_bases, _mutate_in_layout
    from test_fuzz_survey_lines import SPACINGS  # noqa: F401  (the same spacings tried below)

    from cocoa_desktop.engine.files import fast_campaign, survey_io
    from cocoa_desktop.engine.model.issues import SurveyValidationError
    from cocoa_desktop.engine.model.survey import Campaign

    readers = {"fast_campaign.campaign": fast_campaign.campaign}
    rng = random.Random(2026)
    layout, other = _layout_bases(), _bases()
    mutants = [("base", base) for base in layout]
    for _ in range(cases):
        mutants.append(("layout", _mutate_in_layout(rng, rng.choice(layout)).data))
    from mutations import mutate_json
    for _ in range(cases // 3):
        mutants.append(("document", mutate_json(rng, rng.choice(other)).data))
    # a key given twice in each object of a survey line, as test_fuzz_survey_lines does
    base = survey_io.dumps(Campaign(name="Fincas", year=2024, surveys=generated_surveys(3, seed=7))).encode()
    lines = base.split(b"\n")
    for at in range(1, len(lines) - 2):
        comma = b"," if lines[at].endswith(b",") else b""
        text = lines[at].rstrip(b",").decode()
        for key_at in [i for i in range(len(text)) if text.startswith('":', i)][::3]:
            start = text.rindex('"', 0, key_at)
            key = text[start:key_at + 1]
            for twice in (f"{key}:null,", f"{key}:0.5,", f'{key}:"otro",'):
                brace = text.rindex("{", 0, start)
                mutated = text[:brace + 1] + twice + text[brace + 1:]
                mutants.append(("key twice", b"\n".join([*lines[:at], mutated.encode() + comma, *lines[at + 1:]])))
    seen: dict[str, Counter] = {name: Counter() for name in readers}
    bad: list[str] = []
    for kind, data in mutants:
        try:
            strict: Any = [s.model_dump(mode="json") for s in survey_io.surveys_of(survey_io.strict_loads(data))]
        except SurveyValidationError:
            strict = None
        for name, read in readers.items():
            try:
                found = read(data)
            except Exception as exc:  # a crash is a finding too
                seen[name]["CRASH " + type(exc).__name__] += 1
                bad.append(f"{name} {kind}: {exc!r:.100}")
                continue
            if found is None:
                seen[name]["not mine (strict reads): strict " + ("accepts" if strict else "refuses")] += 1
            elif strict is None:
                seen[name]["ACCEPTED what strict refuses"] += 1
                bad.append(f"{name} {kind}")
            elif _ids_given([_dump(s) for s in found.surveys], data) == _ids_given(strict, data):
                seen[name]["accepted, same surveys"] += 1
            else:
                seen[name]["accepted, DIFFERENT surveys"] += 1
                got = [_dump(s) for s in found.surveys]
                where = next((i for i, (x, y) in enumerate(zip(got, strict, strict=False)) if x != y), None)
                diff = "" if where is None else str({k: (got[where][k], strict[where][k]) for k in got[where]
                                                     if got[where][k] != strict[where].get(k)})
                bad.append(f"{name} {kind}: different ({len(got)} / {len(strict)} surveys) {diff:.300}")
    print(f"\nfile by file, {len(mutants)} files (fuzz mutants in and out of the layout, a key given twice):")
    for name, counts in seen.items():
        print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    for item in bad[:10]:
        print(f"  ! {item}")


def _ids_given(surveys: list[dict], data: bytes) -> list[dict]:
    """A survey without an id gets a new random one on every reading."""
    return [{**s, "id": "(generated)"} if s["id"].encode() not in data else s for s in surveys]


def _timed(fn: Any, rounds: int) -> tuple[float, float]:
    cpu, wall = [], []
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu), statistics.median(wall)


def with_file(path: Path, rounds: int) -> None:
    from cocoa_desktop.engine.files import fast_campaign, survey_io
    from cocoa_desktop.engine.files.bulk import bulk
    from cocoa_desktop.engine.files.fast_structs import compiled_check
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.engine.footprint.rollup import roll_up
    from cocoa_desktop.engine.model.survey import Survey

    data = path.read_bytes()
    with bulk():
        structs = fast_campaign.campaign(data)
        models = survey_io.loads(data).surveys  # type: ignore[union-attr]
    if structs is None:
        print(f"{path}: not read by fast_campaign.campaign (the strict reading would read it)")
        return
    n = len(models)
    by_model = sum(isinstance(s, Survey) for s in structs.surveys)
    check = compiled_check(Survey)
    cpu, wall = _timed(lambda: [check(s) for s in structs.surveys if not isinstance(s, Survey)], rounds)
    print(f"\n{n:,} farms of {path} ({by_model:,} lines read by the model's line reader): the model's validators on "
          f"the decoded structs (fast_structs.compiled_check): {cpu / n * 1e6:.1f} µs/farm CPU "
          f"({wall / n * 1e6:.1f} wall); median of {rounds}")
    for factor_set in ("promperu-2020",):
        f = factors_for(factor_set)

        def on_structs(f: Any = f) -> Any:
            return roll_up(structs.surveys, f, keep=True)

        def on_models(f: Any = f) -> Any:
            return roll_up(models, f, keep=True)

        a, b = roll_up(structs.surveys, f, keep=True), roll_up(models, f, keep=True)
        same = a.total == b.total and a.survey_values == b.survey_values and a.cooperatives == b.cooperatives
        times: dict[str, list[tuple[float, float]]] = {"structs": [], "pydantic": []}
        for _ in range(rounds):  # interleaved
            times["structs"].append(_timed(on_structs, 1))
            times["pydantic"].append(_timed(on_models, 1))
        cells = {k: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v)) for k, v in times.items()}
        print(f"roll_up (compute + roll-up, {factor_set}) unchanged on the structs: results identical: {same}; "
              + "; ".join(f"{k} {c / n * 1e6:.1f} µs/farm CPU ({w / n * 1e6:.1f} wall)" for k, (c, w) in cells.items())
              + f"; structs / pydantic {cells['structs'][0] / cells['pydantic'][0]:.2f}× CPU")
    compare_compute(structs.surveys, models, rounds)


def compute_json(surveys: list[Any], f: Any) -> str:
    """What ``cocoa-desktop compute FILE --json`` does after loading (cli.app._compute's steps, warnings counted)."""
    from cocoa_desktop.engine.footprint.checks import value_warnings
    from cocoa_desktop.engine.footprint.husk_model import husk_model_check, husk_model_document
    from cocoa_desktop.engine.footprint.rollup import roll_up
    from cocoa_desktop.engine.report import results_document

    campaign = roll_up(surveys, f, label="Total", keep=True)
    warnings = sum(len(list(value_warnings(s, v))) for s, v in zip(surveys, campaign.survey_values, strict=True))
    husk = husk_model_check(surveys, f, campaign.survey_values)
    doc = results_document(f, list(campaign.cooperatives.values()), campaign.total)
    doc["husk_methane_model"] = None if husk is None else husk_model_document(husk, "es")
    doc["warnings"] = warnings
    return json.dumps(doc, ensure_ascii=False, indent=2)


def compare_compute(structs: list[Any], models: list[Any], rounds: int) -> None:
    from cocoa_desktop.engine.footprint.factors import factors_for

    n = len(models)
    for factor_set in ("promperu-2020",):
        f = factors_for(factor_set)
        same = compute_json(structs, f) == compute_json(models, f)
        times: dict[str, list[tuple[float, float]]] = {"structs": [], "pydantic": []}
        for _ in range(rounds):  # interleaved
            times["structs"].append(_timed(lambda f=f: compute_json(structs, f), 1))
            times["pydantic"].append(_timed(lambda f=f: compute_json(models, f), 1))
        cells = {k: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v)) for k, v in times.items()}
        print(f"compute --json's steps after loading (roll-up, warnings, husk check, JSON), {factor_set}: the same "
              f"text: {same}; " + "; ".join(f"{k} {c / n * 1e6:.1f} µs/farm CPU ({w / n * 1e6:.1f} wall)"
                                              for k, (c, w) in cells.items())
              + f"; structs / pydantic {cells['structs'][0] / cells['pydantic'][0]:.2f}× CPU")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--cases", type=int, default=6000, help="survey cases (a third as many file mutants)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("the model's Python validators (run by fast_structs.compiled_check on the structs):")
    for name in validator_names():
        print(f"  {name}")
    differential_surveys(args.cases)
    differential_files(args.cases // 3)
    if args.file:
        with_file(args.file, args.rounds)


if __name__ == "__main__":
    main()
