"""A package's surveys read a chunk at a time by the import (storage/incoming.py): the same campaigns as reading it
whole, a chunk read only as the merge reaches it, and whatever the whole reading refuses (a survey the model
refuses, an id twice, a version vector of a survey not in the package) refused by the import with the same error,
nothing changed, in an empty folder and in one holding the surveys."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.storage import campaign_lines, merge
from cocoa_desktop.storage.packages import read_package
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import PROGRESS_EVERY, export_package, import_campaigns, read_any, read_incoming
from tests.fuzz.mutations import package_bytes
from tests.helpers import generated_surveys

SURVEYS = generated_surveys(PROGRESS_EVERY + 50, seed=31)


def _state(repo):
    return {table: [tuple(r) for r in repo.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in ("surveys", "survey_sections", "survey_aliases", "conflicts", "change_history")}


@pytest.fixture
def package(storage, tmp_path):
    """Two campaigns, one of more than a chunk of surveys, exported by the app."""
    import_campaigns(storage.repo, [Campaign(name="Campaña 2024", year=2024, surveys=SURVEYS[:-20]),
                                    Campaign(name="Campaña 2023", year=2023, surveys=SURVEYS[-20:])], "c.json")
    export_package(storage.repo, tmp_path / "a.cacao.zip")
    return tmp_path / "a.cacao.zip"


def test_unread_until_the_import_then_the_same_campaigns_as_read_whole(package):
    incoming = read_incoming(package)
    assert all(incoming.unread) and all(not head.surveys for head in incoming.heads)
    assert incoming.survey_count == len(SURVEYS)
    assert incoming.campaigns == read_any(package) == read_package(package).campaigns


def test_a_chunk_is_read_only_when_the_merge_reaches_it(package, tmp_path, monkeypatch):
    read, merged = [], []
    real_read, real_merge = campaign_lines.read_line, merge.Merger.merge
    monkeypatch.setattr(campaign_lines, "read_line", lambda *a: read.append(1) or real_read(*a))

    def merging(self, *args, **kwargs):
        merged.append(1)
        assert len(read) <= len(merged) - 1 + PROGRESS_EVERY  # never more than a chunk ahead of the merge
        return real_merge(self, *args, **kwargs)

    monkeypatch.setattr(merge.Merger, "merge", merging)
    with open_storage(tmp_path / "office") as office:
        report = import_campaigns(office.repo, read_incoming(package), str(package))
    assert report.added == len(SURVEYS) == len(read) == len(merged)


def _altered(package, tmp_path, change):
    """The package with its campaign files or manifest changed by ``change(files, manifest)``, checksums right."""
    with zipfile.ZipFile(package) as zf:
        files = {name: zf.read(name) for name in zf.namelist() if name != "manifest.json"}
        manifest = json.loads(zf.read("manifest.json"))
    change(files, manifest)
    manifest["files"] = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    target = tmp_path / "b.cacao.zip"
    target.write_bytes(package_bytes(files, manifest))
    return target


def _out_of_bounds(files, manifest):
    name = sorted(files)[0]
    lines = files[name].split(b",\n")
    lines[-2] = lines[-2].replace(b'"hectares":', b'"hectares":-', 1)  # a late survey of the first campaign
    files[name] = b",\n".join(lines)


def _id_twice(files, manifest):
    first, second = sorted(files)
    survey_id = json.loads(files[first].split(b"\n")[1].rstrip(b","))["id"]
    lines = files[second].split(b",\n")
    other = json.loads(lines[-1].split(b"\n")[0])["id"]
    lines[-1] = lines[-1].replace(other.encode(), survey_id.encode(), 1)  # the last survey under the first's id
    files[second] = b",\n".join(lines)
    manifest["versions"][survey_id] = manifest["versions"].pop(other)


def _foreign_vector(files, manifest):
    manifest["versions"]["not-in-the-package"] = {"general": {"x": 1}}


@pytest.mark.parametrize("change", [_out_of_bounds, _id_twice, _foreign_vector])
@pytest.mark.parametrize("folder", ["empty", "same"])
def test_what_the_whole_reading_refuses_the_import_refuses_with_its_error(storage, package, tmp_path, change,
                                                                          folder):
    bad = _altered(package, tmp_path, change)
    with pytest.raises(SurveyValidationError) as strict:
        read_package(bad)
    with open_storage(tmp_path / "office") as office:
        repo = office.repo if folder == "empty" else storage.repo
        before = _state(repo)
        incoming = read_incoming(bad)  # the surveys unread: nothing refused yet
        assert any(incoming.unread)
        with pytest.raises(SurveyValidationError) as caught:
            import_campaigns(repo, incoming, str(bad))
        assert caught.value.issues == strict.value.issues
        assert _state(repo) == before


def _spread_over_two_lines(files, manifest):
    name = sorted(files)[0]
    files[name] = files[name].replace(b',"drying":', b',\n"drying":', 1)  # valid JSON, no longer one a line


@pytest.mark.parametrize("folder", ["empty", "same"])
def test_a_valid_package_whose_lines_do_not_read_alone_is_imported_read_whole(storage, package, tmp_path, folder):
    odd = _altered(package, tmp_path, _spread_over_two_lines)
    expected = read_any(odd)
    assert expected == read_any(package)
    incoming = read_incoming(odd)
    assert all(incoming.unread)  # it looks one survey a line
    with open_storage(tmp_path / "office") as office:
        repo = office.repo if folder == "empty" else storage.repo
        report = import_campaigns(repo, incoming, str(odd))
        assert (report.added if folder == "empty" else report.identical) == len(SURVEYS)
        assert [repo.survey(s.id) for s in SURVEYS] == SURVEYS
    assert incoming.campaigns == expected
