"""What is shipped: the wheel carries the factor sets, examples, translations and the whole user guide (both
languages and its screenshots); the bundle spec leaves the unused Qt modules out."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.fail(done.stdout + done.stderr)
    (found,) = out.glob("cocoa_desktop-*.whl")
    return found


def test_the_wheel_carries_the_guide_and_the_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("es", "en"):
        chapters = sorted(p.name for p in (ROOT / "user_guide" / lang).glob("*.md"))
        assert chapters, lang
        for chapter in chapters:
            assert f"cocoa_desktop/_user_guide/{lang}/{chapter}" in names
    shots = [p.relative_to(ROOT / "user_guide") for p in (ROOT / "user_guide" / "screenshots").rglob("*.png")]
    assert shots and all(f"cocoa_desktop/_user_guide/{s.as_posix()}" in names for s in shots)
    for resource in ("factors/promperu-2020.json", "examples/san-martin-2020-cooperatives.json",
                     "translations/cocoa_desktop_es.qm"):
        assert f"cocoa_desktop/_resources/{resource}" in names


def test_the_installed_package_finds_its_guide():
    from cocoa_desktop.engine.files.resources import guide_dir

    assert (guide_dir() / "es").is_dir() and (guide_dir() / "en").is_dir()


def test_the_bundle_spec_leaves_unused_qt_out():
    spec = (ROOT / ".ci" / "bundle" / "cocoa-desktop.spec").read_text()
    for module in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore"):
        assert f'"{module}"' in spec
    for used in ("QtCore", "QtGui", "QtWidgets", "QtSvg"):
        assert f'"{used}"' not in spec
