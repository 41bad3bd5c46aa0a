"""Service tiers: inclusive thresholds, immediate upgrades, delayed downgrades, cadences."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from relmgr.analytics.tiers import compute_tiers, contact_due, tier_changes_in
from relmgr.domain.segments import ContactStatus, TierRules, rules_with_overrides
from tests.analytics.segment_frames import Book

AS_OF = dt.date(2026, 6, 30)


def _tiers(book: Book, as_of: dt.date = AS_OF, rules: TierRules = TierRules()):
    frames = book.frames()
    return compute_tiers(customers=frames["customers"], monthly_balances=frames["monthly_balances"],
                         as_of=as_of, rules=rules)


def _row(result, customer_id: str) -> dict:
    return result.current.set_index("customer_id").loc[customer_id].to_dict()


@pytest.mark.parametrize(("aum", "tier"), [
    (6_000_000, "PRIVATE"), (5_999_999.99, "WEALTH"), (600_000, "WEALTH"),
    (599_999.99, "VIP"), (50_000, "VIP"), (49_999.99, "MASS"), (0, "MASS"),
])
def test_threshold_is_inclusive(aum: float, tier: str) -> None:
    book = Book().customer("C1", opened_on="2025-01-10").balances("C1", "2025-01", [aum] * 18)
    assert _row(_tiers(book), "C1")["tier"] == tier


def test_average_is_over_three_months_not_one_day() -> None:
    # One month at 1.6M between months of 100k: (100k + 100k + 1.6M) / 3 = 600k exactly -> WEALTH.
    book = Book().customer("C1", opened_on="2025-01-10").balances(
        "C1", "2025-01", [100_000] * 15 + [100_000, 100_000, 1_600_000])
    row = _row(_tiers(book), "C1")
    assert row["avg_aum_3m"] == pytest.approx(600_000)
    assert row["tier"] == "WEALTH"


def test_upgrade_takes_effect_in_the_month_it_qualifies() -> None:
    book = Book().customer("C1", opened_on="2025-01-10").balances(
        "C1", "2025-01", [100_000] * 16 + [2_000_000, 2_000_000])
    result = _tiers(book)
    assert _row(result, "C1")["tier"] == "WEALTH"
    assert _row(result, "C1")["tier_since"] == "2026-05"
    moves = tier_changes_in(result.history, month="2026-05")
    assert moves[["customer_id", "tier", "change", "previous_tier"]].values.tolist() == [
        ["C1", "WEALTH", "UP", "VIP"]]


def test_downgrade_only_after_three_consecutive_months_below() -> None:
    # WEALTH for a year, then 100k from 2026-04: the 3-month average is below 600k in
    # April (500k), May (300k) and June (100k) -> downgraded in June, not before.
    book = Book().customer("C1", opened_on="2025-01-10").balances(
        "C1", "2025-01", [700_000] * 15 + [100_000] * 3)
    may = _row(_tiers(book, dt.date(2026, 5, 31)), "C1")
    assert (may["tier"], may["months_below"], may["qualifying_tier"]) == ("WEALTH", 2, "VIP")
    june = _tiers(book)
    assert _row(june, "C1")["tier"] == "VIP"
    assert _row(june, "C1")["months_below"] == 0
    downs = june.history[june.history["change"] == "DOWN"]
    assert downs[["month", "tier", "previous_tier"]].values.tolist() == [["2026-06", "VIP", "WEALTH"]]


def test_a_month_back_above_resets_the_downgrade_count() -> None:
    # Below in 2026-02 and 03, above again in 04 (avg 633k), below in 05 and 06: never 3 in a row.
    values = [700_000] * 13 + [300_000, 300_000, 1_300_000, 100_000, 100_000]
    book = Book().customer("C1", opened_on="2025-01-10").balances("C1", "2025-01", values)
    result = _tiers(book)
    assert _row(result, "C1")["tier"] == "WEALTH"
    assert (result.history["change"] == "DOWN").sum() == 0


def test_downgrade_threshold_months_is_a_team_rule() -> None:
    book = Book().customer("C1", opened_on="2025-01-10").balances(
        "C1", "2025-01", [700_000] * 15 + [100_000] * 3)
    rules = rules_with_overrides(TierRules(), {"downgrade_months": 1})
    result = _tiers(book, dt.date(2026, 4, 30), rules)
    assert _row(result, "C1")["tier"] == "VIP"


def test_downgrade_lands_on_best_tier_held_during_the_months_below() -> None:
    # PRIVATE, then three months whose averages all sit in WEALTH -> WEALTH (not lower).
    values = [6_500_000] * 15 + [4_000_000, 1_000_000, 700_000]
    book = Book().customer("C1", opened_on="2025-01-10").balances("C1", "2025-01", values)
    result = _tiers(book)
    assert _row(result, "C1")["tier"] == "WEALTH"


def test_history_starts_with_entry_and_partial_month_is_not_evaluated() -> None:
    book = (Book().customer("C1", opened_on="2025-01-10").balances("C1", "2025-01", [10_000] * 18)
            .balance("C1", "2026-07", 9_000_000)
            .customer("C2", opened_on="2026-07-03").balance("C2", "2026-07", 80_000))
    result = _tiers(book, dt.date(2026, 7, 15))
    # C1: July is not complete, so its 9M month does not count yet.
    assert _row(result, "C1")["tier"] == "MASS"
    # C2 has no complete month: placed on the partial one.
    assert _row(result, "C2")["tier"] == "VIP"
    entries = result.history[result.history["change"] == "ENTRY"]
    assert entries[["customer_id", "month"]].values.tolist() == [["C1", "2025-01"], ["C2", "2026-07"]]


def test_customer_opened_after_as_of_is_not_in_the_result() -> None:
    book = (Book().customer("C1", opened_on="2025-01-10").balances("C1", "2025-01", [1] * 18)
            .customer("C9", opened_on="2026-08-01"))
    assert _tiers(book).current["customer_id"].tolist() == ["C1"]


# -- cadence -------------------------------------------------------------------------------------
def _due(book: Book, tiers: dict[str, str], as_of: dt.date, rules: TierRules = TierRules()):
    frames = book.frames()
    current = pd.DataFrame({"customer_id": list(tiers), "tier": list(tiers.values())})
    return contact_due(tiers=current, customers=frames["customers"],
                       interactions=frames["interactions"], as_of=as_of, rules=rules
                       ).set_index("customer_id")


def test_cadence_is_in_days_across_month_ends() -> None:
    book = (Book().customer("P1", opened_on="2020-01-01").contact("P1", "2026-01-31")
            .customer("P2", opened_on="2020-01-01").contact("P2", "2024-01-31"))
    due = _due(book, {"P1": "PRIVATE", "P2": "PRIVATE"}, dt.date(2026, 3, 5))
    assert due.loc["P1", "due_on"] == "2026-03-02"   # 31 Jan + 30 days, not "31 Feb"
    assert due.loc["P1", "days_overdue"] == 3
    assert due.loc["P1", "status"] == ContactStatus.OVERDUE
    assert due.loc["P2", "due_on"] == "2024-03-01"   # leap year: 29 days of February


def test_due_soon_not_due_digital_only_and_unanswered_calls() -> None:
    book = (Book().customer("W1", opened_on="2020-01-01").contact("W1", "2026-04-05")
            .contact("W1", "2026-06-20", outcome="NO_ANSWER")
            .customer("V1", opened_on="2020-01-01").contact("V1", "2026-06-01")
            .customer("M1", opened_on="2020-01-01")
            .customer("N1", opened_on="2026-05-01")
            .customer("X1", opened_on="2020-01-01", closed_on="2026-05-01"))
    due = _due(book, {"W1": "WEALTH", "V1": "VIP", "M1": "MASS", "N1": "WEALTH", "X1": "VIP"},
               dt.date(2026, 6, 30))
    # W1: the unanswered call does not count; 5 Apr + 90 days = 4 Jul, within 7 days -> DUE.
    assert (due.loc["W1", "last_contact_on"], due.loc["W1", "due_on"]) == ("2026-04-05", "2026-07-04")
    assert due.loc["W1", "status"] == ContactStatus.DUE
    assert due.loc["W1", "days_overdue"] == 0
    assert due.loc["V1", "status"] == ContactStatus.NOT_DUE
    assert due.loc["M1", "status"] == ContactStatus.DIGITAL_ONLY
    assert pd.isna(due.loc["M1", "due_on"]) and pd.isna(due.loc["M1", "days_overdue"])
    # Never contacted: due counts from the opening date (1 May + 90 days = 30 Jul).
    assert due.loc["N1", "due_on"] == "2026-07-30"
    assert "X1" not in due.index


def test_rule_overrides_are_validated() -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        rules_with_overrides(TierRules(), {"vip_threshold": 1})
    with pytest.raises(ValueError, match="must rise"):
        rules_with_overrides(TierRules(), {"vip_min_aum": 700_000})
    with pytest.raises(ValueError, match="whole number"):
        rules_with_overrides(TierRules(), {"downgrade_months": 2.5})
    assert rules_with_overrides(TierRules(), {"mass_cadence_days": 365}).cadence_days("MASS") == 365
