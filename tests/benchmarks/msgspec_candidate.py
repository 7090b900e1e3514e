"""The msgspec candidate of issue 22: msgspec Structs derived at run time from the pydantic survey model (one model:
nothing here is written by hand but the rules of translation), and campaign readers built on them that give the
structs, or None (then the caller reads the strict way, with the model's own messages). Measured by
bench_loader.py and bench_msgspec.py (which also runs the differential check); not used by the app: its round trip
became ``compute FILE``'s bulk reader, cocoa_desktop/engine/files/fast_campaign.py and fast_structs.py (there a
line that does not round-trip is read by the model's line reader instead of the whole file the strict way).

The derivation, class by class of engine/model/survey.py:

- every field, in order, with its type: float/int/str/bool, StrEnum, ``T | None``, ``list[T]``, ``dict[K, V]``, a
  nested model (its own Struct); the constraints of ``Annotated``/``Field`` (ge, gt, le, lt, min/max length, the
  pattern) as ``msgspec.Meta``; ``Strict`` and ``allow_inf_nan=False`` need nothing (msgspec refuses true/false and
  "1e3" for a number, 1.0 for a whole number, NaN/Infinity, and 1e400 is "out of range"); any other metadata but
  the wizard's ``Asked`` stops the derivation (a change of the model cannot slip past);
- patterns are pydantic's Rust syntax: ``\\x{FFFE}`` becomes ``\\U0000fffe`` and a final ``$`` becomes ``\\Z``
  (Python's ``$`` also matches before a last line break: an id ``"a\\n"`` would pass);
- the model's properties (``production_kg``, ``mass_kg`` …) are copied onto the structs: the engine finds the
  same attributes; the model's Python validators (``model_validator(mode="after")``, ``field_validator``
  before/after) are not translated: :func:`check` (or :func:`compiled_check`) calls the model's own functions on
  the structs, inner objects first, with an ``info`` whose ``data`` holds the fields before (as pydantic's).

msgspec, like pydantic's JSON reader, keeps the last of two equal keys; the app's strict reading refuses them. Two
ways to refuse them here, as engine/files/survey_lines.py does with pydantic:

- keys counted (:func:`campaign`): Structs whose every default is ``UNSET``; :func:`finish` puts the model's
  defaults in place and counts the keys the text gave, compared with the ``":`` of the line;
- round trip (:func:`campaign_round_trip`): Structs with the model's defaults; a line counts only when msgspec's
  encoding of what it decoded is the line itself (so no key twice, none missing): true of every line the app
  writes, but for a number it writes otherwise (Python's ``1e+16``, msgspec's ``1e16``): such a file, and every
  file of other hands, is read the strict way.
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

from cocoa_desktop.engine.files import survey_lines
from cocoa_desktop.engine.model.survey import Campaign, Survey

UNSET = msgspec.UNSET
_ONE, _MANY, _MAP = 1, 2, 3
_STRUCTS: dict[tuple[type[BaseModel], bool], type[msgspec.Struct]] = {}
_PLANS: dict[type, _Plan] = {}


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
            found["pattern"] = item.pattern  # type: ignore[attr-defined]
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


def struct_type(tp: Any, metadata: tuple = (), unset: bool = True) -> Any:
    """The msgspec type of a pydantic annotation (with the field's own metadata)."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is Annotated:
        return struct_type(args[0], (*tp.__metadata__, *metadata), unset)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1 or len(args) != 2:
            raise TypeError(f"no msgspec translation for {tp}")
        return struct_type(inner[0], metadata, unset) | None
    if origin is list:
        base: Any = list[struct_type(args[0], (), unset)]  # type: ignore[misc]
    elif origin is dict:
        base = dict[struct_type(args[0], (), unset), struct_type(args[1], (), unset)]  # type: ignore[misc]
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        base = struct_for(tp, unset)
    elif tp in (float, int, str, bool) or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        base = tp
    else:
        raise TypeError(f"no msgspec translation for {tp}")
    found = _constraints(metadata)
    return Annotated[base, msgspec.Meta(**found)] if found else base


def struct_for(model: type[BaseModel], unset: bool = True) -> type[msgspec.Struct]:
    """The Struct of a pydantic model class (made once). ``unset``: every default is UNSET, for :func:`finish`
    to fill and count; else the model's own defaults (a model's default a Struct of its defaults)."""
    if (model, unset) in _STRUCTS:
        return _STRUCTS[model, unset]
    fields: list[tuple[Any, ...]] = []
    for name, info in model.model_fields.items():
        if info.alias not in (None, name):
            raise TypeError(f"{model.__name__}.{name}: an alias has no translation here")
        tp = struct_type(info.annotation, tuple(info.metadata), unset)
        factory = info.default_factory
        if info.default is PydanticUndefined and factory is None:
            fields.append((name, tp))
        elif unset:
            fields.append((name, tp | msgspec.UnsetType, UNSET))
        elif factory is None:
            if isinstance(info.default, (list, dict, set)):
                raise TypeError(f"{model.__name__}.{name}: a mutable default")
            fields.append((name, tp, info.default))
        else:
            if isinstance(factory, type) and issubclass(factory, BaseModel):
                factory = struct_for(factory, unset)
            fields.append((name, tp, msgspec.field(default_factory=factory)))  # type: ignore[arg-type]
    namespace = {k: v for k, v in vars(model).items() if isinstance(v, property)}
    if model.model_config.get("extra") != "forbid":
        raise TypeError(f"{model.__name__}: the model accepts unknown keys, a Struct here does not")
    made = msgspec.defstruct(model.__name__ + ("Struct" if unset else "Plain"), fields, kw_only=True,
                             forbid_unknown_fields=True, namespace=namespace, module=__name__)
    _STRUCTS[model, unset] = made
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
    __slots__ = ("after", "defaults", "fields", "inner", "names", "required", "validators", "walk")

    def __init__(self, model: type[BaseModel]) -> None:
        self.names = tuple(model.model_fields)
        self.required = 0
        self.defaults: list[tuple[str, Any, Callable[[], Any] | None]] = []
        self.inner: list[tuple[str, int, _Plan | None]] = []
        for name, info in model.model_fields.items():
            if info.default is PydanticUndefined and info.default_factory is None:
                self.required += 1
            else:
                factory = info.default_factory
                if isinstance(factory, type) and issubclass(factory, BaseModel):
                    factory = struct_for(factory)
                self.defaults.append((name, info.default, factory))  # type: ignore[arg-type]
            tp = info.annotation
            while get_origin(tp) in (Union, types.UnionType, Annotated):
                tp = next(a for a in get_args(tp) if a is not type(None))
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                self.inner.append((name, _ONE, plan_for(tp)))
            elif get_origin(tp) is list and isinstance(get_args(tp)[0], type) and issubclass(get_args(tp)[0],
                                                                                                 BaseModel):
                self.inner.append((name, _MANY, plan_for(get_args(tp)[0])))
            elif get_origin(tp) is dict:
                self.inner.append((name, _MAP, None))
        decorators = model.__pydantic_decorators__
        self.validators: list[tuple[str, tuple[str, ...], Callable[..., Any]]] = []
        for dec in decorators.field_validators.values():
            if dec.info.mode not in ("before", "after"):
                raise TypeError(f"{model.__name__}.{dec.cls_var_name}: a {dec.info.mode} validator")
            self.validators += [(field, self.names[:self.names.index(field)], dec.func)
                                for field in dec.info.fields]
        self.validators.sort(key=lambda v: len(v[1]))
        self.after = [dec.func for dec in decorators.model_validators.values() if dec.info.mode == "after"]
        if len(self.after) != len(decorators.model_validators) or decorators.root_validators:
            raise TypeError(f"{model.__name__}: a validator the candidate does not run")
        self.fields = len(self.names)
        # the inner objects whose class, or an inner one, has a validator: all check() visits
        self.walk = [(name, kind, inner) for name, kind, inner in self.inner
                     if inner is not None and (inner.validators or inner.after or inner.walk)]


def plan_for(model: type[BaseModel]) -> _Plan:
    if model not in _PLANS:
        _PLANS[model] = _Plan(model)
    return _PLANS[model]


def validator_names() -> list[str]:
    """Every Python validator of the survey and campaign models, as ``Class.function (kind)``."""
    for model in (Campaign, Survey):
        plan_for(model)
    found = []
    for model, plan in _PLANS.items():
        found += [f"{model.__name__}.{f.__name__} (field {field})" for field, _, f in plan.validators]
        found += [f"{model.__name__}.{f.__name__} (model, after)" for f in plan.after]
    return found


def finish(obj: Any, plan: _Plan, validate: bool = True) -> int:
    """Put the model's defaults in place of UNSET, run the model's validators (``validate``), inner objects
    first; the number of keys the text gave (as given_keys counts them). Raises the validators' errors."""
    given = plan.required
    fresh = []
    for name, default, factory in plan.defaults:
        if getattr(obj, name) is UNSET:
            setattr(obj, name, default if factory is None else factory())
            fresh.append(name)
        else:
            given += 1
    for name, kind, inner in plan.inner:
        value = getattr(obj, name)
        if fresh and name in fresh:  # a default: holds no key of the text
            if kind == _ONE:
                finish(value, inner, False)  # type: ignore[arg-type]  # a section of UNSET: its defaults
            continue
        if kind == _ONE:
            if value is not None:
                given += finish(value, inner, validate)  # type: ignore[arg-type]
        elif kind == _MANY:
            for item in value:
                given += finish(item, inner, validate)  # type: ignore[arg-type]
        else:
            given += len(value)
    if validate:
        for field, before, func in plan.validators:
            setattr(obj, field, func(getattr(obj, field), _Info(obj, before)))
        for func in plan.after:
            func(obj)
    return given


def check(obj: Any, plan: _Plan) -> None:
    """The model's validators on a struct of the model's own defaults (no UNSET), inner objects first."""
    for name, kind, inner in plan.walk:
        value = getattr(obj, name)
        if kind == _ONE:
            if value is not None:
                check(value, inner)  # type: ignore[arg-type]
        else:
            for item in value:
                check(item, inner)  # type: ignore[arg-type]
    for field, before, func in plan.validators:
        setattr(obj, field, func(getattr(obj, field), _Info(obj, before)))
    for func in plan.after:
        func(obj)


_CHECKS: dict[int, Callable[[Any], None]] = {}


def compiled_check(plan: _Plan) -> Callable[[Any], None]:
    """:func:`check` for one class as straight code (made once): no loop over the plan per object."""
    if id(plan) in _CHECKS:
        return _CHECKS[id(plan)]
    names: dict[str, Any] = {"_Info": _Info}
    body = []
    for index, (name, kind, inner) in enumerate(plan.walk):
        names[f"inner{index}"] = compiled_check(inner)  # type: ignore[arg-type]
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
    return names["run"]


SurveyStruct = struct_for(Survey)
CampaignStruct = struct_for(Campaign)
_SURVEY_PLAN, _CAMPAIGN_PLAN = plan_for(Survey), plan_for(Campaign)
_LINE = msgspec.json.Decoder(SurveyStruct)
_KEY_END = b'":'


def _body(data: bytes, format_name: str, version: int) -> tuple[dict, int, int] | None:
    """The campaign's head fields, and where its survey lines start and end (survey_lines.campaign's cut, the
    file not copied)."""
    found = survey_lines.head(data, format_name, version)
    if found is None:
        return None
    end = len(data)
    while end and data[end - 1] in b" \t\r\n":
        end -= 1
    if data[end - 3:end] != b"]}}":
        return None
    end -= 3
    while end > found[1] and data[end - 1] in b" \t\r\n":
        end -= 1
    return found[0], found[1], end


def survey(line: bytes, validate: bool = True) -> Any | None:
    """The struct of one survey line, or None when the strict reading must tell (as survey_lines.survey)."""
    if b"\\" in line or b"\t" in line or b"\r" in line or b'" ' in line:
        return None  # the key count is not exact: the strict reading reads it
    try:
        found = _LINE.decode(line)
        if finish(found, _SURVEY_PLAN, validate) != line.count(_KEY_END):
            return None
    except (msgspec.ValidationError, msgspec.DecodeError, ValueError):  # ValueError: PydanticCustomError
        return None
    return found


def campaign(data: bytes, format_name: str, version: int, validate: bool = True) -> Any | None:
    """A campaign of structs when ``data`` is in the app's layout and every line reads (survey_lines.campaign's
    loop, each line decoded by msgspec); else None: the caller reads the strict way, for its messages."""
    found = _body(data, format_name, version)
    if found is None:
        return None
    fields, start, end = found
    lines = data[start:end].split(b"\n")
    surveys = []
    for index, line in enumerate(lines):
        line = line.strip(b" \t\r\n")
        if line.endswith(b",") == (index == len(lines) - 1):  # a comma after each survey but the last
            return None
        item = survey(line[:-1].rstrip(b" \t\r\n") if line.endswith(b",") else line, validate) if line else None
        if item is None:
            return None
        surveys.append(item)
    fields["surveys"] = []
    try:
        result = msgspec.convert(fields, CampaignStruct)
        finish(result, _CAMPAIGN_PLAN, validate)
    except (msgspec.ValidationError, ValueError):
        return None
    result.surveys = surveys
    if validate:
        try:
            for func in _CAMPAIGN_PLAN.after:
                func(result)
        except ValueError:
            return None
    return result


SurveyPlain = struct_for(Survey, unset=False)
CampaignPlain = struct_for(Campaign, unset=False)
_PLAIN_LINE = msgspec.json.Decoder(SurveyPlain)
_CHECK_SURVEY = compiled_check(_SURVEY_PLAN)
_ENCODE = msgspec.json.Encoder().encode


def survey_round_trip(line: bytes, validate: bool = True) -> Any | None:
    """The struct of one survey line when the line is exactly msgspec's own encoding of what it decodes to (so no
    key twice, none missing: every field written, as the app writes), then checked by the model's validators;
    None otherwise (a number written 1e+16 where msgspec writes 1e16, say: the strict reading reads it)."""
    try:
        found = _PLAIN_LINE.decode(line)
        if _ENCODE(found) != line:
            return None
        if validate:
            _CHECK_SURVEY(found)
    except (msgspec.ValidationError, msgspec.DecodeError, ValueError):
        return None
    return found


def campaign_round_trip(data: bytes, format_name: str, version: int, validate: bool = True) -> Any | None:
    """:func:`campaign` with :func:`survey_round_trip` for each line."""
    found = _body(data, format_name, version)
    if found is None:
        return None
    fields, start, end = found
    lines = data[start:end].split(b"\n")
    last = len(lines) - 1
    surveys = []
    for index, line in enumerate(lines):
        if line.endswith(b",") == (index == last):  # a comma after each survey but the last
            return None
        item = survey_round_trip(line if index == last else line[:-1], validate)
        if item is None:
            return None
        surveys.append(item)
    fields["surveys"] = []
    try:
        result = msgspec.convert(fields, CampaignPlain)
        result.surveys = surveys
        if validate:
            for func in _CAMPAIGN_PLAN.after:
                func(result)
    except (msgspec.ValidationError, ValueError):
        return None
    return result
