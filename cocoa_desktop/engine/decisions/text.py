"""Plain text and JSON documents of the decision features (CLI, logs): the §7 table of a campaign with its
recommendations, a scenario before and after, and the uncertainty of each cooperative, in Spanish or English."""

from __future__ import annotations

from typing import Any

from cocoa_desktop.engine.decisions.recommendation_words import (
    comparison,
    compensation_words,
    densification_comparison,
    message,
    plan_notes,
    reduction_words,
    tier_words,
)
from cocoa_desktop.engine.decisions.recommendations import Plan
from cocoa_desktop.engine.decisions.scenarios import ScenarioResult, composting_comparison
from cocoa_desktop.engine.footprint.campaign import CampaignTable, report_difference
from cocoa_desktop.engine.footprint.extrapolation import RatioEstimate, region_sentence
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, Footprint, Stage
from cocoa_desktop.engine.uncertainty.monte_carlo import Uncertainty, UnitUncertainty
from cocoa_desktop.engine.words import KG_PER_T, index, quantity, say

DECISIONS_FORMAT = "cocoa-desktop/decisions"


def heading(name: str, f: Factors, lang: str, training: bool = False) -> str:
    mark = say(lang, "DATOS DE FORMACIÓN — ", "TRAINING DATA — ") if training else ""
    return (f"{mark}{name}  —  {say(lang, 'factores', 'factors')}: {f.factor_set.name(lang)}, "
            f"{say(lang, 'PCG', 'GWP')} {f.gwp.id}")


def campaign_text(table: CampaignTable, plans: list[Plan], f: Factors, lang: str = "es",
                  region: RatioEstimate | None = None, training: bool = False) -> str:
    cols = (say(lang, "Cooperativa", "Cooperative"), "ha", say(lang, "socios", "partners"),
            say(lang, "cáscara", "husk"), say(lang, "neto t/año", "net t/yr"), say(lang, "neto kg/kg", "net kg/kg"),
            say(lang, "informe", "report"), "kg/ha", say(lang, "ha/socio", "ha/partner"), say(lang, "neto/bruto",
                                                                                        "net/gross"))
    out = [heading(table.name, f, lang, training), "",
           f"{'#':>2} {cols[0]:<44}{cols[1]:>8}{cols[2]:>9}{cols[3]:>9}{cols[4]:>12}{cols[5]:>11}{cols[6]:>9}"
           f"{cols[7]:>8}{cols[8]:>11}{cols[9]:>11}"]

    def line(rank: str, name: str, fp: Footprint, published: str, yield_: float, per_partner: float) -> str:
        husk = quantity(fp.share(Stage.HUSK) * 100, 0, lang) + " %"
        return (f"{rank:>2} {name[:43]:<44}{quantity(fp.area_ha, 0, lang):>8}"
                f"{quantity(fp.producers, 0, lang):>9}{husk:>9}"
                f"{quantity(fp.net_kg / KG_PER_T, 1, lang):>12}{quantity(fp.net_per_kg, 2, lang):>11}{published:>9}"
                f"{quantity(yield_, 0, lang):>8}{quantity(per_partner, 2, lang):>11}"
                f"{quantity(fp.net_kg / fp.gross_kg * 100 if fp.gross_kg else float('nan'), 0, lang) + ' %':>11}")

    for row in table.rows:
        published = quantity(row.published.net_per_kg, 2, lang) if row.published else "—"
        out.append(line(str(row.rank), row.name, row.footprint, published, row.yield_kg_ha, row.area_per_partner_ha))
    total = table.total
    out.append(line("", say(lang, "Total (suma de las cooperativas)", "Total (sum of the cooperatives)"), total,
                    "", table.yield_kg_ha, total.area_ha / total.producers if total.producers else float("nan")))
    difference = report_difference(table, lang)
    if difference:
        out += ["", "* " + difference]
    out += ["", say(lang, "Recomendaciones, en el orden de la jerarquía de mitigación (evitar, reducir, restaurar, "
                         "compensar)", "Recommendations, in the order of the mitigation hierarchy (avoid, reduce, "
                                       "restore, compensate)")]
    for plan in plans:
        out += ["", f"{plan.name} — {quantity(plan.footprint.net_per_kg, 2, lang)} kg CO2e/kg"]
        out += [f"   {tier_words(r.tier, lang)}: {message(r, lang)}" for r in plan.items]
        out += [f"   {say(lang, 'Nota', 'Note')}: {note}" for note in plan_notes(plan, lang, unsaid_only=True)]
        out.append(f"   {say(lang, 'Evitar y reducir', 'Avoid and reduce')}: {reduction_words(plan, lang)}  |  "
                   f"{say(lang, 'Compensación', 'Compensation')}: {compensation_words(plan, lang)}")
        if plan.published is not None:
            out.append(f"   {say(lang, 'Informe (§7)', 'Report (§7)')}: {plan.published.reduction_words(lang)}  |  "
                       f"{plan.published.compensation_words(lang)}")
        out.append(f"   {comparison(plan, lang)}")
    dense = densification_comparison(plans, lang)
    if dense:
        out += ["", "* " + dense]
    if region is not None:
        out += ["", "* " + region_sentence(region, lang)]
    return "\n".join(out)


