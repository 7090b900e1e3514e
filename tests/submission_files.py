"""Test fixture: phone submissions written as the two real exports lay them out, from Survey objects.

- KoboToolbox XLSX ("XML values and headers"): the first sheet is the submissions (titled like the form, cut to 31
  characters), one sheet per repeat group named like it; group paths joined by "/" (or no groups:
  ``groups=False``); Kobo's own columns (_id, _uuid, _submission_time, _index …, meta/instanceID) and, in repeat
  sheets, _index, _parent_table_name, _parent_index and _submission__* columns.
- ODK Central CSV zip: ``FORMID.csv`` (SubmissionDate first; meta-instanceID, KEY, SubmitterName, ReviewState …
  last) and ``FORMID-REPEAT.csv`` per repeat (PARENT_KEY, KEY = ``uuid:…/page/repeat[n]``), group paths joined by
  "-".

Choices as their names, or their Spanish or English labels (Kobo's label export); percentages typed as on the
phone (40 for 0.4). Not product code: the app only reads these files.
"""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from cocoa_desktop.engine.model import paths
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.workbook import xlsform as x

KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
             "__version__", "_tags", "_index"]
KOBO_REPEAT_META = ["_index", "_parent_table_name", "_parent_index", "_submission__id", "_submission__uuid",
                    "_submission__submission_time", "_submission__validation_status", "_submission__notes",
                    "_submission__status", "_submission__submitted_by", "__version__", "_submission__tags"]
ODK_FIRST = ["SubmissionDate"]
ODK_LAST = ["meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
            "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]


def form_columns() -> tuple[list[tuple[list[str], str]], dict[str, list[tuple[list[str], str]]]]:
    """(main columns, {repeat name: its columns}), each column (its group path, its name), in the form's order,
    from the form's own rows (xlsform.survey_rows): notes and calculations included, as the exports have them."""
    main: list[tuple[list[str], str]] = []
    repeats: dict[str, list[tuple[list[str], str]]] = {}
    stack: list[str] = []
    repeat: list[str] = []
    for row in x.survey_rows():
        kind, name = str(row["type"]), str(row.get("name", ""))
        if kind in ("begin group", "begin repeat"):
            stack.append(name)
            if kind == "begin repeat":
                repeat.append(name)
                repeats[name] = []
        elif kind in ("end group", "end repeat"):
            if kind == "end repeat":
                repeat.pop()
            stack.pop()
        else:
            (repeats[repeat[-1]] if repeat else main).append((list(stack), name))
    return main, repeats


def _answer(path: str | None, value: Any, choices: str) -> Any:
    """A model value as the phone answered it (None: not answered)."""
    if path is None or value is None:
        return None
    leaf = x._leaf_of(path)
    if leaf.kind == "yes_no":
        value = "yes" if value else "no"
    if leaf.kind in ("choice", "yes_no"):
        if choices == "name":
            return str(value)
        es, en = v.LISTS[x._column(leaf).words][value]
        return es if choices == "es" else en
    if x.is_percent(leaf):
        return float(f"{value * 100.0:.12g}")  # 40, not 40.00000000000001: what the technician typed
    return value


def typed(surveys: Sequence[Survey], digits: int = 6) -> list[Survey]:
    """The surveys with every number as a technician types it on a phone (``digits`` significant digits): the
    exports then hold the typed text (Kobo's XLSX writes 16 digits, ODK's CSV the phone's own text)."""
    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return float(f"{value:.{digits}g}")
        if isinstance(value, dict):
            return {k: rounded(item) for k, item in value.items()}
        if isinstance(value, list):
            return [rounded(item) for item in value]
        return value

    return [Survey.model_validate(rounded(s.model_dump(mode="json"))) for s in surveys]


def _main_values(survey: Survey, columns: list[tuple[list[str], str]], choices: str) -> list[Any]:
    doc = survey.model_dump(mode="json")
    found = []
    for _, name in columns:
        if name == x.SURVEY_ID:
            found.append(survey.id)
            continue
        path = x.leaf_path(name)
        found.append(_answer(path, paths.get(doc, path) if path else None, choices))
    return found


def _items(survey: Survey, repeat: str) -> list[dict[str, Any]]:
    table = next(leaf.table for leaf in x.asked() if leaf.table and x.field_name(leaf.table) == repeat)
    return paths.get(survey.model_dump(mode="json"), table) or []


def _item_values(item: dict[str, Any], columns: list[tuple[list[str], str]], choices: str) -> list[Any]:
    found = []
    for _, name in columns:
        path = x.leaf_path(name)
        found.append(_answer(path, item.get(path.rsplit(".", 1)[-1]) if path else None, choices))
    return found


def _header(stack: list[str], name: str, sep: str, groups: bool) -> str:
    return sep.join([*stack, name]) if groups else name


def write_kobo(surveys: Sequence[Survey], path: Path, choices: str = "name", groups: bool = True,
               sep: str = "/") -> Path:
    """A KoboToolbox XLSX export of the surveys."""
    main, repeats = form_columns()
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    title = x.FORM_TITLE[0][:31]
    sheet = book.add_worksheet(title)
    header = ["start", "end", *(_header(s, n, sep, groups) for s, n in main), "meta/instanceID", *KOBO_META]
    sheet.write_row(0, 0, header)
    uuids = [str(uuid.uuid4()) for _ in surveys]
    for r, survey in enumerate(surveys, start=1):
        meta = [r * 11, uuids[r - 1], "2024-05-02T10:00:00", "", "", "submitted_via_web", "", "vXYZ", "", r]
        _write(sheet, r, ["2024-05-02T09:00:00", "2024-05-02T09:30:00", *_main_values(survey, main, choices),
                          f"uuid:{uuids[r - 1]}", *meta])
    for repeat, columns in repeats.items():
        sheet = book.add_worksheet(repeat[:31])
        sheet.write_row(0, 0, [*(_header(s, n, sep, groups) for s, n in columns), *KOBO_REPEAT_META])
        r = 0
        for parent, survey in enumerate(surveys, start=1):
            for item in _items(survey, repeat):
                r += 1
                meta = [r, title, parent, parent * 11, uuids[parent - 1], "2024-05-02T10:00:00", "", "", "", "",
                        "vXYZ", ""]
                _write(sheet, r, [*_item_values(item, columns, choices), *meta])
    book.close()
    return path


def _write(sheet: Any, row: int, values: list[Any]) -> None:
    for col, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, str):
            sheet.write_string(row, col, value)
        else:
            sheet.write_number(row, col, value)


