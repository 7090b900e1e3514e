from __future__ import annotations

import pytest

from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.startup import Storage, open_storage


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    folder = tmp_path / "datos"
    monkeypatch.setenv(ENV_VAR, str(folder))
    return folder


@pytest.fixture
def storage(data_folder) -> Storage:
    store = open_storage()
    yield store
    store.close()
