"""Import a workbook exported by the app (possibly edited in Excel or LibreOffice) back into surveys.

Only input cells are read; the layout is checked against :mod:`cocoa_desktop.workbook.layout` and any mismatch
names the sheet and cell. Surveys are matched by id, never by position. Whatever goes wrong — a damaged zip or
XML, an odd value, a duplicated or incomplete survey — ends as a :class:`SurveyValidationError` naming the file,
the sheet and the cell, in Spanish and English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pydantic import ValidationError

from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.model.survey import Campaign, Survey
from cocoa_desktop.engine.words import language
from cocoa_desktop.workbook.calc_layout import BY_KEY, CALC, DATA_SHEETS
from cocoa_desktop.workbook.cells import CellError, read_cell
from cocoa_desktop.workbook.file_checks import check_file, damaged, refuse
from cocoa_desktop.workbook.formula_cells import formula_cells, formula_issue, text_letters
from cocoa_desktop.workbook.layout import (
    FIRST_ROW,
    KEY_ROW,
    META_SHEET,
    WORKBOOK_FORMAT,
    WORKBOOK_VERSION,
    SheetSpec,
)
from cocoa_desktop.workbook.survey_docs import assemble

MAX_ROWS = 200_000  # surveys or items per sheet; far above any real campaign
MAX_ISSUES = 30
Rows = list[tuple[Any, ...]]


def import_workbook(path: str | Path) -> Survey | Campaign:
    path = Path(path)
    source = str(path)
    check_file(path)
    meta_rows, sheets, formulas = _load(path, source)
    meta = _meta(meta_rows, source)
    laid_out = {spec.key: _sheet(spec, meta, sheets, source) for spec in DATA_SHEETS if spec is not CALC}
    if formulas:  # =1+1 over a name would otherwise come in as the name "2"
        raise SurveyValidationError(formulas[:MAX_ISSUES], source=source)
    read = {key: _rows(BY_KEY[key], *found, source) for key, found in laid_out.items()}
    docs, where = assemble(read, _titles(meta), source)
    surveys = [_validated(doc, where, source) for doc in docs]
    if not surveys:
        raise refuse("empty", "el libro no contiene encuestas", "the workbook holds no survey", source)
    if meta.get("kind") == "survey" and len(surveys) == 1:
        return surveys[0]
    year = _meta_int(meta, "campaign_year", source) or surveys[0].general.campaign_year
    try:
        return Campaign(name=str(meta.get("campaign_name") or "Campaña importada"), year=year,
                        region=str(meta.get("campaign_region") or "San Martín"),
                        notes=str(meta.get("campaign_notes") or ""), surveys=surveys)
    except ValidationError as exc:
        issues = [Issue(f"{META_SHEET}!campaign.{i.path}", i.code, i.message_es, i.message_en)
                  for i in issues_from_validation_error(exc)]
        raise SurveyValidationError(issues, source=source) from None


def _load(path: Path, source: str) -> tuple[Rows, dict[str, Rows], list[Issue]]:
    """Every row of the hidden metadata sheet and of the data sheets, as plain values, and the formulas found in
    the data sheets' text cells (as issues).

    Any failure while parsing is the file's damage (zip, compression, XML, openpyxl's own checks), said as
    such; the file was already checked to be a sensible zip, so this is where broken contents surface."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # whatever the parser meets in a damaged file
        raise damaged(source, type(exc).__name__) from None
    try:
        if META_SHEET not in wb.sheetnames:
            raise refuse("not_ours", "este libro no fue exportado por la aplicación (falta su hoja oculta «_cocoa»)",
                         "this workbook was not exported by the application (its hidden '_cocoa' sheet is missing)",
                         source)
        meta_rows = list(wb[META_SHEET].iter_rows(max_row=500, max_col=2, values_only=True))
        specs = {title: BY_KEY[key] for key, title in _titles(_meta(meta_rows, source)).items()}
        sheets = {}
        formulas: list[Issue] = []
        for name in wb.sheetnames:
            if name in specs:
                ws = wb[name]
                sheets[name] = list(ws.iter_rows(min_row=KEY_ROW, max_row=FIRST_ROW + MAX_ROWS, values_only=True))
                if specs[name] is not CALC and len(formulas) < MAX_ISSUES:
                    with ws._get_source() as xml:  # the sheet's XML: data_only shows a formula's value, not it
                        formulas += [formula_issue(name, cell, text)
                                     for cell, text in formula_cells(xml, text_letters(specs[name]))]
        return meta_rows, sheets, formulas
    except SurveyValidationError:
        raise
    except Exception as exc:  # sheets are parsed lazily: damage surfaces here
        raise damaged(source, type(exc).__name__) from None
    finally:
        wb.close()


