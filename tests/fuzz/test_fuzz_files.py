"""Fuzzing the readers of survey JSON files and survey packages through the command line.

For every mutated file: exit 0 only for content that is valid, otherwise exit 2 with a message naming the file —
never a traceback (exit 70 is the CLI's "internal error": a bug), never a hang, and the data folder unchanged when
a package is refused. Seeded: a failure is reproduced by its seed and index. ``COCOA_FUZZ_SCALE=10`` runs ten
times as many cases (the default is sized for CI: about 1,200 JSON files and 600 packages).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers import generated_surveys
from mutations import (
    DOC_MUTATORS,
    MAYBE,
    Mutant,
    _bomb,
    check_outcome,
    deadline,
    mutate_json,
    mutate_package,
    package_bytes,
)
from reader_outcomes import by_read, by_stream

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.storage.paths import ENV_VAR, database_path
from cocoa_desktop.storage.startup import open_storage

SCALE = int(os.environ.get("COCOA_FUZZ_SCALE", "1"))
JSON_CASES = 1200 * SCALE
PACKAGE_CASES = 600 * SCALE
STREAM_CASES = 600 * SCALE  # through the streaming reader (engine/survey_stream) and survey_io.read side by side
IMPORTED_PACKAGES = 150 * SCALE  # of which go through `package import` into a data folder
HANG_SECONDS = 20
SEED = 20261130
TALLY: Counter = Counter()


def _bases() -> list[bytes]:
    region = example_path("san-martin-2020-region.json").read_bytes()
    coops = example_path("san-martin-2020-cooperatives.json").read_bytes()
    farms = survey_io.dumps(Campaign(name="Fincas", year=2024, surveys=generated_surveys(6, seed=3))).encode()
    return [region, coops, farms]



def _run(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with deadline(HANG_SECONDS), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, err.getvalue()


def _check(mutant: Mutant, path: Path, code: int, err: str, where: str) -> None:
    check_outcome(mutant, path, code, err, where, TALLY)


def _folder_state(folder: Path) -> str:
    """What a technician would lose: every survey's sections and the conflicts (backups are allowed to grow)."""
    conn = sqlite3.connect(f"{database_path(folder).as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT survey_id, section, content FROM survey_sections ORDER BY 1, 2").fetchall()
        rows += conn.execute("SELECT survey_id, theirs_hash, '' FROM conflicts ORDER BY 1, 2").fetchall()
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_mutated_survey_and_campaign_files(tmp_path):
    rng = random.Random(SEED)
    bases = _bases()
    for index in range(JSON_CASES):
        mutant = mutate_json(rng, rng.choice(bases))
        path = tmp_path / f"m{index % 50}.json"
        path.write_bytes(mutant.data)
        code, err = _run(["compute", str(path), "--json", "--lang", rng.choice(["es", "en"])])
        _check(mutant, path, code, err, f"json #{index} seed {SEED}")
    assert TALLY["refused"] > JSON_CASES // 2  # the mutations do reach the checks
    assert TALLY["accepted"] > 0  # and valid ones get through (a reader refusing everything would pass otherwise)


def _layout_bases() -> list[bytes]:
    """Campaigns in the app's own layout (one survey per line), the one the streaming reader streams."""
    coops = survey_io.read(example_path("san-martin-2020-cooperatives.json"))
    farms = Campaign(name="Fincas", year=2024, surveys=generated_surveys(6, seed=3))
    return [survey_io.dumps(coops).encode(), survey_io.dumps(farms).encode()]


def _mutate_in_layout(rng: random.Random, base: bytes) -> Mutant:
    """A mutation the stream meets on its way: one survey's line through a document mutator (the lines around it
    kept), a survey line dropped, doubled or moved; otherwise the whole file's byte or document mutations."""
    lines = base.split(b"\n")  # head, one line per survey, "]}}", ""
    at = rng.randrange(1, len(lines) - 2)
    pick = rng.random()
    if pick < 0.5:
        comma = b"," if lines[at].endswith(b",") else b""
        inner = rng.choice(DOC_MUTATORS)(rng, json.loads(lines[at].rstrip(b",")))
        lines[at] = inner.data + comma
        return Mutant(f"line:{inner.kind}", b"\n".join(lines), MAYBE)
    if pick < 0.65:
        other = rng.randrange(1, len(lines) - 2)
        kind = rng.choice(["drop", "double", "move"])
        if kind == "drop":
            del lines[at]
        else:
            lines.insert(other, lines[at] if kind == "double" else lines.pop(at))
        return Mutant(f"line:{kind}", b"\n".join(lines), MAYBE)
    return mutate_json(rng, base)


