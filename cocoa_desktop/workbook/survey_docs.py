"""The rows read from each sheet → one survey document per survey id, for the survey model to validate.

Matching is by id only. A survey id twice in a sheet, a row whose id is not in "Datos generales", and a survey
without its row in one of the section sheets (added by hand and not finished) are refused with the sheet and
row; nothing is filled in with defaults behind the user's back.
"""

from __future__ import annotations

from typing import Any

from cocoa_desktop.engine.model import sections
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.workbook.layout import LINKED_SHEETS

Read = dict[str, list[tuple[int, dict[str, Any]]]]
Where = dict[tuple[str, str], str]
ITEM_TARGETS = {"areas": ("general", "areas"), "products": ("fertilisation", "products"),
                "pesticides": ("fertilisation", "pesticides"), "bags": (None, "packaging"),
                "legs": ("transport", "legs"), "conversions": ("land_use_change", "conversions")}
MAX_ISSUES = 30


def _new_doc(survey_id: str, g: dict[str, Any]) -> dict[str, Any]:
    head = {k: g.pop(k) for k in ("unit", "notes", "estimated_fields") if k in g}
    if "estimated_fields" in head:
        head["estimated_fields"] = [p.strip() for p in str(head["estimated_fields"]).split(",") if p.strip()]
    return {"id": survey_id, **head, "general": {**g, "areas": []}, "husk": {},
            "fertilisation": {"products": [], "pesticides": [], "fuels": []}, "drying": {"fuels": []},
            "packaging": [], "transport": {"legs": []}, "land_use_change": {"conversions": []}}


def assemble(read: Read, titles: dict[str, str], source: str) -> tuple[list[dict[str, Any]], Where]:
    issues: list[Issue] = []
    docs: dict[str, dict[str, Any]] = {}
    where: Where = {}
    first_row: dict[tuple[str, str], int] = {}

    def once(key: str, r: int, survey_id: str) -> bool:
        seen = first_row.setdefault((key, survey_id), r)
        if seen != r:
            issues.append(Issue(f"{titles[key]}!A{r}", "duplicate_id",
                                f"la encuesta {survey_id} aparece dos veces en «{titles[key]}» (filas {seen} y {r}): "
                                "deje una sola fila", f"survey {survey_id} appears twice in '{titles[key]}' (rows "
                                                      f"{seen} and {r}): keep one row"))
            return False
        return True

    for r, g in read["general"]:
        survey_id = g.pop("id")
        if once("general", r, survey_id):
            docs[survey_id] = _new_doc(survey_id, g)
            where[(survey_id, "general")] = f"{titles['general']}!{r}"

    def doc_for(key: str, r: int, values: dict[str, Any]) -> dict[str, Any] | None:
        survey_id = values.pop("id")
        if survey_id not in docs:
            issues.append(Issue(f"{titles[key]}!A{r}", "unknown_id",
                                f"la fila {r} de «{titles[key]}» es de una encuesta que no está en "
                                f"«{titles['general']}»: {survey_id}",
                                f"row {r} of '{titles[key]}' belongs to a survey not in '{titles['general']}': "
                                f"{survey_id}"))
            return None
        where.setdefault((survey_id, key), f"{titles[key]}!{r}")
        return docs[survey_id]

    for key in sections.ONE_ROW_SHEETS:
        for r, values in read[key]:
            survey_id = values.get("id")
            doc = doc_for(key, r, values)
            if doc is None or not once(key, r, survey_id):
                continue
            _section(doc, key, values)
    for survey_id, doc in docs.items():
        missing = [titles[s.key] for s in LINKED_SHEETS if (s.key, survey_id) not in first_row]
        if missing:
            names = ", ".join(f"«{m}»" for m in missing)
            names_en = ", ".join(f"'{m}'" for m in missing)
            issues.append(Issue(where[(survey_id, "general")], "incomplete_survey",
                                f"la encuesta {survey_id} ({doc['general'].get('organisation', '')}) no tiene fila en "
                                f"{names}: agregue esa fila con el mismo id, o quite la encuesta",
                                f"survey {survey_id} ({doc['general'].get('organisation', '')}) has no row in "
                                f"{names_en}: add that row with the same id, or "
                                "remove the survey"))
    for key, (section, field) in ITEM_TARGETS.items():
        for r, values in read[key]:
            doc = doc_for(key, r, values)
            if doc is not None:
                (doc[section] if section else doc)[field].append(values)
    for r, values in read["fuels"]:
        use = values.pop("use", None)
        doc = doc_for("fuels", r, values)
        if doc is None:
            continue
        if use is None:
            issues.append(Issue(f"{titles['fuels']}!C{r}", "missing", "falta el uso del combustible (abonamiento o "
                                "secado)", "the fuel's use is missing (fertilisation or drying)"))
            continue
        (doc["drying"] if use == "drying" else doc["fertilisation"])["fuels"].append(values)
    if issues:
        raise SurveyValidationError(issues[:MAX_ISSUES], source=source)
    return list(docs.values()), where


def _section(doc: dict[str, Any], key: str, values: dict[str, Any]) -> None:
    shares = {k.split(".", 1)[1]: x for k, x in values.items() if k.startswith("shares.")}
    rest = {k: x for k, x in values.items() if not k.startswith("shares.")}
    if key == "husk":
        doc["husk"] = {**rest, "shares": shares}
    elif key == "drying":
        doc["drying"].update(rest)
        doc["drying"]["shares"] = shares
    elif key == "fertilisation":
        doc["fertilisation"]["data_collected"] = rest.get("data_collected", True)
    else:
        doc[key] = rest
