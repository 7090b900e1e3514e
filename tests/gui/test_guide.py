"""The user guide: a chapter for every wizard page in both languages, naming every field the page asks; every
image and link resolves; F1 and Help open the chapter of what is on screen, rendered by Qt with its images."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QWizard

from cocoa_desktop.engine.files.resources import guide_dir
from cocoa_desktop.gui import help as guide
from cocoa_desktop.gui import i18n
from tests.gui.keyboard import open_wizard

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _chapters() -> list[Path]:
    return sorted(guide_dir().rglob("*.md"))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_wizard_page_has_its_chapter_naming_its_fields(qapp, lang):
    from cocoa_desktop.gui.fields import field_label
    from cocoa_desktop.gui.wizard.specs import PAGES

    i18n.install(qapp, lang)
    try:
        for number, spec in enumerate(PAGES, start=1):
            path = guide.chapter_path(spec.id, lang)
            text = path.read_text(encoding="utf-8")
            title = i18n.translate("pages", spec.title)
            assert text.startswith(f"# {number}. {title}"), path  # the page's own name, in the same order
            assert f"screenshots/{lang}/{number:02d}-{spec.id}.png" in text, path
            for field in (*spec.fields, *(c for t in spec.tables for c in t.columns)):
                assert field_label(field) in text, (path, field_label(field))
        results = guide.chapter_path("results", lang).read_text(encoding="utf-8")
        assert results.startswith(f"# {len(PAGES) + 1}. ")
    finally:
        i18n.install(qapp, "es")


def test_every_image_and_link_in_the_guide_resolves():
    checked = 0
    for chapter in _chapters():
        for target in LINK.findall(chapter.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "#", "mailto:")):
                continue
            path = (chapter.parent / target.split("#", 1)[0]).resolve()
            assert path.is_file(), f"{chapter.relative_to(guide_dir())}: {target}"
            checked += 1
    assert checked > 80  # the chapters do link and show pictures


def test_both_languages_have_the_same_chapters():
    es = {p.relative_to(guide_dir() / "es").parts[0] == "pages" and p.name for p in (guide_dir() / "es").rglob("*.md")}
    en = {p.relative_to(guide_dir() / "en").parts[0] == "pages" and p.name for p in (guide_dir() / "en").rglob("*.md")}
    assert es == en  # the page chapters share their names
    for topic, (name_es, name_en) in guide.CHAPTERS.items():
        assert (guide_dir() / "es" / name_es).is_file() and (guide_dir() / "en" / name_en).is_file(), topic


def test_f1_in_the_wizard_opens_the_chapter_of_the_page_on_screen(storage, qtbot):
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.files.resources import example_path

    region = survey_io.read(example_path("san-martin-2020-region.json")).model_dump(mode="json")
    survey_id = storage.repo.add_survey(region, storage.repo.ensure_campaign("Campaña 2019", 2019))
    wizard = open_wizard(storage, survey_id, qtbot, page="husk")
    qtbot.waitUntil(lambda: wizard.current_page_name() == "husk")
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_F1)
    window = guide._window
    assert window is not None and window.isVisible()
    assert Path(window.browser.source().toLocalFile()) == guide.chapter_path("husk", "es")
    assert "Manejo de la cáscara" in window.browser.toPlainText()
    window.close()
    wizard.button(QWizard.WizardButton.HelpButton).click()  # the Help button does the same
    assert guide._window.isVisible() and guide._window.browser.source().toLocalFile().endswith("03-husk.md")
    guide._window.close()


def test_the_guide_renders_its_screenshots(qapp):
    window = guide.show_help("packaging")
    try:
        text = (guide.chapter_path("packaging", "es")).read_text(encoding="utf-8")
        image = re.search(r"!\[[^\]]*\]\(([^)]+)\)", text).group(1)
        url = window.browser.source().resolved(QUrl(image))
        resource = window.browser.loadResource(QTextDocument.ResourceType.ImageResource, url)
        assert resource is not None and not resource.isNull()  # the picture is there, offline
        assert "peso de un envase vacío" in window.browser.toPlainText().lower()
    finally:
        window.close()


def test_f1_in_the_main_window_opens_the_wizard_chapter_in_english(storage, qtbot, qapp):
    from cocoa_desktop.gui.main.window import MainWindow

    i18n.install(qapp, "en")
    try:
        window = MainWindow(storage, "en")
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.actions_by_name["help_contents"].shortcut().toString() == "F1")
        qtbot.keyClick(window, Qt.Key.Key_F1)
        assert guide._window.browser.source().toLocalFile().endswith("en/wizard.md")
        assert "The survey, step by step" in guide._window.browser.toPlainText()
        guide._window.close()
    finally:
        i18n.install(qapp, "es")


def test_help_still_opens_after_the_wizard_that_held_it_closed(storage, new_survey, qtbot):
    """Issue 17: F1 in a wizard, the wizard closed (its children deleted), then F1 anywhere raised
    'RuntimeError: … (HelpWindow) already deleted' and the guide never opened again."""
    import shiboken6

    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.gui.wizard.session import SurveySession
    from cocoa_desktop.gui.wizard.wizard import SurveyWizard

    wizard = SurveyWizard(SurveySession(storage.repo, new_survey, "es"), factors_for("promperu-2020"))
    wizard.show()  # not handed to qtbot: this wizard is deleted, as the main window deletes a closed one
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_F1)
    first = guide._window
    assert first is not None and first.parent() is wizard
    wizard.close_without_asking()
    wizard.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))
    again = guide.show_help("main")  # the main window's F1 and Help menu, after the wizard closed
    assert again.isVisible() and again.browser.source().toLocalFile().endswith("asistente.md")
    second = open_wizard(storage, new_survey, qtbot)  # and F1 in a later wizard
    qtbot.keyClick(QApplication.focusWidget() or second, Qt.Key.Key_F1)
    assert guide._window.parent() is second and guide._window.isVisible()
    assert not again.isVisible()  # one guide window at a time
    guide._window.close()
