"""The point-in-time evaluation of recommendations (relmgr/analytics/reco_eval.py) on a seeded
demo portfolio: nothing after the cutoff reaches the scores, and the figures carry intervals."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from relmgr.analytics import reco_eval as E
from relmgr.analytics.uncertainty import sample_warning
from relmgr.services.demo import generate_demo_frames

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo() -> dict[str, pd.DataFrame]:
    return generate_demo_frames(customers=1500, seed=41, as_of=AS_OF)


def _evaluate(demo: dict[str, pd.DataFrame], **changes: pd.DataFrame) -> dict:
    frames = {**demo, **changes}
    return E.evaluate_point_in_time(customers=frames["customers"], products=frames["products"],
                                    holdings=frames["holdings"], monthly=frames["monthly_balances"],
                                    transactions=frames["transactions"], as_of=AS_OF, bootstrap=200)


def test_cutoff_is_the_month_end_three_complete_months_before_the_data_date() -> None:
    assert E.evaluation_cutoff(dt.date(2026, 6, 30)) == (dt.date(2026, 3, 31), dt.date(2026, 6, 30))
    assert E.evaluation_cutoff(dt.date(2026, 6, 15)) == (dt.date(2026, 2, 28), dt.date(2026, 5, 31))
    assert E.evaluation_cutoff(dt.date(2026, 2, 28)) == (dt.date(2025, 11, 30), dt.date(2026, 2, 28))


def test_the_portfolio_as_of_the_cutoff_holds_nothing_opened_later(demo) -> None:
    cutoff = dt.date(2026, 3, 31)
    customers, holdings = E.portfolio_as_of(customers=demo["customers"], holdings=demo["holdings"],
                                            cutoff=cutoff)
    assert (holdings["opened_on"].astype(str) <= "2026-03-31").all()
    assert holdings["customer_id"].isin(customers["customer_id"]).all()
    assert (customers["opened_on"].astype(str) <= "2026-03-31").all()
    # A holding closed after the cutoff was still held then.
    later = (demo["holdings"]["closed_on"].astype(str).between("2026-04-01", "2026-06-30")
             & (demo["holdings"]["opened_on"].astype(str) <= "2026-03-31"))
    assert later.any() and set(demo["holdings"].loc[later, "holding_id"]) <= set(holdings["holding_id"])
    opened = E.openings_between(demo["holdings"], after=cutoff, until=dt.date(2026, 6, 30))
    assert len(opened) > 100


def test_nothing_after_the_cutoff_changes_the_scores(demo) -> None:
    result = _evaluate(demo)
    # Today's balances and every transaction after the cutoff are not read: scrambling them
    # (and dropping the later transactions) leaves every figure as it was.
    holdings = demo["holdings"].assign(balance=demo["holdings"]["balance"] * 7 + 1)
    txns = demo["transactions"]
    later = txns["txn_date"].astype(str) > "2026-03-31"
    scrambled = pd.concat([txns[~later], txns[later].assign(amount=txns.loc[later, "amount"] * 100)])
    assert _evaluate(demo, holdings=holdings, transactions=scrambled) == result
    assert _evaluate(demo, holdings=holdings, transactions=txns[~later]) == result


def test_point_in_time_figures_come_with_intervals(demo) -> None:
    result = _evaluate(demo)
    print("\npoint-in-time eval (1500 demo customers, seed 41):",
          json.dumps({k: result[k] for k in ("evaluated", "blended", "popularity", "hit_rate_ratio",
                                              "hit_rate_ratio_ci95")}))
    assert result["evaluated"] > 200 and result["warning"] is None
    assert result["cutoff"] == "2026-03-31"
    for method in ("blended", "popularity", "recent_openings"):
        for metric in ("hit_rate", "map"):
            lo, hi = result[method][f"{metric}_ci95"]
            assert lo <= result[method][metric] <= hi and lo < hi
    assert 0 < result["popularity"]["hit_rate"] < 1
    lo, hi = result["hit_rate_ratio_ci95"]
    assert lo <= result["hit_rate_ratio"] <= hi


def test_ranking_metrics_count_every_opened_product() -> None:
    relevant = np.array([[True, False, True, False], [False, False, False, True],
                         [False, True, False, False]])
    picks = np.array([[1, 0, 2], [0, 1, 2], [1, -1, -1]])
    hit, ap = E.ranking_metrics(picks, relevant, k=3)
    assert hit.tolist() == [1.0, 0.0, 1.0]
    # Row 0: hits at ranks 2 and 3 -> (1/2 + 2/3) / 2; row 2: a hit at rank 1.
    assert ap == pytest.approx([(0.5 + 2 / 3) / 2, 0.0, 1.0])


def test_a_small_sample_is_warned_about() -> None:
    assert sample_warning(count=40, minimum=100, what="customers evaluated").startswith("only 40")
    assert sample_warning(count=100, minimum=100, what="customers evaluated") is None
