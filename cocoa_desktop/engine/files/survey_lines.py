"""A campaign file in the app's own layout read by the survey model's JSON reader: ``survey_io.loads``' first try,
which gives exactly what the strict reading gives, or nothing (then the strict reading runs, with its errors).

The strict reading parses the whole file with the app's JSON parser (jiter: no key twice, no NaN) into a tree of
Python objects, then validates the tree with the survey model. Here each survey's line is validated straight from
its bytes by the model's own JSON reader (the same jiter inside pydantic-core), so no Python tree of the whole file
is built and thrown away (100,000 farms in a fresh process: peak memory 2.06 -> 1.0 GB with the shared sets of
given_keys, CPU time 5.4 -> 4.9 s, nearly all of it in pydantic's validation either way). That reader keeps the
last of two equal keys where the app's parser refuses the file, so a line counts as read only when the keys it
gives (``":`` in the bytes) are exactly the distinct keys the survey holds
(:func:`~cocoa_desktop.engine.model.given_keys.given_keys`): a key given twice makes the count larger. The count is
exact for a line without a backslash, tab or carriage return and without ``"`` followed by a space: then every
``"`` opens or closes a string, and every ``":`` closes a key. Any other line (an escape in a text, say) is read the
strict way on its own, and anything that does not pass — a head or a line the layout does not expect, an older
format version, a survey or a campaign the model refuses — hands the whole file to the strict reading, which raises
its own error (line, column and path) or gives the same campaign.

The layout is :func:`survey_io.dumps`': the document's head up to ``"surveys": [`` on the first line, one survey per
line (each but the last ending with a comma), then ``]}}``.
"""

from __future__ import annotations

import jiter

from cocoa_desktop.engine.model.given_keys import given_keys, plan_for
from cocoa_desktop.engine.model.survey import MAX_SURVEYS, Campaign, Survey

_OPEN = b'"surveys": ['
_CLOSE = b"]}}"
_BLANK = b" \t\r\n"  # JSON's whitespace (bytes.strip() would also take \v and \f, which JSON refuses)
_BOM = b"\xef\xbb\xbf"
_KEY_END = b'":'

plan_for(Survey)  # fails at import if the model holds a field whose keys given_keys cannot count


def strict_json(data: bytes) -> object:
    """Parsed as the app's JSON parser parses (survey_io.parse_json, without its messages): ValueError otherwise."""
    return jiter.from_json(data, allow_inf_nan=False, catch_duplicate_keys=True, cache_mode="keys")


def head(data: bytes, format_name: str, version: int) -> tuple[dict, int] | None:
    """The campaign's own fields (its ``surveys`` empty) and where the first survey's line starts, when ``data``
    opens as the app writes a campaign of this format version and its head parses strictly; else None."""
    at = data.find(_OPEN)
    line_end = data.find(b"\n", at)
    if at < 0 or line_end < 0 or data[at + len(_OPEN):line_end].strip(_BLANK):
        return None
    try:
        doc = strict_json(data[:at + len(_OPEN)] + _CLOSE)
    except ValueError:
        return None
    if not (isinstance(doc, dict) and list(doc) == ["format", "format_version", "campaign"]
            and doc["format"] == format_name and doc["format_version"] == version
            and type(doc["format_version"]) is int and isinstance(doc["campaign"], dict)
            and list(doc["campaign"])[-1:] == ["surveys"] and doc["campaign"]["surveys"] == []):
        return None
    return doc["campaign"], line_end + 1


def survey(line: bytes) -> Survey | None:
    """The survey of one line (no comma, no surrounding blanks) as the strict reading would validate it, or None
    when it would not (or this cannot tell: the caller reads the whole file the strict way)."""
    if b"\\" not in line and b"\t" not in line and b"\r" not in line and b'" ' not in line:
        try:
            found = Survey.model_validate_json(line)
        except ValueError:  # pydantic's ValidationError, or JSON its reader refuses
            return None
        if given_keys(found) == line.count(_KEY_END):
            return found
    try:
        found = Survey.model_validate(strict_json(line))
    except ValueError:
        return None
    given_keys(found)  # its sets of given fields shared, as above
    return found


def campaign(data: bytes, format_name: str, version: int) -> Campaign | None:
    """The campaign of ``data`` when it is in the app's layout at ``version`` and every part of it reads (see the
    module's docstring), exactly as the strict reading would give it; else None."""
    if data.startswith(_BOM):  # as parse_json: a BOM left by Windows Notepad is harmless
        data = data[len(_BOM):]
    found = head(data, format_name, version)
    if found is None:
        return None
    fields, start = found
    end = len(data)
    while end and data[end - 1] in _BLANK:  # no copy of a 150 MB file for its last line break
        end -= 1
    end -= len(_CLOSE)
    if end <= start or data[end:end + len(_CLOSE)] != _CLOSE:
        return None
    while end > start and data[end - 1] in _BLANK:  # the last survey's line ends here
        end -= 1
    if data.count(b"\n", start, end) >= MAX_SURVEYS:  # more surveys than a campaign may hold: refused, not read
        return None
    surveys = []
    while True:  # each line cut out alone: the file is never copied whole
        stop = data.find(b"\n", start, end)
        last = stop < 0
        line = data[start:end if last else stop].strip(_BLANK)
        if line.endswith(b",") == last:  # a comma after each survey but the last
            return None
        if not last:
            line = line[:-1].rstrip(_BLANK)
        item = survey(line) if line else None
        if item is None:
            return None
        surveys.append(item)
        if last:
            break
        start = stop + 1
    fields["surveys"] = surveys
    try:
        return Campaign.model_validate(fields)
    except ValueError:
        return None
