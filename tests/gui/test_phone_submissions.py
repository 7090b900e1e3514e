"""Paquetes y Excel → Importar envíos de teléfonos (issue 23, point 2, the app's side): the files chosen (one or
several), the campaign chosen, the work off the GUI thread behind a progress bar, and a report that says what was
stored, found identical, put in conflict and refused (farm and field named), in the user's language."""

from __future__ import annotations

import pytest
from helpers import farm
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from submission_files import odk_tables, write_kobo, write_odk

from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.actions import submissions as submission_actions
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage.sync import open_conflicts

CAMPAIGN = "Campaña teléfonos 2024"


@pytest.fixture
def speaking(qapp):
    yield lambda lang: i18n.install(qapp, lang)
    i18n.install(qapp, "es")


@pytest.fixture
def reports(monkeypatch):
    """What the report box would show: (text, details, warning) per import."""
    shown = []
    monkeypatch.setattr(submission_actions, "show_report",
                        lambda window, text, details, warning: shown.append((text, details, warning)))
    return shown


def _window(storage, qtbot, lang="es"):
    window = MainWindow(storage, lang)
    qtbot.addWidget(window)
    window.show()
    return window


def _answer(monkeypatch, files, campaign, asked=None):
    monkeypatch.setattr(file_dialogs, "open_paths", lambda *args: [str(f) for f in files])

    def get_item(parent, title, label, options, current, editable):
        if asked is not None:
            asked.append((options, current, editable))
        return campaign, campaign is not None
    monkeypatch.setattr(QInputDialog, "getItem", get_item)


def _run(window, qtbot, action="import_submissions"):
    jobs = []
    original = submission_actions.import_files
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(submission_actions, "import_files", lambda *a: jobs.append(original(*a)) or jobs[-1])
        window.findChild(QAction, action).trigger()
    if jobs:
        where = []
        for signal in (jobs[0].done, jobs[0].failed, jobs[0].progress):
            signal.connect(lambda *_: where.append(QApplication.instance().thread().isCurrentThread()))
        qtbot.waitUntil(lambda: jobs[0].finished, timeout=60_000)
        assert all(where)
    return jobs


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_command_is_in_packages_and_excel_in_the_users_language(storage, qtbot, speaking, lang):
    speaking(lang)
    window = _window(storage, qtbot, lang)
    action = window.findChild(QAction, "import_submissions")
    exchange = window.menuBar().actions()[2].menu()
    assert action in exchange.actions() and action.isEnabled()
    assert action.text() == {"es": "Importar envíos de teléfonos (KoboToolbox, ODK Central)…",
                             "en": "Import phone submissions (KoboToolbox, ODK Central)…"}[lang]


def test_two_exports_go_into_the_chosen_campaign_and_come_back_identical(storage, qtbot, cooperatives, tmp_path,
                                                                          monkeypatch, reports):
    window = _window(storage, qtbot)
    kobo = write_kobo(cooperatives.surveys[:6], tmp_path / "kobo.xlsx", "es")
    odk = write_odk(cooperatives.surveys[6:], tmp_path / "odk.zip", "name")
    asked = []
    _answer(monkeypatch, [kobo, odk], CAMPAIGN, asked)
    assert _run(window, qtbot)
    options, current, editable = asked[0]
    assert options[0] == "La campaña del año de cada envío" and current == 0 and editable
    text, _, warning = reports[-1]
    assert text.startswith(f"Envíos en la campaña «{CAMPAIGN}»: 10 guardados") and not warning
    assert {s.id for s in storage.repo.surveys(CAMPAIGN)} == {s.id for s in cooperatives.surveys}
    assert window.statusBar().currentMessage() == text
    window.tree.select_campaign(CAMPAIGN)  # the campaign now offered, selected in the tree: proposed first
    _answer(monkeypatch, [kobo, odk], CAMPAIGN, asked)
    _run(window, qtbot)
    assert asked[1][0][asked[1][1]] == CAMPAIGN
    assert "0 guardados, 10 idénticos (omitidos)" in reports[-1][0]
    assert len(storage.repo.surveys(CAMPAIGN)) == 10


def test_refused_and_conflicting_submissions_are_reported_and_nothing_is_lost(storage, qtbot, tmp_path,
                                                                               monkeypatch, reports):
    window = _window(storage, qtbot)
    general = {"organisation": "Coop Norte", "campaign_year": 2024, "producers": 1, "productive_area_ha": 2.0,
               "dry_cocoa_kg": 1000.0}
    first = farm(general={**general, "farm_name": "La Esperanza"})
    _answer(monkeypatch, [write_kobo([first], tmp_path / "a.xlsx")], "")  # each submission's year
    _run(window, qtbot)
    assert [s.id for s in storage.repo.surveys("Campaña 2024")] == [first.id]
    other = farm(general={**general, "farm_name": "La Esperanza", "technician": "Otra técnica",
                          "dry_cocoa_kg": first.general.dry_cocoa_kg + 100})  # the same farm, another id
    path = _typed_over([other, farm(general={**general, "farm_name": "El Milagro"})], tmp_path / "b.zip",
                       "El Milagro", "general__dry_cocoa_kg", "mil")
    _answer(monkeypatch, [path], "")
    _run(window, qtbot)
    text, details, warning = reports[-1]
    assert "0 guardados" in text and "1 conflicto por resolver" in text and "1 rechazado" in text and warning
    assert "Encuesta → Resolver conflicto" in text and "no se guardaron" in text
    assert "CONFLICTO Coop Norte" in details
    assert "RECHAZADO Coop Norte — El Milagro" in details and "mil" in details
    assert open_conflicts(storage.repo) and len(storage.repo.surveys("Campaña 2024")) == 1  # never counted twice


def _typed_over(surveys, path, farm_name, question, text):
    """The ODK export of ``surveys`` with ``text`` typed in ``question`` of ``farm_name``'s submission (the file
    edited by hand: a phone would not let it through)."""
    tables = odk_tables(surveys)
    rows = next(iter(tables.values()))  # the main CSV comes first
    column = next(i for i, name in enumerate(rows[0]) if name.endswith(question))
    for row in rows[1:]:
        if farm_name in row:
            row[column] = text
    return write_odk(surveys, path, tables=tables)


def test_a_damaged_file_is_a_message_and_changes_nothing(storage, qtbot, tmp_path, monkeypatch, reports):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    window = _window(storage, qtbot)
    broken = tmp_path / "envios.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    _answer(monkeypatch, [broken], CAMPAIGN)
    _run(window, qtbot)
    assert said and "Traceback" not in said[0] and "envios.zip" in said[0]
    assert reports == [] and storage.repo.surveys() == []


def test_cancelling_the_campaign_question_imports_nothing(storage, qtbot, cooperatives, tmp_path, monkeypatch):
    window = _window(storage, qtbot)
    _answer(monkeypatch, [write_kobo(cooperatives.surveys[:2], tmp_path / "k.xlsx")], None)
    assert _run(window, qtbot) == []
    assert storage.repo.surveys() == []
