"""Results as a JSON-ready document and as a plain-text table (CLI, logs, tests)."""

from __future__ import annotations

import math
from typing import Any

from cocoa_desktop.engine import land_use
from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import STAGE_LABELS, Footprint, note_message

KG_PER_T = 1000.0
RESULTS_FORMAT = "cocoa-desktop/results"


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def footprint_document(fp: Footprint, years: float = 20.0) -> dict[str, Any]:
    """Per stage t CO2e/yr, share and kg/kg; gross, sequestration, net; land-use change apart: one-off, amortised
    over ``years`` by PAS 2050 with the assumptions taken, and the footprint without and with it side by side."""
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
        "land_use_change": {
            "one_off_t_co2e": fp.luc_one_off_kg / KG_PER_T,
            "amortised_t_co2e_per_year": fp.luc_amortised_kg / KG_PER_T,
            "amortised_kg_co2e_per_kg": _finite(fp.luc_amortised_per_kg),
            "amortisation_years": years,
            "rule": land_use.RULE,
            "assumptions": [{"code": b.value, "es": land_use.words(b, "es", years),
                             "en": land_use.words(b, "en", years)} for b in land_use.bases_in(fp.notes)],
            "without": {"gross_kg_co2e_per_kg": _finite(fp.gross_per_kg), "net_kg_co2e_per_kg": _finite(fp.net_per_kg)},
            "with": {"gross_t_co2e_per_year": fp.gross_with_luc_kg / KG_PER_T,
                     "net_t_co2e_per_year": fp.net_with_luc_kg / KG_PER_T,
                     "gross_kg_co2e_per_kg": _finite(fp.per_kg(fp.gross_with_luc_kg)),
                     "net_kg_co2e_per_kg": _finite(fp.per_kg(fp.net_with_luc_kg))},
        },
        "notes": sorted(fp.notes),
    }


def results_document(f: Factors, units: list[Footprint], total: Footprint | None) -> dict[str, Any]:
    return {
        "format": RESULTS_FORMAT,
        "format_version": 1,
        "factor_set": f.factor_set.id,
        "gwp": f.gwp.id,
        "units": [footprint_document(u, f["luc_amortisation_years"]) for u in units],
        "total": footprint_document(total, f["luc_amortisation_years"]) if total is not None else None,
    }


def format_quantity(value: float, decimals: int, lang: str) -> str:
    """A quantity for people: "40 203,1" in Spanish (as in the report), "40,203.1" in English, "—" if undefined."""
    if not math.isfinite(value):
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "es":  # Peruvian usage in the report: 40 203,1 → we use thin grouping and a decimal comma
        text = text.replace(",", " ").replace(".", ",")
    return text


def luc_figure(fp: Footprint, lang: str, years: float = 20.0) -> str:
    """Land-use change in one sentence, the same words on the results page, in the PDF and the CLI: the one-off
    total, this campaign's share amortised by PAS 2050 in t/yr and kg CO2e per kg."""
    es = lang != "en"
    if fp.luc_one_off_kg <= 0 and not land_use.bases_in(fp.notes):
        return ("Cambio de uso del suelo (aparte): no se registró conversión de bosque u otros usos a cacao." if es
                else "Land-use change (reported apart): no conversion of forest or other land to cocoa was recorded.")
    per_kg = fp.luc_amortised_per_kg
    kg = f"+{format_quantity(per_kg, 2, lang)}" if math.isfinite(per_kg) else "—"
    template = ("Cambio de uso del suelo (aparte): {once} t CO2e de una sola vez; amortizado en {n} años (PAS 2050): "
                "{yr} t CO2e/año, {kg} kg CO2e por kg de cacao." if es else
                "Land-use change (reported apart): {once} t CO2e one-off; amortised over {n} years (PAS 2050): "
                "{yr} t CO2e/yr, {kg} kg CO2e per kg of cocoa.")
    return template.format(once=format_quantity(fp.luc_one_off_kg / KG_PER_T, 0, lang), n=f"{years:g}",
                           yr=format_quantity(fp.luc_amortised_kg / KG_PER_T, 1, lang), kg=kg)


def luc_assumptions(fp: Footprint, lang: str, years: float = 20.0) -> str:
    """Which assumption(s) the amortised figure took (PAS 2050 §5.6), in words; "" when there is no conversion."""
    found = [land_use.words(b, lang, years) for b in land_use.bases_in(fp.notes)]
    if not found:
        return ""
    head = ("Supuesto" if len(found) == 1 else "Supuestos") if lang != "en" else (
        "Assumption" if len(found) == 1 else "Assumptions")
    return f"{head}: {'; '.join(found)}."


LUC_COMPARISON_HEAD = (("Sin cambio de uso del suelo", "Without land-use change"),
                       ("Con cambio de uso del suelo (amortizado)", "With land-use change (amortised)"))


def luc_comparison(fp: Footprint, lang: str) -> list[tuple[str, float, float]]:
    """The footprint without and with land-use change side by side, kg CO2e per kg: (label, without, with)."""
    es = lang != "en"
    return [("Emisiones brutas" if es else "Gross emissions", fp.gross_per_kg, fp.per_kg(fp.gross_with_luc_kg)),
            ("Emisiones netas" if es else "Net emissions", fp.net_per_kg, fp.per_kg(fp.net_with_luc_kg))]


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
    for label, value, value_per_kg in rows:
        tonnes, intensity = format_quantity(value / KG_PER_T, 1, lang), format_quantity(value_per_kg, 3, lang)
        lines.append(f"{label:<48}{tonnes:>14}{'':>9}{intensity:>9}")
    years = f["luc_amortisation_years"]
    lines.append("")
    lines.append(luc_figure(fp, lang, years))
    assumed = luc_assumptions(fp, lang, years)
    if assumed:
        lines.append(assumed)
        without_head, with_head = (("sin cambio de uso", "con cambio de uso") if es
                                   else ("without land-use change", "with land-use change"))
        lines.append(f"{'kg CO2e/kg':<34}{without_head:>23}{with_head:>23}")
        lines.extend(f"{label:<34}{format_quantity(without, 3, lang):>23}{format_quantity(with_luc, 3, lang):>23}"
                     for label, without, with_luc in luc_comparison(fp, lang))
    lines.extend(f"* {note_message(n, lang)}" for n in sorted(fp.notes) if not land_use.is_basis_note(n))
    return "\n".join(lines)
