"""Land-use change in the workbook (issue 19, point 1): a conversion's year, period or unknown year, the assumption
PAS 2050 §5.6 takes for it and its amortised share are live formulas that give the engine's numbers, before and
after LibreOffice recalculates them; the results sheet shows the figure, the assumption and the footprint without
and with land-use change side by side.

Hand-worked (IPCC 2006 + AR5: 561.7 t CO2 per ha of primary forest; campaign 2024, window 2004–2024): 1 ha each of
unknown year, 2015, 2001–2017 (starts before the window, ends inside), 2010–2017, 1990 and 2030. Four count 561.7 / 20
= 28.085 t a year each: 112.34 t a year, 112.34 kg CO2e per kg of the farm's 1,000 kg; 1990 (older than 20 years)
and 2030 (after the campaign) count 0, each with its reason. One-off: 6 × 561.7 = 3,370.2 t.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import CONVERSIONS, FIRST_ROW
from cocoa_desktop.workbook.reader import import_workbook
from cocoa_desktop.workbook.report_sheets import KEY_HEAD, LUC_BASIS, LUC_COMPARED, LUC_HEAD, LUC_PER_KG
from tests.helpers import farm

CASES = (  # (year, last year) → (kg CO2 a year, reason)
    ((None, None), (28_085.0, "year_unknown")),
    ((2015, None), (28_085.0, "year_inside")),
    ((2001, 2017), (28_085.0, "range_straddles")),
    ((2010, 2017), (28_085.0, "range_inside")),
    ((1990, None), (0.0, "before_window")),
    ((2030, None), (0.0, "after_campaign")),
)


def _campaign() -> Campaign:
    conversions = [{"hectares": 1.0, "previous_use": "primary_forest", "year": first, "year_last": last}
                   for (first, last), _ in CASES]
    return Campaign(name="Cambio de uso", year=2024, surveys=[farm(land_use_change={"conversions": conversions})])


@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_conversion_and_the_results_sheet(recalc, tmp_path, lang):
    f = factors_for("ipcc2006-ar5")
    campaign = _campaign()
    fp = compute(campaign.surveys[0], f)
    assert fp.luc_amortised_kg == pytest.approx(112_340, rel=1e-12)
    assert fp.luc_one_off_kg == pytest.approx(3_370_200, rel=1e-12)
    path = export_workbook(campaign, tmp_path / f"luc-{lang}.xlsx", f, lang=lang)
    (recalculated,) = recalc([path])
    conversions_title = CONVERSIONS.title(lang)
    results_title = "Results" if lang == "en" else "Resultados"
    for book in (path, recalculated):  # the values written with the formulas, and LibreOffice's
        wb = load_workbook(book, data_only=True)
        sheet = wb[conversions_title]
        for k, (_, (per_year, reason)) in enumerate(CASES):
            r = FIRST_ROW + k
            assert sheet[f"{CONVERSIONS.letter('amortised')}{r}"].value == pytest.approx(per_year, abs=1e-6)
            assert sheet[f"{CONVERSIONS.letter('basis')}{r}"].value == \
                land_use.words(land_use.Basis(reason), lang)
        res = wb[results_title]
        assert res[f"B{LUC_HEAD + 1}"].value == pytest.approx(3_370.2, rel=1e-12)
        assert res[f"B{LUC_HEAD + 2}"].value == pytest.approx(112.34, rel=1e-12)
        assert res[f"B{LUC_PER_KG}"].value == pytest.approx(112.34, rel=1e-12)  # kg/kg of 1,000 kg
        said = res[f"B{LUC_BASIS}"].value
        assert said == "; ".join(land_use.words(b, lang) for b in land_use.Basis)  # all six, in order
        gross, net = res[f"C{KEY_HEAD + 1}"].value, res[f"C{KEY_HEAD + 3}"].value
        assert res[f"B{LUC_COMPARED + 1}"].value == pytest.approx(gross, rel=1e-12)
        assert res[f"C{LUC_COMPARED + 1}"].value == pytest.approx(gross + 112.34, rel=1e-12)
        assert res[f"B{LUC_COMPARED + 2}"].value == pytest.approx(net, rel=1e-12)
        assert res[f"C{LUC_COMPARED + 2}"].value == pytest.approx(net + 112.34, rel=1e-12)
    assert import_workbook(path) == campaign  # the period and the unknown year come back as they went


def test_a_year_typed_in_the_workbook_moves_the_figure(recalc, tmp_path):
    """Live formulas: the region's period 2001–2017 replaced by 1990–1998 (all before 1999, the window of 2019) gives
    0 and its reason after recalculation; an emptied year gives back 21,128.3 t a year."""
    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.files.resources import example_path

    f = factors_for()
    path = export_workbook(survey_io.read(example_path("san-martin-2020-region.json")), tmp_path / "r.xlsx", f)
    edited = []
    for name, first, last in (("old", 1990, 1998), ("unknown", None, None)):
        wb = load_workbook(path)
        sheet = wb["Cambio de uso"]
        sheet[f"{CONVERSIONS.letter('year')}{FIRST_ROW}"] = first
        sheet[f"{CONVERSIONS.letter('year_last')}{FIRST_ROW}"] = last
        edited.append(tmp_path / f"{name}.xlsx")
        wb.save(edited[-1])
    old, unknown = recalc(edited)
    res = load_workbook(old, data_only=True)["Resultados"]
    assert res[f"B{LUC_HEAD + 2}"].value == 0
    assert res[f"B{LUC_BASIS}"].value == land_use.words(land_use.Basis.BEFORE_WINDOW, "es")
    res = load_workbook(unknown, data_only=True)["Resultados"]
    assert res[f"B{LUC_HEAD + 2}"].value == pytest.approx(21_128.3, abs=0.05)
    assert round(res[f"B{LUC_PER_KG}"].value, 2) == 2.21
    assert res[f"B{LUC_BASIS}"].value == land_use.words(land_use.Basis.YEAR_UNKNOWN, "es")
