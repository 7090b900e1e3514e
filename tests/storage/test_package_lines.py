"""A package's campaign files read one survey a line (storage/campaign_lines.py, issue 22), and the import that
compares those lines with its own (storage/merge.py).

The line reader must be survey_io.loads with lines: the same campaign or the same error for any bytes (layouts
it does not take, seeded mutations of the one it takes); each line it gives is its survey's. The import must
decide as before: the same package again is identical without encoding a survey, a line that differs is merged
by the full path, and an insert that fails half-way rolls the whole import back (its page cache given back).
"""

from __future__ import annotations

import json
import random
import zipfile

import pytest

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey
from cocoa_desktop.storage import campaign_lines, merge, stamps
from cocoa_desktop.storage.database import StorageError
from cocoa_desktop.storage.documents import split_sections
from cocoa_desktop.storage.packages import campaign_file, read_package
from cocoa_desktop.storage.startup import open_storage
from cocoa_desktop.storage.sync import PROGRESS_EVERY, export_package, import_campaigns, read_incoming
from tests.fuzz.mutations import BYTE_MUTATORS, DOC_MUTATORS, package_bytes
from tests.helpers import generated_surveys

COOPS = survey_io.read(example_path("san-martin-2020-cooperatives.json"))
CAMPAIGN = Campaign(name="Fincas", year=2024, surveys=[*COOPS.surveys, *generated_surveys(12, seed=21)])


def _outcome(read, data: bytes):
    try:
        return "read", read(data)
    except SurveyValidationError as exc:
        return "refused", [(i.path, i.code, i.message_es, i.message_en) for i in exc.issues]


def _agrees(data: bytes) -> tuple[str, bool]:
    """campaign_lines.loads says what survey_io.loads says of ``data``; (that outcome, whether lines came). Read
    provisionally, it refuses the same, or gives surveys that confirm line by line to the same campaign, or (what
    survey_io refuses) a line that does not confirm."""
    expected = _outcome(lambda d: survey_io.loads(d, "x"), data)
    got = _outcome(lambda d: campaign_lines.loads(d, "x"), data)
    provisional = _outcome(lambda d: campaign_lines.loads(d, "x", provisional=True), data)
    if expected[0] == "refused" or got[0] == "refused":
        assert got == expected
        if provisional[0] == "refused":
            assert provisional == expected
        else:
            item, lines, maybe = provisional[1]
            assert maybe and lines is not None
            with pytest.raises(SurveyValidationError):
                _confirmed(item, lines)
        return "refused", False
    item, lines, maybe = got[1]
    assert item == expected[1] and not maybe
    if lines is not None:
        assert isinstance(item, Campaign) and len(lines) == len(item.surveys)
        for line, survey in zip(lines, item.surveys, strict=True):
            assert Survey.model_validate(survey_io.parse_json(line)) == survey
    assert provisional[0] == "read"
    quick, quick_lines, maybe = provisional[1]
    assert quick_lines == lines
    assert (_confirmed(quick, quick_lines) if maybe else quick) == item
    return "read", lines is not None


def _confirmed(item, lines) -> Campaign:
    """What the import merges of a provisional campaign: each survey confirmed by its line (merge._encoded)."""
    surveys = []
    for survey, line in zip(item.surveys, lines, strict=True):
        texts = {k: merge.canonical_text(v) for k, v in split_sections(survey.model_dump(mode="json")).items()}
        surveys.append(survey if campaign_lines.is_line(survey.id, texts, line) else
                       campaign_lines.confirmed(line, "x"))
    return item.model_copy(update={"surveys": surveys})


def _layout() -> bytes:
    return campaign_file(CAMPAIGN, [json.dumps(s.model_dump(mode="json"), ensure_ascii=False,
                                               separators=(",", ":")).encode() for s in CAMPAIGN.surveys])


def test_the_layout_a_package_writes_comes_with_each_surveys_line():
    data = _layout()
    assert data == survey_io.dumps(CAMPAIGN).encode()
    assert _agrees(data) == ("read", True)


