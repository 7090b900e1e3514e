"""The bulk reader of ``compute FILE`` (issue 22): a campaign file in the app's own layout read into msgspec
Structs derived from the survey model (:mod:`~cocoa_desktop.engine.files.fast_structs`), about 20 µs a farm where
the model's reader takes about 48; the engine's roll-up and compute run on the structs unchanged. Read-only
surveys that are only rolled up: everything else (the app, the wizard, storage, workbooks, reports) keeps the
model's instances.

Exactly as strict as the app's reading, by construction: :func:`campaign` gives the campaign's structs only when
it can vouch for every line, else None, and the caller then reads the file the strict way (``survey_io.loads``),
so every refusal keeps its Spanish/English message, line, column and field path. A line is vouched for when

- msgspec decodes it into the survey's Struct (types, ranges, lengths, patterns, no unknown key, no NaN), msgspec's
  encoding of what it decoded is the line itself (so no key given twice — msgspec, as pydantic's JSON reader,
  keeps the last of two — and none missing: every field written, as the app writes every line), and the model's
  own validators pass on the struct; or else
- the model's line reader (``survey_lines.survey``, as ``survey_io.loads`` reads a line) reads it: a line written
  by other hands (a number written ``1e+16`` where msgspec writes ``1e16``, an escaped letter ``\\u00e9``, spaces
  after the colons) is then a model instance among the structs, at the model's cost for that line alone.

The head, the layout (one survey a line, a comma after each but the last, ``]}}``) and the format version are
checked by ``survey_lines.head`` as for the model's line reader; an older format version, another layout or a
survey file is left to the strict reading.
"""

from __future__ import annotations

from typing import Any

import msgspec

from cocoa_desktop.engine.files import survey_lines
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.files.fast_structs import compiled_check, own_check, struct_for
from cocoa_desktop.engine.model.model_versions import MODEL_VERSION
from cocoa_desktop.engine.model.survey import MAX_SURVEYS, Campaign, Survey

CAMPAIGN_FORMAT = "cocoa-desktop/campaign"  # survey_io's (not imported from there: survey_io may call this module)
_BLANK = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"
_CLOSE = b"]}}"

SurveyStruct: Any = struct_for(Survey)
CampaignStruct: Any = struct_for(Campaign)
_DECODE = msgspec.json.Decoder(SurveyStruct).decode
_ENCODE = msgspec.json.Encoder().encode
_CHECK_SURVEY = compiled_check(Survey)


def survey(line: bytes) -> Any | None:
    """The struct of one survey line (no comma, no surrounding blanks) when the line is msgspec's own encoding of
    what it decodes to and the model's validators pass; else the model's instance when its line reader vouches for
    the line; else None (the strict reading must tell)."""
    try:
        found = _DECODE(line)
        if _ENCODE(found) == line:
            _CHECK_SURVEY(found)
            return found
    except (msgspec.ValidationError, msgspec.DecodeError, ValueError):  # ValueError: the validators' errors
        pass
    return survey_lines.survey(line)


def decoded(line: bytes) -> Any | None:
    """The struct of one survey line when msgspec decodes it into the survey's Struct and the model's validators
    pass on it, else None; *not* vouched for as the line (a key given twice keeps its last value, a missing one
    its default, as pydantic's JSON reader does): a package import keeps it only when the line is the one the
    struct's canonical sections make (storage/merge.py), and reads any other line the model's way."""
    try:
        found = _DECODE(line)
        _CHECK_SURVEY(found)
    except (msgspec.ValidationError, msgspec.DecodeError, ValueError):  # ValueError: the validators' errors
        return None
    return found


def builtins(struct: Any) -> dict[str, Any]:
    """A survey struct as JSON's own types (its enums as their values): what ``Survey.model_dump(mode="json")`` gives
    of the model's instance of the same line (the same fields, every one present: the model has no serializers)."""
    found: dict[str, Any] = msgspec.to_builtins(struct)
    return found


def campaign(data: bytes, format_version: int = MODEL_VERSION) -> Any | None:
    """The campaign of ``data`` as a Struct whose ``surveys`` are structs (a line written by other hands: the
    model's instance), when ``data`` is a campaign in the app's layout at ``format_version`` and every line is
    vouched for (see the module's docstring); else None: the caller reads ``data`` the strict way."""
    with bulk():  # no garbage-collector passes over the objects being built
        return _campaign(data[len(_BOM):] if data.startswith(_BOM) else data, format_version)


def layout(data: bytes, format_version: int = MODEL_VERSION) -> tuple[dict[str, Any], int, int] | None:
    """The campaign's own fields (its ``surveys`` empty), where its first survey's line starts and where its last
    one ends in ``data`` (no BOM), when the head and the closing ``]}}`` are as the app writes them; else None."""
    found = survey_lines.head(data, CAMPAIGN_FORMAT, format_version)
    if found is None:
        return None
    fields, start = found
    end = len(data)
    while end and data[end - 1] in _BLANK:
        end -= 1
    end -= len(_CLOSE)
    if end <= start or data[end:end + len(_CLOSE)] != _CLOSE:
        return None
    while end > start and data[end - 1] in _BLANK:
        end -= 1
    return fields, start, end


def line_survey(line: bytes, last: bool) -> Any | None:
    """:func:`survey` of one line of the layout as cut at its line breaks (blanks around it, a comma after each
    survey but the ``last``), or None when the line is not vouched for."""
    if line[-1:] in (b" ", b"\t", b"\r") or line[:1] in (b" ", b"\t", b"\r"):
        line = line.strip(_BLANK)
    if line.endswith(b",") == last:  # a comma after each survey but the last
        return None
    if not last:
        line = line[:-1].rstrip(_BLANK)
    return survey(line) if line else None


def head_struct(fields: dict[str, Any], surveys: list[Any]) -> Any | None:
    """The campaign's Struct with these ``surveys``, when its own validators pass on them (else None)."""
    try:
        result = msgspec.convert(fields, CampaignStruct)  # its surveys: [] (head checked it)
        result.surveys = surveys
        own_check(Campaign, result)
    except (msgspec.ValidationError, ValueError):
        return None
    return result


def _campaign(data: bytes, format_version: int) -> Any | None:
    found = layout(data, format_version)
    if found is None:
        return None
    fields, start, end = found
    lines = data[start:end].split(b"\n")
    if len(lines) > MAX_SURVEYS:
        return None
    last = len(lines) - 1
    surveys = []
    for index, line in enumerate(lines):
        item = line_survey(line, index == last)
        if item is None:
            return None
        surveys.append(item)
    return head_struct(fields, surveys)
