"""Journey 2: a new survey typed with the keyboard alone, from Ctrl+N to Finalizar, every page's first key
landing in its first field; then the survey reopened from the main window."""

from __future__ import annotations

from datetime import date

from tests.e2e import datafolder
from tests.e2e.desktop import MAIN_TITLE, wait_until

WIZARD = r"^Encuesta de huella de carbono"
NAME = "Cooperativa Agraria Río Sisa Ltda."  # 34 characters, an accent among them
# page → what is typed as soon as it opens (into the field that has the focus), then Tab and the next …
TYPED = {
    "organisation": [NAME],
    "production": ["310", "240.000"],  # ha, kg of dry cocoa (a Peruvian thousands point)
    "husk": ["100"],  # % heaped
    "fertilisation": [],
    "fermentation": [],
    "drying": ["100"],  # % on tarps in the sun
    "packaging": [],
    "transport": [],
    "sequestration": [],
    "land_use_change": [],
}


def test_a_new_survey_by_keyboard_alone_then_reopened(launch):
    app = launch()
    app.wait_active(MAIN_TITLE)
    app.key("ctrl+n")
    app.wait_active(r"^Nueva campaña")
    app.key("Return")  # this year, as proposed
    wizard = app.wait_window(WIZARD)
    assert wizard.inside(1024, 768), wizard
    app.wait_active(WIZARD)
    survey_id = wait_until(lambda: next(iter(datafolder.surveys(app.data_dir)), None), 10, "no survey stored")
    for page, keys in TYPED.items():
        assert _page(app, survey_id) in (page, ""), f"expected the {page} page"
        for number, text in enumerate(keys):
            if number:
                app.key("Tab")
            app.type(text)
        app.screenshot(f"typed-{page}")
        _next_page(app, survey_id, page)
    assert _page(app, survey_id) == "results"
    app.screenshot("results")
    app.key("alt+f")  # Finalizar
    app.wait_no_window(WIZARD)
    stored = datafolder.surveys(app.data_dir)[survey_id]
    assert stored["organisation"] == NAME
    general = stored["general"]
    assert (general["organisation"], general["productive_area_ha"], general["dry_cocoa_kg"]) == (NAME, 310, 240000)
    assert general["campaign_year"] == date.today().year
    assert stored["husk"]["shares"] == {"heaped": 1.0} and stored["drying"]["shares"] == {"sun_tarp": 1.0}
    app.wait_active(MAIN_TITLE)
    app.screenshot("back-in-the-tree")
    app.key("End", "Return")  # the last line of the tree is the new survey: Enter opens it again
    reopened = app.wait_window(WIZARD)
    assert NAME in reopened.title
    app.wait_active(WIZARD)
    app.screenshot("reopened")
    app.key("Escape")
    app.wait_active(r"^Cerrar la encuesta")
    app.key("Return")
    app.wait_no_window(WIZARD)
    assert app.quit() == (0, "")


def _page(app, survey_id: str) -> str:
    return datafolder.surveys(app.data_dir)[survey_id]["last_page"]


def _next_page(app, survey_id: str, page: str) -> None:
    """Siguiente (Alt+N); once more when the page only showed a warning to read."""
    for _ in range(2):
        app.key("alt+n")
        try:
            wait_until(lambda: _page(app, survey_id) not in (page, ""), 3, "")
            return
        except AssertionError:
            continue
    raise AssertionError(f"Siguiente did not leave the {page} page (see the last screenshot)")