def campaign_document(table: CampaignTable, plans: list[Plan], f: Factors, lang: str = "es",
                      region: RatioEstimate | None = None, training: bool = False) -> dict[str, Any]:
    by_name = {p.name: p for p in plans}

    def row(r: Any) -> dict[str, Any]:
        plan = by_name[r.name]
        return {
            "rank": r.rank, "cooperative": r.name, "area_ha": r.footprint.area_ha, "partners": r.footprint.producers,
            "production_kg": r.footprint.production_kg, "husk_share_of_gross": r.husk_share, "net_t": r.net_t,
            "net_kg_per_kg": _finite(r.net_per_kg), "yield_kg_ha": _finite(r.yield_kg_ha),
            "area_per_partner_ha": _finite(r.area_per_partner_ha), "net_of_gross": _finite(r.net_of_gross),
            "reduction": reduction_words(plan, lang), "compensation": compensation_words(plan, lang),
            "recommendations": [{"tier": x.tier.value, "code": x.code, "saving_t_per_year": x.saving_t,
                                 "numbers": x.numbers, "message": message(x, lang)} for x in plan.items],
            "report_vs_model": comparison(plan, lang),
            "notes": [{"code": code, "message": text} for code, text in zip(plan.notes, plan_notes(plan, lang),
                                                                             strict=True)],
            "published": None if r.published is None else {
                "net_t": r.published.net_t, "net_kg_per_kg": r.published.net_per_kg,
                "husk_share_of_gross": r.published.husk_share, "reduction": r.published.reduction_words(lang),
                "compensation": r.published.compensation_words(lang)},
        }

    total = table.total
    return {
        "format": DECISIONS_FORMAT, "format_version": 1, "campaign": table.name, "training_data": training,
        "factor_set": f.factor_set.id, "gwp": f.gwp.id,
        "cooperatives": [row(r) for r in table.rows],
        "total": {"area_ha": total.area_ha, "partners": total.producers, "production_kg": total.production_kg,
                  "net_t": total.net_kg / KG_PER_T, "net_kg_per_kg": _finite(total.net_per_kg),
                  "gross_t": total.gross_kg / KG_PER_T, "yield_kg_ha": _finite(table.yield_kg_ha)},
        "report_difference": report_difference(table, lang),
        "densification": densification_comparison(plans, lang),
        "region": None if region is None else {
            "area_ha": region.auxiliary_total, "net_t": region.total / KG_PER_T, "low_t": region.low / KG_PER_T,
            "high_t": region.high / KG_PER_T, "confidence": region.confidence,
            "sampling_fraction": region.sampling_fraction, "sentence": region_sentence(region, lang)},
    }


def _finite(value: float) -> float | None:
    return value if value == value and abs(value) != float("inf") else None


