"""The headless CLI: tables, JSON, factor listing, and clear failures without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files.resources import example_path

REGION = str(example_path("san-martin-2020-region.json"))
COOPS = str(example_path("san-martin-2020-cooperatives.json"))


def test_compute_region_table(capsys):
    assert main(["compute", REGION]) == 0
    out = capsys.readouterr()
    assert "Manejo de residuos (cáscara de mazorca)" in out.out
    assert "40 202,8" in out.out and "1,432" in out.out
    assert "422 566" in out.out
    assert "ponderadas por la producción" in out.err  # the regional-share reminder


def test_compute_region_json_matches_the_report(capsys):
    assert main(["compute", REGION, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    unit = doc["units"][0]
    assert doc["factor_set"] == "promperu-2020" and doc["gwp"] == "AR4"
    assert unit["net"]["kg_co2e_per_kg"] == pytest.approx(1.43, rel=0.005)
    assert unit["stages"]["husk"]["share"] == pytest.approx(0.927, abs=0.0005)
    assert unit["land_use_change"]["one_off_t_co2e"] == pytest.approx(422_566, rel=0.005)
    assert doc["total"] is None


def test_compute_campaign_json_has_each_cooperative_and_total(capsys):
    assert main(["compute", COOPS, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["units"]) == 10
    assert doc["total"]["net"]["t_co2e_per_year"] == pytest.approx(13_548.61, rel=1e-4)


def test_factor_set_and_gwp_options(capsys):
    assert main(["compute", REGION, "--json", "--factor-set", "ipcc2006-ar5", "--gwp", "AR6"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["factor_set"], doc["gwp"]) == ("ipcc2006-ar5", "AR6")


def test_english_table(capsys):
    assert main(["compute", REGION, "--lang", "en"]) == 0
    assert "Husk (pod waste) management" in capsys.readouterr().out


def test_factors_listing_flags_calibrated_values(capsys):
    assert main(["factors"]) == 0
    out = capsys.readouterr().out
    assert "husk_left_on_soil_ch4" in out and "[calibrado]" in out
    assert "FUERA DEL RANGO" in out  # the plastic-bag factor is three times the literature value


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["compute", "no-existe.json"], "no se pudo leer"),
        (["compute", REGION, "--factor-set", "inventado"], "conjunto de factores desconocido"),
        (["compute", REGION, "--gwp", "AR9"], "conjunto PCG desconocido"),
    ],
)
def test_bad_input_exits_2_with_message(capsys, args, expected):
    assert main(args) == 2
    assert expected in capsys.readouterr().err


def test_bad_file_gives_no_traceback(tmp_path):
    bad = tmp_path / "roto.json"
    bad.write_text('{"format": "cocoa-desktop/survey", "format_version": 1, "survey": {"general": {"dry_')
    run = subprocess.run([sys.executable, "-m", "cocoa_desktop", "compute", str(bad)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "JSON" in run.stderr


def test_demo_runs_both_shipped_examples(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "13 702,1" in out  # the region's net t/yr
    assert "Cooperativa Agraria Apahui Ltda." in out


@pytest.mark.parametrize("target", ["missing_folder", "folder", "device"])
@pytest.mark.parametrize("command", ["package_export", "import_xlsx", "export_xlsx"])
def test_output_paths_that_cannot_be_written_get_a_message(tmp_path, monkeypatch, capsys, target, command):
    from cocoa_desktop.storage.paths import ENV_VAR

    monkeypatch.setenv(ENV_VAR, str(tmp_path / "datos"))
    out = {"missing_folder": str(tmp_path / "no-existe" / "x.out"), "folder": str(tmp_path),
           "device": "/dev/full"}[target]
    workbook = tmp_path / "x.xlsx"
    if command == "import_xlsx":
        assert main(["export-xlsx", REGION, "-o", str(workbook)]) == 0
    args = {"package_export": ["package", "export", "-o", out],
            "import_xlsx": ["import-xlsx", str(workbook), "-o", out],
            "export_xlsx": ["export-xlsx", REGION, "-o", out]}[command]
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert out in err or str(Path(out).parent) in err
    assert Path("/dev/full").exists() and not Path("/dev/full").is_file()  # the device is still a device


def test_an_empty_campaign_says_there_is_nothing_to_compute(tmp_path, capsys):
    path = tmp_path / "vacia.json"
    path.write_text('{"format": "cocoa-desktop/campaign", "format_version": 1, '
                    '"campaign": {"name": "Vacía", "year": 2024, "surveys": []}}')
    assert main(["compute", str(path)]) == 2
    assert "no tiene ninguna encuesta" in capsys.readouterr().err
