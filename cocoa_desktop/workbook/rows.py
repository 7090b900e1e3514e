"""Surveys → the rows of the workbook's data sheets: input values by column key (choices as words of the
workbook's language), and each item with the values of its computed columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Any

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.model import sections
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.fields import asked_leaves
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.words import say
from cocoa_desktop.workbook import values
from cocoa_desktop.workbook.leaves import place
from cocoa_desktop.workbook.words import estimated_words


@dataclass(slots=True)
class Item:
    survey: int  # index of its survey
    inputs: dict[str, Any]
    computed: dict[str, Any]


def _word(list_name: str, key: object, lang: str) -> str | None:
    return None if key is None else v.label(v.LISTS[list_name], str(key), lang)


@cache
def _asked_by_sheet() -> dict[str, tuple[tuple[str, attrgetter[Any]], ...]]:
    """Per-survey sheet → (column, how to read its value from a survey) of the fields declared with their words in the
    model (engine/model/asked.py): written without a line of their own here."""
    found: dict[str, list[tuple[str, attrgetter[Any]]]] = {}
    for leaf in asked_leaves():
        sheet, column = place(leaf)
        found.setdefault(sheet, []).append((column, attrgetter(leaf.path)))
    return {sheet: tuple(columns) for sheet, columns in found.items()}


def _asked_values(sheet: str, survey: Survey) -> dict[str, Any]:
    """The declared fields' values of ``survey`` on ``sheet``, an empty text as an empty cell."""
    return {column: None if (value := read(survey)) == "" else value
            for column, read in _asked_by_sheet().get(sheet, ())}


def survey_rows(surveys: Sequence[Survey], footprints: Sequence[Footprint], f: Factors,
                lang: str) -> dict[str, list[dict[str, Any]]]:
    """Per-survey sheet key → one dict per survey, inputs and computed values together."""
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in ("general", *sections.ONE_ROW_SHEETS)}
    yes_no = (say(lang, "sí", "yes"), "no")
    for s, fp in zip(surveys, footprints, strict=True):
        g = s.general
        rows["general"].append({
            "id": s.id, "unit": _word("unit", s.unit.value, lang), "organisation": g.organisation,
            "farm_name": g.farm_name or None, "campaign_year": g.campaign_year, "region": g.region or None,
            "producers": g.producers, "productive_area_ha": g.productive_area_ha,
            "dry_cocoa_kg": g.dry_cocoa_kg, "wet_cocoa_kg": g.wet_cocoa_kg, "wet_to_dry_ratio": g.wet_to_dry_ratio,
            "cocoa_trees_per_ha": g.cocoa_trees_per_ha, "shade_trees_per_ha": g.shade_trees_per_ha,
            "notes": s.notes or None, "estimated_words": estimated_words(s.estimated_fields, lang) or None,
            "estimated_fields": ", ".join(s.estimated_fields) or None, **values.general(s),
        })
        rows["husk"].append({"id": s.id, "husk_kg_per_kg_cocoa": s.husk.husk_kg_per_kg_cocoa,
                             **{f"shares.{k.value}": x for k, x in s.husk.shares.items()},
                             **values.husk(s, fp, f)})
        rows["fertilisation"].append({"id": s.id, "data_collected": yes_no[0 if s.fertilisation.data_collected else 1]})
        rows["fermentation"].append({"id": s.id, "method": _word("fermentation", s.fermentation.method.value, lang),
                                     "fermented_share": s.fermentation.fermented_share,
                                     "on_farm_share": s.fermentation.on_farm_share, **values.fermentation(s, fp)})
        rows["drying"].append({"id": s.id, "electricity_kwh": s.drying.electricity_kwh,
                               **{f"shares.{k.value}": x for k, x in s.drying.shares.items()}, **values.drying(s)})
        rows["sequestration"].append({"id": s.id,
                                      "shade_trees_inventory": s.sequestration.shade_trees_inventory or None,
                                      "sequestration": fp.sequestration_kg})
    for sheet, sheet_rows in rows.items():
        for row, survey in zip(sheet_rows, surveys, strict=True):
            row["label"] = values.name(survey)
            row |= _asked_values(sheet, survey)
    return rows


CHOICE_LISTS = {  # item sheet → {column: vocabulary list}
    "areas": {"system": "system", "age_class": "age_class"}, "products": {"type": "fertiliser"},
    "pesticides": {"type": "pesticide"}, "fuels": {"use": "fuel_use", "fuel": "fuel"}, "bags": {"type": "bag"},
    "legs": {"vehicle": "vehicle", "distance_unit": "distance_unit", "fuel": "vehicle_fuel"},
    "conversions": {"previous_use": "previous_use"},
}


def _inputs(sheet: str, survey: Survey, model: Any, lang: str, **extra: Any) -> dict[str, Any]:
    dumped = {k: x for k, x in model.model_dump(mode="json").items() if x is not None and x != ""}
    row = {"id": survey.id, "label": values.name(survey), **extra, **dumped}
    for column, list_name in CHOICE_LISTS[sheet].items():
        row[f"_k_{column}"] = row.get(column, "#N/A")  # the hidden key column's value (VLOOKUP of a blank: #N/A)
        if column in row:
            row[column] = _word(list_name, row[column], lang)
    return row


def item_rows(surveys: Sequence[Survey], f: Factors, lang: str) -> dict[str, list[Item]]:
    """Item sheet key → its rows, grouped by survey in the surveys' order (the calculation sheet's blocks)."""
    rows: dict[str, list[Item]] = {k: [] for k in CHOICE_LISTS}
    for i, s in enumerate(surveys):
        rows["areas"] += [Item(i, _inputs("areas", s, a, lang), values.area(a, f)) for a in s.general.areas]
        rows["products"] += [Item(i, _inputs("products", s, p, lang), values.product(p, f))
                             for p in s.fertilisation.products]
        rows["pesticides"] += [Item(i, _inputs("pesticides", s, p, lang), values.pesticide(p, f))
                               for p in s.fertilisation.pesticides]
        for use, uses in (("fertilisation", s.fertilisation.fuels), ("drying", s.drying.fuels)):
            rows["fuels"] += [Item(i, _inputs("fuels", s, u, lang, use=use), values.fuel(use, u, f)) for u in uses]
        rows["bags"] += [Item(i, _inputs("bags", s, b, lang), values.bag(b, f)) for b in s.packaging]
        rows["legs"] += [Item(i, _inputs("legs", s, leg, lang), values.leg(leg, f)) for leg in s.transport.legs]
        rows["conversions"] += [Item(i, _inputs("conversions", s, c, lang), values.conversion(c, s, f, lang))
                                for c in s.land_use_change.conversions]
    return rows
