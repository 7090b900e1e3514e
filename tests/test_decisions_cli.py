"""``cocoa-desktop recommend``, ``scenario`` and ``compute --uncertainty`` as a technician runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files.resources import example_path

SCRIPT = Path(sys.executable).with_name("cocoa-desktop")
COOPS = str(example_path("san-martin-2020-cooperatives.json"))
REGION = str(example_path("san-martin-2020-region.json"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_recommend_prints_the_table_the_reports_difference_and_the_hierarchy():
    done = run("recommend", COOPS)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert " 1 Cooperativa Agraria Cacaotera Acopagro" in out and "-5 305,6" in out and "13 548,6" in out
    assert "13 702,5 t: -1,1 %" in out  # the report's own inconsistency, said
    assert "Evitar: Sacos de yute" in out and "Reducir: Compostar la cáscara: el 60 %" in out
    assert "Restaurar: Densificar" in out and "Mishollo" in out
    assert "54 159 ha" in out
    paraiso = out[out.index("Cooperativa Agroindustrial Paraíso Ltda. — "):]
    assert paraiso.index("Evitar:") < paraiso.index("Reducir:") < paraiso.index("Compensar:")


def test_recommend_json(capsys):
    assert main(["recommend", COOPS, "--json", "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    rows = doc["cooperatives"]
    assert [r["rank"] for r in rows] == list(range(1, 11))
    assert rows[0]["compensation"] == "–" and rows[0]["published"]["compensation"] == "–"
    paraiso = rows[1]
    assert paraiso["net_t"] == pytest.approx(865.23, rel=1e-3)
    assert [r["tier"] for r in paraiso["recommendations"]] == ["avoid", "avoid", "reduce", "compensate"]
    assert doc["total"]["net_t"] == pytest.approx(13_548.61, rel=1e-4)
    assert doc["region"]["net_t"] == pytest.approx(78_892.5, rel=1e-3)
    assert "report's own" in doc["report_difference"]
    assert main(["recommend", COOPS, "--json", "--region-ha", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["region"] is None


def test_scenario_composting_the_regions_husk(capsys):
    assert main(["scenario", REGION, "--set", "husk.composted=100%", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["total"]["before"]["net_kg_per_kg"] == pytest.approx(1.43, abs=0.005)
    assert doc["total"]["after"]["net_kg_per_kg"] == pytest.approx(-1.16, abs=0.005)
    assert "80 %" in doc["report_composting_claim"] and "79 %" in doc["report_composting_claim"]
    assert main(["scenario", COOPS, "--set", "packaging.yute=1", "--cooperative",
                 "Cooperativa Agraria Apahui Ltda.", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Scenario: packaging.yute=1" in out and "(Cooperativa Agraria Apahui Ltda.)" in out


def test_compute_with_uncertainty_is_seeded():
    first = run("compute", COOPS, "--uncertainty", "--draws", "2000", "--seed", "3", "--json")
    assert first.returncode == 0, first.stderr
    again = run("compute", COOPS, "--uncertainty", "--draws", "2000", "--seed", "3", "--json")
    assert first.stdout == again.stdout
    doc = json.loads(first.stdout)
    for unit in [*doc["units"], doc["total"]]:
        band = unit["uncertainty"]["net_kg_per_kg"]
        assert band["low"] < band["point"] < band["high"]
    assert doc["uncertainty"]["draws"] == 2000 and "husk_left_on_soil_ch4" in doc["uncertainty"]["factors_varied"]
    text = run("compute", REGION, "--uncertainty").stdout
    assert "Huella neta: 1,43 kg CO2e/kg (entre" in text and "en 9 de cada 10 casos)" in text


@pytest.mark.parametrize(("args", "words"), [
    (["compute", REGION, "--uncertainty", "--draws", "abc"], "--draws"),
    (["compute", REGION, "--uncertainty", "--draws", "10"], "entre 100 y 200000"),
    (["compute", REGION, "--uncertainty", "--seed", "-1"], "--seed"),
    (["scenario", REGION, "--set", "husk.composted=2"], "de 0 a 1"),
    (["scenario", REGION, "--set", "husk.composted"], "RUTA=VALOR"),
    (["scenario", COOPS, "--set", "husk.composted=1", "--cooperative", "Nadie"], "Nadie"),
    (["recommend", COOPS, "--region-ha", "100"], "menor que la campaña"),
    (["recommend", "/no/existe.json"], "existe"),
])
def test_bad_input_exits_2_with_a_message(args, words, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_bad_input_through_the_real_command_in_english():
    done = run("scenario", REGION, "--set", "transport.vehicle=rocket", "--lang", "en")
    assert done.returncode == 2 and "is not a valid choice" in done.stderr and "Traceback" not in done.stderr


def test_a_training_package_says_so(tmp_path, monkeypatch):
    from cocoa_desktop.storage import training
    from cocoa_desktop.storage.paths import ENV_VAR
    from cocoa_desktop.storage.startup import open_storage
    from cocoa_desktop.storage.sync import export_package

    monkeypatch.setenv(ENV_VAR, str(tmp_path / "datos"))
    package = tmp_path / "taller.cacao.zip"
    with open_storage() as storage:
        training.install(storage.repo)
        export_package(storage.repo, package)
    done = run("recommend", str(package), "--lang", "en")
    assert done.returncode == 0 and done.stdout.startswith("TRAINING DATA — FORMACIÓN")


def test_a_training_campaign_file_is_marked_in_compute(tmp_path, capsys):
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.storage import training

    path = tmp_path / "taller.json"
    survey_io.write(training.training_campaign(), path)
    assert main(["compute", str(path)]) == 0
    assert capsys.readouterr().out.startswith("DATOS DE FORMACIÓN")
    assert main(["compute", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["training_data"] is True
    assert main(["compute", COOPS, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["training_data"] is False
