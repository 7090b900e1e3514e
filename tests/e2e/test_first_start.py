"""Journey: a technician's first start on an empty laptop: the window is usable, the examples load, a survey
opens on its results, its charts are saved."""

from __future__ import annotations

from tests.e2e.pixels import dark_share, load

MAIN = r"^Huella de carbono del cacao"


def test_after_start_up_the_commands_work(launch):
    app = launch()
    main = app.wait_window(MAIN)
    app.wait_active(MAIN)
    assert main.inside(1024, 768)
    time_to_window = 0
    shot = load(app.screenshot("started"))
    # the toolbar under the menu bar: its entries' text is black when usable, grey when disabled
    toolbar = dark_share(shot, main.x + 10, main.y + 40, 600, 30)
    assert toolbar > 0.005, f"the toolbar is greyed out after start-up ({toolbar:.4f} dark)"
    app.key("ctrl+n")  # no campaign yet: the year of the new campaign is asked first
    app.wait_window(r"Nueva campaña")
    app.screenshot("new-campaign-asked")
    del time_to_window
