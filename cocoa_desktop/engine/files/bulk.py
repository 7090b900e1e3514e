"""Building many objects at once (a 100,000-farm campaign) without the garbage collector's passes.

Python's cyclic garbage collector walks every live container again and again while millions of dicts, lists and
models are being created, none of them garbage. Switched off for a bulk load, loading and validating a campaign
got about four times faster (tests/benchmarks/bench_rollup.py) — but the collection it skipped then falls, in one
go, on the next allocations (4 s after loading 100,000 farms). So after a *large* load the new objects are
frozen (``gc.freeze``): later collections leave them alone, and they are still freed by reference counting when
the campaign is dropped (surveys hold no reference cycles). Small loads (a few surveys in the app) only switch
the collector off and on. It is switched back on only if it was on: nested or concurrent bulk loads never leave
it off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

FREEZE_AFTER = 1_000_000  # objects allocated during the load (about 10,000 farm surveys)

_under_way = 0  # bulk loads under way, in any thread (the collector is process-wide)
_was_enabled = True  # the collector's state when the first of them began
_lock = threading.Lock()


@contextmanager
def bulk() -> Iterator[None]:
    """The collector off while many objects are built, then as it was before the first of the bulk loads under way
    began: nested loads, and loads in worker threads at once (the campaign view's pass beside the year over year's),
    share one pause, which ends with the last of them."""
    global _under_way, _was_enabled
    with _lock:
        if _under_way == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _under_way += 1
    try:
        yield
    finally:
        with _lock:
            _under_way -= 1
            if gc.get_count()[0] > FREEZE_AFTER:
                gc.freeze()
            if _under_way == 0 and _was_enabled:
                gc.enable()
