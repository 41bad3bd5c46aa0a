"""Per-customer monthly cash-flow aggregates for the loan analytics (migration 0016): salary and
pension credits per month (with the day of the last one) and the days with money leaving the
bank, kept up to date in SQL and read as arrays.

Kept like activity_months (0014): `update_cash_months` inside the import's transaction for the
customer-months it touched, and before every read for transactions numbered above the last
fold (the demo builder, a test); a stale table (a transaction edited or deleted) is rebuilt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import numpy as np

from relmgr.domain.codes import TxnKind
from relmgr.storage.portfolio import Portfolio

SALARY_KINDS = (TxnKind.SALARY.value, TxnKind.PENSION.value)
# Money leaving the bank: a purchase of the bank's own products or a loan repayment stays.
OUTFLOW_KINDS = (TxnKind.TRANSFER_OUT.value, TxnKind.WITHDRAWAL.value)
_RECORD = 15                   # 'DD' + 13-digit amount in fen (a day's outflow capped at 10^11 CNY)
_SEPARATOR = 31                # between customer ids when read (ASCII unit separator)
_REBUILD_ABOVE = 200_000       # folding in more transactions than this at once rebuilds

_KINDS = ", ".join(f"'{k}'" for k in SALARY_KINDS + OUTFLOW_KINDS)
_SALARY = ", ".join(f"'{k}'" for k in SALARY_KINDS)
_OUT = ", ".join(f"'{k}'" for k in OUTFLOW_KINDS)
# One row per customer and month from the transactions matching `{where}`, grouped per day
# first so the outflow records are per day; a month with neither salary nor outflow is skipped.
_AGGREGATE = (
    "INSERT INTO cash_months (month, customer_id, salary_n, salary_last, out_days) "
    "SELECT substr(day, 1, 7), customer_id, SUM(s), MAX(CASE WHEN s > 0 THEN CAST(substr(day, 9, 2) AS INTEGER) END), "
    "COALESCE(group_concat(CASE WHEN o > 0 THEN substr(day, 9, 2) || printf('%013d', min(o, 9999999999999)) END, "
    "'' ORDER BY day), '') "
    "FROM (SELECT customer_id, substr(txn_date, 1, 10) AS day, SUM(kind IN (" + _SALARY + ")) AS s, "
    "CAST(ROUND(-100 * SUM(CASE WHEN amount < 0 AND kind IN (" + _OUT + ") THEN amount ELSE 0 END)) AS INTEGER) AS o "
    "FROM transactions {indexed} WHERE kind IN (" + _KINDS + ") AND {where} GROUP BY customer_id, day) "
    "GROUP BY customer_id, substr(day, 1, 7) HAVING SUM(s) > 0 OR SUM(o) > 0")


def rebuild_cash_months(conn) -> None:
    """Recompute every row (the migration, a stale table, a large fold). The transactions are
    read in storage order (NOT INDEXED) and sorted once: walking the (customer, date) index
    instead costs a page lookup per transaction."""
    conn.execute("DELETE FROM cash_months")
    conn.execute(_AGGREGATE.format(indexed="NOT INDEXED", where="1"))
    (highest,), = conn.execute("SELECT COALESCE(MAX(txn_id), -1) FROM transactions").fetchall()
    conn.execute("UPDATE cash_months_state SET through_txn_id = ?, stale = 0 WHERE id = 1", (int(highest),))


def update_cash_months(portfolio: Portfolio, touched: Iterable[tuple[str, str]] = ()) -> None:
    """Fold in the customer-months in `touched` (customer_id, 'YYYY-MM') and those of
    transactions numbered above the last fold. Call inside a transaction or alone."""
    conn = portfolio.conn
    touched = set(touched)
    if not conn.in_transaction:
        if not touched and _current(conn):
            return          # a read with nothing to fold takes no write lock
        with portfolio.transaction():
            update_cash_months(portfolio, touched)
        return
    (through, stale), = conn.execute("SELECT through_txn_id, stale FROM cash_months_state WHERE id = 1").fetchall()
    (highest,), = conn.execute("SELECT COALESCE(MAX(txn_id), -1) FROM transactions").fetchall()
    if stale or (highest > through and conn.execute(
            "SELECT COUNT(*) FROM transactions WHERE txn_id > ?", (through,)).fetchone()[0] > _REBUILD_ABOVE):
        rebuild_cash_months(conn)
        return
    pairs = set(touched)
    if highest > through:
        pairs.update(conn.execute("SELECT DISTINCT customer_id, substr(txn_date, 1, 7) FROM transactions "
                                  "WHERE txn_id > ?", (through,)).fetchall())
    if pairs:
        ordered = sorted((str(c), str(m)) for c, m in pairs)
        conn.executemany("DELETE FROM cash_months WHERE month = ? AND customer_id = ?",
                         [(m, c) for c, m in ordered])
        # The (customer, date) index finds each customer-month's transactions.
        conn.executemany(_AGGREGATE.format(
            indexed="", where="customer_id = ? AND txn_date >= ? || '-' AND txn_date < ? || '.'"),
            [(c, m, m) for c, m in ordered])
    if highest != through:
        conn.execute("UPDATE cash_months_state SET through_txn_id = ? WHERE id = 1", (int(highest),))


def _current(conn) -> bool:
    (through, stale), = conn.execute("SELECT through_txn_id, stale FROM cash_months_state WHERE id = 1").fetchall()
    (highest,), = conn.execute("SELECT COALESCE(MAX(txn_id), -1) FROM transactions").fetchall()
    return not stale and highest == through


@dataclasses.dataclass(frozen=True)
class CashMonths:
    """The rows of a range of months as arrays. Per row: `customer` (its customer id), `month`
    (months since 1970-01), `salary_n`, `salary_last` (day number of the last salary credit, -1
    when none). Per day with money leaving: `out_row` (its row), `out_day` (day number),
    `out_amount` (CNY)."""

    customer: np.ndarray
    month: np.ndarray
    salary_n: np.ndarray
    salary_last: np.ndarray
    out_row: np.ndarray
    out_day: np.ndarray
    out_amount: np.ndarray


def read_salaried(portfolio: Portfolio, *, first_month: str, last_month: str) -> tuple[np.ndarray, np.ndarray]:
    """(customer ids, months since 1970-01) of every customer-month from `first_month` to
    `last_month` with a salary or pension credit: one string of ids per month."""
    update_cash_months(portfolio)
    ids, months = [], []
    for month in np.arange(np.datetime64(first_month, "M"), np.datetime64(last_month, "M") + 1):
        (text,), = portfolio.query(f"SELECT group_concat(customer_id, char({_SEPARATOR})) FROM cash_months "
                                   "WHERE month = ? AND salary_n > 0", (str(month),))
        if text:
            names = text.split(chr(_SEPARATOR))
            ids.extend(names)
            months.append(np.full(len(names), month.astype(np.int64)))
    return np.array(ids, dtype=object), (np.concatenate(months) if months else np.zeros(0, np.int64))


def read_cash_months(portfolio: Portfolio, *, first_month: str, last_month: str,
                     outflows_from: str | None = None) -> CashMonths:
    """The rows of months `first_month`..`last_month` ('YYYY-MM', inclusive), after folding in
    what changed; the day records of outflows only from month `outflows_from` on (None: all).
    One query per month (the key leads with it) gives three strings, parsed with numpy: the
    customer ids, one number per row (salary credits, last salary day and how many outflow
    records), and every row's day records in the same row order (all three aggregates see the
    rows in turn). ~250,000 rows at branch scale cost far less so than as Python tuples."""
    update_cash_months(portfolio)
    months = np.arange(np.datetime64(first_month, "M"), np.datetime64(last_month, "M") + 1)
    parts = []
    for month in months:
        outflows = outflows_from is None or str(month) >= outflows_from
        records = "group_concat(out_days, '')" if outflows else "''"
        (ids, numbers, days), = portfolio.query(
            f"SELECT group_concat(customer_id, char({_SEPARATOR})), group_concat(min(salary_n, 999) * 100000 "
            f"+ COALESCE(salary_last, 0) * 1000 + {'length(out_days) / ' + str(_RECORD) if outflows else '0'}, ','), "
            f"{records} FROM cash_months WHERE month = ?", (str(month),))
        if ids is None:
            continue
        names = ids.split(chr(_SEPARATOR))
        packed = np.array(numbers.split(","), dtype=np.int64)
        if len(names) != len(packed):
            raise ValueError("cash_months: a customer id holds a control character")
        parts.append((np.array(names, dtype=object), np.full(len(names), month.astype(np.int64)), packed,
                      _digits(days, _RECORD)))
    if not parts:
        empty = np.zeros(0, np.int64)
        return CashMonths(np.zeros(0, object), empty, empty, empty, empty, empty, np.zeros(0))
    packed = np.concatenate([p[2] for p in parts])
    month = np.concatenate([p[1] for p in parts])
    first_day = month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    last, count = (packed // 1000) % 100, packed % 1000
    rec = np.concatenate([p[3] for p in parts])
    if int(count.sum()) != len(rec):
        raise ValueError("cash_months: rows do not match their day records")
    out_row = np.repeat(np.arange(len(packed)), count)
    out_day = first_day[out_row] + _number(rec, 0, 2) - 1
    out_amount = _number(rec, 2, 13) / 100.0
    return CashMonths(customer=np.concatenate([p[0] for p in parts]), month=month, salary_n=packed // 100000,
                      salary_last=np.where(last > 0, first_day + last - 1, -1),
                      out_row=out_row, out_day=out_day, out_amount=out_amount)


def _digits(text: str | None, width: int) -> np.ndarray:
    if not text:
        return np.zeros((0, width), dtype=np.uint8)
    return np.frombuffer(text.encode("ascii"), dtype=np.uint8).reshape(-1, width)


def _number(raw: np.ndarray, first: int, digits: int) -> np.ndarray:
    value = np.zeros(len(raw), dtype=np.int64)
    for i in range(first, first + digits):
        value = value * 10 + (raw[:, i].astype(np.int64) - ord("0"))
    return value
