"""Campaigns → cooperatives → surveys, their content by section, change history and settings.

A survey is stored section by section (the wizard saves a page when it is left: one transaction each).
A section may be incomplete (a draft): nothing typed is refused by storage; the survey model validates when
the survey is computed or completed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from cocoa_desktop.engine.model.model_versions import MODEL_VERSION
from cocoa_desktop.storage import stamps, versions
from cocoa_desktop.storage.database import StorageError, section_checksum, transaction
from cocoa_desktop.storage.documents import (
    SECTIONS,
    canonical_json,
    flatten,
    join_sections,
    new_id,
    now,
    split_sections,
)
from cocoa_desktop.storage.section_text import (
    _DAMAGED,
    _MISSING,
    _bulk_content,
    _loads,
    _old_content,
    damaged_section_error,
    section_content,
)

if TYPE_CHECKING:
    from cocoa_desktop.engine.model.survey import Survey

@dataclass(frozen=True, slots=True)
class SurveyRow:
    id: str
    campaign: str
    organisation: str
    farm_name: str
    unit: str
    updated_at: str
    completed_at: str | None
    last_page: str
    open_conflicts: int


@dataclass(frozen=True, slots=True)
class SurveyGroup:
    """A cooperative of a campaign as the main window's tree shows it before it is opened."""

    campaign: str
    organisation: str
    surveys: int
    open_conflicts: int  # surveys with a conflict to resolve


_ROWS_SQL = (
    "SELECT s.id, c.name, o.name, s.farm_name, s.unit, s.updated_at, s.completed_at, s.last_page,"
    " (SELECT COUNT(*) FROM conflicts k WHERE k.survey_id = s.id AND k.resolved_at IS NULL)"
    " FROM surveys s JOIN campaigns c ON c.id = s.campaign_id JOIN organisations o ON o.id = s.organisation_id"
)
_CHUNK = 500  # survey ids per query (SQLite allows 999 parameters in older builds)