def scenario_text(result: ScenarioResult, f: Factors, lang: str = "es", training: bool = False) -> str:
    sc = result.scenario
    where = sc.cooperative or say(lang, "todas las cooperativas", "every cooperative")
    out = [heading(result.before.name, f, lang, training),
           f"{say(lang, 'Escenario', 'Scenario')}: {sc.name} — {', '.join(map(str, sc.changes))} ({where})", "",
           f"{say(lang, 'Cooperativa', 'Cooperative'):<46}{say(lang, 'neto t/año', 'net t/yr'):>13}"
           f"{say(lang, 'después', 'after'):>12}{say(lang, 'cambio', 'change'):>11}{'kg/kg':>9}"
           f"{say(lang, 'después', 'after'):>10}"]
    for name, a, b in result.pairs():
        out.append(f"{name[:45]:<46}{quantity(a.net_kg / KG_PER_T, 1, lang):>13}"
                   f"{quantity(b.net_kg / KG_PER_T, 1, lang):>12}"
                   f"{quantity((b.net_kg - a.net_kg) / KG_PER_T, 1, lang):>11}{quantity(a.net_per_kg, 2, lang):>9}"
                   f"{quantity(b.net_per_kg, 2, lang):>10}")
    before, after = result.before.total, result.after.total
    out += ["", f"{say(lang, 'Etapa (total)', 'Stage (total)'):<46}{say(lang, 't/año', 't/yr'):>13}"
                f"{say(lang, 'después', 'after'):>12}{say(lang, 'cambio', 'change'):>11}"]
    idx = index(lang)
    for stage, value in before.stages.items():
        out.append(f"{STAGE_LABELS[stage][idx][:45]:<46}{quantity(value / KG_PER_T, 1, lang):>13}"
                   f"{quantity(after.stages[stage] / KG_PER_T, 1, lang):>12}"
                   f"{quantity((after.stages[stage] - value) / KG_PER_T, 1, lang):>11}")
    out.append(f"{say(lang, 'Secuestro', 'Sequestration'):<46}"
               f"{quantity(before.sequestration_kg / KG_PER_T, 1, lang):>13}"
               f"{quantity(after.sequestration_kg / KG_PER_T, 1, lang):>12}"
               f"{quantity((after.sequestration_kg - before.sequestration_kg) / KG_PER_T, 1, lang):>11}")
    claim = composting_comparison(result, f, lang)
    if claim:
        out += ["", "* " + claim]
    return "\n".join(out)


def scenario_document(result: ScenarioResult, f: Factors, lang: str = "es") -> dict[str, Any]:
    def unit(name: str, a: Footprint, b: Footprint) -> dict[str, Any]:
        return {"label": name,
                "before": {"net_t": a.net_kg / KG_PER_T, "net_kg_per_kg": _finite(a.net_per_kg),
                           "stages_t": {s.value: v / KG_PER_T for s, v in a.stages.items()},
                           "sequestration_t": a.sequestration_kg / KG_PER_T},
                "after": {"net_t": b.net_kg / KG_PER_T, "net_kg_per_kg": _finite(b.net_per_kg),
                          "stages_t": {s.value: v / KG_PER_T for s, v in b.stages.items()},
                          "sequestration_t": b.sequestration_kg / KG_PER_T}}

    pairs = result.pairs()
    return {"format": "cocoa-desktop/scenario-result", "format_version": 1, "factor_set": f.factor_set.id,
            "gwp": f.gwp.id, "scenario": result.scenario.document(),
            "cooperatives": [unit(*p) for p in pairs[:-1]], "total": unit(*pairs[-1]),
            "report_composting_claim": composting_comparison(result, f, lang)}


def uncertainty_lines(unit: UnitUncertainty, lang: str = "es") -> list[str]:
    lines = [f"{say(lang, 'Huella neta', 'Net footprint')}: {unit.net_per_kg.sentence(lang=lang)}",
             f"{say(lang, 'Emisiones netas', 'Net emissions')}: "
             f"{unit.net_t.sentence('t CO2e/' + say(lang, 'año', 'yr'), lang, 0)}"]
    main = unit.main_contributions(lang)
    if main:
        lines.append(f"{say(lang, 'Lo que más pesa en la incertidumbre', 'What weighs most in the uncertainty')}: "
                     f"{main}")
    return lines


