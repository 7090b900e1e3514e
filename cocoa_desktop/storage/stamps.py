"""Surveys known to pass the survey model: a stamp per survey, so that an export of 20,000 surveys neither parses,
validates nor encodes every one of them again (issue 22).

A survey's *line* is the one JSON object a package carries for it: its stored sections' bytes as they are, joined
under the id it travels by. Its *stamp* (``surveys.checked``, schema 7) is a digest of the survey model's rules
(``model_fingerprint``), that id and every section's checksum, written when the line was found to pass the model as
the importer reads it (the same JSON parser and options, the same model): when a completed survey's page is saved,
a survey completed, added complete, imported, updated by an import or resolved. A survey not yet completed (being
typed: no validation at every page) or not valid has none.

An export recomputes the digest from checksums it has just verified against the sections' bytes. Equal: these are
the very bytes found valid under these very rules, and the line goes out without being read. Different (a section
changed by a path that does not stamp, such as a model upgrade or a repair, a survey stored before schema 7,
another model, an alias added later, a damaged stamp): the line is validated as before. So a stale or damaged stamp
costs time, never ships a survey the importer refuses; a damaged section is refused by its checksum before any
stamp is looked at. A stamp can be wrong only if the survey model changes its verdict on the same bytes without its
fingerprint changing: the fingerprint covers the model's whole validation schema, the code of every validator in it
and the model version. After the model changes, storage/restamp.py makes the stamps current again in the background.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import types
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, Protocol

from cocoa_desktop.engine.model.model_versions import MODEL_VERSION
from cocoa_desktop.engine.model.sections import META

Section = tuple[str, bytes, str | None]  # (name, stored bytes, checksum) of one stored section
_REF_SUFFIX = re.compile(r":\d{6,}$")  # pydantic's schema references end in the class's id(): not the same twice


def checksum(survey_id: str, section: str, raw: bytes) -> str:
    """database.section_checksum over the content's stored bytes (the UTF-8 of its text, unless damaged)."""
    return hashlib.sha256(b"%s\x1f%s\x1f%s" % (survey_id.encode(), section.encode(), raw)).hexdigest()[:32]


def damaged(survey_id: str, sections: Sequence[Section]) -> str | None:
    """The first section whose bytes do not match their checksum (None: all sound; a section stored before
    checksums existed has none and passes, as ``repository.section_content`` lets it)."""
    for name, raw, stored in sections:
        if stored is not None and stored != checksum(survey_id, name, raw):
            return name
    return None


def digest(travel_id: str, sections: Sequence[Section]) -> str | None:
    """The stamp of these sections under the current model (None when a section has no checksum)."""
    pairs = [model_fingerprint(), travel_id]
    for name, _, stored in sections:  # a loop, not generators: an import stamps 20,000 surveys
        if stored is None:
            return None
        pairs.append(name + "=" + stored)
    if len(pairs) == 2:
        return None
    pairs[2:] = sorted(pairs[2:])
    return hashlib.sha256("\x1f".join(pairs).encode()).hexdigest()[:32]


def line(travel_id: str, sections: Sequence[Section]) -> bytes:
    """The survey as a package carries it: ``{"id": …, <meta's fields>, "general": <its stored bytes>, …}``. A meta
    section that is no JSON object makes a line that is no JSON (refused by ``passes``)."""
    parts = [b'{"id":' + json.dumps(travel_id).encode()]
    for name, raw, _ in sections:  # in the order stored: a JSON object's members have none
        if name == META:
            members = raw.strip()[1:-1].strip() if raw.strip().startswith(b"{") else raw
            if members:
                parts.append(members)
        else:
            parts.append(_key(name) + raw)
    return b",".join(parts) + b"}"


@lru_cache(maxsize=64)
def _key(name: str) -> bytes:
    return json.dumps(name, ensure_ascii=False).encode() + b":"


def passes(survey_line: bytes) -> bool:
    """Whether the importer accepts this line as a survey: parsed as it parses a package (no key twice, no NaN)
    and validated by the survey model."""
    from pydantic import ValidationError

    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.model.issues import SurveyValidationError
    from cocoa_desktop.engine.model.survey import Survey

    try:
        Survey.model_validate(survey_io.parse_json(survey_line))
    except (SurveyValidationError, ValidationError):
        return False
    return True


def checked(travel_id: str, sections: Sequence[Section]) -> str | None:
    """The stamp of a survey whose line passes the model; None for a draft."""
    return digest(travel_id, sections) if sections and passes(line(travel_id, sections)) else None


@lru_cache(maxsize=1)
def model_fingerprint() -> str:
    """The survey model's rules as a digest: its pydantic validation schema (types, bounds, patterns, required
    fields, nesting) with the bytecode of every validator function in it, and the model version. Computed once per
    process (about 2 ms); the same in every process of the same code."""
    from cocoa_desktop.engine.model.survey import Survey

    out: list[str] = [str(MODEL_VERSION)]
    _walk(Survey.__pydantic_core_schema__, out)
    return hashlib.sha256("\x1f".join(out).encode()).hexdigest()[:32]


def _walk(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            out.append(str(key))
            _walk(value[key], out)
    elif isinstance(value, list | tuple):
        out.append("[")
        for item in value:
            _walk(item, out)
        out.append("]")
    elif isinstance(value, types.CodeType):
        out.extend((value.co_code.hex(), repr(value.co_names)))
        for item in value.co_consts:
            _walk(item, out)
    elif callable(value) and hasattr(value, "__code__"):
        _walk(value.__code__, out)
    elif isinstance(value, set | frozenset):
        out.append(repr(sorted(map(repr, value))))
    elif isinstance(value, str):
        out.append(_REF_SUFFIX.sub("", value))
    elif value is None or isinstance(value, int | float | bytes):
        out.append(repr(value))
    else:  # a class, an enum member, a bound method: named, never by address
        out.append(type(value).__qualname__ + ":" + getattr(value, "__qualname__", repr(value)))


class StoredSurveys(Protocol):
    """What :func:`stamp_all` reads of a repository (storage/repository.py imports this module: no import back)."""

    conn: sqlite3.Connection

    def checked_stamps(self) -> dict[str, str]: ...

    def foreign_ids(self) -> dict[str, str]: ...

    def stored_sections(self) -> Iterator[tuple[str, list[Section]]]: ...


def stamp_all(repo: StoredSurveys) -> int:
    """Stamp, in one transaction, every survey that has no stamp and passes the model (a folder stored before
    schema 7 holds none: until then each of its surveys is validated at every export); the number stamped."""
    from cocoa_desktop.engine.files.bulk import bulk
    from cocoa_desktop.storage.database import transaction

    have, foreign = repo.checked_stamps(), repo.foreign_ids()
    found = []
    with bulk():
        for survey_id, sections in repo.stored_sections():
            if survey_id not in have and damaged(survey_id, sections) is None:
                stamp = checked(foreign.get(survey_id, survey_id), sections)
                if stamp is not None:
                    found.append((stamp, survey_id))
    with transaction(repo.conn):
        repo.conn.executemany("UPDATE surveys SET checked = ? WHERE id = ?", found)
    return len(found)
