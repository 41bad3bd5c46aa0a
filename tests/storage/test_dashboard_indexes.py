"""The Home page's and the monthly report's sums over every customer read a narrow index
(migration 0016), not the whole table: at 50,000 customers the month-end AUM totals scanned 1.3
million monthly_balances rows. The sums equal the plain ones computed without the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from relmgr.storage import dashboard_store, open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _plan(portfolio, sql: str, params: tuple) -> str:
    return " | ".join(str(row[-1]) for row in portfolio.query("EXPLAIN QUERY PLAN " + sql, params))


def test_month_sums_read_a_covering_index_and_equal_the_plain_sums(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        (last,), = portfolio.query("SELECT MAX(month) FROM monthly_balances")
        first = f"{int(last[:4]) - 1}{last[4:]}"
        aum = dashboard_store.aum_by_month(portfolio, first=first, last=last)
        flows = dashboard_store.flows_by_month(portfolio, first_month=first, last_month=last)
        assert len(aum) == 13 and len(flows) >= 12
        plain_aum = dict(portfolio.query(
            "SELECT month, SUM(aum_end) FROM monthly_balances NOT INDEXED "
            "WHERE month BETWEEN ? AND ? GROUP BY month", (first, last)))
        assert aum == pytest.approx(plain_aum, rel=1e-12)
        plain_flows = {m: (i, o) for m, i, o in portfolio.query(
            "SELECT month, TOTAL(money_in), TOTAL(money_out) FROM flow_months NOT INDEXED "
            "WHERE month BETWEEN ? AND ? GROUP BY month", (first, last)) if i or o}
        assert flows.keys() == plain_flows.keys()
        for month, (inflow, outflow) in flows.items():
            assert (inflow, outflow) == pytest.approx(plain_flows[month], rel=1e-12)
        assert "COVERING INDEX monthly_balances_by_month" in _plan(
            portfolio, "SELECT month, SUM(aum_end) FROM monthly_balances WHERE month BETWEEN ? AND ? "
            "GROUP BY month", (first, last))
        assert "COVERING INDEX flow_months_money" in _plan(
            portfolio, "SELECT month, TOTAL(money_in), TOTAL(money_out) FROM flow_months "
            "WHERE month BETWEEN ? AND ? GROUP BY month", (first, last))
