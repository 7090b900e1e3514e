"""``compute FILE`` over several processes (cli/compute_parts.py, issue 22) prints byte for byte what one process
prints — the figures, the husk-factor check, the warnings on stderr in file order, every refusal's message and exit
code — on generated campaigns touching every kind of survey, under both factor sets, as a table (es, en) and as JSON;
a child killed or failing mid-way has its share computed by the parent; and the sums added part by part, column by
column, are the very floats of the sums added survey by survey (floating sums depend on their order)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import generated_surveys

from cocoa_desktop.cli import compute_parts
from cocoa_desktop.cli.app import main
from cocoa_desktop.engine.files import campaign_parts, fast_campaign, survey_io
from cocoa_desktop.engine.footprint import husk_model
from cocoa_desktop.engine.footprint.compute import annual_values
from cocoa_desktop.engine.footprint.factors import available_factor_sets, factors_for
from cocoa_desktop.engine.footprint.husk_model import HuskCheckSums, husk_model_check
from cocoa_desktop.engine.footprint.rollup import Rollup
from cocoa_desktop.engine.footprint.stages import husk as husk_stage
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.survey import Campaign, Survey

FACTOR_SETS = available_factor_sets()


def _surveys(n: int, seed: int) -> list[Survey]:
    """Generated farms and cooperatives, some with estimated fields, some whose values warn (a low yield)."""
    surveys = generated_surveys(n, seed=seed)
    for index, survey in enumerate(surveys[::5]):
        survey.estimated_fields = ["general.dry_cocoa_kg", "husk.shares"][: 1 + index % 2]
    for survey in surveys[3::17]:
        survey.general.productive_area_ha = survey.general.production_kg  # 1 kg/ha: a warning
    return surveys


@pytest.fixture(scope="module")
def campaign_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parts") / "campaign.json"
    survey_io.write(Campaign(name="Campaña generada", year=2024, surveys=_surveys(240, seed=22)), path)
    assert fast_campaign.campaign(path.read_bytes()) is not None  # the bulk reader's file: parts can be made
    return path


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether each ``compute`` was done over several processes (True) or by one process (False)."""
    found: list[bool] = []
    real = compute_parts.computed

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        found.append(result is not None)
        return result

    monkeypatch.setattr(compute_parts, "computed", spy)
    yield found


