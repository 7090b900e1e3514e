"""One process that runs many command-line cases for ``test_fuzz_commands.py``: each case is ``cli.main(args)``
exactly as the console script calls it, its stdout and stderr captured, under a deadline.

Protocol: one JSON object per line on stdin, ``{"id": …, "args": [...], "json": bool}``; one JSON object per line
in reply (on the process's original stdout; anything else written to file descriptor 1 — Qt's warnings — goes to
stderr): the exit code (or "hang", "uncaught"), the seconds taken, the process's peak resident memory so far,
stderr, the start of stdout, the control characters found in either, and whether ``--json`` output parses.

A hang is signalled with an exception the CLI cannot catch (a BaseException, not TimeoutError, which is an OSError
and would be reported by the CLI as a file error with exit 2).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import signal
import sys
import time
import traceback

HANG_SECONDS = 30
# A case that eats memory fails here (MemoryError) rather than the machine; the suite's peak-memory check (1 GB)
# still sees it, the resident peak being reported with every reply.
MEMORY_BYTES = 2 * 1024**3
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class Hang(BaseException):
    pass


def _hang(*_: object) -> None:
    raise Hang


def run_case(case: dict, cli_main) -> dict:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    signal.alarm(HANG_SECONDS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code: object = cli_main(list(case["args"]))
    except SystemExit as exc:  # argparse refusing an option
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except Hang:
        code = "hang"
    except BaseException:  # anything escaping main is what this harness is looking for
        code = "uncaught"
        with contextlib.suppress(ValueError):
            err.write(traceback.format_exc())
    finally:
        signal.alarm(0)
    seconds = time.perf_counter() - start
    try:
        out_text, err_text = out.getvalue(), err.getvalue()
    except ValueError:  # a stream closed by the case
        out_text, err_text = "", "(stream closed)"
    found = sorted({f"U+{ord(c):04X}" for c in UNPRINTABLE.findall(out_text + err_text)})[:10]
    json_ok = None
    if case.get("json") and code == 0:
        try:
            json.loads(out_text)
            json_ok = True
        except ValueError:
            json_ok = False
    return {"id": case["id"], "code": code, "seconds": seconds,
            "maxrss_kb": own_peak_kb(), "err": err_text[:20_000],
            "out_head": out_text[:2_000], "unprintable": found, "json_ok": json_ok}


def own_peak_kb() -> int:
    """This process's peak resident memory since it started this program (Linux: VmHWM). ``ru_maxrss`` would also
    count the pytest process it was forked from before exec (Linux keeps the higher mark across execve), so a
    large test run before the fuzz would look like a fuzzed command's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    reply = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # whatever is written below Python (Qt's warnings) stays out of the replies
    from cocoa_desktop.cli import main as cli_main

    signal.signal(signal.SIGALRM, _hang)
    resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_BYTES, MEMORY_BYTES))
    for line in sys.stdin:
        if line.strip():
            reply.write(json.dumps(run_case(json.loads(line), cli_main)) + "\n")
            reply.flush()


if __name__ == "__main__":
    main()
