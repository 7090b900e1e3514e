"""Checks on a workbook file before any of it is parsed: a regular file of sensible size, not encrypted, a zip
whose entries are unique and do not expand into gigabytes (a "zip bomb" is refused by its directory alone)."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from cocoa_desktop.engine.files.survey_io import checked_zip
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx (and old .xls) are OLE compound files
MAX_FILE_BYTES = 300 * 2**20  # a 200,000-farm campaign (the survey limit) is about 250 MB
MAX_EXPANDED_BYTES = 4 * 2**30
MAX_RATIO = 400  # the workbook's own sheets compress up to ~60:1; a bomb, thousands to one
MAX_PARTS = 10_000  # files inside the .xlsx: the app's own workbook has about 40


def refuse(code: str, es: str, en: str, source: str, where: str = "libro") -> SurveyValidationError:
    return SurveyValidationError([Issue(where, code, es, en)], source=source)


def check_file(path: Path) -> None:
    source = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise refuse("not_a_file", "no es un archivo común (¿una carpeta o un dispositivo?)",
                         "not a regular file (a folder or a device?)", source)
        if info.st_size > MAX_FILE_BYTES:
            raise refuse("too_large", f"el archivo pesa {info.st_size / 2**20:.0f} MB; el límite es "
                                      f"{MAX_FILE_BYTES // 2**20} MB",
                         f"the file is {info.st_size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB",
                         source)
        with path.open("rb") as fh:
            head = fh.read(8)
        if head != OLE_MAGIC:
            checked_zip(path, MAX_PARTS, "el libro", "the workbook")  # before zipfile lists every part
        if head == OLE_MAGIC:
            raise refuse("encrypted", "el libro está protegido con contraseña (o es un .xls antiguo): ábralo en "
                                      "Excel o LibreOffice, quite la contraseña y guárdelo como .xlsx",
                         "the workbook is password-protected (or an old .xls): open it in Excel or LibreOffice, "
                         "remove the password and save it as .xlsx", source)
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except SurveyValidationError:
        raise
    except OSError as exc:
        raise refuse("unreadable", f"no se pudo leer el archivo: {exc.strerror or exc}",
                     f"could not read the file: {exc.strerror or exc}", source) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, KeyError, UnicodeDecodeError):
        raise damaged(source) from None
    names = [e.filename for e in entries]
    if len(set(names)) != len(names):
        seen: set[str] = set()  # the first name seen twice, in one pass (counting each name was quadratic)
        twice = next(n for n in names if n in seen or seen.add(n))
        raise refuse("duplicate_entry", f"el libro está dañado: la parte «{twice}» aparece dos veces",
                     f"the workbook is damaged: the part '{twice}' appears twice", source)
    expanded = sum(e.file_size for e in entries)
    ratio = max((e.file_size / max(e.compress_size, 1) for e in entries), default=0)
    if expanded > MAX_EXPANDED_BYTES or ratio > MAX_RATIO:
        raise refuse("too_large", f"el libro se expandiría a {expanded / 2**20:.0f} MB (razón {ratio:.0f}:1); "
                                  f"el límite es {MAX_EXPANDED_BYTES // 2**30} GB y {MAX_RATIO}:1",
                     f"the workbook would expand to {expanded / 2**20:.0f} MB (ratio {ratio:.0f}:1); the limit is "
                     f"{MAX_EXPANDED_BYTES // 2**30} GB and {MAX_RATIO}:1", source)


def damaged(source: str, what: str = "") -> SurveyValidationError:
    detail = f" ({what})" if what else ""
    return refuse("not_xlsx", f"no es un libro .xlsx o está dañado/incompleto{detail}",
                  f"not an .xlsx workbook, or damaged/truncated{detail}", source)
