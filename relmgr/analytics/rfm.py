"""RFM scoring and the classic eight RFM segments (重要价值 … 一般挽留).

- Recency: days from the customer's last customer-initiated transaction (TxnKind
  .customer_initiated: not interest, fees or maturities the bank books itself) to as_of.
  A customer with none has no recency and counts as not recent.
- Frequency: customer-initiated transactions in the last `frequency_days` (default 365) days.
- Monetary: the 3-month average daily AUM (the tier input), not net inflow. AUM is what the
  relationship is worth to the bank and is stable month to month; net inflow is dominated by
  one-off events (a house purchase, a maturity moved in from another bank), is negative for
  perfectly loyal retirees living on their savings, and would double-count activity that
  Frequency already measures.

Each dimension is split at the portfolio median (see RfmRules): 'high' means at least as good as
the median customer. The three flags give the segment. Quintile scores 1–5 (5 best) are also
returned for display and sorting; they do not decide the segment.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from relmgr.analytics.activity import NO_DAY, ActivityIndex, day_number
from relmgr.domain.segments import RFM_SEGMENT_BY_INDEX, RfmRules

RFM_COLUMNS = ["customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score",
               "m_score", "r_high", "f_high", "m_high", "rfm_segment"]


def _quintile(values: np.ndarray, *, higher_is_better: bool) -> np.ndarray:
    """1..5 by percentile rank within the portfolio (ties share a score); NaN scores 1."""
    series = pd.Series(values if higher_is_better else -values)
    pct = series.rank(pct=True, method="average").to_numpy()
    score = np.ceil(np.nan_to_num(pct, nan=0.0) * 5).astype("int64")
    return np.clip(score, 1, 5)


def compute_rfm(*, activity: ActivityIndex, monetary: pd.Series, as_of: dt.date,
                rules: RfmRules = RfmRules()) -> pd.DataFrame:
    """RFM per customer of `activity.customers`. `monetary` is the 3-month average daily AUM
    indexed by customer_id (missing = 0)."""
    ids = activity.customers
    cust = np.arange(len(ids))
    today = day_number(as_of)
    last = activity.last_day(cust, today)
    frequency = activity.count_between(cust, today - rules.frequency_days, today)
    money = monetary.reindex(ids).fillna(0.0).to_numpy(dtype="float64")
    return rfm_from_values(ids=ids, last_day=last, frequency=frequency, monetary=money, as_of=as_of)


def rfm_from_values(*, ids: pd.Index, last_day: np.ndarray, frequency: np.ndarray,
                    monetary: np.ndarray, as_of: dt.date) -> pd.DataFrame:
    """The scoring step of `compute_rfm` on per-customer figures already counted: day number of
    the last customer-initiated transaction (NO_DAY: none), transactions in the frequency
    window, monetary value. Medians and quintiles are taken over all of `ids`."""
    today = day_number(as_of)
    last = np.asarray(last_day, dtype="int64")
    frequency = np.asarray(frequency, dtype="int64")
    money = np.asarray(monetary, dtype="float64")
    recency = np.where(last == NO_DAY, np.nan, today - last).astype("float64")

    has_recency = ~np.isnan(recency)
    recent_median = np.median(recency[has_recency]) if has_recency.any() else np.nan
    r_high = has_recency & (recency <= recent_median)
    f_high = (frequency > 0) & (frequency >= np.median(frequency)) if len(ids) else frequency > 0
    m_high = (money > 0) & (money >= np.median(money)) if len(ids) else money > 0
    index = r_high.astype("int64") * 4 + f_high.astype("int64") * 2 + m_high.astype("int64")
    segments = np.array([s.value for s in RFM_SEGMENT_BY_INDEX], dtype=object)[index]
    return pd.DataFrame({
        "customer_id": ids.to_numpy(),
        "recency_days": pd.Series(np.where(has_recency, recency, 0).astype("int64"),
                                  dtype="Int64").where(has_recency, pd.NA),
        "frequency": frequency,
        "monetary": money,
        "r_score": _quintile(np.where(has_recency, recency, np.inf), higher_is_better=False),
        "f_score": _quintile(frequency.astype("float64"), higher_is_better=True),
        "m_score": _quintile(money, higher_is_better=True),
        "r_high": r_high,
        "f_high": f_high,
        "m_high": m_high,
        "rfm_segment": segments,
    })[RFM_COLUMNS]
