"""msgspec Structs derived at run time from the pydantic survey model (engine/model/survey.py stays the one model:
nothing here is written by hand but the rules of translation), and the model's own Python validators run on them.
Used only by :mod:`~cocoa_desktop.engine.files.fast_campaign`, the bulk reader of ``compute FILE`` (issue 22).

The derivation, class by class:

- every field, in order, with its type: float/int/str/bool, StrEnum, ``T | None``, ``list[T]``, ``dict[K, V]``, a
  nested model (its own Struct), the model's defaults; the constraints of ``Annotated``/``Field`` (ge, gt, le, lt,
  min/max length, the pattern) as ``msgspec.Meta``; ``Strict`` and ``allow_inf_nan=False`` need nothing (msgspec
  refuses true/false and "1e3" for a number, 1.0 for a whole number, NaN/Infinity, and 1e400 is out of range); any
  other metadata but the wizard's ``Asked`` stops the derivation (a change of the model cannot slip past: the
  import fails, and tests/test_fast_campaign.py with it);
- patterns are pydantic's Rust syntax: ``\\x{FFFE}`` becomes ``\\U0000fffe`` and a final ``$`` becomes ``\\Z``
  (Python's ``$`` also matches before a last line break: an id ``"a\\n"`` would pass);
- the model's properties (``production_kg``, ``mass_kg`` …) are copied onto the structs: the engine finds the same
  attributes; the model's validators (``model_validator(mode="after")``, ``field_validator`` before/after) are not
  translated: :func:`compiled_check` calls the model's own functions on the structs, inner objects first, with an
  ``info`` whose ``data`` holds the fields before (as pydantic's).
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types as at
import msgspec
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo
from pydantic.types import AllowInfNan, Strict
from pydantic_core import PydanticUndefined

_ONE, _MANY, _MAP = 1, 2, 3
_STRUCTS: dict[type[BaseModel], Any] = {}
_PLANS: dict[type, _Plan] = {}
_CHECKS: dict[int, Callable[[Any], None]] = {}


def rust_pattern(pattern: str) -> str:
    """A pattern of pydantic's (Rust regex) as Python's re reads it the same way for these patterns."""
    pattern = re.sub(r"\\x\{([0-9A-Fa-f]+)\}", lambda m: f"\\U{int(m.group(1), 16):08x}", pattern)
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return pattern


def _constraints(metadata: typing.Iterable[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, at.Ge):
            found["ge"] = item.ge
        elif isinstance(item, at.Gt):
            found["gt"] = item.gt
        elif isinstance(item, at.Le):
            found["le"] = item.le
        elif isinstance(item, at.Lt):
            found["lt"] = item.lt
        elif isinstance(item, at.MinLen):
            found["min_length"] = item.min_length
        elif isinstance(item, at.MaxLen):
            found["max_length"] = item.max_length
        elif isinstance(item, StringConstraints):
            if item.strip_whitespace or item.to_upper or item.to_lower or item.ascii_only:
                raise TypeError(f"no msgspec translation for {item}")
            for key in ("min_length", "max_length", "pattern"):
                if getattr(item, key) is not None:
                    found[key] = getattr(item, key)
        elif type(item).__name__ == "_PydanticGeneralMetadata":
            unknown = set(vars(item)) - {"pattern"}
            if unknown:
                raise TypeError(f"no msgspec translation for {item}")
            found["pattern"] = item.pattern
        elif isinstance(item, AllowInfNan):
            if item.allow_inf_nan:
                raise TypeError("msgspec refuses NaN and infinity: allow_inf_nan=True cannot be translated")
        elif isinstance(item, FieldInfo):
            found.update(_constraints(item.metadata))
        elif isinstance(item, Strict) or type(item).__name__ == "Asked":
            pass  # msgspec is strict already; Asked is the wizard's label
        else:
            raise TypeError(f"no msgspec translation for {item!r}")
    if "pattern" in found:
        found["pattern"] = rust_pattern(found["pattern"])
    return found


def struct_type(tp: Any, metadata: tuple[Any, ...] = ()) -> Any:
    """The msgspec type of a pydantic annotation (with the field's own metadata)."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is Annotated:
        return struct_type(args[0], (*tp.__metadata__, *metadata))
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1 or len(args) != 2:
            raise TypeError(f"no msgspec translation for {tp}")
        return struct_type(inner[0], metadata) | None
    base: Any
    if origin is list:
        base = list[struct_type(args[0])]  # type: ignore[misc]
    elif origin is dict:
        base = dict[struct_type(args[0]), struct_type(args[1])]  # type: ignore[misc]
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        base = struct_for(tp)
    elif tp in (float, int, str, bool) or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        base = tp
    else:
        raise TypeError(f"no msgspec translation for {tp}")
    found = _constraints(metadata)
    return Annotated[base, msgspec.Meta(**found)] if found else base


def struct_for(model: type[BaseModel]) -> Any:
    """The Struct class of a pydantic model class (made once), with the model's defaults (a model's default a
    Struct of its defaults) and its properties."""
    if model in _STRUCTS:
        return _STRUCTS[model]
    if model.model_config.get("extra") != "forbid":
        raise TypeError(f"{model.__name__}: the model accepts unknown keys, a Struct here does not")
    fields: list[tuple[Any, ...]] = []
    for name, info in model.model_fields.items():
        if info.alias not in (None, name):
            raise TypeError(f"{model.__name__}.{name}: an alias has no translation here")
        tp = struct_type(info.annotation, tuple(info.metadata))
        factory: Any = info.default_factory
        if info.default is PydanticUndefined and factory is None:
            fields.append((name, tp))
        elif factory is None:
            if isinstance(info.default, (list, dict, set)):
                raise TypeError(f"{model.__name__}.{name}: a mutable default")
            fields.append((name, tp, info.default))
        else:
            if isinstance(factory, type) and issubclass(factory, BaseModel):
                factory = struct_for(factory)
            fields.append((name, tp, msgspec.field(default_factory=factory)))
    namespace = {k: v for k, v in vars(model).items() if isinstance(v, property)}
    made = msgspec.defstruct(model.__name__ + "Struct", fields, kw_only=True, forbid_unknown_fields=True,
                             namespace=namespace, module=__name__)
    _STRUCTS[model] = made
    return made


class _Info:
    """What a field validator reads of pydantic's ValidationInfo: ``data``, the fields before (made when read)."""

    __slots__ = ("before", "obj")

    def __init__(self, obj: Any, before: tuple[str, ...]) -> None:
        self.obj, self.before = obj, before

    @property
    def data(self) -> dict[str, Any]:
        return {name: getattr(self.obj, name) for name in self.before}


class _Plan:
    """A model class's Python validators, and the inner objects whose class (or an inner one) has some."""

    __slots__ = ("after", "validators", "walk")

    def __init__(self, model: type[BaseModel]) -> None:
        names = tuple(model.model_fields)
        inner: list[tuple[str, int, _Plan]] = []
        for name, info in model.model_fields.items():
            tp = info.annotation
            while get_origin(tp) in (Union, types.UnionType, Annotated):
                tp = next(a for a in get_args(tp) if a is not type(None))
            args = get_args(tp)
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                inner.append((name, _ONE, plan_for(tp)))
            elif get_origin(tp) is list and isinstance(args[0], type) and issubclass(args[0], BaseModel):
                inner.append((name, _MANY, plan_for(args[0])))
        decorators = model.__pydantic_decorators__
        self.validators: list[tuple[str, tuple[str, ...], Callable[..., Any]]] = []
        for dec in decorators.field_validators.values():
            if dec.info.mode not in ("before", "after"):
                raise TypeError(f"{model.__name__}.{dec.cls_var_name}: a {dec.info.mode} validator")
            self.validators += [(field, names[:names.index(field)], dec.func) for field in dec.info.fields]
        self.validators.sort(key=lambda v: len(v[1]))
        self.after = [dec.func for dec in decorators.model_validators.values() if dec.info.mode == "after"]
        if len(self.after) != len(decorators.model_validators) or decorators.root_validators:
            raise TypeError(f"{model.__name__}: a validator this reader does not run")
        self.walk: list[tuple[str, int, _Plan]] = [(name, kind, plan) for name, kind, plan in inner
                                                   if plan.validators or plan.after or plan.walk]


def plan_for(model: type[BaseModel]) -> _Plan:
    if model not in _PLANS:
        _PLANS[model] = _Plan(model)
    return _PLANS[model]


def compiled_check(model: type[BaseModel]) -> Callable[[Any], None]:
    """The model's validators on a struct of ``model``, inner objects first, as straight code made once per class
    (no loop over the plan per object). Raises the validators' own errors (ValueError)."""
    return _compiled(plan_for(model))


def _compiled(plan: _Plan) -> Callable[[Any], None]:
    if id(plan) in _CHECKS:
        return _CHECKS[id(plan)]
    names: dict[str, Any] = {"_Info": _Info}
    body = []
    for index, (name, kind, inner) in enumerate(plan.walk):
        names[f"inner{index}"] = _compiled(inner)
        if kind == _ONE:
            body += [f"    v = o.{name}", "    if v is not None:", f"        inner{index}(v)"]
        else:
            body += [f"    for v in o.{name}:", f"        inner{index}(v)"]
    for index, (field, before, func) in enumerate(plan.validators):
        names[f"field{index}"], names[f"before{index}"] = func, before
        body.append(f"    o.{field} = field{index}(o.{field}, _Info(o, before{index}))")
    for index, func in enumerate(plan.after):
        names[f"after{index}"] = func
        body.append(f"    after{index}(o)")
    exec("def run(o):\n" + "\n".join(body or ["    pass"]), names)  # our own text, from the plan
    _CHECKS[id(plan)] = names["run"]
    run: Callable[[Any], None] = names["run"]
    return run


def own_check(model: type[BaseModel], obj: Any) -> None:
    """The validators of ``model``'s own class on ``obj`` (its field validators, then its model validators), not
    those of the objects it holds."""
    plan = plan_for(model)
    for field, before, func in plan.validators:
        setattr(obj, field, func(getattr(obj, field), _Info(obj, before)))
    for func in plan.after:
        func(obj)
