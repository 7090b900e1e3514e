"""The decisions entries of the main window: install the training campaign, open its campaign view and scenarios,
reset it — from the menu, as a workshop trainer does."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.gui.main_window import MainWindow
from cocoa_desktop.storage import training


def _action(window, text: str):
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    return next(a for m in menus for a in m.actions() if a.text() == text)


def test_install_open_and_reset_from_the_menu(qtbot, storage, monkeypatch):
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    _action(window, "Instalar la campaña de formación (10 cooperativas, 2020)").trigger()
    names = [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())]
    assert training.TRAINING_NAME in names
    item = window.tree.topLevelItem(names.index(training.TRAINING_NAME))
    window.tree.setCurrentItem(item)
    opened = _action(window, "Vista de campaña y escenarios…")
    assert opened.shortcut().toString() == "Ctrl+D"
    opened.trigger()
    decisions = window.decisions
    qtbot.addWidget(decisions)
    assert decisions.view.table.rowCount() == 11 and decisions.view.banner.isVisible()
    qtbot.waitUntil(lambda: decisions.view.uncertainty is not None, timeout=20_000)
    repo = storage.repo
    first = sorted(r.id for r in repo.surveys(training.TRAINING_NAME))[0]
    shipped = repo.survey(first)
    repo.save_section(first, "husk", {"shares": {"composted": 1.0}})
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _action(window, "Restablecer la campaña de formación…").trigger()
    assert repo.survey(first) == shipped


def test_the_campaign_view_needs_a_campaign(qtbot, storage, monkeypatch):
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    _action(window, "Vista de campaña y escenarios…").trigger()
    assert told == ["Seleccione primero una campaña."]
