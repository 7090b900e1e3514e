"""The main window: the campaign tree, examples for workshops, duplicate, delete (confirmed), settings remembered."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from cocoa_desktop.gui.main_window import MainWindow


def _window(storage, qtbot, lang="es"):
    window = MainWindow(storage, lang)
    qtbot.addWidget(window)
    window.show()
    return window


def _leaves(window):
    found = []
    for i in range(window.tree.topLevelItemCount()):
        campaign = window.tree.topLevelItem(i)
        for j in range(campaign.childCount()):
            coop = campaign.child(j)
            found += [(campaign.text(0), coop.text(0), coop.child(k)) for k in range(coop.childCount())]
    return found


def test_examples_fill_the_tree(storage, qtbot):
    window = _window(storage, qtbot)
    window.findChild(QPushButton, "load_examples").click()
    leaves = _leaves(window)
    assert len(leaves) == 11  # the region and the ten cooperatives
    assert window.tree.topLevelItemCount() == 2
    assert {leaf.text(1) for _, _, leaf in leaves} == {"completa"}  # imported surveys count as completed


def test_duplicate_into_next_campaign_and_delete_confirmed(storage, qtbot, monkeypatch):
    window = _window(storage, qtbot)
    window.load_examples()
    _, _, leaf = next(x for x in _leaves(window) if x[1].startswith("Región"))
    window.tree.setCurrentItem(leaf)
    window.findChild(QPushButton, "duplicate_survey").click()
    names = [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())]
    assert any("2020" in name for name in names)
    assert len(storage.repo.surveys()) == 12
    copy = next(x for x in _leaves(window) if "2020" in x[0])[2]
    window.tree.setCurrentItem(copy)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.findChild(QPushButton, "delete_survey").click()
    assert len(storage.repo.surveys()) == 12  # refused: nothing deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.findChild(QPushButton, "delete_survey").click()
    assert len(storage.repo.surveys()) == 11


def test_new_survey_opens_the_wizard_in_the_selected_campaign(storage, qtbot):
    storage.repo.ensure_campaign("Campaña 2025", 2025)
    window = _window(storage, qtbot)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    window.findChild(QPushButton, "new_survey").click()
    assert window.wizard.isVisible()
    assert window.wizard.currentPage().objectName() == "page.organisation"
    window.wizard.close()


def test_settings_are_remembered(storage, qtbot):
    window = _window(storage, qtbot)
    window.factor_set.setCurrentIndex(window.factor_set.findData("ipcc2006-ar5"))
    window.gwp.setCurrentIndex(window.gwp.findData("AR6"))
    assert storage.repo.setting("factor_set") == "ipcc2006-ar5" and storage.repo.setting("gwp") == "AR6"
    assert window.factors().label == "ipcc2006-ar5 / GWP AR6"
    again = _window(storage, qtbot)
    assert again.factor_set.currentData() == "ipcc2006-ar5"
    with qtbot.waitSignal(again.language_changed) as signal:
        again.language.setCurrentIndex(again.language.findData("en"))
    assert signal.args == ["en"] and storage.repo.setting("language") == "en"


def test_excel_export_and_import_run_off_the_gui_thread(storage, qtbot, tmp_path):
    window = _window(storage, qtbot)
    window.load_examples()
    campaign = "San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"
    target = tmp_path / "campaña.xlsx"
    job = window.export_campaign(campaign, target)
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert target.exists() and target.stat().st_size > 10_000
    before = len(storage.repo.surveys())
    back = window.import_workbook(target)
    with qtbot.waitSignal(back.done, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: "idénticas" in window.statusBar().currentMessage())
    assert "10 idénticas" in window.statusBar().currentMessage()
    assert len(storage.repo.surveys()) == before  # the same surveys: nothing duplicated


def test_excel_export_can_be_cancelled(storage, qtbot, tmp_path):
    from cocoa_desktop.gui.workbook_jobs import export_job

    window = _window(storage, qtbot)
    window.load_examples()
    target = tmp_path / "no.xlsx"
    job = export_job(window.campaign_item("San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"), target,
                     window.factors(), "es")
    job.cancel_requested = True
    with qtbot.waitSignal(job.failed) as failed:
        job.run()
    assert "Cancelado" in failed.args[0] or "Cancelled" in failed.args[0]
    assert not target.exists()
