"""Benchmark: the buyers' PDF of a large campaign, as a user makes it (prints figures, asserts nothing).

    python tests/benchmarks/bench_report_memory.py [FARMS …] [--source DIR] [--folder DIR] [--text]

For each size (default 2,200 and 22,000 farm surveys in 10 cooperatives, ``bench_rollup.make_farms``) it writes the
campaign file once and runs the installed console script ``cocoa-desktop report FILE -o r.pdf`` as its own process
under ``/usr/bin/time -v``, printing the wall time and the peak resident memory (issue 20 point 5: ≤ 20 s and
≤ 300 MB at 22,000 farms). ``--source DIR`` also runs ``python -m cocoa_desktop`` from another copy of the code
(e.g. ``git archive HEAD~3 cocoa_desktop resources | tar -x -C DIR``), alternating with the installed one, one run
each per size; with ``--text`` the two PDFs' ``pdftotext -layout`` texts are compared (the date line aside, they
must be the same). ``--folder DIR`` keeps the campaign files and PDFs there (and reuses the files).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = Path(sys.executable).parent / "cocoa-desktop"


def campaign_file(farms: int, folder: Path) -> Path:
    """A campaign of ``farms`` farm surveys in 10 cooperatives, as the app writes it (kept when it exists)."""
    path = folder / f"campaign-{farms}.json"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from bench_rollup import make_farms

        from cocoa_desktop.engine.files import survey_io
        from cocoa_desktop.engine.model.survey import Campaign

        survey_io.write(Campaign(name=f"Campaña de {farms} fincas", year=2024, surveys=make_farms(farms)), path)
    return path


def run_report(path: Path, pdf: Path, folder: Path, source: Path | None = None) -> tuple[float, float, int, str]:
    """``report path -o pdf`` in a fresh process: (wall s, peak RSS MB, exit code, last line of stderr)."""
    timing = folder / "time.txt"
    env = {**os.environ, "COCOA_DESKTOP_DATA_DIR": str(folder / "data"), "QT_QPA_PLATFORM": "offscreen"}
    command = [str(SCRIPT)]
    if source is not None:
        command = [sys.executable, "-m", "cocoa_desktop"]
        env["PYTHONPATH"] = str(source)
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", "-o", str(timing), *command, "report", str(path), "-o", str(pdf)],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
                          cwd=source or folder)  # python -m puts the working folder first on the path
    wall = time.perf_counter() - start
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing.read_text())
    peak = int(found.group(1)) / 1024 if found else float("nan")
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return wall, peak, done.returncode, lines[-1][:100] if lines and done.returncode else ""


def pdf_text(pdf: Path) -> list[str]:
    """The PDF's text laid out, without the line that carries today's date."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [line for line in text.splitlines() if not re.search(r"\d{4}-\d{2}-\d{2}", line)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("farms", nargs="*", type=int, default=[2_200, 22_000])
    parser.add_argument("--source", default=None, help="also run python -m cocoa_desktop from this folder")
    parser.add_argument("--folder", default=None)
    parser.add_argument("--text", action="store_true", help="compare the two PDFs' texts (with --source)")
    args = parser.parse_args()
    source = Path(args.source).resolve() if args.source else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.folder or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for farms in args.farms:
            path = campaign_file(farms, folder)
            runs = [("before", source), ("now", None)] if source is not None else [("now", None)]
            pdfs = {}
            for name, where in runs:
                pdf = folder / f"report-{farms}-{name}.pdf"
                wall, peak, code, last = run_report(path, pdf, folder, where)
                pdfs[name] = pdf
                print(f"report, {farms:>7,} farms ({name:<6}) wall {wall:6.1f} s   peak {peak:6.0f} MB   exit {code}"
                      + (f"   ({last})" if last else ""), flush=True)
            if args.text and len(pdfs) == 2 and all(p.exists() for p in pdfs.values()):
                before, now = pdf_text(pdfs["before"]), pdf_text(pdfs["now"])
                same = "the same" if before == now else "DIFFERENT"
                print(f"{'':<26} pdftotext: {same} ({len(now)} lines)", flush=True)


if __name__ == "__main__":
    main()
