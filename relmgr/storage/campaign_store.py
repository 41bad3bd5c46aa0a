"""SQL of the campaign results (issue 17): the campaigns, and per campaign one row per customer
offered or held out with what really happened in the window. A conversion is a holding of the
promoted product opened between the campaign's start and the end of the window (its end, or the
data date while it runs); the outcome the RM typed on the offer is not read. Holdings of the
product the customer already had before the start do not count."""

from __future__ import annotations

import pandas as pd

from relmgr.domain.codes import ProductFamily
from relmgr.storage.portfolio import Portfolio

_LIABILITY_FAMILIES = ", ".join(f"'{f.value}'" for f in ProductFamily if f.is_liability)


def read_campaigns(portfolio: Portfolio) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT c.campaign_id, c.name, c.product_id, c.start_on, c.end_on, c.channel, c.cost_per_contact, "
        "COALESCE(p.name_zh, '') AS product_name_zh, COALESCE(p.name_en, '') AS product_name_en "
        "FROM campaigns c LEFT JOIN products p ON p.product_id = c.product_id "
        "ORDER BY c.start_on, c.campaign_id")


def read_campaign_offers(portfolio: Portfolio, campaign_id: str, *, window_end: str) -> pd.DataFrame:
    """customer_id, arm, revenue, converted (0/1), new_aum (asset balance of the promoted product
    opened in the window; credit products add none), tier ('' before the first refresh),
    channel (the customer's preferred channel) of the offers made up to `window_end`."""
    return portfolio.read_frame(
        f"""
        SELECT o.customer_id, o.arm, o.revenue,
               COUNT(h.holding_id) > 0 AS converted,
               COALESCE(SUM(CASE WHEN p.family IN ({_LIABILITY_FAMILIES}) THEN 0 ELSE h.balance END), 0)
                   AS new_aum,
               COALESCE(s.tier, '') AS tier, c.preferred_channel AS channel
        FROM offers AS o
        JOIN campaigns AS cp ON cp.campaign_id = o.campaign_id
        JOIN customers AS c ON c.customer_id = o.customer_id
        LEFT JOIN customer_segments AS s ON s.customer_id = o.customer_id
        LEFT JOIN holdings AS h ON h.customer_id = o.customer_id AND h.product_id = cp.product_id
                               AND h.opened_on >= cp.start_on AND h.opened_on <= ?
        LEFT JOIN products AS p ON p.product_id = h.product_id
        WHERE o.campaign_id = ? AND o.offered_on <= ?
        GROUP BY o.offer_id
        ORDER BY o.offer_id
        """, (window_end, campaign_id, window_end))


def campaign_exists(portfolio: Portfolio, campaign_id: str) -> bool:
    return bool(portfolio.query("SELECT 1 FROM campaigns WHERE campaign_id = ?", (campaign_id,)))


def product_exists(portfolio: Portfolio, product_id: str) -> bool:
    return bool(portfolio.query("SELECT 1 FROM products WHERE product_id = ?", (product_id,)))


def insert_campaign(portfolio: Portfolio, *, row: tuple, offers: list[tuple]) -> None:
    """One campaign (campaign_id, name, product_id, start_on, end_on, channel, cost_per_contact)
    and its offers (customer_id, arm, offered_on, outcome), in the caller's transaction."""
    portfolio.conn.execute(
        "INSERT INTO campaigns (campaign_id, name, product_id, start_on, end_on, channel, cost_per_contact) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    portfolio.conn.executemany(
        "INSERT INTO offers (campaign_id, customer_id, arm, offered_on, outcome) VALUES (?, ?, ?, ?, ?)",
        [(row[0], *offer) for offer in offers])
