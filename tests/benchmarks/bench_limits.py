"""Resources on inputs far beyond a real campaign (prints figures, asserts nothing):

    python tests/benchmarks/bench_limits.py [CASE …] [--folder DIR] [--timeout SECONDS] [--source DIR]

Each case writes its input into a folder (a temporary one unless --folder is given) and runs the console script
``cocoa-desktop`` on it under ``/usr/bin/time -v``, printing the peak resident memory, the wall time and the exit
code (a run killed by the timeout says so). ``--source DIR`` runs ``python -m cocoa_desktop`` from another copy of
the code instead (e.g. ``git archive HEAD~5 cocoa_desktop resources | tar -x -C DIR``, to measure before a change).
Cases (all by default):

- ``uncertainty``: ``compute --uncertainty`` on a campaign of 2,000 cooperatives (the ten shipped cooperatives
  copied under new names, eight estimated fields each);
- ``uncertainty-5000``: the same with 5,000 cooperatives;
- ``draws``: ``compute --uncertainty --draws 200000`` (the documented maximum) on 2,000 farm surveys;
- ``report``: ``report`` (the buyers' PDF) on a campaign of 300 cooperatives; ``report-20``: 20 (the most given a
  section each);
- ``cohorts``: ``economics`` of the APROCAM project with a stock curve of 3,000 cohorts; ``cohorts-10000``:
  10,000 (the most a project file may hold);
- ``districts``: ``sample-size --producers`` with 100,000 producers in 100,000 distinct districts (refused: more
  than 2,000 strata); ``districts-2000``: 100,000 producers in 2,000 districts (the most allowed);
- ``devices``: ``economics`` on /dev/zero and on a FIFO (refused at once, or killed by the timeout).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "cocoa-desktop"
EXAMPLES = ROOT / "resources" / "examples"


def cooperatives_campaign(n: int) -> dict:
    """The ten shipped cooperatives copied n/10 times under new names (each a cooperative of its own)."""
    doc = json.loads((EXAMPLES / "san-martin-2020-cooperatives.json").read_text(encoding="utf-8"))
    shipped = doc["campaign"]["surveys"]
    surveys = []
    for i in range(n):
        survey = copy.deepcopy(shipped[i % len(shipped)])
        survey["id"] = f"coop-{i:05d}"
        survey["general"]["organisation"] = f"Cooperativa {i:05d}"
        surveys.append(survey)
    doc["campaign"]["surveys"] = surveys
    doc["campaign"]["name"] = f"{n} cooperativas"
    return doc


def farms_campaign(n: int) -> dict:
    """n farm surveys of 20 cooperatives, three estimated fields each."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import generated_surveys

    from cocoa_desktop.engine.files import survey_io
    from cocoa_desktop.engine.model.survey import Campaign

    farms = generated_surveys(n, seed=11)
    for i, s in enumerate(farms):
        s.general.organisation = f"Cooperativa {i % 20}"
        s.estimated_fields = ["general.dry_cocoa_kg", "husk.shares", "packaging"]
    return json.loads(survey_io.dumps(Campaign(name=f"{n} fincas", year=2024, surveys=farms)))


def cohorts_project(n: int) -> dict:
    doc = json.loads((EXAMPLES / "aprocam-2024-carbon-project.json").read_text(encoding="utf-8"))
    project = doc.get("project", doc)
    project["years"] = 60  # the most a project may last: every per-year list carried on at its last value
    for cost in project["project_costs"]:
        if len(cost["pen_by_year"]) > 1:
            cost["pen_by_year"] += [cost["pen_by_year"][-1]] * (61 - len(cost["pen_by_year"]))
    others = project["cocoa"]["other_costs_pen_by_year"]
    others += [others[-1]] * (61 - len(others))
    seq = project["sequestration"]
    seq["mode"] = "stock_curve"
    seq["stock_curve"] = [[age, round(180.0 * (1 - 0.97 ** age), 3)] for age in range(200)]  # 200 points, the most
    seq["cohorts"] = [{"area_ha": 0.5 + (i % 7) * 0.25, "age_years": i % 35} for i in range(n)]
    return doc


