"""Seeded mutations of the shipped examples, as an unlucky technician or a careless sender would produce them.

Each mutation says whether the result can still be valid ("maybe") or can never be ("invalid"): a reader may
accept a "maybe" (a digit changed inside a number is still a survey) but must refuse every "invalid" one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import random
import signal
import struct
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

INVALID, MAYBE = "invalid", "maybe"


@contextlib.contextmanager
def deadline(seconds: int):
    """Fail instead of hanging: a reader that waits for ever (a FIFO, an endless stream) raises TimeoutError."""
    def hang(*_: object) -> None:
        raise TimeoutError(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

WRONG_VALUES: list[Any] = [True, False, "1e3", "texto", [], {}, -1, 1e300, "Juan\u0007", "\ufffe", "", 0.0]
CONTROL = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\ufffe", "\uffff"]


@dataclass
class Mutant:
    kind: str
    data: bytes
    verdict: str  # INVALID or MAYBE


def check_outcome(mutant: Mutant, path: object, code: int, err: str, where: str, tally: Counter) -> bool:
    """What every fuzz case must show: exit 0 (only for what may be valid) or 2 with a message naming the file;
    never a traceback, never the CLI's internal-error exit. Counted in ``tally``; True when it was accepted."""
    tally["tried"] += 1
    assert code in (0, 2), f"{where} ({mutant.kind}): exit {code}: {err[:500]}"
    assert "Traceback" not in err, f"{where} ({mutant.kind}): {err[:500]}"
    if code == 2:
        tally["refused"] += 1
        assert str(path) in err and len(err.strip()) > len(str(path)) + 10, f"{where}: weak message {err!r}"
        return False
    tally["accepted"] += 1
    assert mutant.verdict != INVALID, f"{where}: {mutant.kind} was accepted"
    return True


def value_paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside a JSON document."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += value_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += value_paths(value, (*prefix, index))
    return found


def change_at(doc: Any, path: tuple, rng: random.Random, values: list[Any]) -> None:
    """The value at ``path`` in ``doc`` (changed in place) replaced by one of ``values``, or deleted, or given an
    unknown key beside it."""
    *parent_path, last = path
    parent = doc
    for key in parent_path:
        parent = parent[key]
    roll = rng.random()
    if roll < 0.15 and isinstance(parent, dict):
        del parent[last]
    elif roll < 0.2 and isinstance(parent, dict):
        parent["unexpected"] = 1
    else:
        parent[last] = rng.choice(values)


def _get(doc: Any, path: tuple) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _set(doc: Any, path: tuple, value: Any) -> None:
    _get(doc, path[:-1])[path[-1]] = value


