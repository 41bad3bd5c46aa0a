"""Reading customer-initiated activity fast: one row per customer instead of one per transaction.

At branch scale the segmentation needs ~4 million (customer, day, digital?) facts. Fetched as
rows, each becomes three Python objects and the fetch alone costs ~10 s; concatenated per
customer by SQLite (in the transactions_by_customer_date index order, no sorter) and decoded
with numpy from fixed-width text, the same facts arrive in ~4 s.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from relmgr.storage.portfolio import Portfolio

_WIDTH = 11          # 'YYYY-MM-DD' plus one digit: 1 when the channel is digital


def read_activity_days(portfolio: Portfolio, *, kinds: Sequence[str], digital_channels: Sequence[str],
                       until: str) -> pd.DataFrame:
    """customer_id, day (int days since 1970-01-01), digital (0/1): one row per transaction of
    the given kinds dated on or before `until` (ISO date)."""
    kind_list = ", ".join("?" * len(kinds))
    channel_list = ", ".join("?" * len(digital_channels))
    rows = portfolio.query(
        f"SELECT customer_id, group_concat(txn_date || (channel IN ({channel_list})), '') "
        f"FROM transactions WHERE kind IN ({kind_list}) AND txn_date <= ? GROUP BY customer_id",
        (*digital_channels, *kinds, until))
    texts = [text or "" for _, text in rows]
    counts = np.fromiter((len(t) // _WIDTH for t in texts), dtype=np.int64, count=len(texts))
    digits = (np.frombuffer("".join(texts).encode("ascii"), dtype=np.uint8).reshape(-1, _WIDTH)
              .astype(np.int64) - ord("0"))
    year = digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3]
    month = digits[:, 5] * 10 + digits[:, 6]
    day = digits[:, 8] * 10 + digits[:, 9]
    dates = ((year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
             ).astype("datetime64[D]") + (day - 1)
    ids = np.array([customer_id for customer_id, _ in rows], dtype=object)
    return pd.DataFrame({"customer_id": np.repeat(ids, counts),
                         "day": dates.astype(np.int64), "digital": digits[:, 10]})
