"""The versioned JSON file format for a survey and for a campaign (a set of surveys).

Documented in ``docs/file-format.md`` of the user guide; the JSON Schema is produced by :func:`json_schema`.

    {"format": "cocoa-desktop/survey",   "format_version": 1, "survey":   {...}}
    {"format": "cocoa-desktop/campaign", "format_version": 1, "campaign": {...}}

A reader refuses a newer ``format_version`` than it knows (it would silently drop fields) and refuses
anything that is not one of ours, each with a message in Spanish and English.
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from typing import Any

import jiter
from pydantic import ValidationError

from cocoa_desktop.engine.files import survey_lines
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.model.model_versions import MODEL_VERSION, upgrade
from cocoa_desktop.engine.model.survey import MAX_SURVEYS, Campaign, Survey
from cocoa_desktop.engine.words import whole

FORMAT_VERSION = MODEL_VERSION  # a file's format version is the survey model's version that wrote it
SURVEY_FORMAT = "cocoa-desktop/survey"
CAMPAIGN_FORMAT = "cocoa-desktop/campaign"
# Limits a real campaign never meets (documented in the file-format guide); checked before anything is parsed.
MAX_FILE_BYTES = 200 * 1024 * 1024  # ~70,000 farm surveys as written by the app (about 3 kB each)
_SURVEY_MARK = b'"general"'  # every survey has one: counting it bounds the surveys before parsing


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
    """A survey indented for people; a campaign with one compact survey per line (a 100,000-farm campaign stays
    about 1 kB per farm — a third of the indented size — and still diffs line by line)."""
    if isinstance(item, Survey):
        return json.dumps(survey_document(item), ensure_ascii=False, indent=2, allow_nan=False)
    head = campaign_document(item.model_copy(update={"surveys": []}))
    opening = json.dumps(head, ensure_ascii=False, allow_nan=False)
    assert opening.endswith('"surveys": []}}')
    lines = (json.dumps(s.model_dump(mode="json"), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
             for s in item.surveys)
    return opening[:-len("]}}")] + "\n" + ",\n".join(lines) + "\n]}}\n"


_AT = re.compile(r"at line (\d+) column (\d+)")
_BOM = b"\xef\xbb\xbf"


def parse_json(data: str | bytes, source: str = "", path: str = "(documento)") -> Any:
    """JSON as the app reads it: UTF-8 (a BOM forgiven), no NaN/Infinity, no key twice in an object, no absurd
    nesting or number length; every problem a SurveyValidationError in Spanish and English.

    Parsed by jiter (the Rust JSON parser of the pydantic project), which refuses a duplicated key itself and is
    about twice as fast as the standard library with a duplicate-key hook."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if data.startswith(_BOM):  # a BOM left by Windows Notepad is harmless
        data = data[len(_BOM):]
    try:
        return jiter.from_json(data, allow_inf_nan=False, catch_duplicate_keys=True, cache_mode="keys")
    except ValueError as exc:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise _refuse("not_utf8", "el archivo no es texto UTF-8: no es un archivo de esta aplicación o está "
                          "dañado", "the file is not UTF-8 text: not a file of this application, or damaged",
                          source, path) from None
        raise _json_error(str(exc), source, path, data) from None


def _token_at(data: bytes, line: int, column: int) -> bytes:
    start = 0
    for _ in range(line - 1):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return b""
    return data[start + column - 1:start + column + 8]


