"""Refresh, store and load the segmentation of a portfolio: service tiers and contact cadence,
RFM segments, behaviour clusters and lifecycle stages (issue 4).

`refresh_segments` reads snapshots of the exchange tables, runs the pure analytics
(relmgr/analytics: tiers, rfm, clusters, lifecycle) as of the portfolio's data date
(services.data_date.as_of, never the wall clock) under the team's rules, and replaces the
stored results in one transaction: a cancelled or failed refresh leaves the previous results
untouched.
`load_segments` reads the stored results for views; `segments_report` is the JSON of the
`relmgr segments` command.

Customer-initiated activity is read per customer and day from the monthly aggregates
(migration 0014), not from the transactions; the analytics index it by customer and day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.activity import (
    CUSTOMER_INITIATED_KINDS,
    DIGITAL_CHANNELS,
    NO_DAY,
    ActivityIndex,
    activity_stride,
    customer_index,
    date_of,
    day_number,
    day_numbers,
    facts_between,
    month_end,
    open_product_counts,
    products_open_at,
)
from relmgr.analytics.clusters import (
    ClusterModel,
    assign_clusters,
    behaviour_features,
    cluster_customers,
    features_from_values,
)
from relmgr.analytics.lifecycle import compute_lifecycle, reevaluate_last
from relmgr.analytics.rfm import compute_rfm, rfm_from_values
from relmgr.analytics.tiers import compute_tiers, contact_due, contact_due_days
from relmgr.domain.codes import ContactOutcome
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.domain.segments import (
    RULE_KEYS,
    RfmSegment,
    SegmentRules,
    Stage,
    Tier,
    rules_with_overrides,
)
from relmgr.storage.portfolio import Portfolio
from relmgr.storage.activity_months import read_activity_months
from relmgr.storage.activity_read import read_activity_days
from relmgr.storage.column_read import read_plain_columns
from relmgr.storage.rules import get_rule
from relmgr.storage.segment_state import (
    highest_txn_id,
    input_changes,
    load_state,
    save_state,
    update_state,
)
from relmgr.services import data_date
from relmgr.services.changes import Topic, writes
from relmgr.services.staged import Staged

SEGMENT_COLUMNS = [
    "customer_id", "tier", "tier_since", "avg_aum_3m", "months_below", "contact_status",
    "last_contact_on", "due_on", "days_overdue", "recency_days", "frequency", "monetary",
    "r_score", "f_score", "m_score", "rfm_code", "rfm_segment", "cluster", "stage", "stage_since",
    "stage_reason", "stage_detail", "computed_at",
]


@dataclasses.dataclass(frozen=True)
class SegmentsResult:
    """Everything a tiers / RFM / clusters / lifecycle view shows, as DataFrames of codes.

    customers: SEGMENT_COLUMNS (stage_detail as a dict). tier_history: customer_id, month, tier,
    change, previous_tier, avg_aum_3m. stage_history: customer_id, entered_on, stage, reason,
    detail (dict). stage_flow: month, from_stage, to_stage, count. cluster_profiles: see
    relmgr.analytics.clusters.PROFILE_COLUMNS (traits as [feature, level, z] lists)."""

    as_of: dt.date
    computed_at: str
    customers: pd.DataFrame
    tier_history: pd.DataFrame
    stage_history: pd.DataFrame
    stage_flow: pd.DataFrame
    cluster_profiles: pd.DataFrame
    cluster_k: int | None
    silhouette: dict[int, float]
    seconds: float
    timings: dict[str, float] = dataclasses.field(default_factory=dict)
    # "full", or "incremental" (see refresh_segments_incremental: then tier_history is empty
    # and stage_history / stage_flow hold only the rows rewritten; load_segments has them all).
    mode: str = "full"
    # Why an incremental refresh was not possible and a full one ran instead ("" otherwise).
    full_because: str = ""
    # Per-customer figures a later incremental refresh continues from (not stored by views).
    carry: dict[str, np.ndarray] = dataclasses.field(default_factory=dict, repr=False)


def load_rules(portfolio: Portfolio) -> SegmentRules:
    """The defaults with the team's overrides from team_rules applied."""
    defaults = SegmentRules()
    return SegmentRules(**{
        group: rules_with_overrides(getattr(defaults, group), get_rule(portfolio, key))
        for group, key in RULE_KEYS.items()})


def read_inputs(portfolio: Portfolio, *, as_of: dt.date) -> dict[str, pd.DataFrame]:
    """Snapshots of what the analytics need, shaped like the schema tables."""
    return {
        "customers": portfolio.read_frame(
            "SELECT customer_id, birth_date, opened_on, closed_on FROM customers"),
        # Column-wise (storage/column_read.py): a row fetch of a million monthly balances costs
        # a third more time and leaves ~300 MB more in the allocator at branch scale.
        "holdings": read_plain_columns(portfolio, source="FROM holdings", params=(), columns={
            "customer_id": ("customer_id", "text"), "opened_on": ("opened_on", "text"),
            "closed_on": ("closed_on", "text")}),
        "monthly_balances": read_plain_columns(
            # +month: read in key order. Through the (month, aum_end) index each row's
            # other columns would be a look-up of their own (12 s instead of 0.2 s at 50,000).
            portfolio, source="FROM monthly_balances WHERE +month <= ?",
            params=(as_of.strftime("%Y-%m"),), columns={
                "customer_id": ("customer_id", "text"), "month": ("month", "text"),
                "aum_avg": ("aum_avg", "number"), "aum_end": ("aum_end", "number"),
                "digital_logins": ("digital_logins", "number")}).astype({"digital_logins": "int64"}),
        # customer_id, day, n, digital per active day, from the monthly aggregates kept up to
        # date at import (storage/activity_months.py): a fifth of the rows and a tenth of the
        # pages of the transactions. Days after as_of too (ActivityIndex leaves them out): the
        # incremental refresh must know whether any exist.
        "transactions": read_activity_months(portfolio),
        **_read_contacts(portfolio, as_of=as_of),
    }


