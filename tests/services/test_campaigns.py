"""Campaign results on the demo portfolio: conversions come from holdings opened in the window,
and the three demo campaigns show the three cases (works, does nothing, no control group)."""

from __future__ import annotations

import json

import pytest

from relmgr.analytics.campaign_results import CampaignVerdict
from relmgr.cli import main
from relmgr.services.campaigns import campaigns_json, load_campaign_reports
from relmgr.services.demo import build_demo_portfolio
from relmgr.services.segments import refresh_segments
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


@pytest.fixture(scope="module")
def branch_demo(tmp_path_factory):
    """A larger demo (the demo's default seed), so the verdicts do not hang on a few customers."""
    path = tmp_path_factory.mktemp("campaigns") / "branch.rmdb"
    build_demo_portfolio(path, DEMO_PASSWORD_FOR_TESTS, customers=2000, seed=7, as_of=DEMO_AS_OF)
    return path


def _by_id(reports):
    return {r.campaign_id: r.result for r in reports}


def test_the_demo_campaigns_show_an_effect_no_effect_and_no_control(branch_demo) -> None:
    with open_portfolio(branch_demo, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        results = _by_id(load_campaign_reports(portfolio))
    works, null, uncontrolled = results["CMP-WMF"], results["CMP-BND"], results["CMP-PLT"]
    assert works.comparison.verdict is CampaignVerdict.UPLIFT
    assert works.comparison.uplift_ci[0] > 0 and works.incremental_aum > 0
    assert null.comparison.verdict is CampaignVerdict.NOT_SIGNIFICANT
    low, high = null.comparison.uplift_ci
    assert low < 0 < high
    assert null.comparison.control.converted > 0      # the organic rate is there in both arms
    assert _no_uplift_measured(uncontrolled)


def _no_uplift_measured(result) -> bool:
    c = result.comparison
    return (c.verdict is CampaignVerdict.NO_CONTROL and c.control is None and c.uplift is None
            and result.incremental_aum is None and c.treatment.converted > 0)


def test_conversion_is_read_from_holdings_not_from_the_typed_outcome(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        before = _by_id(load_campaign_reports(portfolio))["CMP-WMF"].comparison
        assert before.treatment.converted > 0
        with portfolio.transaction():
            portfolio.conn.execute("UPDATE offers SET outcome = 'ACCEPTED' WHERE campaign_id = 'CMP-WMF'")
        typed = _by_id(load_campaign_reports(portfolio))["CMP-WMF"].comparison
        assert typed == before
        with portfolio.transaction():
            portfolio.conn.execute(
                "UPDATE holdings SET opened_on = '2000-01-01' WHERE product_id = 'WM-FI' AND opened_on >= "
                "(SELECT start_on FROM campaigns WHERE campaign_id = 'CMP-WMF')")
        after = _by_id(load_campaign_reports(portfolio))["CMP-WMF"].comparison
    assert after.treatment.converted == 0 and after.control.converted == 0


def test_breakdown_by_tier_after_a_refresh_adds_up(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert _by_id(load_campaign_reports(portfolio))["CMP-WMF"].by_tier == {}
        refresh_segments(portfolio)
        result = _by_id(load_campaign_reports(portfolio))["CMP-WMF"]
    for breakdown in (result.by_tier, result.by_channel):
        assert sum(c.treatment.n for c in breakdown.values()) == result.comparison.treatment.n
        assert sum(c.control.n for c in breakdown.values()) == result.comparison.control.n
        assert sum(c.treatment.converted for c in breakdown.values()) == result.comparison.treatment.converted


def test_relmgr_campaigns_json_has_the_issues_shape(demo_portfolio_file, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    assert main(["campaigns", str(demo_portfolio_file), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in payload["campaigns"]] == ["CMP-WMF", "CMP-BND", "CMP-PLT"]
    for c in payload["campaigns"]:
        assert {"id", "name", "arms", "uplift", "uplift_ci", "p_value", "incremental_aum", "cost",
                "revenue", "roi"} <= set(c)
        assert set(c["arms"]["treatment"]) == {"n", "converted", "rate"}
    # The 300-customer demo the app opens shows the three cases too.
    assert [c["verdict"] for c in payload["campaigns"]] == ["UPLIFT", "NOT_SIGNIFICANT", "NO_CONTROL"]
    plt = payload["campaigns"][2]
    assert "control" not in plt["arms"] and plt["uplift"] is None and plt["verdict"] == "NO_CONTROL"
    lcd = payload["campaigns"][0]
    t, k = lcd["arms"]["treatment"], lcd["arms"]["control"]
    assert lcd["uplift"] == pytest.approx(t["converted"] / t["n"] - k["converted"] / k["n"], abs=1e-4)
    assert lcd["cost"] == pytest.approx(60.0 * t["n"])


def test_json_of_reports_matches_the_reports(demo_portfolio_file) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        reports = load_campaign_reports(portfolio)
    payload = campaigns_json(reports)
    assert [c["verdict"] for c in payload["campaigns"]] == [r.result.comparison.verdict.value for r in reports]
