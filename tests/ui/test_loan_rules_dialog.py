"""The loan prospects' eligibility thresholds in the Team rules dialog (issue 21), on the demo
portfolio: they show the rules in force, a change is stored where the prospects read it, audited
like the others, and changes who is a prospect; a refused combination says why and changes
nothing."""

from __future__ import annotations

import re
from pathlib import Path

from relmgr.domain.codes import AuditAction
from relmgr.domain.loans import LoanRules
from relmgr.services import loans
from relmgr.services.audit import list_audit
from relmgr.services.settings import Settings
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _open_dialog(window, qtbot):
    dialog = window.open_team_rules()
    qtbot.waitUntil(lambda: dialog.loaded_rules is not None, timeout=10_000)
    return dialog


def test_loan_thresholds_are_edited_stored_audited_and_change_the_prospects(
        unlocked_window, writable_demo_portfolio: Path, qtbot) -> None:
    window = unlocked_window
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        before = loans.load_prospects(p)
    dialog = _open_dialog(window, qtbot)
    defaults = LoanRules()
    assert dialog.editors["loans.min_age"].value() == defaults.min_age
    assert dialog.editors["loans.max_dti"].value() == defaults.max_dti
    assert dialog.labels["loans.min_score"].text() == "Loans: credit score floor"
    dialog.editors["loans.min_income"].setValue(20_000)
    dialog.editors["loans.max_dti"].setValue(0.3)
    dialog.editors["loans.min_score"].setValue(700)
    # The dialog deletes itself once saved: wait for its signal, not on the widget.
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=60_000)
    window.lock()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        rules = loans.loan_rules(p)
        rows = list_audit(p, action=AuditAction.RULES_CHANGED)
        after = loans.load_prospects(p)
    assert (rules.min_income, rules.max_dti, rules.min_score) == (20_000, 0.3, 700)
    assert rules.min_age == defaults.min_age                    # untouched rules stay defaults
    assert len(rows) == 1 and "loans.min_income" in rows["detail"].iat[0] and "loans.min_score" in rows["detail"].iat[0]
    for family in before.excluded:
        low = ("LOW_INCOME", "LOW_SCORE")
        assert sum(after.excluded[family].get(k, 0) for k in low) > sum(before.excluded[family].get(k, 0) for k in low)


def test_a_mortgage_age_above_the_oldest_age_is_refused_and_nothing_changes(
        unlocked_window, writable_demo_portfolio: Path, qtbot) -> None:
    window = unlocked_window
    dialog = _open_dialog(window, qtbot)
    dialog.editors["loans.min_income"].setValue(9_000)
    dialog.editors["loans.max_age"].setValue(45)          # the mortgage's upper age stays 50
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden(), timeout=10_000)
    # The rule just typed is named, in words (it read "loan rules: mortgage_max_age must lie
    # between min_age and max_age" in the Chinese window too).
    assert dialog.error_label.text() == "Loans: oldest age must not be below Mortgages: oldest age."
    try:
        window.apply_settings(Settings(language="zh_CN", auto_lock_minutes=10))
        dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.error_label.text() == "贷款：最高年龄不得低于房贷：最高年龄。", timeout=10_000)
        assert not re.search("[A-Za-z]", dialog.error_label.text())
    finally:
        window.apply_settings(Settings(language="en", auto_lock_minutes=10))
    dialog.editors["loans.max_age"].setValue(20)          # below the youngest age
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Loans: oldest age must be above" in dialog.error_label.text(), timeout=10_000)
    dialog.reject()
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=10_000)
    window.lock()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        assert loans.loan_rules(p) == LoanRules()
        assert not len(list_audit(p, action=AuditAction.RULES_CHANGED))
