"""Install the training campaign (the ten cooperatives of the 2019 campaign, published in the PROMPERÚ 2020 report)
and reset it to the original in one action, from the main window's menu. Resetting asks first: every edit, survey
and scenario of the workshop goes. Both say in the status bar what was done."""

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
        name = training.install(repo)
    except StorageError as exc:
        QMessageBox.warning(parent, translate("training", "Training campaign"), exc.message(lang))
        return None
    count = len(repo.surveys(name))
    _tell(parent, translate("training", "Training campaign installed: 1 survey.") if count == 1 else
          translate("training", "Training campaign installed: %1 surveys.").replace("%1", str(count)))
    return name


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
    _tell(parent, translate("training", "Training campaign reset: 1 survey as shipped.") if count == 1 else
          translate("training", "Training campaign reset: %1 surveys as shipped.").replace("%1", str(count)))
    return training.TRAINING_NAME


def _tell(parent: QWidget, message: str) -> None:
    """In the status bar of a main window (the decisions menu shows it again once the tree is rebuilt)."""
    status = getattr(parent, "statusBar", None)
    if callable(status):
        status().showMessage(message)
