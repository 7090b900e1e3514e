"""Benchmark: LibreOffice (headless, driven through UNO) opening, recalculating and saving the live workbook of a
campaign, against a plain dump of the same cells (the values the workbook caches, written by XlsxWriter: no
formulas, styles, validation, conditional formats, names or charts).

For each size (default 2,200 and 22,000 farm surveys in 10 cooperatives) both files are opened in turn, ours then
the plain dump, ``--repeat`` times (default 3) in one LibreOffice: each run loads the file (the profile set to never
recalculate on load), recalculates every formula (``calculateAll``) and saves it as .xlsx; the medians give

- open + recalculate: load + calculateAll, ours / plain,
- open + recalculate + save: the same plus ``storeToURL`` as "Calc MS Excel 2007 XML", ours / plain,

and the sizes of the files as exported and as LibreOffice saves them. Prints figures; asserts nothing (the machine
is shared and its load varies: the ratios of interleaved runs are what counts).

Run from the project root: ``.venv/bin/python tests/benchmarks/bench_libreoffice.py [FARMS ...] [--repeat=N]
[--keep=DIR]``; it runs itself again under the system python (``/usr/bin/python3``, which has python3-uno) to drive
LibreOffice, with the helpers of ``tests/workbook/uno_edit.py``. ``--keep=DIR`` leaves the workbooks there.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEVER_RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>1</value></prop></item>
</oor:items>
"""


# ---- under the project's python: the workbooks ----
def build(farms: int, folder: Path) -> tuple[Path, Path, float]:
    """Our workbook of ``farms`` surveys and the plain dump of its cells; the export's seconds."""
    sys.path.insert(0, str(HERE))
    from bench_rollup import make_farms

    from cocoa_desktop.engine.footprint.factors import factors_for
    from cocoa_desktop.engine.model.survey import Campaign
    from cocoa_desktop.workbook.export import export_workbook

    ours, plain = folder / f"ours-{farms}.xlsx", folder / f"plain-{farms}.xlsx"
    campaign = Campaign(name="Campaña 2024", year=2024, surveys=make_farms(farms))
    start = time.perf_counter()
    export_workbook(campaign, ours, factors_for())
    seconds = time.perf_counter() - start
    plain_dump(ours, plain)
    return ours, plain, seconds


def plain_dump(source: Path, target: Path) -> int:
    """Every cell of ``source`` as the value it caches (text, number, boolean), sheet by sheet; the cells written."""
    from openpyxl import load_workbook
    from xlsxwriter import Workbook

    wb = Workbook(str(target), {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                "strings_to_urls": False})
    cells = 0
    for sheet in load_workbook(source, read_only=True, data_only=True).worksheets:
        ws = wb.add_worksheet(sheet.title)
        for r, row in enumerate(sheet.iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    ws.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, str(value))
                cells += 1
    wb.close()
    return cells


def main(sizes: list[int], repeat: int, keep: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        folder = Path(keep) if keep else Path(tmp_name)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"LibreOffice through UNO, {repeat} runs each, ours and the plain dump alternating; medians")
        for farms in sizes:
            ours, plain, export_s = build(farms, folder)
            runs = timed_in_libreoffice(repeat, folder, [ours, plain])
            report(farms, export_s, ours, plain, {"ours": runs[ours.name], "plain": runs[plain.name]})