def survey_filters(survey_ids: Iterable[str] | None) -> Iterator[tuple[str, list[str]]]:
    """(`` WHERE survey_id IN (?, …)``, its ids) for the ids given, a few hundred at a time, each id once; one
    filter without a condition (every survey) when ``survey_ids`` is None."""
    if survey_ids is None:
        yield "", []
        return
    ids = list(dict.fromkeys(survey_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        yield f" WHERE survey_id IN ({', '.join('?' * len(chunk))})", chunk


@dataclass(frozen=True, slots=True)
class Change:
    """One field changed by one save. A value that did not exist is ``None`` with its ``*_missing`` flag set (a
    stored null is ``None`` without it). ``field == MARK`` is an event that changed no field (a section repaired
    from a backup, a conflict resolved keeping this laptop's version): nothing to undo."""

    changed_at: str
    section: str
    field: str
    old_value: Any
    new_value: Any
    origin: str
    old_missing: bool = False
    new_missing: bool = False


MARK = "*"  # the field of a history row that records an event, not a change of value


class Repository:
    """Reads and writes through one connection; every public write is one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._replica: str | None = None

    def start_new_replica(self) -> None:
        """From now on this laptop's edits count under a new id (after a backup was restored)."""
        with transaction(self.conn):
            self.conn.execute("INSERT INTO settings(key, value) VALUES ('replica', ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (versions.new_replica(),))
        self._replica = None

    @property
    def replica(self) -> str:
        """This laptop's id in the version vectors (storage/versions.py); schema 5 made it."""
        if self._replica is None:
            self._replica = self.setting("replica") or "local"
        return self._replica

    @property
    def read_only(self) -> bool:
        """True when the data were opened for viewing and exporting only (disk full, read-only folder)."""
        return getattr(self.conn, "read_only_reason", None) is not None

    # ---- campaigns and organisations ----
    def ensure_campaign(self, name: str, year: int, region: str = "San Martín", notes: str = "") -> int:
        with transaction(self.conn):
            return self._campaign_id(name, year, region, notes)

    def _campaign_id(self, name: str, year: int, region: str = "San Martín", notes: str = "") -> int:
        row = self.conn.execute("SELECT id FROM campaigns WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        cur = self.conn.execute("INSERT INTO campaigns(name, year, region, notes) VALUES (?, ?, ?, ?)",
                                (name, year, region, notes))
        return int(cur.lastrowid or 0)

    def _organisation_id(self, name: str) -> int:
        """Inside the caller's transaction: the cooperative's id, added when new (one query when it is known: an
        import of 20,000 surveys asks 20,000 times)."""
        row = self.conn.execute("SELECT id FROM organisations WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        return int(self.conn.execute("INSERT INTO organisations(name) VALUES (?)", (name,)).lastrowid or 0)

    def campaigns(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM campaigns ORDER BY year DESC, name").fetchall()

    def campaign(self, name: str) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM campaigns WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise StorageError(f"No existe la campaña «{name}».", f"There is no campaign '{name}'.", "not_found")
        return row

    # ---- surveys ----
    def add_survey(self, doc: dict[str, Any], campaign_id: int, *, completed: bool = False) -> str:
        """Insert a survey document (valid or draft) in one transaction; return its id."""
        with transaction(self.conn):
            survey_id = self._insert(doc, campaign_id, completed=completed)
            self.restamp(survey_id)
            return survey_id

    def _insert(self, doc: dict[str, Any], campaign_id: int, *, completed: bool = False,
                section_versions: dict[str, versions.Vector] | None = None, checked_as: str | None = None) -> str:
        """Insert a survey; each section's version is ``section_versions``' (a survey from another laptop), or one
        edit of this laptop (a survey made or first read here). ``checked_as``: the id the survey travels under,
        when ``doc`` is a survey the model validated, as it dumps it (an import): its stamp is written with it
        (storage/stamps.py)."""
        survey_id = str(doc.get("id") or new_id())
        general = doc.get("general") or {}
        stamp = now()
        own = versions.dumps({self.replica: 1})
        rows = []
        for section, content in split_sections({**doc, "id": survey_id}).items():
            text = canonical_json(content)
            version = own if section_versions is None else versions.dumps(section_versions.get(section, {}))
            rows.append((survey_id, section, text, stamp, section_checksum(survey_id, section, text), version,
                         MODEL_VERSION))
        checked = None if checked_as is None else stamps.digest(checked_as, [(r[1], b"", r[4]) for r in rows])
        self.conn.execute(
            "INSERT INTO surveys(id, campaign_id, organisation_id, unit, farm_name, created_at, updated_at,"
            " completed_at, checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (survey_id, campaign_id, self._organisation_id(str(general.get("organisation") or "")),
             str(doc.get("unit") or "cooperative"), str(general.get("farm_name") or ""), stamp, stamp,
             stamp if completed else None, checked),
        )
        self.conn.executemany(  # one call for the survey's sections (an import of 20,000 surveys makes 200,000)
            "INSERT INTO survey_sections(survey_id, section, content, updated_at, checksum, version, model_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return survey_id

    def save_section(self, survey_id: str, section: str, content: Any, *, page: str | None = None,
                     origin: str = "edit") -> None:
        """Save one section (one wizard page) atomically; after completion, record each changed field."""
        if section not in SECTIONS:
            raise StorageError(f"Sección desconocida: «{section}».", f"Unknown section: '{section}'.", "section")
        try:
            text = canonical_json(content)
        except (TypeError, ValueError) as exc:
            raise StorageError(f"Valor no válido en «{section}»: {exc}", f"Invalid value in '{section}': {exc}",
                               "invalid") from None
        with transaction(self.conn):
            self._write_section(survey_id, section, content, text, origin)
            self.restamp(survey_id)
            if page is not None:
                self.conn.execute("UPDATE surveys SET last_page = ? WHERE id = ?", (page, survey_id))

    def _write_section(self, survey_id: str, section: str, content: Any, text: str, origin: str,
                       version: versions.Vector | None = None, stamp: str | None = None) -> None:
        """Write one section. ``version`` None: an edit on this laptop (its count goes up when the content
        changes); a vector: the version that arrived with the content (an import) or that a resolution made."""
        row = self.conn.execute("SELECT completed_at FROM surveys WHERE id = ?", (survey_id,)).fetchone()
        if row is None:
            raise StorageError("La encuesta no existe (¿fue borrada?).", "The survey does not exist.", "not_found")
        old = self.conn.execute("SELECT content, checksum, version FROM survey_sections WHERE survey_id = ? AND "
                                "section = ?", (survey_id, section)).fetchone()
        stamp = stamp or now()  # one stamp for the sections of one save: the history shows them as one
        if row["completed_at"] is not None and old is not None and old[0] != text:
            self._record_changes(survey_id, section, _old_content(survey_id, section, old), content, stamp, origin)
        if version is None:
            version = versions.parse(old["version"]) if old is not None else {}
            if old is None or old[0] != text:
                version = versions.bumped(version, self.replica)
        self.conn.execute(
            "INSERT INTO survey_sections(survey_id, section, content, updated_at, checksum, version, model_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(survey_id, section) DO UPDATE SET content = excluded.content, "
            "updated_at = excluded.updated_at, checksum = excluded.checksum, version = excluded.version, "
            "model_version = excluded.model_version",
            (survey_id, section, text, stamp, section_checksum(survey_id, section, text), versions.dumps(version),
             MODEL_VERSION))
        updates = ["updated_at = ?"]
        params: list[Any] = [stamp]
        if section == "general" and isinstance(content, dict):
            updates += ["organisation_id = ?", "farm_name = ?"]
            params += [self._organisation_id(str(content.get("organisation") or "")),
                       str(content.get("farm_name") or "")]
        if section == "meta" and isinstance(content, dict) and content.get("unit"):
            updates.append("unit = ?")
            params.append(str(content["unit"]))
        self.conn.execute(f"UPDATE surveys SET {', '.join(updates)} WHERE id = ?", (*params, survey_id))

    def _record_changes(self, survey_id: str, section: str, old: Any, new: Any, stamp: str, origin: str) -> None:
        before, after = flatten(old), flatten(new)
        rows = [
            (survey_id, stamp, section, path,
             None if path not in before else canonical_json(before[path]),
             None if path not in after else canonical_json(after[path]), origin)
            for path in sorted(before.keys() | after.keys())
            if before.get(path, _MISSING) != after.get(path, _MISSING)
        ]
        self.conn.executemany(
            "INSERT INTO change_history(survey_id, changed_at, section, field, old_value, new_value, origin)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def replace_document(self, survey_id: str, doc: dict[str, Any], origin: str) -> None:
        """Overwrite every section from a document (inside the caller's transaction), recording history; a section
        whose content changes is an edit of this laptop (a version restored from the history travels as new)."""
        stamp = now()
        for section, content in split_sections(doc).items():
            self._write_section(survey_id, section, content, canonical_json(content), origin, stamp=stamp)
        self.restamp(survey_id)

    def restamp(self, survey_id: str) -> None:
        """The survey's stamp after its sections changed (inside the caller's transaction): the digest of what it
        now holds when it is completed and its line passes the survey model, NULL otherwise (storage/stamps.py). A
        survey being typed is not validated at every page (an incomplete one is validated when exported)."""
        completed = self.conn.execute("SELECT completed_at FROM surveys WHERE id = ?", (survey_id,)).fetchone()
        if completed is None or completed[0] is None:
            self.conn.execute("UPDATE surveys SET checked = NULL WHERE id = ?", (survey_id,))
            return
        sections = [(str(name), bytes(raw), checksum) for name, raw, checksum in self.conn.execute(
            "SELECT section, CAST(content AS BLOB), checksum FROM survey_sections WHERE survey_id = ?", (survey_id,))]
        alias = self.conn.execute("SELECT foreign_id FROM survey_aliases WHERE local_id = ?", (survey_id,)).fetchone()
        travel = survey_id if alias is None else str(alias[0])
        checked = None if stamps.damaged(survey_id, sections) else stamps.checked(travel, sections)
        self.conn.execute("UPDATE surveys SET checked = ? WHERE id = ?", (checked, survey_id))

    def checked_stamps(self) -> dict[str, str]:
        """{survey id: stamp} of the surveys that have one."""
        return {str(survey_id): str(checked) for survey_id, checked in
                self.conn.execute("SELECT id, checked FROM surveys WHERE checked IS NOT NULL")}

    def stored_sections(self, survey_ids: Iterable[str] | None = None) -> Iterator[tuple[str, list[stamps.Section]]]:
        """(id, [(section, stored bytes, checksum)]) of many surveys (all when ``survey_ids`` is None), as stored:
        neither parsed nor checked (an export checks them: storage/stamps.py)."""
        for where, chunk in survey_filters(survey_ids):
            yield from self._stored_sections(where, chunk)

    def _stored_sections(self, where: str, params: list[str]) -> Iterator[tuple[str, list[stamps.Section]]]:
        cursor = self.conn.cursor()
        cursor.row_factory = None
        try:  # every column as bytes: no text decoding function called 600,000 times for 20,000 surveys
            rows = cursor.execute("SELECT CAST(survey_id AS BLOB), CAST(section AS BLOB), CAST(content AS BLOB),"
                                  " CAST(checksum AS BLOB) FROM survey_sections" + where + " ORDER BY survey_id",
                                  params)
            names: dict[bytes, str] = {}
            for survey_id, group in groupby(rows, key=itemgetter(0)):
                yield (survey_id.decode("utf-8", "replace"),
                       [(names.get(section) or names.setdefault(section, section.decode("utf-8", "replace")), raw,
                         None if checksum is None else checksum.decode("utf-8", "replace"))
                        for _, section, raw, checksum in group])
        finally:
            cursor.close()

    def section_versions(self, survey_id: str) -> dict[str, versions.Vector]:
        rows = self.conn.execute("SELECT section, version FROM survey_sections WHERE survey_id = ?", (survey_id,))
        return {section: versions.parse(text) for section, text in rows}

    def all_section_versions(self) -> dict[str, dict[str, versions.Vector]]:
        """Every survey's sections' versions in one query (an export of a whole folder)."""
        found: dict[str, dict[str, versions.Vector]] = {}
        parsed: dict[bytes, versions.Vector] = {}  # most sections share a few vectors: each parsed once (read-only)
        names: dict[bytes, str] = {}
        cursor = self.conn.cursor()
        cursor.row_factory = None
        try:  # as bytes, each text decoded once: 600,000 calls of the connection's text decoder were half the time
            for survey_id, rows in groupby(cursor.execute(
                    "SELECT CAST(survey_id AS BLOB), CAST(section AS BLOB), CAST(version AS BLOB)"
                    " FROM survey_sections"), key=itemgetter(0)):
                vectors = found.setdefault(survey_id.decode("utf-8", "replace"), {})
                for _, section, raw in rows:
                    vector = parsed.get(raw)
                    if vector is None:
                        vector = parsed[raw] = versions.parse(raw.decode("utf-8", "replace"))
                    name = names.get(section)
                    if name is None:
                        name = names[section] = section.decode("utf-8", "replace")
                    vectors[name] = vector
        finally:
            cursor.close()
        return found

    def set_section_version(self, survey_id: str, section: str, vector: versions.Vector) -> None:
        """The section's version only, its content as it is (inside the caller's transaction)."""
        self.conn.execute("UPDATE survey_sections SET version = ? WHERE survey_id = ? AND section = ?",
                          (versions.dumps(vector), survey_id, section))

    def local_id(self, foreign_id: str, campaign_id: int) -> tuple[str, bool]:
        """The survey another laptop calls ``foreign_id`` in this campaign: (its id here, whether it is here).
        A survey is matched by id and campaign: the same id in another campaign is a different survey, kept here
        under an id of its own (``survey_aliases``; it travels back under the other laptop's id)."""
        alias, here = self.conn.execute(  # one query, not two: an import asks it for every survey
            "SELECT (SELECT local_id FROM survey_aliases WHERE foreign_id = ? AND campaign_id = ?),"
            " (SELECT campaign_id FROM surveys WHERE id = ?)", (foreign_id, campaign_id, foreign_id)).fetchone()
        if alias is not None:
            return str(alias), True
        if here is None:
            return foreign_id, False
        if int(here) == campaign_id:
            return foreign_id, True
        return new_id(), False

    def add_alias(self, local_id: str, foreign_id: str, campaign_id: int) -> None:
        """Inside the caller's transaction, after the survey's insert."""
        if local_id != foreign_id:
            self.conn.execute("INSERT INTO survey_aliases(local_id, foreign_id, campaign_id) VALUES (?, ?, ?)",
                              (local_id, foreign_id, campaign_id))

    def foreign_ids(self) -> dict[str, str]:
        """{id here: id the other laptops use} for the surveys kept under an id of their own."""
        return {str(local): str(foreign) for local, foreign in
                self.conn.execute("SELECT local_id, foreign_id FROM survey_aliases")}

    def survey_year(self, survey_id: str) -> int:
        row = self.conn.execute("SELECT c.year FROM surveys s JOIN campaigns c ON c.id = s.campaign_id"
                                " WHERE s.id = ?", (survey_id,)).fetchone()
        if row is None:
            raise StorageError("La encuesta no existe.", "The survey does not exist.", "not_found")
        return int(row[0])

    def set_last_page(self, survey_id: str, page: str) -> None:
        """Remember the wizard page on screen, to reopen the survey there. Written without waiting for the disk
        (each Siguiente made two synced writes): a power cut may reopen the survey a page earlier, never lose or
        damage data (WAL keeps the file consistent; the next save syncs it)."""
        level = self.conn.execute("PRAGMA synchronous").fetchone()[0]
        self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            with transaction(self.conn):
                self.conn.execute("UPDATE surveys SET last_page = ? WHERE id = ?", (page, survey_id))
        finally:
            self.conn.execute(f"PRAGMA synchronous = {int(level):d}")

    def mark_completed(self, survey_id: str) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE surveys SET completed_at = COALESCE(completed_at, ?) WHERE id = ?",
                              (now(), survey_id))
            self.restamp(survey_id)

    def document(self, survey_id: str) -> dict[str, Any]:
        """The survey's document, each section checked against its checksum (a damaged one is an error naming the
        survey, never a wrong number)."""
        rows = self.conn.execute("SELECT section, content, checksum FROM survey_sections WHERE survey_id = ?",
                                 (survey_id,)).fetchall()
        if not rows:
            raise StorageError("La encuesta no existe.", "The survey does not exist.", "not_found")
        sections = {}
        for row in rows:
            content = section_content(survey_id, row["section"], row["content"], row["checksum"])
            if content is _DAMAGED:
                raise damaged_section_error(self.survey_name(survey_id), row["section"])
            sections[row["section"]] = content
        return join_sections(survey_id, sections)

    def survey_name(self, survey_id: str) -> str:
        """"Cooperative — farm" as the technician knows the survey (its id when even that is unreadable)."""
        row = self.conn.execute("SELECT o.name, s.farm_name FROM surveys s JOIN organisations o"
                                " ON o.id = s.organisation_id WHERE s.id = ?", (survey_id,)).fetchone()
        if row is None or not row[0]:
            return survey_id
        return f"{row[0]} — {row[1]}" if row[1] else str(row[0])

    def survey(self, survey_id: str) -> Survey:
        """The validated survey (raises pydantic's ValidationError for an incomplete draft)."""
        from cocoa_desktop.engine.model.survey import Survey

        return Survey.model_validate(self.document(survey_id))

    def surveys(self, campaign: str | None = None, organisation: str | None = None) -> list[SurveyRow]:
        """Every survey's row (of a campaign, of one of its cooperatives), in the tree's order. Reads no content:
        a cooperative's thousand rows take milliseconds, but all of a regional folder's take a while (20,000:
        ~100 ms), so the main window asks for one cooperative at a time (``survey_groups``, ``survey_row``)."""
        where, params = [], []
        if campaign is not None:
            where.append("c.name = ?")
            params.append(campaign)
        if organisation is not None:
            where.append("o.name = ?")
            params.append(organisation)
        sql = _ROWS_SQL + (" WHERE " + " AND ".join(where) if where else "")
        return self._rows(sql + " ORDER BY c.year DESC, o.name, s.farm_name, s.created_at, s.id", params)

    def survey_row(self, survey_id: str) -> SurveyRow | None:
        """One survey's row (None when it is not there, e.g. deleted meanwhile)."""
        found = self._rows(_ROWS_SQL + " WHERE s.id = ?", [survey_id])
        return found[0] if found else None

    def _rows(self, sql: str, params: list[Any]) -> list[SurveyRow]:
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples: sqlite3.Row → dict → keywords cost as much as the query
        try:
            return [SurveyRow(*r) for r in cursor.execute(sql, params)]
        finally:
            cursor.close()

    def survey_groups(self) -> list[SurveyGroup]:
        """Each campaign's cooperatives with how many surveys they hold and how many have an open conflict, in the
        tree's order: what the main window shows before a cooperative is opened (one query, no survey read)."""
        rows = self.conn.execute(
            "SELECT c.name, o.name, COUNT(*), COUNT(k.survey_id) FROM surveys s"
            " JOIN campaigns c ON c.id = s.campaign_id JOIN organisations o ON o.id = s.organisation_id"
            " LEFT JOIN (SELECT DISTINCT survey_id FROM conflicts WHERE resolved_at IS NULL) k ON k.survey_id = s.id"
            " GROUP BY c.id, o.id ORDER BY c.year DESC, c.name, o.name").fetchall()
        return [SurveyGroup(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]

    def survey_stamps(self) -> list[tuple[str, str, str, str]]:
        """(id, campaign, organisation, updated_at) of every survey: what tells a computed result still holds; in
        the order of :meth:`surveys` (the tree's, which the campaign view and the workbook add up in), so the tree's
        sums are the very additions of theirs."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        try:
            return cursor.execute(
                "SELECT s.id, c.name, o.name, s.updated_at FROM surveys s JOIN campaigns c ON c.id = s.campaign_id"
                " JOIN organisations o ON o.id = s.organisation_id"
                " ORDER BY c.year DESC, o.name, s.farm_name, s.created_at, s.id").fetchall()
        finally:
            cursor.close()

    def documents(self, survey_ids: Iterable[str] | None = None, sections: Iterable[str] | None = None
                  ) -> Iterator[tuple[str, dict[str, Any] | None]]:
        """(id, document) of many surveys in a few queries (all of them when ``survey_ids`` is None), each section
        checked against its checksum as ``document`` does; a survey with a damaged section comes with None.
        ``sections``: only these sections are read (a document of them alone, e.g. a scenario's husk)."""
        only = list(dict.fromkeys(sections)) if sections is not None else None
        for where, chunk in survey_filters(survey_ids):
            if only is not None:
                where += f"{' AND' if where else ' WHERE'} section IN ({', '.join('?' * len(only))})"
                chunk = [*chunk, *only]
            yield from self._documents(where, chunk)

    def _documents(self, where: str, params: list[str]) -> Iterator[tuple[str, dict[str, Any] | None]]:
        cursor = self.conn.cursor()
        cursor.row_factory = None
        try:
            # the content as bytes: no text decoding in Python, and jiter (pydantic's JSON parser, a dependency)
            # reads it twice as fast as json; the same checks as section_content
            rows = cursor.execute("SELECT survey_id, section, CAST(content AS BLOB), checksum FROM survey_sections"
                                  + where + " ORDER BY survey_id", params)
            for survey_id, group in groupby(rows, key=itemgetter(0)):
                sections: dict[str, Any] | None = {}
                for _, section, raw, checksum in group:
                    content = _bulk_content(survey_id, section, raw, checksum)
                    if content is _DAMAGED:
                        sections = None
                    elif sections is not None:
                        sections[section] = content
                yield survey_id, None if sections is None else join_sections(survey_id, sections)
        finally:
            cursor.close()

    def duplicate_to_campaign(self, survey_id: str, campaign_id: int) -> str:
        """Copy a survey into another (usually next year's) campaign as a new, not yet completed survey."""
        doc = self.document(survey_id)
        year = self.conn.execute("SELECT year FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()[0]
        doc["id"] = new_id()
        if isinstance(doc.get("general"), dict):
            doc["general"] = {**doc["general"], "campaign_year": year}
        return self.add_survey(doc, campaign_id)

    def delete_survey(self, survey_id: str) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM surveys WHERE id = ?", (survey_id,))

    def history(self, survey_id: str) -> list[Change]:
        rows = self.conn.execute(
            "SELECT changed_at, section, field, old_value, new_value, origin FROM change_history"
            " WHERE survey_id = ? ORDER BY id", (survey_id,)).fetchall()
        return [Change(r[0], r[1], r[2], _loads(r[3]), _loads(r[4]), r[5], r[3] is None, r[4] is None) for r in rows]

    def record_event(self, survey_id: str, section: str, origin: str) -> None:
        """A history row for something that changed no field (inside the caller's transaction)."""
        self.conn.execute(
            "INSERT INTO change_history(survey_id, changed_at, section, field, old_value, new_value, origin)"
            " VALUES (?, ?, ?, ?, NULL, NULL, ?)", (survey_id, now(), section, MARK, origin))

    # ---- settings ----
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with transaction(self.conn):
            self.conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
