"""Per-customer monthly aggregates of customer-initiated activity (migration 0014), kept up to
date in SQL and read as the per-customer-day facts the segmentation indexes.

Why monthly rows that keep their active days: every analysis window either ends at a month end
or at the data date but starts mid-month (90 and 365 days back), so counts per month alone
would change the results; the days inside a row make them exact, while the table stays a tenth
of the transactions' pages and a quarter of their rows (one per customer and month).

The money flows of migration 0015 (storage/flow_months.py) are folded and rebuilt here too, for
the same customer-months and under the same state: the two tables are never out of step.

Writers: `update_activity_months` inside the import's transaction (recomputes the customer-months
the import touched, plus any transactions numbered above the last fold, from the transactions
themselves); readers call it too, so transactions appended by anything else (the demo builder,
a test) are folded in before a read. A stale table (a transaction edited or deleted: triggers
in 0014) is rebuilt whole.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from relmgr.domain.codes import Channel, TxnKind
from relmgr.storage.flow_months import rebuild_flow_months, refold_flow_months
from relmgr.storage.day_records import number_at, record_bytes
from relmgr.storage.portfolio import Portfolio

KINDS = tuple(k.value for k in TxnKind if k.customer_initiated)
DIGITAL = (Channel.MOBILE.value, Channel.ONLINE.value)
_RECORD = 12                  # 'DD' + 5-digit count + 5-digit digital count
_MAX_PER_DAY = 99_999         # what the 5-digit fields hold; checked when read
_CHUNK_CUSTOMERS = 10_000     # bounds the concatenated strings (~6 MB each at branch scale)
_CHUNK_TXNS = 1_000_000       # txn_id range per string when rebuilding (~30 MB each)
_STRIDE = np.int64(1 << 20)   # customer position * stride + day number (days stay below 2**20)
# Folding in more transactions than this at once rebuilds instead: the per-customer-month
# statements walk the (customer, date) index, fine for a day's import, slow for a whole history.
_REBUILD_ABOVE = 200_000

_KIND_LIST = ", ".join("?" * len(KINDS))
_DIGITAL_LIST = ", ".join("?" * len(DIGITAL))
# One row per customer and month from the transactions matching `{where}`; a channel not
# provided (NULL) counts as not digital.
_AGGREGATE = (
    "INSERT INTO activity_months (customer_id, month, txns, digital, days) "
    "SELECT customer_id, substr(day, 1, 7), SUM(n), SUM(d), "
    "group_concat(substr(day, 9, 2) || printf('%05d%05d', n, d), '' ORDER BY day) FROM ("
    f"SELECT customer_id, substr(txn_date, 1, 10) AS day, COUNT(*) AS n, "
    f"SUM(COALESCE(channel IN ({_DIGITAL_LIST}), 0)) AS d FROM transactions "
    f"WHERE kind IN ({_KIND_LIST}) AND {{where}} GROUP BY customer_id, day) "
    "GROUP BY customer_id, substr(day, 1, 7)")


def rebuild_activity_months(conn, *, flows: bool = True) -> None:
    """Recompute every row from the transactions (the migration, a stale table, or a fold of
    most of the table, as after the demo builder), and the flow_months rows unless `flows` is
    False (migration 0014, which runs before 0015 creates that table). Runs inside the caller's
    transaction.

    Not one INSERT ... SELECT: grouping by customer and day walks the (customer, date) index
    with a page lookup per transaction (~60 s at branch scale). Instead the transactions are
    read in storage order as fixed-width text records (one string per million rows), counted
    per customer and day with numpy, and the rows inserted."""
    conn.execute("DELETE FROM activity_months")
    ids = np.array(sorted(r[0] for r in conn.execute("SELECT hex(customer_id) FROM customers")), dtype=str)
    width = max((len(i) for i in ids), default=0)
    keys, digital = [], []
    if width:
        sql = (f"SELECT group_concat(substr(hex(customer_id) || ?, 1, ?) || substr(txn_date, 1, 10) "
               f"|| COALESCE(channel IN ({_DIGITAL_LIST}), 0), ''), COUNT(*) FROM transactions "
               f"WHERE txn_id BETWEEN ? AND ? AND kind IN ({_KIND_LIST})")
        low = -(2**62)
        while True:
            (first,), = conn.execute("SELECT MIN(txn_id) FROM transactions WHERE txn_id >= ?",
                                     (low,)).fetchall()
            if first is None:
                break
            high = first + _CHUNK_TXNS - 1
            (text, _), = conn.execute(sql, (" " * width, width, *DIGITAL, first, high, *KINDS)).fetchall()
            if text:
                raw = np.frombuffer(text.encode("ascii"), dtype=np.uint8).reshape(-1, width + 11)
                runs = np.flatnonzero(np.r_[True, (raw[1:, :width] != raw[:-1, :width]).any(axis=1)])
                run_ids = np.char.rstrip(raw[runs, :width].copy().view(f"S{width}").ravel()).astype(str)
                cust = np.repeat(np.searchsorted(ids, run_ids), np.diff(np.r_[runs, len(raw)]))
                dates = raw[:, width:width + 10].copy().view("S10").ravel().astype("datetime64[D]")
                keys.append(cust.astype(np.int64) * _STRIDE + dates.astype(np.int64))
                digital.append(raw[:, width + 10] == ord("1"))
            low = high + 1
    all_keys = np.concatenate(keys) if keys else np.zeros(0, np.int64)
    day_keys, inverse, n = np.unique(all_keys, return_inverse=True, return_counts=True)
    d = np.bincount(inverse, weights=np.concatenate(digital) if digital else None,
                    minlength=len(day_keys)).astype(np.int64)
    del all_keys, inverse
    if len(n) and max(int(n.max()), 0) > _MAX_PER_DAY:
        raise ValueError(f"activity_months: a customer has more than {_MAX_PER_DAY} transactions in a day")
    cust, day = day_keys // _STRIDE, day_keys % _STRIDE
    dates = day.astype("datetime64[D]")
    month = dates.astype("datetime64[M]")
    dom = (dates - month.astype("datetime64[D]")).astype(np.int64) + 1
    text = np.empty((len(day), _RECORD), dtype=np.uint8)
    for column, (values, digits) in enumerate(((dom, 2), (n, 5), (d, 5))):
        offset = (0, 2, 7)[column]
        for i in range(digits):
            text[:, offset + digits - 1 - i] = ord("0") + (values // 10**i) % 10
    starts = np.flatnonzero(np.r_[True, (cust[1:] != cust[:-1]) | (month[1:] != month[:-1])]) \
        if len(day) else np.zeros(0, np.int64)
    ends = np.r_[starts[1:], len(day)].astype(np.int64)
    blob = text.tobytes().decode("ascii")
    names = [bytes.fromhex(i).decode("utf-8") for i in ids]
    month_text = np.datetime_as_string(month[starts], unit="M")
    txns = np.add.reduceat(n, starts) if len(starts) else n
    digital_txns = np.add.reduceat(d, starts) if len(starts) else d
    conn.executemany(
        "INSERT INTO activity_months (customer_id, month, txns, digital, days) VALUES (?, ?, ?, ?, ?)",
        ((names[c], m, int(t), int(g), blob[s * _RECORD:e * _RECORD]) for c, m, t, g, s, e in zip(
            cust[starts].tolist(), month_text.tolist(), txns.tolist(), digital_txns.tolist(),
            starts.tolist(), ends.tolist())))
    if flows:
        rebuild_flow_months(conn)
    (highest,), = conn.execute("SELECT COALESCE(MAX(txn_id), -1) FROM transactions").fetchall()
    conn.execute("UPDATE activity_months_state SET through_txn_id = ?, stale = 0 WHERE id = 1",
                 (int(highest),))


def update_activity_months(portfolio: Portfolio, touched: Iterable[tuple[str, str]] = ()) -> None:
    """Fold in what changed since the last fold: the customer-months in `touched` (customer_id,
    'YYYY-MM': what an import wrote, whatever its numbers) and those of transactions numbered
    above the last fold. Call inside a transaction (an import's) or alone (it opens one)."""
    conn = portfolio.conn
    touched = set(touched)
    if not conn.in_transaction:
        # A read with nothing to fold takes no write lock (a reader beside the window's own
        # connection must not wait for it).
        if not touched and _current(conn):
            return
        with portfolio.transaction():
            update_activity_months(portfolio, touched)
        return
    (through, stale), = conn.execute(
        "SELECT through_txn_id, stale FROM activity_months_state WHERE id = 1").fetchall()
    if stale:
        rebuild_activity_months(conn)
        return
    pairs = set(touched)
    (highest,), = conn.execute("SELECT COALESCE(MAX(txn_id), -1) FROM transactions").fetchall()
    if highest > through and conn.execute(
            "SELECT COUNT(*) FROM transactions WHERE txn_id > ?", (through,)).fetchone()[0] > _REBUILD_ABOVE:
        rebuild_activity_months(conn)
        return
    if highest > through:
        pairs.update(conn.execute(
            "SELECT DISTINCT customer_id, substr(txn_date, 1, 7) FROM transactions WHERE txn_id > ?",
            (through,)).fetchall())
    if pairs:
        ordered = sorted(pairs)
        conn.executemany("DELETE FROM activity_months WHERE customer_id = ? AND month = ?", ordered)
        # The (customer, date) index finds each customer-month's transactions.
        conn.executemany(_AGGREGATE.format(
            where="customer_id = ? AND txn_date >= ? || '-' AND txn_date < ? || '.'"),
            [(*DIGITAL, *KINDS, c, m, m) for c, m in ordered])
        refold_flow_months(conn, ordered)
    if highest != through:
        conn.execute("UPDATE activity_months_state SET through_txn_id = ? WHERE id = 1",
                     (int(highest),))


def _current(conn) -> bool:
    (through, stale), = conn.execute(
        "SELECT through_txn_id, stale FROM activity_months_state WHERE id = 1").fetchall()
    (highest,), = conn.execute("SELECT COALESCE(MAX(txn_id), -1) FROM transactions").fetchall()
    return not stale and highest == through


def read_activity_months(portfolio: Portfolio, *, since_month: str | None = None) -> pd.DataFrame:
    """customer_id (Categorical), day (int days since 1970-01-01), n (customer-initiated
    transactions that day), digital (of which digital): one row per customer and active day,
    of every date on file (or of the months from `since_month`, 'YYYY-MM', on), after folding
    in what changed."""
    update_activity_months(portfolio)
    (width,), = portfolio.query("SELECT COALESCE(MAX(length(hex(customer_id))), 0) FROM customers")
    bounds = [r[0] for r in portfolio.query(
        "SELECT customer_id FROM (SELECT customer_id, ROW_NUMBER() OVER (ORDER BY customer_id) AS i "
        "FROM customers) WHERE (i - 1) % ? = 0", (_CHUNK_CUSTOMERS,))]
    parts = []
    for i in range(max(1, len(bounds))):
        # The first chunk has no lower bound and the last no upper one: every row is read.
        where, params = (["month >= ?"], [since_month]) if since_month else (["1"], [])
        if i > 0:
            where, params = where + ["customer_id >= ?"], params + [bounds[i]]
        if i + 1 < len(bounds):
            where, params = where + ["customer_id < ?"], params + [bounds[i + 1]]
        parts.append(_read_chunk(portfolio, " AND ".join(where), params, width=max(1, int(width))))
    hex_ids = np.unique(np.concatenate([p[0] for p in parts]))
    codes = np.concatenate([np.searchsorted(hex_ids, p[0]).astype(np.int32)[p[1]] for p in parts])
    columns = {name: np.concatenate([p[i] for p in parts]) for i, name in
               ((2, "day"), (3, "n"), (4, "digital"))}
    del parts
    return pd.DataFrame({
        "customer_id": pd.Categorical.from_codes(codes.astype("int32"), categories=pd.Index(
            [bytes.fromhex(i).decode("utf-8") for i in hex_ids], dtype=object)),
        **columns}, copy=False)


def _read_chunk(portfolio: Portfolio, where: str, params: list, *,
                width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(hex customer ids, index into them per active day, day number, count, digital count) of
    the rows in `where`. One query gives two strings: a fixed-width head per row (hex customer
    id padded, month, number of day records) and every row's day records, concatenated in the
    same row order (both aggregates see each row in turn)."""
    (heads, records, total), = portfolio.query(
        "SELECT group_concat(substr(hex(customer_id) || ?, 1, ?) || month "
        "|| printf('%02d', length(days) / ?), ''), group_concat(days, ''), SUM(txns) "
        f"FROM activity_months WHERE {where}", [" " * width, width, _RECORD, *params])
    head = record_bytes(heads, width + 9)
    rec = record_bytes(records, _RECORD)
    runs = (np.flatnonzero(np.r_[True, (head[1:, :width] != head[:-1, :width]).any(axis=1)])
            if len(head) else np.zeros(0, np.int64))
    ids = np.char.rstrip(head[runs, :width].copy().view(f"S{width}").ravel()).astype(str)
    row_customer = np.repeat(np.arange(len(runs)), np.diff(np.r_[runs, len(head)]))
    count = number_at(head, width + 7, 2)
    year, month = number_at(head, width, 4), number_at(head, width + 5, 2)
    first = ((year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
             ).astype("datetime64[D]").astype(np.int64)
    day = np.repeat(first, count) + number_at(rec, 0, 2) - 1
    n, digital = number_at(rec, 2, 5), number_at(rec, 7, 5)
    if int(count.sum()) != len(rec) or int(n.sum()) != int(total or 0):
        raise ValueError("activity_months: rows do not match their day records "
                         f"(a day with more than {_MAX_PER_DAY} transactions of one customer?)")
    # int32 throughout: ~4.5 million day facts at branch scale, half the memory of int64.
    return (ids, np.repeat(row_customer.astype(np.int32), count), day.astype(np.int32),
            n.astype(np.int32), digital.astype(np.int32))


