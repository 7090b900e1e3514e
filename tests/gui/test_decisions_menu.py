"""The decisions entries of the main window: install the training campaign, open its campaign view and scenarios,
reset it — from the menu, as a workshop trainer does."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage import training


def _window(storage, qtbot) -> MainWindow:
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    return window


def _action(window, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_install_open_and_reset_from_the_menu(qtbot, storage, monkeypatch):
    window = _window(storage, qtbot)
    install = _action(window, "install_training")
    # the words agree with what is installed: the 2019 campaign (published in 2020), not "2020"
    assert "San Martín 2019" in install.text() and "San Martín 2019" in training.TRAINING_NAME
    assert "2020" not in install.text()
    install.trigger()
    assert window.tree.selected_campaign() == training.TRAINING_NAME  # installed and selected
    assert "10" in window.statusBar().currentMessage()  # and said
    opened = _action(window, "campaign_view")
    assert opened.text() == "Vista de campaña y escenarios…" and opened.shortcut().toString() == "Ctrl+Shift+D"
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
    _action(window, "reset_training").trigger()
    assert repo.survey(first) == shipped
    # said, and still said once the tree is rebuilt (it was replaced by the tree's hint: no feedback at all)
    assert "10 encuestas" in window.statusBar().currentMessage()
    assert window.tree.selected_campaign() == training.TRAINING_NAME
    decisions.close()


def test_the_campaign_view_needs_a_campaign(qtbot, storage, monkeypatch):
    window = _window(storage, qtbot)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    _action(window, "campaign_view").trigger()
    assert told == ["Seleccione primero una campaña."]
