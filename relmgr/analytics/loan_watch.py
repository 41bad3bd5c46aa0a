"""Repayment watch (还款监测, issue 21): loans past due by arrears bucket, and early warnings
before an instalment is missed. Pure: frames in, one frame of watch lines out.

Warnings, per live loan (not repaid, not closed), each with its numbers in `details`:
- ARREARS: days past due > 0 (or status IN_ARREARS / DEFAULTED with the days not given), in the
  bucket 1–30, 31–60, 61–90 or 90+ days; amount due and outstanding.
- LOW_BALANCE: the next instalment is due within `due_days_ahead` days and the repayment
  account holds less than the amount due.
- SALARY_STOPPED: salary or pension was credited in at least `salary_min_months` months of the
  last six, and nothing for `salary_gap_days` days since.
- SHARP_OUTFLOW: money out of the customer's accounts in the last `outflow_recent_days` days is
  at least `outflow_ratio` times the usual for that many days (from the `outflow_base_days`
  before) and at least `outflow_min` CNY. Only money leaving the bank counts (transfers out,
  withdrawals), not repayments or purchases of the bank's own products.

A signal that needs a field the export did not carry (no due date, no repayment account, no
transactions) is skipped for that loan; `missing_fields` says which fields were absent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from relmgr.domain.codes import LoanStatus


class WatchReason(StrEnum):
    ARREARS = "ARREARS"
    LOW_BALANCE = "LOW_BALANCE"
    SALARY_STOPPED = "SALARY_STOPPED"
    SHARP_OUTFLOW = "SHARP_OUTFLOW"


class Bucket(StrEnum):
    D1_30 = "D1_30"
    D31_60 = "D31_60"
    D61_90 = "D61_90"
    D90_PLUS = "D90_PLUS"
    UNKNOWN = "UNKNOWN"        # in arrears by its status, days past due not given


@dataclasses.dataclass(frozen=True)
class WatchRules:
    due_days_ahead: int = 5
    salary_min_months: int = 3
    salary_gap_days: int = 40
    outflow_recent_days: int = 14
    outflow_base_days: int = 90
    outflow_ratio: float = 5.0
    outflow_min: float = 30_000.0
    handled_days: int = 7          # a handled line stays off the list this many days
    # Today's points per reason (services/worklist.py), before the tier weight.
    arrears_points: float = 40.0
    arrears_points_per_day: float = 0.25
    low_balance_points: float = 30.0
    salary_points: float = 20.0
    outflow_points: float = 15.0

    def salary_since(self, today: dt.date) -> dt.date:
        return today - dt.timedelta(days=183)

    def recent_since(self, today: dt.date) -> dt.date:
        return today - dt.timedelta(days=self.outflow_recent_days - 1)

    def base_since(self, today: dt.date) -> dt.date:
        return self.recent_since(today) - dt.timedelta(days=self.outflow_base_days)


WATCH_COLUMNS = ["customer_id", "loan_id", "family", "reason", "bucket", "points", "details"]
_LIVE_EXCLUDED = (LoanStatus.REPAID.value,)


def bucket_of(days_past_due: Any) -> str | None:
    if days_past_due is None or pd.isna(days_past_due) or days_past_due <= 0:
        return None
    d = int(days_past_due)
    return (Bucket.D1_30 if d <= 30 else Bucket.D31_60 if d <= 60 else
            Bucket.D61_90 if d <= 90 else Bucket.D90_PLUS).value


def buckets_of(days_past_due: pd.Series) -> np.ndarray:
    """bucket_of over a column at once (None where not past due)."""
    d = pd.to_numeric(days_past_due, errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        out = np.select([d <= 30, d <= 60, d <= 90], [Bucket.D1_30.value, Bucket.D31_60.value, Bucket.D61_90.value],
                        Bucket.D90_PLUS.value).astype(object)
        out[~(d > 0)] = None
    return out


def live_loans(loans: pd.DataFrame, *, today: dt.date) -> pd.DataFrame:
    closed_on = loans["closed_on"].to_numpy(dtype=object)
    given = pd.notna(closed_on)
    closed = np.zeros(len(loans), bool)
    closed[given] = np.array([str(c)[:10] for c in closed_on[given]], dtype=object) <= today.isoformat()
    return loans[~closed & ~loans["status"].isin(_LIVE_EXCLUDED).to_numpy()]


def _num(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 2)


def watch_lines(loans: pd.DataFrame, flows: pd.DataFrame | None, *, today: dt.date,
                rules: WatchRules = WatchRules()) -> pd.DataFrame:
    """One row per (loan, reason) of the live loans (WATCH_COLUMNS), worst first: arrears by
    days past due, then the early warnings by points. `loans`: storage.loan_store.read_loans's
    columns; `flows`: read_cash_flows's (None: no transactions to read)."""
    live = live_loans(loans, today=today).reset_index(drop=True)
    if flows is not None and len(flows):
        # Each loan's customer's flows by position (a merge costs more with tens of thousands of loans).
        at = pd.Index(flows["customer_id"].astype(str)).get_indexer(live["customer_id"].astype(str))
        found = at >= 0
        for column in ("last_salary_on", "salary_months", "out_recent", "out_base"):
            values = flows[column].to_numpy(dtype=object)
            picked = np.full(len(live), None, dtype=object)
            picked[found] = values[at[found]]
            live[column] = picked
    else:
        live = live.assign(last_salary_on=None, salary_months=np.nan, out_recent=np.nan, out_base=np.nan)
    dpd = pd.to_numeric(live["days_past_due"], errors="coerce").to_numpy(dtype=float)
    bad_status = live["status"].isin([LoanStatus.IN_ARREARS.value, LoanStatus.DEFAULTED.value]).to_numpy()
    arrears = (dpd > 0) | (np.isnan(dpd) & bad_status)
    days_left = (pd.to_datetime(live["next_due_on"], errors="coerce") - pd.Timestamp(today)).dt.days.to_numpy()
    owed = pd.to_numeric(live["amount_due"], errors="coerce").to_numpy(dtype=float)
    held = pd.to_numeric(live["repayment_balance"], errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        low = ~arrears & (days_left >= 0) & (days_left <= rules.due_days_ahead) & (owed > 0) & (held < owed)
    months = np.nan_to_num(pd.to_numeric(live["salary_months"], errors="coerce").to_numpy(dtype=float))
    last_salary = pd.to_datetime(live["last_salary_on"], errors="coerce")
    gap = (pd.Timestamp(today) - last_salary).dt.days.to_numpy()
    with np.errstate(invalid="ignore"):
        stopped = (months >= rules.salary_min_months) & (gap >= rules.salary_gap_days)
    recent = np.nan_to_num(pd.to_numeric(live["out_recent"], errors="coerce").to_numpy(dtype=float))
    usual = np.nan_to_num(pd.to_numeric(live["out_base"], errors="coerce").to_numpy(dtype=float)) \
        * rules.outflow_recent_days / rules.outflow_base_days
    sharp = (recent >= rules.outflow_min) & (recent >= rules.outflow_ratio * np.maximum(usual, 1.0))

    out: list[dict[str, Any]] = []

    cols = {c: live[c].to_numpy(dtype=object) for c in ("customer_id", "loan_id", "family", "outstanding",
                                                        "status", "classification", "next_due_on",
                                                        "last_salary_on")}

    def line(i: int, reason: WatchReason, bucket: str | None, points: float, details: dict) -> None:
        out.append({"customer_id": cols["customer_id"][i], "loan_id": cols["loan_id"][i],
                    "family": cols["family"][i], "reason": reason.value, "bucket": bucket,
                    "points": round(points, 1), "details": details})

    for i in np.flatnonzero(arrears):
        days = None if np.isnan(dpd[i]) else int(dpd[i])
        line(i, WatchReason.ARREARS, bucket_of(days) or Bucket.UNKNOWN.value,
             rules.arrears_points + rules.arrears_points_per_day * min(days or 0, 120),
             {"days_past_due": days, "amount_due": _num(owed[i]), "outstanding": _num(cols["outstanding"][i]),
              "status": cols["status"][i], "classification": cols["classification"][i]})
    for i in np.flatnonzero(low):
        line(i, WatchReason.LOW_BALANCE, None, rules.low_balance_points,
             {"due_on": str(cols["next_due_on"][i])[:10], "days_left": int(days_left[i]),
              "amount_due": _num(owed[i]), "balance": _num(held[i]), "short_by": _num(owed[i] - held[i])})
    for i in np.flatnonzero(stopped):
        line(i, WatchReason.SALARY_STOPPED, None, rules.salary_points,
             {"last_salary_on": str(cols["last_salary_on"][i])[:10], "days_since": int(gap[i]),
              "months_paid": int(months[i])})
    for i in np.flatnonzero(sharp):
        line(i, WatchReason.SHARP_OUTFLOW, None, rules.outflow_points,
             {"out_recent": round(float(recent[i]), 2), "usual": round(float(usual[i]), 2),
              "days": rules.outflow_recent_days, "ratio": round(float(recent[i] / max(usual[i], 1.0)), 1)})
    if not out:
        return pd.DataFrame(columns=WATCH_COLUMNS)
    frame = pd.DataFrame(out, columns=WATCH_COLUMNS)
    frame["order"] = np.where(frame["reason"] == WatchReason.ARREARS.value, 0, 1)
    frame = frame.sort_values(["order", "points", "customer_id", "loan_id"],
                              ascending=[True, False, True, True], kind="stable")
    return frame.drop(columns="order").reset_index(drop=True)


def arrears_buckets(loans: pd.DataFrame, *, today: dt.date) -> dict[str, dict[str, float]]:
    """Per bucket: how many live loans and how much outstanding."""
    live = live_loans(loans, today=today)
    buckets = buckets_of(live["days_past_due"])
    outstanding = pd.to_numeric(live["outstanding"], errors="coerce").fillna(0.0).to_numpy()
    return {b.value: {"loans": int((buckets == b.value).sum()),
                      "outstanding": round(float(outstanding[buckets == b.value].sum()), 2)}
            for b in Bucket if b is not Bucket.UNKNOWN}
