"""The repayment watch (relmgr/analytics/loan_watch.py) on hand-made loans: each warning fires
on its own condition and not just short of it."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.analytics.loan_watch import WatchRules, arrears_buckets, bucket_of, buckets_of, watch_lines
from relmgr.storage.loan_store import LOAN_READ_COLUMNS

TODAY = dt.date(2026, 6, 16)


def loan(loan_id: str, customer: str, **values) -> dict:
    row = dict.fromkeys(LOAN_READ_COLUMNS)
    row.update(loan_id=loan_id, customer_id=customer, family="CONSUMER", opened_on="2025-01-01",
               outstanding=10000.0, next_due_on="2026-06-20", amount_due=1000.0, days_past_due=0,
               status="CURRENT", classification="NORMAL", repayment_balance=5000.0)
    row.update(values)
    return row


def test_buckets_edges() -> None:
    assert [bucket_of(d) for d in (0, 1, 30, 31, 60, 61, 90, 91, None)] == \
        [None, "D1_30", "D1_30", "D31_60", "D31_60", "D61_90", "D61_90", "D90_PLUS", None]
    days = pd.Series([0, 1, 30, 31, 60, 61, 90, 91, None, -3, 400], dtype=object)
    assert list(buckets_of(days)) == [bucket_of(d) for d in days]


def test_each_warning_on_its_condition() -> None:
    loans = pd.DataFrame([
        loan("L1", "C1", days_past_due=45, status="IN_ARREARS"),
        loan("L2", "C2", repayment_balance=999.0),                       # due in 4 days, short
        loan("L3", "C3", repayment_balance=1000.0),                      # enough: nothing
        loan("L4", "C4", repayment_balance=10.0, next_due_on="2026-06-30"),  # too far ahead
        loan("L5", "C5", days_past_due=None, status="DEFAULTED"),         # days not given
        loan("L6", "C6", days_past_due=300, status="REPAID", closed_on="2026-05-01"),  # repaid
        loan("L7", "C7"), loan("L8", "C8"), loan("L9", "C9"),
    ])
    flows = pd.DataFrame([
        {"customer_id": "C7", "last_salary_on": "2026-04-25", "salary_months": 4, "out_recent": 0, "out_base": 0},
        {"customer_id": "C8", "last_salary_on": "2026-06-10", "salary_months": 6, "out_recent": 0, "out_base": 0},
        {"customer_id": "C9", "last_salary_on": None, "salary_months": 0, "out_recent": 60000.0, "out_base": 45000.0},
    ])
    lines = watch_lines(loans, flows, today=TODAY)
    got = {(r.loan_id, r.reason) for r in lines.itertuples()}
    assert got == {("L1", "ARREARS"), ("L2", "LOW_BALANCE"), ("L5", "ARREARS"), ("L7", "SALARY_STOPPED"),
                   ("L9", "SHARP_OUTFLOW")}
    by = {(r.loan_id, r.reason): r for r in lines.itertuples()}
    assert by[("L1", "ARREARS")].bucket == "D31_60"
    assert by[("L5", "ARREARS")].bucket == "UNKNOWN"
    assert by[("L2", "LOW_BALANCE")].details["short_by"] == 1.0
    assert by[("L7", "SALARY_STOPPED")].details["days_since"] == 52
    assert by[("L9", "SHARP_OUTFLOW")].details["ratio"] == 8.6      # 60,000 vs 45,000 × 14/90 = 7,000
    assert lines["reason"].iloc[0] == "ARREARS"                      # arrears first
    # Just short of the outflow ratio: no warning.
    calm = flows.assign(out_recent=[0, 0, 34000.0])
    assert "SHARP_OUTFLOW" not in set(watch_lines(loans, calm, today=TODAY)["reason"])
    buckets = arrears_buckets(loans, today=TODAY)
    assert buckets["D31_60"] == {"loans": 1, "outstanding": 10000.0} and buckets["D90_PLUS"]["loans"] == 0


def test_a_portfolio_without_the_fields_gives_no_lines_and_no_error() -> None:
    loans = pd.DataFrame([loan("L1", "C1", next_due_on=None, amount_due=None, days_past_due=None,
                               status=None, classification=None, repayment_balance=None)])
    assert watch_lines(loans, None, today=TODAY).empty
    assert WatchRules().handled_days >= 1
