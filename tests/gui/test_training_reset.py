"""Resetting the training campaign from the app: asked first, one action, everything back as shipped."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox

from cocoa_desktop.gui.actions import training as training_actions
from cocoa_desktop.storage import training


def _answer(monkeypatch, button):
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_install_then_reset_after_edits(qtbot, storage, monkeypatch):
    window = QMainWindow()
    qtbot.addWidget(window)
    repo = storage.repo
    assert training_actions.install(window, repo, "es") == training.TRAINING_NAME
    shipped = {r.id: repo.survey(r.id) for r in repo.surveys(training.TRAINING_NAME)}
    first = sorted(shipped)[0]
    repo.save_section(first, "husk", {"shares": {"composted": 1.0}})
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert training_actions.reset(window, repo, "es") is None  # "no": nothing changes
    assert repo.survey(first) != shipped[first] and "Se borra cada cambio" in asked[0]
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert training_actions.reset(window, repo, "es") == training.TRAINING_NAME
    assert {r.id: repo.survey(r.id) for r in repo.surveys(training.TRAINING_NAME)} == shipped
    assert "10 encuestas" in window.statusBar().currentMessage()
    # installing again when it is there asks and resets rather than adding a second copy
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert training_actions.install(window, repo, "es") == training.TRAINING_NAME
    assert len(repo.surveys(training.TRAINING_NAME)) == 10
