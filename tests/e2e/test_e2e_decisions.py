"""Journey 5: the Decisions menu at 1024×768: the training campaign installed and reset, its campaign view and
scenarios, the carbon-credit and sampling window; every window's frame inside the screen, each closed with Esc."""

from __future__ import annotations

from tests.e2e import datafolder
from tests.e2e.desktop import MAIN_TITLE, wait_until
from tests.e2e.pixels import dark_share, load

TRAINING = "FORMACIÓN — San Martín 2019, 10 cooperativas (PROMPERÚ 2020)"
DECISIONS = r"^Campaña y escenarios — FORMACIÓN"
ECONOMICS = r"^Créditos de carbono y plan de muestreo"


def _training(app) -> dict:
    return {k: v for k, v in datafolder.surveys(app.data_dir).items() if v["campaign"] == TRAINING}


def test_decisions_windows_fit_the_screen_and_training_installs_and_resets(launch):
    app = launch()
    app.wait_active(MAIN_TITLE)
    app.key("alt+d")  # Decisiones
    app.screenshot("decisions-menu")
    app.key("Down", "Down", "Return")  # Instalar la campaña de formación
    installed = wait_until(lambda: len(found := _training(app)) == 10 and found, 30, "training not installed")
    app.screenshot("training-installed")
    app.wait_active(MAIN_TITLE)
    app.key("ctrl+shift+d")  # the campaign view of the selected (training) campaign
    view = app.wait_window(DECISIONS)
    app.wait_active(DECISIONS)
    app.screenshot("campaign-view")
    assert view.inside(1024, 768), view
    app.key("ctrl+Tab")  # the Scenarios tab
    before = load(app.screenshot("scenarios"))
    assert app.wait_window(DECISIONS).inside(1024, 768)
    table = (view.x + view.width // 2, view.y + 130, view.width // 2 - 20, 300)  # the before-and-after table
    assert dark_share(before, *table) < 0.001  # empty until computed
    app.key("Tab", "Tab")  # the scope, then "Husk composted (%)"
    app.type("100")
    app.key("Return")  # computes
    wait_until(lambda: dark_share(load(app.screenshot("scenario-computed")), *table) > 0.002, 30,
               "the scenario's table stayed empty")
    app.key("Escape")
    app.wait_no_window(DECISIONS)
    app.wait_active(MAIN_TITLE)
    app.key("alt+d")
    app.key("Down", "Down", "Down", "Return")  # Restablecer la campaña de formación…
    app.wait_window(r"Restablecer")
    app.screenshot("reset-asked")
    app.key("Return")  # Sí
    app.wait_no_window(r"Restablecer")
    app.screenshot("reset-done")
    after = wait_until(lambda: len(found := _training(app)) == 10 and found, 30, "training gone after reset")
    assert sorted(after.values(), key=str) == sorted(installed.values(), key=str)
    app.wait_active(MAIN_TITLE)
    app.key("alt+d")
    app.key("Return")  # Créditos de carbono y plan de muestreo…
    economics = app.wait_window(ECONOMICS)
    app.wait_active(ECONOMICS)
    app.screenshot("economics")
    assert economics.inside(1024, 768), economics
    app.key("Escape")
    app.wait_no_window(ECONOMICS)
    assert app.quit() == (0, "")
