"""The derived per-customer summary (table customer_summary, migration 0002).

The customer list reads this one table so that unlocking a branch-scale portfolio never
aggregates millions of transactions on the way to the first screen. It is rebuilt in one SQL
pass after every change of the underlying data (demo build, import); callers run it inside
their own transaction so the summary never disagrees with the data it was computed from.
"""

from __future__ import annotations

import datetime as dt

from relmgr.domain.codes import HoldingStatus, ProductFamily, TxnKind
from relmgr.storage.portfolio import Portfolio

_LIABILITY_FAMILIES = tuple(f.value for f in ProductFamily if f.is_liability)
_SYSTEM_KINDS = tuple(k.value for k in TxnKind if not k.customer_initiated)


def _in_list(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def rebuild_customer_summary(portfolio: Portfolio, *, as_of: dt.date) -> int:
    """Recompute customer_summary as of `as_of`; returns the number of customers.

    AUM is the sum of open (not closed) asset balances; liabilities the sum of open credit
    balances. Last transaction and the 90-day count consider customer-initiated transactions
    only (interest and fees say nothing about the relationship).
    """
    since_90d = (as_of - dt.timedelta(days=90)).isoformat()
    conn = portfolio.conn
    conn.execute("DELETE FROM customer_summary")
    conn.execute(
        f"""
        INSERT INTO customer_summary (customer_id, aum, liabilities, product_count,
                                      last_txn_on, txn_count_90d, last_contact_on)
        SELECT c.customer_id,
               COALESCE(h.aum, 0), COALESCE(h.liabilities, 0), COALESCE(h.product_count, 0),
               t.last_txn_on, COALESCE(t.txn_count_90d, 0), i.last_contact_on
        FROM customers AS c
        LEFT JOIN (
            SELECT hh.customer_id,
                   SUM(CASE WHEN p.family IN {_in_list(_LIABILITY_FAMILIES)} THEN 0 ELSE hh.balance END) AS aum,
                   SUM(CASE WHEN p.family IN {_in_list(_LIABILITY_FAMILIES)} THEN hh.balance ELSE 0 END) AS liabilities,
                   COUNT(DISTINCT hh.product_id) AS product_count
            FROM holdings AS hh JOIN products AS p USING (product_id)
            WHERE hh.status != '{HoldingStatus.CLOSED.value}'
            GROUP BY hh.customer_id
        ) AS h USING (customer_id)
        LEFT JOIN (
            SELECT customer_id, MAX(txn_date) AS last_txn_on,
                   SUM(txn_date > ?) AS txn_count_90d
            FROM transactions
            WHERE kind NOT IN {_in_list(_SYSTEM_KINDS)} AND txn_date <= ?
            GROUP BY customer_id
        ) AS t USING (customer_id)
        LEFT JOIN (
            SELECT customer_id, MAX(substr(occurred_at, 1, 10)) AS last_contact_on
            FROM interactions GROUP BY customer_id
        ) AS i USING (customer_id)
        """,
        (since_90d, as_of.isoformat()),
    )
    return conn.execute("SELECT COUNT(*) FROM customer_summary").fetchone()[0]
