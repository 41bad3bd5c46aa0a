"""Suitability (适当性管理) and eligibility of a product for a customer: hard rules, never scores.

A product is recommendable to a customer only when no rule below removes it. The rules are
checked in the order of `RuleCode`; `exclusion_rules` returns every rule that removes the
product (the first one is the reason shown to a compliance officer), so "why not?" always has an
answer.

Rules (defaults in `SuitabilityRules`, team overrides in team_rules key `RULE_KEY`):
- CUSTOMER_CLOSED: the customer's record is closed; nothing is recommended.
- RISK_ABOVE_RATING: product risk level R(n) above the customer's risk rating C(m) (n > m).
- ASSESSMENT_EXPIRED: the risk assessment is missing or older than `assessment_valid_days`
  (as of the data date): only R1 products remain, and the RM is asked to renew the assessment
  (`ActionCode.RENEW_RISK_ASSESSMENT`).
- AGE_BELOW_MIN / AGE_ABOVE_MAX: the product's age limits (inclusive), age in full years.
- BELOW_MIN_AMOUNT: the customer's AUM is below the product's minimum amount.
- ALREADY_HELD: an ACTIVE or DORMANT holding of the product exists and the catalogue does not
  mark it repeatable.
- DECLINED_RECENTLY / POSTPONED / ACCEPTED_RECENTLY: the RM recorded that outcome for this
  product within the cool-down of that outcome (`decline_cooldown_days`, `not_now_days`,
  `accepted_hide_days`).

Customers aged `senior_age` (65) or over keep every product the rules allow, but a product above
R`senior_plain_risk_max` (R2) carries `WarningCode.SENIOR_ABOVE_R2` and its acceptance needs a
note from the RM (`needs_note`).

Stdlib only: relmgr/analytics/recommend.py applies the same rules vectorised over a whole
portfolio, and the tests check the two agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

RULE_KEY = "recommend.suitability"


class RuleCode(StrEnum):
    """Why a product was removed from a customer's candidates, in checking order."""

    CUSTOMER_CLOSED = "CUSTOMER_CLOSED"
    RISK_ABOVE_RATING = "RISK_ABOVE_RATING"
    ASSESSMENT_EXPIRED = "ASSESSMENT_EXPIRED"
    AGE_BELOW_MIN = "AGE_BELOW_MIN"
    AGE_ABOVE_MAX = "AGE_ABOVE_MAX"
    BELOW_MIN_AMOUNT = "BELOW_MIN_AMOUNT"
    ALREADY_HELD = "ALREADY_HELD"
    DECLINED_RECENTLY = "DECLINED_RECENTLY"
    POSTPONED = "POSTPONED"
    ACCEPTED_RECENTLY = "ACCEPTED_RECENTLY"

    @property
    def bit(self) -> int:
        """The rule's bit in a vectorised exclusion mask (0 = recommendable)."""
        return 1 << _RULE_ORDER.index(self)

    @classmethod
    def from_mask(cls, mask: int) -> tuple[RuleCode, ...]:
        """The rules set in an exclusion mask, in checking order."""
        return tuple(rule for rule in _RULE_ORDER if mask & rule.bit)


_RULE_ORDER = tuple(RuleCode)


class ActionCode(StrEnum):
    """Something the RM should do instead of (or before) selling."""

    RENEW_RISK_ASSESSMENT = "RENEW_RISK_ASSESSMENT"


class WarningCode(StrEnum):
    """A recommendation that is allowed but needs extra care."""

    SENIOR_ABOVE_R2 = "SENIOR_ABOVE_R2"


class RecoOutcome(StrEnum):
    """What the customer said to a recommendation (table recommendation_outcomes)."""

    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    NOT_NOW = "NOT_NOW"


OUTCOME_RULE = {RecoOutcome.DECLINED: RuleCode.DECLINED_RECENTLY,
                RecoOutcome.NOT_NOW: RuleCode.POSTPONED,
                RecoOutcome.ACCEPTED: RuleCode.ACCEPTED_RECENTLY}


@dataclasses.dataclass(frozen=True)
class SuitabilityRules:
    """Team rules of suitability and of the outcome cool-downs (days)."""

    assessment_valid_days: int = 365
    senior_age: int = 65
    senior_plain_risk_max: int = 2       # above this risk level a senior needs a warning + note
    decline_cooldown_days: int = 90
    not_now_days: int = 30
    accepted_hide_days: int = 90

    def cooldown_days(self, outcome: RecoOutcome) -> int:
        return {RecoOutcome.DECLINED: self.decline_cooldown_days,
                RecoOutcome.NOT_NOW: self.not_now_days,
                RecoOutcome.ACCEPTED: self.accepted_hide_days}[outcome]


