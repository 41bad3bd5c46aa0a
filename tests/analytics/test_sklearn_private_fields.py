"""The churn reasons' tree shortcut (relmgr/analytics/churn_model.py `_TreeSum`) reads private
fields of scikit-learn's HistGradientBoostingClassifier and CalibratedClassifierCV. They are not
an API: any release may rename them, change their shape or change what they mean. The version is
pinned in requirements.lock; these tests are what must pass before that pin moves. Each failure
names the installed scikit-learn version and the field.

`_TreeSum.of` returns None for a model it does not recognise and `explain` falls back to
predict_proba when the rebuilt probabilities differ, so a change would otherwise pass silently
(reasons still right, three times slower) or, worse, go unnoticed while meaning something else.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import sklearn

from relmgr.analytics import churn_model
from relmgr.analytics.churn_features import FEATURES
from relmgr.analytics.churn_model import fit_gradient_boosting, predict_probability

VERSION = sklearn.__version__

# The node fields the shortcut and the path walk below rely on, with the dtype kind they must
# have ("i"/"u" integer, "f" float).
NODE_FIELDS = {"feature_idx": "iu", "is_leaf": "iub", "value": "f", "num_threshold": "f",
               "missing_go_to_left": "iub", "left": "iu", "right": "iu"}


def _where(field: str) -> str:
    return (f"scikit-learn {VERSION}: {field} changed; relmgr/analytics/churn_model.py _TreeSum reads "
            f"it (pinned in requirements.lock): adapt _TreeSum before moving the pin")


def _data(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({name: rng.normal(size=n) for name in FEATURES})
    frame.loc[rng.random(n) < 0.1, "days_since_txn"] = np.nan     # missing values take a side
    days = frame["days_since_txn"].fillna(0)
    logit = -2 + 1.5 * frame["aum_chg_3m"] + 0.8 * days - 0.7 * frame[FEATURES[0]]
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int).to_numpy()
    return frame[list(FEATURES)], y


@pytest.fixture(scope="module")
def fitted():
    X, y = _data(4000, 1)
    X_cal, y_cal = _data(2000, 2)
    model = fit_gradient_boosting(X, y, X_cal, y_cal)
    part = model.calibrated_classifiers_[0]
    booster = getattr(part.estimator, "estimator", part.estimator)
    X_test, _ = _data(500, 3)
    return model, booster, X_test


def test_calibrated_model_fields_the_shortcut_reads(fitted) -> None:
    model, booster, _ = fitted
    assert hasattr(model, "calibrated_classifiers_") and len(model.calibrated_classifiers_) == 1, \
        _where("CalibratedClassifierCV.calibrated_classifiers_")
    part = model.calibrated_classifiers_[0]
    for field in ("estimator", "calibrators", "method", "classes"):
        assert hasattr(part, field), _where(f"_CalibratedClassifier.{field}")
    assert type(booster).__name__ == "HistGradientBoostingClassifier", \
        _where("_CalibratedClassifier.estimator (FrozenEstimator.estimator)")
    assert len(part.calibrators) == 1 and callable(getattr(part.calibrators[0], "predict", None)), \
        _where("_CalibratedClassifier.calibrators[0].predict")
    assert list(part.classes) == [0, 1], _where("_CalibratedClassifier.classes")


def test_booster_fields_exist_with_the_expected_types(fitted) -> None:
    _, booster, _ = fitted
    assert hasattr(booster, "_predictors"), _where("HistGradientBoostingClassifier._predictors")
    assert booster.n_trees_per_iteration_ == 1, _where("n_trees_per_iteration_")
    predictors = booster._predictors
    assert len(predictors) == booster.n_iter_ and all(len(it) == 1 for it in predictors), \
        _where("_predictors (one list of one TreePredictor per iteration)")
    baseline = booster._baseline_prediction
    assert np.shape(baseline) in ((1,), (1, 1)) and np.all(np.isfinite(baseline)), \
        _where("_baseline_prediction (shape (1,) or (1, 1))")
    bitsets = booster._bin_mapper.make_known_categories_bitsets()
    assert isinstance(bitsets, tuple) and len(bitsets) == 2, \
        _where("_bin_mapper.make_known_categories_bitsets() (a pair)")
    nodes = predictors[0][0].nodes
    assert nodes.dtype.names is not None, _where("TreePredictor.nodes (a structured array)")
    for field, kinds in NODE_FIELDS.items():
        assert field in nodes.dtype.names, _where(f"TreePredictor.nodes['{field}'] (missing)")
        assert nodes.dtype[field].kind in kinds, \
            _where(f"TreePredictor.nodes['{field}'] dtype {nodes.dtype[field]} (expected kind {kinds})")


def _walk(nodes: np.ndarray, x: np.ndarray) -> tuple[float, set[int]]:
    """The leaf value for one row by walking the nodes by hand, and the features on the path."""
    node, used = 0, set()
    while not nodes["is_leaf"][node]:
        feature = int(nodes["feature_idx"][node])
        used.add(feature)
        value = x[feature]
        left = bool(nodes["missing_go_to_left"][node]) if np.isnan(value) else value <= nodes["num_threshold"][node]
        node = int(nodes["left"][node] if left else nodes["right"][node])
    return float(nodes["value"][node]), used


def test_node_fields_mean_what_the_shortcut_assumes(fitted) -> None:
    """A brute-force walk over feature_idx / num_threshold / missing_go_to_left / left / right /
    value gives the leaf TreePredictor.predict gives, and `_TreeSum.uses` (read from feature_idx
    and is_leaf) covers every feature a walk passes."""
    model, booster, X = fitted
    trees = churn_model._TreeSum.of(model, len(FEATURES))
    assert trees is not None, _where("a field _TreeSum.of checks (it no longer recognises the model)")
    values = X.to_numpy(dtype="float64")[:60]
    leaves = trees.leaves(values)
    for t, tree in enumerate(trees.trees[:40]):
        for i, row in enumerate(values):
            leaf, used = _walk(tree.nodes, row)
            assert leaf == leaves[t, i], _where(f"TreePredictor.nodes path (tree {t}, row {i})")
            assert trees.uses[t, sorted(used)].all(), _where("TreePredictor.nodes['feature_idx'] / ['is_leaf']")


def test_contributions_add_up_to_the_models_own_raw_and_calibrated_prediction(fitted) -> None:
    model, booster, X = fitted
    trees = churn_model._TreeSum.of(model, len(FEATURES))
    assert trees is not None, _where("a field _TreeSum.of checks (it no longer recognises the model)")
    values = X.to_numpy(dtype="float64")
    raw = trees.baseline + trees.leaves(values).sum(axis=0)
    np.testing.assert_allclose(raw, np.ravel(booster.decision_function(X)), rtol=0, atol=1e-9,
                               err_msg=_where("_baseline_prediction + TreePredictor.predict (raw score)"))
    rebuilt = trees.probability(trees.leaves(values))
    np.testing.assert_array_equal(rebuilt, predict_probability(model, X),
                                  err_msg=_where("_CalibratedClassifier.calibrators[0] on the raw score"))
