"""The analytics read whole ranges of monthly_balances. Migration 0016's (month, aum_end) index
serves the Home page's sums, but a read of other columns through it pays a look-up per row:
the segment and churn reads took 11-12 s instead of 0.2 s at 50,000 customers. Every statement
that the segment, churn and loan-prospect reads run is explained here: none may search that
index unless the index covers the statement."""

from __future__ import annotations

import datetime as dt

import pytest

from relmgr.services import data_date, loans, segments
from relmgr.storage import open_portfolio
from relmgr.storage.churn_store import read_churn_history
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def portfolio(demo_portfolio_file):
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def _statements(portfolio, read) -> list[str]:
    seen: list[str] = []
    portfolio.conn.set_trace_callback(seen.append)
    try:
        read()
    finally:
        portfolio.conn.set_trace_callback(None)
    return [s for s in seen if "monthly_balances" in s and s.lstrip().upper().startswith("SELECT")]


def test_no_analytics_read_looks_rows_up_through_the_month_index(portfolio) -> None:
    today = data_date.as_of(portfolio)
    reads = {
        "segments": lambda: segments.read_inputs(portfolio, as_of=today),
        "churn": lambda: read_churn_history(portfolio, since=today - dt.timedelta(days=365), until=today),
        "loan prospects": lambda: loans.load_prospects(portfolio, today=today),
    }
    for name, read in reads.items():
        statements = _statements(portfolio, read)
        assert statements, f"{name}: read no monthly_balances (the test no longer sees its SQL)"
        for sql in statements:
            plan = " | ".join(str(row[3]) for row in portfolio.query(f"EXPLAIN QUERY PLAN {sql}"))
            assert "USING INDEX monthly_balances_by_month" not in plan, f"{name}: {plan}\n{sql}"
