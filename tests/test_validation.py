"""Bad input is refused with the field's path and a message in Spanish and English."""

from __future__ import annotations

import json
import math

import pytest
from helpers import farm
from pydantic import ValidationError

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.model.issues import SurveyValidationError, issues_from_validation_error, known_error_types
from cocoa_desktop.engine.model.survey import Survey


def _doc(**changes: object) -> dict:
    doc = json.loads(survey_io.dumps(farm()))
    for path, value in changes.items():
        node = doc["survey"]
        *parents, last = path.split("__")
        for key in parents:
            node = node[key]
        if value is _DELETE:
            del node[last]
        else:
            node[last] = value
    return doc


_DELETE = object()


def _issues(doc: dict):
    with pytest.raises(SurveyValidationError) as info:
        survey_io.from_document(doc, "prueba.json")
    return info.value.issues


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        ("general__dry_cocoa_kg", -5, "greater_than_equal"),
        ("general__dry_cocoa_kg", float("nan"), "finite_number"),
        ("general__dry_cocoa_kg", float("inf"), "finite_number"),
        ("general__dry_cocoa_kg", 5e12, "less_than_equal"),
        ("general__dry_cocoa_kg", "mucho", "float_type"),
        ("general__dry_cocoa_kg", "1e3", "float_type"),  # a number in text is not a number
        ("general__dry_cocoa_kg", True, "float_type"),  # nor is true
        ("general__producers", False, "int_type"),
        ("general__campaign_year", 2024.5, "int_type"),
        ("drying", {"shares": {"sun_tarp": True}}, "float_type"),
        ("fertilisation", {"data_collected": "no"}, "bool_type"),
        ("general__organisation", "Juan\u0007", "control_characters"),
        ("general__farm_name", "a\ufffe", "control_characters"),
        ("notes", "x\x00y", "control_characters"),
        ("general__technician", "Ana \ud800", "string_unicode"),
        ("general__dry_cocoa_kg", 0.004, "production_too_small"),
        ("general__productive_area_ha", -1, "greater_than_equal"),
        ("general__campaign_year", 19, "greater_than_equal"),
        ("general__organisation", "", "string_too_short"),
        ("general__organisation", _DELETE, "missing"),
        ("general__campaign_year", _DELETE, "missing"),
        ("unit", "pais", "enum"),
        ("husk", {"shares": {"left_on_soil": 0.5, "composted": 0.4}}, "shares_sum"),
        ("husk", {"shares": {"left_on_soil": 1.5}}, "less_than_equal"),
        ("husk", {"shares": {"quemado": 1.0}}, "enum"),
        ("drying", {"shares": {"sun_tarp": 0.3}}, "shares_sum"),
        ("packaging", [{"type": "jute_sack"}], "quantity_missing"),
        ("packaging", [{"type": "jute_sack", "material_kg_per_year": 3, "reuse_cycles": 0}], "greater_than_equal"),
        ("transport", {"legs": [{"vehicle": "rigid_truck", "distance": -3}]}, "greater_than_equal"),
        ("fertilisation", {"products": [{"type": "urea", "n_percent": 46}]}, "quantity_missing"),
        ("fertilisation", {"products": [{"type": "urea", "kg_per_year": 10, "n_percent": 146}]},
         "less_than_equal"),
        ("general__colour", "rojo", "extra_forbidden"),
    ],
)
def test_bad_value_gives_path_and_bilingual_message(path, value, code):
    issues = _issues(_doc(**{path: value}))
    codes = {i.code for i in issues}
    assert code in codes
    issue = next(i for i in issues if i.code == code)
    assert issue.path.startswith("survey." + path.split("__")[0])
    assert issue.message_es and issue.message_en and issue.message_es != issue.message_en
    assert code in known_error_types()  # translated, not pydantic's English


def test_production_missing_is_explained():
    doc = _doc(general__dry_cocoa_kg=None)
    issue = next(i for i in _issues(doc) if i.code == "production_missing")
    assert issue.path == "survey.general"
    assert "cacao seco" in issue.message_es


def test_wet_cocoa_with_ratio_gives_production():
    survey = farm(general={"organisation": "C", "campaign_year": 2024, "productive_area_ha": 1,
                           "wet_cocoa_kg": 2500, "wet_to_dry_ratio": 0.4})
    assert survey.production_kg == pytest.approx(1000)


def test_shares_message_says_the_total_in_spanish_percent():
    issues = _issues(_doc(husk={"shares": {"left_on_soil": 0.5, "composted": 0.4}}))
    assert "90,0 %" in issues[0].message_es
    assert "90.0 %" in issues[0].message_en


def test_every_issue_is_reported_not_just_the_first():
    doc = _doc(general__dry_cocoa_kg=-1, general__productive_area_ha=-1)
    assert len(_issues(doc)) >= 2


def test_assignment_is_validated():
    survey = farm()
    with pytest.raises(ValidationError) as info:
        survey.general.dry_cocoa_kg = -3
    assert issues_from_validation_error(info.value)[0].code == "greater_than_equal"


