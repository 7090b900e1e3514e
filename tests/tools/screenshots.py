"""Screenshots for the user guide: the main window, every wizard page filled with the San Martín 2020 regional
example, the results in presentation mode, "How was this computed?", the conflict dialog, the change history and
the phone submissions' import (tests/tools/phone_screenshots.py).
Usage, from the project root:

    QT_QPA_PLATFORM=offscreen python tests/tools/screenshots.py [OUT_DIR] [--lang es|en]
    xvfb-run -s "-screen 0 1024x768x24" python tests/tools/screenshots.py OUT_DIR --screen

Offscreen, each window renders itself. ``--screen`` (on a real or virtual X display) grabs the whole screen as
the X server shows it instead: what a technician sees on a screen of that size (e.g. a 1024×768 projector).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import phone_screenshots  # beside this script
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage.packages import write_package
from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import import_campaigns, read_any


class Shots:
    def __init__(self, app: QApplication, out: Path, screen: bool) -> None:
        self.app, self.out, self.screen = app, out, screen

    def take(self, name: str, widget: QWidget) -> None:
        for _ in range(5):
            self.app.processEvents()
        path = self.out / f"{name}.png"
        image = self.app.primaryScreen().grabWindow(0) if self.screen else widget.grab()
        image.save(str(path))
        print(path)


def conflict(storage: object, folder: Path) -> str:
    """The region survey changed here and on another laptop: the conflict the dialog shows."""
    campaigns = read_any(example_path("san-martin-2020-region.json"))
    survey = campaigns[0].surveys[0]
    repo = storage.repo
    general = repo.document(survey.id)["general"]
    repo.save_section(survey.id, "general", {**general, "producers": 5000, "technician": "Rosa Pérez"})
    theirs = survey.model_copy(deep=True)
    theirs.husk.shares = {"heaped": 0.3, "composted": 0.7}
    theirs.general.technician = "Juan Tapullima"
    path = folder / "laptop-2.cacao.zip"
    write_package([campaigns[0].model_copy(update={"name": "San Martín 2019 — región (PROMPERÚ 2020)",
                                                   "surveys": [theirs]})], path)
    import_campaigns(repo, read_any(path), str(path))
    return survey.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="user_guide/screenshots")
    parser.add_argument("--lang", default="es", choices=("es", "en"))
    parser.add_argument("--screen", action="store_true", help="grab the whole screen (X display) instead")
    args = parser.parse_args()
    out = Path(args.out) / args.lang
    out.mkdir(parents=True, exist_ok=True)
    os.environ[ENV_VAR] = tempfile.mkdtemp(prefix="cocoa-shots-")
    app = QApplication(sys.argv[:1])
    i18n.install(app, args.lang)
    storage = open_storage()
    shots = Shots(app, out, args.screen)
    window = MainWindow(storage, args.lang)
    window.factor_set.setCurrentIndex(window.factor_set.findData("promperu-2020"))
    window.load_examples()
    screen = app.primaryScreen().availableGeometry()
    window.resize(min(1000, screen.width()), min(680, screen.height() - 30))
    window.show()
    region = next(r for r in storage.repo.surveys() if r.unit == "region")
    window.tree.setCurrentItem(window.tree.rows[("survey", region.id)])
    while window.footprint_job is None or not window.footprint_job.finished:
        app.processEvents()
    shots.take("00-main-window", window)
    window.open_survey(region.id)
    wizard = window.wizard
    wizard.ask_before_closing = False
    computing = i18n.translate("campaign", "Computing the 90 % interval…")
    for number, page_id in enumerate(wizard.page_ids, start=1):
        while page_id == "results" and computing in wizard.currentPage().spread.text():
            app.processEvents()  # the interval comes a moment after the page (gui/wizard/interval_line.py)
        shots.take(f"{number:02d}-{page_id}", wizard)
        if page_id != "results":
            wizard.next()
            if wizard.current_page_name() == page_id:  # a page that stops once to show its warnings
                shots.take(f"{number:02d}-{page_id}-warning", wizard)
                wizard.next()
    results = wizard.currentPage()
    results.show_steps()
    shots.take("12-how-computed", results.steps_dialog)
    results.steps_dialog.close()
    results.present_button.click()
    shots.take("13-presentation", wizard)
    scroll = results.findChild(QScrollArea)
    scroll.ensureWidgetVisible(results.chart_widgets["balance"])
    shots.take("13-presentation-charts", wizard)
    results.present_button.click()
    wizard.close_without_asking()
    survey_id = conflict(storage, Path(tempfile.mkdtemp()))
    window.refresh()
    window.tree.setCurrentItem(window.tree.rows[("survey", survey_id)])
    window.resolve_selected()
    shots.take("14-conflict", window.conflict_dialog)
    window.conflict_dialog.choosers["husk"].setCurrentIndex(1)  # the other laptop's husk shares
    window.conflict_dialog.apply(window.conflict_dialog.choices())
    window.show_history()
    shots.take("15-history", window.history_view)
    window.history_view.close()
    phone_screenshots.take(shots, window, args.lang, Path(tempfile.mkdtemp()))
    window.close()
    storage.close()


if __name__ == "__main__":
    main()
