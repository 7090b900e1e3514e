"""Version vectors: what each laptop knows of each survey section, for the package exchange.

Every laptop (a *replica*: a random id stored in its database) counts its own edits of each section. A section's
version is a vector ``{replica: count}``. An edit on this laptop adds one to this laptop's count; an import that
takes the other laptop's section takes its vector too. Comparing two vectors says, for one section:

- equal: the same version;
- one ≤ the other: the greater one has seen every edit of the smaller one (it is newer: take it, or keep it);
- neither: each has edits the other never saw (*concurrent*): the same content is merged silently, different
  content is a conflict for the user.

A conflict resolved (or a version restored from the history) is a new edit: its vector is above both sides, so it
reaches the other laptops as the newer version. Nothing here touches the database.
"""

from __future__ import annotations

import json
import secrets
from functools import lru_cache
from typing import Any

Vector = dict[str, int]
MAX_COUNT = 2**53  # an exact integer in every JSON reader


def new_replica() -> str:
    return secrets.token_hex(16)


def dominates(a: Vector, b: Vector) -> bool:
    """``a`` has seen every edit ``b`` has (a ≥ b)."""
    return all(a.get(replica, 0) >= count for replica, count in b.items())


def merged(a: Vector, b: Vector) -> Vector:
    """The least vector that has seen both."""
    return {replica: max(a.get(replica, 0), b.get(replica, 0)) for replica in a.keys() | b.keys()}


def bumped(vector: Vector, replica: str) -> Vector:
    """The vector of a new edit made on ``replica`` after ``vector``."""
    return {**vector, replica: vector.get(replica, 0) + 1}


def parse(text: str | None) -> Vector:
    """A stored vector; an unreadable one is the empty vector (it has seen nothing: never wins silently)."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if is_vector(value) else {}


def dumps(vector: Vector) -> str:
    return _dumps(tuple(vector.items()))


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=4096)
def _dumps(items: tuple[tuple[str, int], ...]) -> str:
    """Most sections of an import carry one of a few vectors: each written once (the same text as before)."""
    return _ENCODER.encode(dict(items))


def is_vector(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    for k, v in value.items():  # a loop, not all(generator): a package's 200,000 vectors are checked on import
        if not (isinstance(k, str) and 0 < len(k) <= 64 and type(v) is int and 0 <= v <= MAX_COUNT):
            return False
    return True
