"""A package import's fast path (issue 22): a new survey's package line decoded by msgspec into the survey's struct
and stored from it (storage/campaign_lines.struct_sections) must store exactly what the model's path stores, byte for
byte — each section's canonical text, its checksum, the survey's hash, its stamp, its row — or two laptops would
see false conflicts; and whatever the fast path cannot vouch for (a line written by other hands, a refused one) is
read the model's way, with the same result or the same error.

Each case imports the same package into two empty folders: through the fast path, and with it switched off
(``campaign_lines.pending`` giving None: today's path), then compares what both stored."""

from __future__ import annotations

import json
import random
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey
from cocoa_desktop.storage import campaign_lines
from cocoa_desktop.storage.documents import content_hash
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import export_package, import_campaigns, read_incoming
from tests.fuzz.mutations import change_at, package_bytes, value_paths
from tests.helpers import generated_surveys
from tests.test_properties import surveys as drawn_surveys

EXAMPLES = ("san-martin-2020-cooperatives.json", "san-martin-2020-region.json")  # the survey/campaign examples


def _package(folder: Path, campaigns: list[Campaign], target: Path) -> Path:
    """The package the app exports of a folder holding ``campaigns``."""
    with open_storage(folder) as storage:
        import_campaigns(storage.repo, campaigns, "source.json")
        export_package(storage.repo, target)
    return target


def _stored(repo: Any) -> dict[str, Any]:
    """Every row an import writes, its times left out, each text as its bytes; and each survey's hash."""
    ids = [str(i) for (i,) in repo.conn.execute("SELECT id FROM surveys ORDER BY id")]
    return {
        "surveys": repo.conn.execute("SELECT id, campaign_id, organisation_id, unit, farm_name, CAST(checked AS BLOB)"
                                     " FROM surveys ORDER BY id").fetchall(),
        "sections": repo.conn.execute("SELECT survey_id, section, CAST(content AS BLOB), CAST(checksum AS BLOB),"
                                      " version, model_version FROM survey_sections ORDER BY 1, 2").fetchall(),
        "aliases": repo.conn.execute("SELECT * FROM survey_aliases ORDER BY 1").fetchall(),
        "hashes": [content_hash(repo.document(i)) for i in ids],
    }


def _import(package: Path, folder: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, int]:
    """(what the import stored, or the error it raised; how many surveys it stored from their structs)."""
    kept = []
    real = campaign_lines.struct_sections

    def counted(*args: Any) -> Any:
        found = real(*args)
        kept.append(found is not None)
        return found

    with monkeypatch.context() as patch:
        patch.setattr(campaign_lines, "struct_sections", counted)
        if not fast:
            patch.setattr(campaign_lines, "pending", lambda line: None)
        with open_storage(folder) as storage:
            try:
                import_campaigns(storage.repo, read_incoming(package), str(package))
            except SurveyValidationError as exc:
                return ("refused", str(exc)), sum(kept)
            return _stored(storage.repo), sum(kept)


def _both(package: Path, work: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, int]:
    """What the fast path stores (asserted equal to today's path) and how many surveys it took from structs."""
    fast, kept = _import(package, work / "fast", True, monkeypatch)
    old, none = _import(package, work / "old", False, monkeypatch)
    assert none == 0
    assert fast == old
    return fast, kept


def test_every_line_of_the_examples_stores_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = [survey_io.read(example_path(name)) for name in EXAMPLES]
    campaigns = [c if isinstance(c, Campaign) else Campaign(name="Ejemplo", year=2024, surveys=[c]) for c in found]
    package = _package(tmp_path / "source", campaigns, tmp_path / "examples.cacao.zip")
    stored, kept = _both(package, tmp_path, monkeypatch)
    assert kept == len(stored["surveys"]) == sum(len(c.surveys) for c in campaigns) > 0


