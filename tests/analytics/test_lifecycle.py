"""Lifecycle stages on constructed portfolios whose right answer is known."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from relmgr.analytics.activity import ActivityIndex, customer_index, month_range
from relmgr.analytics.lifecycle import compute_lifecycle
from relmgr.domain.segments import LifecycleRules, rules_with_overrides
from tests.analytics.segment_frames import Book

AS_OF = dt.date(2026, 6, 30)
MONTHS = month_range("2024-07", "2026-06")


def _steady(book: Book, cid: str, *, opened_on: str = "2020-03-01", aum: float = 200_000,
            txn_until: str = "2026-06-28", every: int = 10) -> Book:
    book.customer(cid, opened_on=opened_on)
    for month in MONTHS:
        if month >= opened_on[:7]:
            book.balance(cid, month, aum)
    first = max(opened_on, "2024-01-01")
    return book.txns_every(cid, first=first, last=txn_until, days=every)


def _run(book: Book, as_of: dt.date = AS_OF, rules: LifecycleRules = LifecycleRules()):
    frames = book.frames()
    ids = customer_index(frames["customers"], as_of=as_of)
    activity = ActivityIndex.build(frames["transactions"], customers=ids, as_of=as_of)
    return compute_lifecycle(customers=frames["customers"], holdings=frames["holdings"],
                             monthly_balances=frames["monthly_balances"], activity=activity,
                             as_of=as_of, rules=rules)


def _current(result, cid: str) -> dict:
    return result.current.set_index("customer_id").loc[cid].to_dict()


def test_steady_old_customer_is_mature() -> None:
    row = _current(_run(_steady(Book(), "C1")), "C1")
    assert (row["stage"], row["reason"]) == ("MATURITY", "STEADY")


def test_twenty_day_old_customer_is_in_acquisition() -> None:
    book = _steady(Book(), "C1")
    book.customer("N1", opened_on="2026-06-10").balance("N1", "2026-06", 30_000)
    row = _current(_run(book), "N1")
    assert (row["stage"], row["reason"], row["detail"]) == ("ACQUISITION", "NEW_CUSTOMER",
                                                            {"tenure_days": 20})
    assert row["stage_since"] == "2026-06-30"


def test_aum_falling_by_half_is_decline_with_the_numbers() -> None:
    book = _steady(Book(), "C1")
    book.customer("D1", opened_on="2019-01-01").txns_every("D1", first="2024-01-01",
                                                           last="2026-06-25", days=10)
    for month in MONTHS:
        book.balance("D1", month, 1_000_000 if month <= "2026-03" else 500_000)
    result = _run(book)
    row = _current(result, "D1")
    assert (row["stage"], row["reason"]) == ("DECLINE", "AUM_DROP")
    assert row["detail"] == {"aum_before": 1_000_000.0, "aum_now": 500_000.0, "change_pct": -50.0}
    assert row["stage_since"] == "2026-04-30"
    # Point in time: at the end of March nothing had happened yet.
    assert _current(_run(book, dt.date(2026, 3, 31)), "D1")["stage"] == "MATURITY"


def test_a_29_percent_fall_is_not_decline() -> None:
    book = Book().customer("D1", opened_on="2019-01-01").txns_every(
        "D1", first="2024-01-01", last="2026-06-25", days=10)
    for month in MONTHS:
        book.balance("D1", month, 1_000_000 if month <= "2026-03" else 710_000)
    assert _current(_run(book), "D1")["stage"] == "MATURITY"


def test_activity_halved_is_decline() -> None:
    # Every 4 days until April (≈22 in the previous 90 days), then every 12 days (≈7-8 recent).
    book = Book().customer("A1", opened_on="2019-01-01").txns_every(
        "A1", first="2024-01-01", last="2026-04-01", days=4).txns_every(
        "A1", first="2026-04-10", last="2026-06-29", days=12)
    for month in MONTHS:
        book.balance("A1", month, 300_000)
    row = _current(_run(book), "A1")
    assert (row["stage"], row["reason"]) == ("DECLINE", "ACTIVITY_HALVED")
    assert row["detail"]["txns_recent"] * 2 <= row["detail"]["txns_previous"]


def test_system_bookings_do_not_count_as_activity_and_200_days_dormant_is_churned() -> None:
    book = _steady(Book(), "Z1", txn_until="2025-12-01").txn("Z1", "2025-12-10")
    book.txns_every("Z1", first="2025-12-31", last="2026-06-30", days=30, kind="INTEREST",
                    channel="SYSTEM")
    result = _run(book)
    row = _current(result, "Z1")
    assert (row["stage"], row["reason"]) == ("CHURNED", "DORMANT")
    assert row["detail"] == {"days_inactive": 202, "last_txn_on": "2025-12-10"}
    assert row["stage_since"] == "2026-06-30"  # 180 days first reached in June (on 8 June)
    assert _current(_run(book, dt.date(2026, 5, 31)), "Z1")["stage"] != "CHURNED"


def test_all_accounts_closed_is_churned() -> None:
    book = _steady(Book(), "X1").holding("X1", opened_on="2020-03-01", closed_on="2026-05-15")
    book.holding("X1", opened_on="2021-01-01", closed_on="2026-05-20")
    result = _run(book)
    row = _current(result, "X1")
    assert (row["stage"], row["reason"]) == ("CHURNED", "ACCOUNTS_CLOSED")
    assert row["stage_since"] == "2026-05-31"


def test_growth_by_aum_or_products_only_in_the_first_two_years() -> None:
    book = Book()
    for cid, opened in (("G1", "2025-01-05"), ("O1", "2022-01-05")):
        book.customer(cid, opened_on=opened).txns_every(cid, first=opened, last="2026-06-28", days=10)
        for month in MONTHS:
            if month >= opened[:7]:
                book.balance(cid, month, 100_000 if month <= "2025-12" else 125_000)
    book.customer("P1", opened_on="2025-03-01").txns_every("P1", first="2025-03-01",
                                                           last="2026-06-28", days=10)
    for month in month_range("2025-03", "2026-06"):
        book.balance("P1", month, 80_000)
    book.holding("P1", opened_on="2025-03-01").holding("P1", opened_on="2026-05-02")
    result = _run(book)
    g1 = _current(result, "G1")
    assert (g1["stage"], g1["reason"]) == ("GROWTH", "AUM_GROWTH")
    assert g1["detail"]["change_pct"] == 25.0
    assert _current(result, "O1")["stage"] == "MATURITY"  # tenure over 2 years
    p1 = _current(result, "P1")
    assert (p1["stage"], p1["reason"], p1["detail"]) == (
        "GROWTH", "PRODUCTS_ADDED", {"products_before": 1, "products_now": 2})


def test_thresholds_are_team_rules() -> None:
    book = Book().customer("D1", opened_on="2019-01-01").txns_every(
        "D1", first="2024-01-01", last="2026-06-25", days=10)
    for month in MONTHS:
        book.balance("D1", month, 1_000_000 if month <= "2026-03" else 750_000)
    rules = rules_with_overrides(LifecycleRules(), {"decline_aum_drop": 0.2})
    assert _current(_run(book, rules=rules), "D1")["stage"] == "DECLINE"


def test_history_records_each_stage_entry_with_reason() -> None:
    book = Book().customer("H1", opened_on="2025-11-10").txns_every(
        "H1", first="2025-11-10", last="2026-06-28", days=10)
    for month in month_range("2025-11", "2026-06"):
        book.balance("H1", month, 100_000)
    result = _run(book)
    rows = result.history[result.history["customer_id"] == "H1"]
    assert rows[["entered_on", "stage", "reason"]].values.tolist() == [
        ["2025-11-30", "ACQUISITION", "NEW_CUSTOMER"],
        ["2026-02-28", "MATURITY", "STEADY"],       # 110 days: no growth signal, so mature
    ]


def test_flow_conserves_customers_month_to_month() -> None:
    book = _steady(Book(), "C1")
    _steady(book, "C2", opened_on="2025-06-15")
    _steady(book, "Z1", txn_until="2025-10-01")
    book.customer("N1", opened_on="2026-06-10")
    result = _run(book)
    flow = result.flow
    per_month_in = flow.groupby("month")["count"].sum()
    per_month_out = flow[flow["from_stage"] != "NEW"].groupby("month")["count"].sum()
    months = list(per_month_in.index)
    assert months == sorted(months)
    for previous, month in zip(months, months[1:]):
        assert per_month_out.get(month, 0) == per_month_in[previous]
    new = flow[flow["from_stage"] == "NEW"].groupby("month")["count"].sum()
    assert new.to_dict() == {"2024-07": 2, "2025-06": 1, "2026-06": 1}
    assert per_month_in["2026-06"] == 4
    june = flow[flow["month"] == "2026-06"].set_index(["from_stage", "to_stage"])["count"]
    assert june[("NEW", "ACQUISITION")] == 1
    assert pd.Series(result.current["stage"]).value_counts()["CHURNED"] == 1


@pytest.mark.parametrize("as_of", [dt.date(2026, 6, 15), dt.date(2026, 6, 30)])
def test_evaluates_at_as_of_when_it_is_not_a_month_end(as_of: dt.date) -> None:
    result = _run(_steady(Book(), "C1"), as_of)
    assert result.evaluated_on[-1] == as_of
    assert result.evaluated_on[-2] == dt.date(2026, 5, 31)
