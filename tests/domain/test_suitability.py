"""The hard rules of suitability and eligibility (relmgr/domain/suitability.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from relmgr.domain.suitability import (
    ActionCode,
    CustomerFacts,
    ProductFacts,
    RecoOutcome,
    RuleCode,
    SuitabilityRules,
    WarningCode,
    age_on,
    assessment_expired,
    customer_actions,
    exclusion_rules,
    needs_note,
    rules_from_override,
    senior_warning,
)

AS_OF = dt.date(2026, 6, 30)


def customer(**changes) -> CustomerFacts:
    values = dict(customer_id="C1", risk_rating=3, assessed_on=AS_OF - dt.timedelta(days=30), age=40,
                  aum=100_000.0)
    values.update(changes)
    return CustomerFacts(**values)


def product(**changes) -> ProductFacts:
    values = dict(product_id="P1", risk_level=3, min_amount=10_000.0, min_age=18, max_age=None, repeatable=False)
    values.update(changes)
    return ProductFacts(**values)


def test_product_risk_above_the_customer_rating_is_excluded_equal_is_allowed() -> None:
    assert exclusion_rules(customer(risk_rating=3), product(risk_level=4), as_of=AS_OF) == (RuleCode.RISK_ABOVE_RATING,)
    assert exclusion_rules(customer(risk_rating=3), product(risk_level=3), as_of=AS_OF) == ()
    assert exclusion_rules(customer(risk_rating=1), product(risk_level=1), as_of=AS_OF) == ()


def test_expired_assessment_leaves_only_r1_products_and_asks_for_renewal() -> None:
    old = customer(risk_rating=5, assessed_on=AS_OF - dt.timedelta(days=366))
    assert exclusion_rules(old, product(risk_level=2), as_of=AS_OF) == (RuleCode.ASSESSMENT_EXPIRED,)
    assert exclusion_rules(old, product(risk_level=1), as_of=AS_OF) == ()
    assert customer_actions(old, as_of=AS_OF) == (ActionCode.RENEW_RISK_ASSESSMENT,)
    # Exactly the validity period old is still valid; a missing assessment is expired.
    assert not assessment_expired(AS_OF - dt.timedelta(days=365), as_of=AS_OF)
    assert assessment_expired(None, as_of=AS_OF)
    assert customer_actions(customer(), as_of=AS_OF) == ()
    # The validity period is a team rule.
    short = SuitabilityRules(assessment_valid_days=10)
    assert exclusion_rules(customer(), product(), as_of=AS_OF, rules=short) == (RuleCode.ASSESSMENT_EXPIRED,)


def test_age_limits_are_inclusive_and_min_amount_is_checked_against_aum() -> None:
    p = product(risk_level=1, min_age=18, max_age=65)
    assert exclusion_rules(customer(age=18), p, as_of=AS_OF) == ()
    assert exclusion_rules(customer(age=65), p, as_of=AS_OF) == ()
    assert exclusion_rules(customer(age=17), p, as_of=AS_OF) == (RuleCode.AGE_BELOW_MIN,)
    assert exclusion_rules(customer(age=66), p, as_of=AS_OF) == (RuleCode.AGE_ABOVE_MAX,)
    assert exclusion_rules(customer(aum=9_999.99), product(), as_of=AS_OF) == (RuleCode.BELOW_MIN_AMOUNT,)
    assert exclusion_rules(customer(aum=10_000.0), product(), as_of=AS_OF) == ()
    assert age_on(dt.date(1961, 7, 1), AS_OF) == 64 and age_on(dt.date(1961, 6, 30), AS_OF) == 65


def test_held_products_are_excluded_unless_repeatable() -> None:
    held = customer(held=frozenset({"P1"}))
    assert exclusion_rules(held, product(), as_of=AS_OF) == (RuleCode.ALREADY_HELD,)
    assert exclusion_rules(held, product(repeatable=True), as_of=AS_OF) == ()


def test_outcome_cool_downs() -> None:
    declined_on = dt.date(2026, 7, 1)
    c = customer(outcomes={"P1": (RecoOutcome.DECLINED, declined_on)})
    assert exclusion_rules(c, product(), as_of=AS_OF, today=declined_on + dt.timedelta(days=89)) == (
        RuleCode.DECLINED_RECENTLY,)
    assert exclusion_rules(c, product(), as_of=AS_OF, today=declined_on + dt.timedelta(days=90)) == ()
    later = customer(outcomes={"P1": (RecoOutcome.NOT_NOW, declined_on)})
    assert exclusion_rules(later, product(), as_of=AS_OF, today=declined_on + dt.timedelta(days=29)) == (
        RuleCode.POSTPONED,)
    assert exclusion_rules(later, product(), as_of=AS_OF, today=declined_on + dt.timedelta(days=30)) == ()


def test_every_failing_rule_is_listed_in_checking_order() -> None:
    c = customer(risk_rating=1, assessed_on=None, age=16, aum=0.0, closed=True, held=frozenset({"P1"}))
    found = exclusion_rules(c, product(risk_level=5, max_age=15), as_of=AS_OF)
    assert found == (RuleCode.CUSTOMER_CLOSED, RuleCode.RISK_ABOVE_RATING, RuleCode.ASSESSMENT_EXPIRED,
                     RuleCode.AGE_BELOW_MIN, RuleCode.AGE_ABOVE_MAX, RuleCode.BELOW_MIN_AMOUNT,
                     RuleCode.ALREADY_HELD)
    mask = sum(rule.bit for rule in found)
    assert RuleCode.from_mask(mask) == found


def test_seniors_get_a_warning_and_need_a_note_above_r2() -> None:
    assert senior_warning(65, 3) is WarningCode.SENIOR_ABOVE_R2 and needs_note(65, 3)
    assert senior_warning(65, 2) is None and not needs_note(65, 2)
    assert senior_warning(64, 5) is None
    # The warning does not remove the product: suitability alone decides that.
    assert exclusion_rules(customer(age=70, risk_rating=4), product(risk_level=4), as_of=AS_OF) == ()


def test_team_override_is_validated() -> None:
    assert rules_from_override(None) == SuitabilityRules()
    assert rules_from_override({"decline_cooldown_days": 30}).decline_cooldown_days == 30
    with pytest.raises(ValueError, match="unknown field"):
        rules_from_override({"cooldown": 3})
    with pytest.raises(ValueError, match="whole number"):
        rules_from_override({"assessment_valid_days": -1})
    with pytest.raises(ValueError, match="JSON object"):
        rules_from_override([1, 2])
