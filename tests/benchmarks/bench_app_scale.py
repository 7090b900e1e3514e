"""Benchmark: the desktop app with a regional data folder — 20,000 farm surveys in 10 cooperatives and 2 campaigns
(issue 22). Prints figures, asserts nothing.

- **start-up ratio**: the whole ``cocoa-desktop`` process (window shown, data folder open, commands enabled, tree
  filled, then quit: ``COCOA_DESKTOP_SMOKE_TEST``) on the 20,000-survey folder against the same on an empty folder,
  in interleaved runs; the median of the pairwise ratios (aim ≤ 1.5×);
- **key-event latencies** p50/p95 (aim ≤ 50 ms at p95), each a real key event sent with ``QTest.keyClick`` and
  timed until the events it posted are processed: arrow keys in the survey tree (also while the footprints are
  being computed), selecting a campaign (Home) and the last survey (End), opening a survey (Enter), Siguiente in
  the wizard (Enter in a field), saving a page (a field changed, then Enter), closing the survey;
- **footprints** of all surveys computed off the GUI thread: time until the tree shows them, progress reports; then
  when the campaign view's terms, worked out after them (gui/main/campaign_terms.py), are all known;
- **campaign view** (once those terms are known, as when a technician opens it after the first minute) and a
  **scenario** over one campaign of 10,000 farms (aim ≤ 2 s each);
- **package export and import** of the 20,000 surveys (aim ≤ 5 s each);
- **memory**: the app's resident set with the folder open and the footprints shown, and its peak (aim ≤ 400 MB).

The GUI figures come from a child process (``--gui FOLDER``) that imports only what the app imports, so its memory
is the app's. Run from the project root: ``python tests/benchmarks/bench_app_scale.py [SURVEYS] [RUNS]``
(defaults 20000 and 5). ``COCOA_BENCH_FOLDER=DIR`` keeps the generated folder there for the next run.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMAND = [str(Path(sys.executable).parent / "cocoa-desktop")]
COOPERATIVES = 10
WIZARD_SURVEYS = 3  # surveys opened, walked page by page with Siguiente, and closed
CAMPAIGNS = (("Campaña 2023", 2023), ("Campaña 2024", 2024))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(values: list[float]) -> str:
    return (f"p50 {statistics.median(values) * 1e3:6.1f} ms, p95 {percentile(values, 0.95) * 1e3:6.1f} ms, "
            f"max {max(values) * 1e3:6.1f} ms (n={len(values)})")


def rss_mb() -> tuple[float, float]:
    """(resident now, peak resident), in MB, of this process."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


