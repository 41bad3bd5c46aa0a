"""Churn features are point in time (a customer's future never moves their features at a cutoff),
and labels follow the churn definition (closed, or dormant with a low balance)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from relmgr.analytics.churn_features import (
    FEATURES,
    LOOKBACK_DAYS,
    ChurnHistory,
    month_end_cutoffs,
)
from relmgr.domain.churn import ChurnRules
from relmgr.services.demo import generate_demo_frames

AS_OF = dt.date(2026, 6, 30)
CUTOFF = dt.date(2026, 1, 31)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    frames = generate_demo_frames(customers=300, seed=11, as_of=AS_OF)
    family = frames["products"].set_index("product_id")["family"]
    frames["holdings"] = frames["holdings"].assign(family=frames["holdings"]["product_id"].map(family))
    return frames


def _history(frames: dict[str, pd.DataFrame]) -> ChurnHistory:
    return ChurnHistory.from_transactions(
        customers=frames["customers"], transactions=frames["transactions"],
        monthly_balances=frames["monthly_balances"], holdings=frames["holdings"],
        interactions=frames["interactions"])


def _active_customer(frames: dict[str, pd.DataFrame]) -> str:
    history = _history(frames)
    eligible = history.eligible_at(CUTOFF)
    features = history.features_at(CUTOFF, customers=np.flatnonzero(eligible))
    busy = features[(features["txns_90d"] >= 5) & (features["aum"] > 20_000)]
    return str(busy.index[0])


def _alter_future(frames: dict[str, pd.DataFrame], customer: str) -> dict[str, pd.DataFrame]:
    """The same portfolio, but everything after CUTOFF is different for `customer`."""
    after = (CUTOFF + dt.timedelta(days=1)).isoformat()
    out = dict(frames)
    txns = frames["transactions"]
    mine = txns["customer_id"] == customer
    future = mine & (txns["txn_date"] >= after)
    extra = txns[mine].head(3).assign(txn_date=["2026-02-01", "2026-03-15", "2026-06-01"],
                                      amount=[-9e6, 5e6, -1e6], kind="TRANSFER_OUT",
                                      txn_id=[10**9, 10**9 + 1, 10**9 + 2])
    out["transactions"] = pd.concat([txns[~future], extra], ignore_index=True)
    balances = frames["monthly_balances"]
    later = (balances["customer_id"] == customer) & (balances["month"] > CUTOFF.strftime("%Y-%m"))
    out["monthly_balances"] = balances.assign(
        aum_end=np.where(later, 3.0, balances["aum_end"]),
        digital_logins=np.where(later, 0, balances["digital_logins"]))
    customers = frames["customers"]
    out["customers"] = customers.assign(closed_on=np.where(
        customers["customer_id"] == customer, "2026-04-02", customers["closed_on"]))
    holdings = frames["holdings"]
    still_open = holdings["closed_on"].isna() | (holdings["closed_on"] > CUTOFF.isoformat())
    out["holdings"] = holdings.assign(closed_on=np.where(
        (holdings["customer_id"] == customer) & still_open, "2026-04-02", holdings["closed_on"]))
    complaint = pd.DataFrame([{"interaction_id": 10**9, "customer_id": customer,
                               "occurred_at": "2026-02-10T10:00:00", "channel": "VISIT",
                               "purpose": "COMPLAINT", "outcome": "COMPLAINT", "note": ""}])
    out["interactions"] = pd.concat([frames["interactions"], complaint], ignore_index=True)
    return out


def test_altering_a_customers_future_leaves_their_features_at_the_cutoff_unchanged(frames) -> None:
    customer = _active_customer(frames)
    before = _history(frames).features_at(CUTOFF).loc[customer]
    altered = _history(_alter_future(frames, customer))
    after = altered.features_at(CUTOFF).loc[customer]
    pd.testing.assert_series_equal(before, after)
    # The altered future is real: the customer churns in the horizon after the cutoff.
    position = altered.ids.get_loc(customer)
    assert altered.eligible_at(CUTOFF)[position]
    assert altered.labels(CUTOFF)[position] == 1


def test_altering_the_past_does_move_the_features(frames) -> None:
    # The leakage test above can fail: a change before the cutoff is seen.
    customer = _active_customer(frames)
    before = _history(frames).features_at(CUTOFF).loc[customer]
    txns = frames["transactions"]
    past = (txns["customer_id"] == customer) & (txns["txn_date"] > "2025-12-01") & (
        txns["txn_date"] <= CUTOFF.isoformat())
    changed = _history({**frames, "transactions": txns[~past]}).features_at(CUTOFF).loc[customer]
    assert changed["txns_30d"] < before["txns_30d"]
    assert changed["days_since_txn"] > before["days_since_txn"]


def test_labels_follow_the_churn_definition(frames) -> None:
    history = _history(frames)
    rules = ChurnRules()
    customers = frames["customers"].set_index("customer_id")
    eligible = history.eligible_at(CUTOFF, rules)
    labels = history.labels(CUTOFF, rules)
    closed = customers.reindex(history.ids)["closed_on"].fillna("").astype(str).to_numpy()
    horizon_end = (CUTOFF + dt.timedelta(days=rules.horizon_days)).isoformat()
    closes_in_horizon = (closed > CUTOFF.isoformat()) & (closed <= horizon_end)
    closed_before = (closed != "") & (closed <= CUTOFF.isoformat())
    assert not eligible[closed_before].any()          # already gone: not scored, not labelled
    assert closes_in_horizon.any()
    assert (labels[closes_in_horizon & eligible] == 1).all()
    # Dormant churners (no closure) exist in the demo and are labelled too.
    dormant = (labels == 1) & eligible & ~closes_in_horizon
    assert dormant.any()
    base = labels[eligible].mean()
    assert 0.005 < base < 0.2


def test_features_are_complete_and_refuse_cutoffs_without_lookback(frames) -> None:
    history = _history(frames)
    features = history.features_at(CUTOFF)
    assert list(features.columns[:len(FEATURES)]) == list(FEATURES)
    assert features.index.is_unique
    start = history.first_txn_day
    too_early = dt.date(1970, 1, 1) + dt.timedelta(days=start + LOOKBACK_DAYS - 10)
    with pytest.raises(ValueError, match="need transactions"):
        history.features_at(too_early)


def test_month_end_cutoffs_leave_a_full_horizon() -> None:
    cutoffs = month_end_cutoffs(as_of=AS_OF, count=3, horizon_days=90)
    assert cutoffs == [dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 31)]
    assert month_end_cutoffs(as_of=dt.date(2026, 6, 15), count=1, horizon_days=90) == [dt.date(2026, 2, 28)]
    assert month_end_cutoffs(as_of=AS_OF, count=5, horizon_days=90,
                             earliest=dt.date(2026, 2, 1)) == [dt.date(2026, 2, 28), dt.date(2026, 3, 31)]


def _as_categoricals(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The frames with every text column a categorical, as the storage reads them."""
    return {name: frame.assign(**{c: frame[c].astype("category") for c in frame.columns
                                  if not pd.api.types.is_numeric_dtype(frame[c])})
            for name, frame in frames.items()}


