"""Team rules an RM changes (relmgr/services/team_rules.py): checked before anything is stored,
stored as overrides only, audited, and read by the features that use them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.churn import load_churn_rules
from relmgr.services.segments import load_rules
from relmgr.services.sync.branch import epsilon_of, k_of
from relmgr.services.team_rules import (
    FIELDS,
    Problem,
    RuleProblem,
    check_rules,
    current_rules,
    parse_value,
    save_rules,
)
from relmgr.services.wording.rules import RULE_NAMES, problem_sentence
from relmgr.storage import open_portfolio
from relmgr.storage.rules import get_rule
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _table(portfolio) -> list[tuple]:
    return portfolio.conn.execute("SELECT key, value FROM team_rules ORDER BY key").fetchall()


def test_defaults_are_in_force_until_changed(writable_demo_portfolio: Path) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        rules = current_rules(portfolio)
    assert rules == {f.name: f.default for f in FIELDS}
    assert rules["today.capacity"] == 30 and rules["tiers.mass_cadence_days"] is None


def test_a_change_is_stored_read_by_its_feature_and_audited(writable_demo_portfolio: Path) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        saved = save_rules(portfolio, {"tiers.vip_min_aum": 80_000, "tiers.mass_cadence_days": 365,
                                       "churn.horizon_days": 60, "today.capacity": 25, "sync.k": 15})
        assert saved.tiers_changed and saved.churn_changed
        assert load_rules(portfolio).tiers.vip_min_aum == 80_000
        assert load_rules(portfolio).tiers.mass_cadence_days == 365
        assert load_rules(portfolio).tiers.wealth_min_aum == 600_000          # untouched
        assert load_churn_rules(portfolio).horizon_days == 60
        assert get_rule(portfolio, "today.capacity") == 25 and k_of(portfolio) == 15
        rows = list_audit(portfolio, action=AuditAction.RULES_CHANGED)
        assert len(rows) == 1
        assert '"tiers.vip_min_aum": [50000.0, 80000.0]' in rows["detail"].iat[0]
        # Back to the defaults: the overrides go, so better defaults of a later relmgr apply.
        back = save_rules(portfolio, {f.name: f.default for f in FIELDS})
        assert len(back.changed) == 5
        assert not {key for key, _ in _table(portfolio)} & {f.key for f in FIELDS}
        # Nothing changed: nothing written, no audit row.
        assert save_rules(portfolio, {"today.capacity": 30}).changed == {}
        assert len(list_audit(portfolio, action=AuditAction.RULES_CHANGED)) == 2


@pytest.mark.parametrize(("values", "name", "problem"), [
    ({"tiers.vip_min_aum": 700_000}, "tiers.vip_min_aum", Problem.NOT_BELOW),
    ({"tiers.vip_min_aum": 700_000, "tiers.wealth_min_aum": 650_000}, "tiers.wealth_min_aum",
     Problem.NOT_ABOVE),
    ({"tiers.private_min_aum": 500_000}, "tiers.private_min_aum", Problem.NOT_ABOVE),
    ({"churn.medium_probability": 0.4}, "churn.medium_probability", Problem.NOT_BELOW),
    ({"churn.high_probability": 0.05}, "churn.high_probability", Problem.NOT_ABOVE),
    ({"churn.high_probability": 1.0}, "churn.high_probability", Problem.OUT_OF_RANGE),
    ({"tiers.downgrade_months": 0}, "tiers.downgrade_months", Problem.OUT_OF_RANGE),
    ({"tiers.private_cadence_days": 0}, "tiers.private_cadence_days", Problem.OUT_OF_RANGE),
    ({"today.capacity": 2.5}, "today.capacity", Problem.NOT_WHOLE),
    ({"sync.k": 1}, "sync.k", Problem.OUT_OF_RANGE),
    ({"sync.k": "ten"}, "sync.k", Problem.NOT_A_NUMBER),
    ({"sync.epsilon": 0}, "sync.epsilon", Problem.OUT_OF_RANGE),
    ({"sync.epsilon": 11}, "sync.epsilon", Problem.OUT_OF_RANGE),
    ({"tiers.gold_min_aum": 1}, "tiers.gold_min_aum", Problem.UNKNOWN),
])
def test_bad_values_are_refused_naming_the_rule_and_nothing_changes(
        writable_demo_portfolio: Path, values: dict, name: str, problem: Problem) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        before, audit_rows = _table(portfolio), len(list_audit(portfolio, limit=None))
        with pytest.raises(RuleProblem) as refused:
            save_rules(portfolio, {"today.capacity": 20, **values})
        assert (refused.value.name, refused.value.problem) == (name, problem)
        assert _table(portfolio) == before and len(list_audit(portfolio, limit=None)) == audit_rows
        assert current_rules(portfolio)["today.capacity"] == 30


def test_refusals_read_as_one_sentence_in_both_languages() -> None:
    error = RuleProblem("tiers.wealth_min_aum", Problem.NOT_ABOVE, other="tiers.vip_min_aum")
    assert str(error) == "tiers.wealth_min_aum must be above tiers.vip_min_aum."
    assert problem_sentence(error.name, error.problem, error.numbers, language="en") == \
        "Wealth from (CNY) must be above VIP from (CNY)."
    assert problem_sentence(error.name, error.problem, error.numbers, language="zh_CN") == \
        "财富门槛（元）必须高于贵宾门槛（元）。"
    below = RuleProblem("tiers.vip_min_aum", Problem.NOT_BELOW, other="tiers.wealth_min_aum")
    assert problem_sentence(below.name, below.problem, below.numbers, language="zh_CN") == \
        "贵宾门槛（元）必须低于财富门槛（元）。"
    assert problem_sentence("tiers.downgrade_months", Problem.OUT_OF_RANGE,
                            {"minimum": 1, "maximum": 24}, language="zh_CN") == \
        "降级前低于门槛的月数必须在 1 到 24 之间。"
    assert set(RULE_NAMES) == {f.name for f in FIELDS}
    assert all(english and chinese for english, chinese in RULE_NAMES.values())


def test_command_line_values() -> None:
    assert parse_value("tiers.vip_min_aum", "80,000") == 80_000
    assert parse_value("tiers.mass_cadence_days", "none") is None
    assert parse_value("sync.epsilon", "off") is None and parse_value("sync.epsilon", "0.5") == 0.5
    with pytest.raises(RuleProblem, match="must be a number"):
        parse_value("today.capacity", "many")


def test_the_privacy_budget_turns_noise_on_and_off(writable_demo_portfolio: Path) -> None:
    """sync.epsilon is off (None) by default; set, the summary's sync code reads it; set back to
    None the override goes and the summaries carry no noise again."""
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert current_rules(portfolio)["sync.epsilon"] is None and epsilon_of(portfolio) is None
        assert save_rules(portfolio, {"sync.epsilon": 1.5}).changed == {"sync.epsilon": (None, 1.5)}
        assert epsilon_of(portfolio) == 1.5 and current_rules(portfolio)["sync.epsilon"] == 1.5
        save_rules(portfolio, {"sync.epsilon": None})
        assert epsilon_of(portfolio) is None and get_rule(portfolio, "sync_epsilon") is None


def test_loan_rule_refusals_are_worded_in_both_languages() -> None:
    """A mortgage's oldest age above the loans' oldest age is refused naming the rule typed; the
    loan rules' own refusals carry a code worded in either language, never English text in the
    Chinese window."""
    from relmgr.domain.loans import LoanRules, LoanRulesRefused, Refusal

    values = {f.name: f.default for f in FIELDS}
    with pytest.raises(RuleProblem) as refused:
        check_rules({**values, "loans.max_age": 45}, changed={"loans.max_age"})
    assert (refused.value.name, refused.value.problem) == ("loans.max_age", Problem.BELOW_OTHER)
    with pytest.raises(RuleProblem) as refused:
        check_rules({**values, "loans.mortgage_max_age": 65}, changed={"loans.mortgage_max_age"})
    error = refused.value
    assert (error.name, error.problem) == ("loans.mortgage_max_age", Problem.ABOVE_OTHER)
    assert problem_sentence(error.name, error.problem, error.numbers, language="zh_CN") == \
        "房贷：最高年龄不得高于贷款：最高年龄。"
    assert check_rules({**values, "loans.mortgage_max_age": 60})["loans.mortgage_max_age"] == 60   # equal is fine
    for code, bad in ((Refusal.AGES, {"min_age": 70, "max_age": 65, "mortgage_max_age": 66}),
                      (Refusal.MORTGAGE_AGE, {"mortgage_max_age": 70}),
                      (Refusal.INCOME_DTI, {"max_dti": 3.0})):
        with pytest.raises(LoanRulesRefused) as domain:
            LoanRules(**bad)
        assert domain.value.code == code
        english = problem_sentence(f"loans.{domain.value.fields[0]}", Problem.REFUSED,
                                   {"detail": code.value}, language="en")
        chinese = problem_sentence(f"loans.{domain.value.fields[0]}", Problem.REFUSED,
                                   {"detail": code.value}, language="zh_CN")
        assert "loan rules" not in english and code.value not in english
        assert not re.search("[A-Za-z_]{3,}", chinese), chinese
