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


def _add_day(portfolio, day: str) -> None:
    """A card spend for a few open customers on `day`, and the data date moved there."""
    ids = [r[0] for r in portfolio.query(
        "SELECT customer_id FROM customers WHERE closed_on IS NULL ORDER BY customer_id LIMIT 5")]
    (top,), = portfolio.query("SELECT MAX(txn_id) FROM transactions")
    with portfolio.transaction():
        portfolio.insert_rows(
            "transactions", ["txn_id", "customer_id", "txn_date", "amount", "kind", "channel"],
            [(top + 1 + i, cid, day, -30.0, "CARD_SPEND", "MOBILE") for i, cid in enumerate(ids)])
        portfolio.set_meta("as_of", day)


def test_after_a_days_import_within_a_month_segments_move_forward_incrementally(
        writable_demo_portfolio, monkeypatch) -> None:
    import relmgr.services.segments as segments

    full_refreshes: list[str] = []
    full = segments.refresh_segments

    def counting(portfolio, **kwargs):
        full_refreshes.append(portfolio.get_meta("as_of"))
        return full(portfolio, **kwargs)

    monkeypatch.setattr(segments, "refresh_segments", counting)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_stale_analytics(portfolio)
        # 1 July opens a month (a tier step for everyone): a full refresh; 2 July: incremental.
        for day in ("2026-07-01", "2026-07-02"):
            _add_day(portfolio, day)
            assert refresh_stale_analytics(portfolio) == [SEGMENTS, CHURN]
            assert stale_analytics(portfolio) == []
    assert full_refreshes == ["2026-06-30", "2026-07-01"]
