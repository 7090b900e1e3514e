"""The console script as a technician runs it: ``cocoa-desktop economics`` and ``cocoa-desktop sample-size``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cocoa_desktop.engine.files.resources import example_path

SCRIPT = Path(sys.executable).with_name("cocoa-desktop")
APROCAM = str(example_path("aprocam-2024-carbon-project.json"))
DISTRICTS = ["Aramango=4", "Cajaruro=26", "Copallín=55", "El Parco=5", "Imaza=83", "La Peca=57", "Nieva=5"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_economics_text_and_json():
    done = run("economics", APROCAM)
    assert done.returncode == 0, done.stderr
    assert "1 529 284,17" in done.stdout and "42,43 %" in done.stdout and "año 2" in done.stdout
    assert "repiten el mismo VAN (64 441,53)" in done.stdout
    doc = json.loads(run("economics", APROCAM, "--json", "--lang", "en").stdout)
    assert doc["indicators"]["npv_spreadsheet_convention_pen"] == pytest.approx(1_365_432.31, abs=0.05)
    assert doc["indicators"]["irr"] == pytest.approx(0.4243, abs=5e-5)
    production = next(b for b in doc["break_even"] if b["variable"] == "cocoa_production")
    assert round(production["change"] * 100, 2) == -47.49
    assert any("repeats one NPV" in f["message"] for f in doc["source_inconsistencies"])


def test_economics_writes_the_workbook(tmp_path):
    out = tmp_path / "evaluacion.xlsx"
    done = run("economics", APROCAM, "--xlsx", str(out))
    assert done.returncode == 0 and out.stat().st_size > 5000


def test_sample_size_aprocam_table_1():
    done = run("sample-size", "--population", "235", "--confidence", "0.90", "--error", "0.10", "--json",
               "--strata", *DISTRICTS)
    doc = json.loads(done.stdout)
    assert doc["n"] == 53
    assert [s["n"] for s in doc["allocation"]["strata"]] == [1, 6, 12, 1, 19, 13, 1]
    text = run("sample-size", "--confidence", "90%", "--error", "10 %", "--strata", *DISTRICTS).stdout
    assert "52,70 → 53" in text


def test_sample_size_draws_producers_from_a_csv(tmp_path):
    rows = ["codigo;nombre;distrito"] + [f"P{i:03};Productor {i};{'Imaza' if i % 3 else 'Nieva'}" for i in range(60)]
    csv = tmp_path / "socios.csv"
    csv.write_text("\n".join(rows), encoding="cp1252")
    first = json.loads(run("sample-size", "--confidence", "0.9", "--error", "0.1", "--producers", str(csv),
                           "--seed", "42", "--json").stdout)
    again = json.loads(run("sample-size", "--confidence", "0.9", "--error", "0.1", "--producers", str(csv),
                           "--seed", "42", "--json").stdout)
    assert first["visit"] == again["visit"] and len(first["visit"]) == first["allocation"]["n"] == first["n"]
    assert first["population"] == 60


@pytest.mark.parametrize(("args", "es", "en"), [
    (["sample-size", "--population", "0", "--confidence", "0.9", "--error", "0.1"], "al menos 1", "at least 1"),
    (["sample-size", "--population", "235", "--confidence", "1.2", "--error", "0.1"], "entre 0 y 1",
     "strictly between 0 and 1"),
    (["sample-size", "--population", "235", "--confidence", "0.9", "--error", "0.1", "--strata", "Imaza"],
     "NOMBRE=N", "NAME=N"),
    (["sample-size", "--population", "200", "--confidence", "0.9", "--error", "0.1", "--strata", "A=5", "B=5"],
     "no es la suma", "not the sum"),
    (["sample-size", "--population", "doscientos", "--confidence", "0.9", "--error", "0.1"], "no es un número",
     "not a whole number"),
    (["economics", "/no/such/file.json"], "no se pudo leer", "could not read"),
])
def test_bad_input_exit_2_with_a_message_in_each_language(args, es, en):
    spanish, english = run(*args), run(*args, "--lang", "en")
    assert spanish.returncode == english.returncode == 2
    assert es in spanish.stderr and en in english.stderr
    assert "Traceback" not in spanish.stderr + english.stderr


def test_bad_csv_names_the_line(tmp_path):
    csv = tmp_path / "socios.csv"
    csv.write_text("nombre,distrito\nAna,Imaza\nLuis,\n", encoding="utf-8")
    done = run("sample-size", "--confidence", "0.9", "--error", "0.1", "--producers", str(csv), "--lang", "en")
    assert done.returncode == 2 and "line 3:" in done.stderr and "Traceback" not in done.stderr


def test_a_horizon_longer_than_the_cost_lists_ends_in_a_message_and_exit_2(tmp_path):
    """Issue 19 point 4: the example's costs listed for years 0–5 and ``"years": 10`` were read as free years 6–10."""
    doc = json.loads(Path(APROCAM).read_text(encoding="utf-8"))
    doc["project"]["years"] = 10
    path = tmp_path / "diez.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    for lang, words in (("es", "pero el proyecto llega al año 10"), ("en", "but the project runs to year 10")):
        done = run("economics", str(path), "--lang", lang)
        assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr
        assert done.stdout == ""
