"""Limits a real campaign never meets, enforced early (issue 18, "Resources"): behaviour, not timing.

The figures (peak memory, wall time) are printed by ``tests/benchmarks/bench_limits.py``.
"""

from __future__ import annotations

import weakref

import numpy as np
import pytest
from helpers import generated_surveys

from cocoa_desktop.engine import uncertainty
from cocoa_desktop.engine.issues import SurveyValidationError
from cocoa_desktop.engine.uncertainty import simulate

# ---------------------------------------------------------------------------------------------------------------
# Monte Carlo: cooperative by cooperative, CHUNK draws at a time


def _numbers(result: uncertainty.Uncertainty) -> list[tuple]:
    units = [*result.units.values(), result.total]
    return [(u.label, u.net_per_kg, u.net_t, u.gross_t, u.luc_t, [(c.key, c.share) for c in u.contributions])
            for u in units]


def test_the_shipped_cooperatives_give_the_numbers_they_gave_before_the_simulation_was_chunked(cooperatives,
                                                                                              promperu):
    """Recorded with the code that held every cooperative's draws at once (numpy 2.4, PCG64: the stream of
    numpy's Generator is kept stable across releases)."""
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

    def progress(done: int, total: int) -> None:
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