@pytest.mark.parametrize("change", [
    lambda d: d.replace(b",\n", b",", 1),  # two surveys on one line
    lambda d: d.replace(b'","', b'",\n"', 3),  # a survey over two lines
    lambda d: d.replace(b"\n", b"\r\n"),
    lambda d: b"\xef\xbb\xbf" + d,
    lambda d: d.replace(b'"format_version": 1', b'"format_version": 0', 1),
    lambda d: d.replace(b'"format_version": 1', b'"format_version": 1, "format_version": 1', 1),
    lambda d: d.replace(b'"surveys": [', b'"x": {"surveys": [', 1),
    lambda d: d.replace(b'"surveys": [', b'"surveys": [], "y": [', 1),
    lambda d: d.replace(b'"surveys": [', b'"surveys": [[', 1).replace(b"\n]}}\n", b"\n]]}}\n"),
    lambda d: d.replace(b"\n]}}\n", b"\n]}}\n\n"),
    lambda d: d.replace(b"\n]}}\n", b"\n] }}\n"),
    lambda d: d[:d.index(b"\n") + 1] + b"\n]}}\n",  # no survey
    lambda d: d.replace(b",\n", b",\n\n", 1),
    lambda d: d.replace(b",\n", b"\n,\n", 1),
    lambda d: d.replace(b'{"id"', b' {"id"', 2),
    lambda d: d.replace(b'"surveys": [', b'"surveys":[ ', 1),
])
def test_other_layouts_read_as_survey_io_reads_them(change):
    _agrees(change(_layout()))


def test_seeded_mutations_read_as_survey_io_reads_them():
    """A survey changed and laid out again (the reader takes the lines), or bytes changed anywhere."""
    rng = random.Random(22)
    base = _layout()
    seen = set()
    for _ in range(160):
        if rng.random() < 0.5:
            doc = json.loads(base)
            index = rng.randrange(len(doc["campaign"]["surveys"]))
            changed = rng.choice(DOC_MUTATORS)(rng, doc["campaign"]["surveys"][index]).data
            surveys = list(doc["campaign"]["surveys"])
            lines = [json.dumps(s, ensure_ascii=False, separators=(",", ":")).encode() for s in surveys]
            lines[index] = changed.replace(b"\n", b" ")
            data = campaign_file(CAMPAIGN, lines)
        else:
            data = rng.choice(BYTE_MUTATORS)(rng, base).data
        seen.add(_agrees(data))
    assert seen >= {("read", True), ("refused", False)}  # both ways are tried


def test_the_new_surveys_python_dump_encodes_as_the_json_one():
    surveys = [*COOPS.surveys, *generated_surveys(80, seed=12)]
    for survey in surveys:
        ours, json_mode = merge._dumped(survey), survey.model_dump(mode="json")
        assert {k: merge.canonical_text(v) for k, v in split_sections(ours).items()} == {
            k: merge.canonical_text(v) for k, v in split_sections(json_mode).items()}
        assert str(ours["unit"]) == json_mode["unit"]


