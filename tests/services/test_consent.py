"""Marketing consent on the demo portfolio: a customer who declined is on no push list, has no
recommendation line on Today, gets "service call only" there, and cannot be logged a sales
contact; the RM's decision is recorded with its date and note and audited."""

from __future__ import annotations

import datetime as dt

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services.changes import Topic, changes_of
from relmgr.services.consent import MarketingRefused, consent_of, declined_customers, record_consent
from relmgr.services.contacts import log_contact
from relmgr.services.day_plan import day_plan_json, load_day_plan
from relmgr.services.recommendations import push_list, record_outcome
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


def test_the_demo_has_customers_who_declined(demo_portfolio_file) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        declined = declined_customers(portfolio)
        offered = {r[0] for r in portfolio.query("SELECT customer_id FROM offers")}
    assert 3 <= len(declined) <= 40
    assert not declined & offered          # the demo's campaigns never chose them


def test_recording_a_refusal_is_dated_noted_and_audited(writable_demo_portfolio) -> None:
    assert {Topic.CUSTOMERS, Topic.AUDIT, Topic.WORKLIST} <= changes_of(record_consent).topics
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        customer = next(c for (c,) in portfolio.query("SELECT customer_id FROM customers ORDER BY 1")
                        if c not in declined_customers(portfolio))
        record_consent(portfolio, customer_id=customer, consent="DECLINED", decided_on=DEMO_AS_OF,
                       note="客户电话中表示不希望收到营销")
        state = consent_of(portfolio, customer)
        assert state.declined and state.decided_on == DEMO_AS_OF.isoformat()
        assert state.note == "客户电话中表示不希望收到营销"
        assert customer in declined_customers(portfolio)
        (action, target, detail), = portfolio.query(
            "SELECT action, target, detail FROM audit_log WHERE action = ?", (AuditAction.CONSENT_RECORDED.value,))
        assert target == customer and "DECLINED" in detail and "营销" not in detail
        with pytest.raises(ValueError, match="GRANTED or DECLINED"):
            record_consent(portfolio, customer_id=customer, consent="MAYBE", decided_on=DEMO_AS_OF)
        with pytest.raises(ValueError, match="no customer"):
            record_consent(portfolio, customer_id="NOPE", consent="GRANTED", decided_on=DEMO_AS_OF)


def test_a_bank_side_refusal_cannot_be_lifted_by_the_rm(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        customer = sorted(declined_customers(portfolio))[0]
        record_consent(portfolio, customer_id=customer, consent="GRANTED", decided_on=DEMO_AS_OF)
        assert customer in declined_customers(portfolio)


def test_declined_customers_are_left_off_push_lists_and_recommendation_lines(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        pushed = push_list(portfolio)
        target = str(pushed["customer_id"].iat[0])
        product = str(pushed["product_id"].iat[0])
        record_outcome(portfolio, target, product, "ACCEPTED", note="接受", at=dt.datetime(2026, 6, 29, 10))
        before = load_day_plan(portfolio, today=DEMO_AS_OF).frame
        assert any("RECOMMENDATION_ACCEPTED" in r for r in before.loc[before["customer_id"] == target, "reason_codes"])
        record_consent(portfolio, customer_id=target, consent="DECLINED", decided_on=DEMO_AS_OF)
        assert target not in set(push_list(portfolio)["customer_id"])
        after = load_day_plan(portfolio, today=DEMO_AS_OF).frame
        lines = after.loc[after["customer_id"] == target, "reason_codes"]
        assert all("RECOMMENDATION_ACCEPTED" not in r for r in lines)


def test_today_says_service_call_only(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        plan = load_day_plan(portfolio, today=DEMO_AS_OF)
        first = str(plan.plan["customer_id"].iat[0])
        record_consent(portfolio, customer_id=first, consent="DECLINED", decided_on=DEMO_AS_OF)
        plan = load_day_plan(portfolio, today=DEMO_AS_OF)
    payload = day_plan_json(plan, product_names={}, language="en")
    line = next(x for x in payload["plan"] if x["customer_id"] == first)
    assert line["service_only"] and line["action_words"].endswith("(service call only)")
    assert sum(x["service_only"] for x in payload["plan"]) == int(plan.plan["service_only"].sum())
    zh = day_plan_json(plan, product_names={}, language="zh_CN")
    assert next(x for x in zh["plan"] if x["customer_id"] == first)["action_words"].endswith("（仅限服务来电，勿营销）")


def test_no_sales_contact_for_a_declined_or_held_out_customer(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        declined = sorted(declined_customers(portfolio))[0]
        count = portfolio.query("SELECT COUNT(*) FROM interactions")[0][0]
        with pytest.raises(MarketingRefused, match="declined marketing"):
            log_contact(portfolio, customer_id=declined, channel="PHONE", purpose="SALES", outcome="REACHED")
        log_contact(portfolio, customer_id=declined, channel="PHONE", purpose="SERVICE", outcome="REACHED")
        (held_out, day), = portfolio.query(
            "SELECT o.customer_id, c.start_on FROM offers o JOIN campaigns c USING (campaign_id) "
            "WHERE o.arm = 'CONTROL' ORDER BY o.offer_id LIMIT 1")
        at = dt.datetime.fromisoformat(day) + dt.timedelta(days=3, hours=10)
        with pytest.raises(MarketingRefused, match="control group"):
            log_contact(portfolio, customer_id=held_out, channel="PHONE", purpose="SALES", outcome="REACHED", at=at)
        assert portfolio.query("SELECT COUNT(*) FROM interactions")[0][0] == count + 1
