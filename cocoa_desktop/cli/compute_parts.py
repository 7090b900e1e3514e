"""``compute FILE`` of a large campaign over the machine's cores (issue 22: 100,000 farms in seconds).

The file's bytes are read once, here; its survey lines are cut into :data:`SHARES_EACH` shares per process (at most
:data:`MAX_PROCESSES` processes, never more than the cores this process may use), and this process and its forked
children take the shares one at a time, whichever is free (a core busy with other work takes fewer). Each share is
read, computed and reduced to compact columns (:mod:`~cocoa_desktop.engine.files.campaign_parts`: never the surveys
themselves); this process then adds them in file order through the same sums as one process, so that every figure,
warning and message is the same to the last bit and byte (floating sums depend on their order: partial sums are
never combined).

Anything not plain gives ``None`` and ``compute`` reads and computes the same bytes in one process, as it always
did: a line the bulk reader does not vouch for (then the strict reading's message, line and path), a campaign its
own checks refuse, an error while computing. A child that dies, is killed or raises has its share computed here.
One process only where forking is not safe or cannot pay: not on Linux (macOS and Windows spawn), one usable core,
threads running, or a campaign under :data:`MIN_BYTES` (about 2,000 surveys). ``COCOA_COMPUTE_PROCESSES=N`` forces N
processes (1: one process; the tests compare both ways on small files).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cocoa_desktop.engine.files import campaign_parts
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.files.campaign_parts import Layout, Part
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.husk_model import HuskCheckSums, HuskModelCheck
from cocoa_desktop.engine.footprint.rollup import CampaignResult, Rollup
from cocoa_desktop.engine.model.survey import MAX_SURVEYS
from cocoa_desktop.engine.words import say

ENV = "COCOA_COMPUTE_PROCESSES"
MAX_PROCESSES = 4
MIN_BYTES = 3_000_000  # about 2,000 surveys as the app writes them: below, forking and sending cannot pay
SHARES_EACH = 16  # the survey lines are cut into this many shares per process (the last ones end about together)

# Tests only: called in each process (its number, 0 for this one) with the share it has just taken, before computing
# it (a test kills a child there, or raises, or makes this process slow so that the children take most shares).
child_hook: Callable[[int, int], None] | None = None


@dataclass(slots=True)
class Computed:
    campaign: CampaignResult
    husk: HuskModelCheck | None
    count: int  # surveys
    label: str  # the campaign's name
    warnings: list[str]  # the lines to print on stderr, in file order


def processes(size: int) -> int:
    """How many processes compute a campaign whose survey lines are ``size`` bytes (1: this one alone)."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:  # a fork copies no thread but the calling one: never under threads
        return 1
    forced = os.environ.get(ENV, "").strip()
    if forced.isdigit() and int(forced) > 0:
        return min(int(forced), MAX_PROCESSES)
    if size < MIN_BYTES:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), MAX_PROCESSES))


def computed(data: bytes, check: Callable[[], None], f: Factors, lang: str) -> Computed | None:
    """The campaign file ``data`` computed over several processes, or None: ``compute`` does it in one (see the
    module's docstring). ``check()``, the checks of the file due before it is read (which raise their own error),
    is called once: first, or while the other processes start."""
    where = campaign_parts.layout(data)
    workers = 1 if where is None else processes(where.end - where.start)
    ranges = [] if where is None or workers < 2 else campaign_parts.shares(data, where, min(workers * SHARES_EACH, 255))
    if where is None or len(ranges) < 2:
        check()
        return None
    word = say(lang, "AVISO", "WARNING")
    jobs = [(data, start, end, index == len(ranges) - 1, f, lang, word) for index, (start, end) in enumerate(ranges)]
    tokens, feed = os.pipe()  # one byte a share: each process takes the next one left (a busy core takes fewer)
    try:
        os.write(feed, bytes(range(len(jobs))))
    finally:
        os.close(feed)
    with bulk():  # the collector off before the fork: a child's first pass would walk (and copy) the whole heap
        return _forked(jobs, tokens, workers, check, where, f)


