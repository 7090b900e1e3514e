"""Screenshots of the campaign view and the scenario editor on the training campaign (for the user guide):

    QT_QPA_PLATFORM=offscreen python tests/tools/decisions_screenshots.py [OUT_DIR] [--lang es|en]

A temporary data folder holds the training campaign and an illustrative "2020" campaign in which Paraíso composts
90 % of its husk and Apahui packs in jute (to show year over year); nothing touches the user's data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.gui import i18n
from cocoa_desktop.storage import training
from cocoa_desktop.storage.paths import ENV_VAR

SIZE = (1280, 800)


def _settle(app: QApplication, window) -> None:
    for _ in range(30):
        app.processEvents()
    window.view.background.wait()
    for _ in range(30):
        app.processEvents()


def _later_campaign(repo) -> str:
    """An illustrative next campaign: Paraíso composts 90 %, Apahui packs in jute; the rest as in 2019."""
    name = "Campaña 2020 (ilustrativa)"
    campaign = repo.ensure_campaign(name, 2020)
    for row in repo.surveys(training.TRAINING_NAME):
        doc = repo.document(row.id)
        doc["id"] = "ilustrativa-2020-" + row.id
        doc["general"] = {**doc["general"], "campaign_year": 2020}
        if "Paraíso" in row.organisation:
            doc["husk"] = {**doc["husk"], "shares": {"heaped": 0.1, "composted": 0.9}}
        if "Apahui" in row.organisation:
            doc["packaging"] = [{**bag, "type": "jute_sack"} for bag in doc["packaging"]]
        repo.add_survey(doc, campaign, completed=True)
    return name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="user_guide/screenshots")
    parser.add_argument("--lang", default="es", choices=("es", "en"))
    args = parser.parse_args()
    out = Path(args.out) / args.lang
    out.mkdir(parents=True, exist_ok=True)
    os.environ[ENV_VAR] = tempfile.mkdtemp(prefix="cocoa-shots-")
    from cocoa_desktop.gui.decisions.window import DecisionsWindow
    from cocoa_desktop.storage.startup import open_storage

    app = QApplication(sys.argv[:1])
    i18n.install(app, args.lang)
    f = factors_for("promperu-2020")
    with open_storage() as storage:
        training.install(storage.repo)
        later = _later_campaign(storage.repo)
        window = DecisionsWindow(storage, training.TRAINING_NAME, f, args.lang)
        window.resize(*SIZE)
        window.show()
        _settle(app, window)
        window.view.table.selectRow(1)
        _settle(app, window)
        shots = {"decisions-1-campaign": window.grab()}
        window.view.tabs.setCurrentIndex(1)
        app.processEvents()
        shots["decisions-2-ranking"] = window.grab()
        window.view.tabs.setCurrentIndex(3)
        app.processEvents()
        shots["decisions-3-stages"] = window.grab()
        window.tabs.setCurrentIndex(1)
        window.editor.percent["scenario.husk_composted"].setText("100")
        window.editor.name.setText("Compostar toda la cáscara" if args.lang == "es" else "Compost all the husk")
        window.editor.compute()
        app.processEvents()
        shots["decisions-5-scenario"] = window.grab()
        window.editor.views.setCurrentIndex(1)
        app.processEvents()
        shots["decisions-6-scenario-chart"] = window.grab()
        window.close()
        later_window = DecisionsWindow(storage, later, f, args.lang)
        later_window.resize(*SIZE)
        later_window.show()
        _settle(app, later_window)
        view = later_window.view
        view.tabs.setCurrentIndex(4)
        view.years.setCurrentIndex(view.years.findData(training.TRAINING_NAME))
        app.processEvents()
        shots["decisions-4-year-over-year"] = later_window.grab()
        later_window.close()
    for name, pixmap in sorted(shots.items()):
        pixmap.save(str(out / f"{name}.png"))
        print(out / f"{name}.png")


if __name__ == "__main__":
    main()
