"""SQL of a customer's free tags: customers.tags, ';'-separated (the exchange format's column)."""

from __future__ import annotations

from relmgr.storage.portfolio import Portfolio


def read_tags(portfolio: Portfolio, customer_id: str) -> str | None:
    """The customer's tags column, or None for an unknown customer."""
    rows = portfolio.query("SELECT tags FROM customers WHERE customer_id = ?", (customer_id,))
    return None if not rows else str(rows[0][0] or "")


def write_tags(portfolio: Portfolio, customer_id: str, tags: str) -> None:
    """The caller holds the transaction."""
    portfolio.conn.execute("UPDATE customers SET tags = ? WHERE customer_id = ?", (tags, customer_id))
