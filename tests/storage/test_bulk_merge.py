"""The import's merge in bulk (storage/merge.py, issue 22): the same package again changes nothing and reads none of
ours through the survey model; ours stored in other bytes than the incoming (same content) is still the same
version; a damaged section of ours is still refused by name; surveys held for one insert per chunk all arrive."""

from __future__ import annotations

import json

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.storage import merge
from cocoa_desktop.storage.database import StorageError, section_checksum
from cocoa_desktop.storage.documents import canonical_json, split_sections
from cocoa_desktop.storage.sync import PROGRESS_EVERY, export_package, import_campaigns, read_incoming
from tests.helpers import generated_surveys

COOPS = survey_io.read(example_path("san-martin-2020-cooperatives.json"))


def _state(repo):
    """Everything an import may change, as rows."""
    return {table: [tuple(r) for r in repo.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in ("surveys", "survey_sections", "survey_aliases", "conflicts", "change_history")}


def test_the_same_package_again_changes_nothing_and_validates_none_of_ours(storage, tmp_path, monkeypatch):
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    export_package(repo, tmp_path / "a.cacao.zip")
    first = import_campaigns(repo, read_incoming(tmp_path / "a.cacao.zip"), "a")
    assert first.identical == len(COOPS.surveys)
    before = _state(repo)
    normalised = []
    monkeypatch.setattr(merge, "normalised", lambda doc: normalised.append(doc) or doc)
    again = import_campaigns(repo, read_incoming(tmp_path / "a.cacao.zip"), "a")
    assert (again.identical, again.added, again.updated, again.conflicts) == (len(COOPS.surveys), 0, 0, [])
    assert _state(repo) == before and normalised == []


def test_ours_in_other_bytes_with_the_same_content_is_the_same_version(storage):
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    survey = COOPS.surveys[0]
    general = json.loads(repo.conn.execute("SELECT content FROM survey_sections WHERE survey_id = ? AND section = "
                                           "'general'", (survey.id,)).fetchone()[0])
    text = json.dumps(general, indent=1)  # the same content, not in canonical form
    repo.conn.execute("UPDATE survey_sections SET content = ?, checksum = ? WHERE survey_id = ? AND section = "
                      "'general'", (text, section_checksum(survey.id, "general", text), survey.id))
    report = import_campaigns(repo, [COOPS], "coops.json")
    assert report.identical == len(COOPS.surveys) and not report.conflicts


def test_a_damaged_section_of_ours_is_refused_by_name_and_nothing_changes(storage):
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    survey = COOPS.surveys[1]
    repo.conn.execute("UPDATE survey_sections SET content = content || ' ' WHERE survey_id = ? AND section = 'husk'",
                      (survey.id,))
    before = _state(repo)
    with pytest.raises(StorageError) as caught:
        import_campaigns(repo, [COOPS], "coops.json")
    assert caught.value.code == "damaged_section" and "husk" in str(caught.value.message_es)
    assert _state(repo) == before


def test_surveys_held_for_one_insert_per_chunk_all_arrive_with_their_stamps(storage, tmp_path):
    repo = storage.repo
    campaign = COOPS.model_copy(update={"surveys": generated_surveys(PROGRESS_EVERY * 2 + 7, seed=3)})
    report = import_campaigns(repo, [campaign], "many.json")
    assert report.added == len(campaign.surveys)
    stored = {r.id for r in repo.surveys()}
    assert stored == {s.id for s in campaign.surveys}
    assert repo.conn.execute("SELECT COUNT(*) FROM surveys WHERE checked IS NULL").fetchone()[0] == 0
    for survey in campaign.surveys[::97]:
        assert repo.survey(survey.id) == survey


def test_the_imports_encoder_writes_what_canonical_json_writes():
    values = [section for survey in generated_surveys(60, seed=11)
              for section in split_sections(survey.model_dump(mode="json")).values()]
    values += [{"b": 1.5e-300, "a": [0.1, -0.0, 1e16, 123456789.125, True, None]}, {"ñandú": "café \u2028 \x00 \"q\""},
               [], {}, "texto", 7, 2.5, None, False]
    assert [merge.canonical_text(v) for v in values] == [canonical_json(v) for v in values]
    with pytest.raises(ValueError):
        merge.canonical_text({"x": float("nan")})
