"""SQL of the monthly review report (issue 18) beyond the dashboard's own (dashboard_store):
the month's tier movements and the results of the campaigns that ran in it. Small aggregates
over stored rows; nothing is recomputed."""

from __future__ import annotations

from relmgr.storage.portfolio import Portfolio


def tier_movements(portfolio: Portfolio, month: str) -> list[tuple[str, str, str, int]]:
    """(change UP/DOWN, previous tier, new tier, customers) of the tier changes that took effect
    in `month` ('YYYY-MM'), most customers first."""
    return [(change, before, after, int(n)) for change, before, after, n in portfolio.query(
        "SELECT change, previous_tier, tier, COUNT(*) FROM tier_history "
        "WHERE month = ? AND change IN ('UP', 'DOWN') GROUP BY change, previous_tier, tier "
        "ORDER BY change DESC, COUNT(*) DESC, previous_tier, tier", (month,))]


def campaign_results(portfolio: Portfolio, *, first: str, last: str) -> list[dict[str, object]]:
    """Per campaign that ran at some point in [first, last] (ISO dates): its dates, cost per
    contact, and per arm the offers made up to `last`, accepted ones and their revenue."""
    campaigns = portfolio.query(
        "SELECT campaign_id, name, start_on, end_on, channel, cost_per_contact FROM campaigns "
        "WHERE start_on <= ? AND end_on >= ? ORDER BY start_on, campaign_id", (last, first))
    results = []
    for campaign_id, name, start_on, end_on, channel, cost in campaigns:
        arms = {arm: (int(n), int(accepted or 0), float(revenue or 0.0)) for arm, n, accepted, revenue in
                portfolio.query(
                    "SELECT arm, COUNT(*), SUM(outcome = 'ACCEPTED'), SUM(revenue) FROM offers "
                    "WHERE campaign_id = ? AND offered_on <= ? GROUP BY arm", (campaign_id, last))}
        results.append({"campaign_id": campaign_id, "name": name, "start_on": start_on,
                        "end_on": end_on, "channel": channel, "cost_per_contact": float(cost),
                        "arms": arms})
    return results
