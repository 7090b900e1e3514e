"""Issue 18: "Abrir…" in the economics window and the producer list of the sampling plan raised on the files that
ended the CLI in exit 70 (nested 1,000 deep, wrong types in `published`, a CSV with CR-only line ends …) and the
technician saw nothing. Now the command line's own message shows in a box (and under the form)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.engine.economics.project import read_project
from cocoa_desktop.engine.files.producers import read_producers
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.decisions.economics_window import EconomicsWindow

EXAMPLE = example_path("aprocam-2024-carbon-project.json")


def _doc() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _with(change) -> str:
    doc = _doc()
    change(doc)
    return json.dumps(doc, ensure_ascii=False)


BAD_PROJECTS = {
    "nested_1000": '{"format": "cocoa-desktop/carbon-project", "format_version": 1, "project": '
                   + "[" * 1000 + "]" * 1000 + "}",
    "published_flow_text": _with(lambda d: d["project"]["published"].__setitem__("net_flow_pen", "x")),
    "published_abstract_empty": _with(lambda d: d["project"]["published"].__setitem__("abstract", {})),
    "published_sensitivity_numbers": _with(lambda d: d["project"]["published"].__setitem__("sensitivity", [1])),
    "duplicate_key": EXAMPLE.read_text(encoding="utf-8").replace('"years": 5,', '"years": 5, "years": 6,', 1),
    "years_true": _with(lambda d: d["project"].__setitem__("years", True)),
}


@pytest.fixture
def boxes(monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: said.append((title, text)))
    return said


@pytest.mark.parametrize("case", sorted(BAD_PROJECTS))
def test_opening_a_bad_project_says_why_in_a_box(case, qtbot, tmp_path, monkeypatch, boxes):
    path = tmp_path / "proyecto.json"
    path.write_text(BAD_PROJECTS[case], encoding="utf-8")
    window = EconomicsWindow("es")
    qtbot.addWidget(window)
    tab = window.project_tab
    tab.load_example()
    before = tab.values["npv"].text()
    monkeypatch.setattr(file_dialogs, "open_path", lambda *a, **k: str(path))
    tab.ask_open()  # raised a TypeError or RecursionError before, with no message
    with pytest.raises(SurveyValidationError) as caught:
        read_project(path)
    assert boxes == [("Abrir proyecto…", caught.value.summary("es"))]
    assert str(path) in boxes[0][1]
    assert tab.values["npv"].text() == before  # the project on screen is kept


def test_opening_a_good_project_shows_no_box(qtbot, monkeypatch, boxes):
    window = EconomicsWindow("es")
    qtbot.addWidget(window)
    monkeypatch.setattr(file_dialogs, "open_path", lambda *a, **k: str(EXAMPLE))
    window.project_tab.ask_open()
    assert boxes == [] and window.project_tab.values["npv"].text() == "1 529 284,17 PEN"


@pytest.mark.parametrize("content", [b";;;\n;;\n", b"nombre;distrito\nAna;Im\x00aza\n",
                                     b"nombre;distrito\n" + b"A" * 200_000 + b";Imaza\n"])
def test_a_producer_list_that_cannot_be_used_says_why_in_a_box(content, qtbot, tmp_path, monkeypatch, boxes):
    path = tmp_path / "socios.csv"
    path.write_bytes(content)
    window = EconomicsWindow("es")
    qtbot.addWidget(window)
    page = window.sampling_tab
    monkeypatch.setattr(file_dialogs, "open_path", lambda *a, **k: str(path))
    page.ask_producers()
    with pytest.raises(SurveyValidationError) as caught:
        read_producers(path)
    assert boxes == [("Lista de productores (CSV)…", caught.value.summary("es"))]


def test_a_producer_list_with_cr_line_ends_is_read(qtbot, tmp_path, monkeypatch, boxes):
    """It raised csv.Error (new-line character seen in unquoted field) before."""
    path = tmp_path / "socios.csv"
    path.write_bytes(b"nombre;distrito\rAna;Imaza\rBeto;Imaza\rRosa;Nieva\r")
    window = EconomicsWindow("es")
    qtbot.addWidget(window)
    page = window.sampling_tab
    monkeypatch.setattr(file_dialogs, "open_path", lambda *a, **k: str(path))
    page.ask_producers()
    assert boxes == [] and page.population.text() == "3"
