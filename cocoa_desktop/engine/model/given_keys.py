"""The keys a validated survey was given, counted; and its models' sets of given fields shared.

Two things one walk over a survey's models does, for a campaign of many surveys read at once
(engine/files/survey_lines.py):

- **count** the distinct keys its JSON objects gave: every model counts its ``model_fields_set`` (the fields its
  input named: no field has an alias, every model forbids unknown keys, a default is never counted) and every
  mapping field (``husk.shares``) its entries, but for a field the input did not give (a default holds no key of
  the input: the husk's default shares). A text with a key given twice in one object counts more keys than
  the survey validated from it holds: how the line reader knows, without a second parse, that pydantic's JSON reader
  (which keeps the last of two equal keys) read a line the app's strict parser would also accept.
- **share** the set of given fields: pydantic keeps one per model, 15 per farm survey, 6.8 of its 12.6 kB. A
  survey written by the app names every field, so each such set equals its class's field names, and one set per
  class serves them all: pydantic only ever *adds* a field name to it (on assignment: already there) and copies it
  with a model (``model_copy``), so sharing it changes nothing but memory (100,000 farms: 650 MB less, and in a
  fresh process the time the system takes to hand out those pages).

The walk's plan of each model class is read from its fields once; a field of a shape it does not know (a model
that may be None, a mapping of models …) fails at import, so that a change of the survey model cannot leave keys
uncounted.
"""

from __future__ import annotations

import typing
from typing import Any, get_args, get_origin

from pydantic import BaseModel

_MODEL, _MODELS, _MAPPING = 1, 2, 3
_object_setattr = object.__setattr__


class _Plan:
    """What the walk does at a model of one class: its number of fields, its shared set, and its fields that hold
    models (with their plan) or a mapping."""

    __slots__ = ("every", "fields", "steps")

    def __init__(self, cls: type[BaseModel]) -> None:
        self.fields = len(cls.model_fields)
        self.every = set(cls.model_fields)  # the shared set of a model given all its fields
        self.steps: tuple[tuple[str, int, _Plan | None], ...] = ()


_PLANS: dict[type, _Plan] = {}


def _mentions(annotation: Any, kinds: tuple[type, ...]) -> bool:
    """``annotation`` is, or holds anywhere inside, one of ``kinds`` (``dict[str, float] | None`` holds a dict)."""
    if get_origin(annotation) in kinds:
        return True
    if isinstance(annotation, type) and not get_args(annotation) and issubclass(annotation, kinds):
        return True
    return any(_mentions(arg, kinds) for arg in get_args(annotation))


def _kind(annotation: Any, where: str) -> tuple[int, _Plan | None]:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is typing.Annotated:
        return _kind(args[0], where)
    if origin is None and isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _MODEL, _plan(annotation)
    if origin is list and len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return _MODELS, _plan(args[0])
    if origin is dict and not any(_mentions(arg, (BaseModel, dict)) for arg in args):
        return _MAPPING, None
    if _mentions(annotation, (BaseModel, dict)):
        raise TypeError(f"{where}: a field of a shape given_keys does not count ({annotation!r})")
    return 0, None


def _plan(cls: type[BaseModel]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _Plan(cls)
        steps = ((name, *_kind(info.annotation, f"{cls.__name__}.{name}")) for name, info in cls.model_fields.items())
        plan.steps = tuple(step for step in steps if step[1])
    return plan


def plan_for(cls: type[BaseModel]) -> None:
    """Read ``cls``'s fields (and its models' fields) now: raises TypeError for a shape the walk does not count."""
    _plan(cls)


def given_keys(model: BaseModel, share: bool = True) -> int:
    """The distinct keys the objects ``model`` was validated from gave (see the module's docstring); with
    ``share``, each model given all its fields takes its class's shared set of given fields."""
    return _walk(model, _plan(type(model)), share)


def _walk(model: BaseModel, plan: _Plan, share: bool) -> int:
    given = model.__pydantic_fields_set__
    count = len(given)
    every = count == plan.fields
    if every and share and given is not plan.every:
        _object_setattr(model, "__pydantic_fields_set__", plan.every)
    if plan.steps:
        values = model.__dict__
        for name, kind, inner in plan.steps:
            if not every and name not in given:  # a default (the husk's shares): no key of the input
                continue
            if kind == _MODEL:
                count += _walk(values[name], inner, share)  # type: ignore[arg-type]  # a model's plan
            elif kind == _MODELS:
                for item in values[name]:
                    count += _walk(item, inner, share)  # type: ignore[arg-type]  # as above
            else:
                count += len(values[name])
    return count
