"""Journey 6: surveys collected on phones (issue 23). The phone form written from Paquetes y Excel; then a
KoboToolbox export of the ten example cooperatives imported into a new campaign typed in the campaign question:
the report says 10 stored, the data folder holds the ten surveys in that campaign, and Ctrl+Q ends the app cleanly.

The report box is judged by what shows on screen: its title, its icon (information: nothing refused) and where
it stands; its counts by the data folder, read after the app exited. (Ctrl+C copies a message box's text on
Windows only: Qt on X11 leaves the clipboard empty.)"""

from __future__ import annotations

import re
import zipfile

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from tests.e2e import datafolder
from tests.e2e.desktop import MAIN_TITLE, wait_until
from tests.e2e.pixels import load
from tests.submission_files import write_kobo

IMPORT = r"^Envíos de teléfonos$"  # the file dialog and the campaign question
FORM = r"^Formulario para teléfonos"
REPORT = r"^Envíos de teléfonos importados$"
CAMPAIGN = "Cosecha teléfonos 2024"
# the menu's last two entries: Alt+P opens it on its first entry, Up goes round to the last (arrows skip the
# disabled entries above, e.g. the campaign's workbook with no campaign yet)
PHONE_ENTRIES = {"export_xlsform": 2, "import_submissions": 1}
ACUTE = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"}


def open_entry(app, name: str) -> None:
    """Paquetes y Excel (Alt+P) → the entry, by arrow keys and Enter."""
    app.activate()
    app.key("alt+p", *["Up"] * PHONE_ENTRIES[name])
    app.screenshot(f"menu-{name}")
    app.key("Return")


def type_latam(app, text: str) -> None:
    """Type ``text`` as on the Latin American keyboard: an accented vowel is the dead acute key, then the vowel
    (xdotool would otherwise map a spare key to it for a moment, and the app sometimes read the map too late:
    "teléfonos" arrived as "telfonos")."""
    for part in re.split(f"([{''.join(ACUTE)}])", text):
        if part in ACUTE:
            app.key("dead_acute", ACUTE[part])
        elif part:
            app.type(part)


def colour_shares(image, x: int, y: int, width: int, height: int) -> dict[str, float]:
    """The share of clearly blue and clearly yellow pixels in the box (the message box's icon)."""
    found = {"blue": 0, "yellow": 0}
    total = 0
    for row in range(max(0, y), min(image.height(), y + height)):
        for column in range(max(0, x), min(image.width(), x + width)):
            pixel = image.pixel(column, row)
            red, green, blue = (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255
            total += 1
            found["blue"] += blue > 150 and blue - red > 60
            found["yellow"] += red > 180 and green > 140 and red - blue > 90
    return {k: v / total for k, v in found.items()} if total else found


def test_phone_form_written_and_a_kobo_export_imported_into_a_new_campaign(launch, tmp_path):
    cooperatives = survey_io.read(example_path("san-martin-2020-cooperatives.json")).surveys
    export = write_kobo(cooperatives, tmp_path / "envíos kobo.xlsx", "es")  # choices as Kobo's Spanish labels
    app = launch()
    app.wait_active(MAIN_TITLE)
    # (a) the form for ODK Collect / KoboToolbox
    open_entry(app, "export_xlsform")
    form = tmp_path / "formulario cacao.xlsx"
    app.answer_file_dialog(FORM, form)
    wait_until(lambda: form.exists() and zipfile.is_zipfile(form), 20, "the phone form was not written")
    with zipfile.ZipFile(form) as book:
        sheets = book.read("xl/workbook.xml").decode()
    assert all(f'name="{sheet}"' in sheets for sheet in ("survey", "choices", "settings")), sheets
    # (b) the phones' submissions: the file, then the campaign question (same title), a new campaign typed
    open_entry(app, "import_submissions")
    chooser = app.wait_window(IMPORT)
    app.wait_active(IMPORT)
    app.screenshot("file-dialog")
    app.key("ctrl+a")
    type_latam(app, str(export))
    app.key("Return")
    wait_until(lambda: chooser.id not in app.window_ids(), 20, "the file dialog did not close")
    question = app.wait_window(IMPORT)
    assert question.id != chooser.id and question.inside(1024, 768), question
    app.wait_active(IMPORT)
    app.screenshot("campaign-question")
    app.key("ctrl+a")  # the editable list: the proposed entry's text selected, replaced by the typed name
    type_latam(app, CAMPAIGN)
    app.screenshot("campaign-typed")
    app.key("Return")
    report = app.wait_window(REPORT, timeout=40)
    assert report.inside(1024, 768), report
    app.wait_active(REPORT)
    shot = load(app.screenshot("report"))
    # nothing refused: the information icon (blue), not the warning one (yellow), left of the text
    icon = colour_shares(shot, report.x, report.y + 30, 80, report.height - 30)
    assert icon["blue"] > 0.05 and icon["yellow"] < 0.005, icon
    app.key("Return")
    app.wait_no_window(REPORT)
    code, stderr = app.quit()
    assert "Traceback" not in stderr
    assert (code, stderr) == (0, "")
    stored = datafolder.surveys(app.data_dir)  # read-only, after the app exited
    assert {k: v["campaign"] for k, v in stored.items()} == {s.id: CAMPAIGN for s in cooperatives}
    assert {v["organisation"] for v in stored.values()} == {s.general.organisation for s in cooperatives}
