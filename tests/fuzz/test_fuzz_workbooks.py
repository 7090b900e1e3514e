"""Fuzzing the workbook reader through ``cocoa-desktop import-xlsx``.

The shipped examples are exported (Spanish and English) and mutated as a damaged download, a careless edit or a
hostile sender would: bytes flipped or cut in the zip; XML damaged and the zip re-packed so the XML parser is
reached; cells given a wrong type (TRUE in a number cell, "nonsense" or "Sí." in a list cell), control characters,
huge texts; rows deleted or duplicated; sheets dropped; zip entries doubled or stored with an unknown method; the
hidden metadata sheet altered ("version" = "1.5", a year in words). For every one: exit 0 only for content that is
valid (the JSON written reads back as surveys), otherwise exit 2 with a message naming the file — no traceback,
no hang. Seeded; ``COCOA_FUZZ_WORKBOOKS=2000`` runs a larger set.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import struct
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from mutations import INVALID, MAYBE, Mutant, check_outcome, deadline
from openpyxl import load_workbook

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.layout import FIRST_ROW, ITEM_SHEETS, META_SHEET, SURVEY_SHEETS

CASES = int(os.environ.get("COCOA_FUZZ_WORKBOOKS", "220"))
SEED = 20261201
HANG_SECONDS = 30
TALLY: Counter = Counter()


@dataclass
class Base:
    data: bytes
    lang: str
    surveys: int
    items: dict[str, int]
    sheet_files: dict[str, str]  # sheet title → zip member


def _sheet_files(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    targets = dict(re.findall(r'Id="(rId\d+)" Type="[^"]+" Target="([^"]+)"', rels))
    return {name: "xl/" + targets[rid] for name, rid in
            re.findall(r'<sheet name="([^"]+)" sheetId="\d+"(?: state="\w+")? r:id="(rId\d+)"', book)}


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> list[Base]:
    folder = tmp_path_factory.mktemp("bases")
    found = []
    for name, lang in (("san-martin-2020-region.json", "es"), ("san-martin-2020-cooperatives.json", "en"),
                       ("san-martin-2020-cooperatives.json", "es")):
        item = survey_io.read(example_path(name))
        surveys = survey_io.surveys_of(item)
        path = export_workbook(item, folder / f"{lang}-{name}.xlsx", factors_for(), lang=lang)
        items = {"areas": sum(len(s.general.areas) for s in surveys),
                 "products": sum(len(s.fertilisation.products) for s in surveys),
                 "bags": sum(len(s.packaging) for s in surveys), "legs": sum(len(s.transport.legs) for s in surveys),
                 "conversions": sum(len(s.land_use_change.conversions) for s in surveys)}
        data = path.read_bytes()
        found.append(Base(data, lang, len(surveys), items, _sheet_files(data)))
    return found


# ---- zip-level helpers ----
def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info, z.read(info.filename)) for info in z.infolist()]


def _repack(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, content in members:
            z.writestr(info.filename, content)
    return out.getvalue()


def _edit_member(data: bytes, member: str, change) -> bytes:
    return _repack([(i, change(c) if i.filename == member else c) for i, c in _members(data)])


# ---- mutations ----
def byte_flips(rng: random.Random, base: Base) -> Mutant:
    data = bytearray(base.data)
    for _ in range(rng.randint(1, 12)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return Mutant("byte_flips", bytes(data), MAYBE)  # a flip in a timestamp or padding may change nothing


def truncation(rng: random.Random, base: Base) -> Mutant:
    return Mutant("truncation", base.data[: rng.randrange(len(base.data) - 30)], INVALID)


def _cell_xml(letter: str, row: int, kind: str, value: str) -> str:
    if kind == "text":
        return f'<c r="{letter}{row}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    if kind == "bool":
        return f'<c r="{letter}{row}" t="b"><v>{value}</v></c>'
    return f'<c r="{letter}{row}"><v>{value}</v></c>'


def _set_cell(data: bytes, member: str, letter: str, row: int, new: str) -> bytes:
    def change(xml: bytes) -> bytes:
        text = xml.decode()
        pattern = re.compile(rf'<c r="{letter}{row}"(?:\s[^>]*?)?(?:/>|>(?:(?!</c>).)*?</c>)')
        if pattern.search(text):
            return pattern.sub(lambda _: new, text, count=1).encode()
        row_open = re.search(rf'<row r="{row}"[^>]*>', text)
        return (text[: row_open.end()] + new + text[row_open.end():]).encode() if row_open else xml
    return _edit_member(data, member, change)


WRONG = {  # (column kinds, value kind, value, verdict)
    "true_in_number": (("number", "share", "int", "year"), "bool", "1", INVALID),
    "text_in_number": (("number", "share", "int", "year"), "text", "nonsense", INVALID),
    "negative": (("number", "share", "int", "year"), "number", "-5", INVALID),
    "infinite": (("number", "share"), "number", "1e400", INVALID),
    "nonsense_choice": (("choice",), "text", "nonsense", INVALID),
    "yes_with_a_point": (("yesno",), "text", "Sí.", INVALID),
    "control_character": (("text",), "text", "Juan_x0007_", INVALID),
    "nel_character": (("text",), "text", "Juan\u0085", INVALID),
    "huge_text": (("text",), "text", "x" * 100_000, INVALID),
    "bad_id": (("id",), "text", "no es un id!", INVALID),
    "other_number": (("number",), "number", "12.5", MAYBE),
    "english_word": (("choice",), "text", "Jute sack", MAYBE),
}


def wrong_cell(rng: random.Random, base: Base) -> Mutant:
    name = rng.choice(sorted(WRONG))
    kinds, value_kind, value, verdict = WRONG[name]
    specs = [s for s in (*SURVEY_SHEETS, *ITEM_SHEETS) if s.per_survey or base.items.get(s.key)]
    candidates = []
    for spec in specs:
        for col in spec.columns:
            kind = "yesno" if col.words == "yes_no" else col.kind
            if kind in kinds and col.key != "estimated_fields":
                candidates.append((spec, col))
    if not candidates:
        return Mutant(name, base.data, MAYBE)
    spec, col = rng.choice(candidates)
    rows = base.surveys if spec.per_survey else base.items[spec.key]
    row = FIRST_ROW + rng.randrange(rows)
    title = spec.title(base.lang)
    new = _cell_xml(spec.letter(col.key), row, value_kind, value)
    if name == "english_word" and col.words != "bag":
        verdict = MAYBE
    return Mutant(f"{name}:{spec.key}.{col.key}", _set_cell(base.data, base.sheet_files[title], spec.letter(col.key),
                                                            row, new), verdict)


def row_changes(rng: random.Random, base: Base) -> Mutant:
    """A row deleted, or duplicated as a new last row. Invalid in a per-survey sheet (a survey lost, incomplete or
    twice), except a deleted "Secuestro" row (its only field is optional); an item sheet keeps a valid workbook
    with one item less or more."""
    spec = rng.choice([s for s in (*SURVEY_SHEETS, *ITEM_SHEETS) if s.per_survey or base.items.get(s.key)])
    rows = base.surveys if spec.per_survey else base.items[spec.key]
    row = FIRST_ROW + rng.randrange(rows)
    duplicate = rng.random() < 0.5

    def change(xml: bytes) -> bytes:
        text = xml.decode()
        found = re.search(rf'<row r="{row}"[^>]*>.*?</row>', text)
        if found is None:
            return xml
        if not duplicate:
            return (text[: found.start()] + text[found.end():]).encode()
        copy = re.sub(rf'r="([A-Z]+){row}"', r'r="\g<1>999"', found.group(0)).replace(f'<row r="{row}"', '<row r="999"')
        copy = re.sub(r"<f[^>]*/>|<f[^>]*>.*?</f>", "", copy)  # values only
        end = text.index("</sheetData>")
        return (text[:end] + copy + text[end:]).encode()

    verdict = MAYBE
    if spec.per_survey and (duplicate or spec.key != "sequestration"):
        verdict = INVALID
    return Mutant(f"row_{'duplicated' if duplicate else 'deleted'}:{spec.key}",
                  _edit_member(base.data, base.sheet_files[spec.title(base.lang)], change), verdict)


def sheet_dropped(rng: random.Random, base: Base) -> Mutant:
    spec = rng.choice([*SURVEY_SHEETS, *ITEM_SHEETS])
    title = spec.title(base.lang)

    def change(xml: bytes) -> bytes:
        return re.sub(rf'<sheet name="{re.escape(title)}"[^>]*/>'.encode(), b"", xml)
    return Mutant(f"sheet_dropped:{spec.key}", _edit_member(base.data, "xl/workbook.xml", change), INVALID)


def _read(base: Base) -> set[str]:
    """The zip members the reader parses."""
    read = {base.sheet_files[s.title(base.lang)] for s in (*SURVEY_SHEETS, *ITEM_SHEETS)}
    return read | {base.sheet_files[META_SHEET], "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"}


def xml_damage(rng: random.Random, base: Base) -> Mutant:
    """XML damaged inside the zip, re-packed so that the zip is sound and the XML parser meets the damage. Parts
    the reader parses make the workbook invalid; the report sheets are never read, so damage there may pass."""
    read = _read(base)
    unread = sorted(set(base.sheet_files.values()) - read)
    member = rng.choice(sorted(read) + unread[:2])
    how = rng.choice(["cut", "garbage", "unclosed", "bad_char", "doctype"])

    def change(xml: bytes) -> bytes:
        at = rng.randrange(len(xml) // 4, len(xml) - 1)
        if how == "cut":
            return xml[:at]
        if how == "garbage":
            return xml[:at] + b"<<&&>>" + xml[at:]
        if how == "unclosed":
            return xml.replace(b"</sheetData>", b"", 1) if b"</sheetData>" in xml else xml[:-5]
        if how == "bad_char":
            return xml[:at] + "\ufffe".encode() + xml[at:]
        return xml.replace(b"<", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><', 1)
    return Mutant(f"xml_{how}:{member}", _edit_member(base.data, member, change), INVALID if member in read else MAYBE)


def zip_tricks(rng: random.Random, base: Base) -> Mutant:
    how = rng.choice(["duplicate_entry", "unknown_method", "damaged_stream", "not_a_zip"])
    if how == "duplicate_entry":
        members = _members(base.data)
        twin = rng.choice(members)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z, contextlib.suppress(UserWarning):
            import warnings

            warnings.simplefilter("ignore")
            for info, content in [*members, twin]:
                z.writestr(info.filename, content)
        return Mutant(how, buf.getvalue(), INVALID)
    data = bytearray(base.data)
    if how == "unknown_method":
        for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            start = 0
            while (pos := data.find(signature, start)) != -1:
                struct.pack_into("<H", data, pos + offset, 99)
                start = pos + 4
        return Mutant(how, bytes(data), INVALID)
    if how == "damaged_stream":  # bytes of a deflate stream the reader inflates: zlib or the CRC must notice
        with zipfile.ZipFile(io.BytesIO(base.data)) as z:
            target = rng.choice([i for i in z.infolist() if i.filename in ("xl/workbook.xml", "xl/styles.xml")
                                 or (i.filename in base.sheet_files.values() and i.compress_size > 200)])
        pos = target.header_offset
        name_len, extra_len = struct.unpack_from("<HH", data, pos + 26)
        start = pos + 30 + name_len + extra_len
        for _ in range(rng.randint(1, 6)):
            data[start + rng.randrange(min(64, target.compress_size))] ^= 0xFF
        return Mutant(f"{how}:{target.filename}", bytes(data), INVALID if target.filename in _read(base) else MAYBE)
    return Mutant(how, b"PK\x05\x06" + bytes(rng.randrange(256) for _ in range(200)), INVALID)


META_CHANGES = {"version": ("1.5", "99", "dos"), "campaign_year": ("dos mil", "-5", "1e9"),
                "format": ("otro/libro",), "lang": ("fr",), "kind": ("survey",)}


def meta_change(rng: random.Random, base: Base, folder: Path) -> Mutant:
    key = rng.choice(sorted(META_CHANGES))
    value = rng.choice(META_CHANGES[key])
    path = folder / "meta.xlsx"
    path.write_bytes(base.data)
    wb = load_workbook(path)
    ws = wb[META_SHEET]
    for row in ws.iter_rows():
        if row[0].value == key:
            row[1].value = value
    wb.save(path)
    verdict = MAYBE if key in ("lang", "kind") else INVALID
    return Mutant(f"meta_{key}={value}", path.read_bytes(), verdict)


MUTATORS = [(byte_flips, 3), (truncation, 2), (wrong_cell, 8), (row_changes, 3), (sheet_dropped, 1),
            (xml_damage, 3), (zip_tricks, 2)]


def mutate(rng: random.Random, base: Base) -> Mutant:
    mutator = rng.choices([m for m, _ in MUTATORS], weights=[w for _, w in MUTATORS])[0]
    return mutator(rng, base)


# ---- running ----

def _check(mutant: Mutant, path: Path, out: Path, code: int, err: str, where: str) -> None:
    if check_outcome(mutant, path, code, err, where, TALLY):
        assert survey_io.surveys_of(survey_io.read(out))  # valid content, written as such


def test_mutated_workbooks(bases, tmp_path):
    rng = random.Random(SEED)
    out = tmp_path / "salida.json"
    for index in range(CASES):
        base = rng.choice(bases)
        meta = index % 25 == 24  # campaigns' metadata (a single survey's campaign fields are not read)
        mutant = meta_change(rng, rng.choice(bases[1:]), tmp_path) if meta else mutate(rng, base)
        path = tmp_path / f"m{index % 20}.xlsx"
        path.write_bytes(mutant.data)
        out.unlink(missing_ok=True)
        err = io.StringIO()
        with deadline(HANG_SECONDS), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["import-xlsx", str(path), "-o", str(out), "--lang", rng.choice(["es", "en"])])
        TALLY[mutant.kind.split(":")[0]] += 1
        _check(mutant, path, out, code, err.getvalue(), f"workbook #{index} seed {SEED}")
    assert TALLY["refused"] > CASES // 2  # the mutations reach the checks
    assert TALLY["accepted"] > 0  # and harmless ones get through
    print(f"\nworkbook fuzz: {json.dumps(dict(TALLY))}")


def test_a_few_mutants_through_the_real_console_script(bases, tmp_path):
    """Real processes: an interpreter's traceback or a hang would show here."""
    rng = random.Random(SEED + 1)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for index in range(6):
        mutant = mutate(rng, rng.choice(bases))
        path = tmp_path / f"s{index}.xlsx"
        out = tmp_path / f"s{index}.json"
        path.write_bytes(mutant.data)
        done = subprocess.run([sys.executable, "-m", "cocoa_desktop", "import-xlsx", str(path), "-o", str(out)],
                              env=env, capture_output=True, text=True, timeout=120)
        _check(mutant, path, out, done.returncode, done.stderr, f"subprocess #{index}")


