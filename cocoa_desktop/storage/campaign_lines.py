"""A campaign file read line by line: the same campaign as ``survey_io.loads``, and the bytes of each survey's line.

A package's campaign files are written one survey a line (``packages.campaign_file``): a first line that opens the
campaign's ``"surveys": [``, the surveys joined by ``",\\n"``, and ``"\\n]}}\\n"``. Read that way, each survey's
line is known as bytes beside the survey the model validated from it, and an import can tell a survey that is
byte for byte the one it stores without encoding it again (storage/merge.py).

The document is the one the whole file parses to: the first line closed by ``]}}`` parsed as the JSON parser of
the app parses any file (no key twice, no NaN, …), its last member's last member (the array the first line
opens) filled with the lines, each parsed alone. A raw line break is never inside a JSON string, so the lines are
cut only between values; a line that is not one whole value (a survey spread over two lines) does not parse alone.
Anything else (another layout, a line that does not parse, an older format version that ``survey_io`` upgrades)
is read by ``survey_io.loads`` itself, with no lines: same result, same errors.

For an import, the lines may be read *provisionally* (``loads(…, provisional=True)``): each by the survey model's
own JSON reader, which validates while it parses (20,000 surveys: 0.9 s instead of 1.4) but keeps the last of
two equal keys where the app's parser refuses the file. The import confirms each such line before it commits
(``is_line``, ``confirmed``; storage/merge.py), so a package is refused exactly when the strict reading refuses
it, with the strict reading's error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, overload

from pydantic import ValidationError

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.model.issues import SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.model.sections import META, STORED
from cocoa_desktop.engine.model.survey import MAX_SURVEYS, Campaign, Survey
from cocoa_desktop.storage.documents import split_sections

_TAIL = b"\n]}}\n"
_ALL = frozenset(STORED)
_IN_ORDER = sorted(STORED)  # a line's sections, in the order of their names (as an export writes them)


def loads(data: bytes, source: str = "", provisional: bool = False, counted: bool = False
          ) -> tuple[Survey | Campaign, list[bytes] | None, bool]:
    """``survey_io.loads(data, source)``; when the file is written one survey a line, those lines (in the order of
    the campaign's surveys); and whether its surveys are *provisional*.

    ``provisional``: each line is validated by the survey model's own JSON reader (a third less time: no
    objects built for the parser's sake) instead of the app's JSON parser and then the model. That reader keeps
    the last of two equal keys where the app's parser refuses the file, so such a campaign is valid only once
    each line is confirmed: it is the line the survey's canonical sections make (what an export of this app
    writes), or the line of a survey stored here and stamped (both parse as the app parses), or the app's
    parser and the model accept it (``confirmed``). The import confirms every line before it commits
    (storage/merge.py). A line the model's JSON reader refuses is read the strict way: the same error.
    ``counted``: the caller has bounded the surveys of these bytes already (``survey_io.count_surveys``)."""
    if not counted:
        survey_io.count_surveys(data, source)
    found = _split(data)
    if found is not None:
        with bulk():  # thousands of surveys: no garbage-collector passes over the objects being built
            if provisional:
                doc = _document(*found, source, _by_the_model)
                if doc is not None:
                    with suppress(SurveyValidationError):  # the strict reading says what is wrong
                        return survey_io.from_document(doc, source), found[1], True
            doc = _document(*found, source)
            if doc is not None:
                return survey_io.from_document(doc, source), found[1], False
    return survey_io.loads(data, source), None, False


def head(data: bytes, source: str = "") -> tuple[Campaign, list[bytes]] | None:
    """A campaign file written one survey a line as its campaign without surveys (validated as ``loads`` validates
    it) and its surveys' lines, each still to be read (``read_line``): what an import reads a chunk at a time, not
    20,000 surveys at once. None for any other file, or one whose campaign the model refuses: ``loads`` then reads
    it whole, with its error. The caller has bounded the surveys of these bytes (``survey_io.count_surveys``)."""
    found = _split(data)
    if found is None or len(found[1]) > MAX_SURVEYS:
        return None
    doc = _document(found[0], [], source)
    if doc is None or list(list(doc.values())[-1])[-1] != "surveys":
        return None
    try:
        campaign = survey_io.from_document(doc, source)
    except SurveyValidationError:
        return None
    return (campaign, found[1]) if isinstance(campaign, Campaign) else None


@overload
def read_line(line: bytes, source: str = "", fast: Literal[False] = False) -> tuple[Survey, bool]: ...
@overload
def read_line(line: bytes, source: str, fast: bool) -> tuple[Survey | Pending, bool]: ...
def read_line(line: bytes, source: str = "", fast: bool = False) -> tuple[Survey | Pending, bool]:
    """The survey of one line of ``head``, and whether it is provisional: read by the model's JSON reader, to be
    confirmed by the import (as ``loads(…, provisional=True)`` reads each line); a line that reader refuses is read
    the strict way (not provisional), whose refusal raises SurveyValidationError. ``fast`` (an import's reader): a
    line written as the app writes one, its survey id first, is left for the merge to read (``Pending``)."""
    if fast:
        found = pending(line)
        if found is not None:
            return found, True
    try:
        return _by_the_model(line, source), True
    except SurveyValidationError:
        return confirmed(line, source), False


@dataclass(frozen=True, slots=True)
class Pending:
    """A package line an import's reader leaves to the merge, known by the survey id it begins with (as the app
    writes a line): a survey new here is stored from msgspec's struct of the line (``struct_of``) when the line is
    the one the struct's canonical sections make, so that what is stored is byte for byte what the model's
    instance of the line stores (``struct_sections``); any other is read the model's way then (``read_line``). The
    id is what the reader's checks use (each id once, every version vector's survey there); a line whose id is
    not what the model reads refuses the package when the merge reads it."""

    id: str


_FIRST = b'{"id":"'


def pending(line: bytes) -> Pending | None:
    """The line left to the merge (``Pending``) when it begins with a plain id (no escape), else None."""
    end = line.find(b'"', len(_FIRST))
    if not line.startswith(_FIRST) or end < 0 or b"\\" in line[len(_FIRST):end]:
        return None
    try:
        return Pending(line[len(_FIRST):end].decode())
    except UnicodeDecodeError:
        return None


def struct_sections(item: Pending, line: bytes, local_id: str, encode: Callable[[Any], str]
                    ) -> tuple[dict[str, Any], dict[str, str]] | None:
    """(the document stored under ``local_id``, its sections' canonical JSON by ``encode``) of msgspec's struct of
    ``item``'s line (``fast_campaign.decoded``: its types, bounds and the model's validators passed), when it is
    the survey ``item`` names and ``line`` is the line those sections make: they are then the line's own (no key
    twice or missing, every number and text as the app writes it), what the model's instance of the line makes
    too (tests/storage/test_fast_import.py compares the stored rows byte for byte). Else None: read it the
    model's way (``read_line``)."""
    from cocoa_desktop.engine.files import fast_campaign  # msgspec's structs made when first needed (16 ms)

    found = fast_campaign.decoded(line)
    if found is None or found.id != item.id:
        return None
    doc = fast_campaign.builtins(found)
    doc["id"] = local_id
    texts = {name: encode(content) for name, content in split_sections(doc).items()}
    return (doc, texts) if is_line(item.id, texts, line) else None


