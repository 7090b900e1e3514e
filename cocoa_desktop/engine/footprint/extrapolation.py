"""From a sample of farms to their cooperative, and from a campaign to a region: the ratio estimator.

A cooperative of N partners surveyed by a simple random sample of n farms, whose total production X (or area) is
known from its records: ``R = Σy / Σx`` over the sample, ``Ŷ = R · X`` (Cochran 1977 §6.2; Lohr 2010 §4.1).
Its variance, with the residuals ``d_i = y_i − R x_i``:

    V(Ŷ) = (1 − n/N) · N² · s_d² / n,   s_d² = Σ d_i² / (n − 1)

and the interval ``Ŷ ± t · √V`` with t Student's quantile for n − 1 degrees of freedom (s_d is estimated from the
same n units: Cochran 1977 §2.5, Lohr 2010 §2.5; 1.833 at 90 % for 10 units, 2.353 for 4, where the normal's 1.645
would make the interval 10 % and 30 % too narrow), :func:`t_value`. The sample size for a margin ``m`` of Ŷ keeps
Cochran's normal z (:func:`sampling.z_value`), as the sampling plan does: ``n₀ = (z N s_d / (m Ŷ))²``,
``n = n₀ / (1 + n₀/N)``, rounded up.

A region is scaled up from its cooperatives by area (San Martín: 54,159 ha of cocoa, report §5): ``R = Σ net /
Σ ha``; the cooperatives are the units, the share of the region's area they hold is the sampling fraction, and
the population mean area is unknown, so the sample's is used: ``V = (1 − f) · X² · s_d² / (n · x̄²)`` (Lohr eq.
4.11). The ten cooperatives of 2020 were not drawn at random: the interval says how far their spread alone
leaves the regional figure uncertain.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.promperu_2020 import SAN_MARTIN_COCOA_HA
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.footprint.rollup import sum_footprints
from cocoa_desktop.engine.model.issues import Issue, SurveyValidationError
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.engine.sampling import z_value
from cocoa_desktop.engine.words import KG_PER_T, quantity, say


def _bad(code: str, es: str, en: str) -> SurveyValidationError:
    return SurveyValidationError([Issue("extrapolation", code, es, en)])


def _t_coverage(t: float, df: int) -> float:
    """P(|T| ≤ t) for Student's T with a whole number of degrees of freedom, exactly: Abramowitz & Stegun 26.7.3
    (odd df) and 26.7.4 (even df), finite sums of powers of cos θ, θ = atan(t / √df)."""
    theta = math.atan(t / math.sqrt(df))
    sin, cos2 = math.sin(theta), math.cos(theta) ** 2
    if df % 2:
        total = term = math.cos(theta) if df > 1 else 0.0
        for k in range(3, df - 1, 2):
            term *= cos2 * (k - 1) / k
            total += term
        return 2.0 / math.pi * (theta + sin * total)
    total = term = 1.0
    for k in range(2, df - 1, 2):
        term *= cos2 * (k - 1) / k
        total += term
    return sin * total


def t_value(confidence: float, df: int) -> float:
    """Two-sided Student's t quantile: t(0.90, 9) = 1.8331, t(0.90, 3) = 2.3534, t(0.95, 9) = 2.2622.

    SciPy is not a dependency and numpy has no t quantile; a table would hold only the confidences and df it was
    written for, while the interval's confidence and the number of units are the user's. So the exact coverage
    (:func:`_t_coverage`) is inverted by bisection (to 1e-12); beyond 200 df, where that sum grows long, the
    Cornish–Fisher expansion of t about the normal quantile (A&S 26.7.5) is exact to better than 1e-8."""
    z = z_value(confidence)
    if df > 200:
        v = float(df)
        return (z + (z**3 + z) / (4 * v) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
                + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3))
    low, high = z, z
    while _t_coverage(high, df) < confidence:
        high *= 2.0
    while high - low > 1e-12 * high:
        mid = (low + high) / 2.0
        low, high = (mid, high) if _t_coverage(mid, df) < confidence else (low, mid)
    return (low + high) / 2.0


@dataclass(frozen=True)
class RatioEstimate:
    n: int
    population: float  # N units (partners); for a region, None-like: the sampling fraction is given instead
    auxiliary_total: float  # X
    ratio: float  # R = Σy / Σx
    total: float  # Ŷ = R X
    se: float
    z: float  # the interval's multiplier: Student's t for n − 1 degrees of freedom (:func:`t_value`)
    residual_sd: float  # s_d
    sampling_fraction: float
    confidence: float = 0.90

    @property
    def low(self) -> float:
        return self.total - self.z * self.se

    @property
    def high(self) -> float:
        return self.total + self.z * self.se

    @property
    def margin(self) -> float:
        """Half the interval as a share of the estimate (the "± %" of a survey)."""
        return self.z * self.se / abs(self.total) if self.total else math.inf


def _check(y: Sequence[float], x: Sequence[float], auxiliary_total: float) -> None:
    if len(y) != len(x):
        raise ValueError("y and x differ in length")
    if len(y) < 2:
        raise _bad("sample_too_small", "hacen falta al menos 2 fincas encuestadas para estimar un error",
                   "at least 2 surveyed farms are needed to estimate an error")
    if math.fsum(x) <= 0 or auxiliary_total <= 0:
        raise _bad("auxiliary_zero", "la producción (o el área) de la muestra y de la cooperativa debe ser mayor que 0",
                   "the production (or area) of the sample and of the cooperative must be greater than 0")


def ratio_estimate(y: Sequence[float], x: Sequence[float], population: float, auxiliary_total: float,
                   confidence: float = 0.90) -> RatioEstimate:
    """Ŷ = (Σy/Σx)·X with its standard error, for a simple random sample of n of N units."""
    _check(y, x, auxiliary_total)
    n = len(y)
    if population < n:
        raise _bad("population_small", f"la cooperativa tiene {population:g} socios, menos que las {n} fincas "
                   "encuestadas", f"the cooperative has {population:g} partners, fewer than the {n} farms surveyed")
    ratio = math.fsum(y) / math.fsum(x)
    sd = math.sqrt(math.fsum((a - ratio * b) ** 2 for a, b in zip(y, x, strict=True)) / (n - 1))
    fraction = n / population
    se = math.sqrt((1.0 - fraction) * population**2 * sd**2 / n)
    return RatioEstimate(n, population, auxiliary_total, ratio, ratio * auxiliary_total, se,
                         t_value(confidence, n - 1), sd, fraction, confidence)


def region_estimate(y: Sequence[float], x: Sequence[float], region_total: float,
                    confidence: float = 0.90) -> RatioEstimate:
    """Ŷ = (Σy/Σx)·X for a region, the units' share of X as the sampling fraction (Lohr eq. 4.11)."""
    _check(y, x, region_total)
    n = len(y)
    covered = math.fsum(x)
    if covered > region_total:
        raise _bad("region_small", "el área de la región es menor que la de sus cooperativas",
                   "the region's area is smaller than its cooperatives'")
    ratio = math.fsum(y) / covered
    sd = math.sqrt(math.fsum((a - ratio * b) ** 2 for a, b in zip(y, x, strict=True)) / (n - 1))
    fraction = covered / region_total
    mean_x = covered / n
    se = math.sqrt((1.0 - fraction) * region_total**2 * sd**2 / (n * mean_x**2))
    return RatioEstimate(n, math.nan, region_total, ratio, ratio * region_total, se, t_value(confidence, n - 1),
                         sd, fraction, confidence)


