"""The demo's planted unusual activity: deterministic, every kind present, known only to the
generator's ground truth."""

from __future__ import annotations

import pandas as pd

from relmgr.services.demo import generate_demo
from relmgr.services.demo.unusual import KINDS
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


def test_planted_events_are_seeded_and_lie_in_the_last_30_days(demo_portfolio_file):
    truth = generate_demo(customers=300, seed=7, as_of=DEMO_AS_OF).planted_unusual()
    again = generate_demo(customers=300, seed=7, as_of=DEMO_AS_OF).planted_unusual()
    pd.testing.assert_frame_equal(truth, again)
    assert set(truth.kind) == set(KINDS)
    assert (truth.first_date >= "2026-06-01").all() and (truth.last_date <= "2026-06-30").all()
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        columns = {row[1] for row in portfolio.query("PRAGMA table_info(transactions)")}
        tables = {row[0] for row in portfolio.query("SELECT name FROM sqlite_master")}
        planted = truth[truth.kind == "LARGE_AMOUNT"].iloc[0]
        rows = portfolio.query("SELECT amount FROM transactions WHERE customer_id = ? AND txn_date "
                               "BETWEEN ? AND ?", (planted.customer_id, planted.first_date, planted.last_date))
    assert columns == {"txn_id", "customer_id", "holding_id", "txn_date", "amount", "kind", "channel"}
    assert not any("plant" in t or "truth" in t for t in tables)
    amounts = sorted(a for (a,) in rows)
    assert amounts[0] == -amounts[-1]  # the pass-through pair is in the portfolio, unmarked
