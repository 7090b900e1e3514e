"""Export → change inputs → LibreOffice recalculation → import: the engine equals the recalculated cells."""

from __future__ import annotations

import zipfile

import pytest
from compare import compare
from openpyxl import Workbook, load_workbook

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import BAGS, GENERAL, HUSK
from cocoa_desktop.workbook.reader import import_workbook
from cocoa_desktop.workbook.writer import Cancelled

REGION = example_path("san-martin-2020-region.json")


def at(spec, key: str, row: int = 5) -> str:
    return f"{spec.letter(key)}{row}"


COOPS = example_path("san-martin-2020-cooperatives.json")


def test_export_import_is_lossless(tmp_path):
    for source in (REGION, COOPS):
        item = survey_io.read(source)
        path = export_workbook(item, tmp_path / "x.xlsx", factors_for(), lang="en")
        assert import_workbook(path) == item


def test_edited_in_libreoffice_then_imported(recalc, tmp_path):
    f = factors_for()
    path = export_workbook(survey_io.read(COOPS), tmp_path / "coops.xlsx", f)
    wb = load_workbook(path)
    general, husk, bags = wb["Datos generales"], wb["Cáscara"], wb["Envases"]
    general[at(GENERAL, "dry_cocoa_kg")] = 5_000_000  # Acopagro's dry cocoa
    husk[at(HUSK, "shares.heaped")], husk[at(HUSK, "shares.composted")] = 0.3, 0.7  # piled on the soil / composted
    bags[at(BAGS, "material_kg_per_year", 6)] = 12_345.5  # a cooperative's kg of plastic bags
    wb.save(path)
    (recalculated,) = recalc([path])
    back = import_workbook(recalculated)
    assert isinstance(back, Campaign)
    first = back.surveys[0]
    assert first.general.dry_cocoa_kg == 5_000_000
    assert first.husk.shares == {"heaped": 0.3, "composted": 0.7}
    assert back.surveys[1].packaging[0].material_kg_per_year == 12_345.5
    assert compare(recalculated, back.surveys, f) > 100


def test_formula_injection_is_written_as_text(recalc, tmp_path):
    nasty = {"organisation": "=HYPERLINK(\"http://ejemplo\",\"clic\")", "farm_name": "+1+1",
             "technician": "-2-2", "region": "@SUM(1)"}
    item = survey_io.read(REGION)
    item.general = item.general.model_copy(update=nasty)
    item.notes = "=1/0"
    path = export_workbook(item, tmp_path / "inj.xlsx", factors_for())
    ws = load_workbook(path)["Datos generales"]
    cells = [at(GENERAL, k) for k in ("organisation", "farm_name", "region", "technician", "notes")]
    for cell in cells:
        assert ws[cell].data_type == "s", cell
    assert ws[cells[0]].value == nasty["organisation"]
    (recalculated,) = recalc([path])
    values = load_workbook(recalculated, data_only=True)["Datos generales"]
    assert [values[c].value for c in cells] == [nasty["organisation"], "+1+1", "@SUM(1)", "-2-2", "=1/0"]
    assert import_workbook(recalculated) == item
    assert compare(recalculated, [item], factors_for()) > 10  # the cooperative table still finds "=HYPERLINK…"


def _issue(path):
    with pytest.raises(SurveyValidationError) as info:
        import_workbook(path)
    issue = info.value.issues[0]
    assert issue.message_es != issue.message_en
    return issue


def test_a_workbook_that_is_not_ours(tmp_path):
    path = tmp_path / "ajeno.xlsx"
    wb = Workbook()
    wb.active["A1"] = "hola"
    wb.save(path)
    assert _issue(path).code == "not_ours"


def test_a_truncated_workbook(tmp_path):
    path = export_workbook(survey_io.read(REGION), tmp_path / "t.xlsx", factors_for())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    assert _issue(path).code == "not_xlsx"


