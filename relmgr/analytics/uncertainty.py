"""How uncertain an evaluation figure is: 95% percentile bootstrap intervals and the plain
warning every evaluation prints below its minimum sample.

One resample of the evaluated rows per replicate (`bootstrap_draws`) is shared by every method of
an evaluation, so the interval of a ratio or difference between methods is paired. Intervals are
seeded: the same portfolio gives the same interval.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

REPLICATES = 1000


def bootstrap_draws(n: int, *, replicates: int = REPLICATES, seed: int = 0) -> np.ndarray:
    """int replicates × n: row indices of `replicates` resamples (with replacement) of n rows."""
    if n == 0 or replicates <= 0:
        return np.zeros((0, n), dtype=np.int64)
    return np.random.default_rng(seed).integers(0, n, size=(replicates, n))


def _percentiles(values: np.ndarray, digits: int) -> list[float] | None:
    values = values[np.isfinite(values)]
    if not len(values):
        return None
    return [round(float(np.percentile(values, 2.5)), digits), round(float(np.percentile(values, 97.5)), digits)]


def mean_interval(per_row: np.ndarray, draws: np.ndarray, *, digits: int = 4) -> list[float] | None:
    """95% interval of the mean of `per_row` over the resamples; None without any."""
    if not len(draws):
        return None
    return _percentiles(np.asarray(per_row, dtype=np.float64)[draws].mean(axis=1), digits)


def ratio_interval(top: np.ndarray, bottom: np.ndarray, draws: np.ndarray, *,
                   digits: int = 3) -> list[float] | None:
    """95% interval of mean(top) / mean(bottom) over the paired resamples."""
    if not len(draws):
        return None
    num, den = top[draws].mean(axis=1), bottom[draws].mean(axis=1)
    return _percentiles(num[den > 0] / den[den > 0], digits)


def statistic_interval(statistic: Callable[[np.ndarray, np.ndarray], float], y: np.ndarray,
                       score: np.ndarray, draws: np.ndarray, *, digits: int = 4) -> list[float] | None:
    """95% interval of `statistic(y, score)` (ROC-AUC, lift …) over the resamples; resamples
    with one class only are skipped (the statistic is undefined there)."""
    y, score = np.asarray(y), np.asarray(score)
    values = []
    for rows in draws:
        sample = y[rows]
        if sample.min() != sample.max():
            values.append(statistic(sample, score[rows]))
    return _percentiles(np.asarray(values, dtype=np.float64), digits) if values else None


def sample_warning(*, count: int, minimum: int, what: str) -> str | None:
    """The plain warning printed with figures measured on fewer than `minimum` rows, or None."""
    if count >= minimum:
        return None
    return (f"only {count} {what} (fewer than {minimum}): these figures are too uncertain to "
            f"tell methods apart; read the intervals, not the points")
