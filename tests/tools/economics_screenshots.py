"""Screenshots of the carbon-project window and the sampling-plan tab with the APROCAM example (for the user guide):

    QT_QPA_PLATFORM=offscreen python tests/tools/economics_screenshots.py [OUT_DIR] [--lang es|en]

The project tab is shot in two parts (figures and indicators; charts and tables), as a laptop screen shows them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.decisions.economics_window import EconomicsWindow


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="user_guide/screenshots")
    parser.add_argument("--lang", default="es", choices=("es", "en"))
    args = parser.parse_args()
    out = Path(args.out) / args.lang
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    i18n.install(app, args.lang)
    window = EconomicsWindow(args.lang)
    window.project_tab.load_example()
    window.resize(1280, 2300)
    window.show()
    app.processEvents()
    full = window.grab()
    full.copy(0, 0, 1280, 760).save(str(out / "economics-1-project.png"))
    full.copy(0, 760, 1280, 1540).save(str(out / "economics-2-charts.png"))
    window.setCurrentIndex(1)
    page = window.sampling_tab
    page.load_producers(example_path("aprocam-producers-illustrative.csv"))
    window.resize(1280, 900)
    app.processEvents()
    window.grab().save(str(out / "economics-3-sampling.png"))
    for name in ("economics-1-project", "economics-2-charts", "economics-3-sampling"):
        print(out / f"{name}.png")


if __name__ == "__main__":
    main()
