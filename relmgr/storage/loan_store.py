"""Reads and writes of the loan tables (migration 0012, issue 21) for services/loans.py."""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from relmgr.storage.portfolio import Portfolio

LOAN_READ_COLUMNS = ["loan_id", "customer_id", "family", "opened_on", "principal", "outstanding", "rate",
                     "term_months", "next_due_on", "amount_due", "days_past_due", "status",
                     "classification", "repayment_holding_id", "closed_on", "repayment_balance"]


def read_loans(portfolio: Portfolio) -> pd.DataFrame:
    """Every loan, with the balance of its repayment account (NULL when none is named)."""
    rows = portfolio.query(
        "SELECT l.loan_id, l.customer_id, l.family, l.opened_on, l.principal, l.outstanding, l.rate, "
        "l.term_months, l.next_due_on, l.amount_due, l.days_past_due, l.status, l.classification, "
        "l.repayment_holding_id, l.closed_on, h.balance FROM loans l "
        "LEFT JOIN holdings h ON h.holding_id = l.repayment_holding_id ORDER BY l.loan_id")
    return pd.DataFrame(rows, columns=LOAN_READ_COLUMNS)


def read_credit_profiles(portfolio: Portfolio) -> pd.DataFrame:
    rows = portfolio.query("SELECT customer_id, monthly_income, income_on, credit_score, score_source, "
                           "score_on FROM credit_profiles")
    return pd.DataFrame(rows, columns=["customer_id", "monthly_income", "income_on", "credit_score",
                                       "score_source", "score_on"])


def read_repayments_between(portfolio: Portfolio, *, first: str, last: str) -> pd.DataFrame:
    """Instalments paid from `first` to `last` (ISO dates, inclusive)."""
    rows = portfolio.query("SELECT loan_id, due_on, amount_due, paid_on, amount_paid FROM loan_repayments "
                           "WHERE paid_on BETWEEN ? AND ?", (first, last))
    return pd.DataFrame(rows, columns=["loan_id", "due_on", "amount_due", "paid_on", "amount_paid"])


def read_cash_flows(portfolio: Portfolio, customer_ids: Sequence[str], *, today: str, salary_since: str,
                    recent_since: str, base_since: str) -> pd.DataFrame:
    """Per customer of `customer_ids`, from their transactions up to `today`: the last salary or
    pension credit on or after `salary_since` and the number of months with one; money leaving
    the bank (transfers out and withdrawals: a purchase of a wealth product stays) from
    `recent_since` (the recent window) and from `base_since` up to the recent window (the usual
    level). One aggregate row per customer: the index (customer_id, txn_date) is walked per
    customer (in customer order, so no sorter), never the whole table."""
    if not len(customer_ids):
        return pd.DataFrame(columns=["customer_id", "last_salary_on", "salary_months", "out_recent", "out_base"])
    first = min(salary_since, base_since)
    rows = portfolio.query(
        "SELECT t.customer_id, "
        "MAX(CASE WHEN t.kind IN ('SALARY', 'PENSION') AND t.txn_date >= ?1 THEN t.txn_date END), "
        "COUNT(DISTINCT CASE WHEN t.kind IN ('SALARY', 'PENSION') AND t.txn_date >= ?1 "
        "THEN substr(t.txn_date, 1, 7) END), "
        "-SUM(CASE WHEN t.amount < 0 AND t.txn_date >= ?2 AND t.kind IN ('TRANSFER_OUT', 'WITHDRAWAL') "
        "THEN t.amount ELSE 0 END), "
        "-SUM(CASE WHEN t.amount < 0 AND t.txn_date >= ?3 AND t.txn_date < ?2 AND t.kind IN ('TRANSFER_OUT', 'WITHDRAWAL') "
        "THEN t.amount ELSE 0 END) "
        "FROM transactions t WHERE t.customer_id IN (SELECT value FROM json_each(?4)) "
        "AND t.txn_date >= ?5 AND t.txn_date <= ?6 GROUP BY t.customer_id",
        (salary_since, recent_since, base_since, json.dumps(list(map(str, customer_ids))), first, today))
    return pd.DataFrame(rows, columns=["customer_id", "last_salary_on", "salary_months", "out_recent", "out_base"])


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


def read_loan_customers(portfolio: Portfolio) -> pd.DataFrame:
    """customer_id, birth_date, closed_on of every customer (the eligibility rule's ages)."""
    rows = portfolio.query("SELECT customer_id, birth_date, closed_on FROM customers")
    return pd.DataFrame(rows, columns=["customer_id", "birth_date", "closed_on"])


def has_loan_tables(portfolio: Portfolio) -> bool:
    return bool(portfolio.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'loans'"))


def read_salary_days(portfolio: Portfolio, *, until: str) -> pd.DataFrame:
    """customer_id, day (int days since 1970-01-01): one row per customer and day with a salary
    or pension credit on or before `until` (ISO date): what the prospect model's salary
    regularity is counted from."""
    rows = portfolio.query(
        "SELECT customer_id, CAST(julianday(substr(txn_date, 1, 10)) - 2440587.5 AS INTEGER) "
        "FROM transactions WHERE kind IN ('SALARY', 'PENSION') AND txn_date <= ? "
        "GROUP BY customer_id, substr(txn_date, 1, 10)", (until,))
    return pd.DataFrame({"customer_id": [str(r[0]) for r in rows],
                         "day": np.array([r[1] for r in rows], dtype=np.int64)})
