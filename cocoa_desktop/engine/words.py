"""Words at the edge: which language's text people read, and how a number is written for them, decided here once.

Every user-visible text outside the Qt catalogue (resources/translations) comes as a pair, Spanish then English;
:func:`say` (two texts) and :func:`pick` (a stored ``(es, en)`` pair) choose between them. English is asked for by
``"en"``; any other language, unknown ones included, reads Spanish, the application's first language.

Numbers follow the language: "40 203,1" in Spanish (a space groups the thousands, a comma marks the decimals, as
the number fields read them back), "40,203.1" in English; "—" when there is no number to give.
"""

from __future__ import annotations

import math
from typing import TypeVar

T = TypeVar("T")

SPANISH, ENGLISH = "es", "en"
LANGUAGES = (SPANISH, ENGLISH)  # the first is the default: what an unknown language reads
KG_PER_T = 1000.0
NO_NUMBER = "—"
DECIMAL = {SPANISH: ",", ENGLISH: "."}  # the decimal sign of each language
THOUSANDS = {SPANISH: " ", ENGLISH: ","}  # what groups the thousands in each language


def english(lang: str) -> bool:
    """Whether ``lang`` reads English (the one test of the language in the package)."""
    return lang == ENGLISH


def language(lang: str) -> str:
    """The language ``lang`` reads: "en" or, for anything else, "es"."""
    return ENGLISH if english(lang) else SPANISH


def index(lang: str) -> int:
    """The position of ``lang``'s text in an ``(es, en)`` pair: 1 for English, 0 otherwise."""
    return 1 if english(lang) else 0


def say(lang: str, es: T, en: T) -> T:
    """The Spanish or the English of one thing, as ``lang`` reads it."""
    return en if english(lang) else es


def pick(pair: tuple[T, T], lang: str) -> T:
    """The text of an ``(es, en)`` pair that ``lang`` reads."""
    return pair[index(lang)]


def decimal_sign(lang: str) -> str:
    return DECIMAL[language(lang)]


def thousands_sign(lang: str) -> str:
    return THOUSANDS[language(lang)]


def grouped(text: str, lang: str) -> str:
    """A number Python wrote ("40,203.1") with the language's thousands and decimal signs."""
    lang = language(lang)
    if lang == ENGLISH:
        return text
    return text.replace(",", "\0").replace(".", DECIMAL[lang]).replace("\0", THOUSANDS[lang])


def quantity(value: float, decimals: int, lang: str) -> str:
    """A quantity for people: "40 203,1" in Spanish (as in the report), "40,203.1" in English, "—" if undefined."""
    if not math.isfinite(value):
        return NO_NUMBER
    return grouped(f"{value:,.{decimals}f}", lang)


def percent(share: float, decimals: int, lang: str) -> str:
    """A share (0.25) as a percentage: "25 %" ("25,0 %" with a decimal in Spanish)."""
    return quantity(share * 100, decimals, lang) + " %"


def whole(value: int, lang: str) -> str:
    """A whole number grouped by thousands: "10 000" in Spanish, "10,000" in English."""
    return grouped(f"{value:,}", lang)
