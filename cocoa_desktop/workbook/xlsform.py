"""The survey as an XLSForm, for phones: ODK Collect and KoboToolbox read it and collect offline (issue 23, point 1).

Generated from the field walk (engine/model/fields.py), never written by hand: one question per leaf a technician types,
in the wizard's pages and order (one ``begin group`` per page, a ``begin repeat`` per list), the model's bounds as
constraints with the app's own messages (engine/model/issues.py), the workbook's labels, units and hints
(workbook/layout.py) and the vocabulary's choice words (engine/model/vocabulary.py), in Spanish and English.

Percentages are typed as the wizard takes them, 40 for 40 % (the model holds 0.4): :func:`to_model` says which
answers are divided by 100. A question's name is its leaf path with ``__`` for the dots (``general__dry_cocoa_kg``,
``fertilisation__products__n_percent`` inside the fertilisers' repeat), so every name is a valid XML name, unique in
the form, and :func:`leaf_path` reads a submission's column back as the leaf (the import of submissions, point 2).
A repeat is named like its list (``general__areas``); the pages, the sums of shares and the survey's id have
names without ``__`` (``page_husk``, ``husk_shares_sum``, ``survey_id``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from cocoa_desktop import __version__
from cocoa_desktop.engine.files.survey_io import checked_output
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.fields import ITEM, Leaf, leaves, with_asked
from cocoa_desktop.engine.model.issues import message_of
from cocoa_desktop.engine.model.sections import GENERAL_PAGES, PAGES
from cocoa_desktop.engine.words import LANGUAGES, language, pick
from cocoa_desktop.workbook.layout import DATA_SHEETS_BEFORE_CALC, Col
from cocoa_desktop.workbook.leaves import place
from cocoa_desktop.workbook.units import unit_in
from cocoa_desktop.workbook.xlsx import written_atomically

FORM_ID = "cocoa_desktop_survey"
FORM_TITLE = ("Huella de carbono del cacao — encuesta", "Cocoa carbon footprint — survey")
LANGUAGE_NAMES = {"es": "Español (es)", "en": "English (en)"}  # XLSForm's "name (code)" column suffixes
SURVEY_ID = "survey_id"  # the survey's unique id, calculated once on the phone: Survey.id
NOT_ASKED = {"estimated_fields": "set by the app (reconstructions, the example data), not typed"}


def _placed(paths: tuple[str, ...]) -> tuple[str, ...]:
    """``paths`` with the fields declared with their words in the model (engine/model/asked.py) where the wizard asks
    them."""
    return tuple(with_asked(paths, str, lambda leaf: leaf.path))


# The wizard asks "general" on two pages: who and when (with the meta fields), then production and areas. The
# cooperative and the farm come first (on a phone the survey is of one farm); the rest in the wizard's order.
ORGANISATION = _placed(("general.organisation", "general.farm_name", "unit", "general.campaign_year",
                        "general.region", "general.technician", "general.producers", "notes"))
PRODUCTION_ORDER = _placed(("general.productive_area_ha", "general.dry_cocoa_kg", "general.wet_cocoa_kg",
                            "general.wet_to_dry_ratio", "general.cocoa_trees_per_ha", "general.shade_trees_per_ha"))
FORM_PAGES = tuple(page for page in PAGES if page != "results")
# the wizard's page titles and table titles, in its words (tests/test_xlsform.py checks them against the wizard
# and its Spanish catalogue)
PAGE_TITLES: dict[str, tuple[str, str]] = {
    "organisation": ("Organización y campaña", "Organisation and campaign"),
    "production": ("Producción y áreas", "Production and areas"),
    "husk": ("Manejo de la cáscara", "Husk management"),
    "fertilisation": ("Abonamiento, compostaje y control de plagas", "Fertilisation, composting and pest control"),
    "fermentation": ("Fermentación", "Fermentation"),
    "drying": ("Secado", "Drying"),
    "packaging": ("Envasado", "Packaging"),
    "transport": ("Transporte", "Transport"),
    "sequestration": ("Secuestro", "Sequestration"),
    "land_use_change": ("Cambio de uso del suelo", "Land-use change"),
}
TABLE_TITLES: dict[str, tuple[str, str]] = {
    "general.areas": ("Áreas por sistema y edad", "Areas by system and age"),
    "fertilisation.products": ("Abonos y enmiendas", "Fertilisers and amendments"),
    "fertilisation.pesticides": ("Plaguicidas", "Pesticides"),
    "fertilisation.fuels": ("Combustible de motoguadañas y fumigadoras", "Fuel for brush-cutters and sprayers"),
    "drying.fuels": ("Combustible de secadoras", "Fuel for dryers"),
    "packaging": ("Envases", "Bags"),
    "transport.legs": ("Tramos de transporte", "Transport legs"),
    "land_use_change.conversions": ("Conversiones", "Conversions"),
}
# shares that must sum to 100 %: their prefix → (their words, the page's subtitle in the wizard)
SHARE_SETS: dict[str, tuple[v.Words, tuple[str, str]]] = {
    "husk.shares": (v.HUSK, (
        "Qué pasa con la cáscara de la mazorca, en porcentaje de su peso. Los porcentajes deben sumar 100 %.",
        "What happens to the cocoa pod husk, in percent of its weight. The shares must add up to 100 %.")),
    "drying.shares": (v.DRYING, (
        "Cómo se seca el cacao, en porcentaje del cacao. Los porcentajes deben sumar 100 %.",
        "How the cocoa is dried, in percent of the cocoa. The shares must add up to 100 %.")),
}
PERCENT_HINT = ("Escriba porcentajes: 40 para 40 %, no 0,4.", "Type percentages: 40 for 40 %, not 0.4.")
SUM_WORDS = ("Suma de proporciones", "Sum of shares")  # the workbook's words for the sum
SHARE_TOLERANCE_PCT = 0.1  # survey.SHARE_TOLERANCE, in percentage points
# The model's defaults, as the form pre-fills them (tests/test_xlsform.py checks each against the model), but the
# unit: a phone goes to a farm, where the model's default is a whole cooperative. Shares start empty: the first
# one typed is the technician's, not a default to clear.
DEFAULTS: dict[str, str] = {
    "unit": "farm", "general.region": "San Martín", "general.producers": "1", "fertilisation.data_collected": "yes",
    "fermentation.method": "box", "fermentation.fermented_share": "100", "fermentation.on_farm_share": "100",
    "packaging[].reuse_cycles": "1", "transport.legs[].trips_per_year": "1", "transport.legs[].distance_unit": "km",
    "land_use_change.conversions[].previous_use": "primary_forest",
}
MULTILINE = {"notes", "sequestration.shade_trees_inventory", "husk.compost_method"}
SURVEY_COLUMNS = ("type", "name", "label", "hint", "required", "required_message", "constraint",
                  "constraint_message", "relevant", "calculation", "default", "appearance")
TRANSLATED = {"label", "hint", "required_message", "constraint_message"}


def field_name(path: str) -> str:
    """A leaf's (or a list's) name in the form: ``general.areas[].hectares`` → ``general__areas__hectares``."""
    return path.replace(ITEM, "").replace(".", "__")


@cache
def _paths() -> dict[str, str]:
    found = {field_name(leaf.path): leaf.path for leaf in asked()}
    if len(found) != len(asked()) or SURVEY_ID in found:
        raise ValueError("two questions of the form would have the same name")
    return found


def leaf_path(name: str) -> str | None:
    """The leaf a question of the form answers (``general__dry_cocoa_kg`` → ``general.dry_cocoa_kg``); None for a
    name that is no leaf (a group, a sum, ``survey_id``, ODK's own columns)."""
    return _paths().get(name)


def is_percent(leaf: Leaf) -> bool:
    """Typed as a percentage on the phone (40 for 40 %), held as a fraction (0.4) by the model: the workbook's
    share columns (husk and drying shares, the shares fermented and fermented on the farm)."""
    return _column(leaf).kind == "share"


def to_model(path: str, answer: float) -> float:
    """A number answered in the form as the model holds it (a percentage divided by 100)."""
    return answer / 100.0 if is_percent(_leaf_of(path)) else answer


@cache
def asked() -> tuple[Leaf, ...]:
    """Every leaf the form asks (all but NOT_ASKED), in the form's order."""
    return tuple(leaf for page in FORM_PAGES for leaf in page_leaves(page))


def page_of(leaf: Leaf) -> str:
    """The wizard page that asks a leaf: "organisation" or "production" for ``general`` and the meta fields, else
    the leaf's section."""
    if leaf.path in ORGANISATION:
        return GENERAL_PAGES[0]
    return GENERAL_PAGES[1] if leaf.section in ("general", "meta") else leaf.section


def page_leaves(page: str) -> list[Leaf]:
    """A page's leaves in the wizard's order: its own fields (shares in the vocabulary's order), then its lists."""
    mine = [leaf for leaf in leaves() if leaf.path not in NOT_ASKED and page_of(leaf) == page]
    first = {path: i for i, path in enumerate((*ORGANISATION, *PRODUCTION_ORDER))}
    share = {f"{prefix}.{key}": i for prefix, (words, _) in SHARE_SETS.items() for i, key in enumerate(words)}

    def rank(i: int) -> tuple[int, int]:  # the explicit orders first; a set of shares where its first share is
        path, prefix = mine[i].path, _share_set(mine[i])
        if path in first:
            return first[path], 0
        start = next((j for j, leaf in enumerate(mine) if _share_set(leaf) == prefix), i) if prefix else i
        return len(first) + start, share.get(path, 0)

    fields = sorted((i for i, leaf in enumerate(mine) if not leaf.table), key=rank)
    return [mine[i] for i in fields] + [leaf for leaf in mine if leaf.table]


@cache
def _columns() -> dict[tuple[str, str], Col]:
    return {(spec.key, col.key): col for spec in DATA_SHEETS_BEFORE_CALC for col in spec.columns}


def _column(leaf: Leaf) -> Col:
    return _columns()[place(leaf)]


@cache
def _by_path() -> dict[str, Leaf]:
    return {leaf.path: leaf for leaf in leaves()}


def _leaf_of(path: str) -> Leaf:
    return _by_path()[path]


# ---------------------------------------------------------------------------------------------------------------- rows


Row = dict[str, str | tuple[str, str]]  # column → text, or (Spanish, English) for a translated column


def survey_rows() -> list[Row]:
    """The ``survey`` sheet's rows, the translated columns as (Spanish, English)."""
    rows: list[Row] = [{"type": "calculate", "name": SURVEY_ID, "calculation": "once(uuid())"}]
    for page in FORM_PAGES:
        rows.append({"type": "begin group", "name": f"page_{page}", "label": PAGE_TITLES[page]})
        rows += _page_rows(page_leaves(page))
        rows.append({"type": "end group"})
    return rows


def _page_rows(page: list[Leaf]) -> list[Row]:
    rows: list[Row] = []
    i = 0
    while i < len(page):
        leaf = page[i]
        group = leaf.table or _share_set(leaf)
        members = [m for m in page[i:] if (m.table or _share_set(m)) == group] if group else [leaf]
        if leaf.table:
            rows.append({"type": "begin repeat", "name": field_name(leaf.table), "label": TABLE_TITLES[leaf.table],
                         "relevant": _repeat_relevant(leaf.table)})
            rows += [_question(m) for m in members]
            rows.append({"type": "end repeat"})
        elif group:
            rows += _share_rows(group, members)
        else:
            rows.append(_question(leaf))
        i += len(members)
    return rows


def _share_set(leaf: Leaf) -> str:
    prefix = leaf.path.rsplit(".", 1)[0]
    return prefix if prefix in SHARE_SETS and not leaf.table else ""


def _sum_name(prefix: str) -> str:
    return prefix.replace(".", "_") + "_sum"


def _share_rows(prefix: str, members: list[Leaf]) -> list[Row]:
    """The shares of one set on one screen (field-list), their sum, and the sum shown as the wizard shows it."""
    total = _sum_name(prefix)
    unit = ("debe ser 100 %", unit_in("debe ser 100 %", "en"))  # the workbook's unit of its sum column
    return [
        {"type": "begin group", "name": prefix.replace(".", "_"), "label": SHARE_SETS[prefix][1],
         "appearance": "field-list"},
        *(_question(m) for m in members),
        {"type": "calculate", "name": total,
         "calculation": "round(" + " + ".join(f"coalesce(${{{field_name(m.path)}}}, 0)" for m in members) + ", 2)"},
        {"type": "note", "name": total + "_shown",
         "label": (f"{SUM_WORDS[0]}: ${{{total}}} % ({unit[0]})", f"{SUM_WORDS[1]}: ${{{total}}} % ({unit[1]})")},
        {"type": "end group"},
    ]


def _repeat_relevant(table: str) -> str:
    """Without fertiliser data the model ignores the products, pesticides and fuels (S2 uses the per-hectare value)."""
    return "${fertilisation__data_collected} = 'yes'" if table.startswith("fertilisation.") else ""


def _ref(path: str) -> str:
    return f"${{{field_name(path)}}}"


def _both(code: str, **ctx: object) -> tuple[str, str]:
    return message_of(code, "es", **ctx), message_of(code, "en", **ctx)


def _joined(messages: list[tuple[str, str]]) -> tuple[str, str]:
    return "; ".join(m[0] for m in messages), "; ".join(m[1] for m in messages)


def _number(value: float) -> str:
    """A bound as XPath reads it: 1000000000, not 1e+09."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _question(leaf: Leaf) -> Row:
    col = _column(leaf)
    percent = is_percent(leaf)
    row: Row = {"type": _type(leaf, col), "name": field_name(leaf.path), "label": _label(leaf, col, percent),
                "hint": _hint(leaf, col, percent), "default": DEFAULTS.get(leaf.path, "")}
    checks, messages = _bounds(leaf, percent)
    required, required_message, relevant = ("yes", _both("missing"), "") if not leaf.optional else ("", ("", ""), "")
    prefix = _share_set(leaf)
    if prefix:  # the set's sum is 100 % (± 0.1 point, as the model allows); at least one share is typed
        total = f"${{{_sum_name(prefix)}}}"
        checks.append(f"{total} >= {100 - SHARE_TOLERANCE_PCT:g} and {total} <= {100 + SHARE_TOLERANCE_PCT:g}")
        messages.append(_both("shares_sum", total_pct=total))
        required, required_message = f"{total} = 0", _both("shares_sum", total_pct="0")
    rule = RULES.get(leaf.path)
    if rule is not None:
        required, required_message, relevant, extra, extra_message = rule
        if extra:
            checks.append(extra)
            messages.append(extra_message)
    if leaf.path == "husk.compost_method":
        relevant = f"{_ref('husk.shares.composted')} > 0"
    row |= {"required": required, "required_message": required_message, "relevant": relevant,
            "constraint": " and ".join(checks), "constraint_message": _joined(messages) if messages else ("", ""),
            "appearance": "multiline" if leaf.path in MULTILINE else ""}
    return row


def _type(leaf: Leaf, col: Col) -> str:
    if leaf.kind in ("choice", "yes_no"):
        return f"select_one {col.words}"
    return {"whole": "integer", "text": "text"}.get(leaf.kind, "decimal")


def _label(leaf: Leaf, col: Col, percent: bool) -> tuple[str, str]:
    unit = "%" if percent else col.unit if leaf.kind in ("number", "whole", "share") else ""
    if unit in ("", "sí / no"):
        return col.es, col.en
    return _with_unit(col.es, unit), _with_unit(col.en, unit_in(unit, "en"))


def _with_unit(label: str, unit: str) -> str:
    """``Área (ha)``; ``Peso total (si no hay conteo, kg/año)`` for a label that ends in brackets."""
    return f"{label[:-1]}, {unit})" if label.endswith(")") else f"{label} ({unit})"


def _hint(leaf: Leaf, col: Col, percent: bool) -> tuple[str, str]:
    if percent:
        extra = (" Deben sumar 100 %.", " They must sum to 100 %.") if _share_set(leaf) else ("", "")
        return PERCENT_HINT[0] + extra[0], PERCENT_HINT[1] + extra[1]
    return col.hint_es, col.hint_en


def _bounds(leaf: Leaf, percent: bool) -> tuple[list[str], list[tuple[str, str]]]:
    """The model's bounds of a number (× 100 for a percentage) and the length of a text, with the app's messages."""
    checks: list[str] = []
    messages: list[tuple[str, str]] = []
    def scaled(bound: float) -> float | int:  # as pydantic gives it to the message: an int for a whole number
        return int(bound) if leaf.kind == "whole" else bound * (100.0 if percent else 1.0)

    if leaf.low is not None:
        low = scaled(leaf.low)
        checks.append(f". {'>' if leaf.above_low else '>='} {_number(low)}")
        messages.append(_both("greater_than", gt=low) if leaf.above_low else _both("greater_than_equal", ge=low))
    if leaf.high is not None:
        high = scaled(leaf.high)
        checks.append(f". {'<' if leaf.below_high else '<='} {_number(high)}")
        messages.append(_both("less_than", lt=high) if leaf.below_high else _both("less_than_equal", le=high))
    if leaf.max_length is not None:
        checks.append(f"string-length(.) <= {leaf.max_length}")
        messages.append(_both("string_too_long", max_length=leaf.max_length))
    return checks, messages


def _empty(*paths: str) -> str:
    """True when any of the leaves is left empty."""
    return " or ".join(f"{_ref(path)} = ''" for path in paths)


_NONE = ("", "")
_YEAR, _LAST = "land_use_change.conversions[].year", "land_use_change.conversions[].year_last"
# The model's rules between fields (its model validators), as a phone can check them: path → (required, its
# message, relevant, one more constraint, its message). The second way of giving a value is asked, and required,
# only when the first is left empty: dry cocoa, or wet cocoa and its ratio; kg a year, or kg per ha and hectares;
# bags and the weight of one, or the weight of all; the distance, or the litres (which need their fuel).
RULES: dict[str, tuple[str, tuple[str, str], str, str, tuple[str, str]]] = {
    **{path: (_empty("general.dry_cocoa_kg"), _both("production_missing"), _empty("general.dry_cocoa_kg"), "",
              _NONE) for path in ("general.wet_cocoa_kg", "general.wet_to_dry_ratio")},
    **{path: (_empty("fertilisation.products[].kg_per_year"), _both("quantity_missing"),
              _empty("fertilisation.products[].kg_per_year"), "", _NONE)
       for path in ("fertilisation.products[].kg_per_ha", "fertilisation.products[].hectares")},
    "packaging[].material_kg_per_year": (
        _empty("packaging[].bags_per_year", "packaging[].kg_per_bag"), _both("quantity_missing"),
        _empty("packaging[].bags_per_year", "packaging[].kg_per_bag"), "", _NONE),
    "transport.legs[].litres_per_year": (
        _empty("transport.legs[].distance"), _both("distance_missing"), "",
        f"{_ref('transport.legs[].fuel')} != ''", _both("fuel_missing")),
    _LAST: ("", _NONE, f"{_ref(_YEAR)} != ''", f". >= {_ref(_YEAR)}",
            _both("period_order", first=_ref(_YEAR), last=_ref(_LAST))),
}


def choice_rows() -> list[Row]:
    """The ``choices`` sheet: every list a question chooses from, with the vocabulary's words."""
    lists = dict.fromkeys(_column(leaf).words for leaf in asked() if leaf.kind in ("choice", "yes_no"))
    return [{"list_name": name, "name": str(key), "label": words}
            for name in lists for key, words in v.LISTS[name].items()]


def settings_row(lang: str) -> dict[str, str]:
    return {"form_title": pick(FORM_TITLE, lang), "form_id": FORM_ID, "version": __version__,
            "default_language": LANGUAGE_NAMES[language(lang)], "style": "pages",
            "instance_name": "concat(${general__organisation}, ' — ', ${general__farm_name}, ' ', "
                             "${general__campaign_year})"}


def _columns_of(names: tuple[str, ...], lang: str) -> Iterator[tuple[str, str, int | None]]:
    """(header, column, index into an (es, en) pair): the translated columns in ``lang`` first, then the other."""
    order = (language(lang), *(other for other in LANGUAGES if other != language(lang)))
    for name in names:
        if name in TRANSLATED:
            for code in order:
                yield f"{name}::{LANGUAGE_NAMES[code]}", name, LANGUAGES.index(code)
        else:
            yield name, name, None


def sheets(lang: str = "es") -> dict[str, list[list[str]]]:
    """The three sheets as rows of text, the header first (what :func:`write_xlsform` writes)."""
    found: dict[str, list[list[str]]] = {}
    for sheet, names, rows in (("survey", SURVEY_COLUMNS, survey_rows()),
                               ("choices", ("list_name", "name", "label"), choice_rows())):
        columns = list(_columns_of(names, lang))
        found[sheet] = [[header for header, _, _ in columns]] + [
            [_cell(row.get(column, ""), index) for _, column, index in columns] for row in rows]
    settings = settings_row(lang)
    found["settings"] = [list(settings), list(settings.values())]
    return found


def _cell(value: str | tuple[str, str], index: int | None) -> str:
    if isinstance(value, tuple):
        return value[index or 0]
    return value


def write_xlsform(path: str | Path, lang: str = "es") -> Path:
    """Write the form to ``path`` (.xlsx) atomically, ``lang``'s columns first and the form's default language."""
    path = checked_output(path)
    with written_atomically(path, "xlsform", ("el formulario", "the form")) as book:
        bold = book.add_format({"bold": True})
        for name, rows in sheets(lang).items():
            sheet = book.add_worksheet(name)
            sheet.freeze_panes(1, 0)
            for r, row in enumerate(rows):
                sheet.write_row(r, 0, row, bold if r == 0 else None)
            sheet.set_column(0, len(rows[0]) - 1, 24)
    return path
