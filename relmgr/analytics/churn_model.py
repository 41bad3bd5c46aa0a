"""The churn model (issue 5): training on past cutoffs, out-of-time evaluation against baselines,
per-customer reasons, the rule baseline, safe (de)serialisation, and k-fold evaluation of the same
pipeline on a flat labelled snapshot.

Pipeline. Features are relmgr.analytics.churn_features.FEATURES at month-end cutoffs; labels are
"churned within the horizon". Of the usable cutoffs (oldest first) the latest is held out, the
one before it calibrates, and the rest train:
- MODEL: HistGradientBoostingClassifier with fixed, conventional hyper-parameters (GBM_PARAMS,
  never tuned on evaluation data), fitted on the training cutoffs with every churner and a seeded
  NEGATIVE_SAMPLE share of the stayers (weighted back by 1/share: same optimum, a third of the
  time); then calibrated on the calibration cutoff (isotonic with at least ISOTONIC_MIN_POSITIVES
  churners there, else sigmoid). The stored model is exactly the one evaluated on the held-out
  cutoff, so the model card's numbers describe the model that scores.
- LOGISTIC: standardised logistic regression on the same rows, a transparent baseline whose
  coefficients are reported.
- RULE: days since the last customer-initiated transaction — the rule an RM would use without a
  model. As a fallback scorer its probability is the churn rate of its inactivity bucket on the
  training cutoffs (smoothed towards the overall rate), or documented defaults without labels.
Metrics (same held-out rows for all three): ROC-AUC, PR-AUC, top-decile churn rate and lift
(rate in the 10% highest scores / base rate), and calibration by predicted-probability decile.

Reasons are counterfactual and come from the model itself: for each group of related features
(REASON_GROUPS) the group is set to the training population's medians and the probability is
predicted again; the drop is the group's impact. The three largest positive impacts (at least
MIN_IMPACT) are reported as a ReasonCode with the customer's own number — a group whose values
cannot be worded truthfully (e.g. the trend matters but it is not a drop) falls back to a neutral
code or is skipped.

scikit-learn is imported inside functions only (start-up of the GUI must not pay for it), and
fitting runs single-threaded: on the shared 2-core machine OpenMP threads fight and run slower.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import pickle
import zlib
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.churn_features import FEATURES, LOOKBACK_DAYS, ChurnHistory, month_end_cutoffs
from relmgr.analytics.uncertainty import (
    bootstrap_draws,
    interval_of,
    ranking_replicates,
    sample_warning,
)
from relmgr.domain.churn import ChurnRules, ModelKind, ReasonCode
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress

GBM_PARAMS: dict[str, Any] = {
    "learning_rate": 0.05, "max_iter": 300, "max_leaf_nodes": 15, "min_samples_leaf": 50,
    "l2_regularization": 1.0, "early_stopping": False,
}
SEED = 2026
NEGATIVE_SAMPLE = 0.3
SUBSAMPLE_ABOVE_ROWS = 50_000      # smaller training sets are used whole
ISOTONIC_MIN_POSITIVES = 200
MIN_IMPACT = 0.01                  # probability (1 point) a reason must carry to be said
TOP_REASONS = 3
RULE_BUCKETS = (0, 30, 60, 90)     # days since last customer-initiated transaction
RULE_DEFAULT_RATES = (0.01, 0.05, 0.20, 0.50)   # used when there are no labels at all
RULE_PRIOR_WEIGHT = 20.0
# Below this many churners in the held-out month the metrics swing by chance (a warning says so).
MIN_HELDOUT_CHURNERS = 30
# Bootstrap resamples of the held-out month (a few hundred: the intervals move by a few
# thousandths between seeds, and a branch-scale retrain must stay quick).
HELDOUT_REPLICATES = 300


# -- small helpers --------------------------------------------------------------------------------

def _median(values: np.ndarray) -> float:
    """The median of the known values; NaN without a warning when a feature has none (a
    portfolio imported without monthly balances has no login counts)."""
    known = values[~np.isnan(values)]
    return float(np.median(known)) if len(known) else float("nan")

def _single_thread():
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)


def top_decile_lift(y: np.ndarray, score: np.ndarray) -> tuple[float, float]:
    """(churn rate among the 10% highest scores, that rate / base rate); ties broken by order
    of a seeded shuffle so a coarse score (the rule) is not flattered by row order."""
    y = np.asarray(y, dtype="float64")
    n = max(1, int(np.ceil(len(y) * 0.1)))
    jitter = np.random.default_rng(SEED).permutation(len(y))
    order = np.lexsort((jitter, -np.asarray(score, dtype="float64")))
    rate = float(y[order[:n]].mean())
    base = float(y.mean())
    return rate, (rate / base if base > 0 else float("nan"))


def evaluate_scores(y: np.ndarray, score: np.ndarray, *, probabilities: bool = True,
                    draws: np.ndarray | None = None) -> dict[str, Any]:
    """ROC-AUC, PR-AUC, top-decile rate and lift, each with its 95% bootstrap interval over
    `draws` (resamples of the rows; the same draws for every scorer make them comparable);
    calibration by decile when `score` is a probability."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    y = np.asarray(y, dtype="int64")
    score = np.asarray(score, dtype="float64")
    out: dict[str, Any] = {"rows": int(len(y)), "positives": int(y.sum()),
                           "base_rate": round(float(y.mean()), 5) if len(y) else None}
    if len(np.unique(y)) < 2:
        out.update(roc_auc=None, pr_auc=None, top_decile_rate=None, top_decile_lift=None)
        return out
    rate, lift = top_decile_lift(y, score)
    out.update(roc_auc=round(float(roc_auc_score(y, score)), 4),
               pr_auc=round(float(average_precision_score(y, score)), 4),
               top_decile_rate=round(rate, 4), top_decile_lift=round(lift, 2))
    if draws is not None:
        replicates = ranking_replicates(y, score, draws, jitter=np.random.default_rng(SEED).permutation(len(y)))
        for name, values in replicates.items():
            out[f"{name}_ci95"] = interval_of(values, digits=2 if name == "top_decile_lift" else 4)
    if probabilities:
        out["calibration"] = calibration_bins(y, score)
    return out


