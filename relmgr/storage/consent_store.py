"""SQL of marketing consent (migration 0011): the bank's column and the RM's decisions."""

from __future__ import annotations

import pandas as pd

from relmgr.storage.portfolio import Portfolio

# The RM's newest decision per customer (highest consent_id), beside the bank's column.
_CURRENT = """
    SELECT c.customer_id, c.marketing_consent AS imported, m.consent AS recorded, m.decided_on, m.note
    FROM customers AS c
    LEFT JOIN marketing_consent AS m ON m.consent_id = (
        SELECT MAX(consent_id) FROM marketing_consent WHERE customer_id = c.customer_id)
"""


def read_consent(portfolio: Portfolio, customer_id: str | None = None) -> pd.DataFrame:
    """customer_id, imported, recorded, decided_on, note (None where nothing is known)."""
    if customer_id is None:
        return portfolio.read_frame(_CURRENT)
    return portfolio.read_frame(_CURRENT + " WHERE c.customer_id = ?", (customer_id,))


def declined_ids(portfolio: Portfolio) -> set[str]:
    """Customers who declined marketing in the bank's export or in the RM's newest decision."""
    rows = portfolio.query(
        f"SELECT customer_id FROM ({_CURRENT}) WHERE imported = 'DECLINED' OR recorded = 'DECLINED'")
    return {str(r[0]) for r in rows}


def insert_decision(portfolio: Portfolio, *, customer_id: str, consent: str, decided_on: str,
                    note: str, recorded_at: str, actor: str) -> int:
    cursor = portfolio.conn.execute(
        "INSERT INTO marketing_consent (customer_id, consent, decided_on, note, recorded_at, actor) "
        "VALUES (?, ?, ?, ?, ?, ?)", (customer_id, consent, decided_on, note, recorded_at, actor))
    return int(cursor.lastrowid)


def customer_exists(portfolio: Portfolio, customer_id: str) -> bool:
    return bool(portfolio.query("SELECT 1 FROM customers WHERE customer_id = ?", (customer_id,)))


def held_out_on(portfolio: Portfolio, customer_id: str, *, day: str) -> bool:
    """Whether the customer is in the control group of a campaign running on `day`."""
    return bool(portfolio.query(
        "SELECT 1 FROM offers AS o JOIN campaigns AS c ON c.campaign_id = o.campaign_id "
        "WHERE o.customer_id = ? AND o.arm = 'CONTROL' AND c.start_on <= ? AND c.end_on >= ? LIMIT 1",
        (customer_id, day, day)))


def held_out_ids(portfolio: Portfolio, *, day: str) -> set[str]:
    """The customers in the control group of any campaign running on `day`."""
    return {str(r[0]) for r in portfolio.query(
        "SELECT DISTINCT o.customer_id FROM offers AS o JOIN campaigns AS c ON c.campaign_id = o.campaign_id "
        "WHERE o.arm = 'CONTROL' AND c.start_on <= ? AND c.end_on >= ?", (day, day))}
