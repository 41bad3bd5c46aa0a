"""Who may be offered a loan (issue 21): the team's eligibility rules, as a pure rule over a
frame of customer facts, like the product suitability rule (domain/suitability.py).

A customer is a loan prospect of a family only when every rule passes:
- age within [min_age, max_age] (a mortgage's upper age is lower: it must be repaid in time);
- a known monthly income of at least `min_income`;
- debt-to-income: the instalments already due per month over the income, at most `max_dti`;
- a credit score, when there is one, of at least `min_score` (no score is allowed unless
  `score_required`: many good customers have never been scored);
- no loan in arrears (days past due > 0, or status IN_ARREARS or DEFAULTED) and none classified
  关注 (SPECIAL_MENTION) or worse;
- not already holding a live loan of the family (a card or mortgage is not sold twice).

The first failing rule is the reason (a `Exclusion` code); eligible customers have none.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum

import numpy as np
import pandas as pd

from relmgr.domain.codes import LoanClass, LoanFamily, LoanStatus

LOAN_RULE_KEY = "loans.rules"
BAD_STATUSES = (LoanStatus.IN_ARREARS.value, LoanStatus.DEFAULTED.value)
BAD_CLASSES = (LoanClass.SPECIAL_MENTION.value, LoanClass.SUBSTANDARD.value, LoanClass.DOUBTFUL.value,
               LoanClass.LOSS.value)


class Exclusion(StrEnum):
    AGE = "AGE"                          # outside min_age..max_age
    NO_INCOME = "NO_INCOME"              # no monthly income on record
    LOW_INCOME = "LOW_INCOME"            # below min_income
    DEBT_TO_INCOME = "DEBT_TO_INCOME"    # instalments / income above max_dti
    NO_SCORE = "NO_SCORE"                # score_required and none on record
    LOW_SCORE = "LOW_SCORE"              # below min_score
    IN_ARREARS = "IN_ARREARS"            # a loan past due, in arrears or defaulted
    CLASSIFIED = "CLASSIFIED"            # a loan classified 关注 or worse
    HOLDS_FAMILY = "HOLDS_FAMILY"        # already has a live loan of the family
    CLOSED = "CLOSED"                    # no longer a customer


class Refusal(StrEnum):
    """Why a combination of loan rules is refused (relmgr/services/wording/rules.py words it)."""

    AGES = "AGES"                        # 18 <= min_age <= max_age <= 100
    MORTGAGE_AGE = "MORTGAGE_AGE"        # min_age <= mortgage_max_age <= max_age
    INCOME_DTI = "INCOME_DTI"            # min_income >= 0, 0 < max_dti <= 2


class LoanRulesRefused(ValueError):
    """A combination of loan rules is refused: `code` (a Refusal) says why, `fields` which rules."""

    def __init__(self, code: Refusal, fields: tuple[str, ...], english: str) -> None:
        self.code, self.fields = code, fields
        super().__init__(english)


@dataclasses.dataclass(frozen=True)
class LoanRules:
    min_age: int = 22
    max_age: int = 60
    mortgage_max_age: int = 50
    min_income: float = 4000.0
    max_dti: float = 0.5
    min_score: int = 600
    score_required: bool = False

    def __post_init__(self) -> None:
        if not 18 <= self.min_age <= self.max_age <= 100:
            raise LoanRulesRefused(Refusal.AGES, ("min_age", "max_age"),
                                   "loan rules: ages must satisfy 18 <= min_age <= max_age <= 100")
        if not self.min_age <= self.mortgage_max_age <= self.max_age:
            raise LoanRulesRefused(Refusal.MORTGAGE_AGE, ("mortgage_max_age", "min_age", "max_age"),
                                   "loan rules: mortgage_max_age must lie between min_age and max_age")
        if self.min_income < 0 or not 0 < self.max_dti <= 2:
            raise LoanRulesRefused(Refusal.INCOME_DTI, ("min_income", "max_dti"),
                                   "loan rules: min_income must be >= 0 and max_dti in (0, 2]")

    def upper_age(self, family: str) -> int:
        return self.mortgage_max_age if family == LoanFamily.MORTGAGE.value else self.max_age


#: The facts the rule reads, one row per customer.
FACT_COLUMNS = ["customer_id", "age", "closed", "monthly_income", "credit_score", "instalments",
                "in_arrears", "classified", "holds"]


def exclusions(facts: pd.DataFrame, family: str, rules: LoanRules = LoanRules()) -> np.ndarray:
    """Per row of `facts` (FACT_COLUMNS; `holds`: a set or string of the families with a live
    loan), the first failing rule's Exclusion code, or None when the customer is eligible."""
    n = len(facts)
    age = pd.to_numeric(facts["age"], errors="coerce").to_numpy(dtype=float)
    income = pd.to_numeric(facts["monthly_income"], errors="coerce").to_numpy(dtype=float)
    score = pd.to_numeric(facts["credit_score"], errors="coerce").to_numpy(dtype=float)
    instalments = np.nan_to_num(pd.to_numeric(facts["instalments"], errors="coerce").to_numpy(dtype=float))
    holds = np.array([family in (h or ()) for h in facts["holds"]], dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        dti = instalments / income
    checks = [
        (facts["closed"].to_numpy(dtype=bool), Exclusion.CLOSED),
        (facts["in_arrears"].to_numpy(dtype=bool), Exclusion.IN_ARREARS),
        (facts["classified"].to_numpy(dtype=bool), Exclusion.CLASSIFIED),
        (~((age >= rules.min_age) & (age <= rules.upper_age(family))), Exclusion.AGE),
        (np.isnan(income), Exclusion.NO_INCOME),
        (income < rules.min_income, Exclusion.LOW_INCOME),
        (~(dti <= rules.max_dti), Exclusion.DEBT_TO_INCOME),
        (np.isnan(score) & rules.score_required, Exclusion.NO_SCORE),
        (score < rules.min_score, Exclusion.LOW_SCORE),
        (holds, Exclusion.HOLDS_FAMILY),
    ]
    out = np.full(n, None, dtype=object)
    for failed, code in reversed(checks):         # the first rule in the list wins
        out[failed] = code.value
    return out


def eligible(facts: pd.DataFrame, family: str, rules: LoanRules = LoanRules()) -> np.ndarray:
    return pd.isna(exclusions(facts, family, rules))
