"""Per-customer monthly money flows (migration 0015): what the churn features, the
recommendations' triggers and the loan analytics (prospects, repayment watch) read instead of
months of transactions.

Written only by relmgr/storage/activity_months.py, which folds these rows for the same
customer-months as its own and rebuilds both tables together (one state, one set of triggers).
Both writes are set-based SQL: one INSERT ... SELECT ... GROUP BY customer and month, then one
UPDATE that fills the money-out day records of the rows with any.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from relmgr.domain.codes import TxnKind
from relmgr.storage.column_read import read_columns, reals_round_trip
from relmgr.storage.day_records import number_at, record_bytes
from relmgr.storage.portfolio import Portfolio

_SYSTEM = tuple(k.value for k in TxnKind if not k.customer_initiated)
_SYSTEM_LIST = ", ".join(f"'{k}'" for k in _SYSTEM)   # enum values: fixed upper-case words
_SIGNAL_CREDITS = ", ".join(f"'{k.value}'" for k in (TxnKind.DEPOSIT, TxnKind.TRANSFER_IN))
# Money leaving the bank: a purchase of the bank's own products or a loan repayment stays.
OUTFLOW_KINDS = (TxnKind.TRANSFER_OUT.value, TxnKind.WITHDRAWAL.value)
_OUT_LIST = ", ".join(f"'{k}'" for k in OUTFLOW_KINDS)
# Money crossing into the bank: the dashboard's net new money (with OUTFLOW_KINDS, the other way).
MONEY_IN_KINDS = tuple(k.value for k in (TxnKind.SALARY, TxnKind.PENSION, TxnKind.DEPOSIT, TxnKind.TRANSFER_IN))
_MONEY_IN_LIST = ", ".join(f"'{k}'" for k in MONEY_IN_KINDS)
_OUT_RECORD = 15               # 'DD' + 13-digit amount in fen (a day's outflow capped at 10^11 CNY)
_SEPARATOR = 31                # between customer ids when read (ASCII unit separator)
# One row per customer and month from the transactions in `{source}`: one level of grouping
# (grouping by day first, to sum the deposits per day, costs four times as much).
_MONTHLY = (
    "INSERT INTO flow_months (customer_id, month, inflow, outflow, salary, pension, matured, "
    "last_salary, last_pension, salary_amount, deposits, out_days, money_in, money_out) "
    "SELECT customer_id, substr(txn_date, 1, 7), "
    f"TOTAL(CASE WHEN kind NOT IN ({_SYSTEM_LIST}) AND amount > 0 THEN amount END), "
    f"TOTAL(CASE WHEN kind NOT IN ({_SYSTEM_LIST}) AND amount < 0 THEN -amount END), "
    f"SUM(kind = '{TxnKind.SALARY.value}'), SUM(kind = '{TxnKind.PENSION.value}'), "
    f"TOTAL(CASE WHEN kind = '{TxnKind.MATURITY.value}' THEN abs(amount) END), "
    f"MAX(CASE WHEN kind = '{TxnKind.SALARY.value}' THEN substr(txn_date, 1, 10) END), "
    f"MAX(CASE WHEN kind = '{TxnKind.PENSION.value}' THEN substr(txn_date, 1, 10) END), "
    f"TOTAL(CASE WHEN kind = '{TxnKind.SALARY.value}' AND amount > 0 THEN amount END), "
    f"COALESCE(group_concat(CASE WHEN kind IN ({_SIGNAL_CREDITS}) AND amount > 0 "
    "THEN substr(txn_date, 9, 2) || ':' || printf('%.2f', amount) END, ','), ''), '', "
    f"TOTAL(CASE WHEN kind IN ({_MONEY_IN_LIST}) AND amount > 0 THEN amount END), "
    f"TOTAL(CASE WHEN kind IN ({_OUT_LIST}) AND amount < 0 THEN -amount END) "
    "FROM transactions {source} GROUP BY customer_id, substr(txn_date, 1, 7)")
# The money-out records of the rows written above, from the outflows matching `{where}`: summed
# per day first (a record per day), a separate pass because grouping every transaction by day
# costs four times the monthly statement, and only transfers out and withdrawals need it.
_OUT_DAYS = (
    "UPDATE flow_months SET out_days = o.days FROM ("
    "SELECT customer_id, substr(day, 1, 7) AS month, "
    "group_concat(substr(day, 9, 2) || printf('%013d', min(fen, 9999999999999)), '' ORDER BY day) AS days "
    "FROM (SELECT customer_id, substr(txn_date, 1, 10) AS day, CAST(ROUND(-100 * SUM(amount)) AS INTEGER) AS fen "
    f"FROM transactions {{indexed}} WHERE kind IN ({_OUT_LIST}) AND amount < 0 AND {{where}} "
    "GROUP BY customer_id, day) WHERE fen > 0 GROUP BY customer_id, substr(day, 1, 7)) AS o "
    "WHERE flow_months.month = o.month AND flow_months.customer_id = o.customer_id")


def rebuild_flow_months(conn) -> None:
    """Every row from the transactions, inside the caller's transaction. NOT INDEXED: a plain
    scan into SQLite's sorter beats walking the (customer, date) index, which looks up a table
    page per transaction (2.7 s against 4.0 s at 5,000 customers, measured on this statement's
    first form, without the salary and deposit columns)."""
    conn.execute("DELETE FROM flow_months")
    conn.execute(_MONTHLY.format(source="NOT INDEXED"))
    conn.execute(_OUT_DAYS.format(indexed="NOT INDEXED", where="1"))


def refold_flow_months(conn, pairs: Iterable[tuple[str, str]]) -> None:
    """Recompute the rows of the given (customer_id, 'YYYY-MM') pairs; the (customer, date)
    index finds each one's transactions."""
    ordered = sorted(set(pairs))
    if not ordered:
        return
    conn.executemany("DELETE FROM flow_months WHERE customer_id = ? AND month = ?", ordered)
    one = "customer_id = ? AND txn_date >= ? || '-' AND txn_date < ? || '.'"
    conn.executemany(_MONTHLY.format(source=f"WHERE {one}"), [(c, m, m) for c, m in ordered])
    conn.executemany(_OUT_DAYS.format(indexed="", where=one), [(c, m, m) for c, m in ordered])


