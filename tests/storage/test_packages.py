"""Survey packages: round trip between two laptops, idempotent import, conflicts, and bad packages refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.storage import packages
from cocoa_desktop.storage.paths import ENV_VAR
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import (
    export_package,
    import_campaigns,
    open_conflicts,
    read_any,
    read_incoming,
    resolve_conflict,
)

COOPS = example_path("san-martin-2020-cooperatives.json")


@pytest.fixture
def laptops(tmp_path, monkeypatch):
    """Two data folders, opened one at a time like two laptops."""

    def open_laptop(name: str):
        monkeypatch.setenv(ENV_VAR, str(tmp_path / name))
        return open_storage()

    return open_laptop


def _counts(storage) -> int:
    return storage.conn.execute("SELECT COUNT(*) FROM surveys").fetchone()[0]


def test_round_trip_between_two_data_folders(laptops, tmp_path):
    package = tmp_path / "coops.cacao.zip"
    with laptops("a") as a:
        import_campaigns(a.repo, read_any(COOPS), str(COOPS))
        manifest, drafts = export_package(a.repo, package)
        originals = {r.id: a.repo.survey(r.id) for r in a.repo.surveys()}
    assert manifest["surveys"] == 10 and drafts == []
    with laptops("b") as b:
        report = import_campaigns(b.repo, read_incoming(package), str(package))
        assert report.added == 10
        assert {r.id: b.repo.survey(r.id) for r in b.repo.surveys()} == originals


def test_the_same_package_imported_twice_adds_nothing(laptops, tmp_path):
    with laptops("a") as a:
        first = import_campaigns(a.repo, read_any(COOPS), "x")
        second = import_campaigns(a.repo, read_any(COOPS), "x")
        assert (first.added, second.added, second.identical) == (10, 0, 10)
        assert _counts(a) == 10


def test_drafts_stay_home_and_are_listed(laptops, tmp_path):
    with laptops("a") as a:
        campaign = a.repo.ensure_campaign("2025", 2025)
        draft = a.repo.add_survey({"general": {"organisation": "Coop"}}, campaign)
        with pytest.raises(Exception, match="No hay encuestas completas"):
            export_package(a.repo, tmp_path / "x.cacao.zip")
        import_campaigns(a.repo, read_any(COOPS), "x")
        _, drafts = export_package(a.repo, tmp_path / "x.cacao.zip")
        assert drafts == [draft]


def _edit_producers(storage, survey_id: str, producers: int) -> None:
    general = storage.repo.document(survey_id)["general"]
    storage.repo.save_section(survey_id, "general", {**general, "producers": producers})


def test_conflicting_edits_keep_both_versions(laptops, tmp_path):
    office, field_copy = tmp_path / "office.cacao.zip", tmp_path / "field.cacao.zip"
    with laptops("office") as office_db:
        import_campaigns(office_db.repo, read_any(COOPS), "x")
        export_package(office_db.repo, office)
    with laptops("field") as field_db:
        import_campaigns(field_db.repo, read_incoming(office), str(office))
        survey_id = field_db.repo.surveys()[0].id
        _edit_producers(field_db, survey_id, 999)
        export_package(field_db.repo, field_copy)
    with laptops("office") as office_db:
        _edit_producers(office_db, survey_id, 555)
        report = import_campaigns(office_db.repo, read_incoming(field_copy), str(field_copy))
        assert report.conflicts == [survey_id] and report.added == 0
        assert office_db.repo.survey(survey_id).general.producers == 555  # ours untouched
        (conflict,) = open_conflicts(office_db.repo, survey_id)
        assert conflict["theirs"]["general"]["producers"] == 999  # theirs kept
        assert [r.open_conflicts for r in office_db.repo.surveys() if r.id == survey_id] == [1]
        again = import_campaigns(office_db.repo, read_incoming(field_copy), str(field_copy))
        assert again.conflicts == [survey_id] and len(open_conflicts(office_db.repo)) == 1  # not duplicated
        resolve_conflict(office_db.repo, conflict["id"], "theirs")
        assert office_db.repo.survey(survey_id).general.producers == 999
        assert open_conflicts(office_db.repo) == []
        assert any(c.origin.startswith("conflict:") for c in office_db.repo.history(survey_id))


def test_an_edit_on_one_laptop_only_updates_the_other(laptops, tmp_path):
    first, second = tmp_path / "1.cacao.zip", tmp_path / "2.cacao.zip"
    with laptops("a") as a:
        import_campaigns(a.repo, read_any(COOPS), "x")
        export_package(a.repo, first)
    with laptops("b") as b:
        import_campaigns(b.repo, read_incoming(first), str(first))
        survey_id = b.repo.surveys()[0].id
        _edit_producers(b, survey_id, 321)
        export_package(b.repo, second)
    with laptops("a") as a:
        report = import_campaigns(a.repo, read_incoming(second), str(second))
        assert (report.updated, report.conflicts) == (1, [])
        assert a.repo.survey(survey_id).general.producers == 321
        assert [(c.field, c.new_value) for c in a.repo.history(survey_id)] == [("producers", 321)]
        stale = import_campaigns(a.repo, read_incoming(first), str(first))  # the older package again
        assert stale.ours_newer == 10 - stale.identical and a.repo.survey(survey_id).general.producers == 321


# ---- bad packages: each refused with a clear message, nothing written ----

def _good_package(tmp_path: Path) -> Path:
    path = tmp_path / "good.cacao.zip"
    packages.write_package(read_any(COOPS), path)
    return path


def _rewrite(path: Path, out: Path, change) -> Path:
    with zipfile.ZipFile(path) as zf:
        files = {i.filename: zf.read(i) for i in zf.infolist()}
    change(files)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out


def _manifest_edit(edit):
    def change(files):
        manifest = json.loads(files["manifest.json"])
        edit(manifest)
        files["manifest.json"] = json.dumps(manifest).encode()
    return change


def _tamper(files):
    name = "campaigns/001.json"
    assert b'"producers":2200' in files[name]
    files[name] = files[name].replace(b'"producers":2200', b'"producers":2201')


def _invalid_value(files):
    name = "campaigns/001.json"
    assert b'"producers":2200' in files[name]
    files[name] = files[name].replace(b'"producers":2200', b'"producers":-5')
    manifest = json.loads(files["manifest.json"])
    manifest["files"][name] = hashlib.sha256(files[name]).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()


def _bomb(tmp_path: Path) -> Path:
    out = tmp_path / "bomb.cacao.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("campaigns/001.json", b" " * (50 * 2**20))
    return out


def _truncated(tmp_path: Path) -> Path:
    good = _good_package(tmp_path).read_bytes()
    out = tmp_path / "truncated.cacao.zip"
    out.write_bytes(good[: len(good) // 2])
    return out


def _encrypted_flag(tmp_path: Path) -> Path:
    data = bytearray(_good_package(tmp_path).read_bytes())
    # set the "encrypted" bit (bit 0 of the general-purpose flags) in every central-directory header
    start = 0
    while (pos := data.find(b"PK\x01\x02", start)) != -1:
        data[pos + 8] |= 0x01
        start = pos + 4
    out = tmp_path / "encrypted.cacao.zip"
    out.write_bytes(bytes(data))
    return out


BAD = {
    "not_a_zip": lambda t: (t / "x.cacao.zip").write_bytes(b"hola, no soy un zip") and t / "x.cacao.zip",
    "truncated": _truncated,
    "no_manifest": lambda t: _rewrite(_good_package(t), t / "b.zip", lambda f: f.pop("manifest.json")),
    "bad_manifest_json": lambda t: _rewrite(_good_package(t), t / "b.zip",
                                            lambda f: f.__setitem__("manifest.json", b"{roto")),
    "foreign_manifest": lambda t: _rewrite(_good_package(t), t / "b.zip",
                                           _manifest_edit(lambda m: m.__setitem__("format", "otro"))),
    "newer_version": lambda t: _rewrite(_good_package(t), t / "b.zip",
                                        _manifest_edit(lambda m: m.__setitem__("format_version", 99))),
    "tampered": lambda t: _rewrite(_good_package(t), t / "b.zip", _tamper),
    "missing_file": lambda t: _rewrite(_good_package(t), t / "b.zip", lambda f: f.pop("campaigns/001.json")),
    "extra_file": lambda t: _rewrite(_good_package(t), t / "b.zip",
                                     lambda f: f.__setitem__("campaigns/999.json", b"{}")),
    "unsafe_name": lambda t: _rewrite(_good_package(t), t / "b.zip",
                                      lambda f: f.__setitem__("../../etc/evil.json", b"{}")),
    "unexpected_file": lambda t: _rewrite(_good_package(t), t / "b.zip",
                                          lambda f: f.__setitem__("virus.exe", b"MZ")),
    "zip_bomb": _bomb,
    "encrypted": _encrypted_flag,
    "invalid_survey": lambda t: _rewrite(_good_package(t), t / "b.zip", _invalid_value),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_package_is_refused_and_changes_nothing(kind, laptops, tmp_path):
    path = BAD[kind](tmp_path)
    with laptops("a") as a:
        before = a.conn.execute("SELECT COUNT(*) FROM surveys").fetchone()[0]
        with pytest.raises(SurveyValidationError) as info:
            import_campaigns(a.repo, read_any(path), str(path))
        message = info.value.summary("es")
        assert str(path) in message and len(info.value.issues[0].message_es) > 10
        assert info.value.issues[0].message_en != info.value.issues[0].message_es
        assert a.conn.execute("SELECT COUNT(*) FROM surveys").fetchone()[0] == before


def test_cli_package_round_trip_and_compute(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cli"))
    assert main(["package", "import", str(COOPS)]) == 0
    assert "10 nuevas" in capsys.readouterr().out
    out = tmp_path / "campaña.cacao.zip"
    assert main(["package", "export", "-o", str(out), "--campaign",
                 "San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)"]) == 0
    assert main(["compute", str(out), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert doc["total"]["net"]["t_co2e_per_year"] == pytest.approx(13_548.61, rel=1e-4)
    assert main(["package", "export", "-o", str(out), "--campaign", "no existe"]) == 2
    assert "No existe la campaña" in capsys.readouterr().err
    bad = tmp_path / "malo.cacao.zip"
    bad.write_bytes(b"PK\x03\x04 roto")
    assert main(["package", "import", str(bad)]) == 2


def test_survey_hash_equals_the_hash_of_its_stored_document(laptops):
    from cocoa_desktop.storage.documents import content_hash, survey_hash

    with laptops("a") as a:
        import_campaigns(a.repo, read_any(COOPS), "x")
        for row in a.repo.surveys():
            assert survey_hash(a.repo.survey(row.id)) == content_hash(a.repo.document(row.id))


def _conflict(laptops, tmp_path) -> tuple:
    """The office and the field laptop both changed the first cooperative: producers and husk shares."""
    office, field_copy = tmp_path / "office.cacao.zip", tmp_path / "field.cacao.zip"
    with laptops("office") as office_db:
        import_campaigns(office_db.repo, read_any(COOPS), "x")
        export_package(office_db.repo, office)
    with laptops("field") as field_db:
        import_campaigns(field_db.repo, read_incoming(office), str(office))
        survey_id = field_db.repo.surveys()[0].id
        _edit_producers(field_db, survey_id, 999)
        field_db.repo.save_section(survey_id, "husk", {"shares": {"heaped": 0.2, "composted": 0.8}})
        export_package(field_db.repo, field_copy)
    return survey_id, field_copy


def test_a_conflict_merged_section_by_section_in_one_transaction(laptops, tmp_path):
    survey_id, field_copy = _conflict(laptops, tmp_path)
    with laptops("office") as office_db:
        _edit_producers(office_db, survey_id, 555)
        import_campaigns(office_db.repo, read_incoming(field_copy), str(field_copy))
        # only the field laptop changed the husk section since they met: it arrives by itself; both changed the
        # general section: that one is the conflict
        imported = [c for c in office_db.repo.history(survey_id) if c.origin.startswith("import:")]
        assert {c.section for c in imported} == {"husk"}
        (conflict,) = open_conflicts(office_db.repo, survey_id)
        # our producers (general), their husk shares
        resolve_conflict(office_db.repo, conflict["id"], "merge", sections={"general": "mine", "husk": "theirs"})
        survey = office_db.repo.survey(survey_id)
        assert survey.general.producers == 555 and survey.husk.shares == {"heaped": 0.2, "composted": 0.8}
        assert open_conflicts(office_db.repo) == []
        merged = [c for c in office_db.repo.history(survey_id) if c.origin.startswith("conflict-merge:")]
        assert merged == []  # ours kept for the general section: no field changed by the choice
        again = import_campaigns(office_db.repo, read_incoming(field_copy), str(field_copy))
        assert again.conflicts == []  # their version is remembered as synchronised


def test_keeping_our_version_is_written_in_the_history(laptops, tmp_path):
    survey_id, field_copy = _conflict(laptops, tmp_path)
    with laptops("office") as office_db:
        _edit_producers(office_db, survey_id, 555)
        import_campaigns(office_db.repo, read_incoming(field_copy), str(field_copy))
        (conflict,) = open_conflicts(office_db.repo, survey_id)
        resolve_conflict(office_db.repo, conflict["id"], "mine")
        assert office_db.repo.survey(survey_id).general.producers == 555
        last = office_db.repo.history(survey_id)[-1]
        assert last.origin.startswith("conflict-mine:") and last.field == "*"
        with pytest.raises(ValueError):
            resolve_conflict(office_db.repo, conflict["id"], "merge")  # merge needs its sections


def test_the_history_tells_a_null_from_a_missing_field(storage):
    from cocoa_desktop.engine.files import survey_io

    region = survey_io.read(example_path("san-martin-2020-region.json")).model_dump(mode="json")
    assert region["general"]["cocoa_trees_per_ha"] is None  # stored as a null
    general = {k: v for k, v in region["general"].items() if k != "technician"}  # no technician key at all
    survey_id = storage.repo.add_survey({**region, "general": general}, storage.repo.ensure_campaign("2019", 2019),
                                        completed=True)
    storage.repo.save_section(survey_id, "general", {**general, "technician": "Ana", "cocoa_trees_per_ha": 1111})
    changes = {c.field: c for c in storage.repo.history(survey_id)}
    assert changes["technician"].old_value is None and changes["technician"].old_missing  # did not exist
    assert changes["cocoa_trees_per_ha"].old_value is None and not changes["cocoa_trees_per_ha"].old_missing  # null
