"""Survey packages: one zip file carrying a survey, a cooperative or whole campaigns between laptops.

Layout: ``manifest.json`` (package format and version, schema version, SHA-256 of every other file) and
``campaigns/NNN.json``, each a campaign document of the JSON file format. Reading checks everything before
anything is written: size and compression ratio (zip bombs), names, encryption, checksums, versions, JSON and the
survey model. A refused package changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cocoa_desktop import __version__
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.bulk import bulk
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey
from cocoa_desktop.storage import campaign_lines
from cocoa_desktop.storage.database import os_error
from cocoa_desktop.storage.schema import SCHEMA_VERSION

PACKAGE_FORMAT = "cocoa-desktop/package"
PACKAGE_VERSION = 1
SUFFIX = ".cacao.zip"
# Limits a real campaign never meets (the file-format guide states them); checked before anything is expanded.
MAX_PACKAGE_BYTES = 100 * 1024 * 1024
MAX_ENTRY_BYTES = survey_io.MAX_FILE_BYTES  # one campaign file, as for a JSON file
MAX_UNCOMPRESSED_BYTES = 2 * MAX_ENTRY_BYTES
MAX_ENTRIES = 1000
# The compression ratio is judged only for an entry expanding beyond RATIO_FROM_BYTES (about 10,000 farm surveys):
# below it the absolute limits bound what is read, and the app's own export of near-identical surveys (a workshop
# campaign copied 2,000 times) compresses up to about 160:1. Deflate's own maximum is about 1,030:1.
RATIO_FROM_BYTES = 16 * 1024 * 1024
MAX_RATIO = 400
# Deflate's level 3, not 6: a twentieth larger package in half the time (20,000 surveys: 0.3 s instead of 0.7 s)
COMPRESS_LEVEL = 3


@dataclass(frozen=True)
class PackageContent:
    campaigns: list[Campaign]
    manifest: dict[str, Any]
    # each campaign's surveys as the bytes of their lines in its file, in the order of ``campaigns[i].surveys``
    # (None for a campaign file not written one survey a line); what the import compares with its own lines
    lines: tuple[list[bytes] | None, ...] = ()
    # each campaign's surveys read provisionally (campaign_lines.loads): to be confirmed line by line by the import
    provisional: tuple[bool, ...] = ()
    # each campaign's surveys not read yet (``read_package(…, unread=True)``): its ``Campaign`` has none, its lines
    # are read a chunk at a time by the import (storage/incoming.py), which checks what needs them all
    unread: tuple[bool, ...] = ()

    @property
    def survey_count(self) -> int:
        return sum(len(c.surveys) for c in self.campaigns)

    @property
    def versions(self) -> dict[str, dict[str, dict[str, int]]] | None:
        """Each survey's section version vectors (storage/versions.py); None for a package written without them."""
        return self.manifest.get("versions")


def _refuse(code: str, es: str, en: str, source: str) -> SurveyValidationError:
    return SurveyValidationError([Issue("paquete", code, es, en)], source=source)


def write_package(campaigns: list[Campaign], path: Path, training: set[str] | frozenset[str] = frozenset(),
                  versions: dict[str, dict[str, dict[str, int]]] | None = None) -> dict[str, Any]:
    """Write the package atomically; return its manifest (``training``: the campaigns that are training data;
    ``versions``: {survey id: {section: version vector}}, what the exchange decides by)."""
    files = [survey_io.dumps(c).encode() for c in campaigns]
    return _write(files, campaigns, sum(len(c.surveys) for c in campaigns), path, training, versions)


def write_package_lines(campaigns: list[tuple[Campaign, list[bytes]]], path: Path,
                        training: set[str] | frozenset[str] = frozenset(),
                        versions: dict[str, dict[str, dict[str, int]]] | None = None) -> dict[str, Any]:
    """``write_package`` of campaigns whose surveys are given as their JSON lines (``stamps.line``: the caller has
    made sure each passes the survey model), each campaign's own fields in its ``Campaign`` (its surveys unused)."""
    files = [campaign_file(head, lines) for head, lines in campaigns]
    return _write(files, [head for head, _ in campaigns], sum(len(lines) for _, lines in campaigns), path, training,
                  versions)


_TAIL = "\n]}}\n"


