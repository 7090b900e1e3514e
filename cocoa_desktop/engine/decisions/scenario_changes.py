"""What-if changes to a survey, written ``PATH=VALUE`` (the CLI's ``--set``, the scenario editor's rows).

Levers with a meaning beyond setting one field (each keeps the survey valid and says what it keeps):

- ``husk.<destination>=SHARE`` (``0.8`` or ``80%``): that destination's share of the husk becomes SHARE. More
  of it is taken from the husk left to rot (heaped, other, spread) first, then from the other destinations,
  proportionally; less of it goes back to heaps (or, for a rotting destination, to compost).
- ``packaging.<bag type>=SHARE``: that bag type's share of the kg of bags becomes SHARE, the other types scaled
  to the rest; the same kg of bags in total (``packaging.jute_sack=100%``: jute instead of plastic).
- ``general.yield_kg_ha=V`` (or ``+20%``): production becomes area × V; bags and transport, which carry the cocoa,
  scale with it; fertiliser, area and land-use change do not.
- ``general.agroforestry_ha=V``: hectares under agroforestry (timber shade) become V, taken from monoculture
  blocks of the same age (the per-kg sequestration of PROMPERÚ 2020 does not see areas: only the IPCC set does).
- ``transport.vehicle=V``: every leg travels by that vehicle (legs measured in litres keep their litres).
- ``fertilisation.<type>=MULTIPLIER`` (``0``, ``50%``) scales that product's kg; ``fertilisation.<type>=<type>``
  replaces it by another product type with the same kg and N %.
- any other dotted path of the file format (``fermentation.method=sack``, ``transport.legs.0.distance=40``,
  ``general.campaign_year=2019``: a whole number stays one) sets that field.

Values may be words of either language (``yute``, ``Camión rígido``) or keys, numbers the Peruvian way (``0,8``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from cocoa_desktop.engine.decisions.footprint_parts import PRODUCTION_FIELDS
from cocoa_desktop.engine.model import vocabulary
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.model.numbers import parse_number
from cocoa_desktop.engine.model.sections import META_FIELDS, SECTIONS
from cocoa_desktop.engine.model.survey import FertiliserType, Survey

ROTTING = ("heaped", "other", "left_on_soil")  # where husk decomposes without treatment
MAX_CHANGES = 50
# What names a cooperative in the tables before and after: a scenario that renamed it would lose it.
IDENTITY = frozenset({"general.organisation"})


def _bad(path: str, es: str, en: str) -> SurveyValidationError:
    return SurveyValidationError([Issue(path or "(cambio)", "bad_change", es, en)])


@dataclass(frozen=True)
class Change:
    path: str
    value: str  # as written (kept for saving the scenario and for showing it)

    def __str__(self) -> str:
        return f"{self.path}={self.value}"


def parse_change(text: str) -> Change:
    path, sep, value = text.partition("=")
    path, value = path.strip(), value.strip()
    if not sep or not path or not value:
        raise _bad(path, f"«{text}»: escriba RUTA=VALOR, p. ej. husk.composted=80%",
                   f"“{text}”: write PATH=VALUE, e.g. husk.composted=80%")
    return Change(path, value)


_parse = lru_cache(maxsize=1024)(parse_number)  # a scenario's numbers: read once, not once per farm


def _number(change: Change, *, percent_of: float | None = None) -> float:
    """A number; ``80%`` is 0.8, or, with ``percent_of``, ``+20%`` is 1.2 × percent_of."""
    raw = change.value.replace("\u2212", "-")
    relative = percent_of is not None and raw[:1] in "+-" and raw.endswith("%")
    try:
        value = _parse(raw.rstrip("%"))
    except ValueError:
        raise _bad(change.path, f"«{change.value}» no es un número", f"“{change.value}” is not a number") from None
    if relative:
        return (percent_of or 0.0) * (1.0 + value / 100.0)
    return value / 100.0 if raw.endswith("%") else value


def _share(change: Change) -> float:
    value = _number(change)
    if not 0.0 <= value <= 1.0:
        raise _bad(change.path, f"«{change.value}»: una proporción va de 0 a 1 (0 % a 100 %)",
                   f"“{change.value}”: a share lies between 0 and 1 (0 % to 100 %)")
    return value


_KEYS: dict[tuple[int, str], str | None] = {}  # (a word list's id, text) → its key: once per scenario, not per farm
_UNSEEN = object()


def _key_of(words: vocabulary.Words, text: str) -> str | None:
    """vocabulary.key_of, remembered (the lists are the vocabulary's constants)."""
    found = _KEYS.get((id(words), text), _UNSEEN)
    if found is _UNSEEN:
        if len(_KEYS) > 4096:  # typed words: a session types a few dozen
            _KEYS.clear()
        found = _KEYS[(id(words), text)] = vocabulary.key_of(words, text)
    return found  # type: ignore[return-value]


def _key(words: vocabulary.Words, change: Change, text: str | None = None) -> str:
    key = _key_of(words, change.value if text is None else text)
    if key is None:
        known = ", ".join(str(k) for k in words)
        raise _bad(change.path, f"«{text or change.value}» no es una opción válida ({known})",
                   f"“{text or change.value}” is not a valid choice ({known})")
    return key


def _rebalanced(shares: dict[str, float], target: str, value: float) -> dict[str, float]:
    """Shares with ``target`` at ``value``, the difference taken from (or given to) the husk left to rot."""
    new = dict(shares)
    delta = value - new.get(target, 0.0)
    new[target] = value
    if delta > 0:
        for donors in ([d for d in ROTTING if d != target], [d for d in new if d != target and d not in ROTTING]):
            pool = sum(new.get(d, 0.0) for d in donors)
            if pool <= 0:
                continue
            taken = min(delta, pool)
            for d in donors:
                new[d] = new.get(d, 0.0) * (1.0 - taken / pool)
            delta -= taken
            if delta <= 1e-15:
                break
    elif delta < 0:
        receiver = "composted" if target in ROTTING else "heaped"
        new[receiver] = new.get(receiver, 0.0) - delta
    return {k: v for k, v in new.items() if v > 1e-15}


def _husk(doc: dict[str, Any], change: Change, destination: str) -> None:
    destination = _key(vocabulary.HUSK, change, destination)
    doc["husk"]["shares"] = _rebalanced(doc["husk"]["shares"], destination, _share(change))


def _bag_kg(bag: dict[str, Any]) -> float:
    if bag.get("material_kg_per_year") is not None:
        return bag["material_kg_per_year"]
    return (bag.get("bags_per_year") or 0.0) * (bag.get("kg_per_bag") or 0.0)


def _packaging(doc: dict[str, Any], change: Change, bag_type: str) -> None:
    bag_type = _key(vocabulary.BAG, change, bag_type)
    share = _share(change)
    bags = doc["packaging"]
    total = sum(_bag_kg(b) for b in bags)
    if total <= 0:
        raise _bad(change.path, "esta encuesta no registra envases: no hay kg que repartir",
                   "this survey records no bags: there are no kg to share out")
    others = sum(_bag_kg(b) for b in bags if b["type"] != bag_type)
    kept = [{**b, "material_kg_per_year": _bag_kg(b) * (1.0 - share) * total / others,
             "bags_per_year": None, "kg_per_bag": None} for b in bags if b["type"] != bag_type and others > 0]
    doc["packaging"] = [*kept, {"type": bag_type, "material_kg_per_year": share * total, "reuse_cycles": 1.0}]
    doc["packaging"] = [b for b in doc["packaging"] if b["material_kg_per_year"] > 0]


def _production(doc: dict[str, Any]) -> float:
    """The production of the survey as changed so far, every section of it checked as the survey model checks it."""
    if "id" in doc:  # the whole survey
        return Survey.model_validate(doc).production_kg
    checked = {name: section_of(name, content) for name, content in doc.items()}  # some sections: apply_to_sections
    return float(checked["general"].production_kg)


def _yield(doc: dict[str, Any], change: Change, before: float | None = None) -> None:
    """``before``: the production when nothing has been changed yet (the survey's own, valid)."""
    general = doc["general"]
    area = general["productive_area_ha"]
    before = _production(doc) if before is None else before
    if area <= 0:
        raise _bad(change.path, "sin área productiva no hay rendimiento", "without a productive area there is no yield")
    after = _number(change, percent_of=before / area) * area
    if after < 0:
        raise _bad(change.path, "el rendimiento no puede ser negativo", "the yield cannot be negative")
    general.update(dry_cocoa_kg=after, wet_cocoa_kg=None, wet_to_dry_ratio=None)
    k = after / before if before > 0 else 0.0
    for bag in doc["packaging"]:  # bags and trips carry the cocoa: they follow the production
        for key in ("material_kg_per_year", "bags_per_year"):
            if bag.get(key) is not None:
                bag[key] *= k
    for leg in doc["transport"]["legs"]:
        leg["trips_per_year"] *= k
        if leg.get("litres_per_year") is not None:
            leg["litres_per_year"] *= k


def _agroforestry(doc: dict[str, Any], change: Change) -> None:
    target = _number(change)
    areas = doc["general"]["areas"]
    agro = sum(b["hectares"] for b in areas if b["system"] != "monoculture")
    mono = sum(b["hectares"] for b in areas if b["system"] == "monoculture")
    if not agro <= target <= agro + mono:
        raise _bad(change.path,
                   f"el área agroforestal puede ir de {agro:g} ha (la actual) a {agro + mono:g} ha (toda la registrada "
                   "por sistema)", f"the agroforestry area can go from {agro:g} ha (today's) to {agro + mono:g} ha "
                   "(all the area recorded by system)")
    moved = (target - agro) / mono if mono else 0.0
    new = []
    for block in areas:
        if block["system"] == "monoculture" and moved:
            new.append({**block, "hectares": block["hectares"] * (1 - moved)})
            new.append({**block, "system": "agroforestry_timber", "hectares": block["hectares"] * moved})
        else:
            new.append(block)
    doc["general"]["areas"] = [b for b in new if b["hectares"] > 0]


def _fertiliser(doc: dict[str, Any], change: Change, product: str) -> None:
    product = _key(vocabulary.FERTILISER, change, product)
    replacement = _key_of(vocabulary.FERTILISER, change.value)
    for item in doc["fertilisation"]["products"]:
        if item["type"] != product:
            continue
        if replacement is not None:
            item["type"] = replacement
            continue
        k = _number(change)
        if k < 0:
            raise _bad(change.path, "la cantidad no puede ser negativa", "the amount cannot be negative")
        for key in ("kg_per_year", "kg_per_ha"):
            if item.get(key) is not None:
                item[key] *= k


def _set_path(doc: dict[str, Any], change: Change) -> None:
    parts = change.path.split(".")
    node: Any = doc
    try:
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        last: Any = int(parts[-1]) if isinstance(node, list) else parts[-1]
        if (last not in node) if isinstance(node, dict) else not 0 <= last < len(node):
            raise KeyError(last)
    except (KeyError, IndexError, ValueError, TypeError):
        raise _bad(change.path, f"«{change.path}» no es un dato de la encuesta",
                   f"“{change.path}” is not a field of the survey") from None
    old = node[last]
    if isinstance(old, dict | list):  # a whole leg, block or list: replaced by one value, the survey is gone
        raise _bad(change.path, f"«{change.path}» es un grupo de datos, no un dato: indique uno de sus campos "
                   "(p. ej. transport.legs.0.distance)", f"“{change.path}” is a group of fields, not a field: name "
                   "one of its fields (e.g. transport.legs.0.distance)")
    if change.path in IDENTITY:
        raise _bad(change.path, f"«{change.path}» dice quién es la unidad, no lo que hace: un escenario no lo "
                   "cambia", f"“{change.path}” says who the unit is, not what it does: a scenario cannot change it")
    if isinstance(old, bool):
        node[last] = change.value.lower() in ("true", "1", "sí", "si", "yes")
    elif isinstance(old, int | float) or old is None:
        try:
            value = _number(change)
            # a whole number stays one (a year, producers): the survey model takes no 2030.0 for them
            node[last] = int(value) if isinstance(old, int) and value.is_integer() else value
        except SurveyValidationError:
            if old is not None:
                raise
            node[last] = change.value
    else:  # a choice may be written in words of either language
        words = next((w for w in vocabulary.LISTS.values() if old in w), None)
        node[last] = (_key_of(words, change.value) if words else None) or change.value


_ALIASES = {"compost": "composted", "jute": "jute_sack", "yute": "jute_sack"}
_FERTILISERS = frozenset(t.value for t in FertiliserType)
Lever = Callable[[dict[str, Any]], None]


def _vehicle(doc: dict[str, Any], change: Change) -> None:
    vehicle = _key(vocabulary.VEHICLE, change)
    for leg in doc["transport"]["legs"]:
        leg["vehicle"] = vehicle


@lru_cache(maxsize=256)  # once per scenario, not per farm
def _route(change: Change) -> tuple[Lever, frozenset[str] | None]:
    """What the change does to a survey document, and what it writes (None: beyond the survey's sections): a
    section's name, or ``general.<field>`` for one field of the general section (every other section is written
    whole). The sections of these names are also all that it reads."""
    head, _, rest = change.path.partition(".")
    rest = _ALIASES.get(rest, rest)
    if head == "husk" and rest and _key_of(vocabulary.HUSK, rest):
        return (lambda doc: _husk(doc, change, rest)), frozenset({"husk"})
    if head == "packaging" and rest and _key_of(vocabulary.BAG, rest):
        return (lambda doc: _packaging(doc, change, rest)), frozenset({"packaging"})
    if change.path == "general.yield_kg_ha":  # bags and trips follow the production
        return (lambda doc: _yield(doc, change)), PRODUCTION_FIELDS | {"packaging", "transport"}
    if change.path == "general.agroforestry_ha":
        return (lambda doc: _agroforestry(doc, change)), frozenset({"general.areas"})
    if change.path == "transport.vehicle":
        return (lambda doc: _vehicle(doc, change)), frozenset({"transport"})
    if head == "fertilisation" and rest in _FERTILISERS:
        return (lambda doc: _fertiliser(doc, change, rest)), frozenset({"fertilisation"})
    if head == "general":  # one field of it (a field that is not there: the lever says so)
        return (lambda doc: _set_path(doc, change)), frozenset({".".join(change.path.split(".")[:2])})
    # a section, or a field of the survey's own (its unit, its notes: a section of their own here)
    return (lambda doc: _set_path(doc, change)), (frozenset({head}) if head in SECTIONS or head in META_FIELDS
                                                  else None)


def _lever(doc: dict[str, Any], change: Change) -> None:
    _route(change)[0](doc)


def written(changes: Sequence[Change]) -> frozenset[str] | None:
    """What the changes may write: sections (the survey's own fields ``unit``, ``notes``, ``estimated_fields`` each
    one), and fields of the general section as ``general.<field>``; None when one is not a field of the survey (its
    id, a section that is not there)."""
    found: set[str] = set()
    for change in changes:
        names = _route(change)[1]
        if names is None:
            return None
        found |= names
    return frozenset(found)


def touched(changes: Sequence[Change]) -> frozenset[str] | None:
    """The survey sections the changes read and write (the survey's own fields ``unit``, ``notes``,
    ``estimated_fields`` each one); None when one is not a field of the survey (its error is then the whole survey's,
    as :func:`apply` says it)."""
    names = written(changes)
    return None if names is None else frozenset(name.partition(".")[0] for name in names)


@cache
def _adapter(section: str) -> TypeAdapter[Any]:
    """The survey model's rules for one section (its field's type and bounds, e.g. at most 1,000 bags)."""
    field = Survey.model_fields[section]
    kind: Any = field.annotation
    if field.metadata:
        kind = Annotated.__class_getitem__((kind, *field.metadata))  # type: ignore[attr-defined]
    return TypeAdapter(kind)


def section_of(section: str, content: Any) -> Any:
    """A stored section's content validated as the survey model validates it (pydantic's ValidationError else)."""
    return _adapter(section).validate_python(content)


def apply_to_sections(sections: Mapping[str, Any], changes: Sequence[Change]) -> dict[str, Any]:
    """The changes applied to some sections of a valid survey (validated models, as the survey holds them; they must
    include every section of :func:`touched`): the changed sections, validated. Whatever goes wrong raises (a
    pydantic ValidationError, a SurveyValidationError, a KeyError for a section not given …): :func:`apply` on the
    whole survey then says it in its words. The other sections, valid and untouched, cannot change the verdict."""
    doc = {name: _adapter(name).dump_python(value, mode="json") for name, value in sections.items()}
    for i, change in enumerate(changes):
        if change.path == "general.yield_kg_ha":  # the yield reads the production of the survey as changed so far
            _yield(doc, change, _production_so_far(sections, doc, changes[:i]))
        else:
            _lever(doc, change)
    return {name: section_of(name, doc[name]) for name in sections}


def _production_so_far(sections: Mapping[str, Any], doc: dict[str, Any], earlier: Sequence[Change]) -> float:
    """:func:`_production` of some sections, checking only those the earlier changes wrote: the others are still the
    valid sections given (a few times faster, the same verdict and figure)."""
    written = touched(earlier) or frozenset()
    checked = {name: section_of(name, doc[name]) for name in doc if name in written}
    return float((checked["general"] if "general" in checked else sections["general"]).production_kg)


def apply(survey: Survey, changes: list[Change]) -> Survey:
    """A new, validated survey with the changes applied in order (the original is not touched; the sections no change
    touches are shared with it, not copied: treat both as read-only).

    Only the sections the changes touch are written out, changed and validated again (the whole survey made ~0.5 ms
    of a scenario's ~0.6 ms per farm); when that cannot be done, or fails, the whole survey is, and its error is the
    one the caller sees."""
    if len(changes) > MAX_CHANGES:
        raise _bad("", f"demasiados cambios (más de {MAX_CHANGES})", f"too many changes (more than {MAX_CHANGES})")
    names = touched(changes)
    if names is not None:
        try:
            return survey.model_copy(update=apply_to_sections({n: getattr(survey, n) for n in names}, changes))
        except Exception:  # the whole survey below gives the same verdict, in its words
            pass
    doc = survey.model_dump(mode="json")
    try:  # a lever reads the survey as changed so far (the yield its production): an earlier change may spoil it
        for change in changes:
            _lever(doc, change)
        return Survey.model_validate(doc)
    except ValidationError as exc:
        raise SurveyValidationError(issues_from_validation_error(exc), source=", ".join(map(str, changes))) from None