def rules_from_override(override: Mapping[str, Any] | None) -> SuitabilityRules:
    """The defaults with a team's override (a JSON object of fields) applied and validated."""
    if override is None:
        return SuitabilityRules()
    if not isinstance(override, Mapping):
        raise ValueError(f"team rule {RULE_KEY!r} must be a JSON object")
    known = {f.name for f in dataclasses.fields(SuitabilityRules)}
    unknown = sorted(set(override) - known)
    if unknown:
        raise ValueError(f"team rule {RULE_KEY!r}: unknown field(s) {', '.join(unknown)}")
    for name, value in override.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"team rule {RULE_KEY!r}: {name} must be a whole number ≥ 0, got {value!r}")
    rules = dataclasses.replace(SuitabilityRules(), **dict(override))
    if not 1 <= rules.senior_plain_risk_max <= 5:
        raise ValueError(f"team rule {RULE_KEY!r}: senior_plain_risk_max must be 1..5")
    return rules


@dataclasses.dataclass(frozen=True)
class ProductFacts:
    """What the rules need to know about a product (a row of the products table)."""

    product_id: str
    risk_level: int                      # 1..5 for R1..R5
    min_amount: float = 0.0
    min_age: int = 18
    max_age: int | None = None
    repeatable: bool = False


@dataclasses.dataclass(frozen=True)
class CustomerFacts:
    """What the rules need to know about a customer as of the data date.

    `held`: products with an ACTIVE or DORMANT holding. `outcomes`: the latest recorded outcome
    per product as (outcome, date)."""

    customer_id: str
    risk_rating: int                     # 1..5 for C1..C5
    assessed_on: dt.date | None
    age: int
    aum: float
    closed: bool = False
    held: frozenset[str] = frozenset()
    outcomes: Mapping[str, tuple[RecoOutcome, dt.date]] = dataclasses.field(default_factory=dict)


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in full years on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def assessment_expired(assessed_on: dt.date | None, *, as_of: dt.date,
                       rules: SuitabilityRules = SuitabilityRules()) -> bool:
    """True when there is no assessment or it is older than the validity period.
    An assessment exactly `assessment_valid_days` old is still valid."""
    return assessed_on is None or (as_of - assessed_on).days > rules.assessment_valid_days


def outcome_active(outcome: RecoOutcome, on: dt.date, *, today: dt.date,
                   rules: SuitabilityRules = SuitabilityRules()) -> bool:
    """Whether an outcome recorded on `on` still hides the product on `today`: the product
    returns on day `on + cooldown` (a 90-day cool-down after a decline on 1 Jan ends 1 Apr)."""
    return (today - on).days < rules.cooldown_days(outcome)


def exclusion_rules(customer: CustomerFacts, product: ProductFacts, *, as_of: dt.date,
                    today: dt.date | None = None,
                    rules: SuitabilityRules = SuitabilityRules()) -> tuple[RuleCode, ...]:
    """Every rule that removes `product` for `customer`, in checking order; empty = allowed.

    `as_of` is the data date (assessment validity); `today` the day outcome cool-downs are
    measured to (defaults to `as_of`)."""
    today = today or as_of
    found: list[RuleCode] = []
    if customer.closed:
        found.append(RuleCode.CUSTOMER_CLOSED)
    if product.risk_level > customer.risk_rating:
        found.append(RuleCode.RISK_ABOVE_RATING)
    if product.risk_level > 1 and assessment_expired(customer.assessed_on, as_of=as_of, rules=rules):
        found.append(RuleCode.ASSESSMENT_EXPIRED)
    if customer.age < product.min_age:
        found.append(RuleCode.AGE_BELOW_MIN)
    if product.max_age is not None and customer.age > product.max_age:
        found.append(RuleCode.AGE_ABOVE_MAX)
    aum = 0.0 if math.isnan(customer.aum) else customer.aum      # unknown AUM counts as none
    if aum < product.min_amount:
        found.append(RuleCode.BELOW_MIN_AMOUNT)
    if product.product_id in customer.held and not product.repeatable:
        found.append(RuleCode.ALREADY_HELD)
    latest = customer.outcomes.get(product.product_id)
    if latest is not None and outcome_active(latest[0], latest[1], today=today, rules=rules):
        found.append(OUTCOME_RULE[latest[0]])
    return tuple(found)


def is_suitable(customer: CustomerFacts, product: ProductFacts, *, as_of: dt.date,
                today: dt.date | None = None, rules: SuitabilityRules = SuitabilityRules()) -> bool:
    return not exclusion_rules(customer, product, as_of=as_of, today=today, rules=rules)


def senior_warning(age: int, risk_level: int, *,
                   rules: SuitabilityRules = SuitabilityRules()) -> WarningCode | None:
    """The extra-care warning for a customer of `age` and a product of `risk_level`, if any."""
    if age >= rules.senior_age and risk_level > rules.senior_plain_risk_max:
        return WarningCode.SENIOR_ABOVE_R2
    return None


def needs_note(age: int, risk_level: int, *, rules: SuitabilityRules = SuitabilityRules()) -> bool:
    """Accepting this product for this customer needs the RM's note (the senior rule)."""
    return senior_warning(age, risk_level, rules=rules) is not None


def customer_actions(customer: CustomerFacts, *, as_of: dt.date,
                     rules: SuitabilityRules = SuitabilityRules()) -> tuple[ActionCode, ...]:
    """What the RM should do for this customer besides (or instead of) selling."""
    if not customer.closed and assessment_expired(customer.assessed_on, as_of=as_of, rules=rules):
        return (ActionCode.RENEW_RISK_ASSESSMENT,)
    return ()
