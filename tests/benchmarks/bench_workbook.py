"""Benchmark: export a campaign of N farm surveys in 10 cooperatives (default 22,000) to the live workbook, against
a plain write-only dump of the same cells (openpyxl, the same values, formulas replaced by their values, no styles,
validation or charts); then LibreOffice opening and recalculating each (headless conversion with the profile set
to "always recalculate"), time and peak memory: converted to CSV (which writes only the first sheet: open and
recalculate) and converted to .xlsx (open, recalculate and save every formula again).

Prints figures; asserts nothing. Run from the project root:
``python tests/benchmarks/bench_workbook.py [FARMS] [--no-libreoffice] [--sorted] [--repeat=N]``; ``--sorted``
also sorts "Datos generales" by production (rows moved as a user would, values only) and times LibreOffice on that
copy; each LibreOffice run is repeated N times (default 3 up to 5,000 farms, else 1) and the fastest kept, as the
machine is shared and its load varies.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).parent))

from bench_rollup import make_farms

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def dump_same_cells(source: Path, target: Path) -> tuple[float, int]:
    """Write the cells of ``source`` (values as exported) plainly; return (seconds, cells)."""
    sheets = []
    for ws in load_workbook(source, read_only=True, data_only=True).worksheets:
        sheets.append((ws.title, [list(r) for r in ws.iter_rows(values_only=True)]))
    cells = sum(len(r) for _, rows in sheets for r in rows)
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)
    return time.perf_counter() - start, cells


def libreoffice(paths: list[Path], tmp: Path, to: str, repeat: int) -> list[tuple[float, float]]:
    """(seconds, peak MiB) for LibreOffice to open, recalculate and convert each workbook ``to`` csv or xlsx: the
    fastest of ``repeat`` runs."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    profile = tmp / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    found = []
    for path in paths:
        found.append(min(_convert(soffice, profile, path, tmp, to) for _ in range(repeat)))
    return found


def _convert(soffice: str | None, profile: Path, path: Path, tmp: Path, to: str) -> tuple[float, float]:
    out = tmp / f"out-{path.stem}"
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", soffice, f"-env:UserInstallation={profile.as_uri()}",
                           "--headless", "--norestore", "--convert-to", to, "--outdir", str(out), str(path)],
                          check=True, capture_output=True, text=True, timeout=3600)
    seconds = time.perf_counter() - start
    peak_kb = int(done.stderr.strip().splitlines()[-1])  # GNU time: the largest resident size of the run
    return seconds, peak_kb / 1024


def sorted_copy(source: Path, target: Path) -> None:
    """'Datos generales' sorted by production, descending, every other sheet as it was (openpyxl, values kept)."""
    wb = load_workbook(source)
    ws = wb["Datos generales"]
    keys = [c.value for c in ws[4]]
    prod = keys.index("dry_cocoa_kg")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5) if row[0].value]
    rows.sort(key=lambda r: -(r[prod] or 0))
    for r, values in enumerate(rows, start=5):
        for c, value in enumerate(values, start=1):
            if not (isinstance(value, str) and value.startswith("=")):
                ws.cell(r, c).value = value
    wb.save(target)


def main(farms: int, with_libreoffice: bool = True, with_sorted: bool = False, repeat: int = 0) -> None:
    repeat = repeat or (3 if farms <= 5000 else 1)
    surveys = make_farms(farms)
    campaign = Campaign(name="Campaña 2024", year=2024, surveys=surveys)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ours = tmp / "campana.xlsx"
        start = time.perf_counter()
        export_workbook(campaign, ours, factors_for())
        export_s = time.perf_counter() - start
        plain = tmp / "plano.xlsx"
        plain_s, cells = dump_same_cells(ours, plain)
        size, plain_size = ours.stat().st_size, plain.stat().st_size
        print(f"{farms} farm surveys in 10 cooperatives, {cells:,} cells")
        print(f"live workbook: {export_s:.1f} s, {size / 2**20:.1f} MiB")
        print(f"plain write-only dump of the same cells: {plain_s:.1f} s, {plain_size / 2**20:.1f} MiB")
        print(f"export ratio: {export_s / plain_s:.2f}× the time, {size / plain_size:.2f}× the size")
        if not with_libreoffice:
            return
        paths = [ours, plain]
        if with_sorted:
            sorted_copy(ours, tmp / "ordenado.xlsx")
            paths.append(tmp / "ordenado.xlsx")
        for to, what in (("csv", "open + recalculate"), ("xlsx", "open + recalculate + save as .xlsx")):
            timings = libreoffice(paths, tmp, to, repeat)
            (ours_s, ours_mb), (plain_lo_s, plain_mb) = timings[:2]
            print(f"LibreOffice {what}: live {ours_s:.1f} s (peak {ours_mb:,.0f} MiB), plain dump {plain_lo_s:.1f} s "
                  f"(peak {plain_mb:,.0f} MiB) → {ours_s / plain_lo_s:.2f}× the time")
            if with_sorted:
                sorted_s, sorted_mb = timings[2]
                print(f"  after sorting 'Datos generales' by production: {sorted_s:.1f} s (peak {sorted_mb:,.0f} MiB)"
                      f" → {sorted_s / plain_lo_s:.2f}× the dump")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    repeats = [int(a.split("=")[1]) for a in sys.argv if a.startswith("--repeat=")]
    main(int(args[0]) if args else 22_000, "--no-libreoffice" not in sys.argv, "--sorted" in sys.argv,
         repeats[0] if repeats else 0)
