"""KPIs against targets on the seeded demo: actuals from the stored results, targets as a team
rule, and the `relmgr kpis` / `relmgr dashboard` commands."""

from __future__ import annotations

import json

import pytest

from relmgr.services.dashboard import load_dashboard
from relmgr.services.dashboard.kpis import (
    DEFAULT_TARGETS,
    KPI_RULE_KEY,
    KPIS,
    compute_kpis,
    kpis_json,
    load_targets,
    set_targets,
)
from relmgr.storage import open_portfolio
from relmgr.storage.rules import get_rule, set_rule
from tests.conftest import DEMO_PASSWORD_FOR_TESTS
from tests.services.dashboard_fixtures import scored_copy, scored_demo_file  # noqa: F401
from tests.test_cli import run


def _by_code(kpis):
    return {k.code: k for k in kpis}


def test_actuals_are_counted_from_the_stored_tables(scored_demo_file):
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        dash, kpis = compute_kpis(portfolio)
        kpi = _by_code(kpis)
        (december,), = portfolio.query("SELECT SUM(aum_end) FROM monthly_balances WHERE month = '2025-12'")
        (opened,), = portfolio.query("SELECT COUNT(*) FROM customers WHERE opened_on LIKE '2026-06%'")
        (ups,), = portfolio.query("SELECT COUNT(*) FROM tier_history WHERE month = '2026-06' AND change = 'UP'")
        flows = portfolio.query("SELECT to_stage, count FROM stage_flow "
                                "WHERE month = '2026-03' AND from_stage = 'DECLINE'")
        _, march = compute_kpis(portfolio, month="2026-03")
    assert [k.code for k in kpis] == list(KPIS)
    assert kpi["aum_growth"].actual == pytest.approx(dash.figures["total_aum"] / december - 1, abs=1e-4)
    assert kpi["new_customers"].actual == opened
    assert kpi["upgraded"].actual == ups
    contacts = dash.figures["contacts"]
    assert kpi["contact_coverage"].numerator == sum(r["made"] for r in contacts)
    assert kpi["contact_coverage"].denominator == sum(r["due"] for r in contacts)
    at_risk = sum(n for _, n in flows)
    churned = sum(n for stage, n in flows if stage == "CHURNED")
    retention = _by_code(march)["retention_at_risk"]
    assert churned > 0  # the demo has churn from decline in March: the ratio is not trivially 1
    assert (retention.denominator, retention.numerator) == (at_risk, at_risk - churned)
    assert kpi["conversion"].actual is None and kpi["conversion"].progress is None  # nothing answered
    assert kpi["new_customers"].target == DEFAULT_TARGETS["new_customers"]


def test_targets_are_a_team_rule_and_move_the_progress(scored_copy):
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        before = _by_code(compute_kpis(portfolio)[1])["contact_coverage"]
        set_targets(portfolio, {"contact_coverage": 0.5, "new_customers": 1})
        after = _by_code(compute_kpis(portfolio)[1])
        assert get_rule(portfolio, KPI_RULE_KEY) == {"contact_coverage": 0.5, "new_customers": 1}
        set_targets(portfolio, {"upgraded": 2})
        assert load_targets(portfolio)["contact_coverage"] == 0.5  # earlier overrides are kept
    assert after["contact_coverage"].progress == pytest.approx(before.actual / 0.5, abs=1e-3)
    assert after["contact_coverage"].progress == pytest.approx(before.progress * 0.9 / 0.5, abs=1e-3)
    assert after["new_customers"].progress == after["new_customers"].actual


@pytest.mark.parametrize("targets, words", [
    ({"conversion": 1.5}, "at most 1"),
    ({"new_customers": 2.5}, "whole number"),
    ({"aum_growth": "ten"}, "must be a number"),
    ({"profit": 1}, "unknown KPI"),
])
def test_a_bad_target_is_refused_and_nothing_is_stored(scored_copy, targets, words):
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        with pytest.raises(ValueError, match=words):
            set_targets(portfolio, {"upgraded": 4, **targets})
        assert get_rule(portfolio, KPI_RULE_KEY) is None


def test_a_malformed_stored_rule_is_named(scored_copy):
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        with portfolio.transaction():
            set_rule(portfolio, KPI_RULE_KEY, {"conversion": -1})
        with pytest.raises(ValueError, match="kpi.targets"):
            compute_kpis(portfolio)


def test_kpis_and_dashboard_commands_print_the_service_figures(scored_copy):
    result = run("kpis", str(scored_copy), "--json", "--set", "upgraded=6", password=DEMO_PASSWORD_FOR_TESTS)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert printed == json.loads(json.dumps(kpis_json(portfolio)))
        dashboard = json.loads(json.dumps(load_dashboard(portfolio).to_json(), default=str))
    assert {k["kpi"]: k["target"] for k in printed["kpis"]}["upgraded"] == 6
    assert all(k["definition"]["zh_CN"] for k in printed["kpis"])
    shown = run("dashboard", str(scored_copy), "--json", password=DEMO_PASSWORD_FOR_TESTS)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == dashboard


def test_kpis_command_errors_are_one_line(scored_copy):
    bad = run("kpis", str(scored_copy), "--set", "conversion=3", password=DEMO_PASSWORD_FOR_TESTS)
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0
    assert "conversion" in bad.stderr and "Traceback" not in bad.stderr
    late = run("kpis", str(scored_copy), "--month", "2027-01", password=DEMO_PASSWORD_FOR_TESTS)
    assert late.returncode == 2 and "after the portfolio's data date" in late.stderr
