"""Reads and writes of the loan tables (migration 0012, issue 21) for services/loans.py."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from relmgr.storage.activity_months import update_activity_months
from relmgr.storage.column_read import read_columns, read_plain_columns, reals_round_trip
from relmgr.storage.flow_months import read_cash_days, read_salaried
from relmgr.storage.portfolio import Portfolio

LOAN_READ_COLUMNS = ["loan_id", "customer_id", "family", "opened_on", "principal", "outstanding", "rate",
                     "term_months", "next_due_on", "amount_due", "days_past_due", "status",
                     "classification", "repayment_holding_id", "closed_on", "repayment_balance"]


def _live(table: str = "") -> str:
    """SQL: the loan is live on the day bound to ? (what analytics.loan_watch.live_loans keeps)."""
    return (f"{table}status IS NOT 'REPAID' AND ({table}closed_on IS NULL OR substr({table}closed_on, 1, 10) > ?)")


_NUMBERS = frozenset({"principal", "outstanding", "rate", "term_months", "amount_due", "days_past_due"})


WATCH_COLUMNS = [c for c in LOAN_READ_COLUMNS if c not in ("opened_on", "principal", "rate", "term_months")]


def read_loans(portfolio: Portfolio, *, live_on: str | None = None, balances_due_by: str | None = None,
               columns: Sequence[str] = LOAN_READ_COLUMNS) -> pd.DataFrame:
    """Every loan (LOAN_READ_COLUMNS, numbers as float, NaN when not given), with the balance of
    its repayment account (NaN when none is named); with `live_on` (ISO date), only those live
    that day (not repaid, not closed by then: what analytics.loan_watch.live_loans keeps), so
    the repaid ones are not read at all. With `balances_due_by` (ISO date), the balance only of
    loans whose next instalment falls due from `live_on` to then (the repayment watch's only
    use of it): looking up every repayment account costs more than the rest of the read. Read
    column-wise (storage.column_read): tens of thousands of loans at branch scale; only
    `columns` (WATCH_COLUMNS: what the repayment watch reads), the balance always."""
    where, params = "", []
    balance = "(SELECT h.balance FROM holdings h WHERE h.holding_id = l.repayment_holding_id)"
    if balances_due_by is not None:
        balance = f"CASE WHEN substr(l.next_due_on, 1, 10) BETWEEN ? AND ? THEN {balance} END"
        params = [live_on or "", balances_due_by]
    if live_on is not None:
        where = f" WHERE {_live('l.')}"
        params.append(live_on)
    wanted = {c: (f"l.{c}", "number" if c in _NUMBERS else "text") for c in columns if c != "repayment_balance"}
    wanted["repayment_balance"] = (balance, "number")
    # In storage order: ordering by loan_id walks its index with a table lookup per loan (the
    # watch sorts its lines itself).
    frame = read_plain_columns(portfolio, source=f"FROM loans l{where}", params=params, columns=wanted)
    return frame[[c for c in columns if c != "repayment_balance"] + ["repayment_balance"]]


def read_eligibility_inputs(portfolio: Portfolio, *, live_on: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the eligibility rule reads, column-wise (storage.column_read; the prospects read
    them for every customer): the loans live on `live_on` (customer_id, family, days_past_due,
    status, classification, amount_due) and every credit profile (customer_id, monthly_income,
    credit_score). Text columns come back as categoricals."""
    text, number = "text", "number"
    round_trip = reals_round_trip(portfolio)
    loans = read_columns(portfolio, source=f"FROM loans WHERE {_live()}", params=(live_on,), round_trip=round_trip,
                         columns={"customer_id": ("customer_id", text), "family": ("family", text),
                                  "days_past_due": ("days_past_due", number), "status": ("status", text),
                                  "classification": ("classification", text), "amount_due": ("amount_due", number)})
    profiles = read_columns(portfolio, source="FROM credit_profiles", params=(), round_trip=round_trip,
                            columns={"customer_id": ("customer_id", text), "monthly_income": ("monthly_income", number),
                                     "credit_score": ("credit_score", number)})
    return loans, profiles


