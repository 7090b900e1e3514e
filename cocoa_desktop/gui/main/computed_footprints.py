"""The footprints the main window has computed for every survey of its data folder (:mod:`tree_footprints`), kept
where the other windows of the same folder find them: the campaign view shows its table from them at once instead of
reading 10,000 surveys first, and its recommendations and intervals from the terms computed beside them
(:class:`KeptFootprints`). A module of its own that imports nothing heavy: the main window tells it of each
computation."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

Kept = dict[str, tuple[str, Any]]  # survey id → (updated_at, its Footprint, or None for a draft): tree_footprints.Kept
DRAFT = "draft"  # the terms of a survey that does not count (not valid yet)


class KeptFootprints(dict[str, tuple[str, Any]]):
    """:data:`Kept`, with each survey's terms for the campaign view computed beside its footprint (``terms``: survey
    id → its :class:`~cocoa_desktop.engine.footprint.survey_terms.SurveyTerms`, packed, under the same factors, or
    :data:`DRAFT`; a survey without is read by the view, as before)."""

    __slots__ = ("terms",)

    def __init__(self) -> None:
        super().__init__()
        self.terms: dict[str, Any] = {}


_computed: WeakKeyDictionary[Any, tuple[tuple[str, str], Kept]] = WeakKeyDictionary()


def _key(f: Any) -> tuple[str, str]:
    return f.factor_set.id, f.gwp.id


def remember(storage: Any, f: Any, kept: Kept) -> None:
    """Every survey's footprint of ``storage`` just computed under the factors ``f`` (held as long as the storage is,
    replaced by the next computation)."""
    _computed[storage] = (_key(f), kept)


def recall(storage: Any, f: Any) -> Kept | None:
    """The footprints last computed for ``storage`` when they were computed under ``f``'s factor set and GWP."""
    found = _computed.get(storage)
    return found[1] if found is not None and found[0] == _key(f) else None
