"""The versioned JSON file format for a survey and for a campaign (a set of surveys).

Documented in ``docs/file-format.md`` of the user guide; the JSON Schema is produced by :func:`json_schema`.

    {"format": "cocoa-desktop/survey",   "format_version": 1, "survey":   {...}}
    {"format": "cocoa-desktop/campaign", "format_version": 1, "campaign": {...}}

A reader refuses a newer ``format_version`` than it knows (it would silently drop fields) and refuses
anything that is not one of ours, each with a message in Spanish and English.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cocoa_desktop.engine.issues import Issue, SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.survey import Campaign, Survey

FORMAT_VERSION = 1
SURVEY_FORMAT = "cocoa-desktop/survey"
CAMPAIGN_FORMAT = "cocoa-desktop/campaign"
MAX_FILE_BYTES = 200 * 1024 * 1024  # a campaign of tens of thousands of farm surveys fits easily


def _refuse(code: str, es: str, en: str, source: str, path: str = "(documento)") -> SurveyValidationError:
    return SurveyValidationError([Issue(path=path, code=code, message_es=es, message_en=en)], source=source)


def survey_document(survey: Survey) -> dict[str, Any]:
    return {"format": SURVEY_FORMAT, "format_version": FORMAT_VERSION, "survey": survey.model_dump(mode="json")}


def campaign_document(campaign: Campaign) -> dict[str, Any]:
    return {
        "format": CAMPAIGN_FORMAT,
        "format_version": FORMAT_VERSION,
        "campaign": campaign.model_dump(mode="json"),
    }


def dumps(item: Survey | Campaign) -> str:
    doc = survey_document(item) if isinstance(item, Survey) else campaign_document(item)
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)


def loads(text: str | bytes, source: str = "") -> Survey | Campaign:
    """Parse a survey or campaign document; raise SurveyValidationError listing every problem."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")  # a BOM left by Windows Notepad is harmless
        doc = json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise _refuse("not_utf8", "el archivo no es texto UTF-8: no es un archivo de encuesta",
                      "the file is not UTF-8 text: not a survey file", source) from None
    except json.JSONDecodeError as exc:
        raise _refuse(
            "invalid_json",
            f"el archivo no es JSON válido o está incompleto (línea {exc.lineno}, columna {exc.colno})",
            f"the file is not valid JSON or is truncated (line {exc.lineno}, column {exc.colno})",
            source,
        ) from None
    except ValueError as exc:  # NaN / Infinity tokens
        raise _refuse("finite_number", f"el archivo contiene un número no finito ({exc})",
                      f"the file contains a non-finite number ({exc})", source) from None
    return from_document(doc, source)


def _reject_constant(token: str) -> float:
    raise ValueError(token)


def from_document(doc: Any, source: str = "") -> Survey | Campaign:
    if not isinstance(doc, dict) or doc.get("format") not in (SURVEY_FORMAT, CAMPAIGN_FORMAT):
        raise _refuse("not_our_format", "no es un archivo de encuesta ni de campaña de esta aplicación",
                      "not a survey or campaign file of this application", source, "format")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse("bad_version", "falta la versión del formato o no es válida",
                      "the format version is missing or invalid", source, "format_version")
    if version > FORMAT_VERSION:
        raise _refuse(
            "newer_version",
            f"el archivo es de una versión más nueva del formato ({version}); actualice la aplicación",
            f"the file uses a newer format version ({version}); please update the application",
            source,
            "format_version",
        )
    key, model = ("survey", Survey) if doc["format"] == SURVEY_FORMAT else ("campaign", Campaign)
    try:
        return model.model_validate(doc.get(key))
    except ValidationError as exc:
        raise SurveyValidationError(issues_from_validation_error(exc, key), source=source) from None


def read(path: str | Path) -> Survey | Campaign:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse("too_large", f"el archivo es demasiado grande ({size} bytes)",
                          f"the file is too large ({size} bytes)", str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse("unreadable", f"no se pudo leer el archivo: {exc.strerror or exc}",
                      f"could not read the file: {exc.strerror or exc}", str(path)) from None
    return loads(data, source=str(path))


def write(item: Survey | Campaign, path: str | Path) -> None:
    """Write atomically: a crash mid-write leaves the previous file intact."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(dumps(item), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)  # OSError from a folder or a full disk: nothing half-written is left
        raise


def surveys_of(item: Survey | Campaign) -> list[Survey]:
    return [item] if isinstance(item, Survey) else list(item.surveys)


def json_schema() -> dict[str, Any]:
    """JSON Schema of both documents, for the format's documentation."""
    return {
        "survey": Survey.model_json_schema(),
        "campaign": Campaign.model_json_schema(),
        "format_version": FORMAT_VERSION,
    }
