"""Stamps made current again in the background after the survey model changed (issue 22).

A survey's stamp (storage/stamps.py) belongs to the model that wrote it: after a model change (a field added, a
version upgraded by storage/model_upgrade.py) none is current, and the first export validates every survey again
while the import's fast path never matches. The setting ``stamps_model`` says under which model every stamp was last
made current; when it is not the running model's fingerprint, :func:`run` re-stamps the folder in a worker thread
on a connection of its own (gui/actions/upkeep.py starts it once the window is up and its footprints shown):

- in chunks of surveys in the order of their ids, each chunk's stamps and the id reached (``restamp_after``,
  with the fingerprint it is for) committed together, so a killed app resumes after the last chunk committed and
  a cancel (the app closing) loses at most the chunk under way;
- a survey whose stamp is already current (stamped since by a save, an import) is skipped without being read
  again; any other completed survey is validated as an export does and stamped, or its stale stamp cleared when
  its line no longer passes the model;
- a stamp is written only if the survey still holds, at the moment of writing, the very sections it was computed
  from (the digest of the checksums stored then equals it): a page saved by the wizard meanwhile, whose save
  already stamped the survey, keeps its own stamp. Each chunk's write is short (the wizard's saves never wait
  long) and not synced to the disk (a stamp is a cache: a power cut costs at most a chunk to redo).

A stamp is never wrong whatever happens here: an export and an import compare it with the digest of what the survey
holds (storage/stamps.py), so at worst a stale one costs time.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from cocoa_desktop.storage import stamps
from cocoa_desktop.storage.database import StorageError, connect, transaction
from cocoa_desktop.storage.paths import database_path

SETTING = "stamps_model"  # the model fingerprint every stamp was last made current under
CURSOR = "restamp_after"  # "<fingerprint> <survey id>": a re-stamp under way reached that id
CHUNK = 50  # surveys per chunk: about 4 ms of validation, then a write the wizard's saves wait for (20,000
# surveys of an older model: median 1.4 ms, p95 3.8 ms; chunks of 200: 6.3 and 25 ms), the whole as fast
PAUSE_LOOK = 0.25  # seconds: how often a paused re-stamp looks again (and the longest rest after a chunk)
BUSY_RETRIES = 3  # another writer holds the database (an import of 20,000 surveys): wait for it up to this often


def mark_stale(conn: sqlite3.Connection) -> None:
    """The stored sections changed outside the paths that stamp (a model upgrade, a repair): re-stamp at the next
    start (inside the caller's transaction, or on its own)."""
    conn.execute("DELETE FROM settings WHERE key IN (?, ?)", (SETTING, CURSOR))


def _setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, value))


def needed(conn: sqlite3.Connection) -> bool:
    """Whether the stamps may be stale: not made current under the running survey model."""
    return _setting(conn, SETTING) != stamps.model_fingerprint()


def run(data_folder: Path, cancelled: Callable[[], bool] = lambda: False,
        progress: Callable[[float], None] | None = None, paused: Callable[[], bool] | None = None) -> int | None:
    """Re-stamp the folder's stale stamps, when needed (:func:`needed`), on a connection of its own; the number of
    surveys validated, or None when cancelled (the next start resumes where this stopped). ``paused``: the app's
    way of saying the technician is at work (a survey open in the wizard); see :func:`restamp`."""
    conn = connect(database_path(data_folder))
    try:
        conn.execute("PRAGMA synchronous = NORMAL")  # stamps are a cache: no sync at every chunk
        return restamp(conn, cancelled, progress, paused)
    finally:
        conn.close()


def restamp(conn: sqlite3.Connection, cancelled: Callable[[], bool] = lambda: False,
            progress: Callable[[float], None] | None = None, paused: Callable[[], bool] | None = None) -> int | None:
    """:func:`run` on an open connection (not shared with another thread). With ``paused`` (in the app, a thread
    beside the GUI's), the work gives way: it waits while ``paused()`` says so, and after each chunk it rests as
    long as the chunk took, so the GUI thread finds Python's lock free half the time (validating 50 surveys holds
    it ~4 ms; with the wizard's keys in between, Siguiente's p95 went from ~30 to ~67 ms at 20,000 surveys)."""
    from cocoa_desktop.engine.files.bulk import bulk

    fingerprint = stamps.model_fingerprint()
    if _setting(conn, SETTING) == fingerprint:
        return 0
    cursor = _setting(conn, CURSOR) or ""
    after = cursor.partition(" ")[2] if cursor.startswith(fingerprint + " ") else ""
    total = max(1, int(conn.execute("SELECT count(*) FROM surveys").fetchone()[0]))
    done = int(conn.execute("SELECT count(*) FROM surveys WHERE id <= ?", (after,)).fetchone()[0]) if after else 0
    validated = 0
    while True:
        while paused is not None and paused() and not cancelled():
            time.sleep(PAUSE_LOOK)
        if cancelled():
            return None
        began = time.perf_counter()
        ids = [str(r[0]) for r in conn.execute("SELECT id FROM surveys WHERE id > ? ORDER BY id LIMIT ?",
                                               (after, CHUNK))]
        if not ids:
            break
        with bulk():
            found = _chunk(conn, ids)
        validated += len(found)
        after = ids[-1]
        _write(conn, found, f"{fingerprint} {after}")
        done += len(ids)
        if progress is not None:
            progress(min(1.0, done / total))
        if paused is not None:
            time.sleep(min(time.perf_counter() - began, PAUSE_LOOK))
    with transaction(conn):
        _set(conn, SETTING, fingerprint)
        conn.execute("DELETE FROM settings WHERE key = ?", (CURSOR,))
    return validated


