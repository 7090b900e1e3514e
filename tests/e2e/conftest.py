"""The e2e journeys: a real X server and window manager per test, the installed console script, a fresh data
folder for each laptop. Skipped where Xvfb, openbox or xdotool are missing, except in CI (``CI`` set), where a
missing tool is a failure: .ci/run installs them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.desktop import SCRIPT, App, Screen, missing_tools


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def shots_dir(tmp_path_factory) -> Path:
    """Where the screenshots judged by the journeys go (``COCOA_E2E_SHOTS`` keeps them, e.g. for CI's log)."""
    kept = os.environ.get("COCOA_E2E_SHOTS")
    folder = Path(kept) if kept else tmp_path_factory.mktemp("e2e-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def screen():
    missing = missing_tools()
    if missing or not SCRIPT.exists():
        what = ", ".join(missing) or f"the console script {SCRIPT}"
        if os.environ.get("CI"):
            pytest.fail(f"e2e tools missing in CI: {what} (.ci/run installs them)")
        pytest.skip(f"e2e needs {what}")
    display = Screen(1024, 768)
    yield display
    display.close()


@pytest.fixture
def launch(screen, tmp_path, shots_dir, request):
    """Start ``cocoa-desktop`` as a laptop would: ``launch("a")`` uses laptop a's data folder and home (the same
    laptop started again keeps its data)."""
    started: list[App] = []
    test = request.node.name.removeprefix("test_")[:40]

    def start(laptop: str = "a") -> App:
        count = sum(1 for a in started if a.data_dir == tmp_path / laptop / "datos")
        app = App(screen, tmp_path / laptop / "datos", tmp_path / laptop / "home", shots_dir,
                  name=f"{test}-{laptop}{count + 1}")
        started.append(app)
        return app

    yield start
    for app in started:
        app.kill()