def campaign_file(head: Campaign, lines: list[bytes]) -> bytes:
    """The campaign file ``survey_io.dumps`` writes, one survey a line, from the surveys' lines as they are."""
    empty = survey_io.dumps(head.model_copy(update={"surveys": []}))
    if not empty.endswith("[\n" + _TAIL):
        raise RuntimeError("survey_io.dumps no longer writes one survey a line")  # tests/storage/test_packages.py
    return empty[:-len(_TAIL)].encode() + b",\n".join(lines) + _TAIL.encode()


def _write(files: list[bytes], campaigns: list[Campaign], surveys: int, path: Path, training: set[str] | frozenset[str],
           versions: dict[str, dict[str, dict[str, int]]] | None) -> dict[str, Any]:
    named = {f"campaigns/{i:03d}.json": data for i, data in enumerate(files, start=1)}
    manifest = {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_VERSION,
        "survey_format_version": survey_io.FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "campaigns": [c.name for c in campaigns],
        "training_campaigns": sorted(training),
        "surveys": surveys,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in named.items()},
    }
    if versions is not None:
        manifest["versions"] = versions
    path = survey_io.checked_output(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as zf:
            zf.writestr("manifest.json", manifest_text(manifest))
            for name, data in named.items():
                zf.writestr(name, data)
        tmp.replace(path)
    except OSError as exc:  # no space on the USB stick, a missing folder, a folder named like the file …
        tmp.unlink(missing_ok=True)
        raise os_error(exc, path) from None
    return manifest


def manifest_text(manifest: dict[str, Any]) -> str:
    """The manifest indented for people, its version vectors one compact line: indenting them took Python's slow
    encoder over every section of every survey (1 s of an export of 20,000)."""
    text = json.dumps({k: v for k, v in manifest.items() if k != "versions"}, ensure_ascii=False, indent=2)
    if "versions" not in manifest:
        return text
    vectors = json.dumps(manifest["versions"], ensure_ascii=False, separators=(",", ":"))
    return f'{text[:-2]},\n  "versions": {vectors}\n}}'


# Everything the zip, zlib, lzma and struct modules raise for damaged archives (a bad CRC, an unknown compression
# method, a header that lies about sizes): all of it means "damaged file" to the technician.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError, OSError,
              NotImplementedError, RuntimeError, OverflowError, struct.error, UnicodeDecodeError, IndexError, KeyError,
              ValueError)


def read_package(path: Path, lines: bool = False, provisional: bool = False, unread: bool = False) -> PackageContent:
    """Read and check a package; raise SurveyValidationError (es/en) for anything wrong. The garbage collector is
    off meanwhile (engine/files/bulk.py): its passes over the manifest's 200,000 version vectors of 20,000 surveys, with
    another package's surveys still in memory, made reading it again 5.5 s instead of 2. ``lines``: keep each
    survey's line (``PackageContent.lines``, for an import: about 1 kB a survey), else none. ``provisional`` (with
    ``lines``): surveys read by the model's JSON reader where the file allows, valid only once the import has
    confirmed each line (campaign_lines.loads). ``unread`` (with ``lines`` and ``provisional``): a campaign file
    written one survey a line is checked but its surveys are left unread (``PackageContent.unread``; the ids once
    in the package and the versions' surveys are then the reader's to check: storage/incoming.py)."""
    with bulk():
        return _read_package(path, lines, lines and provisional, lines and provisional and unread)


def _read_package(path: Path, keep_lines: bool, provisional: bool, unread: bool = False) -> PackageContent:
    source = str(path)
    survey_io.checked_input(path, MAX_PACKAGE_BYTES)
    survey_io.checked_zip(path, MAX_ENTRIES, "el paquete", "the package")  # before zipfile lists every entry
    try:
        with zipfile.ZipFile(path) as zf:
            entries = _checked_entries(zf, source)
            data = {info.filename: _read_entry(zf, info, source) for info in entries}
    except SurveyValidationError:
        raise
    except ZIP_ERRORS as exc:
        raise _refuse("not_a_package", f"no es un paquete de encuestas o está dañado/incompleto ({exc})",
                      f"not a survey package, or damaged/truncated ({exc})", source) from None
    manifest = _manifest(data, source)
    survey_io.count_surveys(b"".join(data[name] for name in manifest["files"]), source)
    try:
        campaigns, lines, unconfirmed, left = _campaigns(data, manifest, source, provisional, unread)
    except SurveyValidationError:
        if not provisional:
            raise
        campaigns, lines, unconfirmed, left = _campaigns(data, manifest, source, False)  # the strict verdict
    return PackageContent(campaigns, manifest, tuple(lines) if keep_lines else (), tuple(unconfirmed), tuple(left))


