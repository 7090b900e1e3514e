"""Phone submissions read back (issue 23, points 2 and 3): the KoboToolbox XLSX export and the ODK Central CSV zip of
the app's own form, with choices as names and as Spanish or English labels, give back the surveys they were
written from (the same footprints to 1e-12), and what cannot be a survey is refused by farm and field in the app's
words, never stored and never a traceback."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from helpers import generated_surveys
from openpyxl import load_workbook
from submission_files import form_columns, odk_tables, typed, write_kobo, write_odk

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.rollup import roll_up
from cocoa_desktop.engine.model.fields import asked_leaves, leaves
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.paths import places
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.workbook import xlsform as x
from cocoa_desktop.workbook.submissions import field_words, read_submissions

FACTOR_SETS = ("promperu-2020", "ipcc2006-ar5")


def originals(cooperatives) -> list[Survey]:
    """The shipped cooperatives as they are (their numbers have at most 12 significant digits) and generated farms
    touching every input of every section, their numbers as typed on a phone (6 significant digits)."""
    return [*cooperatives.surveys, *typed(generated_surveys(40, seed=23))]


def footprint_numbers(survey: Survey, f) -> list[float]:
    fp = compute(survey, f)
    return [fp.production_kg, fp.area_ha, *fp.stages.values(), fp.sequestration_kg, fp.luc_one_off_kg,
            fp.luc_amortised_kg, fp.gross_kg, fp.net_kg, fp.gross_per_kg, fp.net_per_kg, fp.luc_amortised_per_kg]


def max_difference(a: list[float], b: list[float]) -> float:
    """The largest relative difference (absolute below 1); NaN (nothing produced) equals NaN."""
    worst = 0.0
    for p, q in zip(a, b, strict=True):
        if math.isnan(p) or math.isnan(q):
            assert math.isnan(p) and math.isnan(q)
            continue
        worst = max(worst, abs(p - q) / max(1.0, abs(p)))
    return worst


def test_the_fixture_writes_the_questions_of_the_generated_form(tmp_path):
    """The submission files are written with the very names of the form ODK and Kobo get (write_xlsform)."""
    form = load_workbook(x.write_xlsform(tmp_path / "encuesta.xlsx"), read_only=True)
    rows = list(form["survey"].iter_rows(values_only=True))
    names = {row[1] for row in rows[1:] if row[1] and not str(row[0]).startswith(("begin", "end"))}
    main, repeats = form_columns()
    written = {name for _, name in main} | {name for columns in repeats.values() for _, name in columns}
    assert written == names
    assert set(repeats) == {x.field_name(leaf.table) for leaf in x.asked() if leaf.table}
    assert len(x.asked()) == len(leaves()) - 1  # every leaf but estimated_fields (the app sets it)


@pytest.mark.parametrize("layout", ["kobo", "kobo-no-groups", "odk"])
@pytest.mark.parametrize("choices", ["name", "es", "en"])
def test_round_trip_gives_the_same_footprints(cooperatives, tmp_path, layout, choices):
    surveys = originals(cooperatives)
    if layout == "odk":
        path = write_odk(surveys, tmp_path / "envios.zip", choices)
    else:
        path = write_kobo(surveys, tmp_path / "envios.xlsx", choices, groups=layout == "kobo")
    found = read_submissions(path)
    assert found.refused == [] and found.orphans == []
    back = [s.survey for s in found.submissions]
    assert [s.id for s in back] == [s.id for s in surveys]
    worst = 0.0
    for name in FACTOR_SETS:
        f = factors_for(name)
        for original, read in zip(surveys, back, strict=True):
            worst = max(worst, max_difference(footprint_numbers(original, f), footprint_numbers(read, f)))
        totals = [roll_up(group, f).total for group in (surveys, back)]
        worst = max(worst, max_difference(*([t.gross_kg, t.net_kg, t.sequestration_kg, t.luc_amortised_kg,
                                              t.production_kg] for t in totals)))
    print(f"\nround trip {layout}/{choices}: {len(back)} surveys, max relative difference {worst:.3g}")
    assert worst <= 1e-12


def test_the_round_trip_answers_every_question(cooperatives):
    """The surveys of the round trip give a value to every leaf the form asks (so every question is read back)."""
    answered = set()
    for survey in originals(cooperatives):
        doc = survey.model_dump(mode="json")
        answered |= {leaf.path for leaf in x.asked()
                     if any(key in node and node[key] is not None for node, key in places(doc, leaf.path))}
    missing = {leaf.path for leaf in x.asked()} - answered - {leaf.path for leaf in asked_leaves()}  # record-only
    assert missing <= {"sequestration.shade_trees_inventory", "land_use_change.conversions[]."
                       "year_last", "land_use_change.conversions[].source", "transport.legs[].name",
                       "transport.legs[].load_kg_per_trip", "fertilisation.products[].name",
                       "fertilisation.pesticides[].product", "fertilisation.fuels[].purpose",
                       "drying.fuels[].purpose", "notes", "general.cocoa_trees_per_ha",
                       "general.shade_trees_per_ha"}, missing  # texts and counts no footprint reads


def _odk(surveys, tmp_path, edit) -> Path:
    tables = odk_tables(surveys)
    edit(tables)
    return write_odk(surveys, tmp_path / "envios.zip", tables=tables)


def _set(tables, file: str, row: int, column_end: str, value: str) -> None:
    header = tables[file][0]
    tables[file][row][next(i for i, h in enumerate(header) if h.endswith(column_end))] = value


MAIN = f"{x.FORM_ID}.csv"


def test_wrong_values_refuse_their_submission_by_farm_and_field(cooperatives, tmp_path):
    surveys = cooperatives.surveys[:4]

    def edit(tables):
        _set(tables, MAIN, 1, "general__dry_cocoa_kg", "mil")
        _set(tables, MAIN, 2, "general__farm_name", '=HYPERLINK("http://x","y")')
        _set(tables, MAIN, 3, "husk__shares__heaped", "250")
    found = read_submissions(_odk(surveys, tmp_path, edit))
    assert [s.valid for s in found.submissions] == [False, False, False, True]
    wrong, formula, share = (s.issues for s in found.submissions[:3])
    assert found.submissions[0].farm == surveys[0].general.organisation
    assert "Cacao seco" in wrong[0].message_es and "debe ser un número" in wrong[0].message_es
    assert "«mil»" in wrong[0].message_es and "must be a number" in wrong[0].message_en
    assert formula[0].code == "formula_in_text" and "general__farm_name:3" in formula[0].path
    assert "fórmula" in formula[0].message_es and "formula" in formula[0].message_en
    assert "Manejo de la cáscara" in share[0].message_es and "mayor que 100" in share[0].message_es, share


def test_a_formula_in_a_kobo_text_cell_names_the_sheet_and_cell(cooperatives, tmp_path):
    from openpyxl import load_workbook as load

    path = write_kobo(cooperatives.surveys[:2], tmp_path / "envios.xlsx")
    book = load(path)
    sheet = book.worksheets[0]
    column = next(c.column_letter for c in sheet[1] if str(c.value).endswith("general__organisation"))
    sheet[f"{column}3"] = '=HYPERLINK("http://example.invalid","Coop")'
    book.save(path)
    found = read_submissions(path)
    assert [s.valid for s in found.submissions] == [True, False]
    issue = found.submissions[1].issues[0]
    assert issue.path == f"{sheet.title}!{column}3" and issue.path in issue.message_es


def test_orphan_rows_and_missing_repeat_files(cooperatives, tmp_path):
    surveys = generated_surveys(6, seed=5)
    tables = odk_tables(surveys)
    areas = f"{x.FORM_ID}-general__areas.csv"
    rows = [r for r in tables[areas][1:]]
    assert rows, "the fixture has areas"
    rows[0][-2] = "uuid:no-such-submission"
    del tables[f"{x.FORM_ID}-packaging.csv"]  # the packaging repeat's file is missing: no bags, not a crash
    found = read_submissions(write_odk(surveys, tmp_path / "envios.zip", tables=tables))
    assert len(found.orphans) == 1 and "uuid:no-such-submission" in found.orphans[0].message_es
    assert all(s.valid for s in found.submissions)
    assert all(s.survey.packaging == [] for s in found.submissions)


def test_field_words_name_fields_as_the_wizard_does():
    assert field_words("fertilisation.products.1.type") == ("Abonos y enmiendas, fila 2: Tipo",
                                                            "Fertilisers and amendments, row 2: Type")
    assert field_words("husk")[0] == "Manejo de la cáscara"
    assert field_words("general")[1] == "Production and areas"
    assert field_words("general.organisation")[0].startswith("Organización y campaña: ")


def test_a_file_that_is_no_export_is_a_message(tmp_path, cooperatives):
    labels = tmp_path / "labels.xlsx"
    write_kobo(cooperatives.surveys[:1], labels)
    book = load_workbook(labels)
    for cell in book.worksheets[0][1]:
        cell.value = f"Pregunta {cell.column}"  # headers exported as labels: no question is recognised
    book.save(labels)
    text = tmp_path / "notes.txt"
    text.write_text("hola")
    for path, words in ((labels, "valores y encabezados XML"), (text, "no es una exportación")):
        with pytest.raises(SurveyValidationError) as raised:
            read_submissions(path)
        assert words in raised.value.summary("es") and str(path) in raised.value.summary("en")
