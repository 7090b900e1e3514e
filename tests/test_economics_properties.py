"""Properties of the indicators, for any conventional cash flow (an outlay, then returns)."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from cocoa_desktop.engine.economics.cash_flow import (
    BENEFIT,
    COST,
    CashFlow,
    Line,
    indicators,
    present_value,
    sign_changes,
)
from cocoa_desktop.engine.economics.project import Perspective

# money in cents, as in a cash-flow table
outlay = st.integers(100_000, 10**10).map(lambda c: c / 100)
returns = st.lists(st.integers(0, 10**10).map(lambda c: c / 100), min_size=1, max_size=30)
rate = st.floats(0.0, 1.0)


@settings(max_examples=300, deadline=None)
@given(outlay, returns, rate, rate)
def test_npv_decreases_with_the_discount_rate_for_a_conventional_flow(first, later, r1, r2):
    assume(any(v > 0 for v in later) and abs(r1 - r2) > 1e-6)
    flows = [-first, *later]
    low, high = sorted((r1, r2))
    assert present_value(low, flows) > present_value(high, flows)


@settings(max_examples=300, deadline=None)
@example(1000.0, [0.0, 0.0, 0.0, 1971821.41, 0.01])  # an IRR of 566 %: found by hypothesis once
@example(54260693.43, [5.6, 0.0, 0.47, 54260693.51, 0.01])  # an IRR near 0 with flows of 54 million: found too
@given(outlay, returns)
def test_irr_makes_the_npv_zero(first, later):
    flows = [-first, *later]
    assume(sum(later) > first * 0.01)  # an IRR above about −99 %: below it the numbers mean nothing
    flow = CashFlow(Perspective.INCREMENTAL, (Line("carbon_sales", BENEFIT, tuple([0.0, *later])),
                                              Line("project_costs", COST, tuple([first] + [0.0] * len(later)))),
                    tuple([0.0] * (len(later) + 1)), tuple([0.0] * (len(later) + 1)))
    result = indicators(flow, 0.12)
    assert result.irr is not None
    # round-off at the IRR is relative to the discounted size of the flows (the IRR is a polynomial root found as an
    # eigenvalue: ~1e-9 relative at IRRs of several hundred percent, e.g. 1,000 → 1,971,821.41 in year 4)
    scale = sum(abs(v) / (1 + result.irr) ** t for t, v in enumerate(flows))
    # … plus the NPV's slope times the rate's own round-off (~1e-9): near an IRR of 0 % with flows of 54 million the
    # slope is ~2e8 per unit of rate (found by hypothesis: 1.088 against 1e-8 × scale = 1.085)
    slope = sum(abs(t * v) / (1 + result.irr) ** (t + 1) for t, v in enumerate(flows))
    assert abs(present_value(result.irr, flows)) <= 1e-8 * scale + 1e-9 * slope
    # above the IRR the NPV is negative, below it positive: the IRR is the break-even rate
    assert (result.npv > 0) == (result.irr > 0.12) or math.isclose(result.irr, 0.12, abs_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(outlay, returns, rate)
def test_spreadsheet_npv_is_the_textbook_one_discounted_a_year(first, later, r):
    flows = [-first, *later]
    flow = CashFlow(Perspective.PUBLISHED, (Line("cocoa_sales", BENEFIT, tuple([0.0, *later])),
                                            Line("investment", COST, tuple([first] + [0.0] * len(later)))),
                    tuple([0.0] * len(flows)), tuple([0.0] * len(flows)))
    result = indicators(flow, r)
    assert result.npv_spreadsheet == pytest.approx(result.npv / (1 + r), rel=1e-12, abs=1e-6)
    # B/C above 1 exactly when the NPV is positive (both from the same present values)
    if result.benefit_cost is not None and abs(result.npv) > 1e-6 * (first + sum(later)):
        assert (result.benefit_cost > 1) == (result.npv > 0)


@given(st.lists(st.floats(-1e6, 1e6), max_size=20))
def test_sign_changes_counts_only_non_zero_flows(flows):
    kept = [v for v in flows if v != 0]
    expected = sum(1 for a, b in itertools.pairwise(kept) if (a > 0) != (b > 0))
    assert sign_changes(flows) == expected


@pytest.mark.parametrize("later", [[5e-324], [0.0, 2.0, 6.2e-28], [1e-300, 1e-300]])
def test_degenerate_flows_give_no_irr_or_a_finite_one_never_an_exception(later):
    flow = CashFlow(Perspective.INCREMENTAL, (Line("carbon_sales", BENEFIT, tuple([0.0, *later])),
                                              Line("project_costs", COST, tuple([1000.0] + [0.0] * len(later)))),
                    tuple([0.0] * (len(later) + 1)), tuple([0.0] * (len(later) + 1)))
    result = indicators(flow, 0.12)
    assert result.irr is None or math.isfinite(result.irr)
    assert result.irr is not None or result.irr_problem == "not_found"