def _run(words: list[str], processes: int, capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setenv(compute_parts.ENV, str(processes))
    code = main(words)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("factor_set", FACTOR_SETS)
@pytest.mark.parametrize(("lang", "as_json"), [("es", False), ("en", False), ("es", True)])
def test_several_processes_print_what_one_prints(campaign_file: Path, factor_set: str, lang: str, as_json: bool,
                                                 capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                                 spied: list[bool]) -> None:
    words = ["compute", str(campaign_file), "--factor-set", factor_set, "--lang", lang] + (["--json"] * as_json)
    one = _run(words, 1, capsys, monkeypatch)
    assert one[0] == 0 and one[1] and one[2].count("\n") >= 10  # figures, and warnings on stderr
    for processes in (2, 3):
        assert _run(words, processes, capsys, monkeypatch) == one, processes
    assert spied == [False, True, True]


def _hook(kind: str, marks: Path) -> Callable[[int, int], None]:
    """This process slowed down, so that the children take most shares; the first child killed at its second
    share (one it computed never sent), or the last one failing on each share it takes; a mark file for each."""
    taken: list[int] = []

    def hook(number: int, index: int) -> None:
        if number == 0:
            time.sleep(0.02)
            return
        taken.append(index)
        if kind == "kill" and number == 1 and len(taken) == 2:
            (marks / f"killed-{index}").touch()
            os.kill(os.getpid(), signal.SIGKILL)
        if kind == "raise" and number == 2:
            (marks / f"failed-{index}").touch()
            raise RuntimeError("a child's own failure")

    return hook


@pytest.mark.parametrize("kind", ["kill", "raise"])
def test_a_child_killed_or_failing_has_its_shares_computed_here(tmp_path: Path, campaign_file: Path, kind: str,
                                                                capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                spied: list[bool]) -> None:
    words = ["compute", str(campaign_file), "--json"]
    one = _run(words, 1, capsys, monkeypatch)
    monkeypatch.setattr(compute_parts, "child_hook", _hook(kind, tmp_path))
    assert _run(words, 3, capsys, monkeypatch) == one
    assert spied == [False, True]
    assert list(tmp_path.glob("killed-*" if kind == "kill" else "failed-*"))  # it happened, mid-way


REFUSALS = {
    "key given twice": lambda line: line.replace(b'{"id":', b'{"id":"x","id":', 1),
    "NaN": lambda line: line.replace(b'"productive_area_ha":', b'"productive_area_ha":NaN,"x":', 1),
    "out of range": lambda line: line.replace(b'"campaign_year":2024', b'"campaign_year":1700', 1),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_a_line_refused_in_the_second_share_gives_todays_message(tmp_path: Path, campaign_file: Path, refusal: str,
                                                                 capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 spied: list[bool]) -> None:
    lines = campaign_file.read_bytes().split(b"\n")
    at = len(lines) * 3 // 4  # in the second of two shares
    lines[at] = REFUSALS[refusal](lines[at])
    path = tmp_path / "refused.json"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(SurveyValidationError) as refused:
        survey_io.strict_loads(path.read_bytes(), source=str(path))
    for lang in ("es", "en"):
        words = ["compute", str(path), "--lang", lang]
        one = _run(words, 1, capsys, monkeypatch)
        assert one == (2, "", refused.value.summary(lang) + "\n")
        assert _run(words, 2, capsys, monkeypatch) == one
    assert spied == [False, False] * 2
    part = campaign_parts.layout(path.read_bytes())
    assert part is not None and len(campaign_parts.shares(path.read_bytes(), part, 2)) == 2


def test_an_id_twice_across_shares_gives_todays_message(tmp_path: Path, campaign_file: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    lines = campaign_file.read_bytes().split(b"\n")
    first, last = lines[1], lines[-3]  # the first survey's line, and one in the last share
    lines[-3] = first[:first.index(b",") + 1] + last[last.index(b",") + 1:]  # the first survey's id
    path = tmp_path / "twice.json"
    path.write_bytes(b"\n".join(lines))
    one = _run(["compute", str(path)], 1, capsys, monkeypatch)
    assert one[0] == 2 and "dos veces" in one[2]
    assert _run(["compute", str(path)], 3, capsys, monkeypatch) == one


def test_one_survey_and_a_small_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch, spied: list[bool]) -> None:
    path = tmp_path / "one.json"
    survey_io.write(Campaign(name="Una", year=2024, surveys=_surveys(1, seed=3)), path)
    one = _run(["compute", str(path), "--json"], 1, capsys, monkeypatch)
    assert one[0] == 0 and '"total"' in one[1]
    assert _run(["compute", str(path), "--json"], 3, capsys, monkeypatch) == one
    monkeypatch.delenv(compute_parts.ENV)
    assert main(["compute", str(path), "--json"]) == 0 and capsys.readouterr().out == one[1]
    assert compute_parts.processes(path.stat().st_size) == 1  # a small campaign: one process, unless forced
    assert spied == [False, False, False]  # one share only: nothing to fork


def _todays_husk_add(sums: HuskCheckSums, survey: Survey, v: tuple[float, ...]) -> None:
    """HuskCheckSums.add as it was before its terms were computed apart (the reference)."""
    sums.count += 1
    if not sums.applies:
        return
    p = survey.general.production_kg
    get = survey.husk.shares.get
    soil, heaped, other = husk_model.ROTTING
    sums.production += p
    sums.rotting += p * sum((get(soil, 0.0), get(heaped, 0.0), get(other, 0.0)))
    others, sequestered = v[1:6], v[6]
    shares = husk_model._composted_shares(survey)
    for i, f in enumerate(sums.factor_sets):
        husk = v[0] if i == 0 else husk_stage.emissions(survey, p, f)
        net = sum((husk, *others)) - sequestered
        sums.now[i] += net
        if shares is not None:
            net = sum((husk_stage.emissions(survey, p, f, shares=shares), *others)) - sequestered
        sums.composted[i] += net


@pytest.mark.parametrize("factor_set", FACTOR_SETS)
def test_terms_added_in_order_are_todays_sums_to_the_bit(factor_set: str) -> None:
    f = factors_for(factor_set, None)
    for seed in (1, 2, 3):
        surveys = _surveys(300, seed=seed)
        values = [annual_values(s, f, set()) for s in surveys]
        today, by_terms, by_columns = HuskCheckSums(f), HuskCheckSums(f), HuskCheckSums(f)
        for survey, v in zip(surveys, values, strict=True):
            _todays_husk_add(today, survey, v)
            by_terms.add(survey, v)
        terms = [by_columns.terms(s, v) for s, v in zip(surveys, values, strict=True)]
        for start in range(0, len(terms), 120):  # parts of 120 surveys, in order
            chunk = terms[start:start + 120]
            columns = None if chunk[0] is None else [list(c) for c in zip(*chunk, strict=True)]  # type: ignore[misc]
            by_columns.add_columns(len(chunk), columns)
        for sums in (by_terms, by_columns):
            assert (sums.count, sums.production, sums.rotting, sums.now, sums.composted) == (
                today.count, today.production, today.rotting, today.now, today.composted)
        assert husk_model_check(surveys, f, values) == today.result()
        assert today.result() is None or today.production > 0


def test_columns_added_in_order_are_the_sums_of_add_values(promperu: Any) -> None:
    surveys = _surveys(300, seed=5)
    values = [annual_values(s, promperu, set()) for s in surveys]
    one, columns = Rollup(promperu), Rollup(promperu)
    for survey, v in zip(surveys, values, strict=True):
        g = survey.general
        one.cooperative(g.organisation).add_values(v, g.production_kg, g.productive_area_ha, g.producers)
    for start in range(0, len(surveys), 70):
        by_name: dict[str, list[int]] = {}
        for index in range(start, min(start + 70, len(surveys))):
            by_name.setdefault(surveys[index].general.organisation, []).append(index)
        for name, indices in by_name.items():
            rows = [(*values[i], surveys[i].general.production_kg, surveys[i].general.productive_area_ha)
                    for i in indices]
            columns.cooperative(name).add_columns([list(c) for c in zip(*rows, strict=True)],
                                                  [surveys[i].general.producers for i in indices])
    assert list(one.sums) == list(columns.sums) and len(one.sums) > 1
    for name, sums in one.sums.items():
        assert (sums.stages, sums.floats, sums.whole) == (columns.sums[name].stages, columns.sums[name].floats,
                                                          columns.sums[name].whole)


def test_the_limit_of_surveys_is_checked_while_the_children_start(campaign_file: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  spied: list[bool]) -> None:
    monkeypatch.setattr(survey_io, "MAX_SURVEYS", 100)  # the file's 240 surveys are too many
    for lang in ("es", "en"):
        words = ["compute", str(campaign_file), "--lang", lang]
        one = _run(words, 1, capsys, monkeypatch)
        assert one[0] == 2 and not one[1] and ("100 encuestas" if lang == "es" else "100 surveys") in one[2]
        assert _run(words, 2, capsys, monkeypatch) == one
    assert spied == []  # raised: nothing returned


def test_a_bom_and_windows_line_ends(tmp_path: Path, campaign_file: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch, spied: list[bool]) -> None:
    path = tmp_path / "windows.json"
    path.write_bytes(b"\xef\xbb\xbf" + campaign_file.read_bytes().replace(b"\n", b"\r\n"))
    one = _run(["compute", str(path), "--json"], 1, capsys, monkeypatch)
    assert one[0] == 0 and one == _run(["compute", str(campaign_file), "--json"], 1, capsys, monkeypatch)
    assert _run(["compute", str(path), "--json"], 2, capsys, monkeypatch) == one
    assert spied == [False, False, True]
