"""The customer-initiated activity of transactions appended since a known txn_id, per customer
and day: what the incremental segmentation refresh adds to the state of the last full refresh.

The full history is read from the monthly aggregates (storage/activity_months.py); this reads
only the tail, a range scan by rowid of a day's (or a month's) transactions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from relmgr.storage.portfolio import Portfolio


def read_activity_days(portfolio: Portfolio, *, kinds: Sequence[str], digital_channels: Sequence[str],
                       after_txn_id: int) -> pd.DataFrame:
    """customer_id (Categorical), day (int days since 1970-01-01), n (transactions), digital (of
    which on a digital channel; a channel not provided is not): one row per customer and day of
    the transactions of the given kinds numbered above `after_txn_id`."""
    rows = portfolio.query(
        "SELECT customer_id, CAST(julianday(substr(txn_date, 1, 10)) - 2440587.5 AS INTEGER), "
        f"COUNT(*), SUM(COALESCE(channel IN ({', '.join('?' * len(digital_channels))}), 0)) "
        f"FROM transactions WHERE txn_id > ? AND kind IN ({', '.join('?' * len(kinds))}) "
        "GROUP BY customer_id, substr(txn_date, 1, 10)",
        (*digital_channels, after_txn_id, *kinds))
    return pd.DataFrame({
        "customer_id": pd.Categorical([r[0] for r in rows]),
        "day": np.array([r[1] for r in rows], dtype=np.int64),
        "n": np.array([r[2] for r in rows], dtype=np.int64),
        "digital": np.array([r[3] for r in rows], dtype=np.int64)})
