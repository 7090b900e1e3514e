"""The line reader (engine/files/survey_lines.py: each survey line validated by the model's own JSON reader, which
keeps the last of two equal keys) gives exactly what the strict reading gives (``survey_io.strict_loads``: the app's
JSON parser, then the model): the same campaign, or the same error — a key given twice anywhere included, however
it is spaced or escaped. And the shared sets of given fields (engine/model/given_keys.py) behave as a model's own."""

from __future__ import annotations

import json
import random
from collections import Counter
from typing import Any

import pytest
from helpers import generated_surveys
from mutations import deadline
from test_fuzz_files import HANG_SECONDS, SCALE, SEED, _layout_bases, _mutate_in_layout

from cocoa_desktop.engine.files import survey_io, survey_lines
from cocoa_desktop.engine.model.given_keys import given_keys
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey

LINE_CASES = 600 * SCALE


def _outcome(read: Any, data: bytes) -> tuple[Any, ...]:
    try:
        item = read(data, "archivo.json")
    except SurveyValidationError as exc:
        return ("refused", [(i.code, i.path, i.message_es, i.message_en) for i in exc.issues], exc.summary("es"),
                exc.summary("en"))
    surveys = [s.model_dump() for s in survey_io.surveys_of(item)]
    for dump in surveys:  # a survey without an id gets a new random one on every reading
        if dump["id"].encode() not in data:
            dump["id"] = "(generated)"
    fields = [sorted(s.model_fields_set) for s in survey_io.surveys_of(item)]
    return ("accepted", type(item).__name__, getattr(item, "name", None), surveys, fields)


def _agree(data: bytes, where: str) -> tuple[str, bool]:
    """loads and strict_loads give the same; returns the outcome and whether the line reader vouched for it."""
    with deadline(HANG_SECONDS):
        expected = _outcome(survey_io.strict_loads, data)
        got = _outcome(survey_io.loads, data)
        fast = survey_lines.campaign(data, survey_io.CAMPAIGN_FORMAT, survey_io.FORMAT_VERSION) is not None
    assert got == expected, f"{where}: {got[:2]} != {expected[:2]}"
    assert not fast or expected[0] == "accepted", f"{where}: the line reader accepted what the strict one refuses"
    return expected[0], fast


def _objects(node: Any, path: tuple = ()) -> list[tuple]:
    """The path of every JSON object inside ``node``."""
    found = [path] if isinstance(node, dict) else []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        found += _objects(value, (*path, key))
    return found


def _at(node: Any, path: tuple) -> Any:
    for part in path:
        node = node[part]
    return node


SPACINGS = ['{k}:{v},', '{k} :{v},', '{k}\t:{v},', '{k}\r\n:{v},', '{k}  : {v} ,']


def test_a_key_given_twice_is_refused_as_the_strict_reading_refuses_it_in_every_object():
    """Every object of a survey line (the survey, each section, each list item, the shares) given one of its keys
    twice — the same value or another, spaced as JSON allows — is refused with the strict reading's error."""
    base = survey_io.dumps(Campaign(name="Fincas", year=2024, surveys=generated_surveys(4, seed=7))).encode()
    lines = base.split(b"\n")
    seen: Counter = Counter()
    for at in range(1, len(lines) - 2):
        comma = b"," if lines[at].endswith(b",") else b""
        doc = json.loads(lines[at].rstrip(b","))
        for index, path in enumerate(_objects(doc)):
            node = _at(doc, path)
            if not node:
                continue
            key = sorted(node)[index % len(node)]
            other = node[key] if index % 2 else "otro"
            text = json.dumps(_at(doc, path), ensure_ascii=False, separators=(",", ":"))
            extra = SPACINGS[index % len(SPACINGS)].format(k=json.dumps(key), v=json.dumps(other))
            twice = json.loads(lines[at].rstrip(b","))
            inner = "{" + extra + text[1:]
            if path:
                parent = _at(twice, path[:-1])
                parent[path[-1]] = "\0MARK\0"
            whole = json.dumps(twice, ensure_ascii=False, separators=(",", ":"))
            whole = whole.replace('"\\u0000MARK\\u0000"', inner) if path else inner
            mutated = [*lines[:at], whole.encode() + comma, *lines[at + 1:]]
            outcome, fast = _agree(b"\n".join(mutated), f"line {at} object {path} key {key}")
            assert outcome == "refused" and not fast
            seen[outcome] += 1
    assert seen["refused"] > 50


