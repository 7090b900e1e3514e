"""Journey 1: a technician's first start on an empty laptop. The commands work, the examples load, a survey opens
and walks to its results, its charts are saved as PNG and SVG with their titles whole, and Ctrl+Q ends the app
cleanly."""

from __future__ import annotations

import re
import time

from tests.e2e import datafolder
from tests.e2e.desktop import MAIN_TITLE
from tests.e2e.pixels import dark_share, ink_box, load

WIZARD = r"^Encuesta de huella de carbono"


def test_after_start_up_the_commands_work(launch):
    app = launch()
    main = app.wait_window(MAIN_TITLE)
    app.wait_active(MAIN_TITLE)
    assert main.inside(1024, 768), main
    shot = load(app.screenshot("started"))
    # the toolbar under the menu bar: its entries' text is black when usable, grey when disabled
    toolbar = dark_share(shot, main.x + 10, main.y + 40, 600, 30)
    assert toolbar > 0.005, f"the toolbar is greyed out after start-up ({toolbar:.4f} dark)"
    app.key("ctrl+n")  # no campaign yet: the year of the new campaign is asked first
    app.wait_window(r"Nueva campaña")
    app.screenshot("new-campaign-asked")
    app.key("Escape")
    app.wait_no_window(r"Nueva campaña")
    assert app.quit() == (0, "")


def test_examples_loaded_a_survey_opened_to_its_results_and_its_charts_saved(launch, tmp_path):
    app = launch()
    stored = datafolder.load_examples(app, screenshot="campaign-menu")
    assert {s["campaign"] for s in stored.values()} == {"San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)",
                                                        "San Martín 2019 — región (PROMPERÚ 2020)"}
    app.screenshot("examples-loaded")
    app.key("Home", "Down", "Down", "Return")  # the first cooperative's survey, opened with Enter
    wizard = app.wait_window(WIZARD)
    assert wizard.inside(1024, 768), wizard
    app.wait_active(WIZARD)
    opened = next(s for s in datafolder.surveys(app.data_dir).values() if s["organisation"] in wizard.title)
    assert opened["campaign"].startswith("San Martín 2019 — 10 cooperativas")
    for _ in range(14):  # Siguiente (Alt+N) page after page, twice where a page only shows a warning
        if _last_page(app, wizard.title) == "results":
            break
        app.key("alt+n")
    assert _last_page(app, wizard.title) == "results"
    app.screenshot("results")
    saved = {}
    for suffix in ("png", "svg"):
        app.key("alt+g")  # Guardar gráficos (PNG o SVG)…
        app.answer_file_dialog(r"^Guardar gráficos", tmp_path / f"huella.{suffix}")
        saved[suffix] = sorted(tmp_path.glob(f"huella-*.{suffix}"))
        assert len(saved[suffix]) == 2, saved  # the stages and the balance chart
    app.screenshot("charts-saved")
    for png in saved["png"]:
        image = load(png)
        box = ink_box(image)
        assert box is not None, png
        left, top, right, bottom = box
        # nothing drawn touches the picture's edges: the title is whole at the top and on the right
        assert top >= 2 and left >= 2 and right <= image.width() - 3 and bottom <= image.height() - 3, (png, box)
    for svg in saved["svg"]:
        text = svg.read_text(encoding="utf-8")
        assert "<svg" in text and re.search(r'<text class="title"[^>]*>[^<]{10,}</text>', text), svg
    app.key("Escape")  # Cerrar asks, and keeps everything
    app.wait_window(r"^Cerrar la encuesta")
    app.key("Return")
    app.wait_no_window(WIZARD)
    assert app.quit() == (0, "")


def _last_page(app, title: str) -> str:
    time.sleep(0.3)  # the page is remembered when it is left: give the app a moment
    return next((s["last_page"] for s in datafolder.surveys(app.data_dir).values()
                 if s["organisation"] and s["organisation"] in title), "")
