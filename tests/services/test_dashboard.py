"""The dashboard's figures on the seeded demo, checked against the raw tables they summarise."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from relmgr.services.dashboard import load_dashboard
from relmgr.services.wording import CHINESE, ENGLISH
from relmgr.services.wording.dashboard import DEFINITIONS, FIGURES
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS
from tests.services.dashboard_fixtures import scored_copy, scored_demo_file  # noqa: F401


def _frame(portfolio, sql, params=()):
    return pd.DataFrame(portfolio.query(sql, params))


def test_aum_and_changes_match_monthly_balances(scored_demo_file):
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        dash = load_dashboard(portfolio)
        balances = _frame(portfolio, "SELECT month, aum_end FROM monthly_balances")
    totals = balances.groupby(0)[1].sum()
    assert dash.month == "2026-06" and dash.as_of == DEMO_AS_OF
    figures = dash.figures
    assert figures["total_aum"] == pytest.approx(totals["2026-06"], abs=0.01)
    assert figures["aum_mom"]["amount"] == pytest.approx(totals["2026-06"] - totals["2026-05"], abs=0.01)
    assert figures["aum_yoy"]["ratio"] == pytest.approx(totals["2026-06"] / totals["2025-06"] - 1, abs=1e-6)


def test_net_inflow_is_twelve_months_of_money_in_less_money_out(scored_demo_file):
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        dash = load_dashboard(portfolio)
        txns = _frame(portfolio, "SELECT txn_date, amount, kind FROM transactions")
    flows = dash.figures["net_inflow"]
    assert [row["month"] for row in flows] == [f"2025-{m:02d}" for m in range(7, 13)] + \
        [f"2026-{m:02d}" for m in range(1, 7)]
    txns.columns = ["day", "amount", "kind"]
    march = txns[txns.day.str.startswith("2026-03")
                 & txns.kind.isin(["SALARY", "PENSION", "DEPOSIT", "TRANSFER_IN", "TRANSFER_OUT", "WITHDRAWAL"])]
    assert flows[8]["net"] == pytest.approx(march.amount.sum(), abs=0.05)
    assert flows[8]["inflow"] > 0 and flows[8]["outflow"] > 0
    # Every month's money in and out, read from the monthly aggregates, is the transactions'.
    txns["month"] = txns.day.str[:7]
    money_in = txns[txns.kind.isin(["SALARY", "PENSION", "DEPOSIT", "TRANSFER_IN"]) & (txns.amount > 0)]
    money_out = txns[txns.kind.isin(["TRANSFER_OUT", "WITHDRAWAL"]) & (txns.amount < 0)]
    for row in flows:
        assert row["inflow"] == pytest.approx(money_in[money_in.month == row["month"]].amount.sum(), abs=0.05)
        assert row["outflow"] == pytest.approx(-money_out[money_out.month == row["month"]].amount.sum(), abs=0.05)


def test_tiers_stages_and_churn_add_up_to_the_stored_results(scored_demo_file):
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        figures = load_dashboard(portfolio).figures
        (open_customers,), = portfolio.query("SELECT COUNT(*) FROM customers WHERE closed_on IS NULL")
        (all_customers,), = portfolio.query("SELECT COUNT(*) FROM customers")
        (var,), = portfolio.query("SELECT SUM(value_at_risk) FROM churn_scores")
        (high,), = portfolio.query("SELECT COUNT(*) FROM churn_scores WHERE band = 'HIGH'")
    assert sum(row["customers"] for row in figures["tiers"]) == open_customers
    assert [row["tier"] for row in figures["tiers"]] == ["PRIVATE", "WEALTH", "VIP", "MASS"]
    assert sum(figures["stages"].values()) == all_customers
    assert all(move["from"] != move["to"] for move in figures["stage_moves"])
    assert figures["churn"]["value_at_risk"] == pytest.approx(var, abs=0.05)
    assert figures["churn"]["bands"][0] == {**figures["churn"]["bands"][0], "band": "HIGH", "customers": high}


def test_a_contact_logged_now_counts_as_made_this_month(scored_copy):
    from relmgr.services.contacts import log_contact

    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        before = {row["tier"]: row for row in load_dashboard(portfolio).figures["contacts"]}
        customer, tier = portfolio.query(
            "SELECT s.customer_id, s.tier FROM customer_segments AS s WHERE s.contact_status = 'OVERDUE' "
            "AND s.customer_id NOT IN (SELECT customer_id FROM interactions "
            "WHERE occurred_at >= '2026-06-01') ORDER BY s.customer_id LIMIT 1")[0]
        log_contact(portfolio, customer_id=customer, channel="PHONE", purpose="SERVICE", outcome="REACHED")
        after = {row["tier"]: row for row in load_dashboard(portfolio).figures["contacts"]}
        # An unanswered call is not a contact made.
        other, other_tier = portfolio.query(
            "SELECT s.customer_id, s.tier FROM customer_segments AS s WHERE s.contact_status = 'OVERDUE' "
            "AND s.customer_id NOT IN (SELECT customer_id FROM interactions "
            "WHERE occurred_at >= '2026-06-01') ORDER BY s.customer_id LIMIT 1")[0]
        log_contact(portfolio, customer_id=other, channel="PHONE", purpose="SERVICE", outcome="NO_ANSWER")
        unanswered = {row["tier"]: row for row in load_dashboard(portfolio).figures["contacts"]}
    assert after[tier]["made"] == before[tier]["made"] + 1
    assert after[tier]["due"] == before[tier]["due"]
    assert unanswered[other_tier]["made"] == after[other_tier]["made"]
    # The month before the data date's does not see a contact logged at the wall clock.
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        may = {row["tier"]: row for row in load_dashboard(portfolio, month="2026-05").figures["contacts"]}
        (may_contacts,), = portfolio.query(
            "SELECT COUNT(DISTINCT i.customer_id) FROM interactions AS i JOIN customer_segments AS s "
            "USING (customer_id) WHERE i.occurred_at BETWEEN '2026-05-01' AND '2026-05-31T23:59:59' "
            "AND i.outcome != 'NO_ANSWER' AND s.contact_status IS NOT NULL AND s.contact_status != 'DIGITAL_ONLY'")
    assert sum(row["made"] for row in may.values()) == may_contacts


def test_recommendation_acceptance_and_overdue_tasks(scored_copy):
    from relmgr.services.contacts import create_task
    from relmgr.services.recommendations import record_outcome

    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert load_dashboard(portfolio).figures["recommendations"]["acceptance"] is None
        customers = [row[0] for row in portfolio.query(
            "SELECT customer_id FROM customers WHERE birth_date > '1970-01-01' ORDER BY customer_id LIMIT 3")]
        record_outcome(portfolio, customers[0], "TD1Y", "ACCEPTED")
        record_outcome(portfolio, customers[1], "TD1Y", "DECLINED")
        record_outcome(portfolio, customers[2], "TD1Y", "NOT_NOW")
        before = load_dashboard(portfolio).figures["tasks"]
        create_task(portfolio, customer_id=customers[0], title="call back", due_on=dt.date(2026, 6, 1))
        figures = load_dashboard(portfolio).figures
    assert figures["recommendations"] == {"answered": 3, "accepted": 1, "acceptance": pytest.approx(0.3333, abs=1e-4)}
    assert figures["tasks"] == {"open": before["open"] + 1, "overdue": before["overdue"] + 1}


def test_without_stored_results_the_figures_say_what_to_run(demo_portfolio_file):
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        dash = load_dashboard(portfolio)
    assert dash.figures["tiers"] is None and dash.unavailable["tiers"] == "segments"
    assert dash.figures["churn"] is None and dash.unavailable["churn"] == "churn"
    assert dash.figures["total_aum"] > 0
    payload = dash.to_json()["figures"]["tiers"]
    assert "relmgr segments" in payload["unavailable"][ENGLISH]


def test_every_figure_has_a_title_and_definition_in_both_languages(scored_demo_file):
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        payload = load_dashboard(portfolio).to_json()
    assert set(payload["figures"]) == set(FIGURES) == set(DEFINITIONS)
    for figure in payload["figures"].values():
        for part in ("title", "definition"):
            assert figure[part][ENGLISH] and figure[part][CHINESE]
            assert figure[part][ENGLISH] != figure[part][CHINESE]


def test_a_month_after_the_data_date_or_not_a_month_is_refused(demo_portfolio_file):
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        with pytest.raises(ValueError, match="after the portfolio's data date"):
            load_dashboard(portfolio, month="2026-07")
        with pytest.raises(ValueError, match="not YYYY-MM"):
            load_dashboard(portfolio, month="June")


def test_loans_past_due_per_bucket_and_early_warnings_are_the_repayment_watchs(scored_demo_file):
    from relmgr.services.loans import loan_book, load_watch

    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        dash = load_dashboard(portfolio)
        watch = load_watch(portfolio)
        trend = loan_book(portfolio)["arrears_trend"]
        past_due = portfolio.query(
            "SELECT COUNT(*) FROM loans WHERE days_past_due > 0 AND status NOT IN ('REPAID')")[0][0]
    loans = dash.figures["loans"]
    assert "loans" not in dash.unavailable
    assert [b["bucket"] for b in loans["buckets"]] == ["D1_30", "D31_60", "D61_90", "D90_PLUS"]
    assert {b["bucket"]: {"loans": b["loans"], "outstanding": b["outstanding"]}
            for b in loans["buckets"]} == watch.buckets
    # The demo has loans slipping into arrears, and every one with days past due is counted.
    assert 0 < loans["past_due"] == past_due
    assert loans["outstanding"] == pytest.approx(sum(b["outstanding"] for b in loans["buckets"]), abs=0.01)
    early = watch.open_lines[watch.open_lines["reason"] != "ARREARS"]
    assert loans["early_warnings"] == len(early) and loans["early_customers"] == early["customer_id"].nunique()
    # The trend: the Loans page's own month-end counts, the last six, ending at this month's.
    assert loans["trend"] == [{"month": m["month"], "past_due": sum(b["count"] for b in m["buckets"].values())}
                              for m in trend[-6:]]
    assert len(loans["trend"]) == 6 and loans["trend"][-1]["past_due"] == loans["past_due"]


def test_a_portfolio_without_loans_or_an_earlier_month_says_so_in_one_sentence(scored_copy):
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        earlier = load_dashboard(portfolio, month="2026-05")
        with portfolio.transaction():
            portfolio.conn.execute("DELETE FROM loan_watch_actions")
            for table in [r[0] for r in portfolio.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES loans%'")]:
                portfolio.conn.execute(f"DELETE FROM {table}")
            portfolio.conn.execute("DELETE FROM loans")
        without = load_dashboard(portfolio).to_json()["figures"]["loans"]
    assert earlier.figures["loans"] is None and earlier.unavailable["loans"] == "loans_snapshot"
    assert without["value"] is None
    assert without["unavailable"][ENGLISH].startswith("No loan data in this portfolio")
    assert without["unavailable"][CHINESE].startswith("本组合没有贷款数据")
