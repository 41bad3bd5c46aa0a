"""After unlock the app refreshes whatever analytics are older than the data: segments and churn
scores, under one progress bar."""

from __future__ import annotations

from relmgr.services.daily import CHURN, SEGMENTS, refresh_stale_analytics, stale_analytics
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def test_a_new_demo_has_everything_stale_and_one_refresh_brings_it_up_to_date(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert stale_analytics(portfolio) == [SEGMENTS, CHURN]
        seen: list[float] = []
        refreshed = refresh_stale_analytics(portfolio, progress=lambda f, s="": seen.append(f))
        assert refreshed == [SEGMENTS, CHURN]
        assert stale_analytics(portfolio) == []
        assert seen == sorted(seen) and seen[0] < 0.1 and seen[-1] == 1.0
        scored = portfolio.query("SELECT COUNT(*) FROM churn_scores")[0][0]
        assert scored > 0
        # Nothing stale: nothing to do.
        assert refresh_stale_analytics(portfolio) == []
