"""Words at the edge (issue 21 point 4): which language a text is in, and how a number is written for people, are
decided in one module, engine/words.py, for the engine, storage, the workbook, the GUI's Python-side texts and the
CLI alike (the GUI's Qt strings have their own catalogue, resources/translations).

No other module tests the language itself (``lang == "en"``, ``w.lang != "en"``, ``lang == "es"``…), defines its
own ``_t``/``_q``/``q`` helper, or its own KG_PER_T."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import pytest

import cocoa_desktop
from cocoa_desktop.engine import words
from cocoa_desktop.engine.words import KG_PER_T, english, grouped, index, language, percent, pick, quantity, say, whole

PACKAGE = Path(cocoa_desktop.__file__).parent
WORDS = PACKAGE / "engine" / "words.py"
# Modules owned elsewhere while issue 21 point 4 was done (engine/footprint/stages/*, workbook/layout, calc_layout,
# factor_sheet, formulas), those of them still choosing their language by hand. The lists only shrink: take a module
# off when its branches go to engine.words (issue 21, "Words at the edge"); test_the_allow_lists_only_shrink fails
# for a module listed that no longer needs it.
NOT_YET: set[str] = set()  # emptied at the end of the stop that made it (issue 21)
KG_PER_T_NOT_YET: set[str] = set()
LANGUAGE_CODES = {"en", "es"}
HELPERS = {"_t", "_q", "q"}


def _modules() -> list[tuple[str, ast.Module]]:
    return [(path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(PACKAGE.rglob("*.py")) if path != WORDS]


def _language_tests(tree: ast.Module) -> list[int]:
    """Lines comparing something with "en" or "es" (== or !=, either side)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Constant) and s.value in LANGUAGE_CODES for s in sides):
                found.append(node.lineno)
    return found


def _helpers(tree: ast.Module) -> list[tuple[str, int]]:
    """Functions (or names bound to a function or lambda) called _t, _q or q, at any depth."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in HELPERS:
            found.append((node.name, node.lineno))
        elif isinstance(node, ast.Assign):
            targets = [t for target in node.targets for t in ast.walk(target) if isinstance(t, ast.Name)]
            found += [(t.id, node.lineno) for t in targets if t.id in HELPERS]
    return found


def test_no_module_but_words_tests_the_language():
    found = [f"{name}:{line}" for name, tree in _modules() if name not in NOT_YET for line in _language_tests(tree)]
    assert not found, "choose the text with engine.words (say, pick, language, english): " + ", ".join(found)


def test_no_module_defines_its_own_text_or_number_helper():
    found = [f"{name}:{line} {helper}" for name, tree in _modules() if name not in NOT_YET
             for helper, line in _helpers(tree)]
    assert not found, "use engine.words.say / quantity: " + ", ".join(found)


def _kg_per_t_definitions() -> list[str]:
    found = []
    for name, tree in [*_modules(), ("engine/words.py", ast.parse(WORDS.read_text(encoding="utf-8")))]:
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) else []
            if any(isinstance(t, ast.Name) and t.id == "KG_PER_T" for t in targets):
                found.append(name)
    return found


def test_the_allow_lists_only_shrink():
    """Every module still allowed its own branches has one (else it comes off the list)."""
    trees = dict(_modules())
    assert set(trees) >= NOT_YET, NOT_YET - set(trees)
    done = sorted(name for name in NOT_YET if not _language_tests(trees[name]) and not _helpers(trees[name]))
    assert not done, f"take off NOT_YET: {done}"
    assert set(_kg_per_t_definitions()) >= KG_PER_T_NOT_YET, "take it off KG_PER_T_NOT_YET"


def test_kg_per_t_is_defined_once():
    found = _kg_per_t_definitions()
    assert [n for n in found if n not in KG_PER_T_NOT_YET] == ["engine/words.py"], found
    assert KG_PER_T == 1000.0


@pytest.mark.parametrize(("lang", "text"), [("es", "hola"), ("en", "hello"), ("fr", "hola"), ("", "hola"),
                                            ("EN", "hola")])
def test_say_reads_spanish_unless_english_is_asked_for(lang, text):
    assert say(lang, "hola", "hello") == text
    assert pick(("hola", "hello"), lang) == text
    assert index(lang) == (text == "hello")
    assert english(lang) is (text == "hello")
    assert language(lang) == ("en" if text == "hello" else "es")


@pytest.mark.parametrize(("value", "decimals", "es", "en"), [
    (40203.1, 1, "40 203,1", "40,203.1"),
    (-1234567.891, 2, "-1 234 567,89", "-1,234,567.89"),
    (0.25, 2, "0,25", "0.25"),
    (999.5, 0, "1 000", "1,000"),
    (math.nan, 2, "—", "—"),
    (math.inf, 0, "—", "—"),
])
def test_one_way_of_writing_a_quantity(value, decimals, es, en):
    assert quantity(value, decimals, "es") == es
    assert quantity(value, decimals, "en") == en
    assert quantity(value, decimals, "fr") == es  # an unknown language reads Spanish, numbers too


def test_percent_whole_and_grouped():
    assert percent(0.256, 1, "es") == "25,6 %"
    assert percent(0.256, 0, "en") == "26 %"
    assert whole(10_000, "es") == "10 000"
    assert whole(10_000, "en") == "10,000"
    assert grouped("1,234.5", "es") == "1 234,5"
    assert grouped("1,234.5", "en") == "1,234.5"
    assert words.THOUSANDS == {"es": " ", "en": ","}
    assert words.DECIMAL == {"es": ",", "en": "."}


def test_the_old_name_of_the_formatter_is_the_same_function():
    from cocoa_desktop.engine.report import format_quantity

    assert format_quantity is quantity