def _campaigns(data: dict[str, bytes], manifest: dict[str, Any], source: str, provisional: bool, unread: bool = False
               ) -> tuple[list[Campaign], list[list[bytes] | None], list[bool], list[bool]]:
    campaigns: list[Campaign] = []
    lines: list[list[bytes] | None] = []
    unconfirmed: list[bool] = []
    left: list[bool] = []
    for name in sorted(manifest["files"]):
        headed = campaign_lines.head(data[name], f"{source}:{name}") if unread else None
        item: Survey | Campaign
        found: list[bytes] | None
        if headed is not None:
            item, found, maybe = headed[0], headed[1], True
        else:
            item, found, maybe = campaign_lines.loads(data[name], f"{source}:{name}", provisional, counted=True)
        if not isinstance(item, Campaign):
            raise _refuse("bad_content", f"{name} no es una campaña", f"{name} is not a campaign", source)
        campaigns.append(item)
        lines.append(found)
        unconfirmed.append(maybe)
        left.append(headed is not None)
    _ids_once(campaigns, source)
    _checked_versions(manifest, campaigns, source, whole=not any(left))
    return campaigns, lines, unconfirmed, left


def _checked_versions(manifest: dict[str, Any], campaigns: list[Campaign], source: str, whole: bool = True) -> None:
    """The version vectors, when the package has them: one per section of a survey of the package (``whole``
    False: some surveys are unread, and whether each vector's survey is in the package is the reader's check)."""
    from cocoa_desktop.storage.documents import SECTIONS
    from cocoa_desktop.storage.versions import is_vector

    found = manifest.get("versions")
    if found is None:
        return
    ids = {s.id for c in campaigns for s in c.surveys}
    sections = frozenset(SECTIONS)
    if not isinstance(found, dict) or (whole and not found.keys() <= ids) or not all(
            isinstance(v, dict) and v.keys() <= sections and all(map(is_vector, v.values())) for v in found.values()):
        raise _refuse("bad_manifest", "las versiones del manifiesto no son válidas (paquete dañado o manipulado)",
                      "the manifest's versions are not valid (a damaged or tampered package)", source)


def _ids_once(campaigns: list[Campaign], source: str) -> None:
    """One survey id once in the whole package (two campaign files could each hold it)."""
    seen: set[str] = set()
    for campaign in campaigns:
        for survey in campaign.surveys:
            if survey.id in seen:
                raise _refuse("duplicate_id", f"la encuesta {survey.id} aparece dos veces en el paquete",
                              f"survey {survey.id} appears twice in the package", source)
            seen.add(survey.id)