def calibration_bins(y: np.ndarray, p: np.ndarray, *, bins: int = 10) -> list[dict[str, float]]:
    """Per decile of predicted probability: mean predicted, observed rate, rows."""
    order = np.argsort(p, kind="stable")
    out = []
    for part in np.array_split(order, bins):
        if len(part):
            out.append({"predicted": round(float(p[part].mean()), 5),
                        "observed": round(float(y[part].mean()), 5), "rows": int(len(part))})
    return out


# -- model fitting ---------------------------------------------------------------------------------
def _training_rows(y: np.ndarray, *, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Row positions and weights: all churners and a share of the stayers when there are many rows."""
    y = np.asarray(y)
    if len(y) <= SUBSAMPLE_ABOVE_ROWS:
        return np.arange(len(y)), np.ones(len(y))
    keep = (y == 1) | (np.random.default_rng(seed).random(len(y)) < NEGATIVE_SAMPLE)
    rows = np.flatnonzero(keep)
    return rows, np.where(y[rows] == 1, 1.0, 1.0 / NEGATIVE_SAMPLE)


def fit_gradient_boosting(X: pd.DataFrame, y: np.ndarray, X_cal: pd.DataFrame, y_cal: np.ndarray,
                          *, seed: int = SEED, params: dict[str, Any] | None = None) -> Any:
    """The calibrated gradient-boosting model (see the module docstring); `params` override
    GBM_PARAMS (only the nested cross-validation passes any, chosen inside training folds)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.frozen import FrozenEstimator

    rows, weights = _training_rows(y, seed=seed)
    with _single_thread():
        booster = HistGradientBoostingClassifier(**{**GBM_PARAMS, **(params or {})}, random_state=seed)
        booster.fit(X.iloc[rows], np.asarray(y)[rows], sample_weight=weights)
        method = "isotonic" if int(np.sum(y_cal)) >= ISOTONIC_MIN_POSITIVES else "sigmoid"
        model = CalibratedClassifierCV(FrozenEstimator(booster), method=method)
        model.fit(X_cal, y_cal)
    return model


def fit_logistic(X: pd.DataFrame, y: np.ndarray, *, seed: int = SEED) -> Any:
    """Median-imputed, standardised logistic regression (the transparent baseline)."""
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows, weights = _training_rows(y, seed=seed)
    model = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                          LogisticRegression(C=1.0, max_iter=2000))
    with _single_thread():
        model.fit(X.iloc[rows], np.asarray(y)[rows], logisticregression__sample_weight=weights)
    return model


def predict_probability(model: Any, X: pd.DataFrame) -> np.ndarray:
    with _single_thread():
        return model.predict_proba(X)[:, 1]


def logistic_coefficients(model: Any, names: list[str]) -> list[list[Any]]:
    """[feature, standardised coefficient], largest magnitude first."""
    coefs = model[-1].coef_[0]
    order = np.argsort(-np.abs(coefs))
    return [[names[i], round(float(coefs[i]), 4)] for i in order]