def uncertainty_text(unc: Uncertainty, lang: str = "es") -> str:
    out = [say(lang, f"Incertidumbre (Monte Carlo, {unc.draws} simulaciones, semilla {unc.seed}; "
                    f"{len(unc.spreads)} factores varían",
               f"Uncertainty (Monte Carlo, {unc.draws} draws, seed {unc.seed}; {len(unc.spreads)} factors vary")
           + (say(lang, f"; datos estimados: {', '.join(unc.estimated)})", f"; estimated data: "
                                                                            f"{', '.join(unc.estimated)})")
              if unc.estimated else ")")]
    for term in unc.models.values():  # one kind today: the husk methane factor (engine/footprint/husk_model.py)
        share = quantity(term.weight * 100, 0, lang)
        out.append(say(lang, f"Incertidumbre de modelo: en el {share} % de las simulaciones, el metano de la cáscara "
                            "que se pudre sigue el modelo de residuos del IPCC 2006 (montón sin manejo) en lugar del "
                            "factor calibrado al informe: nadie lo ha medido en San Martín.",
                       f"Model uncertainty: in {share} % of the draws, methane from husk left to rot follows the IPCC "
                       "2006 waste model (unmanaged heap) instead of the factor calibrated to the report: nobody has "
                       "measured it in San Martín."))
    units = list(unc.units.values())
    for unit in units:
        out += ["", unit.label, *("  " + line for line in uncertainty_lines(unit, lang))]
    if len(units) > 1:
        out += ["", "Total", *("  " + line for line in uncertainty_lines(unc.total, lang))]
    return "\n".join(out)


def uncertainty_document(unit: UnitUncertainty, lang: str = "es") -> dict[str, Any]:
    def interval(i: Any) -> dict[str, Any]:
        return {"point": _finite(i.point), "low": _finite(i.low), "high": _finite(i.high),
                "confidence": i.confidence}

    return {"net_kg_per_kg": interval(unit.net_per_kg), "net_t": interval(unit.net_t),
            "gross_t": interval(unit.gross_t), "land_use_change_t": interval(unit.luc_t),
            "sentence": unit.net_per_kg.sentence(lang=lang),
            "contributions": [{"key": c.key, "kind": c.kind, "label": c.label(lang), "share": c.share}
                              for c in unit.contributions[:10]]}


def scenario_rows(result: ScenarioResult, f: Factors, lang: str = "es") -> list[list[str | float | None]]:
    """The rows of a workbook sheet "Escenario" (numbers as numbers, t CO2e/yr and kg CO2e/kg): a title, the
    changes, a header, each cooperative and the total before and after, the stages of the total, the report's
    composting claim beside the model when the scenario composts. The workbook writer only has to append them."""
    sc = result.scenario
    rows: list[list[str | float | None]] = [
        [f"{say(lang, 'Escenario', 'Scenario')}: {sc.name}"],
        [say(lang, "Cambios", "Changes"), ", ".join(map(str, sc.changes))],
        [say(lang, "Aplicado a", "Applied to"), sc.cooperative or say(lang, "toda la campaña", "the whole campaign")],
        [say(lang, "Factores", "Factors"), f"{f.factor_set.name(lang)} — {say(lang, 'PCG', 'GWP')} {f.gwp.id}"],
        [],
        [say(lang, "Cooperativa", "Cooperative"), say(lang, "Neto antes (t CO2e/año)", "Net before (t CO2e/yr)"),
         say(lang, "Neto después (t CO2e/año)", "Net after (t CO2e/yr)"), say(lang, "Cambio (t CO2e/año)",
                                                                          "Change (t CO2e/yr)"),
         say(lang, "Neto antes (kg CO2e/kg)", "Net before (kg CO2e/kg)"),
         say(lang, "Neto después (kg CO2e/kg)", "Net after (kg CO2e/kg)")],
    ]
    for name, a, b in result.pairs():
        rows.append([name, a.net_kg / KG_PER_T, b.net_kg / KG_PER_T, (b.net_kg - a.net_kg) / KG_PER_T,
                     _finite(a.net_per_kg), _finite(b.net_per_kg)])
    before, after = result.before.total, result.after.total
    rows += [[], [say(lang, "Etapa (total, t CO2e/año)", "Stage (total, t CO2e/yr)"), say(lang, "Antes", "Before"),
                  say(lang, "Después", "After"), say(lang, "Cambio", "Change")]]
    idx = index(lang)
    for stage, value in before.stages.items():
        rows.append([STAGE_LABELS[stage][idx], value / KG_PER_T, after.stages[stage] / KG_PER_T,
                     (after.stages[stage] - value) / KG_PER_T])
    rows.append([say(lang, "Secuestro", "Sequestration"), before.sequestration_kg / KG_PER_T,
                 after.sequestration_kg / KG_PER_T, (after.sequestration_kg - before.sequestration_kg) / KG_PER_T])
    claim = composting_comparison(result, f, lang)
    if claim:
        rows += [[], [claim]]
    return rows
