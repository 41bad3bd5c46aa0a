"""The monthly money flows (migration 0015) hold what the transactions add up to per customer and
month, stay so as transactions are appended, edited or deleted, and the churn features computed
from the portfolio's aggregates equal those computed from the transactions themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from relmgr.analytics.churn_features import ChurnHistory, aggregate_transactions
from relmgr.storage import churn_store, open_portfolio
from relmgr.storage.activity_months import read_activity_months, rebuild_activity_months, update_activity_months
from relmgr.storage.flow_months import read_flow_months
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

SINCE = DEMO_AS_OF - dt.timedelta(days=400)
_SCAN = ("SELECT customer_id, CAST(julianday(substr(txn_date, 1, 10)) - 2440587.5 AS INTEGER) AS day, "
         "amount, kind FROM transactions")


def _assert_flows_equal_a_scan(portfolio) -> None:
    read_activity_months(portfolio)          # folds in what changed, as every reader does
    stored = read_flow_months(portfolio, since=dt.date(1900, 1, 1), until=dt.date(9999, 12, 31))
    _, scanned = aggregate_transactions(portfolio.read_frame(_SCAN))
    stored = stored.assign(customer_id=stored["customer_id"].astype(str)) \
        .sort_values(["customer_id", "month"]).reset_index(drop=True)
    assert len(stored) == len(scanned) > 1000
    for column in scanned.columns:
        expected, got = scanned[column].to_numpy(), stored[column].to_numpy()
        if column in ("inflow", "outflow", "matured"):      # sums in another order
            np.testing.assert_allclose(got, expected.astype(float), rtol=1e-12, atol=1e-6, err_msg=column)
        else:
            np.testing.assert_array_equal(got, expected, err_msg=column)


def test_flows_equal_the_transactions_they_add_up(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        _assert_flows_equal_a_scan(portfolio)
        (rows,), = portfolio.query("SELECT COUNT(*) FROM flow_months")
        (txns,), = portfolio.query("SELECT COUNT(*) FROM transactions")
        assert rows < txns / 3          # far fewer rows than transactions
        assert portfolio.query("SELECT COUNT(*) FROM flow_months WHERE matured > 0")[0][0] > 0


def test_appended_edited_and_deleted_transactions_are_folded_in(writable_demo_portfolio: Path) -> None:
    later = DEMO_AS_OF + dt.timedelta(days=1)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        read_activity_months(portfolio)
        (high,), = portfolio.query("SELECT MAX(txn_id) FROM transactions")
        customer, holding = portfolio.query("SELECT customer_id, holding_id FROM transactions LIMIT 1")[0]
        with portfolio.transaction():
            # A salary after the data date, a maturity (not customer-initiated, so in no
            # activity row) and a backdated withdrawal into an old month.
            portfolio.insert_rows(
                "transactions", ["txn_id", "customer_id", "holding_id", "txn_date", "amount", "kind", "channel"],
                [(high + 1, customer, holding, later.isoformat(), 8000.0, "SALARY", "BRANCH"),
                 (high + 2, customer, holding, later.isoformat(), 50000.0, "MATURITY", None),
                 (high + 3, customer, holding, "2025-02-03", -123.45, "WITHDRAWAL", "ATM")])
        _assert_flows_equal_a_scan(portfolio)
        row = portfolio.query("SELECT salary, matured, last_salary FROM flow_months "
                              "WHERE customer_id = ? AND month = ?", (customer, later.strftime("%Y-%m")))
        assert row == [(1, 50000.0, later.isoformat())]
        with portfolio.transaction():
            portfolio.conn.execute("DELETE FROM transactions WHERE txn_id % 7 = 0")
            portfolio.conn.execute("UPDATE transactions SET amount = -amount WHERE txn_id % 11 = 0")
        _assert_flows_equal_a_scan(portfolio)


def test_the_fold_of_a_few_months_and_the_whole_rebuild_write_the_same_rows(
        writable_demo_portfolio: Path) -> None:
    def everything() -> list[tuple]:
        # The deposits of a month are in no set order: read last, compared as a sorted list.
        names = [r[1] for r in portfolio.query("PRAGMA table_info(flow_months)") if r[1] != "deposits"]
        rows = portfolio.query(f"SELECT {', '.join(names)}, deposits FROM flow_months ORDER BY customer_id, month")
        return [(*row[:-1], sorted(row[-1].split(","))) for row in rows]

    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        with portfolio.transaction():
            rebuild_activity_months(portfolio.conn)
        rebuilt = everything()
        with portfolio.transaction():
            portfolio.conn.execute("DELETE FROM flow_months")
            months = portfolio.query("SELECT DISTINCT customer_id, substr(txn_date, 1, 7) FROM transactions")
            update_activity_months(portfolio, months)
        assert everything() == rebuilt
        assert len(rebuilt) > 1000 and any(row[-1] != [""] for row in rebuilt)


def test_features_from_the_aggregates_equal_those_from_the_transactions(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        frames = churn_store.read_churn_history(portfolio, since=SINCE, until=DEMO_AS_OF)
        transactions = portfolio.read_frame(_SCAN + " WHERE txn_date <= ?", (DEMO_AS_OF.isoformat() + "T99",))
    stored = ChurnHistory.build(**frames, first_txn_day=SINCE, through=DEMO_AS_OF)
    others = {k: v for k, v in frames.items() if k not in ("activity", "flows")}
    scanned = ChurnHistory.from_transactions(transactions=transactions, through=DEMO_AS_OF,
                                             first_txn_day=SINCE, **others)
    month_end = dt.date(DEMO_AS_OF.year, DEMO_AS_OF.month, 1) - dt.timedelta(days=1)
    for cutoff in (month_end, DEMO_AS_OF):
        a, b = stored.features_at(cutoff), scanned.features_at(cutoff)
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, atol=1e-6)
        assert a["income_90d"].sum() > 0 and a["log_inflow_90d"].sum() > 0
        np.testing.assert_array_equal(stored.labels(cutoff), scanned.labels(cutoff))


def test_the_recommendation_triggers_read_the_same_signals_from_the_flows(demo_portfolio_file: Path) -> None:
    from relmgr.analytics.recommend import transaction_signals
    from relmgr.storage.reco_store import read_signal_credits

    def signals(frame: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
        out = transaction_signals(frame, as_of=as_of).set_index("customer_id").sort_index()
        return out[(out["salary_months"] > 0) | (out["inflow"] > 0)]

    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        # A month end and a day inside a month: the salary months used are complete either way,
        # and every deposit is dated.
        for as_of in (DEMO_AS_OF, dt.date(2026, 5, 17)):
            since = as_of - dt.timedelta(days=125)
            scanned = portfolio.read_frame(
                "SELECT customer_id, txn_date, kind, amount FROM transactions WHERE txn_date > ? "
                "AND txn_date <= ? AND amount > 0 AND kind IN ('SALARY', 'DEPOSIT', 'TRANSFER_IN')",
                (since.isoformat(), as_of.isoformat()))
            expected = signals(scanned, as_of)
            got = signals(read_signal_credits(portfolio, since=since, until=as_of,
                                              deposits_since=as_of - dt.timedelta(days=30)), as_of)
            assert len(expected) > 50 and (expected["inflow"] > 0).sum() > 10
            pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-12, atol=1e-6)
            customer = str(expected.index[expected["inflow"] > 0][0])
            one = read_signal_credits(portfolio, since=since, until=as_of,
                                      deposits_since=as_of - dt.timedelta(days=30), customer_id=customer)
            pd.testing.assert_frame_equal(signals(one, as_of), expected.loc[[customer]],
                                          check_exact=False, rtol=1e-12, atol=1e-6)