def sample_size_for_margin(estimate: RatioEstimate, margin: float) -> int:
    """Farms to survey so that the interval's half-width is ``margin`` of the estimate, from this sample's spread."""
    if not 0.0 < margin < 1.0:
        raise _bad("margin", "el margen debe estar entre 0 y 1 (0,10 para ±10 %)",
                   "the margin must lie between 0 and 1 (0.10 for ±10 %)")
    if estimate.total == 0 or math.isnan(estimate.population):
        raise _bad("margin_undefined", "sin una estimación distinta de 0 no hay margen relativo",
                   "without an estimate other than 0 there is no relative margin")
    big_n = estimate.population
    z = z_value(estimate.confidence)  # Cochran's formula, as the sampling plan: the normal's z, not this sample's t
    n0 = (z * big_n * estimate.residual_sd / (margin * abs(estimate.total))) ** 2
    # a hair of tolerance so that an exact whole number is not pushed up by floating-point noise
    return min(int(big_n), max(2, math.ceil(n0 / (1.0 + n0 / big_n) - 1e-9)))


@dataclass(frozen=True)
class SampledCooperative:
    """A cooperative's totals estimated from a sample of its farms: every stage scaled by the same ratio (so the
    shares are the sample's), and the net with its interval."""

    footprint: Footprint  # the sample's results × X / x (stages, sequestration, land-use change)
    net: RatioEstimate  # net kg CO2e/yr
    gross: RatioEstimate
    auxiliary: str  # "production_kg" or "area_ha"

    def sentence(self, lang: str = "es") -> str:
        net = self.net
        k = round(net.confidence * 10)
        return say(lang,
                   f"Estimado con {net.n} de {quantity(net.population, 0, lang)} fincas: "
                   f"{quantity(net.total / KG_PER_T, 0, lang)} t CO2e/año netas (entre "
                   f"{quantity(net.low / KG_PER_T, 0, lang)} y {quantity(net.high / KG_PER_T, 0, lang)} en {k} de cada "
                   f"10 casos, ±{quantity(net.margin * 100, 0, lang)} %)",
                   f"Estimated from {net.n} of {quantity(net.population, 0, lang)} farms: "
                   f"{quantity(net.total / KG_PER_T, 0, lang)} t CO2e/yr net (between "
                   f"{quantity(net.low / KG_PER_T, 0, lang)} and {quantity(net.high / KG_PER_T, 0, lang)} in {k} cases "
                   f"out of 10, ±{quantity(net.margin * 100, 0, lang)} %)")


