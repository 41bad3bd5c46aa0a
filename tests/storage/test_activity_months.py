"""The monthly activity aggregates (migration 0014) give exactly the per-customer-day activity a
scan of the transactions gives, on the demo portfolio, and stay so as transactions are appended,
imported, edited or deleted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from relmgr.analytics.activity import (
    CUSTOMER_INITIATED_KINDS,
    DIGITAL_CHANNELS,
    ActivityIndex,
    customer_index,
)
from relmgr.storage import open_portfolio
from relmgr.storage.activity_months import DIGITAL, KINDS, read_activity_months
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


def _index(frame: pd.DataFrame, portfolio, as_of: dt.date) -> ActivityIndex:
    customers = portfolio.read_frame("SELECT customer_id, opened_on FROM customers")
    return ActivityIndex.build(frame, customers=customer_index(customers, as_of=as_of), as_of=as_of)


def _assert_same_as_a_scan(portfolio, as_of: dt.date = DEMO_AS_OF) -> None:
    """The index the segmentation builds from the aggregates equals the one built from every
    raw transaction row (the way it was read before the aggregates: kind and channel per row)."""
    scanned = portfolio.read_frame(
        "SELECT customer_id, txn_date, kind, COALESCE(channel, '') AS channel FROM transactions")
    old = _index(scanned, portfolio, as_of)
    new = _index(read_activity_months(portfolio), portfolio, as_of)
    assert len(old.keys) > 1000
    np.testing.assert_array_equal(new.keys, old.keys)
    np.testing.assert_array_equal(new.running, old.running)
    np.testing.assert_array_equal(new.running_digital, old.running_digital)


def test_the_kinds_and_channels_are_the_analytics_own() -> None:
    assert KINDS == CUSTOMER_INITIATED_KINDS and DIGITAL == DIGITAL_CHANNELS


def test_aggregates_equal_a_scan_of_the_transactions(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        _assert_same_as_a_scan(portfolio)
        rows, = portfolio.query("SELECT COUNT(*), SUM(txns) FROM activity_months")
        (txns,), = portfolio.query(
            f"SELECT COUNT(*) FROM transactions WHERE kind IN ({', '.join('?' * len(KINDS))})", KINDS)
        assert rows[1] == txns and rows[0] < txns / 2   # far fewer rows than transactions


def test_appended_edited_and_deleted_transactions_are_folded_in(writable_demo_portfolio: Path) -> None:
    later = DEMO_AS_OF + dt.timedelta(days=1)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        read_activity_months(portfolio)     # folded up to here
        (high,), = portfolio.query("SELECT MAX(txn_id) FROM transactions")
        sample = portfolio.query(
            "SELECT customer_id, holding_id, amount, kind, channel FROM transactions "
            "WHERE kind IN ('TRANSFER_OUT', 'DEPOSIT') LIMIT 40")
        with portfolio.transaction():
            # Appended after the data date, and one backdated into an old month with a low number
            # the fold must still find (it is numbered above the last fold).
            portfolio.insert_rows(
                "transactions", ["txn_id", "customer_id", "holding_id", "txn_date", "amount",
                                 "kind", "channel"],
                [(high + 1 + i, c, h, later.isoformat(), a, k, "MOBILE" if i % 2 else ch)
                 for i, (c, h, a, k, ch) in enumerate(sample)]
                + [(high + 100, sample[0][0], sample[0][1], "2025-02-03", 10.0, "DEPOSIT", "BRANCH")])
        _assert_same_as_a_scan(portfolio, later)
        with portfolio.transaction():
            portfolio.conn.execute("DELETE FROM transactions WHERE txn_id % 7 = 0")
            portfolio.conn.execute("UPDATE transactions SET channel = 'ONLINE' WHERE txn_id % 11 = 0")
        assert portfolio.query("SELECT stale FROM activity_months_state") == [(1,)]
        _assert_same_as_a_scan(portfolio, later)
        assert portfolio.query("SELECT stale FROM activity_months_state") == [(0,)]


def test_the_fold_of_a_few_months_and_the_whole_rebuild_write_the_same_rows(
        writable_demo_portfolio: Path) -> None:
    from relmgr.storage.activity_months import rebuild_activity_months, update_activity_months

    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        everything = "SELECT * FROM activity_months ORDER BY customer_id, month"
        with portfolio.transaction():
            rebuild_activity_months(portfolio.conn)
        rebuilt = portfolio.query(everything)
        # As an import leaves them: the customer-months it touched recomputed in SQL.
        with portfolio.transaction():
            portfolio.conn.execute("DELETE FROM activity_months")
            months = portfolio.query("SELECT DISTINCT customer_id, substr(txn_date, 1, 7) FROM transactions")
            update_activity_months(portfolio, months)
        assert portfolio.query(everything) == rebuilt
        assert len(rebuilt) > 1000
