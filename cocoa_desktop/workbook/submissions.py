"""Phone submissions read back as surveys (issue 23, point 2): a KoboToolbox XLSX export or an ODK Central CSV zip
of the form that workbook/xlsform.py writes.

A column is a question by its last path segment (``page_general/general__dry_cocoa_kg``,
``page_general-general__dry_cocoa_kg`` or a bare ``general__dry_cocoa_kg``: :func:`xlsform.leaf_path`); any other
column (ODK's and Kobo's own, a note, a sum) is ignored and counted. A repeat group's rows join their submission
by ``_parent_index`` → ``_index`` (Kobo) or ``PARENT_KEY`` → ``KEY`` (ODK). Percentages go through
:func:`xlsform.to_model`, choices are read by their name or their label in either language, an empty cell is a
question not answered and a repeat without rows an empty list. Each submission is validated by the survey model:
an invalid one is kept with its issues, each naming the field as the wizard does, and never stored.
"""

from __future__ import annotations

import math
import re
import uuid
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cocoa_desktop.engine.files.submissions import KOBO, Submission, SubmissionFile
from cocoa_desktop.engine.model import paths
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.fields import ITEM, Leaf
from cocoa_desktop.engine.model.issues import Issue, issues_from_validation_error, message_of
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.progress import IsCancelled, never
from cocoa_desktop.workbook.file_checks import refuse
from cocoa_desktop.workbook.layout import DATA_SHEETS_BEFORE_CALC, Col
from cocoa_desktop.workbook.leaves import place
from cocoa_desktop.workbook.submission_tables import ODK_KEY, ODK_PARENT, Table, read_tables
from cocoa_desktop.workbook.xlsform import (
    PAGE_TITLES,
    SURVEY_ID,
    TABLE_TITLES,
    asked,
    is_percent,
    leaf_path,
    page_of,
    to_model,
)

SEPARATORS = re.compile(r"[/\-.:]")  # Kobo's group separator ("/" or another chosen), ODK's "-"
KOBO_INDEX, KOBO_PARENT = "_index", "_parent_index"
INSTANCE_COLUMNS = ("instanceID", "_uuid", ODK_KEY)  # the phone's instance id, by preference
SURVEY_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
EMPTY = object()


def read_submissions(path: str | Path, cancelled: IsCancelled = never) -> SubmissionFile:
    """Every submission of an export file, each a valid survey or refused with its issues; raise
    SurveyValidationError (es/en) for a file that is no export or is damaged (nothing of it is then usable)."""
    source = str(path)
    tables = read_tables(path, cancelled)
    main = tables.main
    mapped = _mapped(main.header)
    if not mapped:
        raise refuse("no_questions", "ninguna columna es una pregunta del formulario de la aplicación: exporte con "
                                     "«valores y encabezados XML» (no etiquetas) el formulario de cocoa-desktop",
                     "no column is a question of the app's form: export with 'XML values and headers' (not labels) "
                     "the cocoa-desktop form", source, main.name)
    found = SubmissionFile(source, tables.layout)
    found.ignored_columns = [f"{main.name}:{name}" for i, name in enumerate(main.header) if i not in mapped]
    key_column = _column(main.header, KOBO_INDEX if tables.layout == KOBO else ODK_KEY)
    keys = {_key(row[key_column]): i for i, row in enumerate(main.rows)
            if row and key_column is not None and key_column < len(row) and not _blank(row[key_column])}
    items: dict[int, dict[str, list[tuple[dict[str, Any], list[Issue]]]]] = {}
    for table in tables.repeats:
        _join(table, tables.layout, keys, items, found)
    for index, row in enumerate(main.rows):
        if row:
            found.submissions.append(_submission(main, index, row, mapped, items.get(index, {})))
    return found


def _segment(name: str) -> str:
    return SEPARATORS.split(name)[-1]


def _mapped(header: list[str]) -> dict[int, Leaf]:
    """Column → leaf for the columns that are questions (a leaf's second column is ignored)."""
    found: dict[int, Leaf] = {}
    taken: set[str] = set()
    for i, name in enumerate(header):
        path = leaf_path(_segment(name))
        if path is not None and path not in taken:
            taken.add(path)
            found[i] = _leaves()[path]
    return found


@cache
def _leaves() -> dict[str, Leaf]:
    return {leaf.path: leaf for leaf in asked()}