def timed_in_libreoffice(repeat: int, folder: Path, paths: list[Path]) -> dict[str, list[dict]]:
    """Each file's runs (by file name), the files opened in turn ``repeat`` times, under the system python."""
    done = subprocess.run(["/usr/bin/python3", __file__, "--drive", str(repeat), str(folder), *map(str, paths)],
                          check=True, capture_output=True, text=True, timeout=7200,
                          env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")})
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(farms: int, export_s: float, ours: Path, plain: Path, runs: dict) -> None:
    def med(name: str, *parts: str) -> float:
        return statistics.median(sum(run[p] for p in parts) for run in runs[name])

    mib = 2**20
    saved = {name: statistics.median(run["saved_bytes"] for run in runs[name]) / mib for name in runs}
    print(f"\n{farms:,} farms: exported in {export_s:.1f} s; ours {ours.stat().st_size / mib:.1f} MiB, plain "
          f"{plain.stat().st_size / mib:.1f} MiB; as LibreOffice saves them {saved['ours']:.1f} MiB and "
          f"{saved['plain']:.1f} MiB")
    for name in ("ours", "plain"):
        print(f"  {name:5}  load {med(name, 'load'):6.1f} s  recalculate {med(name, 'calc'):6.1f} s  "
              f"save {med(name, 'save'):6.1f} s   (CPU {med(name, 'load_cpu'):5.1f} + {med(name, 'calc_cpu'):5.1f} + "
              f"{med(name, 'save_cpu'):5.1f} s)")
    for what, parts in (("open + recalculate", ("load", "calc")), ("open + recalculate + save",
                                                                   ("load", "calc", "save"))):
        ours_s, plain_s = med("ours", *parts), med("plain", *parts)
        cpu = med("ours", *(p + "_cpu" for p in parts)) / med("plain", *(p + "_cpu" for p in parts))
        print(f"  {what:26} {ours_s:6.1f} s vs {plain_s:6.1f} s → {ours_s / plain_s:.2f}×   (CPU time {cpu:.2f}×)")


# ---- under the system python (python3-uno): LibreOffice ----
PHASES = ("load", "calc", "save")


def soffice_bin(launcher: int) -> int:
    """The soffice.bin process started by the ``soffice`` launcher (a script, then oosplash)."""
    children = {launcher}
    for _ in range(50):
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                pid, rest = stat.read_text().split(" ", 1)
                name, fields = rest.rsplit(") ", 1)
                if int(fields.split()[1]) in children:
                    if name == "(soffice.bin":
                        return int(pid)
                    children.add(int(pid))
        time.sleep(0.1)
    raise RuntimeError("no soffice.bin")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads (less sensitive than wall time to a shared machine)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def drive(repeat: int, folder: Path, paths: list[Path]) -> dict[str, list[dict]]:
    sys.path.insert(0, str(HERE.parent / "workbook"))
    from uno_edit import connect, prop, quit_office

    profile = folder / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(NEVER_RECALC, encoding="utf-8")
    pipe = f"bench{time.time_ns()}"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                               "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"])
    runs: dict[str, list[dict]] = {path.name: [] for path in paths}
    desktop = None
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        office_pid = soffice_bin(office.pid)
        for _ in range(repeat):
            for path in paths:
                out = folder / f"saved-{path.name}"
                marks = [(time.perf_counter(), cpu_seconds(office_pid))]
                doc = desktop.loadComponentFromURL(path.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
                marks.append((time.perf_counter(), cpu_seconds(office_pid)))
                doc.calculateAll()
                marks.append((time.perf_counter(), cpu_seconds(office_pid)))
                doc.storeToURL(out.resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
                marks.append((time.perf_counter(), cpu_seconds(office_pid)))
                doc.close(True)
                run: dict = {"saved_bytes": out.stat().st_size}
                for phase, before, after in zip(PHASES, marks, marks[1:], strict=False):
                    run[phase], run[f"{phase}_cpu"] = after[0] - before[0], after[1] - before[1]
                runs[path.name].append(run)
                print(path.name, json.dumps(run), file=sys.stderr, flush=True)
    finally:
        quit_office(desktop, office)
    return runs


if __name__ == "__main__":
    if sys.argv[1:2] == ["--drive"]:
        print(json.dumps(drive(int(sys.argv[2]), Path(sys.argv[3]), [Path(a) for a in sys.argv[4:]])))
    else:
        args = [a for a in sys.argv[1:] if not a.startswith("--")]
        repeats = [int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--repeat=")]
        kept = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--keep=")]
        main([int(a) for a in args] or [2_200, 22_000], repeats[0] if repeats else 3, kept[0] if kept else None)
