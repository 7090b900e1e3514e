"""Survey sampling plan: Goñas et al. 2024 equations 1–2 and Table 1, producer lists, the seeded draw."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cocoa_desktop.engine.files.producers import draw, parse_producers, strata_of
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.sampling import allocate, sample_size, z_value

APROCAM = {"Aramango": 4, "Cajaruro": 26, "Copallín": 55, "El Parco": 5, "Imaza": 83, "La Peca": 57, "Nieva": 5}


def test_aprocam_sample_of_53_allocated_as_table_1():
    size = sample_size(235, 0.90, 0.10)
    assert size.z == pytest.approx(1.645, abs=5e-4)
    assert size.exact == pytest.approx(52.7, abs=0.01)
    assert size.n == 53
    allocation = allocate(size.n, APROCAM)
    assert [s.n for s in allocation.strata] == [1, 6, 12, 1, 19, 13, 1]
    assert [round(s.exact, 1) for s in allocation.strata] == [0.9, 5.9, 12.4, 1.1, 18.7, 12.9, 1.1]


def test_known_textbook_sizes():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert sample_size(1000, 0.95, 0.05).n == 278  # the classic 277.7 → 278
    assert sample_size(1, 0.95, 0.05).n == 1
    assert sample_size(10**7, 0.95, 0.05).n == 385  # tends to Z²PQ/E² = 384.1


@pytest.mark.parametrize(("args", "code", "es", "en"), [
    ((0, 0.9, 0.1), "population", "al menos 1", "at least 1"),
    ((235, 1.0, 0.1), "confidence", "entre 0 y 1", "strictly between 0 and 1"),
    ((235, 90, 0.1), "confidence", "0,90 para 90 %", "0.90 for 90 %"),
    ((235, 0.0, 0.1), "confidence", "entre 0 y 1", "strictly between 0 and 1"),
    ((235, 0.9, 0.0), "error", "margen de error", "margin of error"),
    ((235, 0.9, 0.1, 1.0), "proportion", "proporción", "proportion"),
])
def test_nonsense_inputs_refused_in_both_languages(args, code, es, en):
    with pytest.raises(SurveyValidationError) as caught:
        sample_size(*args)
    issue = caught.value.issues[0]
    assert issue.code == code and es in issue.message("es") and en in issue.message("en")


def test_bad_strata_refused():
    with pytest.raises(SurveyValidationError) as caught:
        allocate(10, {"A": 0, "B": 5})
    assert "«A»" in caught.value.issues[0].message("es")
    with pytest.raises(SurveyValidationError):
        allocate(10, {})


def test_more_strata_than_sample_gives_one_each():
    allocation = allocate(2, {"A": 10, "B": 10, "C": 1})
    assert allocation.raised_to_strata and allocation.n == 3
    assert [s.n for s in allocation.strata] == [1, 1, 1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 500), min_size=1, max_size=12), st.floats(0.5, 0.999), st.floats(0.01, 0.5))
def test_allocation_adds_up_with_one_per_stratum(sizes, confidence, error):
    strata = {f"S{i}": n for i, n in enumerate(sizes)}
    n = sample_size(sum(sizes), confidence, error).n
    allocation = allocate(n, strata)
    counts = [s.n for s in allocation.strata]
    assert sum(counts) == allocation.n == min(max(n, len(sizes)), sum(sizes))
    assert all(1 <= c <= s for c, s in zip(counts, sizes, strict=True))
    # proportional: no stratum is more than one producer away from its share, unless held at the minimum of one
    for s in allocation.strata:
        assert s.n == 1 or abs(s.n - s.exact) < 1.0 + len(sizes)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 100_000), st.floats(0.5, 0.999), st.floats(0.01, 0.5), st.floats(0.01, 0.99))
def test_sample_never_exceeds_population_and_grows_with_confidence(population, confidence, error, proportion):
    size = sample_size(population, confidence, error, proportion)
    assert 1 <= size.n <= population
    assert sample_size(population, min(confidence + 0.0005, 0.9999), error, proportion).n >= size.n


CSV = """codigo;nombre;distrito
P001;Ana Quispe;Imaza
P002;José Díaz;Imaza
P003;Rosa Tello;Nieva
P004;Luis Mego;Imaza
P005;Marta Inga;Nieva
"""


def test_csv_read_in_spanish_excel_dialect_and_drawn_reproducibly():
    producers = parse_producers(CSV.encode("cp1252"))
    assert [p.name for p in producers][1] == "José Díaz"
    assert strata_of(producers) == {"Imaza": 3, "Nieva": 2}
    allocation = allocate(3, strata_of(producers))
    first = draw(producers, allocation, seed=7)
    assert draw(producers, allocation, seed=7) == first
    assert len(first.chosen) == 3 and len(first.reserves) == 2
    assert {p.code for p in first.chosen} | {p.code for p in first.reserves} == {p.code for p in producers}
    seeds = {tuple(p.code for p in draw(producers, allocation, seed=s).chosen) for s in range(30)}
    assert len(seeds) > 1  # the seed matters


@pytest.mark.parametrize(("content", "line", "words"), [
    (b"nombre,distrito\nAna,Imaza\n,Nieva\n", 3, "nombre del productor"),
    (b"nombre,distrito\nAna,Imaza\nLuis\n", 3, "columnas"),
    (b"codigo,nombre,distrito\n1,Ana,Imaza\n1,Luis,Nieva\n", 3, "ya está en la línea 2"),
    (b"foo,bar\n1,2\n", 1, "primera fila"),
    (b"nombre;distrito\nAna;\n", 2, "estrato"),
])
def test_bad_csv_refused_naming_the_line(content, line, words):
    with pytest.raises(SurveyValidationError) as caught:
        parse_producers(content, "lista.csv")
    message_es, message_en = caught.value.issues[0].message("es"), caught.value.issues[0].message("en")
    assert message_es.startswith(f"línea {line}:") and message_en.startswith(f"line {line}:")
    assert words in message_es


@pytest.mark.parametrize("content", [b"", b"\n\n", b"PK\x03\x04\x00\x00binary", b"nombre,distrito\n"])
def test_empty_or_binary_csv_refused(content):
    with pytest.raises(SurveyValidationError):
        parse_producers(content)
