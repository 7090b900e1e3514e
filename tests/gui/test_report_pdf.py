"""The buyers' PDF report: made by the console script, it renders, and its text holds the survey's figures."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cocoa_desktop.engine.files.resources import example_path

ROOT = Path(__file__).resolve().parents[2]
REGION = str(example_path("san-martin-2020-region.json"))
COOPS = str(example_path("san-martin-2020-cooperatives.json"))
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _report(*args: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/tmp"}  # no DISPLAY: must go offscreen alone
    return subprocess.run([sys.executable, "-m", "cocoa_desktop", "report", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def _text(pdf: Path) -> str:
    """The PDF's text with line breaks and runs of spaces as single spaces (phrases may wrap)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


@needs_poppler
def test_the_region_report_holds_the_report_figures(tmp_path):
    pdf = tmp_path / "region.pdf"
    done = _report(REGION, "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    text = _text(pdf)
    for figure in ("Huella de carbono del producto: 4,53 kg CO2e por kg de cacao seco",
                   "Indicador neto (emisiones − remociones, aparte de la huella): 1,43 kg CO2e por kg",
                   "43 366,1", "29 664,0", "13 702,1", "40 202,8", "92,7 %",
                   "422 566", "PAS 2050", "PROMPERÚ 2020", "Recomendaciones y compromisos"):
        assert figure in text, figure
    pages = subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    assert pages.returncode == 0 and len(list(tmp_path.glob("p-*.png"))) >= 2


@needs_poppler
def test_the_english_campaign_report_has_every_cooperative(tmp_path):
    pdf = tmp_path / "coops.pdf"
    assert _report(COOPS, "-o", str(pdf), "--lang", "en").returncode == 0
    text = _text(pdf)
    assert "Cooperatives, from lowest to highest footprint" in text
    assert "Net indicator (emissions − removals, apart from the footprint): -1.17 kg CO2e per kg" in text  # Acopagro,
    assert "Product footprint: 1.93 kg CO2e per kg of dry cocoa" in text  # a net sink (report §7), emits 1.93
    assert "4.95" in text and "Apahui" in text
    assert "Land-use change (reported apart)" in text and "Emission factors used" in text


def test_a_bad_file_or_output_is_a_message(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{roto")
    done = _report(str(bad), "-o", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "Traceback" not in done.stderr and str(bad) in done.stderr
    done = _report(REGION, "-o", str(tmp_path / "no-such-folder" / "x.pdf"))
    assert done.returncode == 2 and "no existe" in done.stderr


@needs_poppler
def test_the_menu_action_writes_the_report_of_the_selected_cooperative(storage, qtbot, tmp_path):
    from cocoa_desktop.gui.main.window import MainWindow
    from cocoa_desktop.gui.report import actions as report_actions
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    import_campaigns(storage.repo, read_any(Path(COOPS)), COOPS)
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.refresh()
    campaign = storage.repo.campaigns()[0]["name"]
    survey = next(r for r in storage.repo.surveys() if r.organisation.endswith("Apahui Ltda."))
    window.tree.setCurrentItem(window.tree.rows[("survey", survey.id)])
    assert window.tree.selected_cooperative() == survey.organisation
    pdf = tmp_path / "apahui.pdf"
    job = report_actions.write_report(window, campaign, pdf, window.tree.selected_cooperative())
    qtbot.waitUntil(lambda: job.finished, timeout=60_000)
    text = _text(pdf)
    assert "Huella de carbono del producto: 8,05 kg CO2e por kg de cacao seco" in text  # that cooperative only:
    assert "aparte de la huella): 4,95 kg CO2e por kg" in text and "Acopagro" not in text  # Apahui's net, report §7


SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")  # an internal identifier: fermentation_box …


@needs_poppler
@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("factor_set", ["promperu-2020", "ipcc2006-ar5"])
def test_a_buyer_reads_words_not_identifiers_or_commands(qapp, tmp_path, lang, factor_set):
    """The method section listed calibrated factors by id (fermentation_box, husk_left_on_soil_ch4 …), a note
    named an unsourced factor by id, and the report sent the buyer to a command line ('cocoa-desktop factors')."""
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.gui.report.pdf import write_report
    from tests.helpers import generated_surveys

    f = factors_for(factor_set)
    cases = {"coops": survey_io.read(Path(COOPS)).surveys, "generated": generated_surveys(12, seed=3)}
    for name, surveys in cases.items():
        pdf = write_report(surveys, tmp_path / f"{name}.pdf", f, lang, title="Campaña", draws=50)
        text = _text(pdf)
        assert "1." in text or "1," in text  # the report has its figures
        assert not SNAKE_CASE.findall(text), (name, sorted(set(SNAKE_CASE.findall(text))))
        assert "cocoa-desktop " not in text and "cocoa_desktop" not in text
    assert ("Factores «calibrado»" if lang == "es" else "Factors marked 'calibrated'") in text or \
        factor_set == "ipcc2006-ar5"
