"""The dates a portfolio's data can be dated by when it has no stored data date (meta 'as_of'):
read by services.data_date, which decides the order."""

from __future__ import annotations

from relmgr.storage.portfolio import Portfolio

# Dated columns that come from the bank's exports only. Not interactions: a contact logged in the
# app carries the wall clock, which says nothing about how recent the data is.
_EXPORT_DATES = {"customers": ("opened_on", "closed_on"), "holdings": ("opened_on", "closed_on"),
                 "offers": ("offered_on", "responded_on")}


def newest_transaction_date(portfolio: Portfolio, *, until: str = "9999-12-31") -> str | None:
    """The newest booking date in transactions (text) up to `until`, or None without any."""
    row = portfolio.query("SELECT MAX(txn_date) FROM transactions WHERE txn_date <= ?", (until,))
    return row[0][0] if row and row[0][0] else None


def newest_export_date(portfolio: Portfolio, *, until: str = "9999-12-31") -> str | None:
    """The newest date up to `until` among the exported rows' own dates (openings, closings,
    offers), or None."""
    parts = " UNION ALL ".join(f"SELECT MAX(substr({column}, 1, 10)) AS d FROM {table} "
                               f"WHERE substr({column}, 1, 10) <= :until"
                               for table, columns in _EXPORT_DATES.items() for column in columns)
    row = portfolio.conn.execute(f"SELECT MAX(d) FROM ({parts})", {"until": until}).fetchall()
    return row[0][0] if row and row[0][0] else None