# ---- the data folder ----
def build_folder(folder: Path, surveys: int) -> None:
    """``surveys`` valid farm surveys, half in each campaign, spread over ten cooperatives; stored through the
    repository in one transaction per campaign (as an import would, without the package)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import generated_surveys

    from cocoa_desktop.storage.database import transaction
    from cocoa_desktop.storage.documents import new_id
    from cocoa_desktop.storage.startup import open_storage

    base = [s.model_dump(mode="json") for s in generated_surveys(min(surveys, 2000), seed=22)]
    per_campaign = surveys // len(CAMPAIGNS)
    start = time.perf_counter()
    with open_storage(folder) as storage:
        repo = storage.repo
        for name, year in CAMPAIGNS:
            with transaction(repo.conn):
                campaign_id = repo._campaign_id(name, year)
                for i in range(per_campaign):
                    doc = json.loads(json.dumps(base[i % len(base)]))
                    doc["id"] = new_id()
                    doc["unit"] = "farm"
                    doc["general"].update(organisation=f"Cooperativa {i % COOPERATIVES + 1:02d}",
                                          farm_name=f"Finca {i + 1:05d}", campaign_year=year)
                    repo._insert(doc, campaign_id, completed=True)
        try:  # each survey's stamp, as the app's saves and imports write it (schema 7); none before issue 22
            from cocoa_desktop.storage.stamps import stamp_all
        except ImportError:
            stamp_all = None
        if stamp_all is not None:
            stamping = time.perf_counter()
            print(f"surveys stamped as valid: {stamp_all(repo)} in {time.perf_counter() - stamping:.1f} s")
    size = (folder / "cocoa-desktop.sqlite3").stat().st_size / 2**20
    print(f"data folder: {surveys} surveys stored in {time.perf_counter() - start:.1f} s ({size:.0f} MiB)")


# ---- start-up, whole process ----
def whole(env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(COMMAND, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or "Traceback" in done.stderr:  # Qt's offscreen plugin warns on stderr
        raise SystemExit(f"cocoa-desktop failed ({done.returncode}): {done.stderr[-1000:]}")
    return time.perf_counter() - start


def startup_ratio(folder: Path, runs: int) -> None:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen"),
                COCOA_DESKTOP_SMOKE_TEST="1")
    empty = {**base, "COCOA_DESKTOP_DATA_DIR": tempfile.mkdtemp(prefix="cocoa-empty-")}
    full = {**base, "COCOA_DESKTOP_DATA_DIR": str(folder)}
    whole(empty)  # the first runs create the empty database and write the bytecode caches
    whole(full)
    empties, fulls = [], []
    for _ in range(runs):  # interleaved, so that machine load affects both alike
        empties.append(whole(empty))
        fulls.append(whole(full))
    ratio = statistics.median(f / e for f, e in zip(fulls, empties, strict=True))
    print(f"start-up, whole process (window, data open, tree filled, quit): empty folder median "
          f"{statistics.median(empties) * 1e3:.0f} ms, the large folder {statistics.median(fulls) * 1e3:.0f} ms: "
          f"median ratio {ratio:.2f}× (aim ≤ 1.5×; {runs} interleaved runs)")


# ---- storage: package export and import ----
def packages(folder: Path) -> None:
    from cocoa_desktop.storage import sync
    from cocoa_desktop.storage.startup import open_storage

    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "todo.cacao.zip"
        with open_storage(folder) as storage:
            ticks: list[float] = []
            start = time.perf_counter()
            manifest, _ = sync.export_package(storage.repo, package, progress=ticks.append)
            exported = time.perf_counter() - start
        ticks_in: list[float] = []
        with open_storage(Path(tmp) / "office") as office:
            start = time.perf_counter()
            report = sync.import_campaigns(office.repo, sync.read_incoming(package), str(package),
                                           progress=ticks_in.append)
            imported = time.perf_counter() - start
            start = time.perf_counter()
            again = sync.import_campaigns(office.repo, sync.read_incoming(package), str(package))
            twice = time.perf_counter() - start
        print(f"package export of {manifest['surveys']} surveys: {exported:.2f} s ({len(ticks)} progress reports, "
              f"{package.stat().st_size / 2**20:.1f} MiB) (aim ≤ 5 s)")
        print(f"package import into an empty folder: {imported:.2f} s ({report.added} added, {len(ticks_in)} progress "
              f"reports); the same package again: {twice:.2f} s ({again.identical} identical) (aim ≤ 5 s)")


# ---- the GUI, in a child process ----
def gui(folder: Path) -> None:
    """Runs in the child: the app's window on the folder, real key events, timed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWizard

    from cocoa_desktop.gui import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, "es")
    from cocoa_desktop.gui.main.window import MainWindow
    from cocoa_desktop.storage.startup import open_storage

    figures: dict[str, list[float]] = {}

    def key(widget, which, label: str, modifier=Qt.KeyboardModifier.NoModifier) -> float:
        start = time.perf_counter()
        QTest.keyClick(widget, which, modifier)
        app.processEvents()
        took = time.perf_counter() - start
        figures.setdefault(label, []).append(took)
        return took

    def wait_for(condition, timeout: float = 300.0) -> float:
        start = time.perf_counter()
        while not condition():
            if time.perf_counter() - start > timeout:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.002)
        return time.perf_counter() - start

    start = time.perf_counter()
    try:  # as the app opens it: a large folder is checked just after, in a worker thread
        storage = open_storage(folder, defer_checks=True)
    except TypeError:  # before issue 22: checked first
        storage = open_storage(folder)
    opened = time.perf_counter() - start
    window = MainWindow(storage, "es")
    window.show()
    if getattr(storage, "checks_pending", False):
        from cocoa_desktop.gui.app import check_later

        check_later(type("Windows", (), {"current": window})(), storage)
    QTest.qWaitForWindowExposed(window)
    shown = time.perf_counter() - start
    tree = window.tree
    print(f"in process: data folder opened {opened * 1e3:.0f} ms, window with the tree filled "
          f"{shown * 1e3:.0f} ms")
    # the footprints: computed off the GUI thread while the arrow keys walk the tree
    progress: list[int] = []
    app.processEvents()
    wait_for(lambda: window.footprint_job is not None, 5)
    job = window.footprint_job
    job.progress.connect(lambda value, _: progress.append(value))
    computing = time.perf_counter()
    tree.setFocus()
    while not job.finished and len(figures.get("arrow key while computing", [])) < 400:
        key(tree, Qt.Key.Key_Down, "arrow key while computing")
        time.sleep(0.01)
    wait_for(lambda: job.finished)
    app.processEvents()
    computed = time.perf_counter() - computing
    terms_job, terms_at = window.terms_job, []  # the campaign view's terms, worked out after a large computation
    if terms_job is not None:
        terms_job.done.connect(lambda _: terms_at.append(time.perf_counter() - computing))
    coops = [item for k, item in tree.rows.items() if k[0] == "cooperative"]
    for coop in coops[:4]:  # a cooperative opened with →: its surveys are shown (read then, in a large folder)
        tree.setCurrentItem(coop)
        tree.collapseItem(coop)
        key(tree, Qt.Key.Key_Right, "opening a cooperative (→)")
    first_leaf = coops[0].child(0)
    shown_value = first_leaf.text(2)
    now, peak = rss_mb()
    print(f"footprints of every survey off the GUI thread: {computed:.2f} s until shown in the tree "
          f"({len(progress)} progress reports; first survey shows {shown_value!r})")
    print(f"memory with the folder open and the footprints shown: RSS {now:.0f} MB, peak {peak:.0f} MB "
          f"(aim ≤ 400 MB)")
    # arrow keys
    tree.setCurrentItem(first_leaf)
    for _ in range(200):
        key(tree, Qt.Key.Key_Down, "arrow key (Down)")
    for _ in range(100):
        key(tree, Qt.Key.Key_Up, "arrow key (Up)")
    for _ in range(20):
        key(tree, Qt.Key.Key_End, "End (last survey)")
        key(tree, Qt.Key.Key_Home, "selecting a campaign (Home)")
    # the wizard: open, Siguiente through the pages, a changed field saved, close
    from cocoa_desktop.gui.wizard.page import SectionPage

    ids = [k[1] for k in tree.rows if k[0] == "survey"]
    for n in range(WIZARD_SURVEYS):
        tree.setCurrentItem(tree.rows[("survey", ids[n * 997 % len(ids)])])  # rows are rebuilt: found by id
        key(tree, Qt.Key.Key_Return, "opening a survey (Enter)")
        wizard = window.wizard
        QTest.qWaitForWindowExposed(wizard)
        app.processEvents()
        farm = wizard.currentPage().findChild(object, "general.farm_name")
        farm.setFocus()
        QTest.keyClicks(farm, " b")  # a real change: the page is saved with a history row
        key(farm, Qt.Key.Key_Return, "saving a page (changed field, Enter)")
        for _ in range(16):
            page = wizard.currentPage()
            if not isinstance(page, SectionPage):
                break
            before = wizard.currentId()
            key(app.focusWidget() or wizard, Qt.Key.Key_Return, "Siguiente (Enter, or Space on the button)")
            if wizard.currentId() == before:  # a warning to confirm, or a table's cell took the Enter
                button = wizard.button(QWizard.WizardButton.NextButton)
                button.setFocus()
                key(button, Qt.Key.Key_Space, "Siguiente (Enter, or Space on the button)")
        start = time.perf_counter()
        wizard.close_without_asking()
        app.processEvents()
        figures.setdefault("closing the survey", []).append(time.perf_counter() - start)
    for label, values in figures.items():
        print(f"  {label:<40} {ms(values)}")
    print("memory after the keys and the wizard: RSS {:.0f} MB, peak {:.0f} MB".format(*rss_mb()))
    # the campaign view and a scenario over one campaign
    from cocoa_desktop.gui.campaign.view import CampaignView
    from cocoa_desktop.gui.decisions.scenario_editor import ScenarioEditor

    campaign = CAMPAIGNS[1][0]
    if terms_job is not None:
        wait_for(lambda: terms_job.finished)
        app.processEvents()
        print(f"the campaign view's terms of every survey, worked out after the footprints (giving way to the wizard): "
              f"done {terms_at[0] if terms_at else float('nan'):.2f} s after the footprints' job started")
    start = time.perf_counter()
    view = CampaignView(storage, campaign, window.factors(), "es")
    view.show()
    app.processEvents()
    view_s = time.perf_counter() - start
    table = "with its table" if view.table.rowCount() else "its table not yet read"
    planned = wait_for(lambda: getattr(view, "summary", 0) is not None)  # the surveys read off the GUI thread
    waited = planned + wait_for(lambda: view.uncertainty is not None)
    print(f"campaign view of {len(view.surveys)} surveys: {view_s:.2f} s until shown, {table} (aim ≤ 2 s); its "
          f"recommendations {planned:.2f} s and its 90 % intervals {waited:.2f} s later, off the GUI thread")
    start = time.perf_counter()
    view.years.setCurrentIndex(view.years.findData(CAMPAIGNS[0][0]))  # year over year: the other campaign read
    held = time.perf_counter() - start
    compared = held + wait_for(lambda: view.changes.rowCount() > 0)
    print(f"  year over year against {CAMPAIGNS[0][0]}: the GUI thread held {held * 1e3:.0f} ms, the comparison "
          f"shown {compared:.2f} s later (the other campaign read off the GUI thread)")
    view.close()
    print("memory after the campaign view: RSS {:.0f} MB, peak {:.0f} MB".format(*rss_mb()))
    start = time.perf_counter()
    editor = ScenarioEditor(storage, campaign, window.factors(), "es")
    editor.show()
    app.processEvents()
    opened_s = time.perf_counter() - start
    editor.percent["scenario.husk_composted"].setText("50")
    start = time.perf_counter()
    editor.compute()
    wait_for(lambda: editor.result is not None)
    scenario_s = time.perf_counter() - start
    print(f"scenario (husk composted 50 %) over {editor.result.before.total.surveys} surveys: editor opened "
          f"{opened_s:.2f} s, computed {scenario_s:.2f} s (aim ≤ 2 s each)")
    editor.close()
    now, peak = rss_mb()
    print(f"memory at the end: RSS {now:.0f} MB, peak {peak:.0f} MB")
    window.close()
    storage.close()


def main(surveys: int = 20_000, runs: int = 5) -> None:
    kept = os.environ.get("COCOA_BENCH_FOLDER")
    folder = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="cocoa-scale-"))
    if not (folder / "cocoa-desktop.sqlite3").exists():
        build_folder(folder, surveys)
    work = Path(tempfile.mkdtemp(prefix="cocoa-scale-run-")) / "datos"  # every run starts from the same data
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("*.lock", "backups"))
    folder = work
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONUNBUFFERED"] = "1"
    sys.stdout.reconfigure(line_buffering=True)
    startup_ratio(folder, runs)
    subprocess.run([sys.executable, __file__, "--gui", str(folder)], env=env, check=True, timeout=1800)
    packages(folder)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--gui":
        gui(Path(sys.argv[2]))
    else:
        main(*(int(a) for a in sys.argv[1:3]))
