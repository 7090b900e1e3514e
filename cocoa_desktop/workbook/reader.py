"""Import a workbook exported by the app (possibly edited in Excel or LibreOffice) back into surveys.

Only input cells are read; the layout is checked against :mod:`cocoa_desktop.workbook.layout` and any mismatch
names the sheet and cell. Values that do not pass the survey model are reported with their cell too.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import ValidationError

from cocoa_desktop.engine.issues import Issue, SurveyValidationError, issues_from_validation_error
from cocoa_desktop.engine.numbers import AmbiguousNumber, parse_number
from cocoa_desktop.engine.survey import Campaign, Survey
from cocoa_desktop.workbook.layout import (
    CALC,
    DATA_SHEETS,
    FIRST_ROW,
    KEY_ROW,
    META_SHEET,
    WORKBOOK_FORMAT,
    WORKBOOK_VERSION,
    SheetSpec,
)
from cocoa_desktop.workbook.rows import is_yes

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx (and old .xls) are OLE compound files
MAX_ROWS = 200_000


def _refuse(code: str, es: str, en: str, source: str, where: str = "libro") -> SurveyValidationError:
    return SurveyValidationError([Issue(where, code, es, en)], source=source)


def _open(path: Path) -> Any:
    source = str(path)
    try:
        head = path.open("rb").read(8)
    except OSError as exc:
        raise _refuse("unreadable", f"no se pudo leer el archivo: {exc.strerror}",
                      f"could not read the file: {exc.strerror}", source) from None
    if head == OLE_MAGIC:
        raise _refuse("encrypted", "el libro está protegido con contraseña (o es un .xls antiguo): ábralo en Excel "
                                   "o LibreOffice, quite la contraseña y guárdelo como .xlsx",
                      "the workbook is password-protected (or an old .xls): open it in Excel or LibreOffice, remove "
                      "the password and save it as .xlsx", source)
    try:
        return load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError, ValueError) as exc:
        raise _refuse("not_xlsx", f"no es un libro .xlsx o está dañado/incompleto ({type(exc).__name__})",
                      f"not an .xlsx workbook, or damaged/truncated ({type(exc).__name__})", source) from None


def _meta(wb: Any, source: str) -> dict[str, str]:
    if META_SHEET not in wb.sheetnames:
        raise _refuse("not_ours", "este libro no fue exportado por la aplicación (falta su hoja oculta «_cocoa»)",
                      "this workbook was not exported by the application (its hidden '_cocoa' sheet is missing)",
                      source)
    meta = {str(r[0]): r[1] for r in wb[META_SHEET].iter_rows(values_only=True) if r and r[0] is not None}
    if meta.get("format") != WORKBOOK_FORMAT:
        raise _refuse("not_ours", "la hoja «_cocoa» no es de esta aplicación",
                      "the '_cocoa' sheet is not this application's", source, f"{META_SHEET}!B1")
    version = int(meta.get("version") or 0)
    if version > WORKBOOK_VERSION:
        raise _refuse("newer_version", f"el libro es de una versión más nueva ({version}); actualice la aplicación",
                      f"the workbook comes from a newer version ({version}); update the application", source)
    return meta


def _checked_sheet(wb: Any, spec: SheetSpec, meta: dict[str, str], source: str) -> Any:
    title = str(meta.get(f"sheet.{spec.key}") or spec.es)
    if title not in wb.sheetnames:
        raise _refuse("layout", f"falta la hoja «{title}»", f"the sheet '{title}' is missing", source, title)
    ws = wb[title]
    for col in spec.columns:
        cell = f"{spec.letter(col.key)}{KEY_ROW}"
        if ws[cell].value != col.key:
            raise _refuse(
                "layout",
                f"la hoja «{title}» no tiene la estructura esperada: la celda {cell} debería decir «{col.key}»",
                f"the sheet '{title}' does not have the expected layout: cell {cell} should read '{col.key}'",
                source, f"{title}!{cell}")
    return ws


def _value(col: Any, raw: Any, where: str, source: str) -> Any:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if col.kind in ("id", "text", "choice"):
        return str(raw).strip() if col.kind != "text" else str(raw)
    if col.kind == "yesno":
        return is_yes(raw)
    if isinstance(raw, bool):
        raw = int(raw)
    if isinstance(raw, str):  # typed as text, e.g. "1.234,5" or "0,25"
        try:
            raw = parse_number(raw, whole=col.kind == "int")
        except AmbiguousNumber:
            raise _refuse("ambiguous_number",
                          f"«{raw}» es ambiguo: escriba 1250 (mil doscientos cincuenta) o 1,25 (uno coma veinticinco)",
                          f"'{raw}' is ambiguous: write 1250 (twelve hundred and fifty) or 1.25 (one point two five)",
                          source, where) from None
        except ValueError:
            raise _refuse("not_a_number", f"«{raw}» no es un número", f"'{raw}' is not a number", source,
                          where) from None
    if col.kind == "int" and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return raw


def _rows(ws: Any, spec: SheetSpec, source: str) -> list[tuple[int, dict[str, Any]]]:
    inputs = [(i, c) for i, c in enumerate(spec.columns) if c.is_input]
    found = []
    for r, row in enumerate(ws.iter_rows(min_row=FIRST_ROW, values_only=True), start=FIRST_ROW):
        if r - FIRST_ROW > MAX_ROWS:
            break
        values = {c.key: _value(c, row[i] if i < len(row) else None, f"{ws.title}!{spec.letter(c.key)}{r}", source)
                  for i, c in inputs}
        if values.get("id") is None:
            if any(v is not None for v in values.values()):
                raise _refuse("no_id", f"la fila {r} de «{ws.title}» tiene datos pero no el id de su encuesta",
                              f"row {r} of '{ws.title}' has data but no survey id", source, f"{ws.title}!A{r}")
            continue
        found.append((r, {k: v for k, v in values.items() if v is not None}))
    return found


def _nest(flat: dict[str, Any], prefix: str) -> dict[str, Any]:
    """{"shares.left_on_soil": 0.4} → {"shares": {"left_on_soil": 0.4}} for keys under ``prefix``."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        if key.startswith(prefix + "."):
            out[key.split(".", 1)[1]] = value
    return out


