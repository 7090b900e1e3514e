"""compute's bulk reader (engine/files/fast_campaign.py: msgspec Structs derived from the survey model) vouches only
for what the strict reading accepts, with the same surveys: the fuzz suites' mutants of campaign files in the app's
layout (a line through a document mutator, lines dropped, doubled or moved, the whole file's byte mutations) and a
key given twice in every object of a survey line; anything else gives None (then compute reads the strict way)."""

from __future__ import annotations

import json
import random
from collections import Counter
from typing import Any

import msgspec
from helpers import generated_surveys
from mutations import deadline
from test_fuzz_files import HANG_SECONDS, SCALE, SEED, _layout_bases, _mutate_in_layout
from test_fuzz_survey_lines import _at, _objects

from cocoa_desktop.engine.files import fast_campaign, survey_io
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey

CASES = 600 * SCALE


def _dumps(surveys: list[Any], data: bytes) -> list[dict]:
    found = [s.model_dump(mode="json") if isinstance(s, Survey) else msgspec.to_builtins(s) for s in surveys]
    for dump in found:  # a survey without an id gets a new random one on every reading
        if dump["id"].encode() not in data:
            dump["id"] = "(generated)"
    return found


def _agree(data: bytes, where: str) -> bool:
    """When the bulk reader vouches for ``data``, the strict reading accepts it with the same campaign; returns
    whether it vouched."""
    with deadline(HANG_SECONDS):
        found = fast_campaign.campaign(data)
        try:
            strict = survey_io.strict_loads(data)
        except SurveyValidationError as exc:
            assert found is None, f"{where}: vouched for what the strict reading refuses: {exc.summary('en')}"
            return False
    if found is None:
        return False
    assert isinstance(strict, Campaign), where
    assert (found.name, found.year, found.region, found.notes) == (strict.name, strict.year, strict.region,
                                                                   strict.notes), where
    assert _dumps(found.surveys, data) == _dumps(list(strict.surveys), data), where
    return True


def test_the_bulk_reader_vouches_only_for_what_the_strict_reading_accepts_on_mutants():
    rng = random.Random(SEED + 22)
    bases = _layout_bases()
    seen: Counter = Counter()
    for base in bases:
        assert _agree(base, "base")
    for index in range(CASES):
        mutant = _mutate_in_layout(rng, rng.choice(bases))
        seen[_agree(mutant.data, f"#{index} seed {SEED + 22} ({mutant.kind})")] += 1
    assert seen[True] > CASES // 20 and seen[False] > CASES // 4, seen


def test_a_key_given_twice_in_any_object_is_never_vouched_for():
    base = survey_io.dumps(Campaign(name="Fincas", year=2024, surveys=generated_surveys(4, seed=7))).encode()
    lines = base.split(b"\n")
    tried = 0
    for at in range(1, len(lines) - 2):
        comma = b"," if lines[at].endswith(b",") else b""
        doc = json.loads(lines[at].rstrip(b","))
        for path in _objects(doc):
            node = _at(doc, path)
            if not node:
                continue
            key = next(iter(node))
            text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
            inner = json.dumps(node, ensure_ascii=False, separators=(",", ":"))
            twice = inner[:-1] + "," + json.dumps(key) + ":" + json.dumps(node[key], separators=(",", ":")) + "}"
            changed = [*lines[:at], text.replace(inner, twice, 1).encode() + comma, *lines[at + 1:]]
            data = b"\n".join(changed)
            assert data != base
            assert fast_campaign.campaign(data) is None, (at, path)
            tried += 1
    assert tried > 40
