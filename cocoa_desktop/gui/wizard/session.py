"""The survey being edited: reads its document from storage and saves page values section by section."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from cocoa_desktop.engine.model import paths, sections
from cocoa_desktop.engine.model.issues import Issue, issues_from_validation_error
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.storage.documents import canonical_json, split_sections
from cocoa_desktop.storage.repository import Repository

if TYPE_CHECKING:
    from cocoa_desktop.engine.footprint.factors import Factors

LIST_SECTIONS = sections.LIST_SECTIONS  # sections whose content is a list rather than a mapping


def split_path(path: str) -> tuple[str, list[str]]:
    """``husk.shares.composted`` → ("husk", ["shares", "composted"]); ``unit`` → ("meta", ["unit"])."""
    section = sections.section_of(path)
    parts = path.split(".")
    return section, parts if section == sections.META else parts[1:]


def get_path(doc: dict[str, Any], path: str) -> Any:
    """The value at a field's path (engine.paths), None where the document has none."""
    return paths.get(doc, path)


class SurveySession:
    """One survey open in the wizard. ``read_only``: the data folder cannot be written (full disk, locked file):
    pages show what is stored and save nothing."""

    def __init__(self, repo: Repository, survey_id: str, lang: str = "es", factors: Factors | None = None,
                 read_only: bool = False) -> None:
        self.repo = repo
        self.survey_id = survey_id
        self.lang = lang
        self.factors = factors
        self.read_only = read_only
        self.listeners: list[Callable[[str], None]] = []  # told the survey's id after each save (the wizard)

    def notify_saved(self) -> None:
        for listener in list(self.listeners):
            listener(self.survey_id)

    def document(self) -> dict[str, Any]:
        return self.repo.document(self.survey_id)

    def save(self, values: dict[str, Any]) -> None:
        """Merge {full path: value} into their sections and save each touched section (one transaction each)."""
        if self.read_only:
            return
        stored_sections = split_sections(self.document())
        touched: dict[str, Any] = {}
        for path, value in values.items():
            section, parts = split_path(path)
            if section not in touched:
                stored = stored_sections.get(section)
                default: Any = [] if section in LIST_SECTIONS else {}
                touched[section] = copy.deepcopy(stored) if stored is not None else default
            if not parts:  # the whole section (a list section)
                touched[section] = value
                continue
            node = touched[section]
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            if value is None or value == "":
                if node.get(parts[-1]) not in (None, ""):  # a stored empty value ("" or null) stays as it was
                    node.pop(parts[-1], None)
            else:
                node[parts[-1]] = value
        for section, content in touched.items():
            if stored_sections.get(section) is not None and \
                    canonical_json(content) == canonical_json(stored_sections[section]):
                continue  # as stored: nothing to write (each write waits for the disk; a page left unchanged did)
            self.repo.save_section(self.survey_id, section, content)
        if touched:
            self.notify_saved()

    def mark_completed(self) -> None:
        """The survey reached its results: complete from now on (its status in the main window)."""
        if not self.read_only:
            self.repo.mark_completed(self.survey_id)
            self.notify_saved()

    def remember_page(self, page: str) -> None:
        if not self.read_only:
            self.repo.set_last_page(self.survey_id, page)

    def issues(self) -> list[Issue]:
        try:
            Survey.model_validate(self.document())
        except ValidationError as exc:
            return issues_from_validation_error(exc)
        return []

    def survey(self) -> Survey:
        return self.repo.survey(self.survey_id)

    def warnings(self) -> list[Issue]:
        """The engine's warnings about the survey as stored now (none while it is not complete enough to compute)."""
        from cocoa_desktop.engine.footprint.checks import survey_warnings
        from cocoa_desktop.engine.footprint.compute import compute

        try:
            survey = self.survey()
        except ValidationError:
            return []
        footprint = compute(survey, self.factors) if self.factors is not None else None
        return survey_warnings(survey, footprint)