def test_the_streaming_reader_agrees_with_read_on_mutants(tmp_path):
    """The report's streaming reader accepts what survey_io.read accepts (the same surveys, the same name) and
    refuses what it refuses (the same issues, messages and source), mutants of the app's own layout included."""
    rng = random.Random(SEED + 3)
    bases = _layout_bases()
    seen: Counter = Counter()
    for index in range(STREAM_CASES):
        mutant = _mutate_in_layout(rng, rng.choice(bases))
        path = tmp_path / f"st{index % 50}.json"
        path.write_bytes(mutant.data)
        with deadline(HANG_SECONDS):
            expected = by_read(path)
            got, streamed = by_stream(path)
        assert got == expected, f"stream #{index} seed {SEED + 3} ({mutant.kind}): {got[:2]} != {expected[:2]}"
        seen[(expected[0], "streamed" if streamed else "read whole")] += 1
    print(f"\nstream fuzz: {dict(seen)}")
    assert seen["accepted", "streamed"] and seen["accepted", "read whole"]  # both paths do run
    assert seen["refused", "read whole"] > STREAM_CASES // 3


def test_mutated_packages(tmp_path, monkeypatch):
    rng = random.Random(SEED + 1)
    campaigns = [Campaign(name="Cooperativas", year=2019,
                          surveys=list(survey_io.read(example_path("san-martin-2020-cooperatives.json")).surveys)),
                 Campaign(name="Fincas", year=2024, surveys=generated_surveys(4, seed=5))]
    files = {f"campaigns/{i:03d}.json": survey_io.dumps(c).encode() for i, c in enumerate(campaigns, start=1)}
    manifest = {"format": "cocoa-desktop/package", "format_version": 1, "survey_format_version": 1,
                "schema_version": 3, "app_version": "0.1.0", "campaigns": [c.name for c in campaigns]}
    raw = package_bytes(files, manifest)
    folder = tmp_path / "datos"
    monkeypatch.setenv(ENV_VAR, str(folder))
    assert _run(["package", "import", str(example_path("san-martin-2020-region.json"))])[0] == 0
    mutants = [mutate_package(rng, files, manifest, raw) for _ in range(PACKAGE_CASES)]
    mutants += [_bomb(rng, files, manifest, raw) for _ in range(2)]
    for index, mutant in enumerate(mutants):
        path = tmp_path / f"p{index % 50}.cacao.zip"
        path.write_bytes(mutant.data)
        if index < IMPORTED_PACKAGES:
            before = _folder_state(folder)
            code, err = _run(["package", "import", str(path)])
            _check(mutant, path, code, err, f"package import #{index}")
            if code == 2:
                assert _folder_state(folder) == before, f"package #{index} ({mutant.kind}) changed the data"
        else:
            code, err = _run(["compute", str(path), "--json"])
            _check(mutant, path, code, err, f"package #{index}")
    print(f"\nfuzz: {dict(TALLY)}")


def test_a_few_mutants_through_the_real_console_script(tmp_path):
    """The same checks on real processes: the interpreter's own traceback or a hang would show here."""
    rng = random.Random(SEED + 2)
    bases = _bases()
    env = {**os.environ, ENV_VAR: str(tmp_path / "datos"), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for index in range(12):
        mutant = mutate_json(rng, rng.choice(bases))
        path = tmp_path / f"s{index}.json"
        path.write_bytes(mutant.data)
        done = subprocess.run([sys.executable, "-m", "cocoa_desktop", "package", "import", str(path)], env=env,
                              capture_output=True, text=True, timeout=60)
        _check(mutant, path, done.returncode, done.stderr, f"subprocess #{index}")


def test_the_fuzz_mutations_keep_the_shipped_examples_valid():
    """The mutators start from valid files (otherwise every refusal would prove nothing)."""
    for base in _bases():
        assert survey_io.loads(base)


def test_the_limits_are_named_in_the_file_format_guide():
    text = (Path(__file__).resolve().parents[2] / "user_guide" / "en" / "file-format.md").read_text()
    assert "200 MB" in text and "200,000" in text and "100 MB" in text


@pytest.fixture(autouse=True, scope="module")
def _report_counts():
    yield
    sys.stdout.write(f"\nfuzz tally: {json.dumps(dict(TALLY))}\n")


def test_folder_state_sees_a_change(tmp_path, monkeypatch):
    """The data-folder check can fail: importing a valid file changes the state."""
    folder = tmp_path / "datos"
    monkeypatch.setenv(ENV_VAR, str(folder))
    open_storage().close()
    before = _folder_state(folder)
    assert _run(["package", "import", str(example_path("san-martin-2020-region.json"))])[0] == 0
    assert _folder_state(folder) != before
