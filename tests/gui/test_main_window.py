"""The main window: the campaign tree with net footprints, menus and shortcuts, campaigns by year whatever the
language, a modal wizard, read-only storage, the daily backup, and a 1024×768 screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from cocoa_desktop.gui.main import year_dialog
from cocoa_desktop.gui.main.window import MainWindow
from tests.gui.keyboard import press

COOPERATIVES = "San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"
REGION = "San Martín 2019 — región (PROMPERÚ 2020)"


def _window(storage, qtbot, lang="es"):
    window = MainWindow(storage, lang)
    qtbot.addWidget(window)
    window.show()
    return window


def _leaves(window):
    return [(k[1], item) for k, item in window.tree.rows.items() if k[0] == "survey"]


def _campaign_names(window):
    return [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())]


def _trigger(window, name):
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def _select_survey(window, predicate):
    for key, item in window.tree.rows.items():
        if key[0] == "survey" and predicate(item):
            window.tree.setCurrentItem(item)
            return key[1]
    raise AssertionError("no such survey")


def _close_wizard(window):
    if window.wizard is not None:
        window.wizard.close_without_asking()


def test_examples_fill_the_tree_with_each_surveys_net_footprint(storage, qtbot):
    window = _window(storage, qtbot)
    window.factor_set.setCurrentIndex(window.factor_set.findData("promperu-2020"))
    _trigger(window, "load_examples")
    assert len(_leaves(window)) == 11  # the region and the ten cooperatives
    assert window.tree.topLevelItemCount() == 2
    assert {item.text(1) for _, item in _leaves(window)} == {"completa"}
    region = window.tree.rows[("campaign", REGION)]
    qtbot.waitUntil(lambda: region.text(2) == "1,43", timeout=30_000)  # the report's regional net, kg CO2e/kg
    acopagro = window.tree.rows[("cooperative", COOPERATIVES, "Cooperativa Agraria Cacaotera Acopagro")]
    assert acopagro.text(2) == "-1,17"  # the report's table §7
    assert window.tree.rows[("campaign", COOPERATIVES)].text(2) not in ("", "…", "—")


def test_footprints_are_computed_off_the_gui_thread_and_shown_from_it(storage, qtbot, qtlog):
    window = _window(storage, qtbot)
    window.load_examples()
    threads = []
    job = window.compute_footprints()
    job.done.connect(lambda _: threads.append(QApplication.instance().thread().isCurrentThread()))
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert threads == [True]
    assert job.thread is not None and job.worker.thread() is not QApplication.instance().thread()
    assert not [r for r in qtlog.records if "thread" in r.message.lower()]


def test_duplicate_into_next_campaign_and_delete_confirmed(storage, qtbot, monkeypatch):
    window = _window(storage, qtbot)
    window.load_examples()
    _select_survey(window, lambda item: item.parent().text(0).startswith("Región"))
    _trigger(window, "duplicate_survey")
    assert "Campaña 2020" in _campaign_names(window)
    assert len(storage.repo.surveys()) == 12
    assert window.tree.selected_campaign() == "Campaña 2020"  # the copy is selected
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    _trigger(window, "delete_survey")
    assert len(storage.repo.surveys()) == 12  # refused: nothing deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _trigger(window, "delete_survey")
    assert len(storage.repo.surveys()) == 11


def test_new_campaign_then_new_survey_goes_into_it_with_this_years_default(storage, qtbot, monkeypatch):
    """Defect 7: the year was asked again, defaulted to 2025, and the survey filed under a new campaign."""
    asked = []

    def ask_year(parent, title, label, value):
        asked.append(value)
        return 2026

    monkeypatch.setattr(year_dialog, "ask_year", ask_year)
    window = _window(storage, qtbot)
    _trigger(window, "new_campaign")
    assert asked == [date.today().year]
    assert window.tree.selected_campaign() == "Campaña 2026"
    _trigger(window, "new_survey")
    assert asked == [date.today().year]  # not asked again
    assert window.wizard.isVisible()
    assert window.wizard.currentPage().objectName() == "page.organisation"
    assert storage.repo.surveys()[0].campaign == "Campaña 2026"
    _close_wizard(window)


def test_campaign_names_do_not_depend_on_the_language(storage, qtbot, monkeypatch):
    monkeypatch.setattr(year_dialog, "ask_year", lambda *a, **k: 2026)
    english = _window(storage, qtbot, "en")
    english.new_campaign()
    spanish = _window(storage, qtbot, "es")
    spanish.new_campaign()
    assert [row["name"] for row in storage.repo.campaigns()] == ["Campaña 2026"]


def test_a_cancelled_new_survey_leaves_nothing_behind(storage, qtbot, monkeypatch):
    monkeypatch.setattr(year_dialog, "ask_year", lambda *a, **k: 2026)
    window = _window(storage, qtbot)
    window.new_campaign()
    window.new_survey()
    assert len(storage.repo.surveys()) == 1
    _close_wizard(window)
    assert storage.repo.surveys() == []
    assert window.tree.rows.get(("cooperative", "Campaña 2026", "")) is None


def test_survey_actions_need_a_survey_and_say_so(storage, qtbot):
    window = _window(storage, qtbot)
    window.load_examples()
    window.tree.setCurrentItem(window.tree.topLevelItem(0))  # a campaign
    for name in ("open_survey", "duplicate_survey", "delete_survey", "survey_history"):
        assert not window.findChild(QAction, name).isEnabled(), name
    assert "Seleccione una encuesta" in window.statusBar().currentMessage()
    _select_survey(window, lambda item: True)
    assert all(window.findChild(QAction, n).isEnabled() for n in ("open_survey", "duplicate_survey"))


def test_enter_on_a_survey_opens_it_in_a_modal_wizard(storage, qtbot):
    """Defect 9: the wizard did not block the main window; the same survey could be opened twice and deleted."""
    window = _window(storage, qtbot)
    window.load_examples()
    survey_id = _select_survey(window, lambda item: True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.isModal() and QApplication.activeModalWidget() is wizard
    window.open_survey(survey_id)  # a second open while the first is open: the same wizard, brought forward
    assert window.wizard is wizard
    assert len([w for w in QApplication.topLevelWidgets() if w.objectName() == "survey_wizard" and w.isVisible()]) == 1
    _close_wizard(window)
    assert window.wizard is None


def test_a_survey_deleted_while_its_wizard_is_open_closes_it_with_a_message(storage, qtbot, monkeypatch, capsys):
    window = _window(storage, qtbot)
    window.load_examples()
    survey_id = _select_survey(window, lambda item: True)
    window.open_survey(survey_id)
    wizard = window.wizard
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    storage.repo.delete_survey(survey_id)  # e.g. by another window of the future, or a restore
    wizard.next()
    assert said and "no existe" in said[0]
    assert not wizard.isVisible() and window.wizard is None
    assert "Traceback" not in capsys.readouterr().err


def test_settings_are_remembered_and_named_in_words(storage, qtbot):
    window = _window(storage, qtbot)
    window.factor_set.setCurrentIndex(window.factor_set.findData("ipcc2006-ar5"))
    window.gwp.setCurrentIndex(window.gwp.findData("AR6"))
    assert storage.repo.setting("factor_set") == "ipcc2006-ar5" and storage.repo.setting("gwp") == "AR6"
    assert window.factors().label == "ipcc2006-ar5 / GWP AR6"
    assert window.factor_set.currentText() == "IPCC 2006 + AR5 (actual, con fuentes)"
    assert "CH4 27" in window.gwp.currentText() and "2021" in window.gwp.currentText()
    assert window.gwp.itemText(0).startswith("El del conjunto de factores")
    labels = [label.text() for label in window.findChildren(QLabel)]
    assert "Potencial de calentamiento global (PCG)" in labels
    again = _window(storage, qtbot)
    assert again.factor_set.currentData() == "ipcc2006-ar5"
    with qtbot.waitSignal(again.language_changed) as signal:
        again.language.setCurrentIndex(again.language.findData("en"))
    assert signal.args == ["en", ""] and storage.repo.setting("language") == "en"


def test_read_only_storage_shows_a_banner_and_allows_only_looking_and_exporting(storage, qtbot):
    from cocoa_desktop.engine.files.resources import example_path
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-region.json")), "x")
    from cocoa_desktop.storage.database import StorageError

    # what storage.startup.open_storage does when the disk is full or the folder cannot be written
    reason = StorageError("El disco está lleno.", "The disk is full.", "disk_full")
    storage.read_only_reason = storage.conn.read_only_reason = reason
    window = _window(storage, qtbot)
    assert window.banner.isVisible() and "Solo lectura" in window.banner.text()
    assert "El disco está lleno." in window.banner.text()
    survey_id = _select_survey(window, lambda item: True)
    for name in ("new_campaign", "new_survey", "duplicate_survey", "delete_survey", "load_examples",
                 "import_xlsx", "import_package"):
        assert not window.findChild(QAction, name).isEnabled(), name
    for name in ("open_survey", "export_package", "export_xlsx", "survey_history"):
        assert window.findChild(QAction, name).isEnabled(), name
    assert not window.backup_timer.isActive()
    before = storage.repo.document(survey_id)
    window.open_survey(survey_id)
    wizard = window.wizard
    assert "solo lectura" in wizard.windowTitle()
    wizard.next()
    _close_wizard(window)
    assert storage.repo.document(survey_id) == before


def test_the_daily_backup_runs_while_the_app_stays_open(storage, qtbot):
    window = _window(storage, qtbot)
    assert window.backup_timer.isActive() and window.backup_timer.interval() == 60 * 60 * 1000
    for old in storage.backup_folder.glob("*"):
        old.unlink()  # no backup today yet
    window.backup_if_due()
    assert "Copia de seguridad diaria" in window.statusBar().currentMessage()
    made = list(storage.backup_folder.glob("*"))
    assert made
    window.backup_if_due()  # once a day
    assert list(storage.backup_folder.glob("*")) == made


def test_the_main_window_fits_1024_by_768(storage, qtbot):
    """Defect 10: the window needed 1,281 px. A menu bar and a short toolbar keep it within a projector's screen."""
    window = _window(storage, qtbot)
    window.load_examples()
    window.resize(1024, 768 - 30)  # the window manager's title bar
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 738
    assert window.width() == 1024 and window.height() == 738
    toolbar = window.findChild(QAction, "new_survey").associatedObjects()
    assert toolbar
    for widget in (window.tree, window.factor_set, window.gwp, window.language):
        right = widget.mapTo(window, widget.rect().bottomRight())
        assert right.x() < 1024 and right.y() < 738, widget.objectName()


