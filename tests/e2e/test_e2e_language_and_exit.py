"""Journey 6: the language switched to English and back with the keyboard, remembered across a restart; Salir
(Ctrl+Q) ends the app with exit code 0 and nothing on stderr."""

from __future__ import annotations

from tests.e2e import datafolder
from tests.e2e.desktop import MAIN_TITLE, wait_until

SPANISH = r"^Huella de carbono del cacao — San Martín$"
ENGLISH = r"^Cocoa carbon footprint — San Martín$"


def _choose_language(app, key: str) -> None:
    """From the survey tree, Tab to the settings' last box (the language) and step to the other language."""
    app.key("Tab", "Tab", "Tab")  # factor set, GWP, language
    app.key(key)


def test_language_switched_and_back_remembered_and_ctrl_q(launch):
    app = launch()
    app.wait_active(SPANISH)
    _choose_language(app, "Down")
    english = app.wait_window(ENGLISH)
    assert english.inside(1024, 768), english  # the new window, placed by the app, not cascaded off screen
    app.wait_active(ENGLISH)
    app.screenshot("english")
    assert app.titles() == ["Cocoa carbon footprint — San Martín"]  # the Spanish window is gone, not hidden
    assert wait_until(lambda: datafolder.setting(app.data_dir, "language") == "en", 10, "not remembered")
    assert app.quit() == (0, "")
    again = launch()  # the same laptop started again: English, as left
    again.wait_active(ENGLISH)
    _choose_language(again, "Up")
    assert again.wait_window(SPANISH).inside(1024, 768)
    again.wait_active(MAIN_TITLE)
    again.screenshot("spanish-again")
    assert wait_until(lambda: datafolder.setting(again.data_dir, "language") == "es", 10, "not remembered")
    assert again.quit() == (0, "")