def is_line(travel_id: str, texts: dict[str, str], line: bytes) -> bool:
    """``line`` is the line a package carries for a survey whose sections' canonical JSON is ``texts``: the very
    bytes an export of this app writes for it (stamps.line: its sections in the order of their names; a meta
    section's members inline). Built as text and encoded once (stamps.line's result, a third of its time)."""
    parts = ['{"id":' + json.dumps(travel_id)]
    for name in _IN_ORDER if texts.keys() == _ALL else sorted(texts):
        text = texts[name]
        if name != META:
            parts.append(_key(name) + text)
        elif text.startswith("{") and text.endswith("}"):  # canonical JSON: no space around its members
            if len(text) > 2:
                parts.append(text[1:-1])
        else:
            return False  # not an object: stamps.line makes no JSON of it
    try:
        return (",".join(parts) + "}").encode() == line
    except UnicodeEncodeError:  # a lone surrogate: not what the app's parser reads
        return False


@lru_cache(maxsize=64)
def _key(name: str) -> str:
    return json.dumps(name, ensure_ascii=False) + ":"


def confirmed(line: bytes, source: str = "") -> Survey:
    """The survey of ``line`` read the strict way (the app's JSON parser, then the model), or
    SurveyValidationError. (Refused, an import raises the error of the whole package read the strict way.)"""
    try:
        return Survey.model_validate(survey_io.parse_json(line, source))
    except ValidationError as exc:
        raise SurveyValidationError(issues_from_validation_error(exc, "survey"), source=source) from None


def _by_the_model(line: bytes, source: str) -> Survey:
    try:
        return Survey.model_validate_json(line)
    except ValueError:  # pydantic's ValidationError, or JSON it cannot read
        raise SurveyValidationError([], source=source) from None


def _split(data: bytes) -> tuple[bytes, list[bytes]] | None:
    """(the first line, the survey lines) of a file in the layout a package writes, else None."""
    head_end = data.find(b"\n")
    if head_end < 0 or not data.endswith(_TAIL) or not data[:head_end].rstrip().endswith(b"["):
        return None
    body = data[head_end + 1:len(data) - len(_TAIL)]
    if not body:
        return None
    lines = body.split(b",\n")
    if body.count(b"\n") != len(lines) - 1:  # a line break elsewhere: not one survey a line
        return None
    return data[:head_end], lines


def _document(head: bytes, lines: list[bytes], source: str,
              read: Callable[[bytes, str], Any] = survey_io.parse_json) -> dict[str, Any] | None:
    try:
        doc = survey_io.parse_json(head + b"]}}", source)
        items = [read(line, source) for line in lines]
    except SurveyValidationError:
        return None  # survey_io.loads says what is wrong, where in the file
    if not isinstance(doc, dict) or not doc or doc.get("format_version") != survey_io.FORMAT_VERSION:
        return None  # an older file is upgraded by survey_io (its lines are not what is stored)
    outer = list(doc.values())[-1]  # "]}}": the array closes the last member of the last member
    if not isinstance(outer, dict) or not outer:
        return None
    key = list(outer)[-1]
    if outer[key] != []:
        return None
    outer[key] = items
    return doc
