"""SQL of the recommendations (issue 6): snapshots the recommender reads, and the outcome log
(table recommendation_outcomes, migration 0005).

Reads come for the whole portfolio or for one customer (through the per-customer indexes, so a
customer's panel never scans the portfolio). The triggers' credits come from the monthly flows
(migration 0015), not from the transactions.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.domain.codes import HoldingStatus, TxnKind
from relmgr.storage.activity_months import update_activity_months
from relmgr.storage.portfolio import Portfolio

OUTCOME_COLUMNS = ["outcome_id", "customer_id", "product_id", "outcome", "note", "at",
                   "reason_code", "warning"]


def _where_customer(customer_id: str | None, column: str = "customer_id") -> tuple[str, tuple]:
    return ("", ()) if customer_id is None else (f" AND {column} = ?", (customer_id,))


def read_products(portfolio: Portfolio) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT product_id, name_zh, name_en, family, risk_level, term_days, min_amount, min_age, "
        "max_age, repeatable FROM products ORDER BY product_id")


def read_customers(portfolio: Portfolio, *, customer_id: str | None = None) -> pd.DataFrame:
    where, params = _where_customer(customer_id)
    return portfolio.read_frame(
        "SELECT customer_id, birth_date, risk_rating, risk_assessed_on, closed_on FROM customers "
        f"WHERE 1 = 1{where} ORDER BY customer_id", params)


def read_open_holdings(portfolio: Portfolio, *, customer_id: str | None = None) -> pd.DataFrame:
    """ACTIVE and DORMANT holdings (closed ones play no part in recommending)."""
    where, params = _where_customer(customer_id)
    return portfolio.read_frame(
        "SELECT holding_id, customer_id, product_id, opened_on, maturity_on, balance, status "
        f"FROM holdings WHERE status != '{HoldingStatus.CLOSED.value}'{where}", params)


def read_customer_dates(portfolio: Portfolio) -> pd.DataFrame:
    """customer_id, opened_on, closed_on (the point-in-time evaluation rebuilds who was a
    customer at a past month end)."""
    return portfolio.read_frame("SELECT customer_id, opened_on, closed_on FROM customers ORDER BY customer_id")


def read_all_holdings(portfolio: Portfolio) -> pd.DataFrame:
    """Every holding, closed ones too, with closed_on (the point-in-time evaluation)."""
    return portfolio.read_frame(
        "SELECT holding_id, customer_id, product_id, opened_on, maturity_on, closed_on, balance, status "
        "FROM holdings")


def read_month_end_aum(portfolio: Portfolio, *, month: str) -> pd.DataFrame:
    """customer_id, month, aum_end of one month ('YYYY-MM')."""
    return portfolio.read_frame(
        "SELECT customer_id, month, aum_end FROM monthly_balances WHERE month = ?", (month,))


def read_signal_credits(portfolio: Portfolio, *, since: dt.date, until: dt.date,
                        deposits_since: dt.date | None = None,
                        customer_id: str | None = None) -> pd.DataFrame:
    """The credits the triggers look at, as `transaction_signals` reads them (customer_id,
    txn_date, kind, amount), from the monthly flows of migration 0015 instead of the
    transactions: per customer and month of since's to until's, the month's salary as one row
    (dated its last salary credit; the salary trigger adds salaries up by month), and each
    DEPOSIT / TRANSFER_IN credit dated in (deposits_since, until] (default: since) as its own
    row, exact to the cent (kind DEPOSIT for both: the trigger treats them alike). A few rows
    per customer of a few months, ranges of the table's key (month, customer), not a scan of
    millions of transactions."""
    update_activity_months(portfolio)
    first = (deposits_since or since).isoformat()
    where, params = _where_customer(customer_id)
    months = [str(m) for m in pd.period_range(since, until, freq="M")]
    rows = portfolio.query(
        "SELECT customer_id, month, last_salary, salary_amount, "
        "CASE WHEN month >= ? THEN deposits ELSE '' END FROM flow_months "
        f"WHERE month IN ({', '.join('?' * len(months))}){where} AND (salary_amount > 0 OR deposits != '')",
        (first[:7], *months, *params))
    ids, dates, kinds, amounts = [], [], [], []
    last = until.isoformat()
    for customer, month, last_salary, salary, deposits in rows:
        if salary > 0:
            ids.append(customer), dates.append(last_salary), kinds.append(TxnKind.SALARY.value)
            amounts.append(salary)
        for credit in deposits.split(",") if deposits else ():
            day, amount = credit.split(":")
            date = f"{month}-{day}"
            if first < date <= last:
                ids.append(customer), dates.append(date), kinds.append(TxnKind.DEPOSIT.value)
                amounts.append(float(amount))
    return pd.DataFrame({"customer_id": pd.Series(ids, dtype=object), "txn_date": pd.Series(dates, dtype=object),
                         "kind": pd.Series(kinds, dtype=object), "amount": pd.Series(amounts, dtype="float64")})


def model_inputs_version(portfolio: Portfolio) -> tuple:
    """Changes whenever anything the fitted model reads changes — holdings, customers' birth
    dates, risk ratings and closing, the catalogue (migration 0008's triggers count them) — and
    differs between portfolio files created at different times. One row, not a table scan."""
    (changes,), = portfolio.query("SELECT changes FROM reco_input_changes WHERE id = 1")
    return (portfolio.get_meta("created_at"), int(changes))


def insert_outcome(portfolio: Portfolio, *, customer_id: str, product_id: str, outcome: str,
                   note: str, at: str, reason_code: str | None, warning: str | None) -> int:
    """Append one outcome; returns its id. The caller holds the transaction."""
    cursor = portfolio.conn.execute(
        "INSERT INTO recommendation_outcomes (customer_id, product_id, outcome, note, at, "
        "reason_code, warning) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (customer_id, product_id, outcome, note, at, reason_code, warning))
    return int(cursor.lastrowid)


def read_outcome(portfolio: Portfolio, *, outcome_id: int) -> dict | None:
    rows = portfolio.read_frame(
        f"SELECT {', '.join(OUTCOME_COLUMNS)} FROM recommendation_outcomes WHERE outcome_id = ?",
        (int(outcome_id),))
    return None if rows.empty else rows.iloc[0].to_dict()


def delete_outcome(portfolio: Portfolio, *, outcome_id: int) -> None:
    """Remove one outcome. The caller holds the transaction."""
    portfolio.conn.execute("DELETE FROM recommendation_outcomes WHERE outcome_id = ?", (int(outcome_id),))


def read_outcomes(portfolio: Portfolio, *, customer_id: str | None = None) -> pd.DataFrame:
    where, params = _where_customer(customer_id)
    frame = portfolio.read_frame(
        f"SELECT {', '.join(OUTCOME_COLUMNS)} FROM recommendation_outcomes WHERE 1 = 1{where} "
        "ORDER BY at, outcome_id", params)
    if frame.empty:
        return pd.DataFrame(columns=OUTCOME_COLUMNS)
    return frame


def customer_exists(portfolio: Portfolio, customer_id: str) -> bool:
    return bool(portfolio.query("SELECT 1 FROM customers WHERE customer_id = ?", (customer_id,)))


def product_exists(portfolio: Portfolio, product_id: str) -> bool:
    return bool(portfolio.query("SELECT 1 FROM products WHERE product_id = ?", (product_id,)))
