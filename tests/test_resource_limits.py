"""Limits a real campaign never meets, enforced early (issue 18, "Resources"): behaviour, not timing.

The figures (peak memory, wall time) are printed by ``tests/benchmarks/bench_limits.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import weakref
from pathlib import Path

import numpy as np
import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.uncertainty import monte_carlo as uncertainty
from cocoa_desktop.engine.uncertainty.monte_carlo import simulate

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------------------------------------------
# Monte Carlo: cooperative by cooperative, CHUNK draws at a time


def _numbers(result: uncertainty.Uncertainty) -> list[tuple]:
    units = [*result.units.values(), result.total]
    return [(u.label, u.net_per_kg, u.net_t, u.gross_t, u.luc_t, [(c.key, c.share) for c in u.contributions])
            for u in units]


def test_the_shipped_cooperatives_give_the_numbers_they_gave_before_the_simulation_was_chunked(cooperatives,
                                                                                              promperu, monkeypatch):
    """Recorded with the code that held every cooperative's draws at once (numpy 2.4, PCG64: the stream of
    numpy's Generator is kept stable across releases), before the husk factor's model-uncertainty term existed:
    without that term the draws are the same as then."""
    monkeypatch.setattr(uncertainty.spreads, "model_terms", lambda f: {})
    result = simulate(cooperatives.surveys, promperu)
    total = result.total
    assert total.net_per_kg.point == pytest.approx(1.4165960785120513, rel=1e-12)
    assert total.net_per_kg.low == pytest.approx(0.34814014205157573, rel=1e-12)
    assert total.net_per_kg.high == pytest.approx(2.887502317742887, rel=1e-12)
    assert total.net_t.low == pytest.approx(3327.8983971575594, rel=1e-12)
    assert total.net_t.high == pytest.approx(27513.19594641677, rel=1e-12)
    assert [(c.key, round(c.share, 12)) for c in total.contributions[:3]] == [
        ("husk_left_on_soil_ch4", round(0.5169414854797464, 12)),
        ("sequestration_per_kg", round(0.22821987440737324, 12)), ("husk_ratio", round(0.08323793732946383, 12))]
    tocache = result.units["Cooperativa Agroindustrial Tocache Ltda."].net_per_kg
    assert (tocache.low, tocache.high) == pytest.approx((1.561728048418262, 5.1051712318066045), rel=1e-12)
    more = simulate(cooperatives.surveys, promperu, draws=50_000, seed=7).total.net_per_kg  # four chunks
    assert (more.low, more.high) == pytest.approx((0.3463061006247742, 2.888003753197951), rel=1e-12)


def test_the_size_of_the_chunks_changes_no_number(cooperatives, promperu, monkeypatch):
    farms = generated_surveys(30, seed=5)
    for i, s in enumerate(farms):
        s.general.organisation = f"Cooperativa {i // 10}"
        s.estimated_fields = ["general.dry_cocoa_kg", "husk.shares", "packaging", "transport.legs"]
    for surveys in (cooperatives.surveys, farms):
        whole = _numbers(simulate(surveys, promperu, draws=3000, seed=4))
        monkeypatch.setattr(uncertainty, "CHUNK", 700)  # 5 chunks, the last one shorter
        assert _numbers(simulate(surveys, promperu, draws=3000, seed=4)) == whole
        monkeypatch.setattr(uncertainty, "CHUNK", 16_384)


def test_only_one_cooperatives_draws_are_held_at_a_time(promperu, monkeypatch):
    """Memory does not grow with the number of cooperatives: the campaign's sums and the current cooperative's."""
    alive: list[weakref.ref] = []
    original = uncertainty._Accumulator.__init__

    def tracked(self, n: int) -> None:
        original(self, n)
        alive.append(weakref.ref(self))

    monkeypatch.setattr(uncertainty._Accumulator, "__init__", tracked)
    most = 0

    def progress(fraction: float, what: str = "") -> None:
        nonlocal most
        most = max(most, sum(ref() is not None for ref in alive))

    farms = generated_surveys(40, seed=3)
    for i, s in enumerate(farms):
        s.general.organisation = f"Cooperativa {i}"  # 40 cooperatives of one survey each
    result = simulate(farms, promperu, draws=500, progress=progress)
    assert len(result.units) == 40
    assert most <= 2


def test_interleaved_cooperatives_give_the_same_statistics_as_grouped_ones(promperu):
    """A file whose cooperatives' surveys are interleaved is simulated cooperative by cooperative: other draws,
    the same intervals within Monte Carlo error."""
    farms = generated_surveys(60, seed=9)
    for i, s in enumerate(farms):
        s.general.organisation = f"Cooperativa {i % 4}"
        s.estimated_fields = ["general.dry_cocoa_kg", "husk.shares", "packaging"]
    grouped = sorted(farms, key=lambda s: s.general.organisation)
    a, b = simulate(farms, promperu, seed=2), simulate(grouped, promperu, seed=2)
    assert list(a.units) == [f"Cooperativa {i}" for i in range(4)]
    for name, unit in a.units.items():
        other = b.units[name].net_per_kg
        width = unit.net_per_kg.high - unit.net_per_kg.low
        assert unit.net_per_kg.point == other.point
        assert abs(unit.net_per_kg.low - other.low) < 0.03 * width
        assert abs(unit.net_per_kg.high - other.high) < 0.03 * width


def test_more_estimated_fields_than_the_limit_are_refused_naming_it(promperu):
    """Different estimated fields × draws is bounded: 1,000 fields with 10,000 draws (the most one survey may mark,
    so a survey alone is never refused at the default), 50 with 200,000."""
    farms = generated_surveys(3, seed=1)
    for i, s in enumerate(farms):
        s.estimated_fields = [f"transport.legs.{k}" for k in range(i * 20, i * 20 + 20)] + ["packaging"]
    with pytest.raises(SurveyValidationError) as caught:
        simulate(farms, promperu, draws=200_000)  # 61 fields > 50, refused before anything is drawn
    issue = caught.value.issues[0]
    assert issue.code == "too_many_estimated_fields"
    assert "el límite es 50" in issue.message_es and "61" in issue.message_es
    assert "the limit is 50" in issue.message_en
    assert simulate(farms, promperu, draws=1000).draws == 1000  # 61 fields × 1,000 draws: within the bound
    one = farms[0].model_copy(update={"estimated_fields": [f"transport.legs.{k}" for k in range(1000)]})
    assert simulate([one], promperu, draws=uncertainty.DRAWS).draws == uncertainty.DRAWS


def test_the_kept_draws_are_still_every_draw(region, promperu):
    result = simulate([region], promperu, draws=40_000, keep_draws=True)
    assert result.total.draws.shape == (40_000,)
    assert all(np.shape(x) == (40_000,) for x in result.factor_draws.values())


# ---------------------------------------------------------------------------------------------------------------
# Sampling plan: strata looked at once each, at most MAX_STRATA


def _allocate_before(n: int, strata: dict[str, int]) -> list[int]:
    """The allocation as it was computed before (every round over every stratum): the reference."""
    import math

    total, names = sum(strata.values()), list(strata)
    n = min(max(n, len(names)), total)
    fixed: dict[str, int] = {}
    while True:
        free = [h for h in names if h not in fixed]
        left = n - sum(fixed.values())
        free_total = sum(strata[h] for h in free)
        quota = {h: left * strata[h] / free_total for h in free}
        small = [h for h in free if quota[h] < 1.0]
        full = [h for h in free if quota[h] >= strata[h]]
        if not small and not full:
            break
        fixed.update({h: 1 for h in small} | {h: strata[h] for h in full})
    counts = {h: math.floor(quota[h]) for h in free}
    for h in sorted(free, key=lambda h: (-(quota[h] - counts[h]), -strata[h], names.index(h)))[
            :left - sum(counts.values())]:
        counts[h] += 1
    counts.update(fixed)
    return [counts[h] for h in names]


def test_the_allocation_is_the_one_computed_before():
    import random

    from cocoa_desktop.engine.sampling import allocate

    rng = random.Random(11)
    for _ in range(1500):
        kind = rng.random()
        count = rng.randint(1, 80)
        if kind < 0.3:
            sizes = [rng.randint(1, 5) for _ in range(count)]
        elif kind < 0.7:
            sizes = [int(10 ** rng.uniform(0, 6)) for _ in range(count)]
        else:
            sizes = [rng.choice([1, 2, 3, 50, 1000, 2_000_000]) for _ in range(count)]
        strata = {f"D{i}": size for i, size in enumerate(sizes)}
        n = rng.randint(1, sum(sizes) + 3)
        assert [s.n for s in allocate(n, strata).strata] == _allocate_before(n, strata), (n, strata)


def test_a_list_at_the_strata_limit_draws_as_before():
    import random

    from cocoa_desktop.engine.files.producers import draw, parse_producers, strata_of
    from cocoa_desktop.engine.sampling import MAX_STRATA, allocate, sample_size

    rng = random.Random(4)
    rows = [f"P{i};Socio {i};D{rng.randrange(MAX_STRATA)}" for i in range(20_000)]
    producers = parse_producers(("codigo;nombre;distrito\n" + "\n".join(rows)).encode())
    strata = strata_of(producers)
    assert len(strata) == MAX_STRATA
    allocation = allocate(sample_size(len(producers), 0.9, 0.1).n, strata)
    found = draw(producers, allocation, seed=7)
    before = random.Random(7)  # the draw as it was: each stratum's members found by a pass over the whole list
    chosen, reserves = [], []
    for stratum in allocation.strata:
        members = [p for p in producers if p.stratum == stratum.name]
        order = before.sample(members, len(members))
        chosen += sorted(order[:stratum.n], key=lambda p: p.line)
        reserves += order[stratum.n:]
    assert (found.chosen, found.reserves) == (chosen, reserves)


def test_more_strata_than_the_limit_are_refused_naming_it_and_the_line(tmp_path, capsys):
    from cocoa_desktop.cli import main
    from cocoa_desktop.engine.sampling import MAX_STRATA, allocate

    path = tmp_path / "socios.csv"
    path.write_text("codigo;nombre;distrito\n" + "\n".join(f"P{i};Socio {i};Distrito {i}" for i in range(100_000)),
                    encoding="utf-8")
    assert main(["sample-size", "--confidence", "90%", "--error", "10%", "--producers", str(path)]) == 2
    err = capsys.readouterr().err
    assert "2001 estratos" in err and "el límite es 2 000" in err and f"línea {MAX_STRATA + 2}" in err
    assert main(["sample-size", "--confidence", "90%", "--error", "10%", "--lang", "en", "--strata",
                 *(f"S{i}=3" for i in range(MAX_STRATA + 1))]) == 2
    assert "the limit is 2,000" in capsys.readouterr().err
    with pytest.raises(SurveyValidationError) as caught:
        allocate(10, {f"S{i}": 1 for i in range(MAX_STRATA + 1)})
    assert [i.code for i in caught.value.issues] == ["too_many_strata"]
    assert len(allocate(10, {f"S{i}": 1 for i in range(MAX_STRATA)}).strata) == MAX_STRATA


# ---------------------------------------------------------------------------------------------------------------
# Economics: a stock curve of many cohorts


def _stock_changes_before(project) -> list[float]:
    """Cohort by cohort, year by year, as it was computed before (the reference)."""
    from cocoa_desktop.engine.economics.cash_flow import _stock

    seq, n = project.sequestration, project.years
    change = [0.0] * (n + 1)
    for cohort in seq.cohorts:
        age = cohort.age_years
        before = _stock(seq.stock_curve, age)
        for t in range(1, n + 1):
            age = 0 if age + 1 >= seq.renewal_age_years else age + 1
            now = _stock(seq.stock_curve, age)
            change[t] += cohort.area_ha * (now - before)
            before = now
    return change


def _stock_project(cohorts: list[dict], years: int = 40, renewal: int = 25):
    import json

    from cocoa_desktop.engine.economics.project import CarbonProject
    from cocoa_desktop.engine.files.resources import example_path

    doc = json.loads(example_path("aprocam-2024-carbon-project.json").read_text(encoding="utf-8"))["project"]
    doc["years"] = years
    for cost in doc["project_costs"]:
        if len(cost["pen_by_year"]) > 1:
            cost["pen_by_year"] += [cost["pen_by_year"][-1]] * (years + 1 - len(cost["pen_by_year"]))
    others = doc["cocoa"]["other_costs_pen_by_year"]
    others += [others[-1]] * (years + 1 - len(others))
    doc["sequestration"] = {"mode": "stock_curve", "first_year": 1, "renewal_age_years": renewal, "cohorts": cohorts,
                            "stock_curve": [[0, 0.0], [3, 12.5], [7.5, 60.0], [15, 130.0], [30, 175.0], [45, 180.0]]}
    return CarbonProject.model_validate(doc)


def test_cohorts_of_different_ages_give_exactly_the_changes_computed_before():
    from cocoa_desktop.engine.economics.cash_flow import stock_changes

    project = _stock_project([{"area_ha": 0.5 + 0.37 * i, "age_years": (i * 7) % 50} for i in range(50)])
    assert stock_changes(project) == _stock_changes_before(project)


def test_thousands_of_cohorts_give_the_changes_of_their_ages_summed():
    from cocoa_desktop.engine.economics.cash_flow import credits_by_year, stock_changes

    cohorts = [{"area_ha": 0.25 + (i % 13) * 0.5, "age_years": i % 61} for i in range(3000)]
    project = _stock_project(cohorts, years=60)
    assert stock_changes(project) == pytest.approx(_stock_changes_before(project), rel=1e-12, abs=1e-9)
    summed: dict[int, float] = {}
    for c in cohorts:
        summed[c["age_years"]] = summed.get(c["age_years"], 0.0) + c["area_ha"]
    few = _stock_project([{"area_ha": a, "age_years": age} for age, a in summed.items()], years=60)
    assert credits_by_year(project) == pytest.approx(credits_by_year(few), rel=1e-12, abs=1e-9)


# ---------------------------------------------------------------------------------------------------------------
# The buyers' report: a large campaign summarised, charts light


def _campaign_of(cooperatives, n: int) -> list:
    surveys = []
    for i in range(n):
        s = cooperatives.surveys[i % len(cooperatives.surveys)].model_copy(deep=True)
        s.id = f"coop-{i:04d}"
        s.general.organisation = f"Cooperativa {i:04d}"
        surveys.append(s)
    return surveys


def test_a_campaign_of_more_cooperatives_than_the_limit_is_summarised_one_row_each(cooperatives, promperu):
    from cocoa_desktop.engine.footprint.campaign import campaign_table
    from cocoa_desktop.gui.report.html import MAX_DETAILED_UNITS, UnitReport, document

    for n, detailed in ((MAX_DETAILED_UNITS, True), (MAX_DETAILED_UNITS + 1, False)):
        table = campaign_table(_campaign_of(cooperatives, n), promperu, "Campaña")
        units = [UnitReport(row.footprint, interval=(0.5, 2.0), chart_ids=(f"chart://u{i}/stages",))
                 for i, row in enumerate(table.rows)]
        html = document("Huella", "Campaña", units, UnitReport(table.total), promperu, "es")
        assert html.count("Emisiones por etapa") == (n + 1 if detailed else 1)  # the total's section alone
        assert ("chart://u0/stages" in html) is detailed
        assert ("el informe las resume en esta tabla" in html) is not detailed
        assert all(f"Cooperativa {i:04d}" in html for i in range(n))
        if not detailed:
            assert f"La campaña tiene {n} cooperativas: más de {MAX_DETAILED_UNITS}" in html
            assert html.count("0,50 – 2,00") == n  # each cooperative's interval on its row


def test_the_report_of_a_large_campaign_paints_only_the_totals_charts_in_a_palette(qapp, cooperatives, promperu,
                                                                                     tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from cocoa_desktop.gui.report import pdf as report_pdf
    from cocoa_desktop.gui.report.html import MAX_DETAILED_UNITS

    painted: list[QImage] = []
    original = report_pdf.paint_bars
    monkeypatch.setattr(report_pdf, "paint_bars", lambda *a, **k: painted.append(original(*a, **k)) or painted[-1])
    surveys = _campaign_of(cooperatives, MAX_DETAILED_UNITS + 5)
    path = report_pdf.write_report(surveys, tmp_path / "campaign.pdf", promperu, title="Campaña", draws=200)
    assert path.read_bytes().startswith(b"%PDF-")
    assert len(painted) == 2  # the total's two charts; none per cooperative
    assert all(image.format() == QImage.Format.Format_Indexed8 for image in painted)
    colours = {painted[1].pixel(x, y) for x in range(0, painted[1].width(), 4) for y in range(painted[1].height())}
    assert report_pdf.BROWN.rgb() in colours and report_pdf.GREEN.rgb() in colours  # the bars' colours, exactly


# ---------------------------------------------------------------------------------------------------------------
# Files named by the user: only regular files of bounded size, refused before they are read


def _cli(*args: str, data: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command as a user runs it, in its own process: a reader that hangs is killed by the timeout (and fails)."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/tmp", "QT_QPA_PLATFORM": "offscreen",
           "COCOA_DESKTOP_DATA_DIR": str(data or "/nonexistent")}
    return subprocess.run([sys.executable, "-m", "cocoa_desktop", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)


def _commands(target: str, tmp: Path) -> list[tuple[str, ...]]:
    return [("compute", target), ("compute", target, "--uncertainty"), ("report", target, "-o", str(tmp / "r.pdf")),
            ("export-xlsx", target, "-o", str(tmp / "x.xlsx")), ("import-xlsx", target, "-o", str(tmp / "x.json")),
            ("recommend", target), ("scenario", target, "--set", "husk.composted=1"), ("economics", target),
            ("sample-size", "--confidence", "90%", "--error", "10%", "--producers", target),
            ("package", "import", target)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_fifo_or_a_device_is_refused_at_once_by_every_command_that_reads_a_file(tmp_path, kind):
    target = "/dev/zero"
    if kind == "fifo":
        target = str(tmp_path / "tuberia")
        os.mkfifo(target)  # reading it would wait for a writer for ever
    for args in _commands(target, tmp_path):
        done = _cli(*args, data=tmp_path / "data")
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr
        assert "tubería" in done.stderr or "dispositivo" in done.stderr, (args, done.stderr)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize(("args", "limit"), [
    (("economics",), "el límite es 10 MB"),
    (("sample-size", "--confidence", "90%", "--error", "10%", "--producers"), "el límite es 20 MB"),
    (("compute",), "el límite es 200 MB"),
    (("import-xlsx",), "el límite es 300 MB"),
])
def test_a_file_larger_than_its_limit_is_refused_before_it_is_read_naming_the_limit(tmp_path, args, limit):
    big = tmp_path / "grande.json"
    with big.open("wb") as handle:  # sparse: nothing is written to the disk
        handle.truncate(301 * 2**20)
    command = [*args, str(big)] + (["-o", str(tmp_path / "x.json")] if args[0] == "import-xlsx" else [])
    done = _cli(*command)
    assert done.returncode == 2 and limit in done.stderr, done.stderr


def test_an_archive_of_countless_parts_is_refused_from_its_end_record(tmp_path):
    """zipfile builds an object for every entry before anything is checked: a 100 MB workbook of empty parts took
    740 MB. The end record says how many there are."""
    import zipfile

    from cocoa_desktop.storage.packages import MAX_ENTRIES, read_package
    from cocoa_desktop.workbook.file_checks import MAX_PARTS, check_file

    book, package = tmp_path / "libro.xlsx", tmp_path / "p.cacao.zip"
    with zipfile.ZipFile(book, "w") as archive:
        for i in range(MAX_PARTS + 1):
            archive.writestr(f"xl/{i}.xml", b"")
    with pytest.raises(SurveyValidationError) as caught:
        check_file(book)
    assert f"{MAX_PARTS + 1} partes; el límite es 10 000" in caught.value.issues[0].message_es
    with zipfile.ZipFile(package, "w") as archive:
        for i in range(MAX_ENTRIES + 1):
            archive.writestr(f"campaigns/{i}.json", b"{}")
    with pytest.raises(SurveyValidationError) as caught:
        read_package(package)
    assert caught.value.issues[0].message_en == f"the package holds {MAX_ENTRIES + 1} entries; the limit is 1,000"
    with zipfile.ZipFile(package, "w") as archive:  # few entries, but an index no real package needs
        for i in range(900):
            archive.writestr("campaigns/" + "x" * 1200 + f"{i}.json", b"{}")
    with pytest.raises(SurveyValidationError) as caught:
        read_package(package)
    assert "más del que necesitan 1 000 partes" in caught.value.issues[0].message_es


def test_a_workbook_naming_a_part_twice_is_refused_naming_it(tmp_path):
    """The part named twice was found by counting every name for each name (minutes for 300,000 parts)."""
    import warnings
    import zipfile

    from cocoa_desktop.workbook.file_checks import MAX_PARTS, check_file

    book = tmp_path / "libro.xlsx"
    with warnings.catch_warnings(), zipfile.ZipFile(book, "w") as archive:
        warnings.simplefilter("ignore")  # "Duplicate name"
        for i in range(MAX_PARTS - 1):
            archive.writestr(f"xl/{i}.xml", b"")
        archive.writestr(f"xl/{MAX_PARTS - 2}.xml", b"")
    with pytest.raises(SurveyValidationError) as caught:
        check_file(book)
    assert f"«xl/{MAX_PARTS - 2}.xml» aparece dos veces" in caught.value.issues[0].message_es
