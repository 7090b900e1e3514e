"""A stored section's text read back: its checksum and JSON checked, a damaged one marked and reported in Spanish
and English (split from storage/repository.py)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from cocoa_desktop.storage.database import StorageError, section_checksum

_MISSING = object()
_DAMAGED = object()


def section_content(survey_id: str, section: str, text: str, checksum: str | None) -> Any:
    """The section's JSON content, or ``_DAMAGED`` when its checksum or its JSON does not hold."""
    if checksum is not None and checksum != section_checksum(survey_id, section, text):
        return _DAMAGED
    try:
        return json.loads(text)
    except ValueError:
        return _DAMAGED


def _bulk_content(survey_id: str, section: str, raw: bytes, checksum: str | None) -> Any:
    """``section_content`` of the content's bytes: the checksum over the same bytes (database.section_checksum
    hashes the text's UTF-8, which these bytes are unless damaged — then neither matches), JSON by jiter."""
    import jiter

    if checksum is not None and checksum != hashlib.sha256(
            b"%s\x1f%s\x1f%s" % (survey_id.encode(), section.encode(), raw)).hexdigest()[:32]:
        return _DAMAGED
    try:
        return jiter.from_json(raw)
    except ValueError:
        return _DAMAGED


def is_damaged(content: Any) -> bool:
    return content is _DAMAGED


def damaged_section_error(name: str, section: str) -> StorageError:
    return StorageError(
        f"La sección «{section}» de la encuesta «{name}» está dañada en el disco. Cierre y vuelva a abrir la "
        "aplicación: se recupera de la copia de seguridad más reciente que la tenga sana.",
        f"Section '{section}' of survey '{name}' is damaged on disk. Close and reopen the application: it is "
        "recovered from the newest backup holding a good copy.",
        "damaged_section",
    )


def _old_content(survey_id: str, section: str, row: sqlite3.Row) -> Any:
    """The stored content being replaced (for the history); a damaged one counts as nothing."""
    content = section_content(survey_id, section, row["content"], row["checksum"])
    return {} if content is _DAMAGED else content


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)
