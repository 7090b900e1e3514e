"""Compare every result cell of a recalculated workbook with the engine."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from openpyxl import load_workbook

from cocoa_desktop.engine.decisions.recommendation_words import compensation_words, reduction_words
from cocoa_desktop.engine.decisions.recommendations import composting_saving_kg, jute_saving_kg, plan_for
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import STAGE_LABELS, Stage
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.workbook.calc_layout import CALC
from cocoa_desktop.workbook.layout import FIRST_ROW, KEY_ROW
from cocoa_desktop.workbook.report_sheets import GROSS_ROW, KEY_HEAD, LUC_HEAD, RANK_HEAD, STAGE_HEAD, TECH

REL = 1e-9


def _close(got: object, want: float, where: str, mismatches: list[str]) -> None:
    if isinstance(want, float) and math.isnan(want):
        ok = got in (None, "")
    else:
        ok = isinstance(got, int | float) and math.isclose(got, want, rel_tol=REL, abs_tol=1e-9)
    if not ok:
        mismatches.append(f"{where}: workbook {got!r} ≠ engine {want!r}")


def compare(path: Path, surveys: Sequence[Survey], f: Factors, lang: str = "es") -> int:
    """Assert that every computed cell equals the engine within 1e-9 relative; return how many were compared."""
    wb = load_workbook(path, data_only=True)
    es = lang != "en"
    mismatches: list[str] = []
    checked = 0
    calc = wb["Cálculos" if es else "Calculations"]
    keys = [c.value for c in calc[KEY_ROW]]
    rows = {r[0]: dict(zip(keys, r, strict=False)) for r in calc.iter_rows(min_row=FIRST_ROW, values_only=True)
            if r[0]}
    rows.pop("", None)
    assert len(rows) == len(surveys), (len(rows), len(surveys))
    stage_keys = dict(zip(Stage, ("s1", "s2", "s3", "s4", "s5", "s6"), strict=True))
    for survey in surveys:
        fp = compute(survey, f)
        row = rows[survey.id]
        want = {"p": fp.production_kg, **{stage_keys[s]: v for s, v in fp.stages.items()}, "gross": fp.gross_kg,
                "sequestration": fp.sequestration_kg, "net": fp.net_kg, "gross_per_kg": fp.gross_per_kg,
                "sequestration_per_kg": fp.sequestration_per_kg, "net_per_kg": fp.net_per_kg,
                "luc_one_off": fp.luc_one_off_kg, "luc_amortised": fp.luc_amortised_kg,
                "composting_saving": composting_saving_kg(survey, f), "jute_saving": jute_saving_kg(survey, f)}
        for key, value in want.items():
            _close(row[key], value, f"Cálculos {survey.id} {key}", mismatches)
            checked += 1
    assert set(CALC.column_of) >= set(want)

    total = roll_up(surveys, f).total
    res = wb["Resultados" if es else "Results"]
    for offset, stage in enumerate(Stage):
        r = STAGE_HEAD + 1 + offset
        _close(res.cell(r, 2).value, total.stages[stage] / 1000, f"Resultados {stage}", mismatches)
        _close(res.cell(r, 3).value, total.share(stage), f"Resultados % {stage}", mismatches)
        checked += 2
    ranked = [res.cell(RANK_HEAD + 1 + k, 1).value for k in range(6)]
    labels = [STAGE_LABELS[s][0 if es else 1] for s, _ in total.ranked_stages()]
    assert [r.split(" ", 1)[1] for r in ranked] == labels, ranked
    _close(res.cell(GROSS_ROW, 2).value, total.gross_kg / 1000, "Resultados brutas", mismatches)
    _close(res.cell(TECH + 4, 2).value, total.production_kg, "Resultados producción", mismatches)
    indicators = {KEY_HEAD + 1: (total.gross_kg, total.gross_per_kg),
                  KEY_HEAD + 2: (total.sequestration_kg, total.sequestration_per_kg),
                  KEY_HEAD + 3: (total.net_kg, total.net_per_kg)}
    for r, (kg, per_kg) in indicators.items():
        _close(res.cell(r, 2).value, kg / 1000, f"Resultados B{r}", mismatches)
        _close(res.cell(r, 3).value, per_kg, f"Resultados C{r}", mismatches)
        checked += 2
    _close(res.cell(LUC_HEAD + 1, 2).value, total.luc_one_off_kg / 1000, "Resultados LUC", mismatches)
    _close(res.cell(LUC_HEAD + 2, 2).value, total.luc_amortised_kg / 1000, "Resultados LUC amortizado", mismatches)

    coops = wb["Cooperativas" if es else "Cooperatives"]
    by_name = {r[0]: r for r in coops.iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW + len(surveys) - 1,
                                                values_only=True) if r[0] and r[0] != "Total"}
    rolled = roll_up(surveys, f)
    members: dict[str, list[Survey]] = {}
    for survey in surveys:
        members.setdefault(survey.general.organisation, []).append(survey)
    assert set(by_name) == set(rolled.cooperatives)
    for name, fp in rolled.cooperatives.items():
        row = by_name[name]
        plan = plan_for(name, members[name], fp, f, campaign_yield=0.0)  # the app's, the CLI's and the PDF's model
        saved = {code: (item.saving_t if (item := plan.item(code)) else 0.0) for code in ("jute", "compost")}
        credits = max(0.0, plan.residual_t)
        want_row = {1: fp.area_ha, 2: fp.producers, 3: fp.production_kg, 4: fp.share(Stage.HUSK), 5: fp.gross_kg / 1000,
                    6: fp.sequestration_kg / 1000, 7: fp.net_kg / 1000, 8: fp.net_per_kg, 10: saved["jute"],
                    11: saved["compost"], 12: plan.residual_t, 13: credits,
                    14: credits / f["reforestation_sequestration"]}
        for col, value in want_row.items():
            _close(row[col], value, f"Cooperativas {name} col {col + 1}", mismatches)
            checked += 1
        for col, words in ((15, reduction_words(plan, lang)), (16, compensation_words(plan, lang))):
            if row[col] != words:
                mismatches.append(f"Cooperativas {name} col {col + 1}: workbook {row[col]!r} ≠ engine {words!r}")
            checked += 1
    assert not mismatches, "\n".join(mismatches[:20])
    return checked


def cached_values_match(exported: Path, recalculated: Path) -> int:
    """Every formula cell's value as exported (the engine's) equals LibreOffice's recalculation; returns how
    many formula cells were compared."""
    formulas = load_workbook(exported)
    cached = load_workbook(exported, data_only=True)
    fresh = load_workbook(recalculated, data_only=True)
    mismatches, count = [], 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                count += 1
                want = cached[ws.title][cell.coordinate].value
                got = fresh[ws.title][cell.coordinate].value
                want, got = (None if want == "" else want), (None if got == "" else got)
                same = want == got or (isinstance(want, int | float) and isinstance(got, int | float)
                                       and math.isclose(want, got, rel_tol=REL, abs_tol=1e-9))
                if not same:
                    mismatches.append(f"{ws.title}!{cell.coordinate}: exported {want!r}, recalculated {got!r}")
    assert not mismatches, "\n".join(mismatches[:20])
    return count