def test_categorical_text_columns_give_the_same_features(frames) -> None:
    plain = _history(frames)
    coded = _history(_as_categoricals(frames))
    for cutoff in (CUTOFF, AS_OF):
        pd.testing.assert_frame_equal(coded.features_at(cutoff), plain.features_at(cutoff), check_exact=True)
        np.testing.assert_array_equal(coded.labels(cutoff), plain.labels(cutoff))
        np.testing.assert_array_equal(coded.eligible_at(cutoff), plain.eligible_at(cutoff))


def test_transactions_in_any_row_order_give_the_same_features(frames) -> None:
    txns = frames["transactions"]
    ordered = txns.sort_values(["customer_id", "txn_date"], kind="stable")        # the sorted fast path
    shuffled = txns.sample(frac=1.0, random_state=3)                               # np.unique's path
    a = _history({**frames, "transactions": ordered}).features_at(CUTOFF)
    b = _history({**frames, "transactions": shuffled}).features_at(CUTOFF)
    # Same-day amounts may add up in another order: equal to rounding.
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12, atol=1e-9)
    assert a["txns_90d"].sum() > 0


def test_null_dates_and_codes_in_categoricals_are_handled(frames) -> None:
    coded = _as_categoricals(frames)
    holdings = coded["holdings"]
    assert holdings["closed_on"].isna().any()          # open holdings: null closing date
    broken = coded["customers"].assign(opened_on=coded["customers"]["opened_on"].astype(object))
    broken.loc[broken.index[0], "opened_on"] = None
    broken["opened_on"] = broken["opened_on"].astype("category")
    with pytest.raises(ValueError, match="opened_on"):
        _history({**coded, "customers": broken})


def test_a_window_ending_mid_month_counts_its_oldest_month_in_proportion(frames) -> None:
    # The data date 15 March: a 3-month window is 1-15 March, February, January and 16/31 of
    # December (the flows are monthly; the proportion keeps the window three months long).
    through = dt.date(2026, 3, 15)
    txns = frames["transactions"]
    history = ChurnHistory.from_transactions(
        customers=frames["customers"], transactions=txns[txns["txn_date"] <= "2026-03-15T99"],
        monthly_balances=frames["monthly_balances"], holdings=frames["holdings"],
        interactions=frames["interactions"], through=through)
    features = history.features_at(through)
    credits = txns[txns["kind"].isin(["SALARY", "PENSION"])]
    month = credits["txn_date"].str.slice(0, 7)
    whole = credits[month.isin(["2026-01", "2026-02"]) | (credits["txn_date"] <= "2026-03-15T99") & (month == "2026-03")]
    december = credits[month == "2025-12"]
    expected = (whole.groupby("customer_id").size().reindex(features.index, fill_value=0)
                + december.groupby("customer_id").size().reindex(features.index, fill_value=0) * 16 / 31)
    np.testing.assert_allclose(features["income_90d"].to_numpy(), expected.to_numpy(dtype=float))
    assert (features["income_90d"] % 1 != 0).any()
    # A month end takes its three months whole.
    whole_q1 = credits[month.isin(["2025-11", "2025-12", "2026-01"])].groupby("customer_id").size()
    at_january = history.features_at(dt.date(2026, 1, 31))
    np.testing.assert_array_equal(at_january["income_90d"].to_numpy(),
                                  whole_q1.reindex(at_january.index, fill_value=0).to_numpy(dtype=float))


def test_a_cutoff_inside_a_month_before_the_data_date_is_refused(frames) -> None:
    # Its month's flows would hold the days after it.
    with pytest.raises(ValueError, match="month end"):
        _history(frames).features_at(dt.date(2026, 3, 15))