def _json_error(text: str, source: str, path: str, data: bytes = b"") -> SurveyValidationError:
    at = _AT.search(text)
    line, column = (at.group(1), at.group(2)) if at else ("?", "?")
    if at and text.startswith("expected value") and _token_at(data, int(line), int(column)).lstrip(b"-").startswith(
            (b"NaN", b"Infinity")):
        return _refuse("finite_number", f"el archivo contiene un número no finito (NaN o infinito) (línea {line}, "
                       f"columna {column})", f"the file contains a non-finite number (NaN or infinity) (line {line}, "
                       f"column {column})", source, path)
    where_es, where_en = f"(línea {line}, columna {column})", f"(line {line}, column {column})"
    if text.startswith("Detected duplicate key"):
        key = text.split('"')[1] if '"' in text else "?"
        return _refuse("duplicate_key", f"la clave «{key}» aparece dos veces en un mismo bloque {where_es}: ¿cuál "
                       "vale?", f"the key '{key}' appears twice in one block {where_en}: which one is meant?",
                       source, path)
    if text.startswith("recursion limit"):
        return _refuse("too_deep", "el contenido está anidado a una profundidad absurda: no es un archivo de la "
                       "aplicación", "the content is nested absurdly deep: not a file of the application",
                       source, path)
    if text.startswith("number out of range"):
        return _refuse("number_too_long", f"un número tiene cientos de cifras {where_es}: el archivo está dañado",
                       f"a number has hundreds of digits {where_en}: the file is damaged", source, path)
    if "unicode" in text or "hex escape" in text:
        return _refuse("not_utf8", f"hay caracteres que no son texto UTF-8 válido {where_es}: el archivo no es "
                       "de esta aplicación o está dañado", f"there are characters that are not valid UTF-8 text "
                       f"{where_en}: not a file of this application, or damaged", source, path)
    if text.startswith("expected value"):
        return _refuse("invalid_json", f"el contenido no es JSON válido {where_es} (un valor vacío, NaN o "
                       "Infinity no son números): el archivo está dañado", f"the content is not valid JSON "
                       f"{where_en} (an empty value, NaN or Infinity are not numbers): the file is damaged",
                       source, path)
    return _refuse("invalid_json", f"el contenido no es JSON válido o está cortado {where_es}: el archivo está "
                   "dañado o incompleto", f"the content is not valid JSON or is cut short {where_en}: the file is "
                   "damaged or incomplete", source, path)


def loads(text: str | bytes, source: str = "") -> Survey | Campaign:
    """Parse a survey or campaign document; raise SurveyValidationError listing every problem.

    A campaign in the app's own layout is read line by line by the survey model's JSON reader first
    (engine/files/survey_lines.py: the same campaign in half the memory); anything it cannot vouch for is read the
    strict way (:func:`strict_loads`), which gives the same campaign or raises the error."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    count_surveys(data, source)
    with bulk():  # a campaign of many surveys: no garbage-collector passes over the objects being built
        found = survey_lines.campaign(data, CAMPAIGN_FORMAT, FORMAT_VERSION)
        return found if found is not None else from_document(parse_json(data, source), source)


def strict_loads(text: str | bytes, source: str = "") -> Survey | Campaign:
    """:func:`loads` the strict way only: the app's JSON parser over the whole document, then the model (what
    ``loads`` falls back to; tests compare the two)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    count_surveys(data, source)
    with bulk():
        return from_document(parse_json(data, source), source)


def count_surveys(data: bytes, source: str = "") -> None:
    """Refuse, before parsing, more surveys than any real campaign has (a cheap upper bound from the bytes)."""
    if data.count(_SURVEY_MARK) > MAX_SURVEYS:
        limit = f"{MAX_SURVEYS:,}"
        raise _refuse("too_many_surveys",
                      f"el archivo tiene más de {limit.replace(',', ' ')} encuestas, el límite de la aplicación",
                      f"the file holds more than {limit} surveys, the application's limit", source)


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
    unknown = sorted(set(doc) - {"format", "format_version", key})
    if unknown:
        raise _refuse("unknown_field", f"campos desconocidos en el documento: {', '.join(map(str, unknown))[:200]}",
                      f"unknown fields in the document: {', '.join(map(str, unknown))[:200]}", source, unknown[0])
    body = doc.get(key)
    if version < FORMAT_VERSION and isinstance(body, dict):  # written by an older model: its steps first
        body = (upgrade(body, version) if key == "survey" else
                {**body, "surveys": [upgrade(s, version) if isinstance(s, dict) else s
                                     for s in body.get("surveys") or []]})
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise SurveyValidationError(issues_from_validation_error(exc, key), source=source) from None


