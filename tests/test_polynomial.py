"""The Monte Carlo's sums gathered as polynomials in the factors (engine/uncertainty/polynomial.py): the engine's own
arithmetic on factor symbols, evaluated on the draws, gives the figures of the engine run on the draws survey by
survey (to the last bits of a float: the same products and sums, regrouped), and an engine step that is not a
polynomial makes the simulation fall back to running the engine on the draws."""

from __future__ import annotations

import math

import numpy as np
import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.footprint.stages import husk
from cocoa_desktop.engine.uncertainty import polynomial
from cocoa_desktop.engine.uncertainty.monte_carlo import simulate
from cocoa_desktop.engine.uncertainty.polynomial import Gathered, NotPolynomial, Poly, evaluate


def _symbol(key: str) -> Poly:
    return Poly({(key,): 1.0})


def test_a_poly_evaluates_to_the_arithmetic_done_on_the_draws():
    rng = np.random.default_rng(3)
    draws = {k: rng.uniform(0.5, 2.0, 1000) for k in ("a", "b", "c")}
    a, b, c = (_symbol(k) for k in "abc")
    expr = 2.5 * (a + b * 3.0 - 1.0) * c / 4.0 - a * b / c + sum(x * 0.5 for x in (a, b)) + (0 - c) / (2 * b)
    x, y, z = draws["a"], draws["b"], draws["c"]
    expected = 2.5 * (x + y * 3.0 - 1.0) * z / 4.0 - x * y / z + (x * 0.5 + y * 0.5) + (0 - z) / (2 * y)
    value = evaluate([expr.terms], 0.0, draws, {}, 1000)[0]
    assert np.allclose(value, expected, rtol=1e-13, atol=0)
    assert bool(a * 0.0) is False and bool(a - 1.0) is True


@pytest.mark.parametrize("step", [
    lambda p: p < 1.0, lambda p: p == 0.0, lambda p: float(p), lambda p: math.sqrt(p), lambda p: 1.0 / (p + 1.0),
    lambda p: max(p, 0.0), lambda p: np.maximum(p, 0.0), lambda p: p ** 2])
def test_what_is_not_a_polynomial_is_refused(step):
    with pytest.raises(TypeError):  # NotPolynomial is one
        step(_symbol("a") * 2.0)
    assert issubclass(NotPolynomial, TypeError)


def _figures(result):
    out = {}
    for unit in [*result.units.values(), result.total]:
        for kind in ("net_per_kg", "net_t", "gross_t", "luc_t"):
            interval = getattr(unit, kind)
            out.update({(unit.label, kind, a): getattr(interval, a) for a in ("point", "low", "high")})
        out.update({(unit.label, c.key): c.share for c in unit.contributions})
    return out


def _not_polynomial(monkeypatch):
    """An engine step a polynomial cannot follow (numpy's maximum: arrays of draws take it)."""
    original = husk.emissions
    monkeypatch.setattr(husk, "emissions", lambda *args, **kw: np.maximum(original(*args, **kw), 0.0))


@pytest.mark.parametrize("which", ["promperu", "ipcc"])
def test_the_sums_evaluated_on_the_draws_are_the_engine_run_on_the_draws(cooperatives, which, request, monkeypatch):
    f = request.getfixturevalue(which)
    farms = generated_surveys(24, seed=11)
    for i, s in enumerate(farms):
        s.general.organisation = f"Cooperativa {i % 3}"
        s.estimated_fields = ["general.dry_cocoa_kg", "husk.shares", "packaging", "transport.legs"][:1 + i % 4]
    for surveys, options in ((cooperatives.surveys, {}), (farms, {"draws": 3000, "seed": 4}),
                             (farms, {"factor_scale": 0.0, "seed": 3})):
        summed = simulate(surveys, f, **options)
        with monkeypatch.context() as m:
            m.setattr(polynomial.Gathered, "_trace", _refused)
            engine = simulate(surveys, f, **options)
        assert summed.estimated == engine.estimated and summed.spreads == engine.spreads
        a, b = _figures(summed), _figures(engine)
        assert a.keys() == b.keys()
        for key, value in a.items():
            assert value == pytest.approx(b[key], rel=1e-9, abs=1e-12), key


def _refused(self, survey):
    raise NotPolynomial("as an engine step that is not a polynomial")


def test_an_engine_step_that_is_not_a_polynomial_simulates_the_surveys_themselves(cooperatives, promperu,
                                                                                   monkeypatch):
    before = simulate(cooperatives.surveys, promperu, draws=2000)
    _not_polynomial(monkeypatch)
    gathered = Gathered(promperu)
    for survey in cooperatives.surveys:
        gathered.add(survey)
    assert gathered.units is None and gathered.inputs is gathered.fallback
    assert gathered.fallback.paths == {p for s in cooperatives.surveys for p in s.estimated_fields}
    after = simulate(cooperatives.surveys, promperu, draws=2000)  # the same figures (the husk emits ≥ 0 anyway)
    a, b = _figures(before), _figures(after)
    assert a.keys() == b.keys() and all(a[k] == pytest.approx(b[k], rel=1e-9, abs=1e-12) for k in a)
