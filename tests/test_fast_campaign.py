"""The bulk reader of ``compute FILE`` (engine/files/fast_campaign.py: msgspec Structs derived from the survey model)
is exactly as strict as the app's reading, and ``compute`` gives byte for byte what it gives on the model's
instances: on the examples and on a generated campaign touching every kind of survey; every file it vouches for is
accepted by the strict reading with equal surveys, and each trap (a key given twice, NaN, out of range, an unknown
key, a wrong type, an id ``"a\\n"`` that a Python ``$`` would let through) makes it give None, so ``compute`` gives
today's error."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import msgspec
import pytest
from helpers import generated_surveys

from cocoa_desktop.cli.app import main
from cocoa_desktop.engine.files import fast_campaign, survey_io
from cocoa_desktop.engine.files.fast_structs import rust_pattern
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import available_factor_sets
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey
from tests.fuzz.mutations import change_at, value_paths

EXAMPLES = sorted(p.name for p in example_path("san-martin-2020-region.json").parent.glob("*.json")
                  if json.loads(p.read_bytes())["format"] in (survey_io.SURVEY_FORMAT, survey_io.CAMPAIGN_FORMAT))


def _campaign_file(tmp_path: Path) -> Path:
    """Generated farms and cooperatives (packaging lists, land-use conversions, both units, wet or dry cocoa),
    some with estimated fields; drafts are never in files."""
    surveys = generated_surveys(240, seed=22)
    for index, survey in enumerate(surveys[::5]):
        survey.estimated_fields = ["general.dry_cocoa_kg", "husk.shares"][: 1 + index % 2]
    assert any(s.packaging for s in surveys) and any(s.land_use_change.conversions for s in surveys)
    path = tmp_path / "campaign.json"
    survey_io.write(Campaign(name="Campaña generada", year=2024, surveys=surveys), path)
    return path


def _run(words: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(words)
    out, err = capsys.readouterr()
    return code, out, err


def _both_paths(words: list[str], capsys: pytest.CaptureFixture[str],
                monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    fast = _run(words, capsys)
    with monkeypatch.context() as patch:
        patch.setattr(fast_campaign, "campaign", lambda data, format_version=0: None)
        strict = _run(words, capsys)
    return fast, strict


def test_the_generated_campaign_is_read_by_the_bulk_reader(tmp_path: Path) -> None:
    data = _campaign_file(tmp_path).read_bytes()
    found = fast_campaign.campaign(data)
    assert found is not None and all(isinstance(s, fast_campaign.SurveyStruct) for s in found.surveys)
    strict = survey_io.strict_loads(data)
    assert isinstance(strict, Campaign)
    assert [msgspec.to_builtins(s) for s in found.surveys] == [s.model_dump(mode="json") for s in strict.surveys]
    assert (found.name, found.year, found.region, found.notes) == (strict.name, strict.year, strict.region,
                                                                   strict.notes)


@pytest.mark.parametrize("factor_set", available_factor_sets())
@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("as_json", [True, False])
def test_compute_is_byte_identical_on_the_structs(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch, factor_set: str, lang: str,
                                                  as_json: bool) -> None:
    rewritten = tmp_path / "cooperatives-as-the-app-writes.json"  # the example in the app's layout: read as structs
    survey_io.write(survey_io.read(example_path("san-martin-2020-cooperatives.json")), rewritten)
    assert fast_campaign.campaign(rewritten.read_bytes()) is not None
    files = [_campaign_file(tmp_path), rewritten] + [example_path(name) for name in EXAMPLES]
    for path in files:
        words = ["compute", str(path), "--factor-set", factor_set, "--lang", lang] + (["--json"] if as_json else [])
        fast, strict = _both_paths(words, capsys, monkeypatch)
        assert fast == strict, path.name
        assert fast[0] == 0 and fast[1]


def test_a_number_written_otherwise_reads_that_line_the_models_way(tmp_path: Path) -> None:
    """``1e-05`` (Python's way) where msgspec writes ``0.00001``, an escaped letter, spaces after the colons: the
    line is read by the model's line reader, the rest as structs, and the file is not refused."""
    data = _campaign_file(tmp_path).read_bytes()
    lines = data.split(b"\n")
    doc = json.loads(lines[3].rstrip(b","))
    doc["general"]["productive_area_ha"] += 1e-05
    doc["general"]["producers"] = 1
    doc["fermentation"]["fermented_share"] = 1e-05
    doc["general"]["organisation"] = "Asociación"
    lines[3] = json.dumps(doc, ensure_ascii=True, separators=(",", ":")).encode() + b","
    lines[4] = lines[4].replace(b'":', b'": ')
    assert b"1e-05" in lines[3] and b"\\u00f3" in lines[3]
    changed = b"\n".join(lines)
    found = fast_campaign.campaign(changed)
    strict = survey_io.strict_loads(changed)
    assert found is not None and isinstance(strict, Campaign)
    assert [type(s) for s in found.surveys[2:4]] == [Survey, Survey]
    assert isinstance(found.surveys[0], fast_campaign.SurveyStruct)
    assert [_dump(s) for s in found.surveys] == [s.model_dump(mode="json") for s in strict.surveys]


def _dump(item: Any) -> Any:
    return item.model_dump(mode="json") if isinstance(item, Survey) else msgspec.to_builtins(item)


def _given_ids(dumps: list[dict], data: bytes) -> list[dict]:
    """A survey without an id gets a new random one on every reading: those compared as one."""
    for dump in dumps:
        if dump["id"].encode() not in data:
            dump["id"] = "(generated)"
    return dumps


def _id_only(line: bytes) -> bytes:
    """The line with its id set to ``"a\\n"`` (the trap of a final ``$``: written as the app writes it)."""
    doc = json.loads(line.rstrip(b","))
    doc["id"] = "a\n"
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() + b","


TRAPS = {
    "key given twice": lambda line: line.replace(b'{"id":', b'{"id":"x","id":', 1),
    "NaN": lambda line: line.replace(b'"productive_area_ha":', b'"productive_area_ha":NaN,"x":', 1),
    "out of range": lambda line: line.replace(b'"campaign_year":2024', b'"campaign_year":1700', 1),
    "unknown key": lambda line: line.replace(b'{"id":', b'{"colour":"red","id":', 1),
    "wrong type": lambda line: line.replace(b'"campaign_year":2024', b'"campaign_year":"2024"', 1),
    "id a\\n": _id_only,
}


@pytest.mark.parametrize("trap", list(TRAPS))
def test_each_trap_gives_none_and_compute_gives_todays_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             trap: str) -> None:
    path = _campaign_file(tmp_path)
    lines = path.read_bytes().split(b"\n")
    lines[7] = TRAPS[trap](lines[7])
    data = b"\n".join(lines)
    assert data != path.read_bytes()
    path.write_bytes(data)
    assert fast_campaign.campaign(data) is None
    with pytest.raises(SurveyValidationError) as refused:
        survey_io.strict_loads(data, source=str(path))
    for lang in ("es", "en"):
        code, out, err = _run(["compute", str(path), "--lang", lang], capsys)
        assert (code, out) == (2, "") and err == refused.value.summary(lang) + "\n"


