"""Results as a JSON-ready document and as a plain-text table (CLI, logs, tests)."""

from __future__ import annotations

import math
from typing import Any

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, Footprint, note_message
from cocoa_desktop.engine.words import KG_PER_T, pick, quantity, say

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


format_quantity = quantity  # the name callers outside the package (tests, scripts) know


def luc_figure(fp: Footprint, lang: str, years: float = 20.0) -> str:
    """Land-use change in one sentence, the same words on the results page, in the PDF and the CLI: the one-off
    total, this campaign's share amortised by PAS 2050 in t/yr and kg CO2e per kg."""
    if fp.luc_one_off_kg <= 0 and not land_use.bases_in(fp.notes):
        return say(lang, "Cambio de uso del suelo (aparte): no se registró conversión de bosque u otros usos a cacao.",
                   "Land-use change (reported apart): no conversion of forest or other land to cocoa was recorded.")
    per_kg = fp.luc_amortised_per_kg
    kg = f"+{quantity(per_kg, 2, lang)}" if math.isfinite(per_kg) else "—"
    template = say(lang, "Cambio de uso del suelo (aparte): {once} t CO2e de una sola vez; amortizado en {n} años "
                   "(PAS 2050): {yr} t CO2e/año, {kg} kg CO2e por kg de cacao.",
                   "Land-use change (reported apart): {once} t CO2e one-off; amortised over {n} years (PAS 2050): "
                   "{yr} t CO2e/yr, {kg} kg CO2e per kg of cocoa.")
    return template.format(once=quantity(fp.luc_one_off_kg / KG_PER_T, 0, lang), n=f"{years:g}",
                           yr=quantity(fp.luc_amortised_kg / KG_PER_T, 1, lang), kg=kg)


def luc_assumptions(fp: Footprint, lang: str, years: float = 20.0) -> str:
    """Which assumption(s) the amortised figure took (PAS 2050 §5.6), in words; "" when there is no conversion."""
    found = [land_use.words(b, lang, years) for b in land_use.bases_in(fp.notes)]
    if not found:
        return ""
    head = say(lang, "Supuesto", "Assumption") if len(found) == 1 else say(lang, "Supuestos", "Assumptions")
    return f"{head}: {'; '.join(found)}."


LUC_COMPARISON_HEAD = (("Sin cambio de uso del suelo", "Without land-use change"),
                       ("Con cambio de uso del suelo (amortizado)", "With land-use change (amortised)"))


def luc_comparison(fp: Footprint, lang: str) -> list[tuple[str, float, float]]:
    """The footprint without and with land-use change side by side, kg CO2e per kg: (label, without, with)."""
    return [(say(lang, "Emisiones brutas", "Gross emissions"), fp.gross_per_kg, fp.per_kg(fp.gross_with_luc_kg)),
            (say(lang, "Emisiones netas", "Net emissions"), fp.net_per_kg, fp.per_kg(fp.net_with_luc_kg))]


def text_table(fp: Footprint, f: Factors, lang: str = "es") -> str:
    head = (f"{fp.label}  —  {say(lang, 'factores', 'factors')}: {f.factor_set.name(lang)}, "
            f"{say(lang, 'PCG', 'GWP')} {f.gwp.id}")
    prod = (f"{say(lang, 'Producción', 'Production')}: {quantity(fp.production_kg, 0, lang)} kg "
            f"{say(lang, 'cacao seco/año', 'dry cocoa/yr')}; {quantity(fp.area_ha, 1, lang)} ha; "
            f"{fp.producers} {say(lang, 'productores', 'producers')}")
    col = say(lang, ("Etapa", "t CO2e/año", "%", "kg/kg"), ("Stage", "t CO2e/yr", "%", "kg/kg"))
    lines = [head, prod, "", f"{col[0]:<48}{col[1]:>14}{col[2]:>9}{col[3]:>9}"]
    for rank, (stage, value) in enumerate(fp.ranked_stages(), start=1):
        tonnes = quantity(value / KG_PER_T, 1, lang)
        share = quantity(fp.share(stage) * 100, 2, lang)
        per_kg = quantity(fp.per_kg(value), 3, lang)
        lines.append(f"{rank}. {pick(STAGE_LABELS[stage], lang):<45}{tonnes:>14}{share:>9}{per_kg:>9}")
    rows = [
        (say(lang, "Emisiones brutas", "Gross emissions"), fp.gross_kg, fp.gross_per_kg),
        (say(lang, "Secuestro (fotosíntesis del cultivo)", "Sequestration (crop photosynthesis)"),
         fp.sequestration_kg, fp.sequestration_per_kg),
        (say(lang, "Emisiones netas", "Net emissions"), fp.net_kg, fp.net_per_kg),
    ]
    lines.append("")
    for label, value, value_per_kg in rows:
        tonnes, intensity = quantity(value / KG_PER_T, 1, lang), quantity(value_per_kg, 3, lang)
        lines.append(f"{label:<48}{tonnes:>14}{'':>9}{intensity:>9}")
    years = f["luc_amortisation_years"]
    lines.append("")
    lines.append(luc_figure(fp, lang, years))
    assumed = luc_assumptions(fp, lang, years)
    if assumed:
        lines.append(assumed)
        without_head, with_head = say(lang, ("sin cambio de uso", "con cambio de uso"),
                                      ("without land-use change", "with land-use change"))
        lines.append(f"{'kg CO2e/kg':<34}{without_head:>23}{with_head:>23}")
        lines.extend(f"{label:<34}{quantity(without, 3, lang):>23}{quantity(with_luc, 3, lang):>23}"
                     for label, without, with_luc in luc_comparison(fp, lang))
    lines.extend(f"* {note_message(n, lang)}" for n in sorted(fp.notes) if not land_use.is_basis_note(n))
    return "\n".join(lines)