def checked_input(path: str | Path, limit: int | None = None) -> Path:
    """A file that may be read: it exists, is a regular file (not a folder, a FIFO that would hang the reader, a
    device such as /dev/zero) and is not larger than ``limit``. Checked before a single byte is read."""
    path = Path(path)
    limit = limit or MAX_FILE_BYTES
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = getattr(exc, "strerror", None) or exc
        raise _refuse("unreadable", f"no se pudo leer el archivo: {reason}", f"could not read the file: {reason}",
                      str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        what_es, what_en = ("una carpeta", "a folder") if stat.S_ISDIR(info.st_mode) else (
            "un dispositivo o una tubería", "a device or a pipe")
        raise _refuse("not_a_file", f"no es un archivo sino {what_es}", f"it is not a file but {what_en}", str(path))
    if info.st_size > limit:
        raise _refuse("too_large",
                      f"el archivo es demasiado grande ({info.st_size // 2**20} MB; el límite es {limit // 2**20} MB)",
                      f"the file is too large ({info.st_size // 2**20} MB; the limit is {limit // 2**20} MB)",
                      str(path))
    return path


def checked_zip(path: str | Path, max_entries: int, what_es: str = "el archivo comprimido",
                what_en: str = "the archive") -> None:
    """Refuse, from a zip archive's end record alone, more than ``max_entries`` entries or a central directory
    larger than ``max_entries`` × 1 kB (zipfile builds an object for every entry it lists before anything can be
    checked: a 100 MB archive of empty entries took 740 MB and 11 s). An archive without an end record passes: the
    reader calls it damaged."""
    import zipfile

    path = Path(path)
    try:
        with path.open("rb") as handle:
            # the standard library's own parser of that record; private, so not in typeshed
            end = zipfile._EndRecData(handle)  # type: ignore[attr-defined]
    except (OSError, AttributeError, ValueError, EOFError):
        return
    if end is None:
        return
    count, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]  # as above
    if count > max_entries or size > max_entries * 1024:
        en, es = whole(max_entries, "en"), whole(max_entries, "es")
        if count > max_entries:
            raise _refuse("too_many_entries", f"{what_es} contiene {count} partes; el límite es {es}",
                          f"{what_en} holds {count} entries; the limit is {en}", str(path))
        raise _refuse("too_many_entries", f"{what_es} tiene un índice de {size // 1024} kB, más del que necesitan "
                      f"{es} partes (el límite)", f"{what_en} has an index of {size // 1024} kB, more than {en} "
                      "entries (the limit) need", str(path))


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    limit = limit or MAX_FILE_BYTES
    path = checked_input(path, limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise _refuse("unreadable", f"no se pudo leer el archivo: {exc.strerror or exc}",
                      f"could not read the file: {exc.strerror or exc}", str(path)) from None
    if len(data) > limit:  # it grew while we looked
        raise _refuse("too_large", f"el archivo es demasiado grande (límite {limit // 2**20} MB)",
                      f"the file is too large (limit {limit // 2**20} MB)", str(path))
    return data


def read(path: str | Path) -> Survey | Campaign:
    return loads(read_bytes(path), source=str(path))


def checked_output(path: str | Path) -> Path:
    """A path a new file may be written to: its folder exists, and it is not a folder or a device (writing
    "atomically" over /dev/full would replace the device with a file)."""
    path = Path(path)
    if "\0" in str(path):  # no file system takes it (os.stat raises ValueError)
        raise _refuse("output_not_a_file", f"no se puede escribir en {path}: el nombre tiene un carácter nulo",
                      f"cannot write to {path}: the name holds a null character", str(path))
    if path.exists() and not path.is_file():
        raise _refuse("output_not_a_file", f"no se puede escribir en {path}: es una carpeta o un dispositivo",
                      f"cannot write to {path}: it is a folder or a device", str(path))
    parent = path.parent
    if not parent.is_dir():
        raise _refuse("output_folder_missing", f"la carpeta {parent} no existe: elija otra o créela primero",
                      f"the folder {parent} does not exist: choose another or create it first", str(path))
    return path


def write(item: Survey | Campaign, path: str | Path) -> None:
    """Write atomically: a crash mid-write leaves the previous file intact."""
    path = checked_output(path)
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
