"""Install the training campaign (the ten cooperatives of 2020) and reset it to the original in one action, from
the main window's menu. Resetting asks first: every edit, survey and scenario of the workshop goes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from cocoa_desktop.gui.i18n import translate
from cocoa_desktop.storage import training
from cocoa_desktop.storage.database import StorageError


def install(parent: QWidget, repo, lang: str) -> str | None:
    """Install (or put back) the training campaign; returns its name, or None when storage refused."""
    if training.is_training(repo, training.TRAINING_NAME):
        return reset(parent, repo, lang)
    try:
        return training.install(repo)
    except StorageError as exc:
        QMessageBox.warning(parent, translate("training", "Training campaign"), exc.message(lang))
        return None


def reset(parent: QWidget, repo, lang: str, ask: bool = True) -> str | None:
    """Back to the original, after asking; returns the campaign's name when it was reset."""
    if ask:
        answer = QMessageBox.question(
            parent, translate("training", "Reset the training campaign"),
            translate("training", "Put the ten training cooperatives back as they were shipped? Every edit, every "
                                  "survey added and every scenario of the workshop in “%1” is deleted.")
            .replace("%1", training.TRAINING_NAME))
        if answer != QMessageBox.StandardButton.Yes:
            return None
    try:
        count = training.reset(repo)
    except StorageError as exc:
        QMessageBox.warning(parent, translate("training", "Training campaign"), exc.message(lang))
        return None
    status = getattr(parent, "statusBar", None)
    if callable(status):
        status().showMessage(translate("training", "Training campaign reset: %1 surveys as shipped.")
                             .replace("%1", str(count)))
    return training.TRAINING_NAME