def _column(header: list[str], *names: str) -> int | None:
    """The first column named one of ``names`` (by its whole name or its last segment)."""
    for name in names:
        for i, column in enumerate(header):
            if column == name or _segment(column) == name:
                return i
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _key(value: Any) -> str:
    """A join key as text: Kobo's _index may come as 3, 3.0 or "3"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# -------------------------------------------------------------------------------------------------------- repeats


def _join(table: Table, layout: str, keys: dict[str, int],
          items: dict[int, dict[str, list[tuple[dict[str, Any], list[Issue]]]]], found: SubmissionFile) -> None:
    """A repeat group's rows, each added to its submission's list (in the file's order); a row whose submission is
    not in the file is an orphan (an issue of the file, nothing stored)."""
    mapped = _mapped(table.header)
    lists = Counter(leaf.table for leaf in mapped.values() if leaf.table)
    parent = _column(table.header, KOBO_PARENT if layout == KOBO else ODK_PARENT)
    if not lists or parent is None:
        found.ignored_columns += [f"{table.name}:{name}" for name in table.header]
        return
    name = lists.most_common(1)[0][0]
    mine = {i: leaf for i, leaf in mapped.items() if leaf.table == name}
    found.ignored_columns += [f"{table.name}:{col}" for i, col in enumerate(table.header) if i not in mine]
    for index, row in enumerate(table.rows):
        if not row:
            continue
        key = _key(row[parent]) if parent < len(row) and not _blank(row[parent]) else ""
        owner = keys.get(key)
        if owner is None:
            found.orphans.append(_orphan(table, index, table.header[parent], key))
            continue
        rows = items.setdefault(owner, {}).setdefault(name, [])
        item: dict[str, Any] = {}
        issues: list[Issue] = []
        for column, leaf in mine.items():
            value = _value(leaf, row[column] if column < len(row) else None, table, index, column, issues,
                           row=len(rows) + 1)
            if value is not EMPTY:
                item[leaf.column] = value
        if item or issues:
            rows.append((item, issues))


def _orphan(table: Table, index: int, column: str, key: str) -> Issue:
    where = f"{table.name}!{table.row_number(index)}"
    shown = key or "—"
    return Issue(where, "orphan_row",
                 f"la fila {table.row_number(index)} de «{table.name}» pertenece a un envío que no está en el archivo "
                 f"({column} = {shown}): no se importa; exporte de nuevo con todos los envíos",
                 f"row {table.row_number(index)} of '{table.name}' belongs to a submission that is not in the file "
                 f"({column} = {shown}): not imported; export again with every submission")


# ----------------------------------------------------------------------------------------------------- submissions


def _submission(main: Table, index: int, row: tuple[Any, ...], mapped: dict[int, Leaf],
                items: dict[str, list[tuple[dict[str, Any], list[Issue]]]]) -> Submission:
    doc: dict[str, Any] = {"husk": {"shares": {}}, "drying": {"shares": {}}}  # no share typed: not 100 %
    issues: list[Issue] = []
    for column, leaf in mapped.items():
        if leaf.table:
            continue  # a list's column in the main table (a form without that repeat): ignored
        value = _value(leaf, row[column] if column < len(row) else None, main, index, column, issues)
        if value is not EMPTY:
            paths.put(doc, leaf.path, value)
    for table in {leaf.table for leaf in _leaves().values() if leaf.table}:
        rows = items.get(table, [])
        paths.put(doc, table, [item for item, _ in rows])
        issues += [issue for _, found in rows for issue in found]
    doc["id"] = _survey_id(main, row)
    general = doc.get("general", {})
    farm = " — ".join(str(general.get(k) or "").strip() for k in ("organisation", "farm_name")
                      if str(general.get(k) or "").strip()) or "—"
    where = (main.name, main.row_number(index))
    if issues:
        return Submission(farm, *where, doc["id"], None, tuple(issues))
    try:
        survey = Survey.model_validate(doc)
    except ValidationError as exc:
        return Submission(farm, *where, doc["id"], None, tuple(_named(i) for i in issues_from_validation_error(exc)))
    return Submission(farm, *where, survey.id, survey)


def _survey_id(main: Table, row: tuple[Any, ...]) -> str:
    """The survey's id: the form's survey_id, else the phone's instance id without its ``uuid:``; an id of
    another shape (or none) becomes a UUID derived from it (the same submission gets the same id again)."""
    for name in (SURVEY_ID, *INSTANCE_COLUMNS):
        column = _column(main.header, name)
        if column is not None and column < len(row) and not _blank(row[column]):
            text = str(row[column]).strip().removeprefix("uuid:")
            return text if SURVEY_ID_PATTERN.match(text) else str(uuid.uuid5(uuid.NAMESPACE_URL, text))
    return str(uuid.uuid5(uuid.NAMESPACE_URL, repr(row)))


def _value(leaf: Leaf, raw: Any, table: Table, index: int, column: int, issues: list[Issue], row: int = 0) -> Any:
    """A cell as the model holds it, or EMPTY (not answered); a value that cannot be one adds an issue."""
    if _blank(raw):
        return EMPTY
    where = table.cell(index, column)

    def wrong(code: str, **ctx: Any) -> Any:
        es, en = field_words(leaf.path, row)
        issues.append(Issue(where, code, f"{es}: {message_of(code, 'es', **ctx)} («{str(raw)[:40]}», {where})",
                            f"{en}: {message_of(code, 'en', **ctx)} ('{str(raw)[:40]}', {where})"))
        return EMPTY

    if isinstance(raw, str) and raw.lstrip().startswith("="):
        es, en = field_words(leaf.path, row)
        issues.append(Issue(where, "formula_in_text",
                            f"{es}: la celda {where} tiene una fórmula «{raw[:40]}», no un dato: no se importa",
                            f"{en}: cell {where} holds a formula '{raw[:40]}', not an answer: not imported"))
        return EMPTY
    if leaf.kind == "text":
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return str(raw)
    if leaf.kind in ("choice", "yes_no"):
        words = v.LISTS[_col(leaf).words]
        key = v.key_of(words, str(raw))
        if key is None:
            return wrong("enum", expected=", ".join(f"«{es}»" for es, _ in words.values()))
        return key == "yes" if leaf.kind == "yes_no" else key
    number = _number(raw)
    if number is None:
        return wrong("int_parsing" if leaf.kind == "whole" else "float_parsing")
    if leaf.kind == "whole" and not number.is_integer():
        return wrong("int_from_float")
    model = to_model(leaf.path, number)
    scale = 100.0 if is_percent(leaf) else 1.0  # a percentage's bounds as typed on the phone (100, not 1)
    low, high = leaf.low, leaf.high
    if low is not None and (model <= low if leaf.above_low else model < low):
        return wrong("greater_than", gt=_bound(low * scale)) if leaf.above_low else \
            wrong("greater_than_equal", ge=_bound(low * scale))
    if high is not None and (model >= high if leaf.below_high else model > high):
        return wrong("less_than", lt=_bound(high * scale)) if leaf.below_high else \
            wrong("less_than_equal", le=_bound(high * scale))
    return int(number) if leaf.kind == "whole" else model


def _bound(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str) and NUMBER.match(raw.strip()):
        number = float(raw.strip())
    else:
        return None
    return number if math.isfinite(number) else None


# ----------------------------------------------------------------------------------------------- the app's words


@cache
def _cols() -> dict[tuple[str, str], Col]:
    return {(spec.key, col.key): col for spec in DATA_SHEETS_BEFORE_CALC for col in spec.columns}


def _col(leaf: Leaf) -> Col:
    return _cols()[place(leaf)]


SECTION_PAGES = {"general": "production", "meta": "organisation"}  # a section's errors of its own: its page


def field_words(path: str, row: int = 0) -> tuple[str, str]:
    """A field as the wizard names it, in Spanish and English: ``Abonos y enmiendas, fila 2: Tipo`` for
    ``fertilisation.products.1.type`` (or ``fertilisation.products[].type`` with ``row`` 2); a section's or a list
    row's own error names its page or its table."""
    parts = path.split(".")
    numbers = [i for i, part in enumerate(parts) if part.isdigit()]
    if numbers:
        row = int(parts[numbers[0]]) + 1
        parts = parts[:numbers[0]] + parts[numbers[0] + 1:]
        parts[numbers[0] - 1] += ITEM
    leaf = _leaves().get(".".join(parts))
    table = leaf.table if leaf is not None else ".".join(parts).removesuffix(ITEM)
    where = TABLE_TITLES.get(table)
    if where is not None and row:
        head = (f"{where[0]}, fila {row}", f"{where[1]}, row {row}")
    elif where is not None:
        head = where
    else:
        head = ("", "")
    if leaf is not None:
        col = _col(leaf)
        if head[0]:
            return f"{head[0]}: {col.es}", f"{head[1]}: {col.en}"
        return PAGE_TITLES[page_of(leaf)][0] + ": " + col.es, PAGE_TITLES[page_of(leaf)][1] + ": " + col.en
    if head[0]:
        return head
    page = PAGE_TITLES.get(SECTION_PAGES.get(parts[0], parts[0]))
    return page if page is not None else (path, path)


def _named(issue: Issue) -> Issue:
    """A validation issue with its field in the app's words (the path stays the model's)."""
    es, en = field_words(issue.path)
    return Issue(issue.path, issue.code, f"{es}: {issue.message_es}", f"{en}: {issue.message_en}", issue.severity)