def producers_csv(n: int, districts: int) -> str:
    return "\n".join(["codigo;nombre;distrito",
                      *(f"P{i};Socio {i};Distrito {i % districts}" for i in range(n))]) + "\n"


SOURCE: Path | None = None  # --source


def measure(label: str, args: list[str], timeout: float, folder: Path) -> None:
    """The console script under /usr/bin/time -v: peak RSS, wall time, exit code."""
    report = folder / "time.txt"
    env = {**os.environ, "COCOA_DESKTOP_DATA_DIR": str(folder / "data"), "QT_QPA_PLATFORM": "offscreen"}
    command = [str(SCRIPT)]
    if SOURCE is not None:
        command = [sys.executable, "-m", "cocoa_desktop"]
        env["PYTHONPATH"] = str(SOURCE)
    start = time.perf_counter()
    try:
        done = subprocess.run(["/usr/bin/time", "-v", "-o", str(report), *command, *args], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout, check=False,
                              cwd=SOURCE or folder)  # python -m puts the working folder first on the path
    except subprocess.TimeoutExpired:
        print(f"{label:<58} killed after {timeout:.0f} s (timeout)")
        return
    wall = time.perf_counter() - start
    text = report.read_text()
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if done.returncode else []
    print(f"{label:<58} peak {peak / 1024:8.0f} MB   wall {wall:7.1f} s   exit {done.returncode}"
          + (f"   ({last[0][:100]})" if last else ""))


def run(case: str, folder: Path, timeout: float) -> None:
    def write(name: str, content: dict | str) -> Path:
        path = folder / name
        path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
                        encoding="utf-8")
        return path

    if case in ("uncertainty", "uncertainty-5000"):
        n = 5000 if case.endswith("5000") else 2000
        path = write(f"coops-{n}.json", cooperatives_campaign(n))
        measure(f"compute --uncertainty, {n} cooperatives", ["compute", str(path), "--uncertainty", "--json"],
                timeout, folder)
    elif case == "draws":
        path = write("farms-2000.json", farms_campaign(2000))
        measure("compute --uncertainty --draws 200000, 2,000 farms",
                ["compute", str(path), "--uncertainty", "--draws", "200000", "--json"], timeout, folder)
    elif case in ("report", "report-20"):
        n = 20 if case.endswith("20") else 300
        path = write(f"coops-{n}.json", cooperatives_campaign(n))
        measure(f"report, {n} cooperatives", ["report", str(path), "-o", str(folder / "r.pdf")], timeout, folder)
        if (folder / "r.pdf").exists():
            print(f"{'':<58} PDF {(folder / 'r.pdf').stat().st_size / 2**20:.1f} MB")
    elif case in ("cohorts", "cohorts-10000"):
        n = 10_000 if case.endswith("10000") else 3000
        path = write(f"cohorts-{n}.json", cohorts_project(n))
        measure(f"economics, stock curve of {n} cohorts", ["economics", str(path), "--json"], timeout, folder)
    elif case in ("districts", "districts-2000"):
        districts = 2000 if case.endswith("2000") else 100_000
        path = write("producers.csv", producers_csv(100_000, districts))
        measure(f"sample-size --producers, 100,000 producers, {districts:,} districts",
                ["sample-size", "--confidence", "90%", "--error", "10%", "--producers", str(path), "--seed", "7",
                 "--json"], timeout, folder)
    elif case == "devices":
        fifo = folder / "fifo"
        if not fifo.exists():
            os.mkfifo(fifo)
        measure("economics /dev/zero", ["economics", "/dev/zero"], min(timeout, 30), folder)
        measure("economics FIFO", ["economics", str(fifo)], min(timeout, 30), folder)
    else:
        raise SystemExit(f"unknown case {case}")


CASES = ("devices", "districts", "districts-2000", "cohorts", "cohorts-10000", "uncertainty", "draws", "report",
         "report-20", "uncertainty-5000")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="*", default=list(CASES))
    parser.add_argument("--folder", default=None)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--source", default=None, help="run python -m cocoa_desktop from this folder")
    args = parser.parse_args()
    global SOURCE
    SOURCE = Path(args.source).resolve() if args.source else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.folder or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for case in args.cases:
            run(case, folder, args.timeout)


if __name__ == "__main__":
    main()
