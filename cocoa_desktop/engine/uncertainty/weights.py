"""What weighs most in a Monte Carlo result's spread (:mod:`~cocoa_desktop.engine.uncertainty.monte_carlo`): each
factor and each estimated value ranked by the squared correlation of its draws with the result (for independent
inputs and a near-linear model, each input's share of the variance)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from cocoa_desktop.engine.uncertainty import spreads


@dataclass(frozen=True)
class Contribution:
    key: str  # a factor id or an estimated field path
    kind: str  # "factor" or "activity"
    share: float  # of the result's spread

    def label(self, lang: str = "es") -> str:
        return spreads.label(self.key, lang)



def path_terms(paths: dict[str, np.ndarray], net: float, production: float) -> dict[str, np.ndarray]:
    """Each path's first-order term in the result: Δnet/P − net·ΔP/P² per kg (or Δnet when nothing is produced)."""
    if production <= 0:
        return {k: t[0] for k, t in paths.items()}
    return {k: (t[0] - net / production * t[1]) / production for k, t in paths.items()}


@dataclass(frozen=True)
class Centred:
    """Draws of several inputs, each minus its mean, and their norms: shared by every unit's contributions."""

    keys: list[tuple[str, str]]  # (key, kind)
    rows: np.ndarray
    norms: np.ndarray

    @classmethod
    def of(cls, inputs: list[tuple[str, str, np.ndarray]]) -> Centred:
        kept = [item for item in inputs if np.ndim(item[2]) and np.ptp(item[2]) > 0]  # a zero spread drew one value
        if not kept:
            return cls([], np.empty((0, 0)), np.empty(0))
        rows = np.array([np.asarray(x) for *_, x in kept])
        rows -= rows.mean(axis=1, keepdims=True)
        return cls([(k, kind) for k, kind, _ in kept], rows, np.sqrt(np.einsum("ij,ij->i", rows, rows)))

    def squared_correlations(self, y: np.ndarray) -> np.ndarray:
        if not self.keys:
            return np.empty(0)
        yc = y - y.mean()
        return (self.rows @ yc / (self.norms * math.sqrt(float(yc @ yc)))) ** 2


def ranked(y: np.ndarray, factors: Centred, paths: dict[str, np.ndarray]) -> list[Contribution]:
    if not np.all(np.isfinite(y)) or np.ptp(y) <= 1e-12 * np.max(np.abs(y)):
        return []
    activity = Centred.of([(k, "activity", x) for k, x in paths.items()])
    keys = factors.keys + activity.keys
    r2 = np.concatenate([factors.squared_correlations(y), activity.squared_correlations(y)])
    total = r2.sum()
    if total <= 0:
        return []
    found = [Contribution(k, kind, float(share / total)) for (k, kind), share in zip(keys, r2, strict=True)]
    return sorted(found, key=lambda c: -c.share)
