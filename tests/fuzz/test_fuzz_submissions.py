"""Fuzzing the import of phone submissions through ``cocoa-desktop import-submissions`` (issue 23).

KoboToolbox XLSX exports and ODK Central CSV zips of the app's own form, damaged as a download, a careless edit in
Excel or a hostile sender would: a repeat's sheet or CSV file missing, repeat rows whose submission is not in the
file (orphans), wrong types in any cell ("mil" in a number, a word in a choice, 1e400, TRUE, control characters),
formulas in text cells (=HYPERLINK(...)), rows doubled, columns shuffled, the zip truncated or its bytes flipped,
and 100,000 rows. For every one: exit 0 (all stored) or 2 with a message (the file named, or each refused
submission and orphan row listed), never a traceback, never a hang, and no refused submission in the database.
Seeded; ``COCOA_FUZZ_SUBMISSIONS=1000`` runs a larger set.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import xlsxwriter
from helpers import generated_surveys
from mutations import CONTROL, deadline
from openpyxl import load_workbook
from submission_files import odk_tables, write_kobo, write_odk

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.storage.paths import ENV_VAR, database_path
from cocoa_desktop.workbook.submission_tables import MAX_ROWS
from cocoa_desktop.workbook.submissions import read_submissions
from cocoa_desktop.workbook.xlsform import FORM_ID

CASES = int(os.environ.get("COCOA_FUZZ_SUBMISSIONS", "160"))
SEED = 20261223
HANG_SECONDS = 60
TALLY: Counter = Counter()
WRONG = ["mil", "", "TRUE", "1e400", "-5", "nan", "12,5", "Sí.", "x" * 300, "0", "2024.5", "=1+1",
         '=HYPERLINK("http://example.invalid","clic")', *(f"Juan{c}" for c in CONTROL)]
Sheets = dict[str, list[list]]


def _surveys():
    coops = survey_io.read(example_path("san-martin-2020-cooperatives.json")).surveys[:3]
    return [*coops, *generated_surveys(5, seed=11)]


def _kobo_sheets(surveys, path: Path) -> Sheets:
    book = load_workbook(write_kobo(surveys, path), read_only=True)
    sheets = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    book.close()
    return sheets


def _write_kobo_sheets(sheets: Sheets, path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                           "constant_memory": True})
    for title, rows in sheets.items():
        sheet = book.add_worksheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, str) and value.startswith("="):
                    sheet.write_formula(r, c, value)
                elif value is not None:
                    sheet.write(r, c, value)
    book.close()
    return path


def _mutate(rng: random.Random, tables: Sheets, kobo: bool) -> str:
    """One mutation of the tables, in place; its kind."""
    names = list(tables)
    main_name, repeats = names[0], [n for n in names[1:] if len(tables[n]) > 1]
    kind = rng.choice(["drop_repeat", "orphan", "wrong_value", "wrong_value", "wrong_value", "formula", "double_row",
                       "shuffle_columns", "drop_column", "empty_rows"])
    if kind == "drop_repeat" and repeats:
        del tables[rng.choice(repeats)]
    elif kind == "orphan" and repeats:
        rows = tables[rng.choice(repeats)]
        parent = rows[0].index("_parent_index" if kobo else "PARENT_KEY")
        rng.choice(rows[1:])[parent] = rng.choice([999, "uuid:nadie", "", None, "x"])
    elif kind in ("wrong_value", "formula"):
        name = rng.choice([main_name, *repeats])
        rows = tables[name]
        row = rng.choice(rows[1:])
        column = rng.randrange(len(rows[0]))
        while len(row) <= column:
            row.append(None)
        row[column] = rng.choice(WRONG) if kind == "wrong_value" else '=HYPERLINK("http://example.invalid","x")'
        kind += ":" + str(rows[0][column])
    elif kind == "double_row":
        rows = tables[rng.choice([main_name, *repeats])]
        rows.insert(rng.randrange(1, len(rows) + 1), list(rng.choice(rows[1:])))
    elif kind == "shuffle_columns":
        rows = tables[main_name]
        order = list(range(len(rows[0])))
        rng.shuffle(order)
        tables[main_name] = [[row[i] if i < len(row) else None for i in order] for row in rows]
    elif kind == "drop_column":
        rows = tables[rng.choice([main_name, *repeats])]
        column = rng.randrange(len(rows[0]))
        for row in rows:
            if column < len(row):
                del row[column]
    elif kind == "empty_rows":
        rows = tables[main_name]
        rows.insert(rng.randrange(1, len(rows) + 1), [None] * len(rows[0]))
    return kind


def _bytes_mutant(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    if rng.random() < 0.5:
        return "truncated", data[:rng.randrange(0, len(data))]
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return "bytes_flipped", bytes(damaged)


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with deadline(HANG_SECONDS), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def _stored_ids(folder: Path) -> set[str]:
    if not database_path(folder).exists():
        return set()
    conn = sqlite3.connect(f"{database_path(folder).as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM surveys")}
    finally:
        conn.close()


def _check(path: Path, folder: Path, kind: str, where: str) -> None:
    code, out, err = _run(["import-submissions", str(path), "--lang", random.Random(where).choice(["es", "en"])])
    assert code in (0, 2), f"{where} ({kind}): exit {code}: {err[:500]}"
    assert "Traceback" not in err and "Error interno" not in err and "Internal error" not in err, err[:500]
    TALLY["tried"] += 1
    TALLY[kind.split(":")[1]] += 1
    try:
        found = read_submissions(path)
    except SurveyValidationError:
        assert code == 2 and str(path) in err, f"{where} ({kind}): a broken file must be named: {err[:300]}"
        assert _stored_ids(folder) == set(), f"{where} ({kind}): a refused file stored something"
        TALLY["file_refused"] += 1
        return
    refused = {s.instance_id for s in found.refused} - {s.instance_id for s in found.valid}
    assert not refused & _stored_ids(folder), f"{where} ({kind}): a refused submission was stored"
    if code == 2:
        TALLY["some_refused"] += 1
        assert found.refused or found.orphans, f"{where} ({kind}): exit 2 with nothing refused"
        assert any(word in err + out for word in ("RECHAZADO", "REFUSED", "FILA SIN ENVÍO", "ROW WITHOUT")), err
    else:
        TALLY["all_stored"] += 1
        assert not found.refused and not found.orphans


def test_mutated_submission_files(tmp_path, monkeypatch):
    rng = random.Random(SEED)
    surveys = _surveys()
    kobo_base = _kobo_sheets(surveys, tmp_path / "base.xlsx")
    odk_base = odk_tables(surveys)
    started = time.perf_counter()
    for index in range(CASES):
        folder = tmp_path / f"datos{index}"
        monkeypatch.setenv(ENV_VAR, str(folder))
        kobo = index % 2 == 0
        tables = json.loads(json.dumps(kobo_base if kobo else odk_base))  # a deep copy
        kind = _mutate(rng, tables, kobo)
        path = tmp_path / f"m{index % 20}.{'xlsx' if kobo else 'zip'}"
        if kobo:
            _write_kobo_sheets(tables, path)
        else:
            write_odk([], path, tables=tables)
        if rng.random() < 0.15:
            kind, data = _bytes_mutant(rng, path.read_bytes())
            path.write_bytes(data)
        _check(path, folder, ("kobo:" if kobo else "odk:") + kind, f"case {index} seed {SEED}")
    print(f"\nsubmission fuzz ({time.perf_counter() - started:.0f} s): {json.dumps(dict(sorted(TALLY.items())))}")
    assert TALLY["some_refused"] + TALLY["file_refused"] > CASES // 4  # the mutations reach the checks
    assert TALLY["all_stored"] > CASES // 10  # and harmless ones get through


def test_100000_rows_are_a_message_in_bounded_time(tmp_path):
    """An export of 100,000 rows (twice the limit): a message naming the limit, quickly and without memory to
    speak of (the reader stops at the limit; the figures are printed, not asserted)."""
    rows = [["SubmissionDate", "page_organisation-general__organisation", "page_organisation-general__farm_name",
             "KEY"]] + [["2024-05-02", "Coop", f"Finca {i}", f"uuid:{i}"] for i in range(100_000)]
    odk = write_odk([], tmp_path / "grande.zip", tables={f"{FORM_ID}.csv": rows})
    kobo = tmp_path / "grande.xlsx"
    book = xlsxwriter.Workbook(str(kobo), {"constant_memory": True})
    sheet = book.add_worksheet("envios")
    for r, row in enumerate([["general__organisation", "general__farm_name", "_index"]]
                            + [["Coop", f"Finca {i}", i] for i in range(1, 100_001)]):
        sheet.write_row(r, 0, row)
    book.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, ENV_VAR: str(tmp_path / "datos"), "PYTHONPATH": str(root)}
    for path in (odk, kobo):  # each in its own process: its peak memory is its own
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "cocoa_desktop", "import-submissions", str(path)], env=env,
                              capture_output=True, text=True, timeout=HANG_SECONDS * 5, check=False)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far, MB
        print(f"\n100,000 rows, {path.suffix}: exit {done.returncode} in {seconds:.1f} s, peak memory of the "
              f"largest process so far {peak:.0f} MB")
        assert done.returncode == 2 and str(path) in done.stderr, done.stderr
        assert f"{MAX_ROWS:,}".replace(",", " ") in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert _stored_ids(tmp_path / "datos") == set()