def test_keys_given_twice_where_defaults_hold_a_mapping_are_refused():
    """A survey without its husk and drying sections (their defaults hold shares, no key of the input) and two keys
    given twice: as many keys in the text as the survey holds entries, still refused as the strict reading does."""
    head = survey_io.dumps(Campaign(name="C", year=2024)).split("\n")[0]
    general = '"general":{"organisation":"C","campaign_year":2024,"productive_area_ha":1.0,"dry_cocoa_kg":10.0%s}'
    for twice in ('"id":"a",', '"unit":"farm",'):
        for extra, outcome in (("", ("accepted", True)), (',"dry_cocoa_kg":10.0', ("refused", False))):
            line = '{"id":"a","unit":"farm",' + twice + general % extra + "}" if extra else (
                '{"id":"a","unit":"farm",' + general % "" + "}")
            assert _agree(f"{head}\n{line}\n]}}}}\n".encode(), line) == outcome


@pytest.mark.parametrize("text", ['a":b', ':a', 'a\\"b', 'a\\\\', '" :', 'a\tb', 'línea\nsegunda', '":'])
def test_texts_that_look_like_keys_are_read_as_the_strict_reading_reads_them(text):
    """A text holding a quote, a colon, a backslash or a line break (escaped) is read the same; a plain one by the
    line reader itself."""
    surveys = generated_surveys(3, seed=11)
    surveys[1] = surveys[1].model_copy(update={"notes": text})
    data = survey_io.dumps(Campaign(name="Fincas", year=2024, surveys=surveys)).encode()
    assert _agree(data, repr(text)) == ("accepted", True)


@pytest.mark.parametrize("raw", [b"\xff", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\x00", b"\x1f",
                                 b"\x7f", b"\xc2\x85", b"\xef\xbf\xbe"])
def test_bytes_that_are_not_text_are_refused_as_the_strict_reading_refuses_them(raw):
    """Bytes that are not UTF-8 (a lone byte, an encoded surrogate, an overlong form, past U+10FFFF), a raw control
    character or a non-character inside a survey line's text: refused with the strict reading's error."""
    data = survey_io.dumps(Campaign(name="Fincas", year=2024, surveys=generated_surveys(2, seed=1))).encode()
    at = data.index(b'"farm_name":"') + len(b'"farm_name":"')
    assert _agree(data[:at] + raw + data[at:], repr(raw)) == ("refused", False)


def test_the_line_reader_reads_the_app_s_own_files_and_agrees_on_mutants():
    """The app's own campaign files are read by the line reader; mutants of them (a survey line changed, dropped,
    doubled or moved, the file's bytes changed) are read the same as the strict reading reads them."""
    rng = random.Random(SEED + 5)
    bases = _layout_bases()
    for base in bases:
        assert _agree(base, "base") == ("accepted", True)
    seen: Counter = Counter()
    for index in range(LINE_CASES):
        mutant = _mutate_in_layout(rng, rng.choice(bases))
        outcome, fast = _agree(mutant.data, f"mutant #{index} seed {SEED + 5} ({mutant.kind})")
        seen[outcome, fast] += 1
    print(f"\nline reader fuzz: {dict(seen)}")
    assert seen["accepted", True] and seen["refused", False] > LINE_CASES // 3


def test_shared_sets_of_given_fields_behave_as_a_model_s_own():
    """A survey read in bulk shares one set of given fields per class; a copy, an assignment and a dump behave as
    with its own set, and the other surveys are not touched."""
    surveys = generated_surveys(3, seed=5)
    data = survey_io.dumps(Campaign(name="Fincas", year=2024, surveys=surveys)).encode()
    first, second, _ = survey_io.loads(data).surveys  # type: ignore[union-attr]
    strict = survey_io.strict_loads(data).surveys  # type: ignore[union-attr]
    assert first.fermentation.model_fields_set is second.fermentation.model_fields_set
    assert first == surveys[0] and second == surveys[1]
    copy = first.fermentation.model_copy(update={"fermented_share": 0.5})
    copy.method = "heap"  # type: ignore[assignment]  # validated on assignment
    assert second.fermentation.model_fields_set == {"method", "fermented_share", "on_farm_share"}
    assert first.fermentation.fermented_share == surveys[0].fermentation.fermented_share
    assert first.model_dump(exclude_unset=True) == strict[0].model_dump(exclude_unset=True)
    partial = Survey.model_validate_json(b'{"id":"x","general":{"organisation":"C","campaign_year":2024,'
                                         b'"productive_area_ha":1.0,"dry_cocoa_kg":10.0}}')
    assert given_keys(partial) == 6  # two keys of the survey, four of its general: no default counted
    assert partial.general.model_fields_set == {"organisation", "campaign_year", "productive_area_ha", "dry_cocoa_kg"}
