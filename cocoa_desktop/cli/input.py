"""The surveys a command-line file holds: a survey package, or a survey or campaign JSON file. Used by ``compute``,
``export-xlsx`` and ``report`` (cli.app) and by ``recommend`` and ``scenario`` (cli.decisions).

The engine and storage load when a file is read: ``cocoa-desktop`` without arguments opens the window first."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path


def surveys_in(path: Path) -> tuple[list, str]:
    """Surveys of a package, or of a survey/campaign JSON file, and a label for their total (never none)."""
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.storage.packages import is_package, read_package

    if is_package(path):
        content = read_package(path)
        surveys = [s for c in content.campaigns for s in c.surveys]
        label = " + ".join(c.name for c in content.campaigns)
    else:
        item = survey_io.read(path)
        surveys, label = survey_io.surveys_of(item), getattr(item, "name", "Total")
    if not surveys:
        _nothing_to_compute(path)
    return surveys, label


def campaign_data(path: Path) -> tuple[bytes, Callable[[], None]] | None:
    """The bytes of a survey or campaign JSON file (its size checked as :func:`surveys_to_roll_up` checks it), and
    the check due on them before they are read (the strict reading's limit of surveys: it raises its message;
    ``compute`` makes it while its other processes start, cli/compute_parts.py); None for a package."""
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.storage.packages import is_package

    if is_package(path):
        return None
    data = survey_io.read_bytes(path)
    return data, partial(survey_io.count_surveys, data, str(path))


def surveys_to_roll_up(path: Path, data: bytes | None = None) -> tuple[list, str]:
    """:func:`surveys_in` for surveys that are only read and rolled up (``compute FILE``): a campaign file in the
    app's layout is read by the bulk reader (engine/files/fast_campaign.py: msgspec Structs derived from the survey
    model, about 20 µs a farm instead of 48), anything it does not vouch for the strict way (``survey_io.loads`` on
    the same bytes: its messages, lines, columns and field paths), a package as :func:`surveys_in`. ``data``: the
    file's bytes already read and checked (:func:`campaign_data`)."""
    from cocoa_desktop.engine.files import fast_campaign, survey_io
    from cocoa_desktop.storage.packages import is_package

    if data is None:  # else the bytes of campaign_data(path)
        if is_package(path):
            return surveys_in(path)
        data = survey_io.read_bytes(path)
        survey_io.count_surveys(data, str(path))  # the strict reading's limit first, with its message
    found = fast_campaign.campaign(data)
    if found is not None:
        surveys, label = found.surveys, found.name
    else:
        item = survey_io.loads(data, source=str(path))
        surveys, label = survey_io.surveys_of(item), getattr(item, "name", "Total")
    if not surveys:
        _nothing_to_compute(path)
    return surveys, label


def survey_source_in(path: Path) -> tuple[object, str]:
    """The surveys of a package (in memory), or of a survey/campaign JSON file read survey by survey
    (:class:`~cocoa_desktop.engine.files.survey_stream.CampaignSurveys`: its head read and checked now), and a label."""
    from cocoa_desktop.engine.files.survey_stream import CampaignSurveys
    from cocoa_desktop.engine.report_digest import SurveyList
    from cocoa_desktop.storage.packages import is_package

    if is_package(path):
        surveys, label = surveys_in(path)
        return SurveyList(surveys), label
    source = CampaignSurveys(path)
    if source.kept is not None and not source.kept:
        _nothing_to_compute(path)
    return source, source.name


def _nothing_to_compute(path: Path) -> None:
    from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError

    raise SurveyValidationError([Issue("campaign.surveys", "empty_campaign",
                                       "la campaña no tiene ninguna encuesta: no hay nada que calcular",
                                       "the campaign holds no survey: there is nothing to compute")],
                                source=str(path))