def _checked_entries(zf: zipfile.ZipFile, source: str) -> list[zipfile.ZipInfo]:
    entries = zf.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _refuse("too_many_files", f"el paquete contiene {len(entries)} archivos; el límite es {MAX_ENTRIES}",
                      f"the package contains {len(entries)} files; the limit is {MAX_ENTRIES}", source)
    total = 0
    names: set[str] = set()
    for info in entries:
        name = info.filename
        if name in names:  # zipfile would read the last copy, other tools the first: which one was sent?
            raise _refuse("duplicate_entry", f"el paquete contiene dos veces {name!r}: está manipulado o dañado",
                          f"the package contains {name!r} twice: it was tampered with or is damaged", source)
        names.add(name)
        if name.startswith(("/", "\\")) or ".." in name.split("/") or ":" in name or "\\" in name:
            raise _refuse("unsafe_name", f"nombre de archivo no permitido en el paquete: {name!r}",
                          f"file name not allowed in the package: {name!r}", source)
        if name != "manifest.json" and not (name.startswith("campaigns/") and name.endswith(".json")):
            raise _refuse("unexpected_file", f"archivo inesperado en el paquete: {name!r}",
                          f"unexpected file in the package: {name!r}", source)
        if info.flag_bits & 0x1:
            raise _refuse("encrypted", "el paquete está cifrado con contraseña; no se puede importar",
                          "the package is password-encrypted; it cannot be imported", source)
        total += info.file_size
        if (info.file_size > MAX_ENTRY_BYTES or total > MAX_UNCOMPRESSED_BYTES
                or (info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1))):
            limit, all_in, ratio_from = (MAX_ENTRY_BYTES // 2**20, MAX_UNCOMPRESSED_BYTES // 2**20,
                                         RATIO_FROM_BYTES // 2**20)
            raise _refuse("zip_bomb",
                          f"el paquete se expande a un tamaño desmedido ({info.file_size // 2**20} MB en {name}; "
                          f"límite {limit} MB por archivo y {all_in} MB en total, y más allá de {ratio_from} MB "
                          f"una compresión de {MAX_RATIO}:1): posible bomba zip",
                          f"the package expands to an excessive size ({info.file_size // 2**20} MB in {name}; "
                          f"limit {limit} MB per file and {all_in} MB in all, and beyond {ratio_from} MB a "
                          f"compression of {MAX_RATIO}:1): a possible zip bomb", source)
    return entries


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """Read at most the declared size (+1 byte to notice a header that lies)."""
    with zf.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise _refuse("zip_bomb", "el contenido del paquete no coincide con su tamaño declarado",
                      "the package content does not match its declared size", source)
    return data


def _manifest(data: dict[str, bytes], source: str) -> dict[str, Any]:
    if "manifest.json" not in data:
        raise _refuse("no_manifest", "al paquete le falta el manifiesto (manifest.json)",
                      "the package has no manifest (manifest.json)", source)
    try:
        manifest = survey_io.parse_json(data["manifest.json"], f"{source}:manifest.json")
    except SurveyValidationError as exc:
        raise _refuse("bad_manifest", f"el manifiesto del paquete está dañado ({exc.issues[0].message_es})",
                      f"the package manifest is damaged ({exc.issues[0].message_en})", source) from None
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise _refuse("bad_manifest", "no es un paquete de encuestas de esta aplicación",
                      "not a survey package of this application", source)
    for key, known in (("format_version", PACKAGE_VERSION), ("survey_format_version", survey_io.FORMAT_VERSION)):
        value = manifest.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise _refuse("bad_manifest", f"el manifiesto no indica {key}", f"the manifest lacks {key}", source)
        if value > known:
            raise _refuse("newer_version",
                          f"el paquete viene de una versión más nueva de la aplicación ({key} {value}); actualícela",
                          f"the package comes from a newer version of the application ({key} {value}); update it",
                          source)
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise _refuse("bad_manifest", "el manifiesto no lista el contenido", "the manifest lists no content", source)
    listed, present = set(files), set(data) - {"manifest.json"}
    if listed != present:
        missing, extra = sorted(listed - present), sorted(present - listed)
        raise _refuse("tampered", f"el contenido no coincide con el manifiesto (faltan {missing}, sobran {extra})",
                      f"the content does not match the manifest (missing {missing}, extra {extra})", source)
    for name, digest in files.items():
        if hashlib.sha256(data[name]).hexdigest() != digest:
            raise _refuse("tampered", f"{name} fue modificado después de exportarse (la suma SHA-256 no coincide)",
                          f"{name} was modified after export (SHA-256 mismatch)", source)
    return manifest


def surveys_as_campaigns(item: Survey | Campaign) -> list[Campaign]:
    """As campaigns: a lone survey travels in a campaign named after its year."""
    if isinstance(item, Campaign):
        return [item]
    year = item.general.campaign_year
    return [Campaign(name=f"Campaña {year}", year=year, region=item.general.region, surveys=[item])]


def campaigns_from_json_file(path: Path) -> list[Campaign]:
    """A plain survey or campaign JSON file, as a list of campaigns."""
    return surveys_as_campaigns(survey_io.read(path))


def is_package(path: Path) -> bool:
    """A zip file (by its content, whatever its name); only regular files are looked into."""
    survey_io.checked_input(path, MAX_PACKAGE_BYTES if path.suffix.lower() == ".zip" else None)
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False