def read_repayments_between(portfolio: Portfolio, *, first: str, last: str) -> pd.DataFrame:
    """Instalments paid from `first` to `last` (ISO dates, inclusive)."""
    rows = portfolio.query("SELECT loan_id, due_on, amount_due, paid_on, amount_paid FROM loan_repayments "
                           "WHERE paid_on BETWEEN ? AND ?", (first, last))
    return pd.DataFrame(rows, columns=["loan_id", "due_on", "amount_due", "paid_on", "amount_paid"])


def read_cash_flows(portfolio: Portfolio, customer_ids: Sequence[str], *, today: str, salary_since: str,
                    recent_since: str, base_since: str) -> pd.DataFrame:
    """Per customer of `customer_ids`, up to `today`: the last salary or pension credit on or
    after `salary_since` and the number of months with one; money leaving the bank (transfers
    out and withdrawals: a purchase of a wealth product stays) from `recent_since` (the recent
    window) and from `base_since` up to the recent window (the usual level). Read from the
    monthly money flows (migration 0015), whose day records keep the mid-month window edges
    exact, not from the transactions."""
    columns = ["customer_id", "last_salary_on", "salary_months", "out_recent", "out_base"]
    if not len(customer_ids):
        return pd.DataFrame(columns=columns)
    first = min(salary_since, base_since)
    wanted = pd.Index(sorted(set(map(str, customer_ids))))
    update_activity_months(portfolio)
    cash = read_cash_days(portfolio, first_month=first[:7], last_month=today[:7], outflows_from=base_since[:7])
    row_cust = wanted.get_indexer(cash.customer) if len(cash.customer) else np.zeros(0, np.int64)
    day = {name: int(np.datetime64(value, "D").astype(np.int64)) for name, value in
           (("today", today[:10]), ("salary", salary_since[:10]), ("recent", recent_since[:10]),
            ("base", base_since[:10]))}
    n = len(wanted)
    paid = (row_cust >= 0) & (cash.salary_last >= day["salary"]) & (cash.salary_last <= day["today"])
    last = np.full(n, -1, np.int64)
    np.maximum.at(last, row_cust[paid], cash.salary_last[paid])
    months = np.bincount(row_cust[paid], minlength=n)
    out_cust = row_cust[cash.out_row] if len(cash.out_row) else np.zeros(0, np.int64)
    known = out_cust >= 0
    recent = known & (cash.out_day >= day["recent"]) & (cash.out_day <= day["today"])
    base = known & (cash.out_day >= day["base"]) & (cash.out_day < day["recent"])
    out_recent = np.bincount(out_cust[recent], weights=cash.out_amount[recent], minlength=n)
    out_base = np.bincount(out_cust[base], weights=cash.out_amount[base], minlength=n)
    keep = (last >= 0) | (out_recent > 0) | (out_base > 0)      # the others have no signal
    last_on = np.where(last >= 0, last, 0).astype("datetime64[D]").astype(str).astype(object)
    last_on[last < 0] = None
    return pd.DataFrame({"customer_id": wanted.to_numpy()[keep], "last_salary_on": last_on[keep],
                         "salary_months": months[keep], "out_recent": np.round(out_recent[keep], 2),
                         "out_base": np.round(out_base[keep], 2)}, columns=columns)


def read_watch_actions(portfolio: Portfolio, *, day: str) -> pd.DataFrame:
    rows = portfolio.query("SELECT loan_id, customer_id, warning, day, handled_at FROM loan_watch_actions "
                           "WHERE day = ?", (day,))
    return pd.DataFrame(rows, columns=["loan_id", "customer_id", "warning", "day", "handled_at"])