Found = list[tuple[str, str, str | None]]  # (survey id, digest of the sections read, its new stamp, or None)


def _chunk(conn: sqlite3.Connection, ids: list[str]) -> Found:
    """The completed surveys of ``ids`` whose stamp is not current, each with the digest of the sections read and
    its new stamp (None: its line no longer passes the model). Left out: a current stamp (its sections' bytes not
    even read), a draft (stamped when completed), a section without checksum (never stamped) and a damaged
    section (refused by its checksum)."""
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, completed_at, checked FROM surveys WHERE id IN ({marks})", ids).fetchall()
    travel = _travel_ids(conn, ids)
    held = _sections(conn, ids, with_content=False)
    stale: dict[str, str] = {}
    for survey_id, completed, checked in rows:
        current = stamps.digest(travel.get(str(survey_id), str(survey_id)), held.get(str(survey_id), []))
        if completed is not None and current is not None and checked != current:
            stale[str(survey_id)] = current
    found: Found = []
    for survey_id, sections in _sections(conn, list(stale), with_content=True).items():
        travel_id = travel.get(survey_id, survey_id)
        read = stamps.digest(travel_id, sections)  # the sections may have changed since the first query
        if read is not None and stamps.damaged(survey_id, sections) is None:
            found.append((survey_id, read, read if stamps.passes(stamps.line(travel_id, sections)) else None))
    return found


def _travel_ids(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """{local id: the id it travels by} of those of ``ids`` kept under an id of their own."""
    return {str(local): str(foreign) for local, foreign in conn.execute(
        f"SELECT local_id, foreign_id FROM survey_aliases WHERE local_id IN ({', '.join('?' * len(ids))})", ids)}


def _sections(conn: sqlite3.Connection, ids: list[str], with_content: bool) -> dict[str, list[stamps.Section]]:
    """{survey id: [(section, stored bytes (b"" without content), checksum)]}; every column read as bytes, each
    name decoded once (not 200,000 calls of the connection's text factory)."""
    out: dict[str, list[stamps.Section]] = {}
    if not ids:
        return out
    content = "CAST(content AS BLOB)" if with_content else "x''"
    names: dict[bytes, str] = {}
    cursor = conn.cursor()
    cursor.row_factory = None
    try:
        for survey_id, name, raw, checksum in cursor.execute(
                f"SELECT CAST(survey_id AS BLOB), CAST(section AS BLOB), {content}, CAST(checksum AS BLOB) FROM "
                f"survey_sections WHERE survey_id IN ({', '.join('?' * len(ids))})", ids):
            key = names.get(survey_id) or names.setdefault(survey_id, survey_id.decode("utf-8", "replace"))
            out.setdefault(key, []).append((names.get(name) or names.setdefault(name, name.decode("utf-8", "replace")),
                                            raw, None if checksum is None else checksum.decode("utf-8", "replace")))
    finally:
        cursor.close()
    return out


def _write(conn: sqlite3.Connection, found: Found, cursor: str) -> None:
    """The chunk's stamps and the id reached, in one short transaction: each stamp only where the survey still
    holds the sections it was computed from (saved meanwhile: its save stamped it)."""
    for attempt in range(BUSY_RETRIES + 1):
        try:
            with transaction(conn):
                if found:
                    ids = [survey_id for survey_id, _, _ in found]
                    travel = _travel_ids(conn, ids)
                    now_held = _sections(conn, ids, with_content=False)
                    conn.executemany(
                        "UPDATE surveys SET checked = ? WHERE id = ? AND completed_at IS NOT NULL",
                        [(stamp, survey_id) for survey_id, read, stamp in found
                         if stamps.digest(travel.get(survey_id, survey_id), now_held.get(survey_id, [])) == read])
                _set(conn, CURSOR, cursor)
            return
        except StorageError as exc:
            if exc.code != "busy" or attempt == BUSY_RETRIES:
                raise
