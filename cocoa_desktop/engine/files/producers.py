"""The cooperative's list of producers (a CSV file) and the random, reproducible choice of whom to visit.

The CSV has a header row naming at least the producer and the stratum (district, zone, sector …); a code column
is optional. Spreadsheets in Spanish save CSV with ";" and in Windows-1252, English ones with "," and UTF-8: both
are read. A file that cannot be used is refused with a message naming the line.
"""

from __future__ import annotations

import csv
import io
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cocoa_desktop.engine.files.survey_io import read_bytes
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.sampling import MAX_STRATA, Allocation, too_many_strata

MAX_BYTES = 20 * 1024 * 1024
HEADERS = {
    "code": ("codigo", "cod", "code", "id", "dni"),
    "name": ("nombre", "productor", "name", "producer", "socio", "apellidos y nombres", "nombres"),
    "stratum": ("distrito", "district", "estrato", "stratum", "zona", "zone", "sector", "comunidad"),
}


@dataclass(frozen=True)
class Producer:
    line: int  # line in the file, for the technician to find the row
    code: str
    name: str
    stratum: str


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _refuse(line: int | None, code: str, es: str, en: str, source: str) -> SurveyValidationError:
    """The line number goes into the message itself, in each language."""
    if line is not None:
        es, en = f"línea {line}: {es}", f"line {line}: {en}"
    return SurveyValidationError([Issue(path="CSV", code=code, message_es=es, message_en=en)], source=source)


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:4096]:
        raise _refuse(None, "binary", "no es un archivo CSV de texto (¿un libro .xlsx?): guárdelo como CSV",
                      "not a CSV text file (an .xlsx workbook?): save it as CSV", source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel in Spanish on Windows


def parse_producers(data: bytes, source: str = "") -> list[Producer]:
    """Producers of a CSV file, in file order; SurveyValidationError naming the line of the first problem."""
    if len(data) > MAX_BYTES:
        raise _refuse(None, "too_large", "el archivo es demasiado grande para una lista de productores",
                      "the file is too large for a list of producers", source)
    text = _decode(data, source)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise _refuse(None, "empty", "el archivo está vacío", "the file is empty", source)
    first = next(line for line in lines if line.strip())
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)  # CR, LF or CRLF line ends alike
    try:
        rows = list(reader)
    except csv.Error as exc:  # a NUL, a field longer than csv allows …
        raise _refuse(reader.line_num, "not_csv", f"no se puede leer como CSV ({exc})",
                      f"cannot be read as CSV ({exc})", source) from None
    start = next((i for i, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    if start is None:  # only separators
        raise _refuse(None, "empty", "el archivo no tiene ningún dato", "the file holds no data", source)
    header = [_plain(cell) for cell in rows[start]]
    columns = {key: next((header.index(h) for h in names if h in header), None) for key, names in HEADERS.items()}
    name_at, stratum_at = columns["name"], columns["stratum"]
    if name_at is None or stratum_at is None:
        missing = [key for key in ("name", "stratum") if columns[key] is None]
        wanted = "; ".join(f"{key}: {', '.join(HEADERS[key])}" for key in missing)
        raise _refuse(start + 1, "header",
                      f"la primera fila debe nombrar las columnas; falta la del productor o la del estrato ({wanted})",
                      f"the first row must name the columns; the producer or stratum column is missing ({wanted})",
                      source)
    producers: list[Producer] = []
    seen: dict[str, int] = {}
    strata: set[str] = set()
    for index, row in enumerate(rows[start + 1:], start=start + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) and len(row) <= max(c for c in columns.values() if c is not None):
            raise _refuse(index, "short_row", f"la fila tiene {len(row)} columnas y el encabezado {len(header)}",
                          f"the row has {len(row)} columns and the header {len(header)}", source)
        name = row[name_at].strip()
        stratum = row[stratum_at].strip()
        code = row[columns["code"]].strip() if columns["code"] is not None else str(len(producers) + 1)
        if not name or not stratum:
            what_es, what_en = ("el nombre del productor", "the producer's name") if not name else \
                ("el estrato (distrito)", "the stratum (district)")
            raise _refuse(index, "blank_cell", f"falta {what_es}", f"{what_en} is missing", source)
        if code in seen:
            raise _refuse(index, "duplicate", f"el código «{code}» ya está en la línea {seen[code]}",
                          f"code “{code}” already appears on line {seen[code]}", source)
        seen[code] = index
        strata.add(stratum)
        if len(strata) > MAX_STRATA:  # refused while reading: a window would list every one of them first
            raise _refuse(index, "too_many_strata", *too_many_strata(len(strata)), source)
        producers.append(Producer(index, code, name, stratum))
    if not producers:
        raise _refuse(None, "no_rows", "el archivo tiene encabezado pero ningún productor",
                      "the file has a header but no producers", source)
    return producers


def read_producers(path: str | Path) -> list[Producer]:
    """Only a regular file of at most MAX_BYTES is read (a FIFO or /dev/zero would never end)."""
    return parse_producers(read_bytes(path, MAX_BYTES), str(path))


def strata_of(producers: list[Producer]) -> dict[str, int]:
    """Producers per stratum, in the order the strata first appear."""
    counts: dict[str, int] = {}
    for p in producers:
        counts[p.stratum] = counts.get(p.stratum, 0) + 1
    return counts


@dataclass(frozen=True)
class Draw:
    chosen: list[Producer]  # to visit, stratum by stratum in the allocation's order
    reserves: list[Producer]  # in order, per stratum: whom to visit when a chosen producer cannot be reached


def draw(producers: list[Producer], allocation: Allocation, seed: int) -> Draw:
    """Within each stratum a random order from the seed: the first n_h are visited, the rest are reserves.
    The same list, allocation and seed always give the same producers."""
    rng = random.Random(seed)
    by_stratum: dict[str, list[Producer]] = {}  # in file order: one pass, whatever the number of strata
    for p in producers:
        by_stratum.setdefault(p.stratum, []).append(p)
    chosen, reserves = [], []
    for stratum in allocation.strata:
        members = by_stratum.get(stratum.name, [])
        order = rng.sample(members, len(members))
        chosen += sorted(order[: stratum.n], key=lambda p: p.line)
        reserves += order[stratum.n:]
    return Draw(chosen, reserves)