def _state(repo):
    return {table: [tuple(r) for r in repo.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in ("surveys", "survey_sections", "survey_aliases", "conflicts", "change_history")}


def test_the_same_package_again_encodes_no_survey(storage, tmp_path, monkeypatch):
    repo = storage.repo
    campaign = CAMPAIGN.model_copy(update={"surveys": generated_surveys(PROGRESS_EVERY + 30, seed=4)})
    import_campaigns(repo, [campaign], "many.json")
    export_package(repo, tmp_path / "a.cacao.zip")
    assert all(lines is not None for lines in read_package(tmp_path / "a.cacao.zip", lines=True).lines)
    assert read_package(tmp_path / "a.cacao.zip").lines == ()  # kept only when asked
    before = _state(repo)
    encoded = []
    monkeypatch.setattr(merge, "canonical_text", lambda value: encoded.append(value) or "")
    again = import_campaigns(repo, read_incoming(tmp_path / "a.cacao.zip"), "a")
    assert (again.identical, again.added, again.updated, again.conflicts) == (len(campaign.surveys), 0, 0, [])
    assert _state(repo) == before and encoded == []


def test_a_line_that_differs_from_ours_is_merged_as_before(storage, tmp_path):
    """A survey changed on one laptop (its line is not the other's): newer there, older here; the others stay
    identical."""
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    export_package(repo, tmp_path / "a.cacao.zip")
    edited = COOPS.surveys[2].id
    repo.save_section(edited, "general", {**repo.document(edited)["general"], "technician": "Otra"})
    export_package(repo, tmp_path / "b.cacao.zip")
    with open_storage(tmp_path / "office") as office:
        import_campaigns(office.repo, read_incoming(tmp_path / "a.cacao.zip"), "a")
        report = import_campaigns(office.repo, read_incoming(tmp_path / "b.cacao.zip"), "b")
        assert (report.identical, report.updated, report.added) == (len(COOPS.surveys) - 1, 1, 0)
        assert office.repo.survey(edited).general.technician == "Otra"
    report = import_campaigns(repo, read_incoming(tmp_path / "a.cacao.zip"), "a")
    assert (report.identical, report.ours_newer, report.updated) == (len(COOPS.surveys) - 1, 1, 0)
    assert repo.survey(edited).general.technician == "Otra"


def test_an_insert_failing_half_way_rolls_everything_back(storage):
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    surveys = generated_surveys(PROGRESS_EVERY * 2 + 5, seed=8)
    repo.conn.execute(f"CREATE TRIGGER refuse BEFORE INSERT ON survey_sections WHEN NEW.survey_id = "
                      f"'{surveys[PROGRESS_EVERY + 3].id}' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    before = _state(repo)
    with pytest.raises(StorageError):
        import_campaigns(repo, [CAMPAIGN.model_copy(update={"surveys": surveys})], "many.json")
    assert _state(repo) == before
    assert int(repo.conn.execute("PRAGMA cache_size").fetchone()[0]) == -2000  # the import's cache given back


def test_a_line_with_a_key_twice_is_refused_by_the_import_as_by_the_strict_reading(storage, tmp_path):
    """The model's JSON reader keeps the last of two equal keys; the import confirms each line, so the package is
    refused with the error the strict reading gives, and nothing changes."""
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    export_package(repo, tmp_path / "a.cacao.zip")
    with zipfile.ZipFile(tmp_path / "a.cacao.zip") as zf:
        files = {name: zf.read(name) for name in zf.namelist() if name != "manifest.json"}
        manifest = json.loads(zf.read("manifest.json"))
    name, data = next(iter(files.items()))
    files[name] = data.replace(b'"notes":"', b'"notes":"otra","notes":"', 1)
    assert files[name] != data
    (tmp_path / "b.cacao.zip").write_bytes(package_bytes(files, manifest))
    with pytest.raises(SurveyValidationError) as strict:
        read_incoming(tmp_path / "b.cacao.zip", provisional=False)
    incoming = read_incoming(tmp_path / "b.cacao.zip")
    assert any(incoming.provisional)  # read by the model's JSON reader: the key twice not seen yet
    for folder in ("office", "here"):
        with open_storage(tmp_path / folder) as office:
            target = office.repo if folder == "office" else repo
            before = _state(target)
            with pytest.raises(SurveyValidationError) as caught:
                import_campaigns(target, incoming, str(tmp_path / "b.cacao.zip"))
            assert caught.value.issues == strict.value.issues and caught.value.issues[0].code == "duplicate_key"
            assert _state(target) == before


def test_an_apps_own_package_is_confirmed_line_by_line_without_reading_it_again(storage, tmp_path, monkeypatch):
    """Every line an export writes is the line its survey's canonical sections make (campaign_lines.is_line, the
    same bytes as stamps.line), so a provisional import never reads a line the strict way."""
    repo = storage.repo
    campaign = CAMPAIGN.model_copy(update={"surveys": [*COOPS.surveys, *generated_surveys(40, seed=9)]})
    import_campaigns(repo, [campaign], "many.json")
    export_package(repo, tmp_path / "a.cacao.zip")
    incoming = read_incoming(tmp_path / "a.cacao.zip")
    assert all(incoming.provisional)
    for survey, line in zip(incoming.campaigns[0].surveys, incoming.lines[0] or [], strict=True):
        texts = {k: merge.canonical_text(v) for k, v in split_sections(survey.model_dump(mode="json")).items()}
        assert campaign_lines.is_line(survey.id, texts, line)
        assert stamps.line(survey.id, [(k, v.encode(), None) for k, v in sorted(texts.items())]) == line
        assert not campaign_lines.is_line(survey.id, {**texts, "meta": "[]"}, line)
        assert not campaign_lines.is_line(survey.id + "x", texts, line)
    monkeypatch.setattr(campaign_lines, "confirmed", lambda *a: pytest.fail("read again the strict way"))
    with open_storage(tmp_path / "office") as office:
        report = import_campaigns(office.repo, incoming, str(tmp_path / "a.cacao.zip"))
        assert report.added == len(campaign.surveys)
        assert [office.repo.survey(s.id) for s in campaign.surveys[::7]] == campaign.surveys[::7]


def test_a_survey_here_without_a_current_stamp_is_confirmed_before_it_counts_as_the_same(storage, tmp_path):
    """Our line, byte for byte, is taken unread only under our current stamp; without one (a folder from before
    stamps, a stale stamp) the line is confirmed as a new survey's is, and the result is the same."""
    repo = storage.repo
    import_campaigns(repo, [COOPS], "coops.json")
    export_package(repo, tmp_path / "a.cacao.zip")
    repo.conn.execute("UPDATE surveys SET checked = NULL")
    before = _state(repo)
    report = import_campaigns(repo, read_incoming(tmp_path / "a.cacao.zip"), str(tmp_path / "a.cacao.zip"))
    assert (report.identical, report.added, report.updated, report.conflicts) == (len(COOPS.surveys), 0, 0, [])
    assert _state(repo) == before
