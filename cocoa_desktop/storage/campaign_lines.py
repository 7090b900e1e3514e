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
"""

from __future__ import annotations

from typing import Any

from cocoa_desktop.engine import survey_io
from cocoa_desktop.engine.bulk import bulk
from cocoa_desktop.engine.issues import SurveyValidationError
from cocoa_desktop.engine.survey import Campaign, Survey

_TAIL = b"\n]}}\n"


def loads(data: bytes, source: str = "") -> tuple[Survey | Campaign, list[bytes] | None]:
    """``survey_io.loads(data, source)`` and, when the file is written one survey a line, those lines (in the
    order of the campaign's surveys)."""
    survey_io.count_surveys(data, source)
    found = _split(data)
    if found is not None:
        with bulk():  # thousands of surveys: no garbage-collector passes over the objects being built
            doc = _document(*found, source)
            if doc is not None:
                return survey_io.from_document(doc, source), found[1]
    return survey_io.loads(data, source), None


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


def _document(head: bytes, lines: list[bytes], source: str) -> dict[str, Any] | None:
    try:
        doc = survey_io.parse_json(head + b"]}}", source)
        items = [survey_io.parse_json(line, source) for line in lines]
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
