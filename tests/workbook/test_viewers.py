"""What a reader sees without recalculating, in their language, and the sheet settings that make it printable."""

from __future__ import annotations

import re
import zipfile

import pytest
from compare import compare
from helpers import farm, generated_surveys
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.calc_layout import DATA_SHEETS
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import KEY_ROW, LISTS_SHEET, META_SHEET
from cocoa_desktop.workbook.reader import import_workbook
from cocoa_desktop.workbook.units import UNIT_EN

COOPS = example_path("san-martin-2020-cooperatives.json")
REGION = example_path("san-martin-2020-region.json")


def _sheet_xml(path, title: str) -> str:
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet name="{re.escape(title)}" sheetId="\d+"(?: state="\w+")? r:id="(rId\d+)"', book)
        target = re.search(rf'Id="{rid.group(1)}" Type="[^"]+" Target="([^"]+)"', rels).group(1)
        return z.read("xl/" + target).decode()


@pytest.mark.parametrize(("set_id", "lang"), [("promperu-2020", "es"), ("ipcc2006-ar5", "en")])
def test_the_engines_numbers_are_there_before_any_recalculation(tmp_path, set_id, lang):
    """Defect 4: openpyxl data_only (as pandas, previews, Protected View) read blanks; now the engine's values."""
    f = factors_for(set_id)
    surveys = generated_surveys(40, seed=11)
    path = export_workbook(Campaign(name="G", year=2024, surveys=surveys), tmp_path / "g.xlsx", f, lang=lang)
    assert compare(path, surveys, f, lang=lang) > 40 * 16


def test_no_formula_without_its_value(tmp_path):
    path = export_workbook(survey_io.read(COOPS), tmp_path / "c.xlsx", factors_for())
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    cells = [c for xml in sheets for c in re.findall(r"<c [^>]*>(?:(?!</c>).)*<f[ >/](?:(?!</c>).)*</c>", xml)]
    assert len(cells) > 3000
    assert all("<v>" in c or "<v/>" in c for c in cells)
    assert not [c for c in cells if "<v></v>" in c and 't="str"' not in c]  # an empty result is text, not 0


def test_numbers_keep_every_digit(tmp_path):
    odd = farm(general={"organisation": "Cooperativa", "campaign_year": 2024, "productive_area_ha": 0.1 + 0.2,
                        "dry_cocoa_kg": 1234.5678901234567})
    path = export_workbook(odd, tmp_path / "o.xlsx", factors_for())
    assert import_workbook(path) == odd


def _visible_cells(path, lang):
    """(sheet, coordinate, value) of every text a reader sees, typed or computed: visible sheets, rows, columns."""
    wb = load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        hidden_cols = {get_column_letter(i) for d in ws.column_dimensions.values() if d.hidden  # <col> spans
                       for i in range(d.min, d.max + 1)}
        for row in ws.iter_rows():
            for cell in row:
                if ws.row_dimensions[cell.row].hidden or get_column_letter(cell.column) in hidden_cols:
                    continue
                if isinstance(cell.value, str):
                    yield ws.title, cell.coordinate, cell.value


def test_no_english_key_in_a_visible_cell_of_the_spanish_workbook(tmp_path):
    """Defect 5: list cells held `cooperative`, `box`, `plastic_bag`, `rigid_truck`, `mi`…"""
    keys = {str(m.value) for enum in v.ENUM_OF.values() for m in enum} | set(v.FUEL_USE)
    spanish_too = {k for words in v.LISTS.values() for k, (es, _) in words.items()
                   if es.casefold() == str(k).casefold()}
    keys -= spanish_too  # "km", "NPK", "Biol" are Spanish words as well
    for source in (COOPS, REGION):
        path = export_workbook(survey_io.read(source), tmp_path / "es.xlsx", factors_for(), lang="es")
        # the factor sheet's column A holds the factor codes the formulas look up (beside their Spanish names)
        found = [(s, c, x) for s, c, x in _visible_cells(path, "es") if x in keys and not (s == "Factores" and
                                                                                        c.startswith("A"))]
        assert not found, found[:10]


