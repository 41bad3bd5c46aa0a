"""Reading customer-initiated activity fast: a few large strings instead of one row per
transaction.

At branch scale the segmentation needs ~5 million (customer, day, digital?) facts. Fetched as
rows, each becomes three Python objects and the fetch alone costs ~10 s. Instead SQLite
concatenates fixed-width records ('<customer id padded> YYYY-MM-DD <digit>') in one pass over
the table in storage order (no index walk, no sorter: those cost a page lookup per row), and
numpy decodes them. Consecutive records of the same customer are run-length encoded, so the
customer column comes back as a Categorical (a code per row, each id string once).

Customer ids that are not plain ASCII (or contain spaces, which the padding uses) take the
slower per-customer query, which gives the same facts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from relmgr.storage.portfolio import Portfolio

_DATE = 10          # 'YYYY-MM-DD'
_TAIL = _DATE + 1   # plus one digit: 1 when the channel is digital
_CHUNK_ROWS = 1_000_000   # bounds the size of each concatenated string (~20 MB)


def read_activity_days(portfolio: Portfolio, *, kinds: Sequence[str], digital_channels: Sequence[str],
                       until: str | None, after_txn_id: int | None = None) -> pd.DataFrame:
    """customer_id (Categorical), day (int days since 1970-01-01), digital (0/1): one row per
    transaction of the given kinds dated on or before `until` (ISO date; None: any date); with
    `after_txn_id`, only transactions numbered above it."""
    until = "9999-12-31" if until is None else until
    width = portfolio.query("SELECT MAX(length(customer_id)), "
                            "SUM(customer_id GLOB '*[^!-~]*') FROM customers")[0]
    if width[0] is None or width[1]:
        return _read_grouped(portfolio, kinds=kinds, digital_channels=digital_channels,
                             until=until, after_txn_id=after_txn_id)
    pad = int(width[0])
    kind_list = ", ".join("?" * len(kinds))
    channel_list = ", ".join("?" * len(digital_channels))
    sql = (f"SELECT group_concat(substr(customer_id || ?, 1, ?) || txn_date "
           f"|| (channel IN ({channel_list})), ''), COUNT(*) FROM transactions "
           f"WHERE txn_id BETWEEN ? AND ? AND kind IN ({kind_list}) AND txn_date <= ?")
    # Chunks are txn_id (rowid) ranges: each is a range scan in storage order, and the strings
    # and decode buffers stay ~20 MB. The range width adapts so sparse numbering costs no more
    # queries than dense numbering.
    parts: list[pd.DataFrame] = []
    low = -(2**62) if after_txn_id is None else after_txn_id + 1
    width_ids = _CHUNK_ROWS
    while True:
        (first,), = portfolio.query("SELECT MIN(txn_id) FROM transactions WHERE txn_id >= ?", (low,))
        if first is None:
            break
        high = first + width_ids - 1
        (text, rows), = portfolio.query(sql, (" " * pad, pad, *digital_channels, first, high,
                                              *kinds, until))
        if text:
            raw = np.frombuffer(text.encode("ascii"), dtype=np.uint8).reshape(-1, pad + _TAIL)
            parts.append(_decode(raw, pad))
        if rows < _CHUNK_ROWS // 4:
            width_ids *= 4
        low = high + 1
    if not parts:
        return _decode(np.zeros((0, pad + _TAIL), dtype=np.uint8), pad)
    categories = pd.Index(np.unique(np.concatenate(
        [np.asarray(p["customer_id"].cat.categories, dtype=str) for p in parts])), dtype=object)
    return pd.DataFrame({
        "customer_id": pd.Categorical.from_codes(np.concatenate(
            [categories.get_indexer(p["customer_id"].cat.categories)[p["customer_id"].cat.codes]
             for p in parts]).astype("int32"), categories=categories),
        "day": np.concatenate([p["day"].to_numpy() for p in parts]),
        "digital": np.concatenate([p["digital"].to_numpy() for p in parts])})


def _decode(raw: np.ndarray, pad: int) -> pd.DataFrame:
    """Fixed-width records (customer id padded to `pad`, date, digital digit) -> frame."""
    n = len(raw)
    ident = raw[:, :pad]
    # Runs of the same customer: rows differ from their predecessor somewhere in the id part.
    starts = np.flatnonzero(np.r_[True, (ident[1:] != ident[:-1]).any(axis=1)]) if n else np.zeros(0, "int64")
    run_ids = (np.char.rstrip(ident[starts].copy().view(f"S{pad}").ravel()).astype(str)
               if n else np.array([], dtype=str))
    categories, run_codes = np.unique(run_ids, return_inverse=True)
    codes = np.repeat(run_codes.astype("int32"), np.diff(np.r_[starts, n]))

    def number(first: int, digits: int) -> np.ndarray:
        value = np.zeros(n, dtype=np.int32)
        for i in range(first, first + digits):
            value = value * 10 + (raw[:, pad + i].astype(np.int32) - ord("0"))
        return value

    year, month, day = number(0, 4), number(5, 2), number(8, 2)
    dates = ((year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
             ).astype("datetime64[D]") + (day - 1)
    return pd.DataFrame({
        "customer_id": pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object)),
        "day": dates.astype(np.int64), "digital": (raw[:, pad + _DATE] - ord("0")).astype(np.int64)})


def _read_grouped(portfolio: Portfolio, *, kinds: Sequence[str], digital_channels: Sequence[str],
                  until: str, after_txn_id: int | None) -> pd.DataFrame:
    """One concatenated row per customer (any customer id), same result as the fast path."""
    kind_list = ", ".join("?" * len(kinds))
    channel_list = ", ".join("?" * len(digital_channels))
    rows = portfolio.query(
        f"SELECT customer_id, group_concat(txn_date || (channel IN ({channel_list})), '') "
        f"FROM transactions WHERE kind IN ({kind_list}) AND txn_date <= ? AND txn_id > ? "
        f"GROUP BY customer_id",
        (*digital_channels, *kinds, until, -1 if after_txn_id is None else after_txn_id))
    texts = [text or "" for _, text in rows]
    counts = np.fromiter((len(t) // _TAIL for t in texts), dtype=np.int64, count=len(texts))
    raw = np.frombuffer("".join(texts).encode("utf-8"), dtype=np.uint8).reshape(-1, _TAIL)
    frame = _decode(np.hstack([np.full((len(raw), 1), ord("x"), np.uint8), raw]), 1)
    ids = np.array([customer_id for customer_id, _ in rows], dtype=object)
    return frame.assign(customer_id=pd.Categorical(np.repeat(ids, counts)))