def _read_contacts(portfolio: Portfolio, *, as_of: dt.date) -> dict[str, pd.DataFrame]:
    """interactions: the latest interaction per customer and outcome on or before as_of (all a
    cadence needs). contacts_later: customer_id, day of contacts (not NO_ANSWER) logged for
    dates after as_of, which count once the data date reaches them (incremental refresh)."""
    end = as_of.isoformat()
    later = portfolio.query(
        "SELECT customer_id, substr(occurred_at, 1, 10) FROM interactions "
        "WHERE substr(occurred_at, 1, 10) > ? AND outcome != ?", (end, ContactOutcome.NO_ANSWER.value))
    return {
        "interactions": portfolio.read_frame(
            "SELECT customer_id, outcome, MAX(occurred_at) AS occurred_at FROM interactions "
            "WHERE substr(occurred_at, 1, 10) <= ? GROUP BY customer_id, outcome", (end,)),
        "contacts_later": pd.DataFrame({
            "customer_id": pd.Series([r[0] for r in later], dtype=object),
            "day": day_numbers(pd.Series([r[1] for r in later], dtype=object, name="occurred_at"))}),
    }


def _contact_carry(contacts: dict[str, pd.DataFrame], ids: pd.Index) -> dict[str, np.ndarray]:
    """Per customer of `ids`, the day of the last contact that counts for the cadence (not
    NO_ANSWER) on or before the data date (NO_DAY: none), and the contacts dated later."""
    interactions = contacts["interactions"]
    reached = interactions[(interactions["outcome"] != ContactOutcome.NO_ANSWER.value).to_numpy()]
    days = pd.Series(day_numbers(reached["occurred_at"]), index=reached["customer_id"].to_numpy())
    last = days.groupby(level=0).max().reindex(ids).fillna(NO_DAY).to_numpy(dtype="int64")
    later = contacts.get("contacts_later")
    if later is None or not len(later):
        later = pd.DataFrame({"customer_id": pd.Series(dtype=object), "day": np.zeros(0, "int64")})
    later_cust = ids.get_indexer(later["customer_id"].astype("str"))
    keep = later_cust >= 0
    return {"contact_last": last, "contact_later_cust": later_cust[keep].astype("int64"),
            "contact_later_day": later["day"].to_numpy(dtype="int64")[keep]}


def _last_contact_at(carry: dict[str, np.ndarray], *, as_of: dt.date) -> np.ndarray:
    """Per customer of the state, the day of the last contact that counts on or before as_of
    (NO_DAY: none): the last one by the state's date, or a later-dated one now reached."""
    last = carry["contact_last"].copy()
    cust, day = carry["contact_later_cust"], carry["contact_later_day"]
    due = day <= day_number(as_of)
    np.maximum.at(last, cust[due], day[due])
    return last


def compute_segments(inputs: dict[str, pd.DataFrame], *, as_of: dt.date,
                     rules: SegmentRules = SegmentRules(), progress: Progress = no_progress,
                     cancel: CancelCheck = never) -> SegmentsResult:
    """Run all four analyses on schema-shaped frames; no storage involved."""
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(name: str) -> None:
        timings[name] = round(time.perf_counter() - started - sum(timings.values()), 3)

    customers, balances = inputs["customers"], inputs["monthly_balances"]
    tiers = compute_tiers(customers=customers, monthly_balances=balances, as_of=as_of,
                          rules=rules.tiers)
    contact = contact_due(tiers=tiers.current, customers=customers,
                          interactions=inputs["interactions"], as_of=as_of, rules=rules.tiers)
    lap("tiers")
    progress(0.15, "tiers")
    check_cancel(cancel)

    ids = customer_index(customers, as_of=as_of)
    activity = ActivityIndex.build(inputs["transactions"], customers=ids, as_of=as_of)
    aum_3m = tiers.current.set_index("customer_id")["avg_aum_3m"]
    rfm = compute_rfm(activity=activity, monetary=aum_3m, as_of=as_of, rules=rules.rfm)
    lap("rfm")
    progress(0.3, "rfm")
    check_cancel(cancel)

    recent_months = sorted(balances["month"].astype("str").unique())[-3:] if len(balances) else []
    complete = [m for m in recent_months if month_end(m) <= as_of] or recent_months
    logins = (balances[balances["month"].isin(complete[-3:]).to_numpy()]
              .groupby("customer_id")["digital_logins"].mean())
    features = behaviour_features(customers=customers, holdings=inputs["holdings"],
                                  activity=activity, aum_3m=aum_3m, logins_3m=logins, as_of=as_of)
    clusters = None
    if len(features) > rules.clusters.k_min:
        clusters = cluster_customers(
            features, rules=rules.clusters, cancel=cancel,
            progress=lambda f, s="": progress(0.3 + 0.3 * f, "clusters"))
    lap("clusters")
    check_cancel(cancel)

    lifecycle = compute_lifecycle(
        customers=customers, holdings=inputs["holdings"], monthly_balances=balances,
        activity=activity, as_of=as_of, rules=rules.lifecycle, cancel=cancel,
        progress=lambda f, s="": progress(0.6 + 0.3 * f, "lifecycle"))
    lap("lifecycle")

    computed_at = dt.datetime.now().replace(microsecond=0).isoformat()
    frame = _combine(ids, tiers.current, contact, rfm, clusters, lifecycle.current, computed_at)
    carry = _carry(inputs, ids=ids, activity=activity, as_of=as_of, rules=rules,
                   tiers_current=tiers.current, logins=logins, clusters=clusters,
                   lifecycle_carry=lifecycle.carry, stage_history=lifecycle.history)
    lap("combine")
    progress(0.95, "combine")
    return SegmentsResult(
        as_of=as_of, computed_at=computed_at, customers=frame,
        tier_history=tiers.history, stage_history=lifecycle.history, stage_flow=lifecycle.flow,
        cluster_profiles=(clusters.profiles if clusters is not None else pd.DataFrame()),
        cluster_k=clusters.k if clusters is not None else None,
        silhouette=clusters.silhouette if clusters is not None else {},
        seconds=round(time.perf_counter() - started, 3), timings=timings, carry=carry)


