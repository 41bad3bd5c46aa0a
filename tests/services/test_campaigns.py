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


def test_relmgr_campaigns_json_has_the_issues_shape(writable_demo_portfolio, monkeypatch, capsys) -> None:
    # A copy: the command line records its unlock in the audit log.
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    assert main(["campaigns", str(writable_demo_portfolio), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in payload["campaigns"]] == ["CMP-WMF", "CMP-BND", "CMP-PLT"]
    for c in payload["campaigns"]:
        assert {"id", "name", "arms", "uplift", "uplift_ci", "p_value", "incremental_aum", "cost",
                "revenue", "incremental_revenue", "roi"} <= set(c)
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


def test_a_campaign_from_a_target_list_holds_out_a_stratified_seeded_control(writable_demo_portfolio) -> None:
    import datetime as dt

    from relmgr.services.campaigns import create_campaign
    from relmgr.services.consent import MarketingRefused
    from relmgr.services.contacts import log_contact
    from relmgr.services.target_lists import save_list

    start, end = DEMO_AS_OF, DEMO_AS_OF + dt.timedelta(days=60)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        save_list(portfolio, name="全部开户客户", criteria={"combine": "AND", "criteria": []})
        arms = create_campaign(portfolio, campaign_id="CMP-NEW", name="新活动", list_name="全部开户客户",
                               product_id="WM-FI", start_on=start, end_on=end, channel="PHONE",
                               cost_per_contact=30.0)
        total = arms["treatment"] + arms["control"]
        assert arms["control"] == pytest.approx(0.1 * total, abs=4)     # the team rule's 10%, per tier rounded
        rows = portfolio.query("SELECT o.customer_id, o.arm, s.tier FROM offers o "
                               "JOIN customer_segments s USING (customer_id) WHERE campaign_id = 'CMP-NEW'")
        by_tier: dict[str, list[int]] = {}
        for _, arm, tier in rows:
            by_tier.setdefault(tier, [0, 0])[arm == "CONTROL"] += 1
        for tier, (treated, held) in by_tier.items():
            assert held == round(0.1 * (treated + held)), tier                # stratified by tier
        held_out = next(c for c, arm, _ in rows if arm == "CONTROL")
        with pytest.raises(MarketingRefused, match="control group"):
            log_contact(portfolio, customer_id=held_out, channel="PHONE", purpose="SALES", outcome="REACHED")
        with pytest.raises(ValueError, match="exists already"):
            create_campaign(portfolio, campaign_id="CMP-NEW", name="x", list_name="全部开户客户",
                            product_id="WM-FI", start_on=start, end_on=end, channel="PHONE", cost_per_contact=1)
        assert portfolio.query("SELECT COUNT(*) FROM audit_log WHERE action = 'CAMPAIGN_CREATED'") == [(1,)]
        results = _by_id(load_campaign_reports(portfolio))["CMP-NEW"].comparison
    assert results.treatment.n == arms["treatment"] and results.control.n == arms["control"]
    # The same seed draws the same control group.
    from relmgr.services.campaigns import control_group, seed_of
    ids, tiers = [r[0] for r in rows], [r[2] for r in rows]
    assert control_group(ids, tiers, share=0.1, seed=seed_of("CMP-NEW")) == {c for c, arm, _ in rows if arm == "CONTROL"}
