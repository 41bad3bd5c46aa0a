"""Bootstrap intervals (relmgr/analytics/uncertainty.py): the many-resamples-at-once ranking
metrics agree with scikit-learn's on every resample, and intervals narrow with more rows."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import average_precision_score, roc_auc_score

from relmgr.analytics.uncertainty import (
    REPLICATE_BLOCK,
    bootstrap_draws,
    interval_of,
    mean_interval,
    ranking_replicates,
    sample_warning,
)


def test_ranking_replicates_equal_sklearn_on_each_resample_ties_included() -> None:
    rng = np.random.default_rng(4)
    y = (rng.random(800) < 0.1).astype(int)
    score = np.round(rng.random(800) + 0.4 * y, 1)          # coarse: many ties
    # More resamples than one block (REPLICATE_BLOCK), the last block short: every one is checked.
    draws = bootstrap_draws(len(y), replicates=2 * REPLICATE_BLOCK + 10, seed=2)
    got = ranking_replicates(y, score, draws)
    assert len(got["roc_auc"]) == len(draws)
    for i, rows in enumerate(draws):
        assert got["roc_auc"][i] == pytest.approx(roc_auc_score(y[rows], score[rows]), abs=1e-12)
        assert got["pr_auc"][i] == pytest.approx(average_precision_score(y[rows], score[rows]), abs=1e-12)
    assert np.all(got["top_decile_lift"] > 1)


def test_intervals_cover_the_estimate_and_narrow_with_more_rows() -> None:
    rng = np.random.default_rng(5)
    small, large = (rng.random(200) < 0.4).astype(float), (rng.random(20_000) < 0.4).astype(float)
    lo_s, hi_s = mean_interval(small, bootstrap_draws(len(small), replicates=500, seed=1))
    lo_l, hi_l = mean_interval(large, bootstrap_draws(len(large), replicates=500, seed=1))
    assert lo_s < small.mean() < hi_s and lo_l < large.mean() < hi_l
    assert hi_l - lo_l < (hi_s - lo_s) / 5
    assert interval_of(np.array([np.nan, np.nan])) is None
    assert mean_interval(np.zeros(0), bootstrap_draws(0)) is None


def test_one_class_resamples_are_undefined_not_zero() -> None:
    y = np.array([0, 0, 0, 1])
    draws = np.array([[0, 1, 2, 0], [0, 1, 2, 3]])
    got = ranking_replicates(y, np.array([0.1, 0.2, 0.3, 0.9]), draws)
    assert np.isnan(got["roc_auc"][0]) and got["roc_auc"][1] == 1.0


def test_the_warning_names_the_count_and_the_minimum() -> None:
    text = sample_warning(count=40, minimum=100, what="customers evaluated")
    assert "40 customers evaluated" in text and "100" in text
    assert sample_warning(count=100, minimum=100, what="customers evaluated") is None
