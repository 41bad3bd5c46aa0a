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
_RECORD = 15                   # 'DD' + 13-digit amount in fen
_HEAD = 7 + 3 + 2 + 3          # month, salary credits, last salary day, outflow records
_REBUILD_ABOVE = 200_000       # folding in more transactions than this at once rebuilds

_KINDS = ", ".join(f"'{k}'" for k in SALARY_KINDS + OUTFLOW_KINDS)
_SALARY = ", ".join(f"'{k}'" for k in SALARY_KINDS)
_OUT = ", ".join(f"'{k}'" for k in OUTFLOW_KINDS)
# One row per customer and month from the transactions matching `{where}`, grouped per day
# first so the outflow records are per day; a month with neither salary nor outflow is skipped.
_AGGREGATE = (
    "INSERT INTO cash_months (month, customer_id, salary_n, salary_last, out_days) "
    "SELECT substr(day, 1, 7), customer_id, SUM(s), MAX(CASE WHEN s > 0 THEN CAST(substr(day, 9, 2) AS INTEGER) END), "
    "COALESCE(group_concat(CASE WHEN o > 0 THEN substr(day, 9, 2) || printf('%013d', o) END, '' ORDER BY day), '') "
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


def read_cash_months(portfolio: Portfolio, *, first_month: str, last_month: str, outflows: bool = True,
                     salaried_only: bool = False) -> CashMonths:
    """The rows of months `first_month`..`last_month` ('YYYY-MM', inclusive), after folding in
    what changed. One query gives two strings (a fixed-width head per row and, when `outflows`,
    every row's day records in the same row order), parsed with numpy: ~250,000 rows at
    branch scale cost far less as two strings than as Python tuples."""
    update_cash_months(portfolio)
    (width,), = portfolio.query("SELECT COALESCE(MAX(length(hex(customer_id))), 0) FROM cash_months "
                                "WHERE month BETWEEN ? AND ?", (first_month, last_month))
    width = max(int(width), 1)
    records = "group_concat(out_days, '')" if outflows else "''"
    (heads, days), = portfolio.query(
        "SELECT group_concat(substr(hex(customer_id) || ?, 1, ?) || month || printf('%03d%02d%03d', "
        f"min(salary_n, 999), COALESCE(salary_last, 0), length(out_days) / ?), ''), {records} "
        f"FROM cash_months WHERE month BETWEEN ? AND ?{' AND salary_n > 0' if salaried_only else ''}",
        (" " * width, width, _RECORD, first_month, last_month))
    head = _digits(heads, width + _HEAD)
    hex_ids = head[:, :width].copy().view(f"S{width}").ravel() if len(head) else np.zeros(0, f"S{width}")
    unique, inverse = np.unique(hex_ids, return_inverse=True)
    names = np.array([bytes.fromhex(h.rstrip(b" ").decode("ascii")).decode("utf-8") for h in unique], dtype=object)
    year, mon = _number(head, width, 4), _number(head, width + 5, 2)
    month = (year - 1970) * 12 + mon - 1
    first_day = month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    last = _number(head, width + 10, 2)
    count = _number(head, width + 12, 3)
    if outflows:
        rec = _digits(days, _RECORD)
        if int(count.sum()) != len(rec):
            raise ValueError("cash_months: rows do not match their day records")
        out_row = np.repeat(np.arange(len(head)), count)
        out_day = first_day[out_row] + _number(rec, 0, 2) - 1
        out_amount = _number(rec, 2, 13) / 100.0
    else:
        out_row = out_day = np.zeros(0, np.int64)
        out_amount = np.zeros(0)
    return CashMonths(customer=names[inverse] if len(head) else np.zeros(0, object), month=month,
                      salary_n=_number(head, width + 7, 3), salary_last=np.where(last > 0, first_day + last - 1, -1),
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