def cooperative_from_sample(surveys: Sequence[Survey], f: Factors, population: int, total: float,
                            auxiliary: str = "production_kg", confidence: float = 0.90) -> SampledCooperative:
    """The cooperative of ``population`` partners whose ``total`` production (kg) or area (ha) is known, from the
    farms surveyed (``surveys``, all of that cooperative)."""
    label = surveys[0].cooperative if surveys else ""
    return cooperative_from_footprints([compute(s, f) for s in surveys], label, population, total, auxiliary,
                                       confidence)


def cooperative_from_footprints(fps: Sequence[Footprint], label: str, population: int, total: float,
                                auxiliary: str = "production_kg", confidence: float = 0.90) -> SampledCooperative:
    """:func:`cooperative_from_sample` from the farms' footprints already computed (the campaign view keeps them,
    not the surveys); ``label``: the cooperative's name."""
    if auxiliary not in ("production_kg", "area_ha"):
        raise ValueError(auxiliary)
    x = [getattr(fp, auxiliary) for fp in fps]
    net = ratio_estimate([fp.net_kg for fp in fps], x, population, total, confidence)
    gross = ratio_estimate([fp.gross_kg for fp in fps], x, population, total, confidence)
    sample = sum_footprints(fps, label)
    k = total / math.fsum(x)
    scaled = Footprint(sample.label, sample.production_kg * k, sample.area_ha * k, population,
                       {s: v * k for s, v in sample.stages.items()}, sample.sequestration_kg * k,
                       sample.luc_one_off_kg * k, sample.luc_amortised_kg * k, sample.notes, sample.surveys)
    if auxiliary == "production_kg":
        scaled.production_kg = total
    else:
        scaled.area_ha = total
    return SampledCooperative(scaled, net, gross, auxiliary)


def region_from_campaign(cooperatives: Sequence[Footprint], region_ha: float = SAN_MARTIN_COCOA_HA,
                         confidence: float = 0.90) -> RatioEstimate:
    """The region's net emissions (kg CO2e/yr) scaled up from its cooperatives by area, with the interval."""
    return region_estimate([fp.net_kg for fp in cooperatives], [fp.area_ha for fp in cooperatives], region_ha,
                           confidence)


def region_sentence(estimate: RatioEstimate, lang: str = "es", region: str = "San Martín") -> str:
    t = KG_PER_T
    low, high = quantity(estimate.low / t, 0, lang), quantity(estimate.high / t, 0, lang)
    level = quantity(estimate.confidence * 100, 0, lang)
    covered = quantity(estimate.sampling_fraction * 100, 1, lang)
    return say(lang,
               f"{region}, {quantity(estimate.auxiliary_total, 0, lang)} ha de cacao a las "
               f"{quantity(estimate.ratio / t, 2, lang)} t CO2e/ha/año netas de esta campaña: "
               f"{quantity(estimate.total / t, 0, lang)} t CO2e/año (entre {low} y {high}, {level} %, t de Student con "
               f"{estimate.n - 1} grados de libertad). La campaña cubre el {covered} % del área; el intervalo solo "
               f"refleja cuánto difieren entre sí sus {estimate.n} cooperativas.",
               f"{region}, {quantity(estimate.auxiliary_total, 0, lang)} ha of cocoa at this campaign's "
               f"{quantity(estimate.ratio / t, 2, lang)} t CO2e/ha/yr net: {quantity(estimate.total / t, 0, lang)} t "
               f"CO2e/yr (between {low} and {high}, {level} %, Student's t with {estimate.n - 1} degrees of freedom). "
               f"The campaign covers {covered} % of the area; the interval reflects only how much its {estimate.n} "
               "cooperatives differ from one another.")