def test_the_unmutated_bases_are_accepted(bases, tmp_path):
    """The mutators start from valid workbooks (otherwise every refusal would prove nothing)."""
    for i, base in enumerate(bases):
        path = tmp_path / f"b{i}.xlsx"
        path.write_bytes(base.data)
        assert main(["import-xlsx", str(path), "-o", str(tmp_path / f"b{i}.json")]) == 0


def test_each_mutation_kind_is_refused_as_promised(bases, tmp_path):
    """Every INVALID kind, at least once, ends in exit 2 (the tally above is random; this is not)."""
    rng = random.Random(SEED + 2)
    base = bases[1]
    promised = [truncation(rng, base), zip_tricks(random.Random(1), base), sheet_dropped(rng, base)]
    for name in WRONG:
        if WRONG[name][3] != INVALID:
            continue
        for _ in range(50):  # draw until this kind comes up
            m = wrong_cell(random.Random(rng.random()), base)
            if m.kind.startswith(name + ":"):
                promised.append(m)
                break
    assert len(promised) >= 12
    for i, mutant in enumerate(promised):
        path = tmp_path / f"p{i}.xlsx"
        path.write_bytes(mutant.data)
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["import-xlsx", str(path), "-o", str(tmp_path / "p.json")])
        assert code == 2, (mutant.kind, err.getvalue()[:300])
