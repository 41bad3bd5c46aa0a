"""SQL of the monthly review report (issue 18) beyond the dashboard's own (dashboard_store):
the month's tier movements, a small aggregate over stored rows. (The campaigns' results are
measured as everywhere else, by services/campaigns.py.)"""

from __future__ import annotations

from relmgr.storage.portfolio import Portfolio


def tier_movements(portfolio: Portfolio, month: str) -> list[tuple[str, str, str, int]]:
    """(change UP/DOWN, previous tier, new tier, customers) of the tier changes that took effect
    in `month` ('YYYY-MM'), most customers first."""
    return [(change, before, after, int(n)) for change, before, after, n in portfolio.query(
        "SELECT change, previous_tier, tier, COUNT(*) FROM tier_history "
        "WHERE month = ? AND change IN ('UP', 'DOWN') GROUP BY change, previous_tier, tier "
        "ORDER BY change DESC, COUNT(*) DESC, previous_tier, tier", (month,))]