# ---- file format ----

def test_round_trip_json(region):
    again = survey_io.loads(survey_io.dumps(region))
    assert again == region


def test_campaign_round_trip(cooperatives, tmp_path):
    path = tmp_path / "c.json"
    survey_io.write(cooperatives, path)
    assert survey_io.read(path) == cooperatives
    assert not (tmp_path / "c.json.tmp").exists()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b'{"format": "cocoa-desktop/survey", "format_version": 1, "survey": {"gen', "invalid_json"),
        (b"\xff\xfe\x00garbage", "not_utf8"),
        (b'{"hello": 1}', "not_our_format"),
        (b'[1, 2, 3]', "not_our_format"),
        (b'{"format": "cocoa-desktop/survey", "format_version": 99, "survey": {}}', "newer_version"),
        (b'{"format": "cocoa-desktop/survey", "format_version": "1", "survey": {}}', "bad_version"),
        (b'{"format": "cocoa-desktop/survey", "format_version": 1, "survey": {"general": NaN}}', "finite_number"),
        (b'{"format": "cocoa-desktop/survey", "format_version": true, "survey": {}}', "bad_version"),
        (b'{"format": "cocoa-desktop/survey", "format_version": 1, "format_version": 2, "survey": {}}',
         "duplicate_key"),
        (b'{"format": "cocoa-desktop/survey", "format_version": 1, "survey": {}, "extra": 1}', "unknown_field"),
        (b'{"format": "cocoa-desktop/survey", "format_version": 1, "survey": ' + b"[" * 5000 + b"]" * 5000 + b"}",
         "too_deep"),
        (b'{"format": "cocoa-desktop/survey", "format_version": 1, "survey": {"general": 1' + b"0" * 5000 + b"}}",
         "number_too_long"),
        (b"", "invalid_json"),
    ],
)
def test_bad_files_are_refused_clearly(tmp_path, content, code):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SurveyValidationError) as info:
        survey_io.read(path)
    assert info.value.issues[0].code == code
    assert str(path) in info.value.summary("es")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SurveyValidationError) as info:
        survey_io.read(tmp_path / "no-existe.json")
    assert info.value.issues[0].code == "unreadable"


def test_json_schema_documents_both_documents():
    schema = survey_io.json_schema()
    assert schema["format_version"] == survey_io.FORMAT_VERSION
    assert "husk" in schema["survey"]["properties"]
    assert "surveys" in schema["campaign"]["properties"]


def test_written_json_never_contains_nan():
    survey = farm()
    text = survey_io.dumps(survey)
    assert "NaN" not in text and not math.isnan(json.loads(text)["survey"]["general"]["dry_cocoa_kg"])


def test_survey_model_has_every_section_of_the_guide():
    sections = set(Survey.model_fields)
    assert {"general", "husk", "fertilisation", "fermentation", "drying", "packaging", "transport",
            "sequestration", "land_use_change"} <= sections


def test_a_survey_id_twice_in_a_campaign_is_refused(cooperatives):
    doc = json.loads(survey_io.dumps(cooperatives))
    doc["campaign"]["surveys"].append(doc["campaign"]["surveys"][0])
    with pytest.raises(SurveyValidationError) as info:
        survey_io.from_document(doc)
    issue = info.value.issues[0]
    assert issue.code == "duplicate_id" and "san-martin-2020-coop-01" in issue.message_es
    assert "10" in issue.message_en and "twice" in issue.message_en


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_what_is_not_a_regular_file_is_refused_without_reading(tmp_path, kind):
    import os

    if kind == "fifo":
        path = tmp_path / "tuberia.json"
        os.mkfifo(path)  # reading it would wait for a writer for ever
    elif kind == "folder":
        path = tmp_path
    else:
        path = "/dev/zero"  # endless
    with pytest.raises(SurveyValidationError) as info:
        survey_io.read(path)
    assert info.value.issues[0].code == "not_a_file"


def test_a_huge_file_is_refused_by_its_size_with_the_limit_named(tmp_path, monkeypatch):
    path = tmp_path / "grande.json"
    path.write_bytes(b" " * 2048)
    monkeypatch.setattr(survey_io, "MAX_FILE_BYTES", 1024)
    with pytest.raises(SurveyValidationError) as info:
        survey_io.read(path)
    assert info.value.issues[0].code == "too_large"


def test_more_surveys_than_the_limit_are_refused_before_parsing(monkeypatch):
    import cocoa_desktop.engine.files.survey_io as io_module

    monkeypatch.setattr(io_module, "MAX_SURVEYS", 3)
    text = b'{"format": "cocoa-desktop/campaign", ' + b'"general" ' * 4 + b"broken"  # never parsed
    with pytest.raises(SurveyValidationError) as info:
        survey_io.loads(text)
    assert info.value.issues[0].code == "too_many_surveys"