def read_flow_months(portfolio: Portfolio, *, since: dt.date, until: dt.date) -> pd.DataFrame:
    """customer_id (categorical), month (months since 1970-01, as numpy's datetime64[M]),
    inflow, outflow, salary, pension, matured, last_salary, last_pension (days since 1970-01-01,
    NaN when none), all float64, of the months from since's to until's. Months and dates come
    as numbers: decoding text is most of such a read. The caller brings the aggregates up to
    date first (activity_months.update_activity_months)."""
    def day(column: str) -> str:
        return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"

    return read_columns(
        portfolio, source="FROM flow_months WHERE month >= ? AND month <= ?",
        params=(since.strftime("%Y-%m"), until.strftime("%Y-%m")), round_trip=reals_round_trip(portfolio),
        columns={"customer_id": ("customer_id", "text"),
                 "month": ("(CAST(substr(month, 1, 4) AS INTEGER) - 1970) * 12 "
                           "+ CAST(substr(month, 6, 2) AS INTEGER) - 1", "number"),
                 **{name: (name, "number") for name in ("inflow", "outflow", "salary", "pension", "matured")},
                 "last_salary": (day("last_salary"), "number"), "last_pension": (day("last_pension"), "number")})


@dataclasses.dataclass(frozen=True)
class CashDays:
    """The loan analytics' view of a range of months, as arrays. Per row: `customer` (its
    customer id), `month` (months since 1970-01), `salary_n` (salary and pension credits),
    `salary_last` (day number of the last of them, -1 when none). Per day with money leaving:
    `out_row` (its row), `out_day` (day number), `out_amount` (CNY)."""

    customer: np.ndarray
    month: np.ndarray
    salary_n: np.ndarray
    salary_last: np.ndarray
    out_row: np.ndarray
    out_day: np.ndarray
    out_amount: np.ndarray


