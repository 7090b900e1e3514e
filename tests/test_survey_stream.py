"""The streaming campaign reader (engine/survey_stream.CampaignSurveys, used by ``cocoa-desktop report``) is exactly
as strict as ``survey_io.read``: the same surveys in the same order and the same campaign name for every file
``read`` accepts, the same error (type, every issue's code, path and Spanish/English message, source) for every
file it refuses, and the report command prints the same message and writes nothing.

Every case also says whether the stream really streamed the file: a stream that always handed the file to ``read``
would agree with it trivially, so the app's own layout must be streamed to its end."""

from __future__ import annotations

import json
import weakref
import zipfile
from pathlib import Path

import pytest
from helpers import generated_surveys
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reader_outcomes import by_read, by_stream
from test_properties import surveys as survey_strategy

from cocoa_desktop import cli
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.files.survey_stream import CampaignSurveys
from cocoa_desktop.engine.model import model_versions
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import MAX_SURVEYS, Campaign

EXAMPLES = sorted(example_path("x").parent.iterdir())


def _campaign(n: int, seed: int = 7, name: str = "Fincas San Martín") -> Campaign:
    return Campaign(name=name, year=2024, notes="línea 1\nlínea 2 \"surveys\": [", surveys=generated_surveys(n, seed))


def _layout(campaign: Campaign) -> bytes:
    """The app's own layout (survey_io.dumps): the head, one survey per line, ``]}}``."""
    return survey_io.dumps(campaign).encode()


def _same(path: Path, *, streamed: bool | None = None) -> tuple:
    """Assert the stream and ``read`` agree on ``path`` (and, if given, whether the stream streamed it whole)."""
    expected = by_read(path)
    got, whole = by_stream(path)
    assert got == expected
    if streamed is not None:
        assert whole is streamed, f"streamed to the end: {whole}, expected {streamed}"
    return expected