def test_a_final_dollar_is_the_end_of_the_text() -> None:
    assert rust_pattern("^[a-z]+$") == r"^[a-z]+\Z" and rust_pattern(r"a\$") == r"a\$"
    assert rust_pattern(r"[^\x{FFFE}]") == "[^\\U0000fffe]"


VALUES = [None, -1, 0, 1, 1.5, -0.0, 1e308, 10**20, "", "x", "a\n", True, [], {}, [1], {"x": 1}]


def _changed(doc: Any, path: tuple, rng: random.Random) -> Any:
    """A copy of ``doc`` with the value at ``path`` replaced, deleted, or beside an unknown key."""
    doc = json.loads(json.dumps(doc))
    change_at(doc, path, rng, VALUES)
    return doc


def test_what_the_bulk_reader_vouches_for_the_strict_reading_accepts_equal(tmp_path: Path) -> None:
    """Differential: lines changed at random paths (a value of another type or range, a key deleted or unknown),
    written as the app writes a line or with ``json.dumps``' spaces; each file the bulk reader vouches for is
    accepted by the strict reading with equal surveys and campaign fields, and the rest it leaves alone."""
    rng = random.Random(22)
    base = _campaign_file(tmp_path).read_bytes().split(b"\n")
    body = base[1:-2]
    outcomes = {"vouched": 0, "left": 0}
    for case in range(300):
        lines = list(base)
        at = 1 + rng.randrange(len(body))
        comma = lines[at].endswith(b",")
        doc = json.loads(lines[at].rstrip(b","))
        changed = _changed(doc, rng.choice(value_paths(doc)), rng)
        spaced = case % 5 == 0
        text = json.dumps(changed, ensure_ascii=case % 7 == 0, separators=(", ", ": ") if spaced else (",", ":"))
        lines[at] = text.encode() + (b"," if comma else b"")
        data = b"\n".join(lines)
        found = fast_campaign.campaign(data)
        if found is None:
            outcomes["left"] += 1
            continue
        outcomes["vouched"] += 1
        strict = survey_io.strict_loads(data)
        assert isinstance(strict, Campaign), case
        assert (_given_ids([_dump(s) for s in found.surveys], data)
                == _given_ids([s.model_dump(mode="json") for s in strict.surveys], data)), case
        assert (found.name, found.year) == (strict.name, strict.year)
    assert outcomes["vouched"] > 20 and outcomes["left"] > 20, outcomes
