"""Translations: our strings (resources/translations/cocoa_desktop_<lang>.qm) and Qt's own (qtbase_<lang>.qm),
so that Siguiente / Atrás / Cancelar appear in the wizard. Source strings are English; Spanish is the default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from cocoa_desktop.engine.files.resources import resource_dir
from cocoa_desktop.engine.words import LANGUAGES, SPANISH, english, say

DEFAULT_LANGUAGE = SPANISH
_installed: list[QTranslator] = []
_language = [DEFAULT_LANGUAGE]  # the language installed last: the words taken from the engine follow it
# (context, what Qt's widget shows): the same words without the shortcut, which Qt's Spanish catalogue translates
QT_GAPS = {("QFileDialog", "&Look in:"): "Look in:", ("QFileDialog", "Files of &type:"): "Files of type:"}


class QtGaps(QTranslator):
    """Qt's Spanish catalogue has its file dialog's labels without their keyboard shortcut ("Look in:" → "Ver en:")
    but not as the dialog shows them ("&Look in:", "Files of &type:"), which stayed English in a Spanish dialog:
    they are taken from the first, with a shortcut. Installed first, so asked last: a catalogue that has them wins."""

    def __init__(self, qt: QTranslator, parent: QObject) -> None:
        super().__init__(parent)
        self.qt = qt

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        plain = QT_GAPS.get((context, source_text))
        text = self.qt.translate(context, plain) if plain else ""
        return "&" + text if text else None  # None: not ours, the next translator (or the English) is used

    def isEmpty(self) -> bool:
        return False


def translations_dir() -> str:
    return str(resource_dir() / "translations")


def install(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for ``lang`` (removing earlier ones); True if our catalogue was found."""
    _language[0] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(say(lang, QLocale(QLocale.Language.Spanish, QLocale.Country.Peru),
                                 QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)))
    if english(lang):
        return True
    found = False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        gaps = QtGaps(qt, app)
        app.installTranslator(gaps)  # asked after the two below
        _installed.append(gaps)
    ours = QTranslator(app)
    if ours.load(f"cocoa_desktop_{lang}", translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
        found = True
    if not qt.isEmpty():
        app.installTranslator(qt)  # Qt's own words: Siguiente, Cancelar, the file dialogs
        _installed.append(qt)
    return found


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def current_language() -> str:
    return _language[0]
