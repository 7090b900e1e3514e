"""Refresh the Spanish catalogue: lupdate the GUI sources, then lrelease. Run from the project root:
``python tests/tools/update_translations.py``. New strings appear unfinished in the .ts: translate them with
``pyside6-linguist resources/translations/cocoa_desktop_es.ts`` (tests/gui/test_translations.py fails until then)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations" / "cocoa_desktop_es.ts"


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "cocoa_desktop" / "gui").rglob("*.py"))


def main() -> None:
    subprocess.run([BIN / "pyside6-lupdate", *sources(), "-ts", TS, "-no-obsolete"], check=True)
    subprocess.run([BIN / "pyside6-lrelease", TS, "-qm", TS.with_suffix(".qm")], check=True)


if __name__ == "__main__":
    main()
