"""What the command line prints is made printable: a name, a path or a CSV cell from a user's file may hold an
escape sequence (ESC [ 2 J clears the screen, ESC ] 52 writes the clipboard) or other control characters, which a
terminal would obey. One helper, :func:`printable`, shows each such character as its ``\\uXXXX`` code instead; it
is applied to everything the CLI writes (:func:`printable_output` wraps stdout and stderr), so no place that echoes
user text can forget it.

Kept: line feed and tab (the tables are made of them). Shown as codes: the other C0 controls (carriage return, bell,
backspace, ESC …), DEL, the C1 controls (U+0080–U+009F, of which U+009B is a one-character ESC [) and lone
surrogates (a file name that is not UTF-8, which could not be printed at all). In ``--json`` output a code is the
JSON escape of the same character, so the document means exactly what it did.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _code(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """``text`` with every control character (but line feed and tab) and lone surrogate shown as ``\\uXXXX``."""
    return _UNPRINTABLE.sub(_code, text)


class _Printable:
    """A text stream that writes through :func:`printable` to the one it wraps (everything else is the wrapped
    stream's: encoding, fileno, flush, close …)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def printable_output() -> Iterator[None]:
    """Within the block, ``print`` (to stdout or stderr, argparse's messages included) writes only printable text."""
    out, err = sys.stdout, sys.stderr
    if out is not None:  # None: no console at all (a windowed bundle)
        sys.stdout = _Printable(out)  # type: ignore[assignment]
    if err is not None:
        sys.stderr = _Printable(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
