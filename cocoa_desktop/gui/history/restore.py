"""An earlier version of a survey, rebuilt from its change history.

The history (storage.repository) records, for every save after a survey was completed, each changed field as a
path inside its section (``shares.composted``, ``0.kg_per_bag``; an empty list or mapping is a value of its own)
with its old and new value (``None``: the field did not exist). Undoing the changes from the newest back to a
chosen one gives the survey as it was before that change. Pure data: no Qt, no database.

A value that did not exist has ``old_missing`` set (a stored null has not); event rows (``field == "*"``: a section
repaired from a backup, a conflict kept as it was) changed no value and are skipped.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

_MISSING = object()


class ChangeLike(Protocol):
    changed_at: str
    section: str
    field: str
    old_value: Any
    new_value: Any
    old_missing: bool


MARK = "*"  # storage.repository.MARK: an event, not a change of value


def _parts(field: str) -> list[str]:
    return [p for p in field.split(".") if p != ""]


def _natural(field: str) -> list[Any]:
    """Sort key: list indices in numeric order ("products.10" after "products.2")."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"\.", field)]


def _set(root: Any, parts: list[str], value: Any) -> Any:
    """``root`` with the value at ``parts`` (containers made as needed); the new root is returned."""
    if not parts:
        return copy.deepcopy(value)
    head, rest = parts[0], parts[1:]
    if head.isdigit() and not isinstance(root, list) and not root:
        root = []  # an index below: a list (an empty mapping left by a later version's shape gives way)
    elif not head.isdigit() and isinstance(root, list) and not root:
        root = {}
    if isinstance(root, list) and head.isdigit():
        index = int(head)
        while len(root) <= index:
            root.append({} if rest and not rest[0].isdigit() else [])
        root[index] = _set(root[index], rest, value)
        return root
    if not isinstance(root, dict):
        root = [] if head.isdigit() else {}
        return _set(root, parts, value)
    child = root.get(head, [] if rest and rest[0].isdigit() else {})
    root[head] = _set(child, rest, value)
    return root


def _delete(root: Any, parts: list[str]) -> Any:
    """``root`` without the value at ``parts``; containers emptied by it go too (they did not exist before)."""
    if not parts:
        return _MISSING
    head, rest = parts[0], parts[1:]
    if isinstance(root, dict) and head in root:
        child = _delete(root[head], rest)
        if child is _MISSING or (rest and child in ({}, [])):
            del root[head]
        else:
            root[head] = child
    elif isinstance(root, list) and head.isdigit() and int(head) < len(root):
        index = int(head)
        child = _delete(root[index], rest)
        if (child is _MISSING or (rest and child in ({}, []))) and index == len(root) - 1:
            root.pop()  # a list shrinks from its end: the history compares lists item by item
        elif child is not _MISSING:
            root[index] = child
    return root


def undo(sections: dict[str, Any], changes: Sequence[ChangeLike]) -> dict[str, Any]:
    """Undo ``changes`` (one save or several) on the stored sections: fields that did not exist are removed first,
    then the old values are put back, lists in index order."""
    result = copy.deepcopy(sections)
    changes = [c for c in changes if c.field != MARK]
    for change in sorted((c for c in changes if c.old_missing), key=lambda c: _natural(c.field), reverse=True):
        content = _delete(result.get(change.section), _parts(change.field))
        if content is _MISSING:
            result.pop(change.section, None)
        else:
            result[change.section] = content
    for change in sorted((c for c in changes if not c.old_missing), key=lambda c: _natural(c.field)):
        result[change.section] = _set(result.get(change.section), _parts(change.field), change.old_value)
    return result


def sections_before(sections: dict[str, Any], changes: Sequence[ChangeLike], index: int) -> dict[str, Any]:
    """The sections as they were before ``changes[index]`` and every change after it (and the rest of its save).

    ``changes`` in the order they were recorded, oldest first, as ``Repository.history`` returns them."""
    if not changes:
        return copy.deepcopy(sections)
    index = first_of_save(changes, index)
    result = sections
    saves: dict[tuple[str, str], list[ChangeLike]] = {}
    for change in changes[index:]:
        saves.setdefault((change.changed_at, change.section), []).append(change)
    for key in sorted(saves, reverse=True):  # newest save first
        result = undo(result, saves[key])
    return copy.deepcopy(result)


def first_of_save(changes: Sequence[ChangeLike], index: int) -> int:
    """The first row of the save that ``changes[index]`` belongs to (one save records several fields)."""
    stamp = changes[index].changed_at
    while index > 0 and changes[index - 1].changed_at == stamp:
        index -= 1
    return index


def made_by_someone(sections: dict[str, Any], changes: Sequence[ChangeLike],
                    normalise: Callable[[dict[str, Any]], dict[str, Any]], survey_id: str) -> list[bool]:
    """For each change, whether it changed what the survey says: False when its value before and after is the
    same once the defaults the survey model fills in are filled in on both sides (a value stored as missing
    against its default written by another laptop's export: "— / 0", "— / 1", "— / (empty)"), or when both are
    "not given" (missing, null or empty text). Events (``MARK``) are kept.

    ``sections``: the stored sections now; ``normalise``: the document with the model's defaults (as it is when it
    is not valid). Walks the saves from the newest back, as :func:`sections_before` does."""
    from cocoa_desktop.storage.documents import flatten, join_sections, split_sections

    def flat(state: dict[str, Any]) -> dict[str, dict[str, Any]]:
        sections_now = split_sections(normalise(join_sections(survey_id, state)))
        return {name: flatten(content) for name, content in sections_now.items()}

    made = [True] * len(changes)
    saves: dict[tuple[str, str], list[int]] = {}
    for index, change in enumerate(changes):
        saves.setdefault((change.changed_at, change.section), []).append(index)
    after = copy.deepcopy(sections)
    after_flat = flat(after)
    for key in sorted(saves, reverse=True):  # newest save first
        before = undo(after, [changes[i] for i in saves[key]])
        before_flat = flat(before)
        for index in saves[key]:
            change = changes[index]
            if change.field == MARK:
                continue
            old = before_flat.get(change.section, {}).get(change.field, _MISSING)
            new = after_flat.get(change.section, {}).get(change.field, _MISSING)
            made[index] = not (old == new or (old in _NOT_GIVEN and new in _NOT_GIVEN))
        after, after_flat = before, before_flat
    return made


_NOT_GIVEN = (_MISSING, None, "")