def import_workbook(path: str | Path) -> Survey | Campaign:
    path = Path(path)
    source = str(path)
    wb = _open(path)
    meta = _meta(wb, source)
    sheets = {spec.key: _rows(_checked_sheet(wb, spec, meta, source), spec, source)
              for spec in DATA_SHEETS if spec is not CALC}
    docs: dict[str, dict[str, Any]] = {}
    where: dict[tuple[str, str], str] = {}
    titles = {spec.key: str(meta.get(f"sheet.{spec.key}") or spec.es) for spec in DATA_SHEETS}
    for r, g in sheets["general"]:
        survey_id = g.pop("id")
        meta_fields = {k: g.pop(k) for k in ("unit", "notes", "estimated_fields") if k in g}
        if "estimated_fields" in meta_fields:
            meta_fields["estimated_fields"] = [s.strip() for s in str(meta_fields["estimated_fields"]).split(",")]
        docs[survey_id] = {"id": survey_id, **meta_fields, "general": {**g, "areas": []},
                           "husk": {}, "fertilisation": {"products": [], "pesticides": [], "fuels": []},
                           "drying": {"fuels": []}, "packaging": [], "transport": {"legs": []},
                           "land_use_change": {"conversions": []}}
        where[(survey_id, "general")] = f"{titles['general']}!{r}"

    def doc_for(key: str, r: int, values: dict[str, Any]) -> dict[str, Any]:
        survey_id = values.pop("id")
        if survey_id not in docs:
            raise _refuse("unknown_id", f"la fila {r} de «{titles[key]}» es de una encuesta que no está en "
                                        f"«{titles['general']}»: {survey_id}",
                          f"row {r} of '{titles[key]}' belongs to a survey not in '{titles['general']}': {survey_id}",
                          source, f"{titles[key]}!A{r}")
        where[(survey_id, key)] = f"{titles[key]}!{r}"
        return docs[survey_id]

    for r, v in sheets["husk"]:
        doc = doc_for("husk", r, v)
        doc["husk"] = {**{k: x for k, x in v.items() if not k.startswith("shares.")}, "shares": _nest(v, "shares")}
    for r, v in sheets["fertilisation"]:
        doc_for("fertilisation", r, v)["fertilisation"]["data_collected"] = v.get("data_collected", True)
    for r, v in sheets["fermentation"]:
        doc_for("fermentation", r, v)["fermentation"] = v
    for r, v in sheets["drying"]:
        doc = doc_for("drying", r, v)
        doc["drying"].update({k: x for k, x in v.items() if not k.startswith("shares.")})
        doc["drying"]["shares"] = _nest(v, "shares")
    for r, v in sheets["sequestration"]:
        doc_for("sequestration", r, v)["sequestration"] = v
    targets = {"areas": ("general", "areas"), "products": ("fertilisation", "products"),
               "pesticides": ("fertilisation", "pesticides"), "bags": (None, "packaging"),
               "legs": ("transport", "legs"), "conversions": ("land_use_change", "conversions")}
    for key, (section, field) in targets.items():
        for r, v in sheets[key]:
            doc = doc_for(key, r, v)
            (doc[section] if section else doc)[field].append(v)
    for r, v in sheets["fuels"]:
        use = v.pop("use", "fertilisation")
        doc = doc_for("fuels", r, v)
        (doc["drying"] if use == "drying" else doc["fertilisation"])["fuels"].append(v)
    surveys = [_validated(doc, where, source) for doc in docs.values()]
    if meta.get("kind") == "survey" and len(surveys) == 1:
        return surveys[0]
    try:
        return Campaign(name=str(meta.get("campaign_name") or "Campaña importada"),
                        year=int(meta.get("campaign_year") or surveys[0].general.campaign_year),
                        region=str(meta.get("campaign_region") or "San Martín"),
                        notes=str(meta.get("campaign_notes") or ""), surveys=surveys)
    except (ValidationError, IndexError) as exc:
        raise _refuse("empty", "el libro no contiene encuestas", "the workbook holds no survey", source) from exc


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

