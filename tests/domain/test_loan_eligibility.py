"""The loan eligibility rule (relmgr/domain/loans.py), checked on random worlds against a plain
reading of the rules, row by row: no ineligible customer ever passes, and each exclusion is the
first rule that fails."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from relmgr.domain.codes import LoanFamily
from relmgr.domain.loans import Exclusion, LoanRules, eligible, exclusions

FAMILIES = [f.value for f in LoanFamily]


def random_world(rng: np.random.Generator, n: int) -> pd.DataFrame:
    income = rng.choice([np.nan, 0.0, 1500.0, 3999.0, 4000.0, 8000.0, 30000.0], n)
    score = rng.choice([np.nan, 350.0, 599.0, 600.0, 720.0], n)
    holds = [frozenset(rng.choice(FAMILIES, rng.integers(0, 3), replace=False)) for _ in range(n)]
    return pd.DataFrame({
        "customer_id": [f"C{i}" for i in range(n)],
        "age": rng.uniform(16, 80, n).round(1),
        "closed": rng.random(n) < 0.1,
        "monthly_income": income,
        "credit_score": score,
        "instalments": rng.choice([0.0, 500.0, 2000.0, 5000.0, 20000.0], n),
        "in_arrears": rng.random(n) < 0.1,
        "classified": rng.random(n) < 0.1,
        "holds": holds,
    })


def reference(row: pd.Series, family: str, rules: LoanRules) -> str | None:
    """The rules read one by one, in their documented order."""
    upper = rules.mortgage_max_age if family == "MORTGAGE" else rules.max_age
    income, score = row["monthly_income"], row["credit_score"]
    if row["closed"]:
        return Exclusion.CLOSED.value
    if row["in_arrears"]:
        return Exclusion.IN_ARREARS.value
    if row["classified"]:
        return Exclusion.CLASSIFIED.value
    if not rules.min_age <= row["age"] <= upper:
        return Exclusion.AGE.value
    if math.isnan(income):
        return Exclusion.NO_INCOME.value
    if income < rules.min_income:
        return Exclusion.LOW_INCOME.value
    if income == 0 or row["instalments"] / income > rules.max_dti:
        return Exclusion.DEBT_TO_INCOME.value
    if math.isnan(score) and rules.score_required:
        return Exclusion.NO_SCORE.value
    if not math.isnan(score) and score < rules.min_score:
        return Exclusion.LOW_SCORE.value
    if family in row["holds"]:
        return Exclusion.HOLDS_FAMILY.value
    return None


@pytest.mark.parametrize("seed", range(8))
def test_random_worlds_agree_with_the_rules_read_one_by_one(seed: int) -> None:
    rng = np.random.default_rng(seed)
    world = random_world(rng, 400)
    rules = LoanRules(min_age=int(rng.integers(18, 30)), max_age=int(rng.integers(55, 70)),
                      mortgage_max_age=int(rng.integers(45, 55)), min_income=float(rng.choice([0, 4000, 6000])),
                      max_dti=float(rng.choice([0.3, 0.5, 1.0])), min_score=int(rng.choice([500, 600, 700])),
                      score_required=bool(rng.random() < 0.5))
    for family in FAMILIES:
        got = exclusions(world, family, rules)
        want = [reference(row, family, rules) for _, row in world.iterrows()]
        assert list(got) == want
        ok = eligible(world, family, rules)
        assert ok.sum() == sum(w is None for w in want)
        passed = world[ok]
        # Never: an eligible customer in arrears, classified, closed, outside the ages, ...
        assert not passed["in_arrears"].any() and not passed["classified"].any() and not passed["closed"].any()
        assert (passed["monthly_income"] >= rules.min_income).all()
        assert not any(family in h for h in passed["holds"])


def test_mortgage_age_limit_is_lower_and_rules_refuse_nonsense() -> None:
    world = random_world(np.random.default_rng(1), 1).assign(
        age=55.0, closed=False, in_arrears=False, classified=False, monthly_income=20000.0,
        credit_score=700.0, instalments=0.0, holds=[frozenset()])
    assert exclusions(world, "MORTGAGE", LoanRules())[0] == Exclusion.AGE.value
    assert exclusions(world, "CONSUMER", LoanRules())[0] is None
    with pytest.raises(ValueError):
        LoanRules(min_age=40, max_age=30)
    with pytest.raises(ValueError):
        LoanRules(max_dti=0)
