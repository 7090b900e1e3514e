"""Results as a JSON-ready document and as a plain-text table (CLI, logs, tests)."""

from __future__ import annotations

import math
from typing import Any

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import STAGE_LABELS, Footprint, note_message

KG_PER_T = 1000.0
RESULTS_FORMAT = "cocoa-desktop/results"


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def footprint_document(fp: Footprint) -> dict[str, Any]:
    """Per stage t CO2e/yr, share and kg/kg; gross, sequestration, net; land-use change apart."""
    return {
        "label": fp.label,
        "surveys": fp.surveys,
        "production_kg": fp.production_kg,
        "area_ha": fp.area_ha,
        "producers": fp.producers,
        "stages": {
            stage.value: {
                "t_co2e_per_year": value / KG_PER_T,
                "share": fp.share(stage),
                "kg_co2e_per_kg": _finite(fp.per_kg(value)),
            }
            for stage, value in fp.stages.items()
        },
        "gross": {"t_co2e_per_year": fp.gross_kg / KG_PER_T, "kg_co2e_per_kg": _finite(fp.gross_per_kg)},
        "sequestration": {"t_co2_per_year": fp.sequestration_kg / KG_PER_T,
                          "kg_co2_per_kg": _finite(fp.sequestration_per_kg)},
        "net": {"t_co2e_per_year": fp.net_kg / KG_PER_T, "kg_co2e_per_kg": _finite(fp.net_per_kg)},
        "land_use_change": {"one_off_t_co2e": fp.luc_one_off_kg / KG_PER_T,
                            "amortised_t_co2e_per_year": fp.luc_amortised_kg / KG_PER_T},
        "notes": sorted(fp.notes),
    }


def results_document(f: Factors, units: list[Footprint], total: Footprint | None) -> dict[str, Any]:
    return {
        "format": RESULTS_FORMAT,
        "format_version": 1,
        "factor_set": f.factor_set.id,
        "gwp": f.gwp.id,
        "units": [footprint_document(u) for u in units],
        "total": footprint_document(total) if total is not None else None,
    }


def format_quantity(value: float, decimals: int, lang: str) -> str:
    """A quantity for people: "40 203,1" in Spanish (as in the report), "40,203.1" in English, "—" if undefined."""
    if not math.isfinite(value):
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "es":  # Peruvian usage in the report: 40 203,1 → we use thin grouping and a decimal comma
        text = text.replace(",", " ").replace(".", ",")
    return text


def text_table(fp: Footprint, f: Factors, lang: str = "es") -> str:
    es = lang != "en"
    idx = 0 if es else 1
    head = (f"{fp.label}  —  {'factores' if es else 'factors'}: {f.factor_set.name(lang)}, "
            f"{'PCG' if es else 'GWP'} {f.gwp.id}")
    prod = (f"{'Producción' if es else 'Production'}: {format_quantity(fp.production_kg, 0, lang)} kg "
            f"{'cacao seco/año' if es else 'dry cocoa/yr'}; {format_quantity(fp.area_ha, 1, lang)} ha; "
            f"{fp.producers} {'productores' if es else 'producers'}")
    col = ("Etapa", "t CO2e/año", "%", "kg/kg") if es else ("Stage", "t CO2e/yr", "%", "kg/kg")
    lines = [head, prod, "", f"{col[0]:<48}{col[1]:>14}{col[2]:>9}{col[3]:>9}"]
    for rank, (stage, value) in enumerate(fp.ranked_stages(), start=1):
        tonnes = format_quantity(value / KG_PER_T, 1, lang)
        share = format_quantity(fp.share(stage) * 100, 2, lang)
        per_kg = format_quantity(fp.per_kg(value), 3, lang)
        lines.append(f"{rank}. {STAGE_LABELS[stage][idx]:<45}{tonnes:>14}{share:>9}{per_kg:>9}")
    rows = [
        ("Emisiones brutas" if es else "Gross emissions", fp.gross_kg, fp.gross_per_kg),
        ("Secuestro (fotosíntesis del cultivo)" if es else "Sequestration (crop photosynthesis)",
         fp.sequestration_kg, fp.sequestration_per_kg),
        ("Emisiones netas" if es else "Net emissions", fp.net_kg, fp.net_per_kg),
    ]
    lines.append("")
    for label, value, per_kg in rows:
        tonnes, intensity = format_quantity(value / KG_PER_T, 1, lang), format_quantity(per_kg, 3, lang)
        lines.append(f"{label:<48}{tonnes:>14}{'':>9}{intensity:>9}")
    luc_label = "Cambio de uso del suelo (aparte)" if es else "Land-use change (reported apart)"
    once = "t CO2e único" if es else "t CO2e one-off"
    amort = "t CO2e/año amortizado 20 años" if es else "t CO2e/yr amortised over 20 years"
    lines.append(f"{luc_label}: {format_quantity(fp.luc_one_off_kg / KG_PER_T, 0, lang)} {once}; "
                 f"{format_quantity(fp.luc_amortised_kg / KG_PER_T, 1, lang)} {amort}")
    lines.extend(f"* {note_message(n, lang)}" for n in sorted(fp.notes))
    return "\n".join(lines)