def test_no_spanish_unit_or_word_in_the_english_workbook(tmp_path):
    spanish = re.compile(r"\b(año|años|sí|litros|millas|veces|unidades|por ha|debe ser|Proporción|cáscara)\b", re.I)
    campaign = survey_io.read(COOPS)
    path = export_workbook(campaign, tmp_path / "en.xlsx", factors_for(), lang="en")
    user_text = {s.general.organisation for s in campaign.surveys} | {s.notes for s in campaign.surveys}
    user_text |= {leg.name for s in campaign.surveys for leg in s.transport.legs}
    user_text |= {c.source for s in campaign.surveys for c in s.land_use_change.conversions} | {campaign.name}
    found = [(s, c, x) for s, c, x in _visible_cells(path, "en")
             if spanish.search(x) and not any(t and t in x for t in user_text)]
    assert not found, found[:10]
    wb = load_workbook(path)
    for spec in DATA_SHEETS:  # the units row: English
        units = [c.value for c in wb[spec.title("en")][3] if c.value]
        assert not [u for u in units if u in UNIT_EN], (spec.key, units)
    words = {en for words in v.LISTS.values() for _, en in words.values()}
    choices = [wb["Packaging"]["C5"].value, wb["Transport"]["D5"].value, wb["Fermentation"]["C5"].value]
    assert all(c in words for c in choices), choices


def test_sheet_settings_reach_the_file(tmp_path):
    """Defect 3 and 6: panes, widths, the hidden key row, page setup, print titles, header and footer."""
    path = export_workbook(survey_io.read(COOPS), tmp_path / "c.xlsx", factors_for())
    for spec in DATA_SHEETS:
        xml = _sheet_xml(path, spec.es)
        assert re.search(r'<pane [^>]*state="frozen"', xml), spec.key
        assert re.search(rf'<row r="{KEY_ROW}"[^>]* hidden="1"', xml), spec.key
        widths = [float(w) for w in re.findall(r'<col [^>]*width="([\d.]+)"', xml)]
        assert len(widths) >= 3 and max(widths) >= 24, spec.key
        assert re.search(r'<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"', xml) or re.search(
            r'<pageSetup [^>]*orientation="landscape"[^>]*paperSize="9"', xml) or 'paperSize="9"' in xml
        # issue 20: printed at a fixed scale ≥ 75 % (text ≥ 8 pt), wide sheets across then down
        scale = re.search(r'<pageSetup [^>]*scale="(\d+)"', xml)
        assert int(scale.group(1) if scale else 100) >= 75 and 'pageOrder="overThenDown"' in xml, spec.key
        assert "<oddHeader>" in xml and "&amp;P" in xml
    coops = _sheet_xml(path, "Cooperativas")
    assert re.search(r'<col min="1" max="1" width="32', coops)  # names wrap (issue 20)
    assert 'fitToHeight="1"' in coops or 'fitToHeight' not in coops
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
    assert "_xlnm.Print_Titles" in book and "_xlnm.Print_Area" in book
    assert re.search(rf'<sheet name="{LISTS_SHEET}" sheetId="\d+" state="hidden"', book)
    assert re.search(rf'<sheet name="{META_SHEET}" sheetId="\d+" state="hidden"', book)


def test_charts_carry_their_data_and_axes(tmp_path):
    """Defect 9: empty charts in viewers, stage chart in input order, 20,000.000 axes, axes deleted."""
    item = survey_io.read(REGION)
    path = export_workbook(item, tmp_path / "r.xlsx", factors_for())
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
    assert len(charts) == 4  # stages, balance; cooperatives' net kg/kg and share of net
    stages = charts[0]
    cached = re.findall(r"<c:pt idx=\"\d+\"><c:v>([^<]+)</c:v>", stages)
    labels, values = cached[:6], [float(x) for x in cached[6:12]]
    assert values == sorted(values, reverse=True) and values[0] == pytest.approx(40_203.1, rel=0.005)
    assert labels[0].startswith("1. ")  # ranks said as the app and the PDF say them (issue 20)
    for xml in charts:
        assert "<c:legend>" not in xml  # one series: no legend
        assert '<c:delete val="1"/>' not in xml  # no axis deleted
        assert "<c:numCache>" in xml
    assert 'formatCode="#,##0"' in stages
