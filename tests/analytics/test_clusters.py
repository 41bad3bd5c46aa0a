"""Behaviour clusters: features, k by silhouette, generated descriptions, determinism, speed."""

from __future__ import annotations

import datetime as dt
import time

import numpy as np
import pandas as pd
import pytest

from relmgr.analytics.activity import ActivityIndex, customer_index
from relmgr.analytics.clusters import FEATURE_COLUMNS, behaviour_features, cluster_customers
from relmgr.domain.segments import ClusterRules
from tests.analytics.segment_frames import Book

AS_OF = dt.date(2026, 6, 30)


def _population(n_per_group: int, seed: int = 3) -> pd.DataFrame:
    """Three obvious groups: young digital savers, older wealthy branch customers, a middle."""
    rng = np.random.default_rng(seed)
    groups = [  # age, log_aum, log_txns, digital share, products, tenure, log logins
        (27, np.log1p(30_000), np.log1p(200), 0.9, 2, 2, np.log1p(40)),
        (66, np.log1p(3_000_000), np.log1p(15), 0.1, 5, 20, np.log1p(1)),
        (45, np.log1p(300_000), np.log1p(60), 0.5, 3, 8, np.log1p(10)),
    ]
    frames = []
    for g, centre in enumerate(groups):
        noise = rng.normal(0, 1, size=(n_per_group, 7)) * [3, 0.3, 0.3, 0.05, 0.5, 1.5, 0.3]
        block = pd.DataFrame(np.array(centre) + noise, columns=list(FEATURE_COLUMNS))
        block.index = [f"G{g}-{i:04d}" for i in range(n_per_group)]
        frames.append(block)
    return pd.concat(frames)


def test_finds_the_three_groups_and_describes_them_from_the_data() -> None:
    features = _population(300)
    result = cluster_customers(features)
    assert result.k == 3
    assert result.silhouette[3] == max(result.silhouette.values())
    labels = result.assignments.set_index("customer_id")["cluster"]
    for g in range(3):
        assert labels[labels.index.str.startswith(f"G{g}-")].nunique() == 1
    # Cluster 1 is the wealthiest: the older branch customers.
    wealthy = result.profiles.set_index("cluster").loc[1]
    assert labels["G1-0000"] == 1
    traits = {(f, lvl) for f, lvl, _ in wealthy["traits"]}
    # Only the strongest traits are kept; every one of them must be true of this group.
    assert traits and traits <= {("AUM", "HIGH"), ("AGE", "HIGH"), ("CHANNEL", "BRANCH"),
                                 ("ACTIVITY", "LOW"), ("PRODUCTS", "HIGH"), ("TENURE", "HIGH"),
                                 ("LOGINS", "LOW")}
    assert len(wealthy["traits"]) <= ClusterRules().max_traits
    young = result.profiles.set_index("cluster").loc[labels["G0-0000"]]
    young_traits = {(f, lvl) for f, lvl, _ in young["traits"]}
    assert young_traits and young_traits <= {
        ("AGE", "LOW"), ("AUM", "LOW"), ("CHANNEL", "DIGITAL"), ("ACTIVITY", "HIGH"),
        ("PRODUCTS", "LOW"), ("TENURE", "LOW"), ("LOGINS", "HIGH")}
    # With room for every trait, the full profile appears.
    full = cluster_customers(features, rules=ClusterRules(max_traits=7)).profiles.set_index("cluster")
    assert {("AUM", "HIGH"), ("AGE", "HIGH"), ("CHANNEL", "BRANCH")} <= {
        (f, lvl) for f, lvl, _ in full.loc[1, "traits"]}
    assert result.profiles["size"].sum() == len(features)
    assert result.profiles["share"].sum() == pytest.approx(1.0)


def test_trait_strength_orders_traits_and_all_levels_are_codes() -> None:
    result = cluster_customers(_population(200))
    for traits in result.profiles["traits"]:
        strengths = [abs(z) for _, _, z in traits]
        assert strengths == sorted(strengths, reverse=True)
        assert all(abs(z) >= ClusterRules().trait_z for z in strengths)
        for feature, level, _ in traits:
            assert level in ({"DIGITAL", "BRANCH"} if feature == "CHANNEL" else {"HIGH", "LOW"})


def test_deterministic() -> None:
    features = _population(200, seed=11)
    first = cluster_customers(features)
    second = cluster_customers(features.sample(frac=1.0, random_state=0).loc[features.index])
    assert first.assignments.equals(second.assignments)
    assert first.silhouette == second.silhouette


def test_fifty_thousand_customers_in_a_few_seconds() -> None:
    features = _population(16_667, seed=5)
    started = time.perf_counter()
    result = cluster_customers(features)
    elapsed = time.perf_counter() - started
    assert len(result.assignments) == len(features)
    assert elapsed < 10, f"clustering 50k customers took {elapsed:.1f} s"


def test_behaviour_features_from_portfolio_frames() -> None:
    book = (Book().customer("A", opened_on="2016-06-30", birth_date="1960-06-30")
            .txns_every("A", first="2025-07-10", last="2026-06-20", days=30, channel="MOBILE")
            .txn("A", "2026-06-21", channel="BRANCH").txn("A", "2024-01-01", channel="BRANCH")
            .holding("A", opened_on="2016-06-30").holding("A", opened_on="2017-01-01",
                                                           closed_on="2020-01-01")
            .holding("A", opened_on="2024-01-01")
            .customer("B", opened_on="2025-06-30", birth_date="2000-01-01")
            .customer("X", opened_on="2010-01-01", closed_on="2026-01-01"))
    frames = book.frames()
    ids = customer_index(frames["customers"], as_of=AS_OF)
    activity = ActivityIndex.build(frames["transactions"], customers=ids, as_of=AS_OF)
    features = behaviour_features(customers=frames["customers"], holdings=frames["holdings"],
                                  activity=activity, aum_3m=pd.Series({"A": 1_000_000.0}),
                                  logins_3m=pd.Series({"A": 4.0}), as_of=AS_OF)
    assert list(features.index) == ["A", "B"]  # the closed customer is not clustered
    a = features.loc["A"]
    assert a["age"] == pytest.approx(66, abs=0.01)
    assert a["tenure_years"] == pytest.approx(10, abs=0.01)
    assert np.expm1(a["log_txns_12m"]) == pytest.approx(13)   # 12 mobile + 1 branch in 12 months
    assert a["digital_share"] == pytest.approx(12 / 13)
    assert a["products"] == 2
    assert np.expm1(a["log_aum"]) == pytest.approx(1_000_000)
    # B made no transactions: digital share is the portfolio median, not a made-up 0 or 1.
    assert features.loc["B", "digital_share"] == pytest.approx(12 / 13)
    assert features.loc["B", "log_aum"] == 0.0
