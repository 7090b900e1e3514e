"""Every UI string has its Spanish translation with the same placeholders; the catalogue matches the code."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.i18n import translate

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "cocoa_desktop_es.ts"
BIN = Path(sys.executable).parent


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def test_every_string_is_translated_with_the_same_placeholders():
    messages = _messages(TS)
    assert len(messages) > 150
    for context, source, translation in messages:
        assert translation is not None and (translation.text or "").strip(), (context, source)
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation.text)), source


def test_catalogue_holds_every_string_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "cocoa_desktop" / "gui").rglob("*.py"))
    subprocess.run([BIN / "pyside6-lupdate", *sources, "-ts", fresh], check=True, capture_output=True)
    in_code = {(c, s) for c, s, _ in _messages(fresh)}
    in_catalogue = {(c, s) for c, s, _ in _messages(TS)}
    assert in_code - in_catalogue == set(), "run tests/tools/update_translations.py and translate"
    assert in_catalogue - in_code == set(), "strings no longer in the code: run tests/tools/update_translations.py"


def test_compiled_catalogue_is_current(tmp_path):
    qm = tmp_path / "es.qm"
    subprocess.run([BIN / "pyside6-lrelease", TS, "-qm", qm], check=True, capture_output=True)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run tests/tools/update_translations.py"


@pytest.fixture
def spanish(qapp):
    assert i18n.install(qapp, "es")
    yield
    i18n.install(qapp, "es")


def test_spanish_is_loaded_with_qts_own_buttons(spanish, qtbot):
    assert translate("pages", "Review and results") == "Revisión y resultados"
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "") == "Siguiente >"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Cancelar"


def test_switching_to_english(spanish, qapp, qtbot):
    i18n.install(qapp, "en")
    assert translate("pages", "Review and results") == "Review and results"
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "") == "Next >"


def test_every_scalar_field_has_a_hint():
    from cocoa_desktop.gui.wizard.specs import PAGES

    unhinted = [f.key for page in PAGES for f in page.fields
                if not (f.hint or f.hint_words) and not f.key.startswith(("husk.shares.", "drying.shares."))]
    assert unhinted == []


def test_start_up_imports_neither_pyqtgraph_nor_openpyxl():
    code = ("import sys\nimport cocoa_desktop.gui.app, cocoa_desktop.gui.main.window\n"
            "print(sorted(m for m in ('pyqtgraph', 'openpyxl', 'pydantic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
