"""Validation issues in Spanish and English, each with the path of the field it concerns.

Pydantic finds what is wrong; this module says it in the technician's words. Every error type the survey
model can raise has a translation here (a test checks that), so no English-only message reaches the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.words import decimal_sign, say, whole

if TYPE_CHECKING:  # pydantic is not needed to report an issue, only to translate its errors
    from pydantic import ValidationError

# the survey model's pattern for people's text (repeated here so that reporting an issue imports no pydantic)
TEXT_PATTERN = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\x{FFFE}\x{FFFF}]*$"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    path: str
    code: str
    message_es: str
    message_en: str
    severity: Severity = Severity.ERROR

    def message(self, lang: str = "es") -> str:
        return say(lang, self.message_es, self.message_en)

    def __str__(self) -> str:
        return f"{self.path}: {self.message_es}"


# error type -> (Spanish, English); placeholders are pydantic's context keys.
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("falta este dato obligatorio", "this value is required"),
    "float_parsing": ("debe ser un número (por ejemplo 1250,5)", "must be a number (for example 1250.5)"),
    "float_type": ("debe ser un número", "must be a number"),
    "int_parsing": ("debe ser un número entero", "must be a whole number"),
    "int_type": ("debe ser un número entero", "must be a whole number"),
    "int_from_float": ("debe ser un número entero", "must be a whole number"),
    "finite_number": (
        "debe ser un número finito (no NaN ni infinito)",
        "must be a finite number (not NaN or infinity)",
    ),
    "greater_than_equal": ("no puede ser menor que {ge}", "cannot be less than {ge}"),
    "greater_than": ("debe ser mayor que {gt}", "must be greater than {gt}"),
    "less_than_equal": (
        "no puede ser mayor que {le}: revise si sobra un cero o falta la coma decimal",
        "cannot be greater than {le}: check for an extra zero or a missing decimal point",
    ),
    "less_than": ("debe ser menor que {lt}", "must be less than {lt}"),
    "string_type": ("debe ser un texto", "must be text"),
    "string_too_short": ("no puede quedar vacío", "cannot be empty"),
    "string_too_long": (
        "es demasiado largo (máximo {max_length} caracteres)",
        "is too long (at most {max_length} characters)",
    ),
    "string_pattern_mismatch": (
        "solo puede tener letras sin tilde, números, punto, guion y guion bajo",
        "may only contain plain letters, digits, dot, dash and underscore",
    ),
    "bool_parsing": ("debe ser sí o no", "must be yes or no"),
    "bool_type": ("debe ser sí o no", "must be yes or no"),
    "enum": ("debe ser una de estas opciones: {expected}", "must be one of: {expected}"),
    "literal_error": ("debe ser una de estas opciones: {expected}", "must be one of: {expected}"),
    "extra_forbidden": ("campo desconocido (¿error de escritura?)", "unknown field (a typing error?)"),
    "dict_type": ("debe ser una tabla de valores", "must be a table of values"),
    "list_type": ("debe ser una lista", "must be a list"),
    "model_type": ("debe ser una sección con sus campos", "must be a section with its fields"),
    "model_attributes_type": ("debe ser una sección con sus campos", "must be a section with its fields"),
    "shares_sum": (
        "las proporciones suman {total_pct} %, deben sumar 100 %",
        "the shares sum to {total_pct} %, they must sum to 100 %",
    ),
    "production_missing": (
        "indique el cacao seco entregado (kg/año), o el cacao en baba y su relación baba→seco",
        "enter the dry cocoa delivered (kg/yr), or the wet cocoa and its wet→dry ratio",
    ),
    "production_too_small": (
        "menos de 1 kg de cacao seco al año: revise la unidad (kg, no toneladas)",
        "less than 1 kg of dry cocoa per year: check the unit (kg, not tonnes)",
    ),
    "quantity_missing": (
        "indique la cantidad por año, o la cantidad por unidad y el número de unidades",
        "enter the amount per year, or the amount per unit and the number of units",
    ),
    "n_percent_missing": (
        "indique el nitrógeno (% N de la etiqueta): para este producto no hay un contenido conocido (sí para urea, "
        "guano de isla, cal, dolomita y, por su nombre o fórmula, nitrato y sulfato de amonio, DAP, MAP, nitrato de "
        "calcio o un NPK como 15-15-15)",
        "enter the nitrogen (% N on the label): this product has no known content (urea, guano de isla, lime, "
        "dolomite and, by their name or grade, ammonium nitrate and sulphate, DAP, MAP, calcium nitrate or an NPK "
        "such as 15-15-15 have one)",
    ),
    "fuel_missing": (
        "indique el combustible de estos litros (diésel, gasolina o GLP)",
        "enter the fuel of these litres (diesel, gasoline or LPG)",
    ),
    "vehicle_fuel": (
        "un vehículo no usa leña: elija diésel, gasolina o GLP",
        "a vehicle does not burn firewood: choose diesel, gasoline or LPG",
    ),
    "duplicate_id": (
        "la encuesta con id {id} aparece dos veces (la segunda vez en la posición {index}): contaría doble",
        "the survey with id {id} appears twice (the second time at position {index}): it would count twice",
    ),
    "string_unicode": (
        "contiene caracteres dañados que no son texto (¿archivo mal convertido?)",
        "contains damaged characters that are not text (a badly converted file?)",
    ),
    "control_characters": (
        "contiene caracteres de control o invisibles (por ejemplo, copiados de otro programa): bórrelos",
        "contains control or invisible characters (copied from another program, say): delete them",
    ),
    "too_long": ("tiene demasiados elementos (máximo {max_length})", "has too many items (at most {max_length})"),
    "distance_missing": (
        "indique la distancia de ida, o los litros de combustible al año",
        "enter the one-way distance, or the litres of fuel per year",
    ),
    "period_first_missing": (
        "un periodo necesita también su primer año; si se conoce un solo año, escríbalo como el año (o primer año)",
        "a period also needs its first year; when a single year is known, type it as the year (or first year)",
    ),
    "period_order": (
        "el último año del periodo ({last}) es anterior al primero ({first})",
        "the last year of the period ({last}) is before its first year ({first})",
    ),
}


def _format(template: str, ctx: Mapping[str, Any], lang: str) -> str:
    values = {k: _plain(v) for k, v in ctx.items()}
    if "total" in ctx:
        values["total_pct"] = f"{float(ctx['total']) * 100:.1f}".replace(".", decimal_sign(lang))
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return whole(int(value), "es")  # grouped by a space in the English message too (as it always was)
    return str(value)


def _path(loc: Iterable[Any]) -> str:
    return ".".join(str(part) for part in loc)


def issues_from_validation_error(error: ValidationError, prefix: str = "") -> list[Issue]:
    """Translate a pydantic ValidationError into Issues with dotted field paths."""
    found: list[Issue] = []
    for item in error.errors(include_url=False):
        kind = item["type"]
        ctx = item.get("ctx") or {}
        if kind == "string_pattern_mismatch" and ctx.get("pattern") == TEXT_PATTERN:
            kind = "control_characters"
        es, en = _MESSAGES.get(kind, (item["msg"], item["msg"]))
        path = _path((*prefix.split("."), *item["loc"]) if prefix else item["loc"])
        found.append(Issue(path=path or "(documento)", code=kind, message_es=_format(es, ctx, "es"),
                           message_en=_format(en, ctx, "en")))
    return found


@dataclass
class SurveyValidationError(ValueError):
    """Raised when a survey or file cannot be accepted; carries every issue found, not just the first."""

    issues: list[Issue] = field(default_factory=list)
    source: str = ""

    def __post_init__(self) -> None:
        super().__init__(self.summary("es"))

    def summary(self, lang: str = "es") -> str:
        head = say(lang, "Datos no válidos", "Invalid data")
        where = say(lang, " en ", " in ") + self.source if self.source else ""
        lines = [f"{head}{where}:"] + [f"  - {i.path}: {i.message(lang)}" for i in self.issues]
        return "\n".join(lines)


def known_error_types() -> frozenset[str]:
    return frozenset(_MESSAGES)


def message_of(code: str, lang: str, **ctx: Any) -> str:
    """What the app says for an error type (``less_than_equal``, ``shares_sum`` …) in ``lang``, its placeholders
    filled from ``ctx`` as for a validation error: the phone form's constraint messages are the app's own."""
    es, en = _MESSAGES[code]
    return _format(say(lang, es, en), ctx, lang)