def _meta(rows: Rows, source: str) -> dict[str, Any]:
    meta = {str(r[0]): r[1] for r in rows if r and len(r) > 1 and r[0] is not None}
    if meta.get("format") != WORKBOOK_FORMAT:
        raise refuse("not_ours", "la hoja «_cocoa» no es de esta aplicación",
                     "the '_cocoa' sheet is not this application's", source, f"{META_SHEET}!B1")
    version = _meta_int(meta, "version", source)
    if version is None or version > WORKBOOK_VERSION:
        raise refuse("newer_version", f"el libro es de una versión más nueva ({meta.get('version')}); actualice la "
                                      "aplicación",
                     f"the workbook comes from a newer version ({meta.get('version')}); update the application",
                     source, f"{META_SHEET}!version")
    if version < WORKBOOK_VERSION:
        raise refuse("older_version", f"el libro es de una versión anterior ({version}) con otra estructura: "
                                      "expórtelo de nuevo desde la aplicación",
                     f"the workbook comes from an older version ({version}) with another layout: export it again "
                     "from the application", source, f"{META_SHEET}!version")
    return meta


def _meta_int(meta: dict[str, Any], key: str, source: str) -> int | None:
    raw = meta.get(key)
    if raw is None or raw == "":
        return None
    text = str(raw).strip()
    if not text.isdigit() or len(text) > 6:
        raise refuse("bad_metadata", f"la hoja oculta «_cocoa» está dañada: «{key}» = «{text[:30]}» no es un número "
                                     "entero", f"the hidden '_cocoa' sheet is damaged: '{key}' = '{text[:30]}' is not "
                                               "a whole number", source, f"{META_SHEET}!{key}")
    return int(text)


def _titles(meta: dict[str, Any]) -> dict[str, str]:
    lang = language(meta.get("lang", ""))
    return {spec.key: str(meta.get(f"sheet.{spec.key}") or spec.title(lang)) for spec in DATA_SHEETS}


def _sheet(spec: SheetSpec, meta: dict[str, Any], sheets: dict[str, Rows], source: str) -> tuple[str, Rows]:
    title = _titles(meta)[spec.key]
    if title not in sheets:
        raise refuse("layout", f"falta la hoja «{title}»", f"the sheet '{title}' is missing", source, title)
    rows = sheets[title]
    keys = rows[0] if rows else ()
    for i, col in enumerate(spec.columns):
        found = keys[i] if i < len(keys) else None
        if found != col.key:
            cell = f"{spec.letter(col.key)}{KEY_ROW}"
            raise refuse(
                "layout",
                f"la hoja «{title}» no tiene la estructura esperada: la celda {cell} debería decir «{col.key}»",
                f"the sheet '{title}' does not have the expected layout: cell {cell} should read '{col.key}'",
                source, f"{title}!{cell}")
    return title, rows[FIRST_ROW - KEY_ROW:]


def _rows(spec: SheetSpec, title: str, rows: Rows, source: str) -> list[tuple[int, dict[str, Any]]]:
    inputs = [(i, c) for i, c in enumerate(spec.columns) if c.is_input]
    found = []
    issues: list[Issue] = []
    for r, row in enumerate(rows, start=FIRST_ROW):
        values: dict[str, Any] = {}
        for i, col in inputs:
            try:
                value = read_cell(col, row[i] if i < len(row) else None)
            except CellError as err:
                issues.append(err.issue(f"{title}!{spec.letter(col.key)}{r}"))
                continue
            if value is not None:
                values[col.key] = value
        if len(issues) >= MAX_ISSUES:
            break
        if not values:
            continue
        if "id" not in values:
            issues.append(Issue(f"{title}!A{r}", "no_id", f"la fila {r} tiene datos pero no el id de su encuesta",
                                f"row {r} has data but no survey id"))
            continue
        found.append((r, values))
    if issues:
        raise SurveyValidationError(issues, source=source)
    return found


def _validated(doc: dict[str, Any], where: dict[tuple[str, str], str], source: str) -> Survey:
    try:
        return Survey.model_validate(doc)
    except ValidationError as exc:
        issues = []
        for issue in issues_from_validation_error(exc):
            section = issue.path.split(".")[0]
            place = where.get((doc["id"], section)) or where.get((doc["id"], "general"), "")
            issues.append(Issue(f"{place} {issue.path} (encuesta {doc['id']})", issue.code, issue.message_es,
                                issue.message_en))
        raise SurveyValidationError(issues, source=source) from None

