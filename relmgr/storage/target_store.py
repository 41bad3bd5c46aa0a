"""SQL of the target lists (migration 0011): the per-customer columns the list builder filters on
that the Customers list does not read, the open products per customer, and the saved lists."""

from __future__ import annotations

import pandas as pd

from relmgr.storage.customers import has_table
from relmgr.storage.portfolio import Portfolio


def read_target_columns(portfolio: Portfolio) -> pd.DataFrame:
    """customer_id, channel (preferred), cluster (None before the first refresh). The tags come
    with the Customers list (services.customers.load_customer_list)."""
    frame = portfolio.read_frame(
        "SELECT customer_id, preferred_channel AS channel FROM customers ORDER BY customer_id")
    if has_table(portfolio, "customer_segments"):
        clusters = portfolio.read_frame("SELECT customer_id, cluster FROM customer_segments")
        frame = frame.merge(clusters, on="customer_id", how="left")
    else:
        frame["cluster"] = None
    return frame


def read_maturity_days(portfolio: Portfolio, *, as_of: str) -> pd.DataFrame:
    """customer_id, td_maturity_days: days from `as_of` to the soonest maturity of an open time
    deposit or large CD maturing on or after it (customers without one: no row)."""
    return portfolio.read_frame(
        "SELECT h.customer_id, MIN(CAST(julianday(h.maturity_on) - julianday(?) AS INTEGER)) AS td_maturity_days "
        "FROM holdings AS h JOIN products AS p ON p.product_id = h.product_id "
        "WHERE p.family IN ('TIME_DEPOSIT', 'LARGE_CD') AND h.status != 'CLOSED' "
        "AND h.maturity_on IS NOT NULL AND h.maturity_on >= ? GROUP BY h.customer_id", (as_of, as_of))


def read_open_products(portfolio: Portfolio) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT DISTINCT customer_id, product_id FROM holdings WHERE status != 'CLOSED'")


def read_lists(portfolio: Portfolio) -> list[tuple[str, str, str, str]]:
    """(name, criteria JSON, created_at, updated_at) of every saved list, by name."""
    return [tuple(r) for r in portfolio.query(
        "SELECT name, criteria, created_at, updated_at FROM target_lists ORDER BY name")]


def upsert_list(portfolio: Portfolio, *, name: str, criteria: str, now: str) -> None:
    portfolio.conn.execute(
        "INSERT INTO target_lists (name, criteria, created_at, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET criteria = excluded.criteria, updated_at = excluded.updated_at",
        (name, criteria, now, now))


def delete_list(portfolio: Portfolio, *, name: str) -> int:
    return portfolio.conn.execute("DELETE FROM target_lists WHERE name = ?", (name,)).rowcount
