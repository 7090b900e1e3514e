"""Surveys ↔ the rows of the workbook's data sheets (values of input columns, by column key)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cocoa_desktop.engine.survey import Survey

YES_WORDS = {"sí", "si", "yes", "y", "s", "true", "1"}


def survey_rows(surveys: Sequence[Survey]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "general", "husk", "fertilisation", "fermentation", "drying", "sequestration")}
    for s in surveys:
        g = s.general
        rows["general"].append({
            "id": s.id, "unit": s.unit.value, "organisation": g.organisation, "farm_name": g.farm_name,
            "campaign_year": g.campaign_year, "region": g.region, "technician": g.technician,
            "producers": g.producers, "productive_area_ha": g.productive_area_ha, "dry_cocoa_kg": g.dry_cocoa_kg,
            "wet_cocoa_kg": g.wet_cocoa_kg, "wet_to_dry_ratio": g.wet_to_dry_ratio,
            "cocoa_trees_per_ha": g.cocoa_trees_per_ha, "shade_trees_per_ha": g.shade_trees_per_ha,
            "notes": s.notes or None, "estimated_fields": ", ".join(s.estimated_fields) or None,
        })
        rows["husk"].append({"id": s.id, "husk_kg_per_kg_cocoa": s.husk.husk_kg_per_kg_cocoa,
                             "compost_method": s.husk.compost_method or None,
                             **{f"shares.{k.value}": v for k, v in s.husk.shares.items()}})
        rows["fertilisation"].append({"id": s.id, "data_collected": "sí" if s.fertilisation.data_collected else "no"})
        rows["fermentation"].append({"id": s.id, "method": s.fermentation.method.value,
                                     "fermented_share": s.fermentation.fermented_share,
                                     "on_farm_share": s.fermentation.on_farm_share})
        rows["drying"].append({"id": s.id, "electricity_kwh": s.drying.electricity_kwh,
                               **{f"shares.{k.value}": v for k, v in s.drying.shares.items()}})
        rows["sequestration"].append({"id": s.id,
                                      "shade_trees_inventory": s.sequestration.shade_trees_inventory or None})
    return rows


def _dump(model: Any) -> dict[str, Any]:
    return {k: v for k, v in model.model_dump(mode="json").items() if v is not None and v != ""}


def item_rows(surveys: Sequence[Survey]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "areas", "products", "pesticides", "fuels", "bags", "legs", "conversions")}
    for s in surveys:
        rows["areas"] += [{"id": s.id, **_dump(a)} for a in s.general.areas]
        rows["products"] += [{"id": s.id, **_dump(p)} for p in s.fertilisation.products]
        rows["pesticides"] += [{"id": s.id, **_dump(p)} for p in s.fertilisation.pesticides]
        rows["fuels"] += [{"id": s.id, "use": "fertilisation", **_dump(u)} for u in s.fertilisation.fuels]
        rows["fuels"] += [{"id": s.id, "use": "drying", **_dump(u)} for u in s.drying.fuels]
        rows["bags"] += [{"id": s.id, **_dump(b)} for b in s.packaging]
        rows["legs"] += [{"id": s.id, **_dump(leg)} for leg in s.transport.legs]
        rows["conversions"] += [{"id": s.id, **_dump(c)} for c in s.land_use_change.conversions]
    return rows


def is_yes(value: Any) -> bool:
    return str(value).strip().lower() in YES_WORDS
