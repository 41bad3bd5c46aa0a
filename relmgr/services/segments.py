"""Refresh, store and load the segmentation of a portfolio: service tiers and contact cadence,
RFM segments, behaviour clusters and lifecycle stages (issue 4).

`refresh_segments` reads snapshots of the exchange tables, runs the pure analytics
(relmgr/analytics: tiers, rfm, clusters, lifecycle) as of the portfolio's data date (meta
'as_of', never the wall clock) under the team's rules, and replaces the stored results in one
transaction: a cancelled or failed refresh leaves the previous results untouched.
`load_segments` reads the stored results for views; `segments_report` is the JSON of the
`relmgr segments` command.

Transactions are read as customer-initiated rows with a digital flag computed by SQL (fewer
and smaller values than the raw rows); the analytics index them by customer and day.
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
    ActivityIndex,
    customer_index,
    month_end,
)
from relmgr.analytics.clusters import behaviour_features, cluster_customers
from relmgr.analytics.lifecycle import compute_lifecycle
from relmgr.analytics.rfm import compute_rfm
from relmgr.analytics.tiers import compute_tiers, contact_due
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
from relmgr.storage.activity_read import read_activity_days
from relmgr.storage.rules import get_rule

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


def load_rules(portfolio: Portfolio) -> SegmentRules:
    """The defaults with the team's overrides from team_rules applied."""
    defaults = SegmentRules()
    return SegmentRules(**{
        group: rules_with_overrides(getattr(defaults, group), get_rule(portfolio, key))
        for group, key in RULE_KEYS.items()})


def portfolio_as_of(portfolio: Portfolio) -> dt.date:
    """The portfolio's data date (meta 'as_of'); without one, the last transaction date."""
    text = portfolio.get_meta("as_of")
    if not text:
        row = portfolio.query("SELECT MAX(txn_date) FROM transactions")
        text = row[0][0] if row and row[0][0] else None
    if not text:
        raise ValueError("the portfolio has no data date (meta 'as_of') and no transactions")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"the portfolio's data date {text!r} is not YYYY-MM-DD") from None


def read_inputs(portfolio: Portfolio, *, as_of: dt.date) -> dict[str, pd.DataFrame]:
    """Snapshots of what the analytics need, shaped like the schema tables."""
    end = as_of.isoformat()
    return {
        "customers": portfolio.read_frame(
            "SELECT customer_id, birth_date, opened_on, closed_on FROM customers"),
        "holdings": portfolio.read_frame(
            "SELECT customer_id, opened_on, closed_on FROM holdings"),
        "monthly_balances": portfolio.read_frame(
            "SELECT customer_id, month, aum_avg, aum_end, digital_logins FROM monthly_balances "
            "WHERE month <= ?", (as_of.strftime("%Y-%m"),)),
        # customer_id, day, digital: see storage/activity_read.py for why not a plain scan.
        "transactions": read_activity_days(portfolio, kinds=CUSTOMER_INITIATED_KINDS,
                                           digital_channels=DIGITAL_CHANNELS, until=end),
        # The latest interaction per customer and outcome is all a cadence needs.
        "interactions": portfolio.read_frame(
            "SELECT customer_id, outcome, MAX(occurred_at) AS occurred_at FROM interactions "
            "WHERE substr(occurred_at, 1, 10) <= ? GROUP BY customer_id, outcome", (end,)),
    }


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
    frame = pd.DataFrame({"customer_id": ids.to_numpy()})
    frame = frame.merge(tiers.current[["customer_id", "tier", "tier_since", "avg_aum_3m",
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
    stages = lifecycle.current.rename(columns={"reason": "stage_reason", "detail": "stage_detail"})
    frame = frame.merge(stages, on="customer_id", how="left")
    frame["computed_at"] = computed_at
    lap("combine")
    progress(0.95, "combine")
    return SegmentsResult(
        as_of=as_of, computed_at=computed_at, customers=frame[SEGMENT_COLUMNS],
        tier_history=tiers.history, stage_history=lifecycle.history, stage_flow=lifecycle.flow,
        cluster_profiles=(clusters.profiles if clusters is not None else pd.DataFrame()),
        cluster_k=clusters.k if clusters is not None else None,
        silhouette=clusters.silhouette if clusters is not None else {},
        seconds=round(time.perf_counter() - started, 3), timings=timings)


def refresh_segments(portfolio: Portfolio, *, progress: Progress = no_progress,
                     cancel: CancelCheck = never) -> SegmentsResult:
    """Recompute everything as of the portfolio's data date and store it in one transaction."""
    started = time.perf_counter()
    as_of = portfolio_as_of(portfolio)
    rules = load_rules(portfolio)
    progress(0.0, "reading")
    inputs = read_inputs(portfolio, as_of=as_of)
    read_s = time.perf_counter() - started
    check_cancel(cancel)
    result = compute_segments(inputs, as_of=as_of, rules=rules, cancel=cancel,
                              progress=lambda f, s="": progress(0.2 + 0.65 * f, s))
    check_cancel(cancel)
    written = time.perf_counter()
    _write(portfolio, result, rules, cancel=cancel, started=started)
    timings = {"read": round(read_s, 3), **result.timings,
               "write": round(time.perf_counter() - written, 3)}
    progress(1.0, "done")
    return dataclasses.replace(result, seconds=round(time.perf_counter() - started, 3),
                               timings=timings)


def _json_column(values: pd.Series) -> list[str]:
    return [json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in values]


def _write(portfolio: Portfolio, result: SegmentsResult, rules: SegmentRules, *,
           cancel: CancelCheck, started: float) -> None:
    customers = result.customers.assign(stage_detail=_json_column(result.customers["stage_detail"]))
    stage_history = result.stage_history.assign(detail=_json_column(result.stage_history["detail"]))
    profiles = result.cluster_profiles
    if len(profiles):
        profiles = profiles.assign(traits=[json.dumps([list(t) for t in traits])
                                           for traits in profiles["traits"]])
    with portfolio.transaction():
        for table in ("customer_segments", "tier_history", "stage_history", "stage_flow",
                      "cluster_profiles"):
            portfolio.conn.execute(f"DELETE FROM {table}")
        for table, frame in (("customer_segments", customers),
                             ("tier_history", result.tier_history),
                             ("stage_history", stage_history),
                             ("stage_flow", result.stage_flow),
                             ("cluster_profiles", profiles)):
            check_cancel(cancel)  # raising here rolls the whole refresh back
            if len(frame):
                portfolio.insert_frame(table, frame)
        portfolio.insert_rows(
            "segment_runs", ["as_of", "computed_at", "customers", "cluster_k", "silhouette",
                             "rules", "seconds"],
            [(result.as_of.isoformat(), result.computed_at, len(customers), result.cluster_k,
              json.dumps({str(k): round(v, 4) for k, v in result.silhouette.items()}),
              json.dumps(dataclasses.asdict(rules)), round(time.perf_counter() - started, 3))])


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
    if stored is None or stored.as_of != portfolio_as_of(portfolio):
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
