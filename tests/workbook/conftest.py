"""LibreOffice recalculation for the workbook tests (CI installs libreoffice-calc-nogui)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="session")
def recalc(tmp_path_factory):
    """recalc([paths]) → recalculated copies: LibreOffice opens each workbook, recalculates every formula
    (profile set to 'always recalculate' on load) and saves it as .xlsx with the values cached."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) not installed")
    profile = tmp_path_factory.mktemp("lo-profile")
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")

    def run(paths: list[Path]) -> list[Path]:
        out = tmp_path_factory.mktemp("recalculated")
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "xlsx", "--outdir", str(out), *map(str, paths)],
                       check=True, capture_output=True, timeout=900)
        results = [out / p.name for p in paths]
        missing = [p for p in results if not p.exists()]
        assert not missing, f"LibreOffice did not write {missing}"
        return results

    return run


@pytest.fixture(scope="session")
def uno_edit(tmp_path_factory):
    """uno_edit(path, steps) → a copy of the workbook edited in LibreOffice through UNO as a user would (sort,
    insert and copy rows, type values), recalculated and saved (see uno_edit.py for the steps)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    system_python = shutil.which("python3", path="/usr/bin")
    has_uno = system_python and subprocess.run([system_python, "-c", "import uno"], capture_output=True).returncode == 0
    if soffice is None or not has_uno:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice and python3-uno are required in CI (.ci/run installs them)")
        pytest.skip("LibreOffice or python3-uno not installed")
    profile = tmp_path_factory.mktemp("uno-profile")
    script = Path(__file__).with_name("uno_edit.py")

    def run(path: Path, steps: list) -> Path:
        import json

        out = tmp_path_factory.mktemp("edited") / path.name
        steps_file = out.with_suffix(".json")
        steps_file.write_text(json.dumps(steps), encoding="utf-8")
        subprocess.run([system_python, str(script), str(path), str(out), str(steps_file), str(profile)],
                       check=True, capture_output=True, timeout=600)
        assert out.exists(), "LibreOffice did not save the edited workbook"
        return out

    return run


@pytest.fixture(scope="session")
def render_pdf(tmp_path_factory):
    """render_pdf(path) → the workbook printed to PDF by LibreOffice (every sheet, with its page setup)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice and pdftotext are required in CI (.ci/run installs them)")
        pytest.skip("LibreOffice or pdftotext not installed")
    profile = tmp_path_factory.mktemp("pdf-profile")

    def run(path: Path) -> Path:
        out = tmp_path_factory.mktemp("pdf")
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), str(path)], check=True, capture_output=True,
                       timeout=600)
        return out / (path.stem + ".pdf")

    return run
