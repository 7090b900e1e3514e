""""How was this computed?" in words: no internal id and no unit in the other language reaches the reader."""

from __future__ import annotations

import re

import pytest
from helpers import generated_surveys

from cocoa_desktop.engine.footprint.compute import explain
from cocoa_desktop.engine.footprint.explanation import describe
from cocoa_desktop.engine.footprint.factors import factors_for

SPANISH_UNIT_WORDS = ("año", "cáscara", "cacao seco", "aplicado", "convertida")
ENGLISH_UNIT_WORDS = (" yr", "fresh husk", "dry cocoa", "applied", "converted", "vehicle-mile")


@pytest.mark.parametrize("set_id", ["promperu-2020", "ipcc2006-ar5"])
def test_every_step_is_said_in_words_in_both_languages(set_id):
    f = factors_for(set_id)
    ids = set(f.factor_set.factors)
    seen = 0
    for survey in generated_surveys(40, seed=11):
        _, steps = explain(survey, f)
        for step in steps:
            for lang in ("es", "en"):
                words = describe(step, f, lang)
                text = " ".join([words.title, words.formula, *words.inputs, *words.factors, words.value])
                tokens = set(re.findall(r"[a-z0-9_+\-]+", text))
                assert not tokens & ids, (lang, text)  # no factor id: its name in words
                assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), (lang, text)  # no internal key of any kind
                other = ENGLISH_UNIT_WORDS if lang == "es" else SPANISH_UNIT_WORDS
                assert not any(w in text for w in other), (lang, text)
                seen += 1
    assert seen > 1000
