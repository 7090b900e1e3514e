"""How many producers to survey, and how many in each district (Goñas et al. 2024, equations 1 and 2).

Sample size for a finite population (simple random sampling of a proportion):

    n = Z² P Q N / (E² (N − 1) + Z² P Q),  Q = 1 − P,

rounded up. Z is the two-sided normal quantile of the confidence (1.645 at 90 %). For APROCAM, N = 235,
90 %, E = 10 %, P = 0.5 give n = 52.7 → 53. Allocation to strata is proportional, ``n_h = n N_h / N``, rounded by
largest remainders so that the parts add up to n, with at least one producer in every stratum (and never more
than the stratum has): 1, 6, 12, 1, 19, 13, 1 over the paper's seven districts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist

from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError

# A sample is worth drawing only between these confidences (surveys use 80 % to 99 %): at 1e-9 the formula gives a
# sample of 0 producers, at 99.999999 % the whole population. No cooperative or region has 100 million producers.
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.5, 0.9999
MAX_POPULATION = 100_000_000
# Strata (districts, zones, sectors) of one sample: a region has tens (San Martín 77, all Peru about 1,900 districts);
# with more strata than that every stratum gets a producer or two and the allocation says nothing.
MAX_STRATA = 2_000


def too_many_strata(count: int) -> tuple[str, str]:
    """The refusal of more strata than MAX_STRATA, in Spanish and English."""
    limit = f"{MAX_STRATA:,}"
    return (f"hay {count} estratos (distritos); el límite es {limit.replace(',', ' ')} (una región tiene decenas, "
            "todo el Perú unos 1 900 distritos): agrupe los estratos, p. ej. por distrito en lugar de por comunidad",
            f"there are {count} strata (districts); the limit is {limit} (a region has tens, all Peru about 1,900 "
            "districts): group the strata, e.g. by district rather than by community")


def _shown(value: object) -> str:
    """A value as typed, cut short (a count of hundreds of digits is not worth echoing whole)."""
    try:
        text = str(value)
    except ValueError:  # an integer of thousands of digits
        text = "?"
    return text if len(text) <= 20 else text[:20] + "…"


def _problem(path: str, code: str, es: str, en: str) -> Issue:
    return Issue(path=path, code=code, message_es=es, message_en=en)


def z_value(confidence: float) -> float:
    """Two-sided standard normal quantile: 1.6449 at 0.90, 1.9600 at 0.95."""
    return NormalDist().inv_cdf(1.0 - (1.0 - confidence) / 2.0)


@dataclass(frozen=True)
class SampleSize:
    population: int
    confidence: float
    error: float
    proportion: float
    z: float
    exact: float  # before rounding up (52.70 for APROCAM)
    n: int


def check_inputs(population: int, confidence: float, error: float, proportion: float = 0.5) -> list[Issue]:
    issues = []
    if not isinstance(population, int) or isinstance(population, bool) or not 1 <= population <= MAX_POPULATION:
        issues.append(_problem("population", "population",
                               f"la población debe ser un número entero de productores, al menos 1 y no más de "
                               f"100 000 000 (se indicó {_shown(population)})",
                               f"the population must be a whole number of producers, at least 1 and at most "
                               f"100,000,000 (got {_shown(population)})"))
    if not (isinstance(confidence, float | int) and MIN_CONFIDENCE <= confidence <= MAX_CONFIDENCE):
        issues.append(_problem("confidence", "confidence",
                               f"la confianza va entre 0 y 1 (0,90 para 90 %) y debe ser de 0,5 a 0,9999 (50 % a "
                               f"99,99 %): con menos la muestra no dice nada y puede salir de 0 productores, con más "
                               f"es la población entera (se indicó {confidence:.6g})",
                               f"the confidence lies strictly between 0 and 1 (0.90 for 90 %) and must be from 0.5 "
                               f"to 0.9999 (50 % to 99.99 %): below, the sample says nothing and may come out as 0 "
                               f"producers; above, it is the whole population (got {confidence:.6g})"))
    if not (isinstance(error, float | int) and 0.0 < error < 1.0):
        issues.append(_problem("error", "error",
                               f"el margen de error debe estar entre 0 y 1, sin incluirlos: 0,10 para 10 % (se "
                               f"indicó {error})",
                               f"the margin of error must lie strictly between 0 and 1: 0.10 for 10 % (got {error})"))
    if not (isinstance(proportion, float | int) and 0.0 < proportion < 1.0):
        issues.append(_problem("proportion", "proportion",
                               f"la proporción esperada debe estar entre 0 y 1, sin incluirlos (0,5 si no se sabe; "
                               f"se indicó {proportion})",
                               f"the expected proportion must lie strictly between 0 and 1 (0.5 when unknown; got "
                               f"{proportion})"))
    return issues


def sample_size(population: int, confidence: float, error: float, proportion: float = 0.5) -> SampleSize:
    issues = check_inputs(population, confidence, error, proportion)
    if issues:
        raise SurveyValidationError(issues)
    z = z_value(confidence)
    zpq = z * z * proportion * (1.0 - proportion)
    exact = zpq * population / (error * error * (population - 1) + zpq)
    # a hair of tolerance so that an exact whole number is not pushed up by floating-point noise
    n = max(1, min(population, math.ceil(exact - 1e-9)))  # at least one producer, whatever P
    return SampleSize(population, confidence, error, proportion, z, exact, n)


@dataclass(frozen=True)
class Stratum:
    name: str
    population: int
    exact: float  # n × N_h / N
    n: int


@dataclass(frozen=True)
class Allocation:
    n: int  # total to survey (may exceed the computed sample when there are more strata than it)
    strata: list[Stratum] = field(default_factory=list)
    raised_to_strata: bool = False  # n was raised so that every stratum has one producer


def check_strata(strata: dict[str, int]) -> list[Issue]:
    issues = []
    if not strata:
        issues.append(_problem("strata", "strata_empty", "no se indicó ningún estrato", "no stratum was given"))
    if len(strata) > MAX_STRATA:
        return [_problem("strata", "too_many_strata", *too_many_strata(len(strata)))]
    for name, size in strata.items():
        if not name.strip():
            issues.append(_problem("strata", "stratum_name", "un estrato no tiene nombre", "a stratum has no name"))
        if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_POPULATION:
            issues.append(_problem(f"strata.{name}", "stratum_size",
                                   f"el estrato «{name}» debe tener al menos 1 productor y no más de 100 000 000 "
                                   f"(se indicó {_shown(size)})",
                                   f"stratum “{name}” must have at least 1 producer and at most 100,000,000 (got "
                                   f"{_shown(size)})"))
    return issues


def allocate(n: int, strata: dict[str, int]) -> Allocation:
    """Proportional allocation with at least one per stratum, largest remainders, never above a stratum's size."""
    issues = check_strata(strata)
    if issues:
        raise SurveyValidationError(issues)
    total = sum(strata.values())
    names = list(strata)
    raised = len(names) > n
    n = min(max(n, len(names)), total)
    exact = {h: n * strata[h] / total for h in names}
    fixed: dict[str, int] = {}
    # strata whose share is below one get one; the rest is shared again among the others. A share below one is
    # found among the smallest strata, so they are looked at smallest first, each once: the rounds cost in all a
    # sort of the strata, not the strata times the rounds (100,000 districts of one producer each took minutes).
    by_size = sorted(names, key=lambda h: strata[h])
    first, left, free_total = 0, n, total
    while True:
        small: list[str] = []
        while first < len(by_size):
            h = by_size[first]
            if h not in fixed:
                if not left * strata[h] / free_total < 1.0:
                    break
                small.append(h)
            first += 1
        # left >= free_total is when every share reaches its stratum's size (the population is at most 100 million,
        # so the quotient is exact enough for the comparison below to agree with it)
        full = [h for h in names if h not in fixed and left * strata[h] / free_total >= strata[h]] \
            if free_total and left >= free_total else []
        if not small and not full:
            break
        for h in small:
            fixed[h] = 1
        for h in full:
            fixed[h] = strata[h]
        left -= len(small) + sum(strata[h] for h in full)
        free_total -= sum(strata[h] for h in small) + sum(strata[h] for h in full)
    free = [h for h in names if h not in fixed]
    quota = {h: left * strata[h] / free_total for h in free}
    counts = {h: math.floor(quota[h]) for h in free}
    spare = left - sum(counts.values())
    # ties go to the larger stratum, then to the earlier one, so the result does not depend on chance
    position = {h: i for i, h in enumerate(names)}
    for h in sorted(free, key=lambda h: (-(quota[h] - counts[h]), -strata[h], position[h]))[:spare]:
        counts[h] += 1
    counts.update(fixed)
    return Allocation(n, [Stratum(h, strata[h], exact[h], counts[h]) for h in names], raised)