def test_a_window_shown_before_the_data_opened_is_usable_once_they_are(storage, qtbot):
    """The console script shows the window first and attaches the data folder after (issue 17's blocker: every
    command stayed disabled). Once attached, everything is enabled but what needs a selected survey."""
    from cocoa_desktop.gui.main.window import SURVEY_ACTIONS

    window = MainWindow(None, "es")
    qtbot.addWidget(window)
    window.show()
    assert not any(action.isEnabled() for action in window.actions_by_name.values())  # while the data open
    window.attach(storage)
    disabled = sorted(name for name, action in window.actions_by_name.items() if not action.isEnabled())
    assert disabled == sorted([*SURVEY_ACTIONS, "resolve_conflict", "export_xlsx"])
    assert window.action("new_survey").shortcut().toString() == "Ctrl+N"


def test_ctrl_q_closes_every_window_of_the_app(storage, qtbot):
    from cocoa_desktop.gui.decisions.economics_window import EconomicsWindow

    window = _window(storage, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    economics = EconomicsWindow("es")  # a window of its own, not a child of the main one
    qtbot.addWidget(economics)
    economics.show()
    assert window.action("quit").shortcut().toString() == "Ctrl+Q"
    window.action("quit").trigger()
    assert not window.isVisible() and not economics.isVisible()


def test_a_menu_command_whose_save_fails_says_so_in_words(storage, qtbot, monkeypatch):
    """A full disk under New campaign / New survey: a message, not a traceback and a command doing nothing."""
    from cocoa_desktop.storage.database import StorageError

    def full(*args, **kwargs):
        raise StorageError("El disco está lleno.", "The disk is full.", "disk_full")

    said = []
    monkeypatch.setattr(year_dialog, "ask_year", lambda *a, **k: 2026)
    monkeypatch.setattr(storage.repo, "ensure_campaign", full)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append((title, text)))
    window = _window(storage, qtbot)
    _trigger(window, "new_survey")  # no campaign yet: asks the year, then cannot write the campaign
    _trigger(window, "new_campaign")
    assert said == [("No se pudo guardar", "El disco está lleno.")] * 2
    assert storage.repo.campaigns() == [] and window.wizard is None