# -- rule baseline ------------------------------------------------------------------------------------
def pool_adjacent_violators(rates: list[float], weights: list[float]) -> list[float]:
    """The non-decreasing sequence closest to `rates` (weighted least squares): each run of
    buckets that would go down is replaced by its pooled rate. Pooled buckets share a rate
    because it is their combined churn rate, not because one is copied onto the next."""
    blocks: list[list[float]] = []          # [rate, weight, bucket count]
    for rate, weight in zip(rates, weights, strict=True):
        blocks.append([rate, max(weight, 1e-9), 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            rate_b, weight_b, count_b = blocks.pop()
            rate_a, weight_a, count_a = blocks.pop()
            total = weight_a + weight_b
            blocks.append([(rate_a * weight_a + rate_b * weight_b) / total, total, count_a + count_b])
    return [round(rate, 5) for rate, _, count in blocks for _ in range(int(count))]


@dataclasses.dataclass(frozen=True)
class RuleBaseline:
    """Churn probability by bucket of days since the last customer-initiated transaction.
    `observed` is each bucket's own (smoothed) rate and `rows` its customers; `rates` is what
    the rule predicts: the observed rates made non-decreasing by pooling adjacent buckets."""

    edges: tuple[int, ...]
    rates: tuple[float, ...]
    source: str                # "labels" (observed on past cutoffs) or "defaults"
    observed: tuple[float, ...] = ()
    rows: tuple[int, ...] = ()

    @classmethod
    def fit(cls, days: np.ndarray | None, y: np.ndarray | None) -> RuleBaseline:
        if days is None or y is None or len(y) == 0:
            return cls(RULE_BUCKETS, RULE_DEFAULT_RATES, "defaults")
        bucket = np.searchsorted(np.array(RULE_BUCKETS), days, side="right") - 1
        overall = float(np.mean(y))
        rates, rows = [], []
        for b in range(len(RULE_BUCKETS)):
            inside = bucket == b
            # Beta-smoothed: a bucket with few customers leans on the overall rate.
            rates.append(round((float(np.sum(y[inside])) + RULE_PRIOR_WEIGHT * overall)
                               / (float(inside.sum()) + RULE_PRIOR_WEIGHT), 5))
            rows.append(int(inside.sum()))
        # More inactivity never means less risk under this rule: where a longer-inactive
        # bucket churns less (the dormant with money left are not churned, so the long-inactive
        # who are still customers are often wealthy holders), the buckets are pooled.
        pooled = pool_adjacent_violators(rates, [r + RULE_PRIOR_WEIGHT for r in rows])
        return cls(RULE_BUCKETS, tuple(pooled), "labels", tuple(rates), tuple(rows))

    def predict(self, days: np.ndarray) -> np.ndarray:
        bucket = np.searchsorted(np.array(self.edges), days, side="right") - 1
        return np.asarray(self.rates)[np.clip(bucket, 0, len(self.rates) - 1)]

    def as_dict(self) -> dict[str, Any]:
        return {"edges_days": list(self.edges), "rates": list(self.rates), "source": self.source,
                "observed": list(self.observed), "rows": list(self.rows)}


# -- reasons --------------------------------------------------------------------------------------
REASON_GROUPS: dict[str, tuple[str, ...]] = {
    "aum_trend": ("aum_chg_1m", "aum_chg_3m", "aum_chg_6m", "aum_vs_peak_6m"),
    "aum_level": ("log_aum",),
    "inactivity": ("days_since_txn",),
    "txn_trend": ("txns_30d", "txns_90d", "txns_prev_90d", "txn_trend_90d"),
    "flows": ("log_inflow_90d", "log_outflow_90d", "net_flow_rel_90d"),
    "income": ("days_since_income", "income_90d", "income_prev_90d"),
    "maturity": ("log_matured_out_90d",),
    "products": ("products_open", "products_closed_90d", "liabilities_open"),
    "logins": ("logins_1m", "logins_3m", "logins_trend_3m"),
    "contact": ("days_since_contact",),
    "complaints": ("complaints_180d",),
    "tenure": ("tenure_days",),
    "age": ("age_years",),
}


def _reason_for(group: str, row: dict[str, float], medians: dict[str, float]) -> tuple[str, float] | None:
    """The code and number that say truthfully what this customer's values of `group` are."""
    def num(name: str) -> float:
        value = row.get(name)
        return float(value) if value is not None and np.isfinite(value) else float("nan")

    if group == "aum_trend":
        changes = {ReasonCode.AUM_DROP_30D: num("aum_chg_1m"), ReasonCode.AUM_DROP_90D: num("aum_chg_3m"),
                   ReasonCode.AUM_DROP_180D: num("aum_chg_6m")}
        known = {k: v for k, v in changes.items() if np.isfinite(v)}
        if not known:
            return None
        code = min(known, key=lambda k: known[k])
        if known[code] <= -0.05:
            return code.value, round(known[code], 3)
        # A rise or a flat AUM is not said as a risk, whatever the model makes of it.
        chg = num("aum_chg_3m")
        return (ReasonCode.AUM_CHANGE_90D.value, round(chg, 3)) if np.isfinite(chg) and chg < -0.0005 else None
    if group == "aum_level":
        aum = num("aum")
        if np.isfinite(aum) and num("log_aum") <= medians.get("log_aum", np.inf):
            return ReasonCode.LOW_BALANCE.value, round(aum, 2)
        return None
    if group == "inactivity":
        # Only inactivity longer than the training population's median is worded as a risk: when
        # the model finds a very recent transaction risky (a leaver's last withdrawal), "last
        # transaction 0 days ago" would call a fresh transaction a risk.
        days = num("days_since_txn")
        if np.isfinite(days) and days > medians.get("days_since_txn", np.inf):
            return ReasonCode.NO_ACTIVITY_DAYS.value, int(days)
        return None
    if group == "txn_trend":
        trend = num("txn_trend_90d")
        if np.isfinite(trend) and trend < 0:
            return ReasonCode.TXNS_DOWN.value, round(trend, 3)
        return None
    if group == "flows":
        net = num("net_flow_90d")
        return (ReasonCode.NET_OUTFLOW_90D.value, round(-net, 2)) if net < 0 else None
    if group == "income":
        salary, pension = num("days_since_salary"), num("days_since_pension")
        if num("salary_before") > 0 and salary >= 40:
            return ReasonCode.SALARY_STOPPED.value, round(salary / 30.44, 1)
        if num("pension_before") > 0 and pension >= 40:
            return ReasonCode.PENSION_STOPPED.value, round(pension / 30.44, 1)
        return None
    if group == "maturity":
        amount = num("matured_out_90d")
        return (ReasonCode.DEPOSIT_MATURED_WITHDRAWN.value, round(amount, 2)) if amount > 0 else None
    if group == "products":
        closed = num("products_closed_90d")
        return (ReasonCode.PRODUCTS_CLOSED.value, int(closed)) if closed > 0 else None
    if group == "logins":
        trend = num("logins_trend_3m")
        return (ReasonCode.LOGINS_DOWN.value, round(trend, 3)) if np.isfinite(trend) and trend < 0 else None
    if group == "contact":
        days = num("days_since_contact")
        return (ReasonCode.NO_RECENT_CONTACT.value, int(days)) if days > medians.get("days_since_contact", np.inf) else None
    if group == "complaints":
        count = num("complaints_180d")
        return (ReasonCode.COMPLAINT.value, int(count)) if count > 0 else None
    if group == "tenure":
        days = num("tenure_days")
        return (ReasonCode.SHORT_TENURE.value, int(days)) if days < medians.get("tenure_days", -np.inf) else None
    if group == "age":
        age = num("age_years")
        return (ReasonCode.PROFILE.value, int(age)) if np.isfinite(age) else None
    raise ValueError(f"unknown reason group {group!r}")


class _TreeSum:
    """A calibrated HistGradientBoosting model (as fit_gradient_boosting makes it) taken apart
    into its trees, for counterfactuals: setting a reason group's features to the medians can
    only change the leaves of the trees that split on one of them, so only those are evaluated
    again; the other trees' outputs are reused, and all are added up in the model's own order
    before the model's own calibrator maps them to a probability — the same floating-point
    operations as predict_proba, on a third less tree work.

    Uses scikit-learn internals (the booster's predictors and baseline), so `of` returns None
    for anything it does not recognise, and `explain` checks the probabilities it rebuilds for
    the real rows against predict_proba's before trusting any counterfactual; on a mismatch it
    falls back to predict_proba.

    The private fields read here (booster._predictors, ._baseline_prediction, ._bin_mapper,
    TreePredictor.nodes["feature_idx"/"is_leaf"] and .predict, the calibrated classifier's
    estimator/calibrators/method/classes) are pinned by scikit-learn's version in
    requirements.lock; tests/analytics/test_sklearn_private_fields.py fails, naming the version
    and the field, when a release renames them or changes their shape or meaning: run it before
    moving the pin."""

    def __init__(self, trees: list[Any], baseline: float, bitsets: Any, f_idx_map: Any,
                 calibrator: Any, n_features: int) -> None:
        self.trees = trees
        self.baseline = baseline
        self.bitsets, self.f_idx_map = bitsets, f_idx_map
        self.calibrator = calibrator
        self.uses = np.zeros((len(trees), n_features), dtype=bool)   # tree × feature it splits on
        for t, tree in enumerate(trees):
            nodes = tree.nodes
            self.uses[t, nodes["feature_idx"][nodes["is_leaf"] == 0]] = True

    @classmethod
    def of(cls, model: Any, n_features: int) -> _TreeSum | None:
        try:
            calibrated = model.calibrated_classifiers_
            if len(calibrated) != 1:
                return None
            part = calibrated[0]
            booster = getattr(part.estimator, "estimator", part.estimator)   # FrozenEstimator
            if (type(booster).__name__ != "HistGradientBoostingClassifier"
                    or part.method not in ("isotonic", "sigmoid") or len(part.calibrators) != 1
                    or booster.n_trees_per_iteration_ != 1 or list(booster.classes_) != [0, 1]
                    or list(part.classes) != [0, 1] or booster.n_features_in_ != n_features
                    or booster.is_categorical_ is not None and np.any(booster.is_categorical_)):
                return None
            trees = [iteration[0] for iteration in booster._predictors]
            baseline = booster._baseline_prediction
            if np.shape(baseline) not in ((1,), (1, 1)) or len(trees) == 0:
                return None
            bitsets, f_idx_map = booster._bin_mapper.make_known_categories_bitsets()
            return cls(trees, float(np.ravel(baseline)[0]), bitsets, f_idx_map, part.calibrators[0],
                       n_features)
        except (AttributeError, TypeError, ValueError, IndexError, KeyError):
            return None

    def leaves(self, X: np.ndarray) -> np.ndarray:
        """Every tree's leaf value for the rows of X: trees × rows."""
        out = np.empty((len(self.trees), len(X)))
        for t, tree in enumerate(self.trees):
            out[t] = tree.predict(X, self.bitsets, self.f_idx_map, 1)
        return out

    def probability(self, leaves: np.ndarray, *, rows: np.ndarray | None = None,
                    altered: np.ndarray | None = None, columns: list[int] | None = None) -> np.ndarray:
        """Calibrated probability of the rows `rows` (default: all) of `leaves` (trees × rows),
        summed in tree order from the baseline as the booster sums them. With `altered` (those
        rows with `columns` changed), the trees that split on `columns` are evaluated on
        `altered` instead of taking their stored leaf."""
        every = rows is None or len(rows) == leaves.shape[1]
        raw = np.zeros(leaves.shape[1] if rows is None else len(rows))
        raw += self.baseline
        affected = (self.uses[:, columns].any(axis=1) if altered is not None and columns
                    else np.zeros(len(self.trees), dtype=bool))
        for t, tree in enumerate(self.trees):
            if affected[t]:
                raw += tree.predict(altered, self.bitsets, self.f_idx_map, 1)
            else:
                raw += leaves[t] if every else leaves[t, rows]
        return np.asarray(self.calibrator.predict(raw), dtype="float64")


def _at_medians(block: np.ndarray, columns: list[int], median_row: np.ndarray) -> np.ndarray:
    """Rows of `block` whose `columns` already hold the medians (NaN matching NaN): setting
    them to the medians changes nothing, so their counterfactual is their own probability."""
    values, medians = block[:, columns], median_row[columns]
    return np.all((values == medians) | (np.isnan(values) & np.isnan(medians)), axis=1)


def _counterfactuals(model: Any, trees: _TreeSum | None, block: np.ndarray, p: np.ndarray,
                     median_row: np.ndarray, columns: list[list[int]]) -> tuple[np.ndarray, bool]:
    """rows × groups probability with each group's features set to the medians, and whether
    the tree shortcut could be used (False: predict_proba did all of it)."""
    features = list(FEATURES)
    out = np.repeat(p[:, None], len(columns), axis=1)
    changed = [np.flatnonzero(~_at_medians(block, cols, median_row)) for cols in columns]
    if trees is not None:
        leaves = trees.leaves(block)
        if np.array_equal(trees.probability(leaves), p):
            for g, cols in enumerate(columns):
                rows = changed[g]
                if not len(rows):
                    continue
                altered = block[rows]
                altered[:, cols] = median_row[cols]
                out[rows, g] = trees.probability(leaves, rows=rows, altered=altered, columns=cols)
            return out, True
    parts = []
    for g, cols in enumerate(columns):
        altered = block[changed[g]]
        altered[:, cols] = median_row[cols]
        parts.append(altered)
    stacked = np.concatenate(parts) if parts else np.zeros((0, len(features)))
    if len(stacked):
        predicted = predict_probability(model, pd.DataFrame(stacked, columns=features))
        offset = 0
        for g, rows in enumerate(changed):
            out[rows, g] = predicted[offset:offset + len(rows)]
            offset += len(rows)
    return out, False


def explain(model: Any, frame: pd.DataFrame, *, medians: dict[str, float],
            probability: np.ndarray | None = None, top: int = TOP_REASONS,
            chunk: int = 10_000, cancel: CancelCheck = never) -> list[list[dict[str, Any]]]:
    """Per row of `frame` (FEATURES plus the detail columns): up to `top` reasons
    [{"code", "value", "impact"}], largest impact first (see the module docstring)."""
    features = list(FEATURES)
    X = frame[features]
    p = predict_probability(model, X) if probability is None else np.asarray(probability, dtype="float64")
    groups = list(REASON_GROUPS)
    impact = np.zeros((len(frame), len(groups)))
    values = X.to_numpy(dtype="float64")
    median_row = np.array([medians.get(name, np.nan) for name in features], dtype="float64")
    columns = [[features.index(name) for name in REASON_GROUPS[group]] for group in groups]
    trees = _TreeSum.of(model, len(features))
    # A group can lower the probability by at most the probability itself, so customers below
    # MIN_IMPACT cannot have a reason: skipping them is exact, and most customers are there.
    candidates = np.flatnonzero(p >= MIN_IMPACT)
    for start in range(0, len(candidates), chunk):
        check_cancel(cancel)
        rows = candidates[start:start + chunk]
        counterfactual, shortcut = _counterfactuals(model, trees, values[rows], p[rows], median_row, columns)
        if not shortcut:
            trees = None          # the shortcut did not reproduce predict_proba: do not retry it
        impact[rows] = p[rows, None] - counterfactual
    out: list[list[dict[str, Any]]] = [[] for _ in range(len(frame))]
    worded_rows = np.flatnonzero((impact >= MIN_IMPACT).any(axis=1))
    if not len(worded_rows):
        return out
    records = frame.iloc[worded_rows].to_dict("records")
    for row, i in zip(records, worded_rows, strict=True):
        reasons = out[i]
        for g in np.argsort(-impact[i], kind="stable"):
            if impact[i, g] < MIN_IMPACT or len(reasons) >= top:
                break
            worded = _reason_for(groups[g], row, medians)
            if worded is not None:
                reasons.append({"code": worded[0], "value": worded[1],
                                "impact": round(float(impact[i, g]), 4)})
    return out


def rule_reasons(days: np.ndarray) -> list[list[dict[str, Any]]]:
    """The rule baseline's only reason: how long the customer has been inactive — said only past
    the rule's first bucket (30 days), where inactivity is what raises the rule's probability."""
    return [[{"code": ReasonCode.NO_ACTIVITY_DAYS.value, "value": int(d), "impact": None}]
            if d >= RULE_BUCKETS[1] else [] for d in days]


# -- training on a portfolio's history ------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class TrainedChurn:
    """What training produced. `model` is None for the rule baseline."""

    kind: ModelKind
    model: Any
    rule: RuleBaseline
    cutoffs: dict[str, Any]
    metrics: dict[str, Any]
    medians: dict[str, float]
    note: str
    seconds: float


def usable_cutoffs(*, as_of: dt.date, first_txn_day: dt.date | None, rules: ChurnRules) -> list[dt.date]:
    """Month-end cutoffs with a full horizon after them and a full look-back before them."""
    if first_txn_day is None:
        return []
    earliest = first_txn_day + dt.timedelta(days=LOOKBACK_DAYS)
    return month_end_cutoffs(as_of=as_of, count=rules.training_cutoffs,
                             horizon_days=rules.horizon_days, earliest=earliest)


def labelled_frame(history: ChurnHistory, cutoff: dt.date, rules: ChurnRules) -> pd.DataFrame:
    """Features at `cutoff` of the customers not churned then, with `label` and `cutoff`."""
    eligible = history.eligible_at(cutoff, rules)
    frame = history.features_at(cutoff, customers=np.flatnonzero(eligible))
    frame["label"] = history.labels(cutoff, rules)[eligible]
    frame["cutoff"] = cutoff.isoformat()
    return frame


def train_churn(history: ChurnHistory, *, cutoffs: list[dt.date], rules: ChurnRules = ChurnRules(),
                progress: Progress = no_progress, cancel: CancelCheck = never) -> TrainedChurn:
    """Fit and evaluate out of time on `cutoffs` (oldest first); the rule baseline when there is
    too little to learn from (fewer than 3 cutoffs, or fewer than rules.min_positive_labels
    churners in the training and calibration cutoffs, or a cutoff without churners)."""
    import time

    started = time.perf_counter()
    frames = []
    for i, cutoff in enumerate(cutoffs):
        check_cancel(cancel)
        frames.append(labelled_frame(history, cutoff, rules))
        progress(0.3 * (i + 1) / max(len(cutoffs), 1), "features")
    features = list(FEATURES)
    split = {"train": [c.isoformat() for c in cutoffs[:-2]],
             "calibrate": cutoffs[-2].isoformat() if len(cutoffs) >= 2 else None,
             "holdout": cutoffs[-1].isoformat() if cutoffs else None,
             "horizon_days": rules.horizon_days}
    learn = pd.concat(frames[:-1], ignore_index=False) if len(frames) >= 2 else None
    holdout = frames[-1] if frames else None
    positives = int(learn["label"].sum()) if learn is not None else 0
    rule = RuleBaseline.fit(learn["days_since_txn"].to_numpy() if learn is not None else None,
                            learn["label"].to_numpy() if learn is not None else None)
    # The reasons compare a customer with the training population (never the held-out month):
    # the training cutoffs, or every cutoff but the held-out one when there are too few.
    medians_source = (pd.concat(frames[:-2]) if len(frames) > 2 else
                      pd.concat(frames[:-1]) if len(frames) == 2 else frames[0] if frames else None)
    medians = ({name: _median(medians_source[name].to_numpy(dtype="float64"))
                for name in features} if medians_source is not None and len(medians_source) else {})
    metrics: dict[str, Any] = {"label_counts": {f["cutoff"].iloc[0] if len(f) else "": [int(len(f)), int(f["label"].sum())]
                                                for f in frames}}
    draws = None
    if holdout is not None and len(holdout):
        draws = bootstrap_draws(len(holdout), replicates=HELDOUT_REPLICATES, seed=SEED)
        metrics["rule"] = evaluate_scores(holdout["label"].to_numpy(),
                                          holdout["days_since_txn"].to_numpy(), probabilities=False,
                                          draws=draws)
        churners = int(holdout["label"].sum())
        metrics["heldout_churners"] = churners
        metrics["warning"] = sample_warning(count=churners, minimum=MIN_HELDOUT_CHURNERS,
                                            what="churners in the held-out month")
    problem = None
    if len(cutoffs) < 3:
        problem = (f"only {len(cutoffs)} usable cutoff(s): the history must cover the look-back "
                   f"({LOOKBACK_DAYS} days), a horizon ({rules.horizon_days} days) and 3 month ends")
    elif positives < rules.min_positive_labels:
        problem = (f"only {positives} churners in the training cutoffs "
                   f"(at least {rules.min_positive_labels} are needed)")
    elif any(int(f["label"].sum()) == 0 for f in frames[-2:]):
        problem = "no churners in the calibration or the held-out cutoff"
    if problem is not None:
        return TrainedChurn(ModelKind.RULE_BASELINE, None, rule, split, metrics, medians, problem,
                            round(time.perf_counter() - started, 3))

    train = pd.concat(frames[:-2]) if len(frames) > 2 else frames[0]
    calibrate = frames[-2]
    check_cancel(cancel)
    progress(0.35, "fit")
    model = fit_gradient_boosting(train[features], train["label"].to_numpy(),
                                  calibrate[features], calibrate["label"].to_numpy())
    check_cancel(cancel)
    progress(0.75, "baseline")
    logistic = fit_logistic(train[features], train["label"].to_numpy())
    check_cancel(cancel)
    progress(0.85, "evaluate")
    y = holdout["label"].to_numpy()
    model_p = predict_probability(model, holdout[features])
    metrics["model"] = evaluate_scores(y, model_p, draws=draws)
    metrics["logistic"] = evaluate_scores(y, predict_probability(logistic, holdout[features]), draws=draws)
    metrics["logistic"]["coefficients"] = logistic_coefficients(logistic, features)
    if metrics["model"]["roc_auc"] is not None and metrics["rule"]["roc_auc"] is not None:
        metrics["model_minus_rule_roc_auc"] = round(metrics["model"]["roc_auc"] - metrics["rule"]["roc_auc"], 4)
        # Paired: the same resamples of the held-out customers for both scorers.
        difference = (ranking_replicates(y, model_p, draws)["roc_auc"]
                      - ranking_replicates(y, holdout["days_since_txn"].to_numpy(), draws)["roc_auc"])
        metrics["model_minus_rule_roc_auc_ci95"] = interval_of(difference)
    metrics["training_rows"] = int(len(train))
    metrics["training_positives"] = int(train["label"].sum())
    progress(1.0, "done")
    return TrainedChurn(ModelKind.MODEL, model, rule, split, metrics, medians, "",
                        round(time.perf_counter() - started, 3))


# -- safe serialisation -------------------------------------------------------------------------------
_SAFE_BUILTINS = frozenset({"list", "dict", "tuple", "set", "frozenset", "int", "float", "complex",
                            "bool", "str", "bytes", "bytearray", "slice", "range"})
_NUMPY_ALLOWED = frozenset({
    ("numpy", "dtype"), ("numpy", "ndarray"),
    ("numpy._core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "scalar"),
    ("numpy._core.numeric", "_frombuffer"),
    ("numpy.core.multiarray", "_reconstruct"), ("numpy.core.multiarray", "scalar"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy.random._pickle", "__bit_generator_ctor"), ("numpy.random._pickle", "__generator_ctor"),
    ("numpy.random._pickle", "__randomstate_ctor"),
    ("numpy.random._pcg64", "PCG64"), ("numpy.random._mt19937", "MT19937"),
    ("numpy.random.mtrand", "RandomState"), ("numpy.random._generator", "Generator"),
    ("numpy.random.bit_generator", "SeedSequence"),
    ("numpy.random.bit_generator", "__pyx_unpickle_SeedSequence"),
})
# Parts of scikit-learn that are not estimators and have no business in a model.
_SKLEARN_EXCLUDED = ("sklearn.externals", "sklearn.datasets", "sklearn.utils._testing")


class UnsafeModel(Exception):
    """The stored model blob references something outside the allowed classes: refused."""


class _RestrictedUnpickler(pickle.Unpickler):
    """Unpickles classes of scikit-learn, scipy.sparse, the numpy internals an array needs,
    and plain builtin containers — nothing else, so a blob cannot make loading run os.system
    or any other callable."""

    def find_class(self, module: str, name: str) -> Any:
        if "." in name:   # protocol 4 would otherwise walk attributes (e.g. "os.system")
            raise UnsafeModel(f"refused {module}.{name}")
        if module == "builtins" and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        if (module, name) in _NUMPY_ALLOWED or module == "numpy.dtypes":
            obj = super().find_class(module, name)
            if module == "numpy.dtypes" and not isinstance(obj, type):
                raise UnsafeModel(f"refused {module}.{name}")
            return obj
        root = module.split(".")[0]
        if root == "sklearn" and not module.startswith(_SKLEARN_EXCLUDED) or module.startswith("scipy.sparse"):
            obj = super().find_class(module, name)
            owner = getattr(obj, "__module__", "") or ""
            if owner.split(".")[0] not in ("sklearn", "scipy"):
                raise UnsafeModel(f"refused {module}.{name}")
            if isinstance(obj, type) or name.startswith("__pyx_unpickle_"):
                return obj
        raise UnsafeModel(f"refused {module}.{name}")


def dumps_model(model: Any) -> bytes:
    return zlib.compress(pickle.dumps(model, protocol=5), 6)


def loads_model(blob: bytes) -> Any:
    """The model in `blob`, through the restricted unpickler; UnsafeModel if it references
    anything else, ValueError if the blob is damaged."""
    try:
        raw = zlib.decompress(blob)
    except zlib.error:
        raise ValueError("the stored churn model is damaged (not compressed data)") from None
    try:
        return _RestrictedUnpickler(io.BytesIO(raw)).load()
    except UnsafeModel:
        raise
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError) as error:
        raise ValueError(f"the stored churn model cannot be read ({type(error).__name__})") from None


# -- flat labelled snapshots ---------------------------------------------------------------------------
_ID_LIKE = ("rownumber", "row_number", "id", "customerid", "customer_id", "surname", "name")
MAX_CATEGORIES = 50


def prepare_flat(frame: pd.DataFrame, *, target: str) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    """(X, y, dropped columns) of a flat snapshot: id-like columns dropped (row numbers, ids,
    names, and text columns with more than MAX_CATEGORIES values), categoricals one-hot encoded.
    The target must hold two classes (0/1, or two distinct values, the larger being 1)."""
    if target not in frame.columns:
        raise ValueError(f"column {target!r} not found (columns: {', '.join(map(str, frame.columns))})")
    values = frame[target]
    if values.isna().any():
        raise ValueError(f"column {target!r} has {int(values.isna().sum())} empty value(s)")
    classes = sorted(values.unique().tolist())
    if len(classes) != 2:
        raise ValueError(f"column {target!r} must have two classes, found {len(classes)}")
    y = (values == classes[1]).to_numpy(dtype="int64")
    dropped, keep = [], []
    for column in frame.columns:
        if column == target:
            continue
        key = str(column).lower().replace(" ", "")
        series = frame[column]
        numeric = pd.api.types.is_numeric_dtype(series)
        id_like = key in _ID_LIKE or key.endswith("id") and (numeric and series.is_unique or not numeric)
        if id_like or (not numeric and series.nunique() > MAX_CATEGORIES):
            dropped.append(str(column))
        else:
            keep.append(column)
    X = frame[keep]
    categorical = [c for c in keep if not pd.api.types.is_numeric_dtype(X[c])]
    X = pd.get_dummies(X, columns=categorical, dtype="float64") if categorical else X
    return X.astype("float64"), y, dropped


# Hyper-parameters the nested cross-validation may choose from (each combination overrides
# GBM_PARAMS). Small on purpose: a wide search on 8,000 training rows mostly fits noise.
TUNING_GRID: dict[str, tuple[Any, ...]] = {
    "learning_rate": (0.03, 0.1),
    "max_leaf_nodes": (7, 15, 31),
    "min_samples_leaf": (20, 80),
}
INNER_FOLDS = 3


def _grid(grid: dict[str, tuple[Any, ...]]) -> list[dict[str, Any]]:
    import itertools

    names = list(grid)
    return [dict(zip(names, values, strict=True)) for values in itertools.product(*grid.values())]


def _booster_auc(X: pd.DataFrame, y: np.ndarray, train: np.ndarray, test: np.ndarray,
                 params: dict[str, Any], *, seed: int) -> float:
    """ROC-AUC on `test` of an uncalibrated booster fitted on `train` (calibration is monotone,
    so it does not change a ranking: inner folds skip it)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    with _single_thread():
        booster = HistGradientBoostingClassifier(**{**GBM_PARAMS, **params}, random_state=seed)
        booster.fit(X.iloc[train], y[train])
        return float(roc_auc_score(y[test], booster.predict_proba(X.iloc[test])[:, 1]))


def tune_inside(X: pd.DataFrame, y: np.ndarray, rows: np.ndarray, *, grid: dict[str, tuple[Any, ...]],
                seed: int, cancel: CancelCheck = never) -> tuple[dict[str, Any], float]:
    """(best parameters, their mean inner ROC-AUC) by `INNER_FOLDS`-fold cross-validation on
    `rows` only — the training part of an outer fold: the outer test rows are never seen."""
    from sklearn.model_selection import StratifiedKFold

    inner = list(StratifiedKFold(n_splits=INNER_FOLDS, shuffle=True, random_state=seed).split(rows, y[rows]))
    best, best_auc = {}, -np.inf
    for params in _grid(grid):
        check_cancel(cancel)
        auc = float(np.mean([_booster_auc(X, y, rows[a], rows[b], params, seed=seed) for a, b in inner]))
        if auc > best_auc + 1e-12:
            best, best_auc = params, auc
    return best, best_auc


def _fold_figures(fold_aucs: list[float], y: np.ndarray, pooled: np.ndarray, draws: np.ndarray) -> dict[str, Any]:
    """Mean and spread of the fold ROC-AUCs, and a 95% bootstrap interval of the ROC-AUC of the
    pooled out-of-fold predictions (every row scored by a model that never saw it)."""
    return {"roc_auc_mean": round(float(np.mean(fold_aucs)), 4),
            "roc_auc_std": round(float(np.std(fold_aucs)), 4),
            "roc_auc_folds": [round(a, 4) for a in fold_aucs],
            "roc_auc_ci95": interval_of(ranking_replicates(y, pooled, draws)["roc_auc"])}


def cross_validate_flat(frame: pd.DataFrame, *, target: str, folds: int = 5, seed: int = SEED,
                        nested: bool = True, grid: dict[str, tuple[Any, ...]] = TUNING_GRID,
                        bootstrap: int = HELDOUT_REPLICATES, progress: Progress = no_progress,
                        cancel: CancelCheck = never) -> dict[str, Any]:
    """Stratified k-fold ROC-AUC of the same pipeline (gradient boosting fitted on 80% of each
    training fold, calibrated on the other 20%) with the fixed GBM_PARAMS ("untuned"), of the
    same pipeline tuned by nested cross-validation ("nested": in each outer fold the grid is
    searched by inner cross-validation on that fold's training rows only, then the chosen
    parameters are fitted on them and scored on the outer test fold, which no choice has seen),
    and of the logistic-regression baseline. Never tuned on a test fold."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, train_test_split

    X, y, dropped = prepare_flat(frame, target=target)
    if min(int(y.sum()), int(len(y) - y.sum())) < folds:
        raise ValueError(f"column {target!r}: too few rows of one class for {folds} folds")
    names = ["untuned", "logistic"] + (["nested"] if nested else [])
    scores: dict[str, list[float]] = {name: [] for name in names}
    pooled = {name: np.zeros(len(y)) for name in names}
    chosen: list[dict[str, Any]] = []
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for i, (train_idx, test_idx) in enumerate(splitter.split(X, y)):
        check_cancel(cancel)
        fit_idx, cal_idx = train_test_split(train_idx, test_size=0.2, stratify=y[train_idx],
                                            random_state=seed + i)
        predictions = {
            "untuned": predict_probability(fit_gradient_boosting(
                X.iloc[fit_idx], y[fit_idx], X.iloc[cal_idx], y[cal_idx], seed=seed), X.iloc[test_idx]),
            "logistic": predict_probability(fit_logistic(X.iloc[train_idx], y[train_idx], seed=seed),
                                            X.iloc[test_idx]),
        }
        if nested:
            params, inner_auc = tune_inside(X, y, train_idx, grid=grid, seed=seed + i, cancel=cancel)
            chosen.append({**params, "inner_roc_auc": round(inner_auc, 4)})
            predictions["nested"] = predict_probability(fit_gradient_boosting(
                X.iloc[fit_idx], y[fit_idx], X.iloc[cal_idx], y[cal_idx], seed=seed, params=params),
                X.iloc[test_idx])
        for name, p in predictions.items():
            scores[name].append(float(roc_auc_score(y[test_idx], p)))
            pooled[name][test_idx] = p
        progress((i + 1) / folds, "folds")
    draws = bootstrap_draws(len(y), replicates=bootstrap, seed=seed)
    result: dict[str, Any] = {
        "rows": int(len(y)), "positives": int(y.sum()), "folds": folds, "target": target,
        "dropped_columns": dropped, "features": list(map(str, X.columns)),
        "hyperparameters": dict(GBM_PARAMS),
    }
    for name in names:
        result[name] = _fold_figures(scores[name], y, pooled[name], draws)
    if nested:
        result["nested"].update(chosen=chosen, grid={k: list(v) for k, v in grid.items()},
                                inner_folds=INNER_FOLDS)
    result["warning"] = sample_warning(count=min(int(y.sum()), int(len(y) - y.sum())),
                                       minimum=MIN_HELDOUT_CHURNERS * folds,
                                       what="rows of the rarer class")
    return result


def score_frame(*, kind: ModelKind, model: Any, rule: RuleBaseline, frame: pd.DataFrame,
                medians: dict[str, float], rules: ChurnRules,
                cancel: CancelCheck = never) -> pd.DataFrame:
    """customer_id, probability, band, aum, value_at_risk, reasons for the rows of `frame`
    (features at the scoring date), highest value at risk first."""
    if kind is ModelKind.MODEL:
        probability = predict_probability(model, frame[list(FEATURES)])
        reasons = explain(model, frame, medians=medians, probability=probability, cancel=cancel)
    else:
        probability = rule.predict(frame["days_since_txn"].to_numpy())
        reasons = rule_reasons(frame["days_since_txn"].to_numpy())
    aum = np.maximum(np.nan_to_num(frame["aum"].to_numpy(dtype="float64"), nan=0.0), 0.0)
    bands = np.where(probability >= rules.high_probability, "HIGH",
                     np.where(probability >= rules.medium_probability, "MEDIUM", "LOW"))
    out = pd.DataFrame({"customer_id": frame.index.to_numpy(dtype=object),
                        "probability": probability, "band": bands.astype(object), "aum": aum,
                        "value_at_risk": probability * aum, "reasons": reasons})
    return out.sort_values(["value_at_risk", "customer_id"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)

