"""Translations: our strings (resources/translations/cocoa_desktop_<lang>.qm) and Qt's own (qtbase_<lang>.qm),
so that Siguiente / Atrás / Cancelar appear in the wizard. Source strings are English; Spanish is the default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cocoa_desktop.engine.resources import resource_dir

DEFAULT_LANGUAGE = "es"
LANGUAGES = ("es", "en")
_installed: list[QTranslator] = []
_language = [DEFAULT_LANGUAGE]  # the language installed last: the words taken from the engine follow it


def translations_dir() -> str:
    return str(resource_dir() / "translations")


def install(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for ``lang`` (removing earlier ones); True if our catalogue was found."""
    _language[0] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Peru) if lang == "es"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if lang == "en":
        return True
    found = False
    ours = QTranslator(app)
    if ours.load(f"cocoa_desktop_{lang}", translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
        found = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return found


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def current_language() -> str:
    return _language[0]