def _combine(ids: pd.Index, tiers_current: pd.DataFrame, contact: pd.DataFrame, rfm: pd.DataFrame,
             clusters: Any, stages_current: pd.DataFrame, computed_at: str) -> pd.DataFrame:
    """One row per customer in SEGMENT_COLUMNS from the four analyses' frames."""
    frame = pd.DataFrame({"customer_id": ids.to_numpy()})
    frame = frame.merge(tiers_current[["customer_id", "tier", "tier_since", "avg_aum_3m",
                                       "months_below"]], on="customer_id", how="left")
    contact = contact.rename(columns={"status": "contact_status"})
    frame = frame.merge(contact[["customer_id", "contact_status", "last_contact_on", "due_on",
                                 "days_overdue"]], on="customer_id", how="left")
    rfm = rfm.assign(rfm_code=np.char.add(np.char.add(
        np.where(rfm["r_high"], "H", "L"), np.where(rfm["f_high"], "H", "L")),
        np.where(rfm["m_high"], "H", "L")))
    frame = frame.merge(rfm.drop(columns=["r_high", "f_high", "m_high"]), on="customer_id", how="left")
    if clusters is not None:
        frame = frame.merge(clusters.assignments, on="customer_id", how="left")
        frame["cluster"] = frame["cluster"].astype("Int64")
    else:
        frame["cluster"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    stages = stages_current.rename(columns={"reason": "stage_reason", "detail": "stage_detail"})
    frame = frame.merge(stages, on="customer_id", how="left")
    frame["computed_at"] = computed_at
    return frame[SEGMENT_COLUMNS]


# -- incremental refresh ---------------------------------------------------------------------
# The state a full refresh leaves for refresh_segments_incremental (migration 0007).
_STATE_VERSION = 1
_NEVER = np.iinfo(np.int64).max // 4
_STATE_KEYS = {"as_of_day", "last_eval_day", "until_day", "month", "rules", "ids", "watermark",
               "input_changes", "contact_changes", "future_rows", "stage_rows_last",
               "contact_last", "edge_cust", "hold_cust", "tier_ids", "lc_stage_before",
               "opened_day", "closed_day", "birth_day", "next_opening_day"}


def _window_lengths(rules: SegmentRules) -> list[int]:
    w = rules.lifecycle.activity_window_days
    return sorted({rules.rfm.frequency_days, 365, w, 2 * w})


def _rules_text(rules: SegmentRules) -> str:
    return json.dumps(dataclasses.asdict(rules), sort_keys=True)


def _carry(inputs: dict[str, pd.DataFrame], *, ids: pd.Index, activity: ActivityIndex,
           as_of: dt.date, rules: SegmentRules, tiers_current: pd.DataFrame, logins: pd.Series,
           clusters: Any, lifecycle_carry: dict[str, np.ndarray],
           stage_history: pd.DataFrame) -> dict[str, np.ndarray]:
    """What `refresh_segments_incremental` needs to move the results from `as_of` to a later
    day of the same month without re-reading history: window counts at as_of, the transaction
    days about to leave the windows, holdings opening or closing later this month, the tier
    and balance inputs (fixed within a month) and the cluster model."""
    today = day_number(as_of)
    cust = np.arange(len(ids))
    w = rules.lifecycle.activity_window_days
    fd = rules.rfm.frequency_days
    # The latest data date an incremental refresh may reach from here: the day before the
    # month end (closing a month adds a tier step and a month-end evaluation: a full refresh).
    until = day_number(month_end(as_of.strftime("%Y-%m"))) - 1
    counts = np.diff(activity.running, prepend=0)
    digital = np.diff(activity.running_digital, prepend=0)
    key_days = activity.keys % activity_stride()
    edge = np.zeros(len(key_days), dtype=bool)
    for length in _window_lengths(rules):
        edge |= (key_days > today - length) & (key_days <= until - length)
    hold_cust, hold_opened, hold_closed = open_product_counts(inputs["holdings"], customers=ids)
    open_now, ever = products_open_at((hold_cust, hold_opened, hold_closed), today, len(ids))
    moving = (((hold_opened > today) & (hold_opened <= until))
              | ((hold_closed > today) & (hold_closed <= until)))
    aum_3m = tiers_current.set_index("customer_id")["avg_aum_3m"].reindex(ids).fillna(0.0)
    customers = inputs["customers"]
    info = customers.set_index("customer_id").reindex(ids)
    opened_all = day_numbers(customers["opened_on"])
    carry: dict[str, np.ndarray] = {
        **_contact_carry(inputs, ids),
        "opened_day": day_numbers(info["opened_on"]),
        "closed_day": day_numbers(info["closed_on"], missing=_NEVER),
        "birth_day": day_numbers(info["birth_date"]),
        # Customers not yet in the portfolio: the first of them to open ends the shortcut.
        "next_opening_day": np.array(int(opened_all[opened_all > today].min())
                                     if (opened_all > today).any() else _NEVER),
        "version": np.array(_STATE_VERSION),
        "as_of_day": np.array(today), "last_eval_day": np.array(today), "until_day": np.array(until),
        "month": np.array(as_of.strftime("%Y-%m")), "rules": np.array(_rules_text(rules)),
        "ids": np.asarray(ids.to_numpy(), dtype=str),
        "last_day": activity.last_day(cust, today),
        "f_rfm": activity.count_between(cust, today - fd, today),
        "c365": activity.count_between(cust, today - 365, today),
        "d365": activity.count_between(cust, today - 365, today, digital=True),
        "recent": activity.count_between(cust, today - w, today),
        "previous": activity.count_between(cust, today - 2 * w, today - w),
        "edge_cust": (activity.keys[edge] // activity_stride()).astype("int64"),
        "edge_day": key_days[edge].astype("int64"), "edge_n": counts[edge].astype("int64"),
        "edge_digital": digital[edge].astype("int64"),
        "open_now": open_now, "ever": ever,
        "hold_cust": hold_cust[moving], "hold_opened": hold_opened[moving],
        "hold_closed": hold_closed[moving],
        "aum_3m": aum_3m.to_numpy(dtype="float64"),
        "logins_3m": logins.reindex(ids).fillna(0.0).to_numpy(dtype="float64"),
        "tier_ids": np.asarray(tiers_current["customer_id"].to_numpy(), dtype=str),
        "tier": np.asarray(tiers_current["tier"].to_numpy(), dtype=str),
        "tier_since": np.asarray(tiers_current["tier_since"].to_numpy(), dtype=str),
        "tier_aum": tiers_current["avg_aum_3m"].to_numpy(dtype="float64"),
        "months_below": tiers_current["months_below"].to_numpy(dtype="int64"),
        **{f"lc_{name}": values for name, values in lifecycle_carry.items()},
        "stage_rows_last": ids.get_indexer(stage_history.loc[
            (stage_history["entered_on"] == as_of.isoformat()).to_numpy(), "customer_id"]).astype("int64"),
    }
    if clusters is not None and clusters.model is not None:
        carry.update(cluster_mean=clusters.model.mean, cluster_std=clusters.model.std,
                     cluster_centers=clusters.model.centers,
                     silhouette_k=np.array(list(clusters.silhouette), dtype="int64"),
                     silhouette=np.array(list(clusters.silhouette.values()), dtype="float64"))
    return carry


# -- full refresh: read on the database thread, compute on a worker, store on the database thread
@dataclasses.dataclass(frozen=True)
class RefreshSnapshot:
    """What a full refresh computes from, copied out of the portfolio (no connection inside)."""

    inputs: dict[str, pd.DataFrame]
    as_of: dt.date
    rules: SegmentRules
    watermark: int
    changes: tuple[int, int]
    started: float
    read_s: float


@dataclasses.dataclass(frozen=True)
class ComputedRefresh:
    snapshot: RefreshSnapshot
    result: SegmentsResult
    state: dict[str, np.ndarray]


def read_refresh(portfolio: Portfolio) -> RefreshSnapshot:
    """Database thread: the exchange tables' snapshots, the rules and the change marks."""
    started = time.perf_counter()
    as_of = data_date.as_of(portfolio)
    rules = load_rules(portfolio)
    # Read before the data: a change made after this point makes the stored marks stale, so the
    # next incremental refresh falls back to a full one rather than missing it.
    watermark = highest_txn_id(portfolio)
    changes = input_changes(portfolio)
    inputs = read_inputs(portfolio, as_of=as_of)
    return RefreshSnapshot(inputs, as_of, rules, int(watermark), (changes[0], changes[1]), started,
                           time.perf_counter() - started)


def compute_refresh(snapshot: RefreshSnapshot, *, progress: Progress = no_progress,
                    cancel: CancelCheck = never) -> ComputedRefresh:
    """Off the database thread: tiers, RFM, clusters and lifecycle from the snapshot."""
    check_cancel(cancel)
    result = compute_segments(snapshot.inputs, as_of=snapshot.as_of, rules=snapshot.rules, cancel=cancel,
                              progress=lambda f, s="": progress(0.2 + 0.65 * f, s))
    check_cancel(cancel)
    state = dict(result.carry)
    if state:
        future = bool((snapshot.inputs["transactions"]["day"].to_numpy() > day_number(snapshot.as_of)).any())
        state.update(watermark=np.array(snapshot.watermark), input_changes=np.array(snapshot.changes[0]),
                     contact_changes=np.array(snapshot.changes[1]),
                     future_rows=np.array(future))
    return ComputedRefresh(snapshot, result, state)


@writes(Topic.SEGMENTS)
def store_refresh(portfolio: Portfolio, computed: ComputedRefresh) -> SegmentsResult:
    """Database thread: replace the stored results and the incremental state in one transaction."""
    snapshot, result = computed.snapshot, computed.result
    written = time.perf_counter()
    _write(portfolio, result, snapshot.rules, started=snapshot.started, state=computed.state)
    timings = {"read": round(snapshot.read_s, 3), **result.timings,
               "write": round(time.perf_counter() - written, 3)}
    return dataclasses.replace(result, seconds=round(time.perf_counter() - snapshot.started, 3),
                               timings=timings)


#: A full refresh as three stages (relmgr/services/staged.py), so the window computes it off the
#: database thread.
REFRESH_SEGMENTS = Staged(read_refresh, compute_refresh, store_refresh)


@writes(Topic.SEGMENTS)
def refresh_segments(portfolio: Portfolio, *, progress: Progress = no_progress,
                     cancel: CancelCheck = never) -> SegmentsResult:
    """Recompute everything as of the portfolio's data date and store it in one transaction,
    with the state a later `refresh_segments_incremental` continues from."""
    progress(0.0, "reading")
    result = REFRESH_SEGMENTS.run(portfolio, progress=progress, cancel=cancel)
    progress(1.0, "done")
    return result


def _json_column(values: pd.Series) -> list[str]:
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return [encode(v) for v in values]


def _write(portfolio: Portfolio, result: SegmentsResult, rules: SegmentRules, *,
           started: float, state: dict[str, np.ndarray]) -> None:
    # Not cancellable: cancel is checked up to the moment the write starts, and the write is
    # one transaction of a second or two at branch scale.
    customers = result.customers.assign(stage_detail=_json_column(result.customers["stage_detail"]))
    stage_history = result.stage_history.assign(detail=_json_column(result.stage_history["detail"]))
    profiles = _profiles_for_storage(result.cluster_profiles)
    with portfolio.transaction():
        for table in ("customer_segments", "tier_history", "stage_history", "stage_flow",
                      "cluster_profiles"):
            portfolio.conn.execute(f"DELETE FROM {table}")
        for table, frame in (("customer_segments", customers),
                             ("tier_history", result.tier_history),
                             ("stage_history", stage_history),
                             ("stage_flow", result.stage_flow),
                             ("cluster_profiles", profiles)):
            if len(frame):
                portfolio.insert_frame(table, frame)
        save_state(portfolio, state)
        _record_run(portfolio, result, rules, started=started)


def _profiles_for_storage(profiles: pd.DataFrame) -> pd.DataFrame:
    if len(profiles):
        profiles = profiles.assign(traits=[json.dumps([list(t) for t in traits])
                                           for traits in profiles["traits"]])
    return profiles


def _record_run(portfolio: Portfolio, result: SegmentsResult, rules: SegmentRules, *,
                started: float) -> None:
    portfolio.insert_rows(
        "segment_runs", ["as_of", "computed_at", "customers", "cluster_k", "silhouette",
                         "rules", "seconds"],
        [(result.as_of.isoformat(), result.computed_at, len(result.customers), result.cluster_k,
          json.dumps({str(k): round(v, 4) for k, v in result.silhouette.items()}),
          json.dumps(dataclasses.asdict(rules)), round(time.perf_counter() - started, 3))])


class FullRefreshNeeded(Exception):
    """`refresh_segments_incremental(fall_back=False)` cannot bring the results forward; the
    message says why. The window then runs the full refresh in stages (REFRESH_SEGMENTS)."""


@writes(Topic.SEGMENTS)
def refresh_segments_incremental(portfolio: Portfolio, *, progress: Progress = no_progress,
                                 cancel: CancelCheck = never, fall_back: bool = True) -> SegmentsResult:
    """Bring the stored segmentation to the portfolio's data date by updating it from the state
    of the last refresh instead of recomputing history; falls back to `refresh_segments` (and
    says why in `full_because`) whenever that would not give the same answer.

    It applies when all of these hold (otherwise a full refresh runs):
    - a refresh stored its state under the same team rules;
    - customers' dates, holdings, monthly balances and booked transactions are unchanged since
      (migration 0007's triggers and the importer count every change); transactions may have
      been appended and the contact log may have changed;
    - the data date is after the last full refresh's, in the same month, and not yet the month
      end (closing a month adds a tier step and a month-end lifecycle evaluation for everyone);
    - the new transactions, found as those numbered above the highest txn_id at the last full
      refresh (the exchange format appends transactions with their booking numbers), are all
      dated after that refresh's data date and on or before the new one; no transaction dated
      after the data date was on file at the full refresh; no customer joined since.

    Each incremental refresh starts again from the state of the last full refresh (the base),
    so successive days within a month stay exact and a day's transactions imported late (but
    after the base date) are still counted.

    Then, for every customer, transaction counts in the sliding windows (12-month frequency,
    the lifecycle's recent / previous windows) move by the new transactions minus those that
    left the windows (kept in the state), and the portfolio-wide steps run again vectorised:
    RFM medians and quintiles, contact cadence from the whole contact log, the lifecycle rules
    at the new date against each customer's stage at the last month end. Tiers cannot change
    within a month without new balances, so they are kept. Tiers, RFM and stages equal those
    of a full refresh. Clusters are *assigned* with the stored centroids and standardisation,
    not refitted, so they stay stable day to day and may differ from a refit (which the next
    full refresh does); their profiles are recomputed from the new members.

    The contact log is re-read only when it changed (counted by triggers); otherwise the last
    contact per customer comes from the state.

    Writes: every customer_segments row (recency and the stage numbers move daily for nearly
    everyone), this month's stage_history and stage_flow rows, cluster_profiles, a segment_runs
    row and which stage_history rows it wrote; tier_history and the base are untouched."""
    started = time.perf_counter()
    as_of = data_date.as_of(portfolio)
    rules = load_rules(portfolio)
    progress(0.0, "reading")
    state = load_state(portfolio)
    blocker, fresh = _incremental_blocker(portfolio, state, as_of=as_of, rules=rules)
    if not blocker and int(state["next_opening_day"]) <= day_number(as_of):
        blocker = "customers joined since the last refresh"
    if blocker:
        if not fall_back:
            raise FullRefreshNeeded(blocker)
        result = refresh_segments(portfolio, progress=progress, cancel=cancel)
        return dataclasses.replace(result, full_because=blocker)
    assert fresh is not None
    ids = pd.Index(state["ids"].astype(object), name="customer_id")
    # The contact log is re-read only when it changed since the state was taken.
    contacts_now = input_changes(portfolio)[1]
    contact_state: dict[str, np.ndarray] = {}
    if contacts_now != int(state["contact_changes"]):
        contact_state = {**_contact_carry(_read_contacts(portfolio, as_of=as_of), ids),
                         "contact_changes": np.array(contacts_now)}
    last_contact = _last_contact_at({**state, **contact_state}, as_of=as_of)
    timings = {"read": round(time.perf_counter() - started, 3)}
    check_cancel(cancel)

    lap_start = time.perf_counter()
    updated = _slide_windows(state, fresh, ids=ids, as_of=as_of, rules=rules)
    # Customers' dates are as in the state: the change counter would have said otherwise.
    opened, closed = state["opened_day"], state["closed_day"]
    today = day_number(as_of)

    tiers_current = pd.DataFrame({
        "customer_id": state["tier_ids"].astype(object), "tier": state["tier"].astype(object),
        "tier_since": state["tier_since"].astype(object), "avg_aum_3m": state["tier_aum"],
        "months_below": state["months_below"]})
    rows = ids.get_indexer(tiers_current["customer_id"])
    contact = contact_due_days(
        customer_id=tiers_current["customer_id"].to_numpy(), tier=tiers_current["tier"].to_numpy(),
        opened_day=opened[rows], closed_day=closed[rows], last_contact_day=last_contact[rows],
        as_of=as_of, rules=rules.tiers)
    rfm = rfm_from_values(ids=ids, last_day=updated["last_day"], frequency=updated["f_rfm"],
                          monetary=state["aum_3m"], as_of=as_of)
    features = features_from_values(
        ids=ids, as_of=as_of, closed_day=closed,
        birth_day=state["birth_day"], opened_day=opened, txns_12m=updated["c365"],
        digital_12m=updated["d365"], open_products=updated["open_now"], aum_3m=state["aum_3m"],
        logins_3m=state["logins_3m"])
    model = ClusterModel(mean=state["cluster_mean"], std=state["cluster_std"],
                         centers=state["cluster_centers"])
    silhouette = {int(k): float(v) for k, v in zip(state["silhouette_k"], state["silhouette"])}
    clusters = assign_clusters(features, model=model, silhouette=silhouette, rules=rules.clusters)
    lifecycle = reevaluate_last(
        ids=ids, as_of=as_of, month=str(state["month"]),
        carry={name[3:]: values for name, values in state.items() if name.startswith("lc_")},
        opened=opened, closed=closed, open_now=updated["open_now"], ever=updated["ever"],
        last=updated["last_day"], recent=updated["recent"], previous=updated["previous"],
        rules=rules.lifecycle)
    computed_at = dt.datetime.now().replace(microsecond=0).isoformat()
    frame = _combine(ids, tiers_current, contact, rfm, clusters, lifecycle.current, computed_at)
    timings["compute"] = round(time.perf_counter() - lap_start, 3)
    check_cancel(cancel)
    progress(0.6, "writing")

    result = SegmentsResult(
        as_of=as_of, computed_at=computed_at, customers=frame,
        tier_history=pd.DataFrame(columns=["customer_id", "month", "tier", "change",
                                           "previous_tier", "avg_aum_3m"]),
        stage_history=lifecycle.history, stage_flow=lifecycle.flow,
        cluster_profiles=clusters.profiles, cluster_k=clusters.k, silhouette=silhouette,
        seconds=0.0, mode="incremental")
    lap_start = time.perf_counter()
    previous_day = date_of(int(state["last_eval_day"])).isoformat()
    with portfolio.transaction():
        portfolio.conn.execute("DELETE FROM customer_segments")
        portfolio.insert_frame("customer_segments",
                               frame.assign(stage_detail=_json_column(frame["stage_detail"])))
        check_cancel(cancel)
        # The last evaluation was at the old data date; its rows give way to the new date's.
        portfolio.conn.executemany(
            "DELETE FROM stage_history WHERE customer_id = ? AND entered_on = ?",
            [(customer_id, previous_day) for customer_id in ids[state["stage_rows_last"]]])
        if len(lifecycle.history):
            portfolio.insert_frame("stage_history", lifecycle.history.assign(
                detail=_json_column(lifecycle.history["detail"])))
        portfolio.conn.execute("DELETE FROM stage_flow WHERE month = ?", (str(state["month"]),))
        portfolio.insert_frame("stage_flow", lifecycle.flow)
        portfolio.conn.execute("DELETE FROM cluster_profiles")
        profiles = _profiles_for_storage(clusters.profiles)
        if len(profiles):
            portfolio.insert_frame("cluster_profiles", profiles)
        check_cancel(cancel)
        # The base (the last full refresh's figures) stays: the next incremental refresh
        # starts from it again, so only the rows written here need remembering.
        update_state(portfolio, {
            "last_eval_day": np.array(today),
            "stage_rows_last": ids.get_indexer(lifecycle.history["customer_id"]).astype("int64"),
            **contact_state})
        _record_run(portfolio, result, rules, started=started)
    timings["write"] = round(time.perf_counter() - lap_start, 3)
    progress(1.0, "done")
    return dataclasses.replace(result, seconds=round(time.perf_counter() - started, 3),
                               timings=timings)


def _incremental_blocker(portfolio: Portfolio, state: dict[str, np.ndarray], *, as_of: dt.date,
                         rules: SegmentRules) -> tuple[str, dict[str, Any] | None]:
    """("", new transactions) when the incremental path applies, else (why not, None)."""
    if not state or int(state.get("version", -1)) != _STATE_VERSION or not _STATE_KEYS <= set(state):
        return "no stored state from an earlier refresh", None
    if "cluster_centers" not in state:
        return "no cluster model stored (too few customers at the last refresh)", None
    if str(state["rules"]) != _rules_text(rules):
        return "the team rules changed", None
    if int(state["input_changes"]) != input_changes(portfolio)[0]:
        return "customers, holdings, monthly balances or booked transactions changed", None
    if bool(state["future_rows"]):
        return "transactions dated after the data date were on file", None
    today, before = day_number(as_of), int(state["as_of_day"])
    if today <= before:
        return "the data date is not after the last full refresh's", None
    if today > int(state["until_day"]) or as_of.strftime("%Y-%m") != str(state["month"]):
        return "the data date reached or passed a month end", None
    watermark = int(state["watermark"])
    highest = highest_txn_id(portfolio)
    new = (read_activity_days(portfolio, kinds=CUSTOMER_INITIATED_KINDS,
                              digital_channels=DIGITAL_CHANNELS, after_txn_id=watermark)
           if highest > watermark else None)
    if new is not None and len(new):
        days = new["day"].to_numpy()
        if (days <= before).any():
            return "new transactions are dated on or before the last full refresh's data date", None
        if (days > today).any():
            return "new transactions are dated after the data date", None
    return "", {"new": new}


def _slide_windows(state: dict[str, np.ndarray], fresh: dict[str, Any], *, ids: pd.Index,
                   as_of: dt.date, rules: SegmentRules) -> dict[str, np.ndarray]:
    """Per-customer activity and holdings figures at as_of from those at the state's date:
    each window count gains the new transactions and loses the days that slid out of it."""
    size = len(ids)
    before, today = int(state["as_of_day"]), day_number(as_of)
    cust, day = state["edge_cust"], state["edge_day"]
    count, digital = state["edge_n"], state["edge_digital"]
    new = fresh["new"]
    if new is not None and len(new):
        positions = ActivityIndex.build(new, customers=ids, as_of=as_of)
        new_cust = positions.keys // activity_stride()
        cust = np.concatenate([cust, new_cust])
        day = np.concatenate([day, positions.keys % activity_stride()])
        count = np.concatenate([count, np.diff(positions.running, prepend=0)])
        digital = np.concatenate([digital, np.diff(positions.running_digital, prepend=0)])

    def moved(name: str, length: int, *, digital_only: bool = False, end: int = 0) -> np.ndarray:
        """Window (T - length, T - end] moved from T = before to T = today."""
        values = digital if digital_only else count
        gained = facts_between(cust, day, values, after=before - end, until=today - end, size=size)
        lost = facts_between(cust, day, values, after=before - length, until=today - length,
                             size=size)
        return state[name] + gained - lost

    w = rules.lifecycle.activity_window_days
    last = state["last_day"].copy()
    recent_new = (day > before) & (day <= today)
    np.maximum.at(last, cust[recent_new], day[recent_new])
    hold_cust, opened, closed = state["hold_cust"], state["hold_opened"], state["hold_closed"]
    opens = (opened > before) & (opened <= today)
    open_now = (state["open_now"]
                + np.bincount(hold_cust[opens & (closed > today)], minlength=size)
                - np.bincount(hold_cust[(opened <= before) & (closed > before) & (closed <= today)],
                              minlength=size))
    return {
        "last_day": last,
        "f_rfm": moved("f_rfm", rules.rfm.frequency_days),
        "c365": moved("c365", 365), "d365": moved("d365", 365, digital_only=True),
        "recent": moved("recent", w), "previous": moved("previous", 2 * w, end=w),
        "open_now": open_now, "ever": state["ever"] + np.bincount(hold_cust[opens], minlength=size),
    }


def load_segments(portfolio: Portfolio) -> SegmentsResult | None:
    """The stored results of the last refresh, or None if segments were never computed."""
    run = portfolio.query("SELECT as_of, computed_at, cluster_k, silhouette, seconds "
                          "FROM segment_runs ORDER BY run_id DESC LIMIT 1")
    if not run:
        return None
    as_of, computed_at, k, silhouette, seconds = run[0]
    customers = portfolio.read_frame(
        f"SELECT {', '.join(SEGMENT_COLUMNS)} FROM customer_segments ORDER BY customer_id")
    for column in ("months_below", "days_overdue", "recency_days", "frequency", "r_score",
                   "f_score", "m_score", "cluster"):
        customers[column] = pd.to_numeric(customers[column]).astype("Int64")
    customers["stage_detail"] = [json.loads(v) for v in customers["stage_detail"]]
    stage_history = portfolio.read_frame(
        "SELECT customer_id, entered_on, stage, reason, detail FROM stage_history "
        "ORDER BY customer_id, entered_on")
    stage_history["detail"] = [json.loads(v) for v in stage_history["detail"]]
    profiles = portfolio.read_frame("SELECT * FROM cluster_profiles ORDER BY cluster")
    profiles["traits"] = [[tuple(t) for t in json.loads(v)] for v in profiles["traits"]]
    return SegmentsResult(
        as_of=dt.date.fromisoformat(as_of), computed_at=computed_at, customers=customers,
        tier_history=portfolio.read_frame(
            "SELECT customer_id, month, tier, change, previous_tier, avg_aum_3m FROM tier_history "
            "ORDER BY customer_id, month"),
        stage_history=stage_history,
        stage_flow=portfolio.read_frame(
            "SELECT month, from_stage, to_stage, count FROM stage_flow "
            "ORDER BY month, from_stage, to_stage"),
        cluster_profiles=profiles, cluster_k=k,
        silhouette={int(key): value for key, value in json.loads(silhouette).items()},
        seconds=seconds)


def _counts(values: pd.Series, codes: list[str]) -> dict[str, int]:
    counted = values.value_counts()
    return {code: int(counted.get(code, 0)) for code in codes}


def segments_report(portfolio: Portfolio, *, refresh: bool = False) -> dict[str, Any]:
    """JSON-able report for `relmgr segments FILE --json`: per customer tier, RFM segment,
    cluster, stage with reason codes and numbers; totals per tier / segment / stage / cluster.
    Refreshes first when asked, when nothing is stored, or when the stored results describe an
    older data date than the portfolio's."""
    stored = None if refresh else load_segments(portfolio)
    if stored is None or stored.as_of != data_date.as_of(portfolio):
        refresh_segments(portfolio)
        stored = load_segments(portfolio)
    assert stored is not None
    frame = stored.customers
    per_customer = [
        {"customer_id": row.customer_id, "tier": row.tier, "tier_since": row.tier_since,
         "avg_aum_3m": round(float(row.avg_aum_3m), 2), "contact_status": row.contact_status,
         "days_overdue": None if pd.isna(row.days_overdue) else int(row.days_overdue),
         "rfm_segment": row.rfm_segment, "rfm_code": row.rfm_code,
         "cluster": None if pd.isna(row.cluster) else int(row.cluster),
         "stage": row.stage, "stage_since": row.stage_since, "stage_reason": row.stage_reason,
         "stage_detail": row.stage_detail}
        for row in frame.itertuples(index=False)]
    profiles = stored.cluster_profiles
    return {
        "as_of": stored.as_of.isoformat(),
        "computed_at": stored.computed_at,
        "customers": len(frame),
        "totals": {
            "tier": _counts(frame["tier"], [t.value for t in Tier]),
            "rfm_segment": _counts(frame["rfm_segment"], [s.value for s in RfmSegment]),
            "stage": _counts(frame["stage"], [s.value for s in Stage]),
            "cluster": {str(int(c)): int(n) for c, n in
                        frame["cluster"].dropna().value_counts().sort_index().items()},
            "contact_status": {str(k): int(v) for k, v in
                               frame["contact_status"].dropna().value_counts().sort_index().items()},
        },
        "clusters": [{"cluster": int(p.cluster), "size": int(p.size), "share": round(float(p.share), 4),
                      "traits": [list(t) for t in p.traits]}
                     for p in profiles.itertuples(index=False)],
        "cluster_k": stored.cluster_k,
        "per_customer": per_customer,
    }
