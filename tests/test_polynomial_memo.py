"""The factor symbols' remembered sums and products (engine/uncertainty/polynomial.py, ``Poly.memo``): what symbols
alone make of each other is made once — the very same Poly the next time, with the terms a fresh computation gives —
while anything a survey's number entered is made afresh and never remembered (the memos stay as small as the
engine's factor-only subexpressions, however many surveys are traced)."""

from __future__ import annotations

from helpers import generated_surveys

from cocoa_desktop.engine.footprint.compute import annual_values
from cocoa_desktop.engine.uncertainty.polynomial import Poly, PolyFactors


def _fresh(p: Poly) -> Poly:
    return Poly(dict(p.t), p.k)  # the same terms, remembering nothing


def _memo_sizes(pf: PolyFactors) -> int:
    seen, todo, size = set(), [v for v in pf.values() if type(v) is Poly], 0
    while todo:
        p = todo.pop()
        if id(p) in seen or p.memo is None:
            continue
        seen.add(id(p))
        size += len(p.memo)
        todo.extend(made for _, made in p.memo.values())
    return size


def test_a_sum_or_product_of_symbols_is_made_once_with_the_terms_made_afresh(promperu):
    pf = PolyFactors(promperu)
    ef1, gas, ef4, leach, ef5 = (pf[k] for k in ("soil_ef1", "frac_gas_organic", "soil_ef4", "frac_leach",
                                                 "soil_ef5"))
    first = ef1 + gas * ef4 + leach * ef5
    again = ef1 + gas * ef4 + leach * ef5
    assert again is first and first.memo is not None
    fresh = _fresh(ef1) + _fresh(gas) * _fresh(ef4) + _fresh(leach) * _fresh(ef5)
    assert fresh.memo is None
    assert list(first.t.items()) == list(fresh.t.items()) and first.k == fresh.k
    assert gas * ef4 is not ef4 * gas  # each order made as written: its own terms, in its own order
    assert list((ef4 * gas).t.items()) == list((_fresh(ef4) * _fresh(gas)).t.items())


def test_what_a_survey_s_number_entered_is_not_remembered(promperu):
    pf = PolyFactors(promperu)
    surveys = generated_surveys(80, seed=7)
    annual_values(surveys[0], pf, set())
    assert _memo_sizes(pf) > 0  # the engine's factor-only subexpressions
    known = _memo_sizes(pf)
    scaled = 2.0 * pf["soil_ef1"]
    for made in (scaled + pf["soil_ef4"], pf["soil_ef4"] + scaled, pf["soil_ef4"] * scaled, scaled * pf["soil_ef4"],
                 pf["soil_ef4"] * (pf["soil_ef1"] + 1.0)):
        assert made.memo is None
    assert _memo_sizes(pf) == known
    for s in surveys:
        annual_values(s, pf, set())
    settled = _memo_sizes(pf)
    assert settled < len(surveys)  # what the surveys' fertilisers and husk add once, not one per survey
    for s in generated_surveys(120, seed=8):
        annual_values(s, pf, set())
    assert _memo_sizes(pf) == settled
