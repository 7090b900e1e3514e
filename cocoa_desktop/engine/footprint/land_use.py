"""Land-use change by PAS 2050:2011 §5.6: the share of a conversion's one-off emission that falls in a campaign,
and the assumption taken to get it, in words (said wherever the figure appears).

A conversion's year is a year, a period (first and last year, e.g. 2001–2017) or unknown. With ``n`` the
amortisation years (20) and ``C`` the campaign year, the window is ``C − n ≤ year ≤ C`` (a change exactly 20 years
back is not "more than 20 years" before):

- shown to be more than ``n`` years before the campaign (a year, or a period's last year, before ``C − n``):
  fully amortised, 0 a year — said, never silent;
- dated after the campaign year (a year, or a period's first year, after ``C``): 0 in this campaign, check the year;
- otherwise ``one-off ÷ n`` a year: a year inside the window; a period whose first year is inside it (taken at its
  first year, the earliest year the change can be shown to have occurred); a period that starts earlier but ends
  inside it (it cannot be shown to be older than ``n`` years); an **unknown year**, assumed within the last ``n``
  years — an undated change never counts 0.

No import of the survey model here (pydantic): the results module takes the words of its notes from this one.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from cocoa_desktop.engine.words import pick, say

if TYPE_CHECKING:
    from cocoa_desktop.engine.model.survey import LandConversion

RULE = "PAS 2050:2011 §5.6"
NOTE_PREFIX = "luc_"  # a result note luc_<basis> says which assumption one of its conversions took


class Basis(StrEnum):
    """Why a conversion counts what it counts in this campaign (its reason code)."""

    YEAR_UNKNOWN = "year_unknown"
    YEAR_INSIDE = "year_inside"
    RANGE_INSIDE = "range_inside"
    RANGE_STRADDLES = "range_straddles"
    BEFORE_WINDOW = "before_window"
    AFTER_CAMPAIGN = "after_campaign"


_CODES = frozenset(b.value for b in Basis)
COUNTED = frozenset({Basis.YEAR_UNKNOWN, Basis.YEAR_INSIDE, Basis.RANGE_INSIDE, Basis.RANGE_STRADDLES})

# the assumption in a few words (es, en); {n}: the amortisation years
BASIS_WORDS: dict[Basis, tuple[str, str]] = {
    Basis.YEAR_UNKNOWN: (
        "año de conversión desconocido: se supone dentro de los últimos {n} años (PAS 2050 §5.6), 1/{n} de la "
        "emisión única por año",
        "conversion year unknown: assumed within the last {n} years (PAS 2050 §5.6), 1/{n} of the one-off emission "
        "a year"),
    Basis.YEAR_INSIDE: (
        "convertido dentro de los {n} años hasta la campaña: 1/{n} de la emisión única por año (PAS 2050 §5.6)",
        "converted within the {n} years up to the campaign: 1/{n} of the one-off emission a year (PAS 2050 §5.6)"),
    Basis.RANGE_INSIDE: (
        "periodo de conversión: se toma su primer año (PAS 2050 §5.6), dentro de los {n} años hasta la campaña: "
        "1/{n} de la emisión única por año",
        "conversion period: taken at its first year (PAS 2050 §5.6), within the {n} years up to the campaign: "
        "1/{n} of the one-off emission a year"),
    Basis.RANGE_STRADDLES: (
        "periodo de conversión que empieza hace más de {n} años y termina dentro de ellos: no se puede mostrar que "
        "sea más antigua, se supone dentro de los últimos {n} años (PAS 2050 §5.6), 1/{n} de la emisión única por "
        "año",
        "conversion period starting more than {n} years back and ending within them: it cannot be shown to be "
        "older, so it is assumed within the last {n} years (PAS 2050 §5.6), 1/{n} of the one-off emission a year"),
    Basis.BEFORE_WINDOW: (
        "convertido hace más de {n} años: ya amortizado, 0 por año (PAS 2050 §5.6); sigue en el total único",
        "converted more than {n} years before the campaign: fully amortised, 0 a year (PAS 2050 §5.6); it stays "
        "in the one-off total"),
    Basis.AFTER_CAMPAIGN: (
        "fechado después del año de la campaña: 0 en esta campaña (sigue en el total único); revise el año",
        "dated after the campaign year: 0 in this campaign (it stays in the one-off total); check the year"),
}


def basis_of(first: int | None, last: int | None, campaign_year: int, years: float) -> Basis:
    """The rule for a conversion dated ``first`` (…``last`` for a period; ``first`` None: unknown)."""
    if first is None:
        return Basis.YEAR_UNKNOWN
    period = last is not None and last != first
    last = first if last is None else last
    if first > campaign_year:
        return Basis.AFTER_CAMPAIGN
    if last < campaign_year - years:
        return Basis.BEFORE_WINDOW
    if first >= campaign_year - years:
        return Basis.RANGE_INSIDE if period else Basis.YEAR_INSIDE
    return Basis.RANGE_STRADDLES


def basis(conversion: LandConversion, campaign_year: int, years: float) -> Basis:
    return basis_of(conversion.year, conversion.period_last, campaign_year, years)


def per_year(one_off_kg: float, rule: Basis, years: float) -> float:
    """The conversion's share in this campaign: one-off ÷ years, or 0 (older than the window, or later)."""
    return one_off_kg / years if rule in COUNTED else 0.0


def note(rule: Basis) -> str:
    return NOTE_PREFIX + rule.value


def bases_in(notes: frozenset[str] | set[str]) -> list[Basis]:
    """The assumptions a result's notes say were taken, in a fixed order (the enumeration's)."""
    return [b for b in Basis if note(b) in notes]


def is_basis_note(text: str) -> bool:
    return text.startswith(NOTE_PREFIX) and text[len(NOTE_PREFIX):] in _CODES


def words(rule: Basis, lang: str, years: float = 20) -> str:
    return pick(BASIS_WORDS[rule], lang).format(n=f"{years:g}")


def period_words(conversion: LandConversion, lang: str) -> str:
    """"2015", "2001–2017" or "año desconocido" / "year unknown"."""
    if conversion.year is None:
        return say(lang, "año desconocido", "year unknown")
    last = conversion.period_last
    return f"{conversion.year}–{last}" if last != conversion.year else str(conversion.year)


def note_messages() -> dict[str, tuple[str, str]]:
    """The result notes luc_<basis> in words (the 20 years of PAS 2050; a factor set with other years says its
    own number where the figure is shown)."""
    out = {}
    for rule in Basis:
        es, en = (words(rule, lang) for lang in ("es", "en"))
        out[note(rule)] = (f"Cambio de uso del suelo — {es}.", f"Land-use change — {en}.")
    return out
