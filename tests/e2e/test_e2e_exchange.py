"""Journey 3: two laptops exchange survey packages through a USB stick (a folder both can reach): A's campaign
arrives whole on B; then both edit the same survey and exchange again: each keeps its edit and shows the conflict
(never one laptop's edit silently replaced); A resolves it, restores an earlier version from the history, and after
the next exchange both laptops hold the same data with nothing in dispute."""

from __future__ import annotations

from pathlib import Path

from tests.e2e import datafolder

WIZARD = r"^Encuesta de huella de carbono"
COOPERATIVES = "San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"


def export_package(app, path: Path) -> None:
    app.activate()
    app.key("ctrl+e")
    app.answer_file_dialog(r"paquete", path)
    app.wait_active(r"^Paquete exportado")
    app.key("Return")
    assert path.exists()


def import_package(app, path: Path) -> None:
    app.activate()
    app.key("ctrl+i")
    app.answer_file_dialog(r"paquete", path)
    app.wait_active(r"^Paquete importado")
    app.screenshot("imported")
    app.key("Return")


def set_technician(app, name: str) -> None:
    """The first cooperative's survey opened with Enter, its technician typed (page 1, sixth field), saved by
    Siguiente, closed with Esc."""
    app.activate()
    app.key("Home", "Down", "Down", "Return")
    app.wait_active(WIZARD)
    app.key("Tab", "Tab", "Tab", "Tab", "Tab")  # cooperative → covers → farm → year → region → technician
    app.key("ctrl+a")
    app.type(name)
    app.key("alt+n")  # leaving the page saves it
    app.key("Escape")
    app.wait_active(r"^Cerrar la encuesta")
    app.key("Return")
    app.wait_no_window(WIZARD)


def technicians(app) -> dict[str, str]:
    return {k: (v.get("general") or {}).get("technician", "") for k, v in datafolder.surveys(app.data_dir).items()}


def test_a_package_from_laptop_a_arrives_whole_on_laptop_b(launch, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    a = launch("a")
    datafolder.load_examples(a)
    a.key("Home")  # the ten cooperatives' campaign only
    export_package(a, usb / "a.cacao.zip")
    assert a.quit() == (0, "")
    b = launch("b")
    import_package(b, usb / "a.cacao.zip")
    on_a = {k: v for k, v in datafolder.surveys(a.data_dir).items() if v["campaign"] == COOPERATIVES}
    on_b = datafolder.surveys(b.data_dir)
    assert len(on_a) == 10
    for survey_id, survey in on_a.items():  # the same surveys, section by section
        assert {k: v for k, v in on_b[survey_id].items() if k != "last_page"} == \
               {k: v for k, v in survey.items() if k != "last_page"}
    assert b.quit() == (0, "")


def test_both_laptops_edit_the_same_survey_then_exchange(launch, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    a = launch("a")
    datafolder.load_examples(a)
    a.key("Home")
    export_package(a, usb / "a1.cacao.zip")
    b = launch("b")
    import_package(b, usb / "a1.cacao.zip")
    set_technician(b, "Rosa en B")
    export_package(b, usb / "b1.cacao.zip")
    set_technician(a, "Luis en A")
    export_package(a, usb / "a2.cacao.zip")
    import_package(b, usb / "a2.cacao.zip")
    import_package(a, usb / "b1.cacao.zip")
    a.screenshot("after-exchange")
    b.screenshot("after-exchange")
    # both edited the same survey since they last met: each keeps its own edit and shows the other's as a conflict
    assert "Luis en A" in technicians(a).values() and datafolder.open_conflicts(a.data_dir) >= 1
    assert "Rosa en B" in technicians(b).values() and datafolder.open_conflicts(b.data_dir) >= 1
    # A resolves it: the other laptop's version (Survey → Resolve conflict, Ctrl+R; Alt+O keeps the other's)
    a.activate()
    a.key("Home", "Down", "Down", "ctrl+r")
    a.wait_active(r"^Resolver un conflicto")
    a.screenshot("conflict")
    a.key("alt+o")
    a.wait_no_window(r"^Resolver un conflicto")
    assert "Rosa en B" in technicians(a).values() and datafolder.open_conflicts(a.data_dir) == 0
    # then thinks better of it: the history (Ctrl+H), the last save selected, restored as before it (Alt+R, Enter)
    a.activate()
    a.key("ctrl+h")
    a.wait_active(r"^Historial de cambios")
    a.key("End", "alt+r")
    a.wait_active(r"^Restaurar")
    a.key("Return")
    a.wait_active(r"^Historial de cambios")
    a.screenshot("restored")
    a.key("Escape")
    a.wait_no_window(r"^Historial de cambios")
    assert "Luis en A" in technicians(a).values()
    # the exchange again, both ways: the same data on both laptops and nothing left in dispute
    export_package(a, usb / "a3.cacao.zip")
    import_package(b, usb / "a3.cacao.zip")
    export_package(b, usb / "b3.cacao.zip")
    import_package(a, usb / "b3.cacao.zip")
    on_a, on_b = technicians(a), technicians(b)  # B holds the campaign A sent; A also has the region example
    assert {k: on_a[k] for k in on_b} == on_b and "Luis en A" in on_b.values()
    assert datafolder.open_conflicts(a.data_dir) == datafolder.open_conflicts(b.data_dir) == 0
    for laptop in (a, b):
        laptop.activate()
        assert laptop.quit() == (0, "")
