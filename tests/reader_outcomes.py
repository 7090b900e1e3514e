"""What ``survey_io.read`` and the streaming reader (``engine.survey_stream.CampaignSurveys``) make of one file, in
a form that compares whole: the surveys (``model_dump``, file order) and the campaign's name, or the error (its
type, and for a ``SurveyValidationError`` every issue's code, path and messages in Spanish and English, its source
and its summary in both languages).

A survey without an id gets a new random one each time it is validated (``Survey.id``'s default): ``read`` gives
another one on every call, so an id that the file does not hold is compared as ``"(generated)"``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.survey_stream import CampaignSurveys
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Survey


def _error(exc: Exception) -> tuple[Any, ...]:
    if isinstance(exc, SurveyValidationError):
        return ("refused", [(i.code, i.path, i.message_es, i.message_en, i.severity) for i in exc.issues],
                exc.source, exc.summary("es"), exc.summary("en"))
    return ("error", type(exc).__name__, str(exc))


def _dumped(surveys: Iterable[Survey], path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    dumps = [s.model_dump() for s in surveys]
    for dump in dumps:
        if dump["id"].encode() not in data:
            dump["id"] = "(generated)"
    return dumps


def by_read(path: Path) -> tuple[Any, ...]:
    try:
        item = survey_io.read(path)
    except Exception as exc:  # compared with what the stream raises, whatever it is
        return _error(exc)
    return ("accepted", _dumped(survey_io.surveys_of(item), path), getattr(item, "name", "Total"))


def by_stream(path: Path) -> tuple[tuple[Any, ...], bool]:
    """The stream's outcome, and whether it streamed the file to its end (False: it handed the file to ``read``)."""
    try:
        source = CampaignSurveys(path)
        surveys = _dumped(source, path)
    except Exception as exc:
        return _error(exc), False
    assert source.count == len(surveys)
    assert _dumped((source.again(i) for i in range(source.count)), path) == surveys  # validated again, the same
    return ("accepted", surveys, source.name), source.kept is None
