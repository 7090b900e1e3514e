"""Bad input is refused with the field's path and a message in Spanish and English."""

from __future__ import annotations

import json
import math

import pytest
from helpers import farm
from pydantic import ValidationError

from cocoa_desktop.engine import survey_io
from cocoa_desktop.engine.issues import SurveyValidationError, issues_from_validation_error, known_error_types
from cocoa_desktop.engine.survey import Survey


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
        ("general__dry_cocoa_kg", "mucho", "float_parsing"),
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
