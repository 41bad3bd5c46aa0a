"""Lifecycle stages (客户生命周期): point-in-time at every month end of the history and at the
data date, vectorised over customers, so that the stage history (when each customer entered
each stage, and why) and the month-by-month stage flow fall out of one pass.

The rules, their order and their thresholds are those of relmgr.domain.segments.LifecycleRules
(read its docstring). Everything at an evaluation date d uses only data dated on or before d:
holdings opened/closed by d, transactions up to d, the month-end balance of d's month, so the
stage a customer had in March is what an RM would have seen on 31 March.

Evaluation dates are the month ends from the first balance month (at most `history_months`
back) to as_of, plus as_of itself when it is not a month end; a stage change is observed at the
evaluation date, so `entered_on` is a month end (or as_of).

Flow: for each evaluation month, (from_stage, to_stage, count) over the customers in the
portfolio at its date; from_stage is the stage at the previous evaluation date, or "NEW" for
customers who were not yet in the portfolio then. Customers never leave the grid (CHURNED is a
stage), so the counts flowing out of month m-1 equal the customers at m-1 and the counts flowing
into month m equal the customers at m.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from relmgr.analytics.activity import (
    NO_DAY,
    ActivityIndex,
    balance_matrix,
    day_number,
    day_numbers,
    iso_dates,
    month_end,
    month_range,
    month_shift,
    open_product_counts,
    products_open_at,
)
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.domain.segments import FLOW_SOURCE_NEW, LifecycleRules, Stage, StageReason

STAGES = tuple(Stage)
REASONS = tuple(StageReason)
_S = {s: i for i, s in enumerate(STAGES)}
_R = {r: i for i, r in enumerate(REASONS)}
_NEW = len(STAGES)
_SNAPSHOT = ("tenure", "days_inactive", "last_day", "open_now", "aum_now", "aum_before_drop",
             "aum_before_growth", "txns_previous", "txns_recent", "products_before", "closed_day")


@dataclasses.dataclass(frozen=True)
class LifecycleResult:
    """`current`: customer_id, stage, stage_since (ISO date), reason, detail (dict of the
    numbers behind the reason at as_of). `history`: customer_id, entered_on, stage, reason,
    detail (numbers at entry), one row per stage change. `flow`: month ('YYYY-MM'), from_stage,
    to_stage, count. `evaluated_on`: the evaluation dates, oldest first."""

    current: pd.DataFrame
    history: pd.DataFrame
    flow: pd.DataFrame
    evaluated_on: list[dt.date]
    # What re-evaluating only the last date needs (incremental refresh), per customer of the
    # ActivityIndex: stage (-1: not yet a customer) and entry day (NO_DAY) after the evaluation
    # before the last, and the last evaluation's balance and product inputs.
    carry: dict[str, np.ndarray] = dataclasses.field(default_factory=dict)


def evaluation_dates(monthly_balances: pd.DataFrame, *, as_of: dt.date,
                     rules: LifecycleRules = LifecycleRules()) -> tuple[list[str], list[dt.date]]:
    """Months ('YYYY-MM') and their evaluation dates (month end, or as_of for its month)."""
    last = as_of.strftime("%Y-%m")
    earliest = month_shift(last, -(rules.history_months - 1))
    months = monthly_balances["month"].astype("str")
    months = months[months <= last]
    first = max(months.min(), earliest) if len(months) else last
    labels = month_range(first, last)
    dates = [month_end(m) for m in labels[:-1]] + [min(month_end(last), as_of)]
    return labels, dates


def compute_lifecycle(*, customers: pd.DataFrame, holdings: pd.DataFrame,
                      monthly_balances: pd.DataFrame, activity: ActivityIndex, as_of: dt.date,
                      rules: LifecycleRules = LifecycleRules(), progress: Progress = no_progress,
                      cancel: CancelCheck = never) -> LifecycleResult:
    ids = activity.customers
    size = len(ids)
    cust = np.arange(size)
    info = customers.set_index("customer_id").reindex(ids)
    opened = day_numbers(info["opened_on"])
    closed = day_numbers(info["closed_on"], missing=np.iinfo(np.int64).max // 4)
    products = open_product_counts(holdings, customers=ids)

    labels, dates = evaluation_dates(monthly_balances, as_of=as_of, rules=rules)
    lookback = max(rules.decline_aum_months, rules.growth_aum_months)
    balance_months = month_range(month_shift(labels[0], -lookback), labels[-1])
    balance_ends = np.array([day_number(month_end(m)) for m in balance_months[:-1]]
                            + [day_number(dates[-1])], dtype="int64")
    in_portfolio = opened[:, None] <= balance_ends[None, :]
    aum = np.where(in_portfolio, np.nan_to_num(balance_matrix(
        monthly_balances, customers=ids, months=balance_months, column="aum_end")), np.nan)
    # Before the first month the table covers, balances are unknown, not zero: no trend then.
    known = monthly_balances["month"].astype("str")
    first_known = known.min() if len(known) else labels[-1]
    aum[:, np.array(balance_months) < first_known] = np.nan

    stage_now = np.full(size, -1, dtype="int64")
    history_parts: list[dict[str, np.ndarray]] = []
    flow_parts: list[pd.DataFrame] = []
    snapshot: dict[str, np.ndarray] = {}
    reason_now = np.full(size, -1, dtype="int64")
    entered_day = np.full(size, NO_DAY, dtype="int64")
    carry: dict[str, np.ndarray] = {}
    for t, day_value in enumerate(dates):
        check_cancel(cancel)
        if t == len(dates) - 1:
            carry = {"stage_before": stage_now.copy(), "entered_before": entered_day.copy()}
        day = day_number(day_value)
        col = t + lookback
        here = opened <= day
        open_now, ever = products_open_at(products, day, size)
        growth_base_day = day_number(month_end(month_shift(labels[t], -rules.growth_aum_months)))
        products_before, _ = products_open_at(products, growth_base_day, size)
        last = activity.last_day(cust, day)
        window = rules.activity_window_days
        recent = activity.count_between(cust, day - window, day)
        previous = activity.count_between(cust, day - 2 * window, day - window)
        snapshot, stage, reason = stage_at(
            day=day, opened=opened, closed=closed, open_now=open_now, ever=ever,
            products_before=products_before, last=last, recent=recent, previous=previous,
            aum_now=aum[:, col], aum_before_drop=aum[:, col - rules.decline_aum_months],
            aum_before_growth=aum[:, col - rules.growth_aum_months], rules=rules)

        source = np.where(stage_now >= 0, stage_now, _NEW)
        pair = (source[here] * (_NEW + 1) + stage[here])
        codes, counts = np.unique(pair, return_counts=True)
        flow_parts.append(pd.DataFrame({"month": labels[t], "from_code": codes // (_NEW + 1),
                                        "to_code": codes % (_NEW + 1), "count": counts}))

        changed = np.flatnonzero(here & (stage != stage_now))
        if len(changed):
            part = {name: values[changed] for name, values in snapshot.items()}
            part.update(row=changed, day=np.full(len(changed), day), stage=stage[changed],
                        reason=reason[changed])
            history_parts.append(part)
            entered_day[changed] = day
        stage_now = np.where(here, stage, stage_now)
        reason_now = np.where(here, reason, reason_now)
        progress((t + 1) / len(dates), "lifecycle")

    history = _history_frame(history_parts, ids)
    placed = stage_now >= 0
    entered = history.groupby("customer_id", sort=False)["entered_on"].last() if len(history) else pd.Series(dtype=object)
    final = {name: values[placed] for name, values in snapshot.items()}
    final["reason"] = reason_now[placed]
    current = pd.DataFrame({
        "customer_id": ids.to_numpy()[placed],
        "stage": np.array([s.value for s in STAGES], dtype=object)[stage_now[placed]],
        "stage_since": ids.to_series().map(entered).to_numpy()[placed],
        "reason": np.array([r.value for r in REASONS], dtype=object)[reason_now[placed]],
        "detail": _details(final),
    })
    flow = pd.concat(flow_parts, ignore_index=True) if flow_parts else pd.DataFrame(
        columns=["month", "from_code", "to_code", "count"])
    names = np.array([s.value for s in STAGES] + [FLOW_SOURCE_NEW], dtype=object)
    flow = pd.DataFrame({"month": flow["month"].to_numpy(dtype=object),
                         "from_stage": names[flow["from_code"].to_numpy(dtype="int64")],
                         "to_stage": names[flow["to_code"].to_numpy(dtype="int64")],
                         "count": flow["count"].to_numpy(dtype="int64")})
    carry.update({name: snapshot[name] for name in ("aum_now", "aum_before_drop",
                                                    "aum_before_growth", "products_before")})
    return LifecycleResult(current, history, flow, dates, carry)



def stage_at(*, day: int, opened: np.ndarray, closed: np.ndarray, open_now: np.ndarray,
             ever: np.ndarray, products_before: np.ndarray, last: np.ndarray, recent: np.ndarray,
             previous: np.ndarray, aum_now: np.ndarray, aum_before_drop: np.ndarray,
             aum_before_growth: np.ndarray,
             rules: LifecycleRules = LifecycleRules()) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """The stage rules at one evaluation day, vectorised over customers: (numbers behind the
    reasons, stage codes, reason codes). Inputs are per customer as of `day`: opening and
    closing days, open / ever-opened holdings, open holdings at the growth base date, last
    customer-initiated transaction day (NO_DAY: none), transactions in the recent and the
    previous activity window, month-end AUM now and at the decline / growth base months."""
    since = np.where(last == NO_DAY, opened, np.maximum(last, opened))
    now, before_drop, before_growth = aum_now, aum_before_drop, aum_before_growth
    snapshot = {
        "tenure": day - opened, "days_inactive": day - since, "last_day": last,
        "open_now": open_now, "aum_now": now, "aum_before_drop": before_drop,
        "aum_before_growth": before_growth, "txns_previous": previous, "txns_recent": recent,
        "products_before": products_before, "closed_day": closed,
    }
    with np.errstate(invalid="ignore"):
        drop_base = np.nan_to_num(before_drop, nan=-1.0) >= rules.min_trend_aum
        aum_drop = drop_base & (np.nan_to_num(now) <= before_drop * (1 - rules.decline_aum_drop))
        growth_base = np.nan_to_num(before_growth, nan=-1.0) >= rules.min_trend_aum
        aum_growth = growth_base & (np.nan_to_num(now) >= before_growth * (1 + rules.growth_aum_rise))
    conditions = [
        (closed <= day) | ((ever > 0) & (open_now == 0)),
        day - since >= rules.dormant_days,
        day - opened < rules.acquisition_days,
        aum_drop,
        (previous >= max(rules.min_previous_txns, 1))
        & (recent <= previous * rules.activity_halved_ratio),
        (day - opened < rules.growth_max_tenure_days) & aum_growth,
        (day - opened < rules.growth_max_tenure_days) & (open_now > products_before)
        & (products_before > 0),
    ]
    stage = np.select(conditions, [_S[Stage.CHURNED], _S[Stage.CHURNED], _S[Stage.ACQUISITION],
                                   _S[Stage.DECLINE], _S[Stage.DECLINE], _S[Stage.GROWTH],
                                   _S[Stage.GROWTH]], default=_S[Stage.MATURITY])
    reason = np.select(conditions, [_R[r] for r in (
        StageReason.ACCOUNTS_CLOSED, StageReason.DORMANT, StageReason.NEW_CUSTOMER,
        StageReason.AUM_DROP, StageReason.ACTIVITY_HALVED, StageReason.AUM_GROWTH,
        StageReason.PRODUCTS_ADDED)], default=_R[StageReason.STEADY])
    return snapshot, stage, reason


@dataclasses.dataclass(frozen=True)
class LastEvaluation:
    """The stages at a new data date in the same month as an earlier full computation (see
    `reevaluate_last`): `current` as LifecycleResult.current; `history` the stage changes
    observed at the new date (they replace the rows of the old date); `flow` this month's flow
    rows (they replace the month's rows)."""

    current: pd.DataFrame
    history: pd.DataFrame
    flow: pd.DataFrame


def reevaluate_last(*, ids: pd.Index, as_of: dt.date, month: str, carry: dict[str, np.ndarray],
                    opened: np.ndarray, closed: np.ndarray, open_now: np.ndarray, ever: np.ndarray,
                    last: np.ndarray, recent: np.ndarray, previous: np.ndarray,
                    rules: LifecycleRules = LifecycleRules()) -> LastEvaluation:
    """Redo only the last evaluation of `compute_lifecycle` at a later `as_of` of the same month
    `month`, from the `carry` of the earlier computation (stage and entry day after the
    previous month end, the month's balance and product inputs, which the later day within the
    month does not change) and the activity and holdings figures at as_of. Everything earlier
    in the history is unchanged by construction, so the result equals a full computation."""
    day = day_number(as_of)
    snapshot, stage, reason = stage_at(
        day=day, opened=opened, closed=closed, open_now=open_now, ever=ever,
        products_before=carry["products_before"], last=last, recent=recent, previous=previous,
        aum_now=carry["aum_now"], aum_before_drop=carry["aum_before_drop"],
        aum_before_growth=carry["aum_before_growth"], rules=rules)
    before = carry["stage_before"]
    here = opened <= day
    source = np.where(before >= 0, before, _NEW)
    codes, counts = np.unique(source[here] * (_NEW + 1) + stage[here], return_counts=True)
    names = np.array([s.value for s in STAGES] + [FLOW_SOURCE_NEW], dtype=object)
    flow = pd.DataFrame({"month": np.full(len(codes), month, dtype=object),
                         "from_stage": names[codes // (_NEW + 1)],
                         "to_stage": names[codes % (_NEW + 1)], "count": counts.astype("int64")})
    changed = np.flatnonzero(here & (stage != before))
    part = {name: values[changed] for name, values in snapshot.items()}
    part.update(row=changed, day=np.full(len(changed), day), stage=stage[changed],
                reason=reason[changed])
    history = _history_frame([part] if len(changed) else [], ids)

    stage_now = np.where(here, stage, before)
    reason_now = np.where(here, reason, -1)
    entered = np.where(here & (stage != before), day, carry["entered_before"])
    placed = stage_now >= 0
    final = {name: values[placed] for name, values in snapshot.items()}
    final["reason"] = reason_now[placed]
    current = pd.DataFrame({
        "customer_id": ids.to_numpy()[placed],
        "stage": np.array([s.value for s in STAGES], dtype=object)[stage_now[placed]],
        "stage_since": _iso_or_none(entered[placed], entered[placed] != NO_DAY),
        "reason": np.array([r.value for r in REASONS], dtype=object)[reason_now[placed]],
        "detail": _details(final),
    })
    return LastEvaluation(current, history, flow)


def _history_frame(parts: list[dict[str, np.ndarray]], ids: pd.Index) -> pd.DataFrame:
    columns = ["customer_id", "entered_on", "stage", "reason", "detail"]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    merged = {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}
    order = np.lexsort((merged["day"], merged["row"]))
    merged = {name: values[order] for name, values in merged.items()}
    return pd.DataFrame({
        "customer_id": ids.to_numpy()[merged["row"]],
        "entered_on": iso_dates(merged["day"]).astype(object),
        "stage": np.array([s.value for s in STAGES], dtype=object)[merged["stage"]],
        "reason": np.array([r.value for r in REASONS], dtype=object)[merged["reason"]],
        "detail": _details(merged),
    })


def _iso_or_none(days: np.ndarray, valid: np.ndarray) -> np.ndarray:
    out = np.full(len(days), None, dtype=object)
    out[valid] = iso_dates(days[valid])
    return out


def _change_pct(now: np.ndarray, before: np.ndarray) -> np.ndarray:
    return np.round((now - before) / before * 100, 1)


def _details(values: dict[str, np.ndarray]) -> np.ndarray:
    """The numbers behind each row's reason, as small JSON-able dicts (the UI words them)."""
    reason = values["reason"]
    out = np.empty(len(reason), dtype=object)
    for code, name in enumerate(REASONS):
        rows = np.flatnonzero(reason == code)
        if not len(rows):
            continue
        pick = {k: v[rows] for k, v in values.items()}
        now = np.round(np.nan_to_num(pick["aum_now"]).astype("float64"), 2)
        if name is StageReason.ACCOUNTS_CLOSED:
            closed = pick["closed_day"]
            columns = {"open_products": pick["open_now"],
                       "closed_on": _iso_or_none(closed, closed < np.iinfo(np.int64).max // 8)}
        elif name is StageReason.DORMANT:
            last = pick["last_day"]
            columns = {"days_inactive": pick["days_inactive"],
                       "last_txn_on": _iso_or_none(last, last != NO_DAY)}
        elif name in (StageReason.NEW_CUSTOMER, StageReason.STEADY):
            columns = {"tenure_days": pick["tenure"]}
        elif name in (StageReason.AUM_DROP, StageReason.AUM_GROWTH):
            before = pick["aum_before_drop" if name is StageReason.AUM_DROP else "aum_before_growth"]
            columns = {"aum_before": np.round(before, 2), "aum_now": now,
                       "change_pct": _change_pct(now, before)}
        elif name is StageReason.ACTIVITY_HALVED:
            columns = {"txns_previous": pick["txns_previous"], "txns_recent": pick["txns_recent"]}
        else:  # PRODUCTS_ADDED
            columns = {"products_before": pick["products_before"], "products_now": pick["open_now"]}
        records = pd.DataFrame(columns).to_dict("records")
        out[rows] = np.array(records + [None], dtype=object)[:-1]  # keep dicts as elements
    return out
