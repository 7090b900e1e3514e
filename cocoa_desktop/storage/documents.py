"""A survey document and its stored form: sections, canonical JSON, content hashes and the flat field paths of the
change history (pure functions, no database; split from storage/repository.py)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.model.sections import META_FIELDS, STORED

if TYPE_CHECKING:
    from cocoa_desktop.engine.model.survey import Survey

SECTIONS: tuple[str, ...] = STORED  # engine/model/sections.py names them once
_META_KEYS = META_FIELDS


def new_id() -> str:
    """A new survey's id. ``uuid`` is imported here, not at start-up (it loads ``platform``: 5 ms of every start)."""
    import uuid

    return str(uuid.uuid4())


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


# json.dumps with these options builds an encoder at every call (an import of 20,000 surveys makes 200,000 calls)
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, allow_nan=False, separators=(",", ":"))


def canonical_json(value: Any) -> str:
    return _CANONICAL.encode(value)


def split_sections(doc: dict[str, Any]) -> dict[str, Any]:
    """A survey document (as in the JSON format) → its stored sections."""
    sections = {name: doc[name] for name in SECTIONS[1:] if name in doc}
    sections["meta"] = {k: doc[k] for k in _META_KEYS if k in doc}
    return sections


def join_sections(survey_id: str, sections: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": survey_id, **sections.get("meta", {})}
    doc.update({k: v for k, v in sections.items() if k != "meta"})
    return doc


def normalised(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with the model's defaults filled in when it is valid; as it is when it is a draft."""
    from pydantic import ValidationError

    from cocoa_desktop.engine.model.survey import Survey  # imported when first needed: keeps start-up fast

    try:
        return Survey.model_validate(doc).model_dump(mode="json")
    except ValidationError:
        return doc


def _digest(normalised_doc: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(normalised_doc).encode()).hexdigest()


def content_hash(doc: dict[str, Any]) -> str:
    """Hash of a stored document (a draft is hashed as it is)."""
    return _digest(normalised(doc))


def survey_hash(survey: Survey) -> str:
    """The same hash as ``content_hash`` of its document, without validating a valid survey a second time."""
    return _digest(survey.model_dump(mode="json"))


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """{"a": {"b": [1, 2]}} → {"a.b.0": 1, "a.b.1": 2}: the field paths of the change history."""
    items: Iterable[tuple[Any, Any]]
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = ((str(i), v) for i, v in enumerate(value))
    else:
        return {prefix: value}
    flat: dict[str, Any] = {}
    for key, item in items:
        flat.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    if not flat and prefix:
        flat[prefix] = value  # an empty list or dict is a value too
    return flat
