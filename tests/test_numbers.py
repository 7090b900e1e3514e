"""Locale-aware number parsing: what a Peruvian technician types is understood; ambiguity is questioned."""

from __future__ import annotations

import pytest

from cocoa_desktop.engine.model.numbers import AmbiguousNumber, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("1250", 1250), ("0,25", 0.25), ("1.250,5", 1250.5), ("1 250,5", 1250.5), ("1,250.5", 1250.5),
     ("1.234.567", 1_234_567), ("1,234,567", 1_234_567), ("12.5", 12.5), ("0.250", 0.25), ("-3,5", -3.5),
     ("1\u00a0250", 1250), ("9 569 017", 9_569_017)],
)
def test_understood(text, value):
    assert parse_number(text) == value


def test_ambiguous_is_questioned_unless_only_a_whole_number_makes_sense():
    with pytest.raises(AmbiguousNumber):
        parse_number("1.250")
    assert parse_number("1.250", whole=True) == 1250


@pytest.mark.parametrize("text", ["", "mucho", "1,2,3.4.5x", "12a", "--1"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)
