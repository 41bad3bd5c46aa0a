"""Churn model pieces that need no portfolio: the restricted unpickler, counterfactual reasons
(and that the tree shortcut computes exactly what predict_proba does), the rule baseline,
metrics, and the flat-snapshot preparation and cross-validation."""

from __future__ import annotations

import os
import pickle
import zlib

import numpy as np
import pandas as pd
import pytest

from relmgr.analytics import churn_model
from relmgr.analytics.churn_features import FEATURES
from relmgr.analytics.churn_model import (
    REASON_GROUPS,
    RuleBaseline,
    UnsafeModel,
    cross_validate_flat,
    dumps_model,
    evaluate_scores,
    explain,
    fit_gradient_boosting,
    loads_model,
    predict_probability,
    prepare_flat,
    top_decile_lift,
)
from relmgr.domain.churn import ReasonCode


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def _blob(obj: object) -> bytes:
    return zlib.compress(pickle.dumps(obj, protocol=5))


def test_restricted_unpickler_refuses_os_system() -> None:
    with pytest.raises(UnsafeModel, match="system"):
        loads_model(_blob({"model": _Evil()}))


def test_restricted_unpickler_refuses_attribute_walks_and_foreign_classes() -> None:
    # Protocol 4 resolves dotted names; "sklearn.base" + "os.system" must not reach os.
    walk = (b"\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00\x8c\x0csklearn.base\x94\x8c\tos.system"
            b"\x94\x93\x94.")
    with pytest.raises(UnsafeModel):
        loads_model(zlib.compress(walk))
    with pytest.raises(UnsafeModel):
        loads_model(_blob(pd.DataFrame({"a": [1]})))       # pandas is not a model class
    with pytest.raises(UnsafeModel):
        loads_model(_blob(np.memmap))                       # numpy, but not an array internal
    with pytest.raises(ValueError, match="damaged"):
        loads_model(b"not zlib")