def odk_tables(surveys: Sequence[Survey], choices: str = "name") -> dict[str, list[list[str]]]:
    """ODK Central's CSV files of the surveys: {file name: rows, the header first}."""
    main, repeats = form_columns()
    keys = [f"uuid:{uuid.uuid4()}" for _ in surveys]
    files = {f"{x.FORM_ID}.csv": [[*ODK_FIRST, *("-".join([*s, n]) for s, n in main), *ODK_LAST]]}
    for key, survey in zip(keys, surveys, strict=True):
        files[f"{x.FORM_ID}.csv"].append(["2024-05-02T10:00:00.000Z", *map(_text, _main_values(survey, main, choices)),
                                          key, key, "12", "Técnico 1", "0", "0", "", "", "collect:abc", "0",
                                          x.__version__])
    for repeat, columns in repeats.items():
        page = columns[0][0][0]
        rows = [[*("-".join([*s, n]) for s, n in columns), "PARENT_KEY", "KEY"]]
        for key, survey in zip(keys, surveys, strict=True):
            for n, item in enumerate(_items(survey, repeat), start=1):
                rows.append([*map(_text, _item_values(item, columns, choices)), key, f"{key}/{page}/{repeat}[{n}]"])
        files[f"{x.FORM_ID}-{repeat}.csv"] = rows
    return files


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_odk(surveys: Sequence[Survey], path: Path, choices: str = "name",
              tables: dict[str, list[list[str]]] | None = None) -> Path:
    """An ODK Central CSV zip of the surveys (or of ``tables`` as given)."""
    tables = tables if tables is not None else odk_tables(surveys, choices)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables.items():
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            archive.writestr(name, out.getvalue())
    return path
