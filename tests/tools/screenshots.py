"""Save a screenshot of the main window and of every wizard page, filled with the San Martín 2020 regional example,
into a folder (for the user guide). Usage, from the project root:

    QT_QPA_PLATFORM=offscreen python tests/tools/screenshots.py [OUT_DIR] [--lang es|en]

Works offscreen (widgets render themselves) or on a real or virtual display (xvfb-run).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from cocoa_desktop.engine.factors import factors_for
from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.main_window import MainWindow
from cocoa_desktop.gui.wizard.session import SurveySession
from cocoa_desktop.gui.wizard.wizard import SurveyWizard
from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.startup import open_storage


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="user_guide/screenshots")
    parser.add_argument("--lang", default="es", choices=("es", "en"))
    args = parser.parse_args()
    out = Path(args.out) / args.lang
    out.mkdir(parents=True, exist_ok=True)
    os.environ[ENV_VAR] = tempfile.mkdtemp(prefix="cocoa-shots-")
    app = QApplication(sys.argv[:1])
    i18n.install(app, args.lang)
    storage = open_storage()
    window = MainWindow(storage, args.lang)
    window.load_examples()
    window.show()
    app.processEvents()
    window.grab().save(str(out / "00-main-window.png"))
    region = next(r for r in storage.repo.surveys() if r.unit == "region")
    wizard = SurveyWizard(SurveySession(storage.repo, region.id, args.lang), factors_for("promperu-2020"))
    wizard.show()
    for number, page_id in enumerate(wizard.page_ids, start=1):
        app.processEvents()
        path = out / f"{number:02d}-{page_id}.png"
        wizard.grab().save(str(path))
        print(path)
        wizard.next()
    storage.close()


if __name__ == "__main__":
    main()
