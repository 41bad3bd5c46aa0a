"""The monthly money flows (migration 0015) give the loan analytics exactly what a scan of the
transactions gives (salary months, the last salary credit, money out in mid-month windows), on
the demo portfolio, and stay so as transactions are appended, edited or deleted."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd

from relmgr.storage import loan_store, open_portfolio
from relmgr.storage.activity_months import update_activity_months
from relmgr.storage.flow_months import rebuild_flow_months, refold_flow_months
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

# How the repayment watch read its cash flows before the aggregates: one pass over the
# transactions of the customers asked for.
_SCAN = (
    "SELECT t.customer_id, "
    "MAX(CASE WHEN t.kind IN ('SALARY', 'PENSION') AND t.txn_date >= ?1 THEN substr(t.txn_date, 1, 10) END), "
    "COUNT(DISTINCT CASE WHEN t.kind IN ('SALARY', 'PENSION') AND t.txn_date >= ?1 "
    "THEN substr(t.txn_date, 1, 7) END), "
    "-SUM(CASE WHEN t.amount < 0 AND t.txn_date >= ?2 AND t.kind IN ('TRANSFER_OUT', 'WITHDRAWAL') "
    "THEN t.amount ELSE 0 END), "
    "-SUM(CASE WHEN t.amount < 0 AND t.txn_date >= ?3 AND t.txn_date < ?2 "
    "AND t.kind IN ('TRANSFER_OUT', 'WITHDRAWAL') THEN t.amount ELSE 0 END) "
    "FROM transactions t WHERE t.customer_id IN (SELECT value FROM json_each(?4)) "
    "AND t.txn_date >= ?5 AND t.txn_date <= ?6 GROUP BY t.customer_id")


def _windows(today: dt.date) -> dict[str, str]:
    return {"today": today.isoformat(), "salary_since": (today - dt.timedelta(days=183)).isoformat(),
            "recent_since": (today - dt.timedelta(days=13)).isoformat(),
            "base_since": (today - dt.timedelta(days=103)).isoformat()}


def _assert_flows_match_a_scan(portfolio, today: dt.date) -> int:
    ids = [r[0] for r in portfolio.query("SELECT customer_id FROM customers ORDER BY customer_id")]
    w = _windows(today)
    new = loan_store.read_cash_flows(portfolio, ids, **w).set_index("customer_id")
    rows = portfolio.query(_SCAN, (w["salary_since"], w["recent_since"], w["base_since"], json.dumps(ids),
                                   min(w["salary_since"], w["base_since"]), w["today"]))
    old = pd.DataFrame(rows, columns=["customer_id", "last_salary_on", "salary_months", "out_recent", "out_base"])
    # The scan has a row for anyone with a transaction in the window; the aggregates only for
    # those with a signal (the watch reads a missing row as no signal).
    old = old[old["last_salary_on"].notna() | (old["out_recent"] > 0) | (old["out_base"] > 0)].set_index("customer_id")
    assert sorted(new.index) == sorted(old.index) and len(new) > 50
    new = new.loc[old.index]
    assert list(new["last_salary_on"].fillna("-")) == list(old["last_salary_on"].fillna("-"))
    np.testing.assert_array_equal(new["salary_months"].to_numpy(), old["salary_months"].to_numpy())
    np.testing.assert_allclose(new["out_recent"].to_numpy(dtype=float), old["out_recent"].to_numpy(dtype=float),
                               atol=0.011)
    np.testing.assert_allclose(new["out_base"].to_numpy(dtype=float), old["out_base"].to_numpy(dtype=float),
                               atol=0.011)
    return int((old["out_recent"] > 0).sum())


def test_cash_flows_equal_a_scan_of_the_transactions(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        # The data date and days that cut months in the middle, so the day records matter.
        outflows = [_assert_flows_match_a_scan(portfolio, DEMO_AS_OF - dt.timedelta(days=back))
                    for back in (0, 9, 47, 200)]
        assert max(outflows) > 5


def test_salary_months_equal_a_scan(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        new = loan_store.read_salary_months(portfolio, first_month="2025-01", last_month="2025-12")
        old = portfolio.query("SELECT DISTINCT customer_id, substr(txn_date, 1, 7) FROM transactions "
                              "WHERE kind IN ('SALARY', 'PENSION') AND txn_date >= '2025-01' AND txn_date < '2026'")
    months = [str(np.datetime64(int(m), "M")) for m in new["month"]]
    assert sorted(zip(new["customer_id"], months, strict=True)) == sorted(old) and len(old) > 500


def test_appended_edited_and_deleted_transactions_are_folded_in(writable_demo_portfolio: Path) -> None:
    later = DEMO_AS_OF + dt.timedelta(days=1)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        update_activity_months(portfolio)
        (high,), = portfolio.query("SELECT MAX(txn_id) FROM transactions")
        sample = portfolio.query("SELECT customer_id, holding_id FROM transactions WHERE kind = 'SALARY' LIMIT 30")
        with portfolio.transaction():
            # A large outflow the day after the data date for some, a salary for others, and a
            # backdated one into an old month (numbered above the last fold, so still found).
            portfolio.insert_rows(
                "transactions", ["txn_id", "customer_id", "holding_id", "txn_date", "amount", "kind", "channel"],
                [(high + 1 + i, c, h, later.isoformat(), -50_000.5 if i % 2 else 9_000.0,
                  "TRANSFER_OUT" if i % 2 else "SALARY", "MOBILE") for i, (c, h) in enumerate(sample)]
                + [(high + 100, sample[0][0], sample[0][1], (later - dt.timedelta(days=60)).isoformat(),
                    -70_000.0, "WITHDRAWAL", "BRANCH")])
        assert _assert_flows_match_a_scan(portfolio, later) >= 15
        with portfolio.transaction():
            portfolio.conn.execute("DELETE FROM transactions WHERE txn_id % 7 = 0 AND kind != 'LOAN_REPAYMENT'")
            portfolio.conn.execute("UPDATE transactions SET amount = -amount WHERE txn_id % 11 = 0")
        assert portfolio.query("SELECT stale FROM activity_months_state") == [(1,)]
        _assert_flows_match_a_scan(portfolio, later)
        assert portfolio.query("SELECT stale FROM activity_months_state") == [(0,)]


def test_the_fold_of_a_few_months_and_the_whole_rebuild_write_the_same_rows(writable_demo_portfolio: Path) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        everything = "SELECT month, customer_id, out_days FROM flow_months ORDER BY month, customer_id"
        with portfolio.transaction():
            rebuild_flow_months(portfolio.conn)
        rebuilt = portfolio.query(everything)
        # As an import leaves them: the customer-months it touched recomputed in SQL.
        with portfolio.transaction():
            portfolio.conn.execute("DELETE FROM flow_months")
            months = portfolio.query("SELECT DISTINCT customer_id, substr(txn_date, 1, 7) FROM transactions")
            refold_flow_months(portfolio.conn, months)
        assert portfolio.query(everything) == rebuilt
        assert sum(days != "" for _, _, days in rebuilt) > 1000