def _dump(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def _dict_paths(doc: Any) -> list[tuple]:
    return [p for p in value_paths(doc) if isinstance(p[-1], str)]


def _string_paths(doc: Any) -> list[tuple]:
    return [p for p in value_paths(doc) if isinstance(_get(doc, p), str) and p[0] != "format"]


def delete_key(rng: random.Random, doc: Any) -> Mutant:
    path = rng.choice(_dict_paths(doc))
    del _get(doc, path[:-1])[path[-1]]
    return Mutant("delete_key", _dump(doc), MAYBE)  # an optional field may go


def rename_key(rng: random.Random, doc: Any) -> Mutant:
    path = rng.choice(_dict_paths(doc))
    parent = _get(doc, path[:-1])
    parent[f"{path[-1]}_x"] = parent.pop(path[-1])
    return Mutant("rename_key", _dump(doc), INVALID)  # unknown fields are refused


def duplicate_key(rng: random.Random, doc: Any) -> Mutant:
    path = rng.choice(_dict_paths(doc))
    text = _dump(doc).decode()
    key = json.dumps(path[-1], ensure_ascii=False)
    at = text.find(key + ":")
    if at < 0:
        return Mutant("duplicate_key", text.encode(), MAYBE)
    value = json.dumps(_get(doc, path), ensure_ascii=False)
    return Mutant("duplicate_key", (text[:at] + f"{key}: {value}, " + text[at:]).encode(), INVALID)


def wrong_type(rng: random.Random, doc: Any) -> Mutant:
    path = rng.choice(value_paths(doc))
    _set(doc, path, rng.choice(WRONG_VALUES))
    return Mutant("wrong_type", _dump(doc), MAYBE)  # e.g. "" where any text is allowed


def non_finite(rng: random.Random, doc: Any) -> Mutant:
    numbers = [p for p in value_paths(doc)
               if isinstance(_get(doc, p), float | int) and not isinstance(_get(doc, p), bool)]
    path = rng.choice(numbers or value_paths(doc))
    _set(doc, path, "@@TOKEN@@")
    token = rng.choice(["NaN", "Infinity", "-Infinity", "1" + "0" * rng.randint(4400, 6000)])
    return Mutant("non_finite", _dump(doc).replace(b'"@@TOKEN@@"', token.encode()), INVALID)


def deep_nesting(rng: random.Random, doc: Any) -> Mutant:
    path = rng.choice(value_paths(doc))
    depth = rng.randint(1000, 5000)
    _set(doc, path, "@@DEEP@@")
    return Mutant("deep_nesting", _dump(doc).replace(b'"@@DEEP@@"', b"[" * depth + b"]" * depth), INVALID)


def long_string(rng: random.Random, doc: Any) -> Mutant:
    path = rng.choice(_string_paths(doc))
    _set(doc, path, "x" * rng.choice([201, 2_001, 20_001, 200_000]))
    return Mutant("long_string", _dump(doc), MAYBE)


def control_characters(rng: random.Random, doc: Any) -> Mutant:
    path = rng.choice(_string_paths(doc))
    value = _get(doc, path)
    at = rng.randint(0, len(value))
    _set(doc, path, value[:at] + rng.choice(CONTROL) + value[at:])
    return Mutant("control_characters", _dump(doc), INVALID)


def duplicate_survey(rng: random.Random, doc: Any) -> Mutant:
    surveys = doc.get("campaign", {}).get("surveys")
    if not surveys:
        doc["extra"] = 1
        return Mutant("unknown_top_key", _dump(doc), INVALID)
    surveys.append(rng.choice(surveys))
    return Mutant("duplicate_survey", _dump(doc), INVALID)


def unknown_top_key(rng: random.Random, doc: Any) -> Mutant:
    doc[rng.choice(["extra", "Survey", "format2", "campaigns"])] = rng.choice([1, {}, "x"])
    return Mutant("unknown_top_key", _dump(doc), INVALID)


def byte_flips(rng: random.Random, data: bytes) -> Mutant:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return Mutant("byte_flips", bytes(raw), MAYBE)


def truncation(rng: random.Random, data: bytes) -> Mutant:
    return Mutant("truncation", data[: rng.randrange(0, len(data) - 1)], INVALID)


def insert_bytes(rng: random.Random, data: bytes) -> Mutant:
    at = rng.randrange(len(data))
    return Mutant("insert_bytes", data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
                  + data[at:], MAYBE)


def not_utf8(rng: random.Random, data: bytes) -> Mutant:
    at = rng.randrange(len(data))
    return Mutant("not_utf8", data[:at] + b"\xff\xfe" + data[at:], INVALID)


def with_bom(rng: random.Random, data: bytes) -> Mutant:
    return Mutant("bom", b"\xef\xbb\xbf" + data, MAYBE)


DOC_MUTATORS: list[Callable[[random.Random, Any], Mutant]] = [
    delete_key, rename_key, duplicate_key, wrong_type, non_finite, deep_nesting, long_string, control_characters,
    duplicate_survey, unknown_top_key]
BYTE_MUTATORS: list[Callable[[random.Random, bytes], Mutant]] = [byte_flips, truncation, insert_bytes, not_utf8,
                                                                  with_bom]


def mutate_json(rng: random.Random, base: bytes) -> Mutant:
    if rng.random() < 0.65:
        return rng.choice(DOC_MUTATORS)(rng, json.loads(base))
    return rng.choice(BYTE_MUTATORS)(rng, base)


# ---- packages ----

def package_bytes(files: dict[str, bytes], manifest: dict[str, Any] | None = None, *, rehash: bool = True,
                  method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A package from its files; the manifest's SHA-256 recomputed so that the content checks are reached."""
    manifest = dict(manifest or {})
    if rehash:
        manifest["files"] = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in files.items():
            zf.writestr(name, data)
    return out.getvalue()


def mutate_package(rng: random.Random, files: dict[str, bytes], manifest: dict[str, Any], raw: bytes) -> Mutant:
    choice = rng.random()
    if choice < 0.45:  # the content of a campaign file, rehashed: the JSON checks are reached
        name = rng.choice(sorted(files))
        inner = mutate_json(rng, files[name])
        return Mutant(f"entry:{inner.kind}", package_bytes({**files, name: inner.data}, manifest), inner.verdict)
    if choice < 0.6:
        return Mutant(f"zip:{(m := rng.choice(BYTE_MUTATORS)(rng, raw)).kind}", m.data,
                      INVALID if m.kind in ("truncation",) else MAYBE)
    return rng.choice(PACKAGE_MUTATORS)(rng, files, manifest, raw)


def _manifest_field(rng, files, manifest, raw) -> Mutant:
    key = rng.choice(["format_version", "survey_format_version", "format"])
    value = rng.choice([99, True, "1", None, 0, -1, 1.5])
    return Mutant("manifest_field", package_bytes(files, {**manifest, key: value}), INVALID)


def _wrong_hash(rng, files, manifest, raw) -> Mutant:
    name = rng.choice(sorted(files))
    changed = {**files, name: files[name].replace(b"2200", b"2201", 1) + b" "}
    hashes = {n: hashlib.sha256(data).hexdigest() for n, data in files.items()}  # of the files before the change
    return Mutant("wrong_hash", package_bytes(changed, {**manifest, "files": hashes}, rehash=False), INVALID)


def _duplicate_entry(rng, files, manifest, raw) -> Mutant:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
            zf.writestr("manifest.json", json.dumps({**manifest, "format_version": 99}))
            zf.writestr("manifest.json", json.dumps(manifest))
            for name, data in files.items():
                zf.writestr(name, data)
    return Mutant("duplicate_entry", out.getvalue(), INVALID)


def _extra_entry(rng, files, manifest, raw) -> Mutant:
    name = rng.choice(["../evil.json", "/abs.json", "campaigns/../../x.json", "virus.exe", "campaigns\\x.json",
                       "campaigns/999.json"])
    return Mutant("extra_entry", package_bytes({**files, name: b"{}"}, manifest), INVALID)


def _bomb(rng, files, manifest, raw) -> Mutant:
    """A real entry compressing far beyond any campaign (20 MB of spaces, about 1000:1)."""
    return Mutant("bomb", package_bytes({**files, "campaigns/002.json": b" " * (20 * 2**20)}, manifest), INVALID)


def _declared_bomb(rng, files, manifest, raw) -> Mutant:
    """Headers declaring a 457 MB entry (the size of a real 77:1 bomb) in a small file: refused by the size alone,
    before a byte is expanded."""
    data = bytearray(raw)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (pos := data.find(signature, start)) != -1:
            struct.pack_into("<I", data, pos + offset, 457 * 2**20)
            start = pos + 4
    return Mutant("declared_bomb", bytes(data), INVALID)


def _unknown_method(rng, files, manifest, raw) -> Mutant:
    data = bytearray(raw)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):  # local and central headers
        start = 0
        while (pos := data.find(signature, start)) != -1:
            struct.pack_into("<H", data, pos + offset, 99)
            start = pos + 4
    return Mutant("unknown_method", bytes(data), INVALID)


def _damaged_stream(rng, files, manifest, raw) -> Mutant:
    """Bytes inside a deflate stream changed: zlib (or the CRC) must notice."""
    data = bytearray(raw)
    pos = data.find(b"PK\x03\x04", 10)  # the second entry's local header
    if pos < 0:
        pos = 0
    name_len, extra_len = struct.unpack_from("<HH", data, pos + 26)
    start = pos + 30 + name_len + extra_len
    for _ in range(rng.randint(1, 6)):
        data[start + rng.randrange(64)] ^= 0xFF
    return Mutant("damaged_stream", bytes(data), INVALID)


def _encrypted(rng, files, manifest, raw) -> Mutant:
    data = bytearray(raw)
    start = 0
    while (pos := data.find(b"PK\x01\x02", start)) != -1:
        data[pos + 8] |= 0x01
        start = pos + 4
    return Mutant("encrypted", bytes(data), INVALID)


def _no_manifest(rng, files, manifest, raw) -> Mutant:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return Mutant("no_manifest", out.getvalue(), INVALID)


def _duplicate_survey_across_files(rng, files, manifest, raw) -> Mutant:
    name = sorted(files)[0]
    return Mutant("duplicate_across_files", package_bytes({**files, "campaigns/900.json": files[name]}, manifest),
                  INVALID)


PACKAGE_MUTATORS = [_manifest_field, _wrong_hash, _duplicate_entry, _extra_entry, _declared_bomb, _unknown_method,
                    _damaged_stream, _encrypted, _no_manifest, _duplicate_survey_across_files]
