"""An import's merge, survey by survey, with what it needs of the repository read and written in bulk (issue 22:
an import of 20,000 surveys made 60,000 queries and 20,000 inserts, and read, validated and encoded every survey
of ours again when the same package came back).

The decisions are storage/sync.py's (its module text says them). What changed is how they are reached:

- every survey's id here, the aliases and the cooperatives are read once per import, not asked per survey;
- a new survey's rows wait in the merge and go in with one ``executemany`` per chunk of surveys (``flush``; an
  import flushes before each progress report, so a cancel still rolls back everything in its one transaction),
  with a larger page cache for the import (64 MiB: 30 % less time inserting, no higher peak of memory);
- each incoming section is encoded once (its canonical JSON, what is stored and compared), from the survey's
  Python-mode dump (``_dumped``);
- a new survey's package line is stored from msgspec's struct of it when the line is the one the struct's sections
  make (``campaign_lines.struct_sections``), not validated and dumped by the model; any other line, and any
  survey here, is read the model's way as before;
- a survey here whose line in the package is byte for byte the line our stored sections make (every section
  stored, each sound by its checksum) is the very document we store: the same version, neither read, dumped nor
  encoded. Its survey was validated from that line, so the full path would have found every section the same;
- a survey here whose every incoming section is byte for byte the section we store, checked against its checksum,
  is the same version without reading, validating or encoding ours: only its version vectors are merged (and
  written only when they change). Anything else (a section that differs, is missing, has no checksum, or is damaged)
  takes the full path: our document read and normalised, each section compared as before.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import suppress
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.model_versions import MODEL_VERSION
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.storage import campaign_lines, stamps
from cocoa_desktop.storage.database import section_checksum
from cocoa_desktop.storage.documents import (
    SECTIONS,
    canonical_json,
    new_id,
    normalised,
    now,
    split_sections,
    survey_hash,
)
from cocoa_desktop.storage.incoming import ReadWhole
from cocoa_desktop.storage.packages import read_package
from cocoa_desktop.storage.repository import MARK, Repository, survey_filters
from cocoa_desktop.storage.versions import Vector, dominates, merged
from cocoa_desktop.storage.versions import dumps as dump_vector
from cocoa_desktop.storage.versions import parse as parse_vector

OURS_NEWER, THEIRS_NEWER, SAME, CONFLICT = "ours", "theirs", "same", "conflict"
ADDED, UPDATED, IDENTICAL = "added", "updated", "identical"
_ABSENT = object()
# canonical_json's encoder made once, not at every call: a quarter less time for the 200,000 sections of an import.
# No check for reference cycles: it encodes only what the survey model dumped (tests/storage/test_bulk_merge.py
# compares it with canonical_json).
_ENCODE = None if c_make_encoder is None else c_make_encoder(None, None, encode_basestring, None, ":", ",", True,
                                                              False, False)


def canonical_text(value: Any) -> str:
    """``repository.canonical_json`` of a value the survey model dumped (no cycles), a quarter faster."""
    return canonical_json(value) if _ENCODE is None else "".join(_ENCODE(value, 0))


Stored = dict[str, tuple[bytes, str | None, str]]  # {section: (stored bytes, checksum, version text)}
_EVERY_SECTION = frozenset(SECTIONS)
IMPORT_CACHE_SIZE = -64 * 1024  # SQLite's page cache during an import, in KiB (2 MiB otherwise): inserts 30 % faster
_INSERT_SURVEYS = ("INSERT INTO surveys(id, campaign_id, organisation_id, unit, farm_name, created_at, updated_at,"
                   " completed_at, checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_SECTIONS = ("INSERT INTO survey_sections(survey_id, section, content, updated_at, checksum, version,"
                    " model_version) VALUES (?, ?, ?, ?, ?, ?, ?)")
_INSERT_ALIASES = "INSERT INTO survey_aliases(local_id, foreign_id, campaign_id) VALUES (?, ?, ?)"


class Merger:
    """One import's merge inside the caller's transaction, as a context inside it (a larger page cache meanwhile);
    ``flush`` before reporting progress and at the end."""

    def __init__(self, repo: Repository, source: str, package: Path | None = None) -> None:
        self.repo, self.source, self.package = repo, source, package
        self.origin = f"import:{Path(source).name}"
        conn = repo.conn
        self._cache_size = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = {min(self._cache_size, IMPORT_CACHE_SIZE)}")  # negative: kibibytes
        self._here: dict[str, int] = {str(i): int(c) for i, c in conn.execute("SELECT id, campaign_id FROM surveys")}
        self._aliases: dict[tuple[str, int], str] = {
            (str(f), int(c)): str(loc) for loc, f, c in
            conn.execute("SELECT local_id, foreign_id, campaign_id FROM survey_aliases")}
        self._organisations: dict[str, int] = {str(n): int(i) for i, n in
                                               conn.execute("SELECT id, name FROM organisations")}
        self._with_conflicts: set[str] = {str(s) for (s,) in conn.execute(
            "SELECT DISTINCT survey_id FROM conflicts WHERE resolved_at IS NULL AND theirs_versions IS NOT NULL")}
        self._surveys: list[tuple[Any, ...]] = []
        self._sections: list[tuple[Any, ...]] = []
        self._new_aliases: list[tuple[str, str, int]] = []
        self._vectors: dict[str, Vector] = {}
        self._prefetched: dict[str, Stored] = {}
        self._stamps: dict[str, str | None] = {}  # surveys.checked of the prefetched surveys
        self._own_version = dump_vector({repo.replica: 1})
        self._stamp: str | None = None  # the time written on the new surveys held until the next flush

    def __enter__(self) -> Merger:
        return self

    def __exit__(self, *_: object) -> None:
        """The connection's page cache as it was."""
        with suppress(sqlite3.Error):  # a larger cache left behind is harmless
            self.repo.conn.execute(f"PRAGMA cache_size = {self._cache_size}")

    # ---- bulk reads and writes ----
    def local_id(self, foreign_id: str, campaign_id: int) -> tuple[str, bool]:
        """``Repository.local_id`` from what was read at the start (and what this import added since)."""
        alias = self._aliases.get((foreign_id, campaign_id))
        if alias is not None:
            return alias, True
        here = self._here.get(foreign_id)
        if here is None:
            return foreign_id, False
        if here == campaign_id:
            return foreign_id, True
        return new_id(), False

    def _organisation_id(self, name: str) -> int:
        found = self._organisations.get(name)
        if found is None:
            found = self._organisations[name] = self.repo._organisation_id(name)
        return found

    def prefetch(self, campaign_id: int, surveys: list[Survey | campaign_lines.Pending]) -> None:
        """Read in one query the stored sections of those of ``surveys`` (about to be merged) that are here."""
        ids = [local for local, here in (self.local_id(s.id, campaign_id) for s in surveys) if here]
        self._prefetched, self._stamps = {}, {}
        if not ids:
            return
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            self._stamps.update(self.repo.conn.execute(
                f"SELECT id, checked FROM surveys WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall())
        cursor = self.repo.conn.cursor()
        cursor.row_factory = None  # every column as bytes, each name and vector decoded once (not 800,000 calls)
        names: dict[bytes, str] = {}
        try:
            for where, chunk in survey_filters(ids):
                for survey_id, section, raw, checksum, version in cursor.execute(
                        "SELECT CAST(survey_id AS BLOB), CAST(section AS BLOB), CAST(content AS BLOB),"
                        " CAST(checksum AS BLOB), CAST(version AS BLOB) FROM survey_sections" + where, chunk):
                    name = names.get(section) or names.setdefault(section, section.decode("utf-8", "replace"))
                    vector = names.get(version) or names.setdefault(version, version.decode("utf-8", "replace"))
                    self._prefetched.setdefault(survey_id.decode("utf-8", "replace"), {})[name] = (
                        raw, None if checksum is None else checksum.decode("utf-8", "replace"), vector)
        finally:
            cursor.close()

    def _stored(self, survey_id: str) -> Stored:
        found = self._prefetched.pop(survey_id, None)
        if found is not None:
            return found
        rows = self.repo.conn.execute(
            "SELECT section, CAST(content AS BLOB), checksum, version FROM survey_sections WHERE survey_id = ?",
            (survey_id,)).fetchall()
        return {str(r[0]): (bytes(r[1]), r[2], str(r[3])) for r in rows}

    def _vector(self, text: str) -> Vector:
        vector = self._vectors.get(text)
        if vector is None:  # most sections share a few vectors: each parsed once (never changed in place)
            vector = self._vectors[text] = parse_vector(text)
        return vector

    def _insert(self, local_id: str, foreign_id: str, campaign_id: int, doc: dict[str, Any],
                texts: dict[str, str], theirs_versions: dict[str, Vector] | None) -> None:
        """``Repository._insert`` of a validated survey (completed, stamped as checked under ``foreign_id``) and
        its alias, held until ``flush``. The surveys of one flush share its time (20,000 clock reads and ISO
        formats were 0.1 s of an import)."""
        stamp = self._stamp or self._now()
        vectors = (dict.fromkeys(texts, self._own_version) if theirs_versions is None else
                   _vector_texts(theirs_versions, texts))
        rows = [(local_id, name, text, stamp, section_checksum(local_id, name, text), vectors[name], MODEL_VERSION)
                for name, text in texts.items()]
        checked = stamps.digest(foreign_id, [(r[1], b"", r[4]) for r in rows])
        general = doc.get("general") or {}
        self._surveys.append((local_id, campaign_id, self._organisation_id(str(general.get("organisation") or "")),
                              str(doc.get("unit") or "cooperative"), str(general.get("farm_name") or ""), stamp,
                              stamp, stamp, checked))
        self._sections.extend(rows)
        self._here[local_id] = campaign_id
        if local_id != foreign_id:
            self._new_aliases.append((local_id, foreign_id, campaign_id))
            self._aliases[(foreign_id, campaign_id)] = local_id

    def flush(self) -> None:
        """Write the new surveys held so far (inside the caller's transaction)."""
        conn = self.repo.conn
        if self._surveys:
            conn.executemany(_INSERT_SURVEYS, self._surveys)
            conn.executemany(_INSERT_SECTIONS, self._sections)
        if self._new_aliases:
            conn.executemany(_INSERT_ALIASES, self._new_aliases)
        self._surveys, self._sections, self._new_aliases = [], [], []
        self._stamp = None

    def _now(self) -> str:
        self._stamp = now()
        return self._stamp

    # ---- one survey ----
    def merge(self, campaign_id: int, survey: Survey | campaign_lines.Pending,
              theirs_versions: dict[str, Vector] | None, line: bytes | None = None, provisional: bool = False
              ) -> tuple[str, str]:
        """Merge one survey: (its id here, what happened: added, updated, identical, ours (newer) or conflict).
        ``line``: the survey's line in its package, when known (packages.PackageContent.lines); ``provisional``:
        the survey was read from it by the model's JSON reader, and is confirmed here first (its error raised);
        a line left unread (``campaign_lines.Pending``): a new survey from its struct, else read the model's way."""
        if isinstance(survey, campaign_lines.Pending):
            if line is None:
                raise ValueError("a survey left unread comes with its line")
            local_id, here = self.local_id(survey.id, campaign_id)
            if not here:
                found = campaign_lines.struct_sections(survey, line, local_id, canonical_text)
                if found is not None:
                    self._insert(local_id, survey.id, campaign_id, *found, theirs_versions)
                    return local_id, ADDED
            survey, provisional = self._read_line(line)
        local_id, here = self.local_id(survey.id, campaign_id)
        if not here:
            survey, doc, theirs, texts = self._encoded(survey, local_id, line, provisional, _dumped)
            self._insert(local_id, survey.id, campaign_id, doc, texts, theirs_versions)
            return local_id, ADDED
        stored = self._stored(local_id)
        ours_versions = {name: self._vector(version) for name, (_, _, version) in stored.items()}
        if line is not None and _same_line(survey.id, local_id, stored, line) and (
                not provisional or self._stamped(local_id, survey.id, stored)):
            # the line ours makes, byte for byte: the very document we store, so every section the same version
            # (its model dump is ours), without dumping or encoding it; provisional, it is a line our stamp says
            # the app's parser and the model accept
            vectors = {name: (theirs_versions or {}).get(name) for name in stored}
            self._same_versions(local_id, dict.fromkeys(stored, SAME), vectors, ours_versions)
            return local_id, IDENTICAL
        survey, doc, theirs, texts = self._encoded(survey, local_id, line, provisional, _json_dump)
        vectors = {name: (theirs_versions or {}).get(name) for name in theirs}  # None: unknown (no versions sent)
        if _all_same(local_id, stored, texts):  # our very bytes: the same version, ours not read again
            decisions = dict.fromkeys(theirs, SAME)
        else:
            self.flush()  # the full path reads and writes through the repository
            ours = split_sections(normalised(self.repo.document(local_id)))
            decisions = {name: _decide(ours.get(name, _ABSENT), texts[name], ours_versions.get(name, {}),
                                       vectors[name]) for name in theirs}
        stamp = now()
        for name, decision in decisions.items():
            if decision == THEIRS_NEWER:
                self.repo._write_section(local_id, name, theirs[name], texts[name], self.origin, version=vectors[name],
                                         stamp=stamp)
        kinds = self._same_versions(local_id, decisions, vectors, ours_versions)
        if THEIRS_NEWER in kinds:
            self.repo.restamp(local_id)  # ours and theirs sections together: checked again
        if CONFLICT in kinds:
            record_conflict(self.repo, local_id, doc, survey_hash(survey), theirs_versions, self.source)
            if theirs_versions is not None:
                self._with_conflicts.add(local_id)
            return local_id, CONFLICT
        if THEIRS_NEWER in kinds:
            return local_id, UPDATED
        return local_id, OURS_NEWER if OURS_NEWER in kinds else IDENTICAL

    def _read_line(self, line: bytes) -> tuple[Survey, bool]:
        """A line read the model's way, as the reader of the import reads a line it gives as a model instance
        (storage/incoming.Reader): refused, the package's strict reading raises its error (ReadWhole if none)."""
        try:
            return campaign_lines.read_line(line, self.source)
        except SurveyValidationError:
            if self.package is not None:
                read_package(self.package)
                raise ReadWhole from None
            raise

    def _stamped(self, local_id: str, travel_id: str, stored: Stored) -> bool:
        """Our stamp of the survey is current for what it stores: its line passed the app's parser and the model."""
        stamp = self._stamps.get(local_id)
        return stamp is not None and stamp == stamps.digest(travel_id, _in_order(stored))

    def _encoded(self, survey: Survey, local_id: str, line: bytes | None, provisional: bool,
                 dump: Callable[[Survey], dict[str, Any]]) -> tuple[Survey, dict[str, Any], dict[str, Any],
                                                                   dict[str, str]]:
        """(the survey, its document, sections and their canonical JSON). A provisional survey is confirmed: its
        line is the one those sections make (no key twice, …: what the app's parser reads alike), or it is read
        again the strict way, which refuses the package or gives the survey to merge."""
        doc = dump(survey)
        doc["id"] = local_id
        theirs = split_sections(doc)
        texts = ({name: canonical_json(content) for name, content in theirs.items()} if _ENCODE is None else
                 {name: "".join(_ENCODE(content, 0)) for name, content in theirs.items()})  # canonical_text, inlined
        if provisional and line is not None and not campaign_lines.is_line(survey.id, texts, line):
            try:
                strict = campaign_lines.confirmed(line, self.source)
            except SurveyValidationError:
                if self.package is not None:
                    read_package(self.package)  # raises the package's own error, as reading it strictly does
                raise
            if strict != survey:
                return self._encoded(strict, local_id, None, False, dump)
        return survey, doc, theirs, texts

    def _same_versions(self, local_id: str, decisions: dict[str, str], vectors: dict[str, Vector | None],
                       ours_versions: dict[str, Vector]) -> set[str]:
        """A section the same on both sides and seen by both is one version now: both vectors merged (written
        only when that changes ours). Closes the conflicts it settles; the kinds of decision made."""
        for name, decision in decisions.items():
            vector = vectors[name]
            if decision == SAME and vector is not None:
                ours_vector = ours_versions.get(name, {})
                if vector != ours_vector:  # the same vector (an identical package again): nothing to write
                    both = merged(ours_vector, vector)
                    if both != ours_vector:
                        self.repo.set_section_version(local_id, name, both)
        kinds = set(decisions.values())
        if (THEIRS_NEWER in kinds or SAME in kinds) and local_id in self._with_conflicts:
            close_settled_conflicts(self.repo, local_id, self.source)
        return kinds


def _dumped(survey: Survey) -> dict[str, Any]:
    """The survey's JSON-mode dump as canonical_text encodes it, a third faster: its Python-mode dump, whose only
    values that are not JSON's own are the model's StrEnum members, which the encoder writes as their value (the
    JSON mode looks up every member's value: 460,000 lookups in 20,000 surveys). tests/storage/test_package_lines.py
    checks that both encode alike."""
    return survey.model_dump()


def _vector_texts(versions: dict[str, Vector], names: Iterable[str]) -> dict[str, str]:
    """Each section's version vector as stored (``versions.dumps``); a survey's sections mostly share one vector,
    written once."""
    out: dict[str, str] = {}
    last: Vector | None = None
    text = ""
    for name in names:
        vector = versions.get(name) or {}
        if vector != last:
            last, text = vector, dump_vector(vector)
        out[name] = text
    return out


def _json_dump(survey: Survey) -> dict[str, Any]:
    return survey.model_dump(mode="json")


def _in_order(stored: Stored) -> list[stamps.Section]:
    return [(name, raw, checksum) for name, (raw, checksum, _) in sorted(stored.items())]


def _same_line(travel_id: str, survey_id: str, stored: Stored, line: bytes) -> bool:
    """``line`` is the line our stored sections make under ``travel_id`` (in the order of their names, as an export
    writes them), every section of a survey is stored here with a checksum, and each is sound."""
    if stored.keys() != _EVERY_SECTION:
        return False
    sections = _in_order(stored)
    return (stamps.line(travel_id, sections) == line and all(c is not None for _, _, c in sections)
            and stamps.damaged(survey_id, sections) is None)


def _all_same(survey_id: str, stored: Stored, texts: dict[str, str]) -> bool:
    """Every incoming section is the bytes we store for it, and every stored section is sound (a damaged one takes
    the full path, whose reading names it)."""
    if not stored or stamps.damaged(survey_id, [(n, raw, c) for n, (raw, c, _) in stored.items()]) is not None:
        return False
    for name, text in texts.items():
        ours = stored.get(name)
        if ours is None or ours[1] is None or ours[0] != text.encode():
            return False
    return True


def _decide(ours: Any, theirs_text: str, ours_version: Vector, theirs_version: Vector | None) -> str:
    """One section: whose version is newer, or the same, or a conflict (``theirs_text``: its canonical JSON)."""
    if ours is _ABSENT:
        return THEIRS_NEWER
    same = canonical_json(ours) == theirs_text
    if theirs_version is None:  # a file without versions: unknown history
        return SAME if same else CONFLICT
    if dominates(ours_version, theirs_version):
        return SAME if same or ours_version == theirs_version else OURS_NEWER
    if same:
        return SAME  # concurrent or theirs newer, the same content: one version (both vectors merged)
    return THEIRS_NEWER if dominates(theirs_version, ours_version) else CONFLICT


def close_settled_conflicts(repo: Repository, survey_id: str, source: str) -> None:
    """An open conflict whose other side our sections have now seen in full was settled elsewhere (the other
    laptop resolved it and sent its choice): closed, and the history says so."""
    ours = repo.section_versions(survey_id)
    for row in repo.conn.execute("SELECT id, theirs_versions FROM conflicts WHERE survey_id = ? AND "
                                 "resolved_at IS NULL AND theirs_versions IS NOT NULL", (survey_id,)).fetchall():
        theirs = json.loads(row["theirs_versions"])
        if all(dominates(ours.get(name, {}), vector) for name, vector in theirs.items()):
            repo.conn.execute("UPDATE conflicts SET resolved_at = ?, resolution = 'settled' WHERE id = ?",
                              (now(), row["id"]))
            repo.record_event(survey_id, MARK, f"conflict-settled:{Path(source).name}")


def record_conflict(repo: Repository, survey_id: str, doc: dict[str, Any], digest: str,
                    theirs_versions: dict[str, Vector] | None, source: str) -> None:
    """Theirs kept beside ours, once (the same package imported again raises no second conflict)."""
    known = repo.conn.execute("SELECT 1 FROM conflicts WHERE survey_id = ? AND theirs_hash = ? AND resolved_at IS NULL",
                              (survey_id, digest)).fetchone()
    if known is None:
        repo.conn.execute(
            "INSERT INTO conflicts(survey_id, theirs, theirs_hash, source, detected_at, theirs_versions)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (survey_id, json.dumps(doc, ensure_ascii=False), digest, Path(source).name, now(),
             None if theirs_versions is None else json.dumps(theirs_versions)))
