"""Every leaf of the survey model, walked from the model itself: its path, kind, bounds and section (issue 21's
field registry, first layer).

A leaf is what a technician types or chooses: ``general.dry_cocoa_kg``, ``husk.shares.heaped`` (one per
destination), ``fertilisation.products[].n_percent`` (a column of a list). The wizard, the workbook and the guide
are checked against this walk (tests/test_fields.py), so a field added to the model and forgotten in one of them
fails a test instead of being silently left out.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cache
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen
from pydantic import BaseModel

from cocoa_desktop.engine.model import paths
from cocoa_desktop.engine.model.asked import Asked
from cocoa_desktop.engine.model.sections import section_of
from cocoa_desktop.engine.model.survey import Survey

ITEM = paths.EVERY  # a list's items: ``packaging[].type``


@dataclass(frozen=True)
class Leaf:
    path: str  # dotted, ``[]`` after a list: general.areas[].hectares
    kind: str  # number | whole | text | choice | share | yes_no | list (a list of words: estimated_fields)
    optional: bool
    low: float | None = None  # bounds of a number, as the model checks them
    high: float | None = None
    max_length: int | None = None  # of a text
    choices: tuple[str, ...] = ()  # the keys of a choice
    above_low: bool = False  # the number must be greater than ``low`` (gt), not merely not less (ge)
    below_high: bool = False  # … less than ``high`` (lt)
    asked: Asked | None = field(default=None, compare=False)  # its words, when declared with Asked

    @property
    def section(self) -> str:
        return section_of(self.path)

    @property
    def table(self) -> str:
        """The list the leaf is a column of (``general.areas``), or "" for a field of its own."""
        return self.path.rsplit(ITEM, 1)[0] if ITEM in self.path else ""

    @property
    def column(self) -> str:
        """The leaf's last part: its key inside its list's item (``hectares``) or in its section."""
        return self.path.rsplit(".", 1)[-1]


def leaves(model: type[BaseModel] = Survey, prefix: str = "") -> list[Leaf]:
    """The model's leaves in declaration order (the survey's id, generated, is not one)."""
    found: list[Leaf] = []
    for name, info in model.model_fields.items():
        if model is Survey and name == "id":
            continue
        path = f"{prefix}{name}"
        found += _leaves_of(path, info.annotation, info.metadata, not info.is_required())
    return found


def _leaves_of(path: str, annotation: Any, metadata: list[Any], optional: bool) -> list[Leaf]:
    annotation, optional = _unwrapped(annotation, optional)
    metadata = [*metadata, *getattr(annotation, "__metadata__", ())]
    base = typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation
    origin = typing.get_origin(base)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return leaves(base, path + ".")
    if origin is list:
        (item,) = typing.get_args(base)
        item, _ = _unwrapped(item, False)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return leaves(item, path + ITEM + ".")
        return [Leaf(path, "list", optional)]
    if origin is dict:
        key, value = typing.get_args(base)
        return [leaf for member in key for leaf in _leaves_of(f"{path}.{member.value}", value, [], True)]
    return [_leaf(path, base, metadata, optional)]


def _unwrapped(annotation: Any, optional: bool) -> tuple[Any, bool]:
    """``X | None`` → (X, optional)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], True
    return annotation, optional


def _leaf(path: str, base: Any, metadata: list[Any], optional: bool) -> Leaf:
    leaf = _kind_of(path, base, metadata, optional)
    asked = next((m for m in metadata if isinstance(m, Asked)), None)
    return leaf if asked is None else replace(leaf, asked=asked)


def _kind_of(path: str, base: Any, metadata: list[Any], optional: bool) -> Leaf:
    constraints = [c for m in metadata for c in getattr(m, "metadata", [m])]
    bound: dict[type, float] = {type(c): float(typing.cast(float, getattr(c, type(c).__name__.lower())))
                                for c in constraints if isinstance(c, Ge | Gt | Le | Lt)}
    low = bound.get(Ge, bound.get(Gt))
    high = bound.get(Le, bound.get(Lt))
    if isinstance(base, type) and issubclass(base, Enum):
        return Leaf(path, "choice", optional, choices=tuple(str(m.value) for m in base))
    if base is bool:
        return Leaf(path, "yes_no", optional)
    if base is str:
        length = next((c.max_length for c in metadata if getattr(c, "max_length", None) is not None),
                      next((c.max_length for c in constraints if isinstance(c, MaxLen)), None))
        return Leaf(path, "text", optional, max_length=length)
    kind = "whole" if base is int else "share" if path.split(".")[-2:-1] == ["shares"] else "number"
    return Leaf(path, kind, optional, low, high, above_low=Ge not in bound and Gt in bound,
                below_high=Le not in bound and Lt in bound)


ASKED_KINDS = frozenset({"text", "number", "whole"})  # what a field declared with its words may be (no choice list)


@cache
def asked_leaves() -> tuple[Leaf, ...]:
    """The leaves declared with their words (:class:`Asked`), in the model's order; fields of a list's items are
    not (yet) among them."""
    found = tuple(leaf for leaf in leaves() if leaf.asked is not None)
    wrong = [leaf.path for leaf in found if leaf.table or leaf.kind not in ASKED_KINDS]
    if wrong:
        raise TypeError(f"Asked is for a section's own text or number fields, not {wrong}")
    return found


T = typing.TypeVar("T")


@cache
def _declared_before() -> dict[str, Leaf | None]:
    """Each leaf's path → the leaf declared before it (None for the first)."""
    order = leaves()
    return {leaf.path: order[i - 1] if i else None for i, leaf in enumerate(order)}


def _path(leaf: Leaf) -> Any:
    return leaf.path


def with_asked(items: Sequence[T], key_of: Callable[[T], Any], make: Callable[[Leaf], T],
               key_of_leaf: Callable[[Leaf], Any] = _path) -> list[T]:
    """``items`` (a wizard page's fields, a sheet's columns, a form page's questions) with each declared leaf they
    lack placed right after the leaf declared before it in the model, when that one is among them (so a field
    declared after ``general.technician`` goes wherever the technician is asked, right after it). ``key_of`` names
    an item the way ``key_of_leaf`` names a leaf (by default its path; a workbook column by its sheet and key)."""
    placed = list(items)
    for leaf in asked_leaves():
        present = [key_of(item) for item in placed]
        if key_of_leaf(leaf) in present:
            continue
        before = _declared_before()[leaf.path]
        if before is not None and key_of_leaf(before) in present:
            placed.insert(present.index(key_of_leaf(before)) + 1, make(leaf))
    return placed
