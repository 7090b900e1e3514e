"""What a file brings to an import (:class:`Incoming`), its surveys read a chunk at a time.

A package's campaign files written one survey a line are checked when the package is read (zip, manifest,
checksums, each campaign's own fields, the version vectors' shape) but their surveys are left *unread*
(packages.read_package(…, unread=True)): the import reads them a chunk at a time (:meth:`Incoming.chunks`), each
line by the survey model's JSON reader to be confirmed by the merge as before (storage/campaign_lines.py), so that
20,000 surveys are never in memory at once (reading them all took about 440 MB). What needs them all is checked
as they go by :class:`Reader` — a survey id once in the whole package, every version vector's survey in the package
— before the import commits. Whatever is refused, a line or a check, the package is read again the strict way,
whose error is raised: the same error as reading it whole, and the import's one transaction rolls back. A package
the strict way reads though a line of it does not read alone (a survey spread over two lines, two on one: no export
writes that) raises :class:`ReadWhole`: the import starts again on the package read whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey
from cocoa_desktop.storage import campaign_lines
from cocoa_desktop.storage.packages import campaigns_from_json_file, is_package, read_package
from cocoa_desktop.storage.versions import Vector

# (survey, its line in the package or None, provisional); in an import, a package line may be left for the merge
# to read (campaign_lines.Pending)
Chunk = list[tuple[Survey | campaign_lines.Pending, bytes | None, bool]]


class ReadWhole(Exception):  # not an error: the package is valid, read it whole
    """The package is valid read whole, though not one survey a line as it looked: read it whole."""


@dataclass(frozen=True)
class Incoming:
    """What a file brings: its campaigns, the version vectors of its surveys' sections (None: a file without any,
    e.g. a JSON file) and the campaigns its sender marked as training data."""

    heads: list[Campaign]  # each campaign; an unread one without its surveys (``campaigns`` has them all)
    versions: dict[str, dict[str, Vector]] | None = None
    training: frozenset[str] = frozenset()
    lines: tuple[list[bytes] | None, ...] = ()  # each campaign's surveys as their lines (packages.PackageContent)
    provisional: tuple[bool, ...] = ()  # each campaign's lines still to be confirmed by the import
    package: Path | None = None  # the package read
    unread: tuple[bool, ...] = ()  # each campaign's surveys still in its lines only
    _whole: list[Campaign] = field(default_factory=list, compare=False, repr=False)

    def is_unread(self, index: int) -> bool:
        return index < len(self.unread) and self.unread[index] and self.line_list(index) is not None

    def line_list(self, index: int) -> list[bytes] | None:
        return self.lines[index] if index < len(self.lines) else None

    @property
    def survey_count(self) -> int:
        return sum(len(self.line_list(i) or ()) if self.is_unread(i) else len(head.surveys)
                   for i, head in enumerate(self.heads))

    @property
    def campaigns(self) -> list[Campaign]:
        """Every campaign with its surveys: an unread campaign's lines all read now (once; the import reads them a
        chunk at a time instead)."""
        if not any(self.is_unread(i) for i in range(len(self.heads))):
            return self.heads
        if not self._whole:
            reader = Reader(self, fast=False)
            try:
                whole = [head.model_copy(update={"surveys": [s for chunk in self.chunks(i, reader) for s, _, _ in
                                                             chunk]}) if self.is_unread(i) else head
                         for i, head in enumerate(self.heads)]
                reader.finish()
            except ReadWhole:
                whole = self.read_whole().heads
            self._whole.extend(whole)
        return self._whole

    def read_whole(self) -> Incoming:
        """This package read with every survey (ReadWhole)."""
        if self.package is None:
            raise ValueError("not a package")
        return read_incoming(self.package, unread=False)

    def chunks(self, index: int, reader: Reader, size: int = 200) -> Iterator[Chunk]:
        """Campaign ``index``'s surveys, ``size`` at a time, each with its line and whether it is provisional; an
        unread campaign's read from its lines now (``reader`` refuses what the package's strict reading does)."""
        lines = self.line_list(index)
        if self.is_unread(index) and lines is not None:
            for start in range(0, len(lines), size):
                yield reader.read(lines[start:start + size])
            return
        surveys = self.heads[index].surveys
        provisional = index < len(self.provisional) and self.provisional[index]
        for start in range(0, len(surveys), size):
            yield [(survey, None if lines is None else lines[number], provisional)
                   for number, survey in enumerate(surveys[start:start + size], start=start)]


def read_incoming(path: Path, provisional: bool = True, unread: bool | None = None) -> Incoming:
    """A package or a survey/campaign JSON file, checked; nothing written. ``provisional`` (the default, for
    ``import_campaigns``): a package's survey lines are left unread, each read by the model's JSON reader as the
    import goes (campaign_lines.read_line: a third less time than the strict reading, and a chunk at a time) and
    confirmed before it commits, so a package with a refused survey (a key twice, a value out of bounds) is refused
    by the import rather than here, with the same error; such an ``Incoming`` is for nothing else (``read_any``
    reads strictly). ``unread`` False: every survey read now (by default, unread when provisional)."""
    if not is_package(path):
        return Incoming(campaigns_from_json_file(path))
    content = read_package(path, lines=True, provisional=provisional,
                           unread=provisional if unread is None else unread)
    return Incoming(content.campaigns, content.versions, frozenset(content.manifest.get("training_campaigns") or ()),
                    content.lines, content.provisional, path, content.unread)


class Reader:
    """The unread surveys of one ``Incoming`` read as an import goes, with the checks a whole reading makes of
    them all: each survey id once in the package, each version vector's survey in it (``finish``).

    ``fast`` (an import's reader): a line written as the app writes one is left for the merge to read
    (``campaign_lines.Pending``: a new survey from msgspec's struct of the line, when the line is the one the
    struct's canonical sections make; any other the model's way; storage/merge.py); any other line is read as
    before. Not fast: every survey a model instance."""

    def __init__(self, incoming: Incoming, fast: bool = True) -> None:
        self.incoming, self.fast = incoming, fast
        self.seen: set[str] = {s.id for i, head in enumerate(incoming.heads) if not incoming.is_unread(i)
                               for s in head.surveys}
        self.source = str(incoming.package or "")

    def read(self, lines: list[bytes]) -> Chunk:
        out: Chunk = []
        seen = self.seen
        for line in lines:
            try:
                survey, provisional = campaign_lines.read_line(line, self.source, self.fast)
            except SurveyValidationError:
                self.refuse()
            if survey.id in seen:
                self.refuse()
            seen.add(survey.id)
            out.append((survey, line, provisional))
        return out

    def finish(self) -> None:
        """Every survey read: each version vector belongs to one of them."""
        versions = self.incoming.versions
        if versions is not None and not versions.keys() <= self.seen:
            self.refuse()

    def refuse(self) -> NoReturn:
        """The error of the package read the strict way (the same as reading it whole); ReadWhole when it reads."""
        if self.incoming.package is not None:
            read_package(self.incoming.package)
            raise ReadWhole
        raise SurveyValidationError([Issue(
            "paquete", "changed", "el paquete cambió mientras se importaba; vuelva a importarlo",
            "the package changed while it was being imported; import it again")], source=self.source)
