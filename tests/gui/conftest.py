from __future__ import annotations

import pytest

from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.startup import open_storage


@pytest.fixture
def storage(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "datos"))
    store = open_storage()
    yield store
    store.close()


@pytest.fixture
def new_survey(storage):
    campaign = storage.repo.ensure_campaign("Campaña 2019", 2019)
    return storage.repo.add_survey({"general": {"organisation": "", "campaign_year": 2019}}, campaign)


@pytest.fixture(autouse=True)
def spanish_by_default(qapp):
    """The app's default language, as a technician sees it."""
    from cocoa_desktop.gui import i18n

    i18n.install(qapp, "es")


@pytest.fixture
def type_keys():
    """Type into a line edit as a technician does: select all, delete, the keys, Enter."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def type_text(widget, text: str) -> None:
        widget.setFocus()
        widget.selectAll()
        QTest.keyClick(widget, Qt.Key.Key_Delete)
        QTest.keyClicks(widget, text)
        QTest.keyClick(widget, Qt.Key.Key_Return)

    return type_text


@pytest.fixture(autouse=True)
def no_thread_left_running():
    """A job's thread still running when its QThread object goes makes Qt abort the process."""
    yield
    from cocoa_desktop.gui.actions import jobs

    jobs.stop_all()
