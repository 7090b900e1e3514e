"""Issue 18, "Breaks on hostile or odd input": each case reproduced (it ended in exit 70, a traceback, or was
accepted), now a message naming the file or the option and exit 2, with nothing written."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from cocoa_desktop.cli import main
from cocoa_desktop.engine.economics import project as economics
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.uncertainty import sensitivity

PROJECT = example_path("aprocam-2024-carbon-project.json")


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _project(tmp_path: Path, change=None, raw: str | None = None) -> Path:
    if raw is None:
        doc = json.loads(PROJECT.read_text(encoding="utf-8"))
        change(doc)
        raw = json.dumps(doc, ensure_ascii=False)
    path = tmp_path / "proyecto.json"
    path.write_text(raw, encoding="utf-8")
    return path


def _refused(capsys, *args: str, naming: str) -> str:
    code, _out, err = _run(capsys, *args)
    assert code == 2, (code, err)
    assert "Traceback" not in err and "Error interno" not in err and "Internal error" not in err
    assert naming in err, err
    return err


# ---- economics: the project file ----

def test_economics_nested_1000_deep_is_refused(tmp_path, capsys):
    raw = '{"format": "cocoa-desktop/carbon-project", "format_version": 1, "project": ' + "[" * 1000 + "]" * 1000 + "}"
    path = _project(tmp_path, raw=raw)
    err = _refused(capsys, "economics", str(path), naming=str(path))
    assert "anidado" in err


def _published(key: str, value: object):
    return lambda doc: doc["project"]["published"].__setitem__(key, value)


# each of these ended in exit 70 (TypeError, KeyError …) when `published` was a free dictionary
PUBLISHED_CASES = {
    "flow_text": _published("net_flow_pen", "x"), "flow_of_text": _published("net_flow_pen", ["a"]),
    "flow_number": _published("net_flow_pen", 5), "cumulative_number": _published("cumulative_pen", 5),
    "cumulative_of_text": _published("cumulative_pen", ["x"]), "npv_text": _published("npv_spreadsheet_pen", "x"),
    "bc_text": _published("benefit_cost", "x"), "abstract_number": _published("abstract", 5),
    "abstract_text_npv": _published("abstract", {"npv_pen": "x", "irr": 0.4, "benefit_cost": 1.8}),
    "abstract_empty": _published("abstract", {}), "sensitivity_number": _published("sensitivity", 5),
    "sensitivity_of_numbers": _published("sensitivity", [1]),
    "sensitivity_row_short": _published("sensitivity", [{"variable": "cocoa_price"}]),
    "irr_text": _published("irr", "x"),
    "sensitivity_variable_list": _published("sensitivity", [{"variable": [], "change": 0, "npv_spreadsheet_pen": 1}]),
}


@pytest.mark.parametrize("case", sorted(PUBLISHED_CASES))
def test_wrong_types_in_published_are_refused_with_their_path(case, tmp_path, capsys):
    path = _project(tmp_path, PUBLISHED_CASES[case])
    err = _refused(capsys, "economics", str(path), "--lang", "en", naming=str(path))
    assert "project.published." in err


def test_published_variables_are_the_sensitivity_table_s():
    assert set(economics.SensitivityVariable.__args__) == set(sensitivity.VARIABLES)


def test_economics_duplicate_key_is_refused(tmp_path, capsys):
    raw = PROJECT.read_text(encoding="utf-8").replace('"years": 5,', '"years": 5, "years": 6,', 1)
    assert raw.count('"years"') == 2
    err = _refused(capsys, "economics", str(_project(tmp_path, raw=raw)), naming="proyecto.json")
    assert "«years» aparece dos veces" in err


@pytest.mark.parametrize(("path", "value"), [("years", True), ("discount_rate", False), ("producers", "53"),
                                             ("years", 5.0)])
def test_economics_numbers_are_strict(path, value, tmp_path, capsys):
    target = _project(tmp_path, lambda doc: doc["project"].__setitem__(path, value))
    _refused(capsys, "economics", str(target), naming=f"project.{path}")


def test_economics_unknown_top_level_key_is_refused(tmp_path, capsys):
    target = _project(tmp_path, lambda doc: doc.__setitem__("proyecto", {}))
    _refused(capsys, "economics", str(target), naming="proyecto")


def test_economics_reads_only_regular_files(capsys):
    err = _refused(capsys, "economics", "/dev/zero", naming="/dev/zero")
    assert "dispositivo" in err


def test_the_shipped_project_still_reads_and_round_trips():
    project = economics.read_project(PROJECT)
    doc = json.loads(PROJECT.read_text(encoding="utf-8"))
    assert economics.project_document(project)["project"]["published"] == doc["project"]["published"]
    assert economics.project_from_document(copy.deepcopy(economics.project_document(project))) == project


# ---- sample-size ----

@pytest.mark.parametrize("ends", [b"\r", b"\r\n", b"\n"])
def test_producer_list_with_any_line_ends(ends, tmp_path, capsys):
    """CR-only line ends (an old Mac export) ended in exit 70 (csv: new-line character seen in unquoted field)."""
    path = tmp_path / "socios.csv"
    path.write_bytes(ends.join([b"nombre;distrito", b"Ana;Imaza", b"Beto;Imaza", b"Rosa;Nieva", b""]))
    code, out, err = _run(capsys, "sample-size", "--confidence", "0.9", "--error", "0.1", "--producers", str(path),
                          "--seed", "1", "--json")
    assert code == 0, err
    assert json.loads(out)["population"] == 3


@pytest.mark.parametrize("content", [b";;;\n;;\n", b"nombre;distrito\nAna;Im\x00aza\n",
                                     b"nombre;distrito\n" + b"A" * 200_000 + b";Imaza\n",
                                     b'nombre;distrito\n"Ana;Imaza'])
def test_producer_list_that_csv_cannot_read_is_refused(content, tmp_path, capsys):
    path = tmp_path / "socios.csv"
    path.write_bytes(content)
    _refused(capsys, "sample-size", "--confidence", "0.9", "--error", "0.1", "--producers", str(path),
             naming=str(path))


@pytest.mark.parametrize("strata", [["A=" + "9" * 300], ["A=" + "9" * 400], ["A=" + "9" * 300, "B=" + "9" * 300],
                                    ["A=1", "B=" + "1" + "0" * 308]])
def test_strata_counts_beyond_any_cooperative_are_refused(strata, capsys):
    err = _refused(capsys, "sample-size", "--confidence", "0.9", "--error", "0.1", "--strata", *strata,
                   naming="- ")
    assert "9" * 50 not in err  # the typed value is cut short in the message


@pytest.mark.parametrize("confidence", ["0.000000001", "0,3", "1", "0.99999", "100%"])
def test_confidence_outside_a_sensible_range_is_refused_saying_why(confidence, capsys):
    """0.000000001 gave a sample of 0 producers."""
    err = _refused(capsys, "sample-size", "--population", "235", "--confidence", confidence, "--error", "0.1",
                   "--lang", "en", naming="confidence")
    assert "0.5" in err and "0 producers" in err


def test_a_sample_is_never_empty():
    from cocoa_desktop.engine.sampling import sample_size

    assert sample_size(100, 0.9, 0.1, 1e-12).n == 1


# ---- scenario ----

REGION = example_path("san-martin-2020-region.json")
COOPS = example_path("san-martin-2020-cooperatives.json")


@pytest.mark.parametrize(("change", "says"), [
    ("general.organisation=Otra", "says who the unit is"),  # KeyError: the cooperative vanished from the table after
    ("transport.legs.0=1", "group of fields"),  # TypeError: unhashable type 'dict'
    ("general.areas=0", "group of fields"), ("husk.shares=1", "group of fields")])
def test_scenario_changes_that_would_lose_the_unit_are_refused(change, says, capsys):
    err = _refused(capsys, "scenario", str(REGION), "--set", change, "--lang", "en", naming=change.split("=")[0])
    assert says in err


def test_scenario_field_of_a_leg_still_changes(capsys):
    code, out, err = _run(capsys, "scenario", str(REGION), "--set", "transport.legs.0.distance=40", "--json")
    assert code == 0, err
    assert json.loads(out)["scenario"]["changes"] == ["transport.legs.0.distance=40"]


# ---- recommend ----

@pytest.mark.parametrize("hectares", ["9" * 400, "20000001", "1" + "0" * 30])
def test_region_beyond_any_region_is_refused(hectares, capsys):
    """400 nines became an infinite region: exit 70 with --json (inf is not JSON), 'inf' hectares in the text."""
    err = _refused(capsys, "recommend", str(COOPS), "--region-ha", hectares, "--json", naming="--region-ha")
    assert "20 000 000" in err and "9" * 50 not in err


# ---- outputs that cannot be written ----

@pytest.mark.parametrize("target", ["/proc/version", "/proc/no-such.xlsx"])
def test_export_xlsx_to_an_unwritable_place_is_refused(target, capsys):
    """xlsxwriter's FileCreateError (not an OSError) ended in exit 70."""
    before = Path(target).read_bytes() if Path(target).exists() else None
    _refused(capsys, "export-xlsx", str(REGION), "-o", target, naming=target)
    assert (Path(target).read_bytes() if Path(target).exists() else None) == before
    assert not Path(target + ".tmp").exists()