def read_salaried(portfolio: Portfolio, *, first_month: str, last_month: str) -> tuple[np.ndarray, np.ndarray]:
    """(customer ids, months since 1970-01) of every customer-month from `first_month` to
    `last_month` with a salary or pension credit: one string of ids per month. The caller
    brings the aggregates up to date first."""
    ids, months = [], []
    for month in np.arange(np.datetime64(first_month, "M"), np.datetime64(last_month, "M") + 1):
        (text,), = portfolio.query(f"SELECT group_concat(customer_id, char({_SEPARATOR})) FROM flow_months "
                                   "WHERE month = ? AND salary + pension > 0", (str(month),))
        if text:
            names = text.split(chr(_SEPARATOR))
            ids.extend(names)
            months.append(np.full(len(names), month.astype(np.int64)))
    return np.array(ids, dtype=object), (np.concatenate(months) if months else np.zeros(0, np.int64))


# Day of the month of the last salary or pension credit, 0 when none (max() of a NULL is NULL).
_SALARY_LAST_DAY = ("COALESCE(CAST(substr(COALESCE(max(last_salary, last_pension), last_salary, last_pension), "
                    "9, 2) AS INTEGER), 0)")


def read_cash_days(portfolio: Portfolio, *, first_month: str, last_month: str,
                   outflows_from: str | None = None) -> CashDays:
    """The rows of months `first_month`..`last_month` ('YYYY-MM', inclusive) with a salary or
    pension credit or money out; the day records of outflows only from month `outflows_from`
    on (None: all). The caller brings the aggregates up to date first. One query per month
    (the key leads with it) gives three strings, parsed with numpy: the customer ids, one
    number per row (salary credits, last salary day and how many outflow records), and every
    row's day records in the same row order (all three aggregates see the rows in turn).
    ~250,000 rows at branch scale cost far less so than as Python tuples."""
    months = np.arange(np.datetime64(first_month, "M"), np.datetime64(last_month, "M") + 1)
    parts = []
    for month in months:
        outflows = outflows_from is None or str(month) >= outflows_from
        records = "group_concat(out_days, '')" if outflows else "''"
        count = f"length(out_days) / {_OUT_RECORD}" if outflows else "0"
        (ids, numbers, days), = portfolio.query(
            f"SELECT group_concat(customer_id, char({_SEPARATOR})), group_concat(min(salary + pension, 999) * 100000 "
            f"+ {_SALARY_LAST_DAY} * 1000 + {count}, ','), {records} FROM flow_months "
            "WHERE month = ? AND (salary + pension > 0 OR out_days != '')", (str(month),))
        if ids is None:
            continue
        names = ids.split(chr(_SEPARATOR))
        packed = np.array(numbers.split(","), dtype=np.int64)
        if len(names) != len(packed):
            raise ValueError("flow_months: a customer id holds a control character")
        parts.append((np.array(names, dtype=object), np.full(len(names), month.astype(np.int64)), packed,
                      record_bytes(days, _OUT_RECORD)))
    if not parts:
        empty = np.zeros(0, np.int64)
        return CashDays(np.zeros(0, object), empty, empty, empty, empty, empty, np.zeros(0))
    packed = np.concatenate([p[2] for p in parts])
    month = np.concatenate([p[1] for p in parts])
    first_day = month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    last, count = (packed // 1000) % 100, packed % 1000
    rec = np.concatenate([p[3] for p in parts])
    if int(count.sum()) != len(rec):
        raise ValueError("flow_months: rows do not match their day records")
    out_row = np.repeat(np.arange(len(packed)), count)
    out_day = first_day[out_row] + number_at(rec, 0, 2) - 1
    out_amount = number_at(rec, 2, 13) / 100.0
    return CashDays(customer=np.concatenate([p[0] for p in parts]), month=month, salary_n=packed // 100000,
                    salary_last=np.where(last > 0, first_day + last - 1, -1),
                    out_row=out_row, out_day=out_day, out_amount=out_amount)



