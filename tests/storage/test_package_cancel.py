"""Exporting and importing a package report progress and can be cancelled: nothing written, nothing changed."""

from __future__ import annotations

import pytest

from cocoa_desktop.storage import sync
from cocoa_desktop.storage.database import transaction
from cocoa_desktop.storage.startup import open_storage
from tests.helpers import generated_surveys


@pytest.fixture
def filled(storage):
    """450 valid surveys in one campaign (more than two progress steps)."""
    with transaction(storage.conn):
        campaign = storage.repo._campaign_id("Campaña 2024", 2024)
        for survey in generated_surveys(450, seed=7):
            storage.repo._insert(survey.model_dump(mode="json"), campaign, completed=True)
    return storage


def test_export_reports_progress_and_cancel_writes_no_file(filled, tmp_path):
    ticks: list[float] = []
    manifest, drafts = sync.export_package(filled.repo, tmp_path / "a.cacao.zip", progress=ticks.append)
    assert manifest["surveys"] == 450 and not drafts
    assert ticks == sorted(ticks) and ticks[-1] == 1.0 and len(ticks) >= 3
    asked = []
    with pytest.raises(sync.Cancelled):
        sync.export_package(filled.repo, tmp_path / "b.cacao.zip", cancelled=lambda: asked.append(1) or True)
    assert asked and not (tmp_path / "b.cacao.zip").exists()
    assert not list(tmp_path.glob("b.cacao.zip*"))


def test_import_reports_progress_and_cancel_changes_nothing(filled, tmp_path):
    package = tmp_path / "a.cacao.zip"
    sync.export_package(filled.repo, package)
    with open_storage(tmp_path / "oficina") as office:
        with pytest.raises(sync.Cancelled):
            sync.import_campaigns(office.repo, sync.read_incoming(package), str(package), cancelled=lambda: True)
        assert office.repo.surveys() == [] and office.repo.campaigns() == []  # rolled back
        ticks: list[float] = []
        report = sync.import_campaigns(office.repo, sync.read_incoming(package), str(package), progress=ticks.append)
        assert report.added == 450 and ticks == sorted(ticks) and ticks[-1] == 1.0
        assert office.repo.documents is not None and len(dict(office.repo.documents())) == 450


def test_documents_in_bulk_are_the_documents_one_by_one_and_a_damaged_one_is_none(filled):
    repo = filled.repo
    ids = [row.id for row in repo.surveys()]
    bulk = dict(repo.documents())
    assert bulk == {survey_id: repo.document(survey_id) for survey_id in ids}
    assert dict(repo.documents(ids[:3])) == {survey_id: bulk[survey_id] for survey_id in ids[:3]}
    filled.conn.execute("UPDATE survey_sections SET content = replace(content, '\"', ' \"') WHERE survey_id = ? "
                        "AND section = 'general'", (ids[1],))  # the checksum no longer matches
    assert dict(repo.documents(ids[:3]))[ids[1]] is None and dict(repo.documents())[ids[0]] == bulk[ids[0]]
