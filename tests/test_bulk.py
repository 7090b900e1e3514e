"""The collector paused for bulk loads (engine/files/bulk.py): nested loads and loads in threads at once share one
pause, which ends with the last of them and leaves the collector as it was."""

from __future__ import annotations

import gc
import threading

from cocoa_desktop.engine.files.bulk import bulk


def test_nested_loads_share_one_pause_and_leave_the_collector_as_it_was():
    assert gc.isenabled()
    with bulk():
        assert not gc.isenabled()
        with bulk():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer load still under way
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk():
            pass
        assert not gc.isenabled()  # paused by someone else: left so
    finally:
        gc.enable()


def test_a_load_in_another_thread_keeps_the_pause_until_it_ends():
    """The campaign view's pass and the year over year's, in two worker threads: the first to end does not switch
    the collector back on under the other."""
    started, first_done, seen = threading.Event(), threading.Event(), []

    def other() -> None:
        with bulk():
            started.set()
            first_done.wait(10)
            seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    with bulk():
        thread.start()
        started.wait(10)
    first_done.set()
    thread.join(10)
    assert seen == [False] and gc.isenabled()
