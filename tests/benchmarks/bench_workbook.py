"""Benchmark: export a campaign of 10 cooperatives × 2,200 farm surveys to a live workbook, against a plain
openpyxl write-only dump of the same number of cells (values only, no styles, formulas or validation).

Prints figures; asserts nothing. Run from the project root: ``python tests/benchmarks/bench_workbook.py [FARMS]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).parent))

from bench_rollup import make_farms

from cocoa_desktop.engine.factors import factors_for
from cocoa_desktop.engine.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook


def main(farms: int = 22_000) -> None:
    surveys = make_farms(farms)  # organisations "Cooperativa 0" … "Cooperativa 9"
    campaign = Campaign(name="Campaña 2024", year=2024, surveys=surveys)
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "campana.xlsx"
        start = time.perf_counter()
        export_workbook(campaign, ours, factors_for())
        export_s = time.perf_counter() - start
        shape = []  # (title, rows, columns) as written; write-only files carry no dimension, so count them
        for ws in load_workbook(ours, read_only=True).worksheets:
            rows = list(ws.iter_rows(values_only=True))
            shape.append((ws.title, len(rows), max((len(r) for r in rows), default=0)))
        cells = sum(r * c for _, r, c in shape)
        plain = Path(tmp) / "plano.xlsx"
        start = time.perf_counter()
        wb = Workbook(write_only=True)
        for title, rows, cols in shape:
            ws = wb.create_sheet(title)
            row = [1.5] * cols
            for _ in range(rows):
                ws.append(row)
        wb.save(plain)
        plain_s = time.perf_counter() - start
        print(f"{farms} farm surveys in 10 cooperatives, {cells:,} cells in {len(shape)} sheets")
        print(f"live workbook: {export_s:.1f} s, {ours.stat().st_size / 2**20:.1f} MiB")
        print(f"plain write-only dump of the same cells: {plain_s:.1f} s, {plain.stat().st_size / 2**20:.1f} MiB")
        print(f"ratio: {export_s / plain_s:.2f}× the time, {ours.stat().st_size / plain.stat().st_size:.2f}× the size")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 22_000)