def _synthetic(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Churn depends on the 90-day AUM change and inactivity; the other features are noise."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({name: rng.normal(size=n) for name in FEATURES})
    frame["aum_chg_3m"] = rng.uniform(-1, 0.5, n)
    frame["days_since_txn"] = rng.integers(0, 120, n).astype(float)
    logit = -3 - 4 * frame["aum_chg_3m"] + 0.02 * frame["days_since_txn"]
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    for column in ("aum", "net_flow_90d", "matured_out_90d", "days_since_salary",
                   "days_since_pension", "salary_before", "pension_before"):
        frame[column] = 0.0
    frame["aum"] = 100_000.0
    return frame, y.to_numpy()


def test_model_round_trips_and_reasons_name_the_feature_that_drives_the_risk() -> None:
    train, y = _synthetic(6000, 1)
    calibrate, y_cal = _synthetic(3000, 2)
    model = fit_gradient_boosting(train[list(FEATURES)], y, calibrate[list(FEATURES)], y_cal)
    restored = loads_model(dumps_model(model))
    sample, _ = _synthetic(50, 3)
    np.testing.assert_allclose(predict_probability(model, sample[list(FEATURES)]),
                               predict_probability(restored, sample[list(FEATURES)]))

    medians = {name: float(train[name].median()) for name in FEATURES}
    collapse = sample.iloc[:2].copy()
    collapse["aum_chg_3m"] = [-0.95, 0.3]          # one collapses, one grows
    collapse[["aum_chg_1m", "aum_chg_6m"]] = [[-0.5, -0.9], [0.1, 0.3]]
    collapse["days_since_txn"] = [10.0, 10.0]
    reasons = explain(restored, collapse, medians=medians)
    codes = [r["code"] for r in reasons[0]]
    assert codes and codes[0] == ReasonCode.AUM_DROP_90D.value
    assert reasons[0][0]["value"] == pytest.approx(-0.95)
    assert all(r["impact"] >= 0.01 for r in reasons[0])
    assert ReasonCode.AUM_DROP_90D.value not in [r["code"] for r in reasons[1]]


def test_rule_baseline_rates_rise_with_inactivity_and_fall_back_to_defaults() -> None:
    days = np.array([1, 5, 40, 45, 70, 100, 120, 130] * 50)
    y = np.array([0, 0, 0, 1, 0, 1, 1, 1] * 50)
    rule = RuleBaseline.fit(days, y)
    assert rule.source == "labels"
    assert list(rule.rates) == sorted(rule.rates)
    assert rule.predict(np.array([0, 150]))[1] > rule.predict(np.array([0, 150]))[0]
    assert RuleBaseline.fit(None, None).source == "defaults"


def test_metrics_on_a_known_ranking() -> None:
    y = np.array([0] * 90 + [1] * 10)
    perfect = np.arange(100) / 100
    metrics = evaluate_scores(y, perfect)
    assert metrics["roc_auc"] == 1.0 and metrics["top_decile_lift"] == 10.0
    assert len(metrics["calibration"]) == 10
    rate, lift = top_decile_lift(y, np.zeros(100))
    assert lift < 10     # a constant score gets no credit from row order


def test_prepare_flat_drops_identifiers_and_one_hot_encodes() -> None:
    frame = pd.DataFrame({"RowNumber": range(6), "CustomerId": range(100, 106),
                          "Surname": list("abcdef"), "Geography": ["FR", "DE", "FR", "ES", "DE", "FR"],
                          "Age": [30, 40, 50, 60, 35, 45], "Exited": [0, 1, 0, 1, 0, 0]})
    X, y, dropped = prepare_flat(frame, target="Exited")
    assert set(dropped) == {"RowNumber", "CustomerId", "Surname"}
    assert {"Age", "Geography_FR", "Geography_DE", "Geography_ES"} == set(X.columns)
    assert y.tolist() == [0, 1, 0, 1, 0, 0]
    with pytest.raises(ValueError, match="not found"):
        prepare_flat(frame, target="Churn")
    with pytest.raises(ValueError, match="two classes"):
        prepare_flat(frame.assign(Exited=[0, 1, 2, 0, 1, 2]), target="Exited")


def test_cross_validation_of_the_flat_pipeline_learns_a_clear_signal() -> None:
    rng = np.random.default_rng(5)
    n = 1500
    age = rng.integers(18, 90, n)
    active = rng.integers(0, 2, n)
    churn = (rng.random(n) < 1 / (1 + np.exp(-(0.08 * (age - 50) - 1.5 * active)))).astype(int)
    frame = pd.DataFrame({"CustomerId": rng.permutation(n), "Age": age, "IsActiveMember": active,
                          "Noise": rng.normal(size=n), "Exited": churn})
    result = cross_validate_flat(frame, target="Exited", folds=3,
                                 grid={"max_leaf_nodes": (3, 15), "learning_rate": (0.1,)})
    assert result["dropped_columns"] == ["CustomerId"]
    for name in ("untuned", "nested", "logistic"):
        assert result[name]["roc_auc_mean"] > 0.75
        assert len(result[name]["roc_auc_folds"]) == 3
        lo, hi = result[name]["roc_auc_ci95"]
        assert lo < result[name]["roc_auc_mean"] < hi
    chosen = result["nested"]["chosen"]
    assert len(chosen) == 3 and all(c["max_leaf_nodes"] in (3, 15) for c in chosen)


def test_nested_tuning_never_sees_the_outer_test_fold(monkeypatch) -> None:
    """Every row the inner search fits or scores on belongs to the outer fold's training part."""
    from relmgr.analytics import churn_model as M

    rng = np.random.default_rng(8)
    n = 300
    frame = pd.DataFrame({"Age": rng.integers(18, 90, n), "Exited": (rng.random(n) < 0.3).astype(int)})
    seen: list[np.ndarray] = []
    real = M._booster_auc

    def spy(X, y, train, test, params, *, seed):
        seen.append(np.concatenate([train, test]))
        return real(X, y, train, test, params, seed=seed)

    outer: list[np.ndarray] = []
    real_tune = M.tune_inside

    def tune_spy(X, y, rows, **kw):
        outer.append(rows)
        before = len(seen)
        result = real_tune(X, y, rows, **kw)
        assert all(set(s) <= set(rows) for s in seen[before:])
        return result

    monkeypatch.setattr(M, "_booster_auc", spy)
    monkeypatch.setattr(M, "tune_inside", tune_spy)
    M.cross_validate_flat(frame, target="Exited", folds=3, grid={"max_leaf_nodes": (3, 7)}, bootstrap=50)
    assert len(outer) == 3 and len(seen) == 3 * 2 * M.INNER_FOLDS
    assert len(set(np.concatenate(outer))) == n and all(len(r) < n for r in outer)


@pytest.fixture(scope="module")
def fitted() -> tuple[object, dict[str, float]]:
    train, y = _synthetic(6000, 1)
    calibrate, y_cal = _synthetic(3000, 2)
    model = fit_gradient_boosting(train[list(FEATURES)], y, calibrate[list(FEATURES)], y_cal)
    return model, {name: float(train[name].median()) for name in FEATURES}


def _brute_force_counterfactuals(model: object, block: np.ndarray, medians: dict[str, float]) -> np.ndarray:
    """rows × groups: predict_proba of every row with the group set to the medians."""
    out = []
    for names in REASON_GROUPS.values():
        altered = pd.DataFrame(block, columns=list(FEATURES))
        for name in names:
            altered[name] = medians[name]
        out.append(predict_probability(model, altered))
    return np.column_stack(out)


def test_counterfactuals_from_the_tree_shortcut_equal_predict_proba_exactly(fitted) -> None:
    model, medians = fitted
    sample, _ = _synthetic(500, 4)
    # Some rows already hold the medians of a group: their counterfactual is their probability.
    sample.loc[:40, "complaints_180d"] = medians["complaints_180d"]
    sample.loc[10:60, ["days_since_txn"]] = medians["days_since_txn"]
    block = sample[list(FEATURES)].to_numpy(dtype="float64")
    p = predict_probability(model, sample[list(FEATURES)])
    median_row = np.array([medians[name] for name in FEATURES])
    columns = [[list(FEATURES).index(n) for n in names] for names in REASON_GROUPS.values()]
    trees = churn_model._TreeSum.of(model, len(FEATURES))
    assert trees is not None                          # fit_gradient_boosting's models qualify
    assert 0 < trees.uses.any(axis=1).sum() <= len(trees.trees)
    expected = _brute_force_counterfactuals(model, block, medians)

    fast, shortcut = churn_model._counterfactuals(model, trees, block, p, median_row, columns)
    assert shortcut
    np.testing.assert_array_equal(fast, expected)     # bit for bit, not approximately
    plain, shortcut = churn_model._counterfactuals(model, None, block, p, median_row, columns)
    assert not shortcut
    np.testing.assert_array_equal(plain, expected)
    # Probabilities the trees do not reproduce (here: not this model's) switch the shortcut off.
    _, shortcut = churn_model._counterfactuals(model, trees, block, p * 0.5, median_row, columns)
    assert not shortcut


def test_reasons_do_not_depend_on_the_shortcut_or_the_chunk_size(fitted, monkeypatch) -> None:
    model, medians = fitted
    sample, _ = _synthetic(300, 5)
    fast = explain(model, sample, medians=medians, chunk=70)
    assert any(fast)
    monkeypatch.setattr(churn_model._TreeSum, "of", classmethod(lambda cls, model, n_features: None))
    assert explain(model, sample, medians=medians, chunk=1000) == fast


def test_the_tree_shortcut_refuses_models_it_does_not_know(fitted) -> None:
    from sklearn.linear_model import LogisticRegression

    train, y = _synthetic(500, 6)
    assert churn_model._TreeSum.of(LogisticRegression().fit(train[list(FEATURES)], y), len(FEATURES)) is None
    model, _ = fitted
    assert churn_model._TreeSum.of(model, len(FEATURES) + 1) is None


def test_rule_buckets_that_would_go_down_are_pooled_into_their_combined_rate() -> None:
    from relmgr.analytics.churn_model import RuleBaseline, pool_adjacent_violators

    assert pool_adjacent_violators([0.1, 0.3, 0.2, 0.5], [10, 10, 30, 5]) == [0.1, 0.225, 0.225, 0.5]
    assert pool_adjacent_violators([0.1, 0.2, 0.3], [1, 1, 1]) == [0.1, 0.2, 0.3]
    # 60–89 days churn more than 90+ (the long-inactive still counted as customers hold money):
    # the two are pooled, and the observed rates say why they share one.
    days = np.repeat([5, 40, 70, 120], [400, 200, 100, 100])
    y = np.concatenate([np.zeros(396), np.ones(4), np.zeros(180), np.ones(20), np.zeros(40),
                        np.ones(60), np.zeros(80), np.ones(20)])
    rule = RuleBaseline.fit(days, y)
    assert rule.observed[2] > rule.observed[3]
    assert rule.rates[2] == rule.rates[3] and rule.observed[3] < rule.rates[3] < rule.observed[2]
    assert list(rule.rates) == sorted(rule.rates) and rule.rows == (400, 200, 100, 100)