def _file(tmp_path: Path, data: bytes, name: str = "campaña.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---- valid files: the same surveys, in the same order, and the same name ----

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_shipped_example_reads_the_same(path):
    outcome = _same(path, streamed=False)  # indented, a single survey, or not a survey file: read whole
    assert outcome[0] == ("accepted" if path.name.startswith("san-martin") else "refused")


@pytest.mark.parametrize("name", ["san-martin-2020-cooperatives.json", "san-martin-2020-region.json"])
def test_the_shipped_examples_rewritten_by_the_app_read_the_same(tmp_path, name):
    item = survey_io.read(example_path(name))
    path = tmp_path / "rewritten.json"
    survey_io.write(item, path)
    outcome = _same(path, streamed=isinstance(item, Campaign))  # a campaign is streamed, a survey is not
    assert len(outcome[1]) == len(survey_io.surveys_of(item))


def test_a_generated_campaign_written_by_the_app_is_streamed_with_the_same_surveys(tmp_path):
    campaign = _campaign(60)
    path = tmp_path / "fincas.json"
    survey_io.write(campaign, path)
    outcome = _same(path, streamed=True)
    assert outcome == ("accepted", [s.model_dump() for s in campaign.surveys], campaign.name)


# text people type (survey.TEXT_PATTERN: no control character but line breaks and tabs), with pieces of the layout
TEXT = st.lists(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn"), include_characters="\n\r\t")
                | st.sampled_from(['"surveys": [', "\\", "]}}", "\u2028", ",\n"]), max_size=12).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(surveys=st.lists(survey_strategy(), min_size=1, max_size=6), name=TEXT, notes=TEXT, region=TEXT,
       year=st.integers(1990, 2100))
def test_hypothesis_campaigns_read_the_same(tmp_path, surveys, name, notes, region, year):
    try:
        campaign = Campaign(name=name or "C", year=year, region=region, notes=notes, surveys=surveys)
    except ValueError:
        assume(False)  # a name or note the model refuses: nothing the app could write
    path = tmp_path / "h.json"
    survey_io.write(campaign, path)
    _same(path, streamed=True)


# ---- other layouts and small changes: whatever read gives ----

def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _variants(base: bytes, campaign: Campaign) -> dict[str, tuple[bytes, bool | None]]:
    """Files made from ``base`` (the app's layout of ``campaign``) and whether the stream must stream them whole."""
    doc = survey_io.campaign_document(campaign)
    lines = _lines(base)
    survey = json.loads(lines[1].rstrip(b","))
    reordered_survey = json.dumps(dict(reversed(list(survey.items()))), ensure_ascii=False).encode() + b","
    reordered_campaign = {"campaign": doc["campaign"], "format": doc["format"], "format_version": 1}
    head = lines[0]
    notes = head[head.index(b'"notes": '):head.index(b'"surveys": [')]  # '"notes": "…", '
    notes = b", " + notes[:-2]
    return {
        "indented": (json.dumps(doc, indent=2, ensure_ascii=False).encode(), False),
        "one line": (json.dumps(doc, ensure_ascii=False).encode(), False),
        "version 0": (base.replace(b'"format_version": 1', b'"format_version": 0', 1), False),
        "version 2": (base.replace(b'"format_version": 1', b'"format_version": 2', 1), False),
        "version 1.0": (base.replace(b'"format_version": 1', b'"format_version": 1.0', 1), False),
        "version true": (base.replace(b'"format_version": 1', b'"format_version": true', 1), False),
        "single survey": (survey_io.dumps(campaign.surveys[0]).encode(), False),
        "CRLF": (base.replace(b"\n", b"\r\n"), True),
        "CR only": (base.replace(b"\n", b"\r"), False),
        "BOM": (b"\xef\xbb\xbf" + base, True),
        "two BOMs": (b"\xef\xbb\xbf\xef\xbb\xbf" + base, False),
        "BOM in the middle": (base.replace(b"\n", b"\n\xef\xbb\xbf", 2), False),
        "tabs and spaces around lines": (base.replace(b",\n", b" ,\t\n\t "), True),
        "trailing comma after the last survey": (base.replace(b"\n]}}", b",\n]}}"), False),
        "trailing comma at the campaign's end": (base.replace(b"\n]}}", b"\n],}}"), False),
        "trailing comma in a survey": (b"\n".join([head, lines[1][:-2] + b",},", *lines[2:]]), False),
        "extra top-level key": (base.replace(b'{"format"', b'{"extra": 1, "format"', 1), False),
        "extra campaign key": (base.replace(b'"surveys": [', b'"extra": 1, "surveys": [', 1), False),
        "extra survey key": (b"\n".join([head, lines[1][:-2] + b',"extra":1},', *lines[2:]]), False),
        "extra key after the surveys": (base.replace(b"\n]}}", b'\n], "extra": 1}}'), False),
        "keys reordered at the top": (base.replace(b'"format": "cocoa-desktop/campaign", "format_version": 1',
                                                   b'"format_version": 1, "format": "cocoa-desktop/campaign"', 1),
                                      False),
        "campaign first": (json.dumps(reordered_campaign, ensure_ascii=False).encode(), False),
        "campaign keys reordered": (base.replace(b'"name": "Fincas San Mart\xc3\xadn", "year": 2024',
                                                 b'"year": 2024, "name": "Fincas San Mart\xc3\xadn"', 1), True),
        "surveys before the campaign's notes": (base.replace(notes, b"", 1).replace(b"\n]}}", b"\n]" + notes + b"}}"),
                                                False),
        "keys of a survey reordered": (b"\n".join([head, reordered_survey, *lines[2:]]), True),
        "a blank line between surveys": (b"\n".join([*lines[:3], b"", *lines[3:]]), False),
        "two surveys on one line": (b"\n".join([*lines[:2], lines[2] + lines[3], *lines[4:]]), False),
        "a survey over two lines": (b"\n".join([*lines[:2], lines[2].replace(b",", b",\n", 1), *lines[3:]]), False),
        "the end on the last survey's line": (base.replace(b"\n]}}", b"]}}"), False),
        "a comma at the start of lines": (base.replace(b",\n", b"\n,"), False),
        "text after the end": (base + b"x", False),
        "a form feed after the end": (base + b"\x0c", False),
        "whitespace after the end": (base + b" \r\n\t\n", True),
        "a NUL after the end": (base + b"\x00", False),
        "a duplicate key in the head": (base.replace(b'"notes": ', b'"region": "x", "notes": ', 1), False),
        "surveys key twice": (base.replace(b'"name": ', b'"surveys": [], "name": ', 1), False),
        "an escaped surveys key": (base.replace(b'"surveys": [', b'"\\u0073urveys": [', 1), False),
        "not a campaign": (base.replace(b"cocoa-desktop/campaign", b"cocoa-desktop/package", 1), False),
        "a survey document named campaign": (base.replace(b"cocoa-desktop/campaign", b"cocoa-desktop/survey", 1),
                                             False),
    }


def _variant_cases() -> list[str]:
    return list(_variants(_layout(_campaign(4)), _campaign(4)))


@pytest.mark.parametrize("case", _variant_cases())
def test_other_layouts_and_changes_give_what_read_gives(tmp_path, case):
    campaign = _campaign(4)
    data, streamed = _variants(_layout(campaign), campaign)[case]
    assert data != _layout(campaign) or case == "keys of a survey reordered"
    _same(_file(tmp_path, data), streamed=streamed)


def test_a_package_gives_what_read_gives(tmp_path):
    path = tmp_path / "campañas.cacao.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("campaigns/001.json", _layout(_campaign(3)))
    assert _same(path, streamed=False)[0] == "refused"


def test_an_older_format_version_is_upgraded_as_read_upgrades_it(tmp_path, monkeypatch):
    """Were the model at version 2, a file of version 1 in the app's layout must go through the upgrade steps: the
    stream hands it to read (a stream that validated its lines as they are would miss the step's change)."""
    path = tmp_path / "v1.json"
    survey_io.write(_campaign(5), path)

    def step(doc: dict) -> dict:
        return {**doc, "notes": "subido de la versión 1"}

    monkeypatch.setattr(model_versions, "MODEL_VERSION", 2)
    monkeypatch.setattr(survey_io, "FORMAT_VERSION", 2)
    monkeypatch.setitem(model_versions.STEPS, 1, step)
    outcome = _same(path, streamed=False)
    assert {s["notes"] for s in outcome[1]} == {"subido de la versión 1"}


# ---- errors found on the way: the same error as read, the same message, nothing written ----

def _broken(kind: str) -> bytes:
    """A 121-survey campaign in the app's layout with one problem after the first 100 good surveys."""
    lines = _lines(_layout(_campaign(121, seed=11)))
    line = lines[101]
    if kind == "invalid JSON line":
        lines[101] = line[:40] + b"}}}" + line[40:]
    elif kind == "survey failing validation":
        lines[101] = line.replace(b'"productive_area_ha":', b'"productive_area_ha":-5,"x":', 1)
    elif kind == "duplicate id":
        lines[101] = lines[5]
    elif kind == "non-UTF-8 byte":
        lines[101] = line.replace(b'"Finca ', b'"Finca \xff', 1)
    elif kind == "NaN":
        lines[101] = line.replace(b'"productive_area_ha":', b'"productive_area_ha":NaN,"x":', 1)
    elif kind == "truncated last line":
        return b"\n".join(lines[:121])[:-30]
    elif kind == "truncated after the last line":
        return b"\n".join(lines[:122])
    return b"\n".join(lines)


BROKEN = ["invalid JSON line", "survey failing validation", "duplicate id", "non-UTF-8 byte", "NaN",
          "truncated last line", "truncated after the last line"]


def _report(path: Path, out: Path, lang: str, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["report", str(path), "-o", str(out), "--lang", lang])
    return code, capsys.readouterr().err


def _same_refusal_everywhere(path: Path, tmp_path: Path, capsys) -> None:
    """The stream raises read's error; report and compute print its summary, exit 2 and write no PDF."""
    outcome = _same(path, streamed=False)
    assert outcome[0] == "refused"
    for lang in ("es", "en"):
        out = tmp_path / "informe.pdf"
        code, err = _report(path, out, lang, capsys)
        assert code == cli.EXIT_BAD_INPUT
        assert err == outcome[3 if lang == "es" else 4] + "\n"
        assert not out.exists() and not out.with_name(out.name + ".tmp").exists()
        capsys.readouterr()
        assert cli.main(["compute", str(path), "--lang", lang]) == cli.EXIT_BAD_INPUT
        assert capsys.readouterr().err == err  # the command that reads the file whole says the same


@pytest.mark.parametrize("kind", BROKEN)
def test_a_problem_after_100_good_surveys_is_reads_error_and_writes_nothing(tmp_path, capsys, kind):
    path = _file(tmp_path, _broken(kind))
    source = CampaignSurveys(path)
    assert source.kept is None  # the head is fine: the stream starts ...
    taken = []
    with pytest.raises(SurveyValidationError) as raised:
        for survey in source:
            taken.append(survey.id)
    assert len(taken) >= 100  # ... and meets the problem on the way
    _same_refusal_everywhere(path, tmp_path, capsys)
    with pytest.raises(SurveyValidationError) as by_read:
        survey_io.read(path)
    assert raised.value.issues == by_read.value.issues


@pytest.mark.parametrize("data", [b"", b"\n", b"\xef\xbb\xbf", b"\xff\xfe{}", b"[]", b"null"],
                         ids=["0 bytes", "a newline", "a BOM alone", "UTF-16 mark", "a list", "null"])
def test_files_that_are_no_campaign_give_reads_error(tmp_path, capsys, data):
    _same_refusal_everywhere(_file(tmp_path, data), tmp_path, capsys)


def test_an_empty_surveys_list_gives_reads_answer(tmp_path, capsys):
    path = _file(tmp_path, _layout(Campaign(name="Vacía", year=2024)))
    assert _same(path, streamed=False) == ("accepted", [], "Vacía")
    code, err = _report(path, tmp_path / "vacía.pdf", "en", capsys)
    assert code == cli.EXIT_BAD_INPUT and "holds no survey" in err and not (tmp_path / "vacía.pdf").exists()


def test_a_missing_file_and_a_folder_give_reads_error(tmp_path):
    for path in (tmp_path / "no-such.json", tmp_path):
        _same(path, streamed=False)


def test_the_real_console_script_says_the_same_and_writes_nothing(tmp_path):
    import os
    import subprocess
    import sys

    path = _file(tmp_path, _broken("duplicate id"))
    out = tmp_path / "out.pdf"
    script = Path(sys.executable).with_name("cocoa-desktop")
    done = subprocess.run([str(script), "report", str(path), "-o", str(out), "--lang", "en"], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2 and not out.exists()
    assert done.stderr == by_read(path)[4] + "\n"


@pytest.mark.slow
def test_one_survey_more_than_a_campaign_may_hold_is_refused_as_read_refuses_it(tmp_path):
    """survey_io.count_surveys counts the bytes ``"general"``; a key spelt ``"\\u0067eneral"`` escapes it, and only
    the campaign model's own limit (MAX_SURVEYS) stops such a file in read. The stream accepted all 200,001 surveys
    before it counted them too (22 MB). Now the stream counts its lines first and the campaign model its surveys
    before validating any: refused in about a second, not 40."""
    line = ('{"id":"s%d","\\u0067eneral":{"organisation":"C","campaign_year":2024,"productive_area_ha":1,'
            '"dry_cocoa_kg":1}}')
    head = _lines(_layout(Campaign(name="Grande", year=2024)))[0].replace(b"[]}}", b"[")
    path = tmp_path / "grande.json"
    with path.open("wb") as handle:
        handle.write(head + b"\n")
        handle.write(",\n".join(line % i for i in range(MAX_SURVEYS + 1)).encode() + b"\n]}}\n")
    outcome = _same(path, streamed=False)
    assert outcome[0] == "refused" and outcome[1][0][:2] == ("too_long", "campaign.surveys")


@pytest.mark.parametrize("most", [5, 6])
def test_the_line_counts_before_reading_stop_at_exactly_one_survey_too_many(tmp_path, monkeypatch, most):
    """The counts that refuse a campaign before reading its surveys, at their edge (the limit lowered to 5 and 6 for a
    file of 6 surveys): at 6 the line reader and the stream read it; at 5 the line reader gives way to the strict
    reading and the stream reads the file whole (which the campaign model then refuses)."""
    from cocoa_desktop.engine.files import survey_lines, survey_stream

    monkeypatch.setattr(survey_lines, "MAX_SURVEYS", most)
    monkeypatch.setattr(survey_stream, "MAX_SURVEYS", most)
    path = _file(tmp_path, _layout(_campaign(6, seed=3)))
    read = survey_lines.campaign(path.read_bytes(), survey_io.CAMPAIGN_FORMAT, survey_io.FORMAT_VERSION)
    source = CampaignSurveys(path)
    if most == 6:
        assert read is not None and len(read.surveys) == 6
        assert source.kept is None and len(list(source)) == 6  # streamed
    else:
        assert read is None
        assert source.kept is not None and len(source.kept) == 6  # read whole (the real limit is 200,000)


# ---- one survey model at a time ----

def test_streaming_holds_a_bounded_number_of_survey_models(tmp_path):
    """While a 500-survey file in the app's layout is streamed, the surveys already handed on are freed (weak
    references to them die) — at most the one being handed on is alive. The same file indented, read whole, keeps
    all 500 alive: the count does see it when they are held."""
    campaign = _campaign(500, seed=2)
    streamed_path, whole_path = tmp_path / "lineas.json", tmp_path / "sangrado.json"
    survey_io.write(campaign, streamed_path)
    whole_path.write_text(json.dumps(survey_io.campaign_document(campaign), indent=1), encoding="utf-8")
    del campaign

    def most_alive(path: Path) -> int:
        refs: list[weakref.ref] = []
        most = 0
        for survey in CampaignSurveys(path):
            refs.append(weakref.ref(survey))
            del survey
            most = max(most, sum(r() is not None for r in refs))
        assert len(refs) == 500
        return most

    assert most_alive(streamed_path) <= 2
    assert most_alive(whole_path) == 500