def _forked(jobs: list[tuple], tokens: int, workers: int, check: Callable[[], None], where: Layout, f: Factors
            ) -> Computed | None:
    """The children started, ``check()`` made meanwhile, then the shares gathered (:func:`_gathered`)."""
    children: list[tuple[Any, Any]] = []
    try:
        with contextlib.suppress(Exception):  # no process could be started: this one takes every share
            context = multiprocessing.get_context("fork")
            for number in range(1, workers):
                receive, send = context.Pipe(duplex=False)
                child = context.Process(target=_child, args=(send, number, tokens, jobs), daemon=True)
                child.start()
                send.close()
                children.append((child, receive))
        check()  # its error raised as always, the children stopped
        return _gathered(tokens, jobs, [receive for _, receive in children], where, f)
    finally:
        os.close(tokens)
        for child, receive in children:
            receive.close()
            if child.is_alive():
                child.kill()
            child.join()


def _gathered(tokens: int, jobs: list[tuple], children: list[Any], where: Layout, f: Factors) -> Computed | None:
    """The shares this process takes, then the children's, added in file order; None when a line is refused or
    computing fails (one process does it all then, as today)."""
    try:
        done: dict[int, Part | None] = {}
        _taken(tokens, jobs, done)
        for receive in children:
            done.update(_received(receive))
        parts = []
        for index, job in enumerate(jobs):
            part = done[index] if index in done else campaign_parts.part(*job)  # a child's that died or failed
            if part is None:  # a line not vouched for: the strict reading must tell
                return None
            parts.append(part)
        return _added(parts, where, f)
    except Exception:
        return None


def _taken(tokens: int, jobs: list[tuple], done: dict[int, Part | None], number: int = 0) -> None:
    """The shares process ``number`` (0: this one) takes, one after the other, computed into ``done`` (None: a line
    refused; then every share left is taken, so that no process starts another)."""
    while token := os.read(tokens, 1):
        if child_hook is not None:
            child_hook(number, token[0])
        part = done[token[0]] = campaign_parts.part(*jobs[token[0]])
        if part is None:
            while os.read(tokens, 256):
                pass
            return


def _child(send: Any, number: int, tokens: int, jobs: list[tuple]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's: it stops the children, no traceback
    done: dict[int, Part | None] = {}
    with contextlib.suppress(Exception):  # the share it was computing is left out: the parent computes it
        _taken(tokens, jobs, done, number)
    with contextlib.suppress(OSError):
        send.send(done)
    send.close()


def _received(receive: Any) -> dict[int, Part | None]:
    """A child's shares (none when it died or was killed: the parent computes them)."""
    try:
        found = receive.recv()
    except (EOFError, OSError, ValueError, MemoryError, AttributeError, ImportError, IndexError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def _added(parts: list[Part], where: Layout, f: Factors) -> Computed | None:
    """The parts added in file order, as :func:`~cocoa_desktop.engine.footprint.rollup.roll_up` and
    :func:`~cocoa_desktop.engine.footprint.husk_model.husk_model_check` add the surveys one by one: each running sum
    continued, in file order, by each part's values (never a part's own sums added)."""
    rollup = Rollup(f)
    husk = HuskCheckSums(f)
    ids: list[str] = []
    warnings: list[str] = []
    for part in parts:
        for name, floats, producers, notes in zip(part.names, part.columns, part.producers, part.notes, strict=True):
            coop = rollup.cooperative(name)
            coop.notes |= notes
            values, n = floats.tolist(), len(producers)
            coop.add_columns([values[j * n:(j + 1) * n] for j in range(len(values) // n)], producers)
        terms = None if part.husk is None else part.husk.tolist()
        n = part.size
        husk.add_columns(n, None if terms is None else [terms[j * n:(j + 1) * n] for j in range(len(terms) // n)])
        warnings.extend(part.warnings)
        ids.extend(part.ids)
    count = len(ids)
    if count > MAX_SURVEYS:  # as the bulk reader: the strict reading tells
        return None
    label = campaign_parts.campaign_name(where.fields, ids)
    if label is None:
        return None
    return Computed(rollup.result(label), husk.result(), count, label, warnings)