# ---- packages ----

def _near_identical_campaign(count: int):
    from helpers import farm

    from cocoa_desktop.engine.model.survey import Campaign

    one = farm()
    return Campaign(name="Taller", year=2024, surveys=[one.model_copy(update={"id": f"taller-{i:05d}"})
                                                       for i in range(count)])


def test_the_app_reads_its_own_package_of_2000_near_identical_surveys(tmp_path, capsys):
    """Refused as a "zip bomb" (about 130:1) before: the ratio now counts only beyond 16 MB."""
    import zipfile

    from cocoa_desktop.storage.packages import read_package, write_package

    path = tmp_path / "taller.cacao.zip"
    write_package([_near_identical_campaign(2000)], path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("campaigns/001.json")
    assert info.file_size > 100 * info.compress_size  # what the old rule refused
    assert read_package(path).survey_count == 2000
    code, _out, err = _run(capsys, "compute", str(path), "--json")
    assert code == 0, err


def test_a_real_bomb_is_still_refused(tmp_path):
    import io
    import zipfile

    from cocoa_desktop.engine.model.issues import SurveyValidationError
    from cocoa_desktop.storage.packages import read_package

    path = tmp_path / "bomba.cacao.zip"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("campaigns/001.json", b" " * (20 * 2**20))  # 20 MB at about 1000:1
    path.write_bytes(out.getvalue())
    with pytest.raises(SurveyValidationError) as caught:
        read_package(path)
    assert caught.value.issues[0].code == "zip_bomb" and "400:1" in caught.value.summary("en")


@pytest.mark.parametrize("seed", range(12))
def test_lzma_entry_with_flipped_bytes_is_refused(seed, tmp_path, capsys):
    """lzma.LZMAError (Corrupt input data, Invalid or unsupported options) ended in exit 70."""
    import hashlib
    import io
    import random
    import struct
    import zipfile

    data = COOPS.read_bytes()
    doc = json.loads(data)
    campaign = json.dumps({"format": "cocoa-desktop/campaign", "format_version": 1, "campaign": doc["campaign"]})
    files = {"campaigns/001.json": campaign.encode()}
    manifest = {"format": "cocoa-desktop/package", "format_version": 1, "survey_format_version": 1,
                "files": {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_LZMA) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, content in files.items():
            zf.writestr(name, content)
    raw = bytearray(out.getvalue())
    pos = raw.find(b"PK\x03\x04", 10)
    name_len, extra_len = struct.unpack_from("<HH", raw, pos + 26)
    start = pos + 30 + name_len + extra_len
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 6)):
        raw[start + rng.randrange(200)] ^= 0xFF
    path = tmp_path / "lzma.cacao.zip"
    path.write_bytes(bytes(raw))
    _refused(capsys, "compute", str(path), naming=str(path))