def test_a_password_protected_workbook(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = export_workbook(survey_io.read(REGION), tmp_path / "p.xlsx", factors_for())
    locked = tmp_path / "con-clave.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("clave", target)
    issue = _issue(locked)
    assert issue.code == "encrypted" and "contraseña" in issue.message_es


def test_layout_mismatch_names_sheet_and_cell(tmp_path):
    path = export_workbook(survey_io.read(REGION), tmp_path / "l.xlsx", factors_for())
    wb = load_workbook(path)
    wb["Cáscara"].delete_cols(3)  # someone removed a column
    wb.save(path)
    issue = _issue(path)
    assert issue.code == "layout" and "Cáscara" in issue.message_es and "C4" in issue.message_es


def test_text_in_a_number_cell_names_the_cell(tmp_path):
    path = export_workbook(survey_io.read(REGION), tmp_path / "n.xlsx", factors_for())
    wb = load_workbook(path)
    wb["Datos generales"][at(GENERAL, "dry_cocoa_kg")] = "mucho"
    wb.save(path)
    issue = _issue(path)
    assert issue.code == "not_a_number" and issue.path == "Datos generales!" + at(GENERAL, "dry_cocoa_kg")


def test_numbers_typed_as_text_are_read_the_peruvian_way(tmp_path):
    path = export_workbook(survey_io.read(COOPS), tmp_path / "t.xlsx", factors_for())
    wb = load_workbook(path)
    wb["Datos generales"][at(GENERAL, "producers")] = "1.250"  # a whole number: the point groups thousands
    wb["Datos generales"][at(GENERAL, "productive_area_ha")] = "5 000,5"  # a space and a decimal comma
    wb.save(path)
    first = import_workbook(path).surveys[0]
    assert (first.general.producers, first.general.productive_area_ha) == (1250, 5000.5)
    wb["Datos generales"][at(GENERAL, "productive_area_ha")] = "1.250"  # 1250 ha or 1.25 ha? asked, not guessed
    wb.save(path)
    issue = _issue(path)
    assert issue.code == "ambiguous_number" and issue.path == "Datos generales!" + at(GENERAL, "productive_area_ha")


def test_invalid_value_names_the_row(tmp_path):
    path = export_workbook(survey_io.read(REGION), tmp_path / "v.xlsx", factors_for())
    wb = load_workbook(path)
    wb["Cáscara"][at(HUSK, "shares.left_on_soil")] = 0.9  # shares now sum to 190 %
    wb.save(path)
    issue = _issue(path)
    assert issue.code == "shares_sum" and issue.path.startswith("Cáscara!5")


def test_not_a_zip_at_all(tmp_path):
    path = tmp_path / "texto.xlsx"
    path.write_text("no soy un libro")
    assert _issue(path).code == "not_xlsx"
    assert not zipfile.is_zipfile(path)


def test_cancel_leaves_no_file(tmp_path):
    target = tmp_path / "c.xlsx"
    seen = []
    with pytest.raises(Cancelled):
        export_workbook(survey_io.read(COOPS), target, factors_for(),
                        progress=lambda fraction, what: seen.append(fraction), cancelled=lambda: len(seen) > 2)
    assert not target.exists() and not (tmp_path / "c.xlsx.tmp").exists()
    assert seen == sorted(seen)


def test_cli_export_and_import(tmp_path, capsys):
    out = tmp_path / "coops.xlsx"
    assert main(["export-xlsx", str(COOPS), "-o", str(out), "--lang", "en"]) == 0
    assert load_workbook(out).sheetnames[:3] == ["Instructions", "Results", "Cooperatives"]
    back = tmp_path / "back.json"
    assert main(["import-xlsx", str(out), "-o", str(back)]) == 0
    assert survey_io.read(back) == survey_io.read(COOPS)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    assert main(["import-xlsx", str(bad), "-o", str(back)]) == 2
    assert "no es un libro .xlsx" in capsys.readouterr().err
