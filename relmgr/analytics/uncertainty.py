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
    return (f"only {count} {what} (fewer than {minimum}): too few to trust these figures on "
            f"their own; read the intervals, not the points")


# -- ranking metrics of a binary label, over many resamples at once -------------------------------
def _counts(draws: np.ndarray, position: np.ndarray) -> np.ndarray:
    """float replicates × n: how often each row (at `position` in some order) is drawn."""
    replicates, n = draws.shape
    flat = (np.arange(replicates)[:, None] * n + position[draws]).ravel()
    return np.bincount(flat, minlength=replicates * n).reshape(replicates, n).astype(np.float64)


#: Resamples scored at a time: each needs about a dozen replicates × n float arrays, so all
#: 300 of a 50,000-customer held-out month at once took 1.2 GB of the churn retrain's peak.
REPLICATE_BLOCK = 25


def ranking_replicates(y: np.ndarray, score: np.ndarray, draws: np.ndarray, *,
                       jitter: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Per resample: ROC-AUC, PR-AUC (average precision) and the top-decile churn rate and lift
    of `score` against the 0/1 label `y` — the same definitions as sklearn's roc_auc_score and
    average_precision_score (ties grouped) and relmgr.analytics.churn_model.top_decile_lift
    (ties broken by `jitter`), computed from draw counts in one pass per block of
    REPLICATE_BLOCK resamples instead of one call per resample. A resample with one class
    only gives NaN."""
    y = np.asarray(y, dtype=np.float64)
    score = np.asarray(score, dtype=np.float64)
    n = len(y)
    if not len(draws) or n == 0:
        empty = np.zeros(0)
        return {"roc_auc": empty, "pr_auc": empty, "top_decile_rate": empty, "top_decile_lift": empty}
    order = np.argsort(score, kind="stable")
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    jitter = np.arange(n) if jitter is None else np.asarray(jitter)
    top_order = np.lexsort((jitter, -score))
    top_position = np.empty(n, dtype=np.int64)
    top_position[top_order] = np.arange(n)
    ranked = _Ranked(ys=y[order], starts=np.flatnonzero(np.r_[True, score[order][1:] != score[order][:-1]]),
                     position=position, top_position=top_position, top_y=y[top_order],
                     top_n=max(1, int(np.ceil(n * 0.1))))
    blocks = [ranked.metrics(draws[i:i + REPLICATE_BLOCK]) for i in range(0, len(draws), REPLICATE_BLOCK)]
    return {name: np.concatenate([b[name] for b in blocks]) for name in blocks[0]}


class _Ranked:
    """The rows in score order (ascending, tie groups at `starts`) and in top-decile order."""

    def __init__(self, *, ys: np.ndarray, starts: np.ndarray, position: np.ndarray,
                 top_position: np.ndarray, top_y: np.ndarray, top_n: int) -> None:
        self.ys, self.starts, self.position = ys, starts, position
        self.top_position, self.top_y, self.top_n = top_position, top_y, top_n

    def metrics(self, draws: np.ndarray) -> dict[str, np.ndarray]:
        n = len(self.ys)
        w = _counts(draws, self.position)
        gp = np.add.reduceat(w * self.ys, self.starts, axis=1)      # positives per tie group, ascending
        gn = np.add.reduceat(w * (1 - self.ys), self.starts, axis=1)
        del w
        pos, neg = gp.sum(axis=1), gn.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            below = np.cumsum(gn, axis=1) - gn
            auc = (gp * (below + 0.5 * gn)).sum(axis=1) / (pos * neg)
            del below
            tp, fp = np.cumsum(gp[:, ::-1], axis=1), np.cumsum(gn[:, ::-1], axis=1)
            precision = np.where(tp + fp > 0, tp / np.where(tp + fp > 0, tp + fp, 1), 0.0)
            ap = (gp[:, ::-1] / pos[:, None] * precision).sum(axis=1)
            del tp, fp, precision, gp, gn
            # Top decile: the first ceil(n / 10) draws by descending score, ties by the jitter.
            wt = _counts(draws, self.top_position)
            inside = np.cumsum(wt, axis=1) <= self.top_n
            rate = (wt * self.top_y * inside).sum(axis=1) / (wt * inside).sum(axis=1)
            lift = rate / (pos / n)
        undefined = (pos == 0) | (neg == 0)
        auc[undefined] = ap[undefined] = lift[undefined] = np.nan
        return {"roc_auc": auc, "pr_auc": ap, "top_decile_rate": rate, "top_decile_lift": lift}


def interval_of(replicates: np.ndarray, *, digits: int = 4) -> list[float] | None:
    """95% percentile interval of per-resample values (NaN resamples skipped)."""
    return _percentiles(np.asarray(replicates, dtype=np.float64), digits)
