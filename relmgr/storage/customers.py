"""Reads behind the Customers page: the whole list in one query, and one customer's 360 view.

The list joins customers with the derived customer_summary (and the latest segmentation when
there is one), so unlocking never aggregates transactions. The 360 reads use the per-customer
indexes (holdings_by_customer, transactions_by_customer_date, interactions_by_customer), so
opening a customer costs a few index lookups whatever the size of the portfolio.
"""

from __future__ import annotations

import pandas as pd

from relmgr.storage.portfolio import Portfolio

# Shared with storage/floor.py, so the benchmark's floor reads exactly the same rows.
CUSTOMER_LIST_SQL = """
    SELECT c.customer_id, c.name, c.id_number, c.phone, c.gender, c.birth_date, c.city,
           c.risk_rating, c.risk_assessed_on, c.opened_on, c.closed_on, c.tags,
           s.aum, s.liabilities, s.product_count, s.last_txn_on, s.txn_count_90d, s.last_contact_on
    FROM customers AS c LEFT JOIN customer_summary AS s USING (customer_id)
    ORDER BY c.customer_id
"""

_SEGMENT_COLUMNS_SQL = """
    SELECT customer_id, tier, rfm_segment, stage, contact_status, days_overdue
    FROM customer_segments
"""


def has_table(portfolio: Portfolio, name: str) -> bool:
    return bool(portfolio.query(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))


_CHURN_BAND_SQL = "SELECT customer_id, band AS churn_band FROM churn_scores"


def read_customer_list(portfolio: Portfolio) -> pd.DataFrame:
    """One row per customer, with the summary figures and (when computed) tier, RFM segment,
    lifecycle stage, contact status and churn risk band (customers not scored, e.g. churned
    ones, have none)."""
    frame = portfolio.read_frame(CUSTOMER_LIST_SQL)
    for table, sql in (("customer_segments", _SEGMENT_COLUMNS_SQL), ("churn_scores", _CHURN_BAND_SQL)):
        if has_table(portfolio, table):
            extra = portfolio.read_frame(sql)
            if len(extra):
                frame = frame.merge(extra, on="customer_id", how="left")
    return frame


def read_customer(portfolio: Portfolio, customer_id: str) -> dict | None:
    cursor = portfolio.conn.execute(
        "SELECT c.*, s.aum, s.liabilities, s.product_count, s.last_txn_on, s.txn_count_90d, "
        "s.last_contact_on FROM customers AS c LEFT JOIN customer_summary AS s USING (customer_id) "
        "WHERE c.customer_id = ?", (customer_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def read_segment_row(portfolio: Portfolio, customer_id: str) -> dict | None:
    if not has_table(portfolio, "customer_segments"):
        return None
    cursor = portfolio.conn.execute(
        "SELECT s.*, p.traits AS cluster_traits FROM customer_segments AS s "
        "LEFT JOIN cluster_profiles AS p USING (cluster) WHERE s.customer_id = ?", (customer_id,))
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None


def read_holdings(portfolio: Portfolio, customer_id: str) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT h.holding_id, h.product_id, p.name_zh, p.name_en, p.family, p.risk_level, "
        "h.opened_on, h.maturity_on, h.closed_on, h.balance, h.status "
        "FROM holdings AS h JOIN products AS p USING (product_id) "
        "WHERE h.customer_id = ? ORDER BY h.status = 'CLOSED', h.balance DESC", (customer_id,))


def read_monthly_aum(portfolio: Portfolio, customer_id: str) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT month, aum_avg, aum_end, digital_logins FROM monthly_balances "
        "WHERE customer_id = ? ORDER BY month", (customer_id,))


def read_recent_transactions(portfolio: Portfolio, customer_id: str, *, limit: int) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT txn_date, amount, kind, channel, holding_id FROM transactions "
        "WHERE customer_id = ? ORDER BY txn_date DESC, txn_id DESC LIMIT ?", (customer_id, limit))


def read_contacts(portfolio: Portfolio, customer_id: str, *, limit: int) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT occurred_at, channel, purpose, outcome, note FROM interactions "
        "WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT ?", (customer_id, limit))


def read_identity(portfolio: Portfolio, customer_id: str) -> tuple[str, str] | None:
    """(id_number, phone) of one customer, for an audited reveal."""
    rows = portfolio.query("SELECT id_number, phone FROM customers WHERE customer_id = ?",
                           (customer_id,))
    return (rows[0][0], rows[0][1]) if rows else None
