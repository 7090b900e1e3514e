"""Journey 4: the workbook and the buyers' PDF written from the menus; the guide opened with F1 in the main window,
on three wizard pages (each its own chapter), and again after the wizard closed."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

from tests.e2e import datafolder
from tests.e2e.desktop import MAIN_TITLE, wait_until

WIZARD = r"^Encuesta de huella de carbono"
GUIDE = r"^Guía de uso"


def test_workbook_and_pdf_report_from_the_menus(launch, tmp_path):
    app = launch()
    datafolder.load_examples(app)
    app.key("Home")  # the ten cooperatives' campaign
    app.key("ctrl+shift+e")
    workbook = tmp_path / "campaña 2019.xlsx"
    app.answer_file_dialog(r"Excel", workbook)
    wait_until(lambda: workbook.exists() and zipfile.is_zipfile(workbook), 60, "the workbook was not written")
    with zipfile.ZipFile(workbook) as book:
        assert "xl/workbook.xml" in book.namelist()
        sheets = book.read("xl/workbook.xml").decode()
    assert "Resultados" in sheets and "Cooperativas" in sheets  # the Spanish workbook of the PROMPERÚ tool
    app.wait_active(MAIN_TITLE)
    app.key("ctrl+p")
    report = tmp_path / "informe.pdf"
    app.answer_file_dialog(r"(?i)informe PDF", report)
    app.wait_no_window(r"(?i)informe PDF")  # the dialog, then the progress window
    sizes = []
    wait_until(lambda: report.exists() and sizes.append(report.stat().st_size) is None and len(sizes) > 5
               and sizes[-1] == sizes[-6] > 10_000, 90, "the PDF report was not written (or never finished)",
               step=0.2)
    assert report.read_bytes()[:5] == b"%PDF-"
    app.screenshot("written")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(report), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Acopagro" in text and "kg CO2e" in text
    assert app.quit() == (0, "")


def test_f1_opens_the_guide_of_what_is_on_screen_even_after_a_wizard_closed(launch):
    app = launch()
    datafolder.load_examples(app)
    app.key("F1")
    guide = app.wait_window(GUIDE)
    assert guide.inside(1024, 768), guide
    app.screenshot("guide-main")
    app.wait_active(GUIDE)
    app.key("Escape")
    app.wait_no_window(GUIDE)
    app.wait_active(MAIN_TITLE)
    app.key("Home", "Down", "Down", "Return")
    app.wait_active(WIZARD)
    chapters = []
    for page in range(3):  # organisation, production, husk: each page opens its own chapter
        if page:
            app.key("alt+n")
        app.key("F1")
        chapters.append(app.wait_window(GUIDE).title)
        app.screenshot(f"guide-page-{page + 1}")
        app.wait_active(GUIDE)
        app.key("Escape")
        app.wait_no_window(GUIDE)
        app.wait_active(WIZARD)
    assert len(set(chapters)) == 3, chapters
    app.key("Escape")  # close the wizard (it asks; everything is kept)
    app.wait_active(r"^Cerrar la encuesta")
    app.key("Return")
    app.wait_no_window(WIZARD)
    app.wait_active(MAIN_TITLE)
    app.key("F1")  # the guide window of the closed wizard is gone; F1 makes a new one
    app.wait_window(GUIDE)
    app.screenshot("guide-after-wizard")
    app.wait_active(GUIDE)
    app.key("Escape")
    app.wait_no_window(GUIDE)
    code, stderr = app.quit()
    assert "RuntimeError" not in stderr
    assert (code, stderr) == (0, "")


