"""What the Service tiers, Segments and Lifecycle pages show, built from the stored segmentation
(services/segments.py) joined with each customer's masked name and AUM.

One `load_segment_views` call reads everything once after a refresh; the pages then filter in
memory. Names are masked here, so no page ever holds a full name it does not need.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from typing import Any

import pandas as pd

from relmgr.domain.pii import mask_name
from relmgr.domain.segments import ContactStatus, RfmSegment, Stage, Tier
from relmgr.services import data_date
from relmgr.services.segments import load_rules, load_segments
from relmgr.storage import Portfolio


@dataclasses.dataclass(frozen=True)
class SegmentViews:
    as_of: dt.date
    computed_at: str
    customers: pd.DataFrame       # one row per customer: codes + name_masked, aum, due info
    tiers: pd.DataFrame           # per tier: customers, aum, aum_share, cadence_days, due, overdue
    tier_changes: pd.DataFrame    # moves that took effect in the data date's month
    rfm: pd.DataFrame             # per RFM segment: customers, share, aum, aum_share
    clusters: pd.DataFrame        # cluster profiles (traits as (feature, level, z) tuples)
    stages: pd.DataFrame          # per stage: customers, aum_share
    stage_months: pd.DataFrame    # month x stage counts (customers in each stage at month end)
    stage_moves: pd.DataFrame     # month, from_stage, to_stage, count (moves only, no stays)


def is_current(portfolio: Portfolio) -> bool:
    """True when stored segments describe the portfolio's current data date."""
    rows = portfolio.query("SELECT as_of FROM segment_runs ORDER BY run_id DESC LIMIT 1")
    return bool(rows) and rows[0][0] == data_date.as_of(portfolio).isoformat()


def _share(part: pd.Series, total: float) -> pd.Series:
    return part / total if total else part * 0.0


_CONTACT_FIELDS = ["contact_status", "last_contact_on", "due_on", "days_overdue"]


def _with_live_contact_status(portfolio: Portfolio, customers: pd.DataFrame, *, as_of: dt.date,
                              rules: Any) -> pd.DataFrame:
    """The stored segmentation with each customer's contact status as the contact log has it now,
    computed exactly as Today's list and the due-contacts export compute it: a contact logged
    since the last refresh counts at once, so the tiers' due counts agree with Today."""
    from relmgr.services.worklist import read_contact_due
    from relmgr.storage import worklist_store

    live = read_contact_due(portfolio, today=as_of, tiers=customers[["customer_id", "tier"]],
                            customers=worklist_store.read_customer_dates(portfolio), tier_rules=rules.tiers)
    live = live.rename(columns={"status": "contact_status"}).set_index("customer_id")[_CONTACT_FIELDS]
    out = customers.set_index("customer_id")
    known = out.index.isin(live.index)
    for field in _CONTACT_FIELDS:
        values = out[field].astype(object)
        values[known] = live[field].reindex(out.index[known]).astype(object).to_numpy()
        out[field] = values
    return out.reset_index()


def load_segment_views(portfolio: Portfolio) -> SegmentViews | None:
    stored = load_segments(portfolio)
    if stored is None:
        return None
    rules = load_rules(portfolio)
    people = portfolio.read_frame(
        "SELECT c.customer_id, c.name, COALESCE(s.aum, 0) AS aum FROM customers AS c "
        "LEFT JOIN customer_summary AS s USING (customer_id)")
    people["name_masked"] = [mask_name(n) for n in people.pop("name")]
    customers = _with_live_contact_status(portfolio, stored.customers, as_of=stored.as_of, rules=rules)
    customers = customers.merge(people, on="customer_id", how="left")
    customers["aum"] = customers["aum"].fillna(0.0)

    open_customers = customers[customers["stage"] != Stage.CHURNED]
    total_aum = float(open_customers["aum"].sum())
    tier_rows = []
    for tier in Tier:
        members = open_customers[open_customers["tier"] == tier]
        tier_rows.append({
            "tier": tier.value, "customers": len(members), "aum": float(members["aum"].sum()),
            "cadence_days": rules.tiers.cadence_days(tier),
            "due": int((members["contact_status"] == ContactStatus.DUE).sum()),
            "overdue": int((members["contact_status"] == ContactStatus.OVERDUE).sum())})
    tiers = pd.DataFrame(tier_rows)
    tiers["aum_share"] = _share(tiers["aum"], total_aum)

    month = stored.as_of.isoformat()[:7]
    history = stored.tier_history
    changes = history[(history["month"] == month) & history["change"].isin(["UP", "DOWN"])]
    tier_changes = changes.merge(people, on="customer_id", how="left")

    rfm = (open_customers.groupby("rfm_segment")["aum"].agg(["size", "sum"])
           .reindex([s.value for s in RfmSegment], fill_value=0)
           .rename(columns={"size": "customers", "sum": "aum"}).rename_axis("rfm_segment").reset_index())
    rfm["share"] = _share(rfm["customers"].astype(float), float(rfm["customers"].sum()))
    rfm["aum_share"] = _share(rfm["aum"], total_aum)

    stages = (customers.groupby("stage")["aum"].agg(["size", "sum"])
              .reindex([s.value for s in Stage], fill_value=0)
              .rename(columns={"size": "customers", "sum": "aum"}).rename_axis("stage").reset_index())
    stages["aum_share"] = _share(stages["aum"], float(stages["aum"].sum()))

    flow = stored.stage_flow
    stage_months = (flow.groupby(["month", "to_stage"])["count"].sum().unstack(fill_value=0)
                    .reindex(columns=[s.value for s in Stage], fill_value=0))
    moves = flow[flow["from_stage"] != flow["to_stage"]].reset_index(drop=True)
    return SegmentViews(stored.as_of, stored.computed_at, customers, tiers,
                        tier_changes.reset_index(drop=True), rfm, stored.cluster_profiles, stages,
                        stage_months, moves)
