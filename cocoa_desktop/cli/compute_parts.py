"""``compute FILE`` of a large campaign over the machine's cores (issue 22: 100,000 farms in seconds).

The file's bytes are read once, here; the survey lines are cut into one share per process (at most
:data:`MAX_PROCESSES`, never more than the cores this process may use), and each share is read, computed and reduced
to compact records (:mod:`~cocoa_desktop.engine.files.campaign_parts`) by a forked child — the first share by this
process meanwhile. The records are then added in file order through the same sums as one process, so that every
figure, warning and message is the same to the last bit and byte (floating sums depend on their order: partial sums
are never combined).

Anything not plain gives ``None`` and ``compute`` reads and computes the same bytes in one process, as it always
did: a line the bulk reader does not vouch for (then the strict reading's message, line and path), a campaign its
own checks refuse, an error while computing. A child that dies, is killed or raises has its share computed here.
One process only where forking is not safe or cannot pay: not on Linux (macOS and Windows spawn), one usable core,
threads running, or a campaign under :data:`MIN_SURVEYS` surveys. ``COCOA_COMPUTE_PROCESSES=N`` forces N processes
(1: one process; the tests compare both ways on small files).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cocoa_desktop.engine.files import campaign_parts
from cocoa_desktop.engine.files.campaign_parts import Layout, Part
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.husk_model import HuskCheckSums, HuskModelCheck
from cocoa_desktop.engine.footprint.rollup import CampaignResult, Rollup
from cocoa_desktop.engine.model.survey import MAX_SURVEYS
from cocoa_desktop.engine.words import say

ENV = "COCOA_COMPUTE_PROCESSES"
MAX_PROCESSES = 4
MIN_SURVEYS = 2000  # below, forking (~10 ms a child) and sending the records cannot pay

# Tests only: called in each child with its share's number, after its records are made and before they are sent
# (a test kills the child there, or raises).
child_hook: Callable[[int], None] | None = None


@dataclass(slots=True)
class Computed:
    campaign: CampaignResult
    husk: HuskModelCheck | None
    count: int  # surveys
    label: str  # the campaign's name
    warnings: list[str]  # the lines to print on stderr, in file order


def processes(count: int) -> int:
    """How many processes compute a campaign of ``count`` surveys (1: this one alone)."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:  # a fork copies no thread but the calling one: never under threads
        return 1
    forced = os.environ.get(ENV, "").strip()
    if forced.isdigit() and int(forced) > 0:
        return min(int(forced), MAX_PROCESSES)
    if count < MIN_SURVEYS:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), MAX_PROCESSES))


def computed(data: bytes, f: Factors, lang: str) -> Computed | None:
    """The campaign file ``data`` computed over several processes, or None: ``compute`` does it in one (see the
    module's docstring)."""
    where = campaign_parts.layout(data)
    if where is None:
        return None
    count = data.count(b"\n", where.start, where.end) + 1
    if count > MAX_SURVEYS or processes(count) < 2:
        return None
    parts = campaign_parts.shares(data, where, processes(count))
    if len(parts) < 2:
        return None
    word = say(lang, "AVISO", "WARNING")
    jobs = [(data, start, end, index == len(parts) - 1, f, lang, word) for index, (start, end) in enumerate(parts)]
    context = multiprocessing.get_context("fork")
    children: list[tuple[Any, Any]] = []
    try:
        for index, job in enumerate(jobs[1:], 1):
            receive, send = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(send, index, job), daemon=True)
            child.start()
            send.close()
            children.append((child, receive))
        found = [_share(jobs[0])]
        for index, (_, receive) in enumerate(children, 1):
            if found[-1] is None:  # a line refused, or an error: the rest is not waited for
                return None
            found.append(_received(receive, jobs[index]))
        if found[-1] is None:
            return None
        return _added(found, where, f, count)  # type: ignore[arg-type]
    except Exception:  # e.g. no process could be started: one process does it all
        return None
    finally:
        for child, receive in children:
            receive.close()
            if child.is_alive():
                child.kill()
            child.join()


def _share(job: tuple) -> Part | None:
    try:
        return campaign_parts.part(*job)
    except Exception:  # computing fails: one process does it all, and says why as today
        return None


def _child(send: Any, index: int, job: tuple) -> None:
    try:
        found = campaign_parts.part(*job)
        if child_hook is not None:
            child_hook(index)
        reply: tuple[str, Any] = ("done", found)
    except Exception:  # the parent computes this share itself
        reply = ("failed", None)
    with contextlib.suppress(OSError):
        send.send(reply)
    send.close()


def _received(receive: Any, job: tuple) -> Part | None:
    """A child's records; its share computed here when the child died, was killed or failed."""
    try:
        kind, found = receive.recv()
    except (EOFError, OSError, ValueError, MemoryError, AttributeError, ImportError, IndexError, TypeError):
        kind, found = "failed", None
    if kind == "done":
        return found  # type: ignore[no-any-return]
    return _share(job)


def _added(parts: list[Part], where: Layout, f: Factors, count: int) -> Computed | None:
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
    if len(ids) != count:
        return None
    label = campaign_parts.campaign_name(where.fields, ids)
    if label is None:
        return None
    return Computed(rollup.result(label), husk.result(), count, label, warnings)
