"""Unusual-activity alerts (异常交易提醒, issue 18): transactions far outside a customer's own
history, for the RM to check in with the customer. A service alert, never a fraud verdict.

Per customer, the history is their customer-initiated transactions in the `history_days` before
the alert window (scheduled credits, repayments and the bank's own bookings say nothing about
behaviour). In the window, four signals:

- AMOUNT: |amount| beyond everything in the history and a robust z-score of log10|amount|
  against the history's median and median absolute deviation (MAD × 1.4826) of at least z_min;
- BURST: at least burst_min transactions within burst_days, and burst_ratio × what the
  history's rate would give;
- NEW_CHANNEL: a channel not used in the history (of at least new_channel_history transactions)
  for at least the history's median amount;
- DORMANT: the first transaction after `dormant_days` or more without one.

Each flagged signal gets a severity (1.0 at its threshold, higher further out); alerts are one
row per customer and signal, with the numbers the reason sentence needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

SIGNALS = ("AMOUNT", "BURST", "NEW_CHANNEL", "DORMANT")
ALERT_COLUMNS = ["customer_id", "signal", "txn_id", "txn_date", "amount", "channel", "severity",
                 "largest_12m", "median_12m", "z", "count", "days", "usual_per_month", "quiet_days"]


@dataclass(frozen=True)
class AlertRules:
    window_days: int = 30
    history_days: int = 365
    min_history: int = 6
    z_min: float = 4.0
    min_amount: float = 10_000.0
    burst_days: int = 2
    burst_min: int = 6
    burst_ratio: float = 5.0
    new_channel_history: int = 10
    dormant_days: int = 180
    dormant_min_amount: float = 1_000.0


def _window_start(as_of: dt.date, rules: AlertRules) -> dt.date:
    return as_of - dt.timedelta(days=rules.window_days - 1)


def quiet_before_window(txns: pd.DataFrame, *, as_of: dt.date, rules: AlertRules = AlertRules()) -> list[str]:
    """The customers active in the window with no transaction in `txns`' history: the only ones
    whose last transaction before the window (DORMANT's baseline) lies before the history read,
    so the only ones detect_unusual needs `last_before` for."""
    in_window = txns["txn_date"] >= _window_start(as_of, rules).isoformat()
    ids = txns["customer_id"]
    return sorted(pd.Index(ids[in_window].unique()).difference(pd.Index(ids[~in_window].unique())))


def detect_unusual(txns: pd.DataFrame, *, as_of: dt.date, last_before: pd.Series,
                   rules: AlertRules = AlertRules()) -> pd.DataFrame:
    """Alerts (ALERT_COLUMNS) from `txns` (txn_id, customer_id, txn_date ISO, amount, channel:
    customer-initiated transactions from history start to as_of) and `last_before` (customer_id →
    ISO date of the last such transaction before the window, from all history; needed only for
    the customers quiet_before_window names: for the others it is the latest in the history)."""
    window_start = _window_start(as_of, rules)
    # Customers and channels as integer codes, found once: every grouping, sort and
    # de-duplication below is on them (grouping by the text ids again and again was most of
    # the time). Codes follow the ids' sorted order; a missing channel is a code of its own.
    frame = txns.assign(day=pd.to_datetime(txns["txn_date"]), size=txns["amount"].abs(),
                        cust=pd.factorize(txns["customer_id"], sort=True)[0],
                        chan=pd.factorize(txns["channel"], use_na_sentinel=False)[0])
    in_window = frame["day"] >= pd.Timestamp(window_start)
    history, window = frame[~in_window], frame[in_window].sort_values(["cust", "day", "txn_id"])
    if window.empty:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    history = history.assign(log=np.log10(history["size"].clip(lower=1.0)))
    by = history.groupby("cust")
    stats = pd.DataFrame({"n": by.size(), "largest": by["size"].max(), "median": by["size"].median(),
                          "log_median": by["log"].median(), "last": by["day"].max()})
    mad = (history["log"] - by["log"].transform("median")).abs().groupby(history["cust"]).median()
    # A floor on the spread: a customer who always moves the same sum is not 100x more unusual.
    stats["scale"] = np.maximum(1.4826 * mad, 0.05)
    w = window.join(stats, on="cust")
    out = []

    def emit(rows: pd.DataFrame, signal: str, severity: pd.Series, **extra) -> None:
        if len(rows):
            out.append(pd.DataFrame({"customer_id": rows["customer_id"].values, "signal": signal,
                                     "txn_id": rows["txn_id"].values, "txn_date": rows["txn_date"].values,
                                     "amount": rows["amount"].values, "channel": rows["channel"].values,
                                     "severity": np.round(severity.values, 3),
                                     "largest_12m": rows["largest"].values, "median_12m": rows["median"].values,
                                     **{k: v.values for k, v in extra.items()}}))

    z = (np.log10(w["size"].clip(lower=1.0)) - w["log_median"]) / w["scale"]
    hit = (w["n"] >= rules.min_history) & (w["size"] >= rules.min_amount) & (w["size"] > w["largest"]) \
        & (z >= rules.z_min)
    emit(w[hit], "AMOUNT", z[hit] / rules.z_min, z=z[hit].round(2))

    # Rows are sorted by customer then day, so (customer, day) as one key is sorted too: the
    # transactions in the span ending at each row are a searchsorted away.
    days = w["day"].values.astype("datetime64[D]").astype(np.int64)
    key = w["cust"].values.astype(np.int64) * 1_000_000 + days
    counts = np.arange(len(w)) + 1 - np.searchsorted(key, key - rules.burst_days + 1, side="left")
    expected = w["n"].fillna(0) / rules.history_days * rules.burst_days
    ratio = counts / np.maximum(expected, 0.2)
    hit = pd.Series((counts >= rules.burst_min) & (ratio >= rules.burst_ratio), index=w.index)
    # One burst alert per customer: at its largest count.
    burst = w.assign(count=counts)[hit].sort_values("count", ascending=False).drop_duplicates("cust")
    emit(burst, "BURST", burst["count"] / rules.burst_min, count=burst["count"],
         days=pd.Series(rules.burst_days, index=burst.index),
         usual_per_month=(burst["n"].fillna(0) / rules.history_days * 30.44).round(1))

    # A channel is new when the (customer, channel) pair is not in the history.
    width = int(frame["chan"].max()) + 1
    new = ~np.isin(w["cust"].values * width + w["chan"].values,
                   np.unique(history["cust"].values * width + history["chan"].values))
    hit = (w["n"] >= rules.new_channel_history) & new & (w["size"] >= np.maximum(w["median"], 1_000.0))
    fresh = w[hit].drop_duplicates(["cust", "chan"])
    emit(fresh, "NEW_CHANNEL", pd.Series(1.0, index=fresh.index))

    first = w.drop_duplicates("cust")
    previous = first["last"].fillna(pd.to_datetime(first["customer_id"].map(last_before)))
    quiet = (first["day"] - previous).dt.days
    hit = (quiet >= rules.dormant_days) & (first["size"] >= rules.dormant_min_amount)
    emit(first[hit], "DORMANT", quiet[hit] / rules.dormant_days, quiet_days=quiet[hit])

    if not out:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    alerts = pd.concat(out, ignore_index=True).reindex(columns=ALERT_COLUMNS)
    return alerts.sort_values(["severity", "customer_id"], ascending=[False, True], ignore_index=True)
