"""Excel workbooks and survey packages from the main window, off the GUI thread (defect 8: widgets were touched
from the worker thread), and a conflict between two laptops resolved in the app, section by section."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.gui.actions import packages as package_actions
from cocoa_desktop.gui.actions import workbooks as workbook_actions
from cocoa_desktop.gui.history.conflict_dialog import ConflictDialog, differences
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage.packages import write_package
from cocoa_desktop.storage.sync import open_conflicts, read_any

COOPERATIVES = "San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"
THREAD_WARNINGS = ("another thread", "different thread", "Timers cannot")


def _window(storage, qtbot):
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    window.load_examples()
    return window


def _in_gui_thread(job, record):
    for signal in (job.done, job.failed, job.progress):
        signal.connect(lambda *_: record.append(QApplication.instance().thread().isCurrentThread()))


def test_excel_export_and_import_report_to_the_gui_thread(storage, qtbot, tmp_path, qtlog, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window = _window(storage, qtbot)
    target = tmp_path / "campaña.xlsx"
    job = workbook_actions.export_campaign(window, COOPERATIVES, target)
    where = []
    _in_gui_thread(job, where)
    with qtbot.waitSignal(job.done, timeout=120_000):
        pass
    assert target.exists() and target.stat().st_size > 10_000
    assert job.worker.thread() is not QApplication.instance().thread()
    before = len(storage.repo.surveys())
    back = workbook_actions.import_workbook(window, target)
    _in_gui_thread(back, where)
    with qtbot.waitSignal(back.done, timeout=120_000):
        pass
    qtbot.waitUntil(lambda: "idénticas" in window.statusBar().currentMessage())
    assert "10 idénticas" in window.statusBar().currentMessage()
    assert len(storage.repo.surveys()) == before  # the same surveys: nothing duplicated
    assert where and all(where)  # every signal handled in the GUI thread
    assert not [r.message for r in qtlog.records if any(w in r.message for w in THREAD_WARNINGS)]


def test_excel_export_can_be_cancelled(storage, qtbot, tmp_path):
    from cocoa_desktop.gui.actions.jobs import export_job

    window = _window(storage, qtbot)
    target = tmp_path / "no.xlsx"
    job = export_job(workbook_actions.campaign_item(window, COOPERATIVES), target, window.factors(), "es")
    job.cancel_requested = True
    with qtbot.waitSignal(job.failed) as failed:
        job.run()
    assert "Cancelado" in failed.args[0]
    assert not target.exists()


def test_a_package_goes_out_and_comes_back_with_a_progress_bar(storage, qtbot, tmp_path, monkeypatch, qtlog):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    window = _window(storage, qtbot)
    target = tmp_path / "usb" / f"cooperativas{package_actions.SUFFIX}"
    target.parent.mkdir()
    job = package_actions.export_package(window, target, COOPERATIVES)
    where = []
    _in_gui_thread(job, where)
    assert job.dialog.objectName() == "job_progress"
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert target.exists() and "10 encuestas exportadas" in said[-1]
    back = package_actions.import_package(window, target)
    _in_gui_thread(back, where)
    with qtbot.waitSignal(back.done, timeout=60_000):
        pass
    assert "10 idénticas" in said[-1]
    assert where and all(where)
    assert not [r.message for r in qtlog.records if any(w in r.message for w in THREAD_WARNINGS)]


def test_a_damaged_package_is_refused_in_words(storage, qtbot, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    window = _window(storage, qtbot)
    broken = tmp_path / f"roto{package_actions.SUFFIX}"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    before = len(storage.repo.surveys())
    job = package_actions.import_package(window, broken)
    with qtbot.waitSignal(job.failed, timeout=30_000):
        pass
    assert said and "Datos no válidos" in said[0] and "Traceback" not in said[0]
    assert len(storage.repo.surveys()) == before


def _conflict(storage, tmp_path):
    """The region survey changed here (producers) and on another laptop (husk): a conflict on import."""
    from cocoa_desktop.storage.sync import import_campaigns

    campaigns = read_any(example_path("san-martin-2020-region.json"))
    import_campaigns(storage.repo, campaigns, "ejemplo.json")
    survey_id = campaigns[0].surveys[0].id
    general = storage.repo.document(survey_id)["general"]
    storage.repo.save_section(survey_id, "general", {**general, "producers": 5000})
    theirs = campaigns[0].surveys[0].model_copy(deep=True)
    theirs.husk.shares = {"heaped": 0.5, "composted": 0.5}
    theirs.general.technician = "Otra técnica"
    path = tmp_path / f"otra{package_actions.SUFFIX}"
    write_package([campaigns[0].model_copy(update={"surveys": [theirs]})], path)
    return survey_id, path


def test_a_conflict_is_shown_side_by_side_and_merged_per_section(storage, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    survey_id, path = _conflict(storage, tmp_path)
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    job = package_actions.import_package(window, path)
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert window.tree.rows[("survey", survey_id)].text(1) == "conflicto por resolver"
    window.tree.setCurrentItem(window.tree.rows[("survey", survey_id)])
    assert window.action("resolve_conflict").isEnabled()
    window.action("resolve_conflict").trigger()
    dialog = window.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and "otra.cacao.zip" in dialog.intro.text()
    heads = {dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i)
             for i in range(dialog.tree.topLevelItemCount())}
    assert set(heads) == {"Organización, producción y áreas", "Manejo de la cáscara"}
    rows = {heads["Organización, producción y áreas"].child(i).text(0):
            [heads["Organización, producción y áreas"].child(i).text(c) for c in (1, 2)]
            for i in range(heads["Organización, producción y áreas"].childCount())}
    assert rows["Productores (socios)"] == ["5000", "4809"] and rows["Técnico"][1] == "Otra técnica"
    assert heads["Manejo de la cáscara"].child(0).background(1).color().name() == "#fff0b3"  # highlighted
    dialog.choosers["husk"].setCurrentIndex(dialog.choosers["husk"].findData("theirs"))  # theirs for the husk
    dialog.apply_choices.click()
    doc = storage.repo.document(survey_id)
    assert doc["general"]["producers"] == 5000 and doc["general"]["technician"] != "Otra técnica"  # ours
    assert doc["husk"]["shares"] == {"heaped": 0.5, "composted": 0.5}  # theirs
    assert open_conflicts(storage.repo, survey_id) == []
    history = storage.repo.history(survey_id)
    assert any(c.origin == "conflict-merge:otra.cacao.zip" and c.section == "husk" for c in history)
    assert not dialog.isVisible()
    assert window.tree.rows[("survey", survey_id)].text(1) == "completa"


def test_keeping_one_version_whole(storage, qtbot, tmp_path):
    from cocoa_desktop.storage.sync import import_campaigns

    survey_id, path = _conflict(storage, tmp_path)
    import_campaigns(storage.repo, read_any(path), str(path))
    dialog = ConflictDialog(storage.repo, survey_id, "es")
    qtbot.addWidget(dialog)
    dialog.keep_theirs.click()
    doc = storage.repo.document(survey_id)
    assert doc["general"]["producers"] == 4809 and doc["husk"]["shares"] == {"heaped": 0.5, "composted": 0.5}
    assert open_conflicts(storage.repo, survey_id) == []


def test_differences_are_found_per_section():
    mine = {"id": "x", "unit": "cooperative", "general": {"organisation": "A", "producers": 1}, "packaging": []}
    theirs = json.loads(json.dumps(mine))
    theirs["packaging"] = [{"type": "jute_sack", "material_kg_per_year": 3}]
    found = differences(mine, theirs)
    assert list(found) == ["packaging"]
    assert ("packaging.0.type", None, "jute_sack") in found["packaging"]


def test_an_import_cancelled_while_merging_changes_nothing_and_says_so(storage, qtbot, tmp_path, monkeypatch):
    from cocoa_desktop.storage import sync

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    survey_id, path = _conflict(storage, tmp_path)
    before = storage.repo.document(survey_id)
    merge = sync.import_campaigns
    monkeypatch.setattr(sync, "PROGRESS_EVERY", 1)  # the cancel is looked at after every survey
    monkeypatch.setattr(sync, "import_campaigns",  # the cancel arrives in the middle of the merge's transaction
                        lambda repo, campaigns, source, progress, cancelled: merge(
                            repo, campaigns, source, progress=progress, cancelled=lambda: True))
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    job = package_actions.import_package(window, path)
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert window.statusBar().currentMessage() == "Importación cancelada: no se cambió nada."
    assert not said  # no "package imported" box
    assert storage.repo.document(survey_id) == before and not open_conflicts(storage.repo)


def test_a_campaigns_workbook_leaves_drafts_out_and_refuses_a_damaged_survey_by_name(storage, qtbot):
    from cocoa_desktop.storage.database import StorageError

    window = _window(storage, qtbot)
    repo = storage.repo
    campaign = repo.campaign(COOPERATIVES)
    draft = repo.add_survey({"unit": "farm", "general": {"organisation": "Coop borrador"}}, campaign["id"])
    item = workbook_actions.campaign_item(window, COOPERATIVES)
    assert len(item.surveys) == 10 and draft not in {s.id for s in item.surveys}
    assert [s.id for s in item.surveys] == [r.id for r in repo.surveys(COOPERATIVES) if r.id != draft]
    damaged = item.surveys[3]
    repo.conn.execute("UPDATE survey_sections SET content = '{}' WHERE survey_id = ? AND section = 'husk'",
                      (damaged.id,))
    with pytest.raises(StorageError) as refused:
        workbook_actions.campaign_item(window, COOPERATIVES)
    assert damaged.general.organisation in refused.value.message("es")
