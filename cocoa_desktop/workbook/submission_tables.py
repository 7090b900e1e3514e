"""The two export files of phone submissions, as plain tables (issue 23, point 2): a KoboToolbox XLSX export (the
first sheet the submissions, one sheet per repeat group) or an ODK Central CSV zip (``FORMID.csv`` and one
``FORMID-REPEAT.csv`` per repeat group; a lone ``FORMID.csv`` is read too).

Nothing is trusted before it is checked: the file is a regular file of sensible size, the zip's directory is
checked before anything is expanded (entries, names, encryption, sizes and compression ratio, as for the app's own
packages and workbooks), and every table is read row by row up to :data:`MAX_ROWS`, so a hostile file costs bounded
time and memory. Anything wrong ends as a :class:`SurveyValidationError` naming the file, in Spanish and English.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from cocoa_desktop.engine import cancel
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.submissions import KOBO, ODK
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.progress import IsCancelled, never
from cocoa_desktop.engine.words import whole
from cocoa_desktop.workbook.file_checks import check_file, damaged, refuse

MAX_ROWS = 50_000  # submissions, or rows of one repeat group, in one file: a campaign has hundreds
MAX_COLUMNS = 2_000  # the form has 69 questions; an export adds some 20 columns of its own
MAX_ZIP_BYTES = 100 * 2**20  # an ODK Central zip (as the app's packages)
MAX_ENTRIES = 1_000  # the CSV files and, in an export "with media", the photos
MAX_CSV_BYTES = survey_io.MAX_FILE_BYTES  # one CSV file expanded
MAX_EXPANDED_BYTES = 2 * MAX_CSV_BYTES  # all CSV files expanded
RATIO_FROM_BYTES = 16 * 2**20  # below it the absolute limits bound what is read (as storage/packages.py)
MAX_RATIO = 400
CHECK_EVERY = 1_000  # rows between two looks at ``cancelled``
ODK_KEY, ODK_PARENT = "KEY", "PARENT_KEY"


@dataclass
class Table:
    """One sheet or CSV file: its header and data rows (the header is row 1, the first data row row 2)."""

    name: str
    header: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    spreadsheet: bool = True  # cells are named A2, B7 … (a sheet); else by the column's name (a CSV file)

    def row_number(self, index: int) -> int:
        return index + 2

    def cell(self, index: int, column: int) -> str:
        """Where a value is, as the technician finds it: ``Hoja!C5``, or ``archivo.csv!columna:5``."""
        if self.spreadsheet:
            return f"{self.name}!{get_column_letter(column + 1)}{self.row_number(index)}"
        return f"{self.name}!{self.header[column]}:{self.row_number(index)}"


@dataclass
class Tables:
    layout: str  # KOBO or ODK
    main: Table
    repeats: list[Table]
    skipped: list[str] = field(default_factory=list)  # entries of the zip that are no table (media)


def read_tables(path: str | Path, cancelled: IsCancelled = never) -> Tables:
    """A KoboToolbox XLSX export, an ODK Central CSV zip or one CSV file of it, as tables; raise
    SurveyValidationError (es/en, naming the file) for anything that is none of them or is damaged."""
    path = Path(path)
    source = str(path)
    survey_io.checked_input(path, max(MAX_ZIP_BYTES, 300 * 2**20))
    if not _is_zip(path):
        if path.suffix.lower() == ".csv":
            return Tables(ODK, _csv_table(path.name, path.open("rb"), source, cancelled), [])
        raise _not_an_export(source)
    survey_io.checked_zip(path, MAX_ENTRIES, "el archivo", "the file")  # before zipfile lists every entry
    try:
        with zipfile.ZipFile(path) as archive:
            names = {info.filename for info in archive.infolist()}
    except survey_io_errors() as exc:
        raise damaged(source, type(exc).__name__) from None
    if "xl/workbook.xml" in names:
        return _kobo(path, source, cancelled)
    return _odk(path, source, cancelled)


def survey_io_errors() -> tuple[type[BaseException], ...]:
    """What the zip, zlib and csv modules raise for a damaged or truncated file: all of it is "damaged"."""
    import lzma
    import struct
    import zlib

    return (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError, OSError,
            NotImplementedError, RuntimeError, OverflowError, struct.error, UnicodeDecodeError, IndexError,
            KeyError, ValueError, csv.Error)


def _is_zip(path: Path) -> bool:
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def _not_an_export(source: str) -> SurveyValidationError:
    return refuse("not_an_export", "no es una exportación de envíos: use el XLSX de KoboToolbox o el ZIP de CSV de "
                                   "ODK Central", "not an export of submissions: use KoboToolbox's XLSX or ODK "
                                                  "Central's CSV zip", source, "archivo")


def _too_many_rows(name: str, source: str) -> SurveyValidationError:
    es, en = whole(MAX_ROWS, "es"), whole(MAX_ROWS, "en")
    return refuse("too_many_rows", f"«{name}» tiene más de {es} filas (el límite por archivo): divida la exportación "
                                   "en partes (por fecha de envío)",
                  f"'{name}' has more than {en} rows (the limit per file): split the export into parts (by "
                  "submission date)", source, name)


def _rows(values: Iterable[tuple[Any, ...]], name: str, source: str, cancelled: IsCancelled
          ) -> Iterator[tuple[Any, ...]]:
    """The data rows, empty ones left out, at most MAX_ROWS of them; a look at ``cancelled`` now and then."""
    count = 0
    for done, row in enumerate(values, start=1):
        if done % CHECK_EVERY == 0 and cancelled():
            raise cancel.Cancelled
        if done > 2 * MAX_ROWS:  # empty rows count too: a file of empty lines is no lighter
            raise _too_many_rows(name, source)
        if not any(v is not None and v != "" for v in row):
            yield ()  # kept as a place: the rows after it keep their numbers
            continue
        count += 1
        if count > MAX_ROWS:
            raise _too_many_rows(name, source)
        yield row


# ------------------------------------------------------------------------------------------------------ KoboToolbox


def _kobo(path: Path, source: str, cancelled: IsCancelled) -> Tables:
    check_file(path)  # the workbook's own checks: encryption, parts, expanded size and ratio
    try:
        book = load_workbook(path, read_only=True, data_only=False)  # a formula stays "=…": refused, not its value
    except Exception as exc:  # whatever the parser meets in a damaged file
        raise damaged(source, type(exc).__name__) from None
    try:
        tables = []
        for sheet in book.worksheets:
            # no max_col: openpyxl would pad every row to it (50,000 rows × 2,000 columns: 800 MB)
            values = sheet.iter_rows(max_row=2 * MAX_ROWS + 2, values_only=True)
            head = next(values, None)
            header = _header((head or ())[:MAX_COLUMNS])
            rows = [row[:len(header)] for row in _rows(values, sheet.title, source, cancelled)] if header else []
            tables.append(Table(sheet.title, header, rows))
    except SurveyValidationError:
        raise
    except cancel.Cancelled:
        raise
    except Exception as exc:  # sheets are parsed lazily: damage surfaces here
        raise damaged(source, type(exc).__name__) from None
    finally:
        book.close()
    if not tables or not tables[0].header:
        raise refuse("empty", "la primera hoja no tiene encabezados: no es una exportación de KoboToolbox",
                     "the first sheet has no headers: not a KoboToolbox export", source, "libro")
    return Tables(KOBO, tables[0], [t for t in tables[1:] if t.header])


def _header(row: Iterable[Any]) -> list[str]:
    header = ["" if v is None else str(v).strip() for v in row]
    while header and not header[-1]:
        header.pop()
    return header


# ------------------------------------------------------------------------------------------------------ ODK Central


def _odk(path: Path, source: str, cancelled: IsCancelled) -> Tables:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = _checked_entries(archive, source)
            tables = []
            skipped = []
            for info in entries:
                if info.filename.lower().endswith(".csv"):
                    name = info.filename.rsplit("/", 1)[-1]
                    tables.append(_csv_table(name, archive.open(info), source, cancelled))
                elif not info.is_dir():
                    skipped.append(info.filename)
    except (SurveyValidationError, cancel.Cancelled):
        raise
    except survey_io_errors() as exc:
        raise refuse("not_xlsx", f"el ZIP de ODK está dañado o incompleto ({type(exc).__name__})",
                     f"the ODK zip is damaged or truncated ({type(exc).__name__})", source, "archivo") from None
    mains = [t for t in tables if ODK_KEY in t.header and ODK_PARENT not in t.header]
    if len(mains) != 1:
        if not tables:
            raise _not_an_export(source)
        raise refuse("no_main_table", f"el ZIP debe tener un solo CSV de envíos (con la columna KEY y sin "
                                      f"PARENT_KEY); tiene {len(mains)}",
                     f"the zip must hold one CSV of submissions (with a KEY column and no PARENT_KEY); it holds "
                     f"{len(mains)}", source, "archivo")
    repeats = [t for t in tables if ODK_PARENT in t.header]
    skipped += [t.name for t in tables if t is not mains[0] and t not in repeats]
    return Tables(ODK, mains[0], repeats, skipped)


def _checked_entries(archive: zipfile.ZipFile, source: str) -> list[zipfile.ZipInfo]:
    """The zip's entries, refused before anything is expanded: unsafe or doubled names, encryption, a size or a
    compression ratio no real export has (a zip bomb)."""
    entries = archive.infolist()
    seen: set[str] = set()
    total = 0
    for info in entries:
        name = info.filename
        if name in seen:
            raise refuse("duplicate_entry", f"el ZIP contiene dos veces {name!r}: está manipulado o dañado",
                         f"the zip contains {name!r} twice: it was tampered with or is damaged", source, "archivo")
        seen.add(name)
        if name.startswith(("/", "\\")) or ".." in name.split("/") or ":" in name or "\\" in name:
            raise refuse("unsafe_name", f"nombre de archivo no permitido en el ZIP: {name!r}",
                         f"file name not allowed in the zip: {name!r}", source, "archivo")
        if not name.lower().endswith(".csv"):
            continue  # media of an export "with media": never expanded
        if info.flag_bits & 0x1:
            raise refuse("encrypted", "el ZIP está cifrado con contraseña; expórtelo de nuevo sin contraseña",
                         "the zip is password-encrypted; export it again without a password", source, "archivo")
        total += info.file_size
        if (info.file_size > MAX_CSV_BYTES or total > MAX_EXPANDED_BYTES
                or (info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1))):
            raise refuse("zip_bomb", f"el ZIP se expande a un tamaño desmedido ({info.file_size // 2**20} MB en "
                                     f"{name}; límite {MAX_CSV_BYTES // 2**20} MB por archivo): posible bomba zip",
                         f"the zip expands to an excessive size ({info.file_size // 2**20} MB in {name}; limit "
                         f"{MAX_CSV_BYTES // 2**20} MB per file): a possible zip bomb", source, "archivo")
    return entries


def _csv_table(name: str, raw: io.BufferedIOBase | Any, source: str, cancelled: IsCancelled) -> Table:
    """One CSV file as ODK Central writes it (UTF-8, maybe with a BOM, commas, quoted as needed)."""
    try:
        with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
            reader = csv.reader(text)
            header = _header(next(reader, []))
            if len(header) > MAX_COLUMNS:
                raise refuse("too_many_columns", f"«{name}» tiene {len(header)} columnas; el límite es {MAX_COLUMNS}",
                             f"'{name}' has {len(header)} columns; the limit is {MAX_COLUMNS}", source, name)
            rows = [tuple(r[:len(header)]) for r in _rows(reader, name, source, cancelled)]
    except (SurveyValidationError, cancel.Cancelled):
        raise
    except UnicodeDecodeError:
        raise refuse("not_utf8", f"«{name}» no está en UTF-8 (¿se guardó de nuevo con Excel?): use el archivo "
                                 "descargado de ODK Central", f"'{name}' is not UTF-8 (saved again with Excel?): use "
                                                               "the file downloaded from ODK Central", source,
                     name) from None
    except survey_io_errors() as exc:
        raise refuse("bad_csv", f"«{name}» está dañado o incompleto ({type(exc).__name__}: {exc})",
                     f"'{name}' is damaged or truncated ({type(exc).__name__}: {exc})", source, name) from None
    return Table(name, header, rows, spreadsheet=False)