def insert_watch_action(portfolio: Portfolio, *, loan_id: str, customer_id: str, warning: str, day: str,
                        handled_at: str) -> bool:
    """Record a handled watch line; False when it was already recorded for that day."""
    cursor = portfolio.conn.execute(
        "INSERT OR IGNORE INTO loan_watch_actions (loan_id, customer_id, warning, day, handled_at) "
        "VALUES (?, ?, ?, ?, ?)", (loan_id, customer_id, warning, day, handled_at))
    return cursor.rowcount == 1


def has_loan_tables(portfolio: Portfolio) -> bool:
    return bool(portfolio.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'loans'"))


def read_salary_months(portfolio: Portfolio, *, first_month: str, last_month: str) -> pd.DataFrame:
    """customer_id, month (months since 1970-01): one row per customer and calendar month from
    `first_month` to `last_month` ('YYYY-MM') with a salary or pension credit, read from the
    monthly money flows (migration 0015): the prospect model's salary regularity."""
    update_activity_months(portfolio)
    ids, months = read_salaried(portfolio, first_month=first_month, last_month=last_month)
    return pd.DataFrame({"customer_id": ids, "month": months})


# -- the arrears trend by month (migration 0017) ---------------------------------------------------
ARREARS_INPUT_COLUMNS = ["loan_id", "family", "outstanding", "days_past_due", "status", "closed_on"]


def read_arrears_inputs(portfolio: Portfolio, *, live_on: str) -> pd.DataFrame:
    """The loans live on `live_on` with what their arrears bucket needs (ARREARS_INPUT_COLUMNS),
    column-wise; no repayment-account look-up."""
    wanted = {c: (c, "number" if c in _NUMBERS else "text") for c in ARREARS_INPUT_COLUMNS}
    return read_plain_columns(portfolio, source=f"FROM loans WHERE {_live()}", params=(live_on,), columns=wanted)


def has_arrears_months(portfolio: Portfolio) -> bool:
    return bool(portfolio.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'loan_arrears_months'"))


def write_arrears_month(portfolio: Portfolio, *, month: str, as_of: str, live_loans: int,
                        rows: pd.DataFrame) -> None:
    """Replace the month's snapshot (`rows`: loan_id, family, bucket, days_past_due, outstanding
    of the loans in arrears). In the caller's transaction."""
    portfolio.conn.execute("DELETE FROM loan_arrears_months WHERE month = ?", (month,))
    portfolio.conn.execute("INSERT INTO loan_arrears_snapshots (month, as_of, live_loans) VALUES (?, ?, ?) "
                           "ON CONFLICT (month) DO UPDATE SET as_of = excluded.as_of, live_loans = excluded.live_loans",
                           (month, as_of, int(live_loans)))
    portfolio.insert_rows("loan_arrears_months", ["month", "loan_id", "family", "bucket", "days_past_due", "outstanding"],
                          ((month, str(r.loan_id), str(r.family), str(r.bucket),
                            None if pd.isna(r.days_past_due) else int(r.days_past_due),
                            None if pd.isna(r.outstanding) else float(r.outstanding))
                           for r in rows.itertuples(index=False)))


def read_arrears_months(portfolio: Portfolio, *, before: str) -> pd.DataFrame:
    """Per snapshot month before `before` ('YYYY-MM'): month, as_of, live_loans, and per bucket
    the loans in arrears and their outstanding (one row per month and bucket; bucket None for a
    month without any)."""
    rows = portfolio.query(
        "SELECT s.month, s.as_of, s.live_loans, m.bucket, COUNT(m.loan_id), TOTAL(m.outstanding) "
        "FROM loan_arrears_snapshots s LEFT JOIN loan_arrears_months m ON m.month = s.month "
        "WHERE s.month < ? GROUP BY s.month, m.bucket ORDER BY s.month", (before,))
    return pd.DataFrame(rows, columns=["month", "as_of", "live_loans", "bucket", "loans", "outstanding"])