# ---- formula injection ----

@pytest.mark.parametrize("name", ["=1+2", '=HYPERLINK("http://example.com/x","clic")', "+SUM(B5:B9)", "-2+3",
                                  "@SUM(1)", "=cmd|' /C calc'!A0", "http://example.com"])
def test_a_project_name_is_text_in_the_economics_workbook(name, tmp_path, capsys):
    """A name starting with = became a live formula (XlsxWriter's write() turns such a string into one)."""
    import zipfile

    from openpyxl import load_workbook

    target = _project(tmp_path, lambda doc: doc["project"].__setitem__("name", name))
    book = tmp_path / "eval.xlsx"
    code, _out, err = _run(capsys, "economics", str(target), "--xlsx", str(book))
    assert code == 0, err
    cell = load_workbook(book).worksheets[0]["A1"]
    assert cell.value == name and cell.data_type == "s"
    with zipfile.ZipFile(book) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        assert "<hyperlink" not in sheet and "HYPERLINK" not in sheet
        first = sheet[sheet.index('<c r="A1"'):]
        assert "<f>" not in first[:first.index("</c>")]


# ---- terminal escape codes ----

ESCAPES = ["\x1b]52;c;ZWNobyBoYWNrZWQ=\x07", "\x1b[2J\x1b[H", "\x9b31m", "\r", "\x08\x08", "\x85", "\x00"]


