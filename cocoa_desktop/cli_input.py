"""The surveys a command-line file holds: a survey package, or a survey or campaign JSON file. Used by ``compute``,
``export-xlsx`` and ``report`` (cli) and by ``recommend`` and ``scenario`` (cli_decisions).

The engine and storage load when a file is read: ``cocoa-desktop`` without arguments opens the window first."""

from __future__ import annotations

from pathlib import Path


def surveys_in(path: Path) -> tuple[list, str]:
    """Surveys of a package, or of a survey/campaign JSON file, and a label for their total (never none)."""
    from cocoa_desktop.engine import survey_io
    from cocoa_desktop.storage.packages import is_package, read_package

    if is_package(path):
        content = read_package(path)
        surveys = [s for c in content.campaigns for s in c.surveys]
        label = " + ".join(c.name for c in content.campaigns)
    else:
        item = survey_io.read(path)
        surveys, label = survey_io.surveys_of(item), getattr(item, "name", "Total")
    if not surveys:
        from cocoa_desktop.engine.issues import Issue, SurveyValidationError

        raise SurveyValidationError([Issue("campaign.surveys", "empty_campaign",
                                           "la campaña no tiene ninguna encuesta: no hay nada que calcular",
                                           "the campaign holds no survey: there is nothing to compute")],
                                    source=str(path))
    return surveys, label