def test_generated_surveys_of_every_kind_of_field_store_the_same_rows(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    surveys = generated_surveys(400, seed=2222)
    campaigns = [Campaign(name="Campaña 2024", year=2024, surveys=surveys[:300]),
                 Campaign(name="Campaña 2023", year=2023, surveys=surveys[300:])]
    package = _package(tmp_path / "source", campaigns, tmp_path / "generated.cacao.zip")
    stored, kept = _both(package, tmp_path, monkeypatch)
    assert kept == len(stored["surveys"]) == 400


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(st.lists(drawn_surveys(), min_size=1, max_size=6))
def test_hypothesis_drawn_surveys_store_the_same_rows(monkeypatch: pytest.MonkeyPatch, drawn: list[Survey]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        package = _package(work / "source", [Campaign(name="Campaña", year=2024, surveys=drawn)],
                           work / "drawn.cacao.zip")
        stored, kept = _both(package, work, monkeypatch)
        assert kept == len(stored["surveys"]) == len(drawn)


def test_a_struct_is_kept_only_for_a_new_survey(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same package again: every survey is here, read the model's way and found identical (no struct kept)."""
    package = _package(tmp_path / "source", [Campaign(name="C", year=2024, surveys=generated_surveys(30, seed=5))],
                       tmp_path / "p.cacao.zip")
    first, kept = _import(package, tmp_path / "office", True, monkeypatch)
    again, kept_again = _import(package, tmp_path / "office", True, monkeypatch)
    assert kept == 30 and kept_again == 0 and again == first


# ---- lines written by other hands: the fast path must fall back, or refuse as today ----
VALUES: list[Any] = [0.00001, 1e-7, 1e16, 1.5e300, 5, 0, -1, 1.0, "x", "é", "\u00e9\n", True, None, [], {}, 2024,
                     0.1 + 0.2, 2**63, "farm", "cooperative"]


def _at(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _written_otherwise(line: bytes, rng: random.Random) -> bytes:
    """The line with a value changed, deleted, beside an unknown key, or its keys given twice, reordered, spaced,
    escaped."""
    doc = json.loads(line)
    roll = rng.random()
    if roll < 0.1:
        return line[:-1] + b"," + line[1:-1].split(b",", 1)[0] + b"}"  # its id given twice
    if roll < 0.2:
        return json.dumps(dict(reversed(list(doc.items()))), separators=(",", ":"), ensure_ascii=False).encode()
    numbers = [path for path in value_paths(doc) if isinstance(_at(doc, path), float)]
    if roll < 0.5 and numbers:  # another number, tiny, huge or with many digits (still valid, often)
        *parent_path, last = rng.choice(numbers)
        parent = _at(doc, tuple(parent_path))
        parent[last] = parent[last] * rng.choice([1e-6, 1e-9, 0.5, 1 / 3, 1.000001, 7.0]) or rng.choice([1e-05, 1e-7])
    elif roll < 0.8:
        change_at(doc, rng.choice(value_paths(doc)), rng, VALUES)
    spaced, escaped = rng.random() < 0.1, rng.random() < 0.1
    return json.dumps(doc, ensure_ascii=escaped, separators=(", ", ": ") if spaced else (",", ":")).encode()


def test_lines_written_otherwise_store_the_same_rows_or_are_refused_alike(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    package = _package(tmp_path / "source", [Campaign(name="C", year=2024, surveys=generated_surveys(6, seed=9))],
                       tmp_path / "p.cacao.zip")
    with zipfile.ZipFile(package) as zf:
        files = {name: zf.read(name) for name in zf.namelist() if name != "manifest.json"}
        manifest = json.loads(zf.read("manifest.json"))
    (name, data), = ((n, d) for n, d in files.items() if d.endswith(b"\n]}}\n"))
    head, _, body = data[:-len(b"\n]}}\n")].partition(b"\n")
    lines = body.split(b",\n")
    rng = random.Random(2026)
    outcomes = {"refused": 0, "stored": 0, "fell back": 0, "changed and kept": 0}
    for case in range(200):
        changed = list(lines)
        at = rng.randrange(len(lines))
        changed[at] = _written_otherwise(lines[at], rng)
        target = tmp_path / f"case{case}.cacao.zip"
        target.write_bytes(package_bytes({**files, name: head + b"\n" + b",\n".join(changed) + b"\n]}}\n"}, manifest))
        stored, kept = _both(target, tmp_path / f"case{case}", monkeypatch)
        if isinstance(stored, tuple):
            outcomes["refused"] += 1
        else:
            outcomes["stored"] += 1
            outcomes["fell back"] += len(lines) - kept
            outcomes["changed and kept"] += kept == len(lines) and changed[at] != lines[at]
    assert min(outcomes.values()) > 10, outcomes


def test_the_model_has_nothing_a_struct_would_dump_otherwise() -> None:
    """The struct's fields as JSON are the model's dump only while no class of the survey model has a serializer,
    a computed field or an alias (fast_structs refuses aliases; a validator's change is made on the struct too)."""
    from pydantic import BaseModel

    seen: set[type] = set()
    todo: list[type[BaseModel]] = [Survey]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        decorators = model.__pydantic_decorators__
        assert not decorators.field_serializers and not decorators.model_serializers, model
        assert not decorators.computed_fields and not model.model_computed_fields, model
        for info in model.model_fields.values():
            todo += [t for t in _types(info.annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
    assert len(seen) > 5


def _types(tp: Any) -> list[Any]:
    from typing import get_args

    return [tp, *(inner for arg in get_args(tp) for inner in _types(arg))]