def _clean(text: str) -> None:
    bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]
    assert not bad, f"control characters printed: {bad!r}"


@pytest.mark.parametrize("escape", ESCAPES)
def test_producer_names_from_a_csv_are_printed_without_control_characters(escape, tmp_path, capsys):
    path = tmp_path / "socios.csv"
    path.write_text(f"nombre;distrito\nAna{escape}Quispe;Imaza\nBeto;Ima{escape}za\n", encoding="utf-8",
                    newline="")
    code, out, err = _run(capsys, "sample-size", "--confidence", "0.9", "--error", "0.1", "--producers", str(path),
                          "--seed", "1")
    if escape in ("\r", "\x85", "\x00"):  # line ends to csv, NUL refused as binary: refused or read
        assert code in (0, 2)
    else:
        assert code == 0, err
        assert "\\u001b" in out or "\\u009b" in out or "\\u0008" in out or "\\u0000" in out
    _clean(out + err)


@pytest.mark.parametrize("escape", ESCAPES)
def test_names_typed_on_the_command_line_are_printed_without_control_characters(escape, capsys):
    for args in (["sample-size", "--confidence", "0.9", "--error", "0.1", "--strata", f"A{escape}B=10", "C=5"],
                 ["scenario", str(REGION), "--set", "husk.composted=80%", "--name", f"Plan{escape}"],
                 ["scenario", str(REGION), "--set", "husk.composted=80%", "--cooperative", f"Coop{escape}"],
                 ["compute", f"/no/such/{escape}.json"], ["compute", str(REGION), "--lang", f"e{escape}s"],
                 ["sample-size", "--confidence", f"0.9{escape}", "--error", "0.1", "--population", "5"]):
        code, out, err = _run_any(capsys, args)
        assert code in (0, 2), (args, err)
        _clean(out + err)


def _run_any(capsys, args):
    try:
        code = main(args)
    except SystemExit as exc:  # argparse refusing an option
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_means_the_same_after_neutralising(tmp_path, capsys):
    path = tmp_path / "socios.csv"
    path.write_text("nombre;distrito\nAna\x9bQuispe;Imaza\nBeto;Imaza\n", encoding="utf-8")
    code, out, err = _run(capsys, "sample-size", "--confidence", "0.9", "--error", "0.1", "--producers", str(path),
                          "--seed", "1", "--json")
    assert code == 0, err
    _clean(out)
    names = {p["name"] for p in json.loads(out)["visit"] + json.loads(out)["reserves"]}
    assert names == {"Ana\x9bQuispe", "Beto"}


