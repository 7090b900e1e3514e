"""Dotted paths into a survey document (JSON: dicts and lists), one helper for the whole app (issue 21).

``husk.shares.composted``, ``transport.legs.0.distance`` (a list's item by its index) and, for what applies to every
item of a list, ``packaging[].kg_per_bag``.
"""

from __future__ import annotations

from typing import Any

EVERY = "[]"  # after a list's name: each of its items


def get(doc: Any, path: str) -> Any:
    """The value at ``path``, or None where the document does not reach it."""
    found = parent(doc, path)
    if found is None:
        return None
    node, key = found
    return node[key]


def parent(doc: Any, path: str) -> tuple[Any, Any] | None:
    """(the dict or list holding the value at ``path``, its key or index), or None where it does not exist."""
    node: Any = None
    key: Any = None
    current = doc
    for part in path.split("."):
        if isinstance(current, dict) and part in current:
            node, key = current, part
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            node, key = current, int(part)
        else:
            return None
        current = node[key]
    return None if node is None else (node, key)


def put(doc: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at ``path``, making the mappings on the way."""
    *parents, last = path.split(".")
    node: Any = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    node[int(last) if isinstance(node, list) else last] = value


def places(doc: Any, path: str) -> list[tuple[dict[str, Any], str]]:
    """Every (mapping, key) a path with ``[]`` reaches (``packaging[].kg``: each bag and "kg"), present or not."""
    return _places(doc, path.split("."))


def _places(node: Any, parts: list[str]) -> list[tuple[dict[str, Any], str]]:
    if not isinstance(node, dict):
        return []
    head, rest = parts[0], parts[1:]
    if not rest:
        return [(node, head)]
    if head.endswith(EVERY):
        items = node.get(head[:-len(EVERY)])
        return [p for item in items for p in _places(item, rest)] if isinstance(items, list) else []
    return _places(node.get(head), rest)
