"""The user guide inside the app: F1 (or Help) opens the chapter of the window or wizard page on screen, in the
app's language, rendered by Qt from the guide's Markdown (QTextBrowser), offline, screenshots included; links
between chapters work. The guide travels with the app (wheel and bundle: ``engine.resources.guide_dir``)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from cocoa_desktop.engine.files.resources import guide_dir
from cocoa_desktop.engine.model import sections
from cocoa_desktop.engine.words import language, pick
from cocoa_desktop.gui.fields import fit_to_screen
from cocoa_desktop.gui.i18n import current_language, translate

# What each window or wizard page opens (relative to user_guide/<lang>/); es and en share the page chapters' names
CHAPTERS: dict[str, tuple[str, str]] = {
    "main": ("asistente.md", "wizard.md"),
    "start": ("inicio.md", "getting-started.md"),
    "index": ("index.md", "index.md"),
    "economics": ("economia.md", "economics.md"),
    "data": ("datos-y-paquetes.md", "data-and-packages.md"),
    "workbook": ("libro-excel.md", "workbook.md"),
    "method": ("metodo.md", "method.md"),
    "decisions": ("decisiones.md", "decisions.md"),
    "workshop": ("taller.md", "workshop.md"),
}
PAGE_IDS = sections.PAGES  # the wizard's pages, each with its chapter


def chapter_path(topic: str, lang: str | None = None) -> Path:
    """The Markdown file of a topic ("main", "economics" …) or of a wizard page (its id)."""
    lang = lang or current_language()
    folder = guide_dir() / language(lang)
    if topic in PAGE_IDS:
        return folder / "pages" / f"{PAGE_IDS.index(topic) + 1:02d}-{topic}.md"
    return folder / pick(CHAPTERS.get(topic, CHAPTERS["index"]), lang)


class HelpWindow(QDialog):
    """One chapter at a time; its links lead to the others, Back returns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(translate("help", "User guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help.browser")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        back = buttons.addButton(translate("help", "Back"), QDialogButtonBox.ButtonRole.ActionRole)
        contents = buttons.addButton(translate("help", "Contents"), QDialogButtonBox.ButtonRole.ActionRole)
        back.clicked.connect(self.browser.backward)
        contents.clicked.connect(lambda: self.show_topic("index"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 700)

    def show_topic(self, topic: str) -> Path:
        path = chapter_path(topic)
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        self.fit_images()
        heading = path.read_text(encoding="utf-8").split("\n", 1)[0].lstrip("# ").strip()
        self.setWindowTitle(translate("help", "User guide") + (" — " + heading if heading else ""))
        return path


    def fit_images(self) -> None:
        """Screenshots narrower than the window: wider ones are scaled down (Markdown gives no image width)."""
        document = self.browser.document()
        width = max(200, self.browser.viewport().width() - 40)
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                image_format = fragment.charFormat().toImageFormat()
                if fragment.charFormat().isImageFormat():
                    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
                    natural = image.width() if image is not None and hasattr(image, "width") else 0
                    if natural:
                        shown = min(natural, width)
                        image_format.setWidth(shown)
                        image_format.setHeight(image.height() * shown / natural)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
                fragments += 1
            block = block.next()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self.fit_images()


_window: HelpWindow | None = None


def show_help(topic: str, parent: QWidget | None = None) -> HelpWindow:
    """Open (or bring up) the guide at ``topic``; not modal, so the technician can read beside the page.

    The window is a child of ``parent`` (a modal wizard lets only its own children take the keys), so it goes when
    that wizard goes: a window whose Qt object was deleted is never reused (F1 died for the rest of the session)."""
    global _window
    if _window is not None and not shiboken6.isValid(_window):
        _window = None
    if _window is None or _window.parent() is not parent:
        if _window is not None:
            _window.close()  # one guide window at a time
        _window = HelpWindow(parent)
    _window.show_topic(topic)
    _window.show()
    _window.raise_()
    return _window


def add_f1(widget: QWidget, topic: str | object) -> QShortcut:
    """F1 on ``widget`` opens ``topic`` (a string, or a callable giving the topic of what is on screen)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), widget)
    shortcut.activated.connect(lambda: show_help(topic() if callable(topic) else str(topic), widget))
    return shortcut