def test_a_file_name_that_is_not_utf8_is_printed(capsys):
    """A lone surrogate (argv bytes that are not UTF-8) could not be encoded on stdout."""
    code, out, err = _run(capsys, "sample-size", "--confidence", "0.9", "--error", "0.1", "--strata",
                          "Im\udcffaza=10", "Nieva=5")
    assert code == 0, err
    assert "Im\\udcffaza" in out
    out.encode("utf-8")


# ---- report: point 7, the PDF was said to be written when it was not ----

def _console_script() -> str:
    import shutil
    import sys

    found = Path(sys.executable).with_name("cocoa-desktop")
    return str(found) if found.exists() else shutil.which("cocoa-desktop") or "cocoa-desktop"


def _report_process(target: Path | str, file_size_limit: int | None = None):
    """`cocoa-desktop report` as its own process; with ``file_size_limit`` every write beyond that many bytes
    fails (EFBIG) as on a full disk (RLIMIT_FSIZE; Python ignores SIGXFSZ, so the write returns the error)."""
    import os
    import resource
    import subprocess

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([_console_script(), "report", str(REGION), "-o", str(target)], capture_output=True,
                          text=True, timeout=120, env=env, preexec_fn=limit)


def test_report_on_a_full_disk_exits_2_and_leaves_nothing(tmp_path):
    """Before: exit 0 with a truncated PDF (QPdfWriter does not report a failed write)."""
    target = tmp_path / "informe.pdf"
    done = _report_process(target, file_size_limit=20_000)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert str(target) in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_report_on_a_full_disk_keeps_the_previous_report(tmp_path):
    target = tmp_path / "informe.pdf"
    target.write_bytes(b"%PDF-1.4 the previous report %%EOF")
    assert _report_process(target, file_size_limit=20_000).returncode == 2
    assert target.read_bytes() == b"%PDF-1.4 the previous report %%EOF"
    assert [p.name for p in tmp_path.iterdir()] == ["informe.pdf"]


@pytest.mark.parametrize("target", ["/proc/version", "/proc/no-such-folder/x.pdf", "/proc/informe.pdf",
                                    "/sys/informe.pdf", "DIRECTORY", "/dev/full", "/dev/null"])
def test_report_to_a_place_that_cannot_hold_it_exits_2(target, tmp_path):
    """-o /proc/version: exit 0 and nothing written before."""
    target = str(tmp_path) if target == "DIRECTORY" else target
    before = Path(target).read_bytes() if Path(target).is_file() else None
    done = _report_process(target)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert target in done.stderr and "Traceback" not in done.stderr
    assert (Path(target).read_bytes() if Path(target).is_file() else None) == before
    assert not Path(target + ".tmp").exists()


def test_report_that_fits_is_a_whole_pdf(tmp_path):
    target = tmp_path / "informe.pdf"
    done = _report_process(target)
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["informe.pdf"]


def test_save_pdf_refuses_what_is_not_a_whole_pdf(tmp_path):
    from cocoa_desktop.gui.report.pdf import save_pdf

    for data in (b"", b"%PDF-1.4 cut short", b"<html>"):
        with pytest.raises(OSError) as caught:
            save_pdf(data, tmp_path / "x.pdf", "en")
        assert caught.value.filename == str(tmp_path / "x.pdf") and "empty or incomplete" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


# ---- found by tests/fuzz/test_fuzz_commands.py ----

def test_a_lever_after_a_change_that_spoils_the_survey_is_refused(capsys):
    """The yield lever reads the survey as changed so far: pydantic's ValidationError escaped (exit 70)."""
    err = _refused(capsys, "scenario", str(REGION), "--set", "transport.legs.0.vehicle=0", "--set",
                   "general.yield_kg_ha=-300%", naming="transport.legs.0.vehicle")
    assert "Traceback" not in err


@pytest.mark.parametrize("stratum", ["B=0", "E=" + "9" * 300, "G=1000000000"])
def test_a_bad_stratum_is_named_not_the_population(stratum, capsys):
    _refused(capsys, "sample-size", "--confidence", "0.9", "--error", "0.1", "--strata", "A=5", stratum,
             naming=f"strata.{stratum.split('=')[0]}")
