"""Campaign results as the window and `relmgr campaigns FILE --json` show them (issue 17):
storage/campaign_store.py reads what happened, analytics/campaign_results.py judges it."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from typing import Any

from relmgr.analytics.campaign_results import ArmComparison, CampaignResult, campaign_result
from relmgr.services.changes import Topic, writes
from relmgr.services.data_date import as_of
from relmgr.storage.campaign_store import read_campaign_offers, read_campaigns
from relmgr.storage.portfolio import Portfolio


@dataclass(frozen=True)
class CampaignReport:
    campaign_id: str
    name: str
    product_id: str | None
    start_on: str
    end_on: str
    window_end: str          # the campaign's end, or the data date while it runs
    channel: str
    cost_per_contact: float
    result: CampaignResult
    product_names: tuple[str, str] = ("", "")   # (Chinese, English) from the catalogue; "" when unknown


def load_campaign_reports(portfolio: Portfolio, *, today: dt.date | None = None) -> list[CampaignReport]:
    day = as_of(portfolio, today).isoformat()
    reports = []
    for row in read_campaigns(portfolio).itertuples(index=False):
        window_end = min(row.end_on, day)
        offers = read_campaign_offers(portfolio, row.campaign_id, window_end=window_end)
        offers["converted"] = offers["converted"].astype(bool)
        if not (offers["tier"] != "").any():
            offers = offers.drop(columns="tier")   # no refresh yet: no tiers to break down by
        reports.append(CampaignReport(row.campaign_id, row.name, row.product_id, row.start_on, row.end_on,
                                      window_end, row.channel, float(row.cost_per_contact),
                                      campaign_result(offers, cost_per_contact=float(row.cost_per_contact)),
                                      (row.product_name_zh, row.product_name_en)))
    return reports


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def _arms_json(comparison: ArmComparison) -> dict[str, Any]:
    arms = {"treatment": comparison.treatment}
    if comparison.control is not None:
        arms["control"] = comparison.control
    return {name: {"n": arm.n, "converted": arm.converted, "rate": _rounded(arm.rate)} for name, arm in arms.items()}


def _comparison_json(comparison: ArmComparison) -> dict[str, Any]:
    return {"arms": _arms_json(comparison),
            "uplift": _rounded(comparison.uplift),
            "uplift_ci": None if comparison.uplift_ci is None else [_rounded(v) for v in comparison.uplift_ci],
            "p_value": _rounded(comparison.p_value, 6),
            "test": None if comparison.test is None else comparison.test.value,
            "verdict": comparison.verdict.value}


def campaigns_json(reports: list[CampaignReport]) -> dict[str, Any]:
    """`{"campaigns": [...]}` as issue 17 specifies, each also with its verdict, the test used,
    its window and the breakdowns by tier and by the customers' preferred channel. `revenue` is
    all the contacted customers' sales brought, `incremental_revenue` the part beyond what the
    control's rate would have brought, and `roi` is on that part (analytics/campaign_results.py)."""
    campaigns = []
    for r in reports:
        res = r.result
        campaigns.append({
            "id": r.campaign_id, "name": r.name,
            **_comparison_json(res.comparison),
            "incremental_aum": res.incremental_aum, "cost": res.cost, "revenue": res.revenue,
            "incremental_revenue": res.incremental_revenue,
            "roi": _rounded(res.roi),
            "product_id": r.product_id, "start_on": r.start_on, "end_on": r.end_on,
            "window_end": r.window_end, "channel": r.channel,
            "by_tier": {k: _comparison_json(v) for k, v in res.by_tier.items()},
            "by_channel": {k: _comparison_json(v) for k, v in res.by_channel.items()},
        })
    return {"campaigns": campaigns}


@dataclass(frozen=True)
class CampaignForm:
    """What the campaign dialog needs: the saved lists and the frame their members come from
    (services.target_lists.load_list_builder: its products are the whole catalogue), and the
    team's control share."""

    lists: Any      # ListBuilderData
    control_share: float


def load_campaign_form(portfolio: Portfolio) -> CampaignForm:
    from relmgr.services.target_lists import load_list_builder
    from relmgr.services.team_rules import current_rules

    return CampaignForm(load_list_builder(portfolio), float(current_rules(portfolio)["marketing.control_share"]))


def split_list(target: Any, criteria: dict[str, Any], *, share: float, seed: int) -> tuple[list[str], set[str]]:
    """A list's members (TargetFrame `target`) and the control group drawn from them: what
    create_campaign stores, and what the dialog previews before it does."""
    from relmgr.services.target_lists import members

    chosen = members(target, criteria)
    ids = [str(c) for c in chosen["customer_id"]]
    held_out = control_group(ids, [t if isinstance(t, str) else None for t in chosen["tier"]],
                             share=share, seed=seed)
    return ids, held_out


def control_group(customer_ids: list[str], tiers: list[str | None], *, share: float, seed: int) -> set[str]:
    """The customers held out: in each tier, round(share × its size) drawn at random (seeded), so
    the control group has the target list's tier mix and the result is reproducible."""
    import numpy as np

    rng = np.random.default_rng(seed)
    by_tier: dict[str, list[str]] = {}
    for customer, tier in zip(customer_ids, tiers, strict=True):
        by_tier.setdefault(tier or "", []).append(customer)
    held_out: set[str] = set()
    for tier in sorted(by_tier):
        members = sorted(by_tier[tier])
        count = int(round(share * len(members)))
        held_out.update(members[i] for i in rng.permutation(len(members))[:count])
    return held_out


MAX_SEED = 999_999


def seed_of(campaign_id: str) -> int:
    """The default seed of a campaign's control group: from its id, so it differs between
    campaigns and is the same every time (the command line and the dialog draw alike)."""
    return zlib.crc32(campaign_id.strip().encode("utf-8")) % (MAX_SEED + 1)


@writes(Topic.MARKETING, Topic.AUDIT)
def create_campaign(portfolio: Portfolio, *, campaign_id: str, name: str, list_name: str,
                    product_id: str, start_on: dt.date, end_on: dt.date, channel: str,
                    cost_per_contact: float, seed: int | None = None,
                    control_share: float | None = None) -> dict[str, int]:
    """A campaign from a saved target list: its members, less a control group held out (the team
    rule marketing.control_share unless given; tier-stratified, seeded) that the app then refuses
    to log sales contacts for (services/consent.py). ValueError, and nothing written, for an
    existing id, an unknown list or product, a list nobody is on, a window ending before it
    starts, a negative cost or a share outside 0..1. Returns {"treatment": n, "control": n}.
    `seed` None: seed_of(campaign_id), as the New campaign dialog proposes."""
    from relmgr.domain.codes import AuditAction, ContactChannel
    from relmgr.services import audit
    from relmgr.services.target_lists import build_target_frame, saved_lists
    from relmgr.services.team_rules import current_rules
    from relmgr.storage import campaign_store

    if not campaign_id.strip() or not name.strip():
        raise ValueError("a campaign needs an id and a name")
    if campaign_store.campaign_exists(portfolio, campaign_id):
        raise ValueError(f"a campaign {campaign_id!r} exists already")
    if not campaign_store.product_exists(portfolio, product_id):
        raise ValueError(f"unknown product {product_id!r}")
    if end_on < start_on:
        raise ValueError("the campaign ends before it starts")
    if channel not in {c.value for c in ContactChannel}:
        raise ValueError(f"unknown channel {channel!r} ({', '.join(c.value for c in ContactChannel)})")
    if cost_per_contact < 0:
        raise ValueError("the cost per contact cannot be negative")
    share = current_rules(portfolio)["marketing.control_share"] if control_share is None else control_share
    seed = seed_of(campaign_id) if seed is None else seed
    if not 0 <= share < 1:
        raise ValueError("the control group's share must be at least 0 and below 1")
    lists = saved_lists(portfolio)
    if list_name not in lists:
        raise ValueError("no saved target list of that name")
    ids, held_out = split_list(build_target_frame(portfolio), lists[list_name], share=share, seed=seed)
    if not ids:
        raise ValueError("the target list has no customer who may be marketed to")
    day = start_on.isoformat()
    offers = [(c, "CONTROL" if c in held_out else "TREATMENT", day,
               "NO_RESPONSE" if c in held_out else "PENDING") for c in ids]
    with portfolio.transaction():
        campaign_store.insert_campaign(portfolio, row=(campaign_id, name, product_id, day, end_on.isoformat(),
                                                       channel, float(cost_per_contact)), offers=offers)
        audit.record(portfolio, action=AuditAction.CAMPAIGN_CREATED, target=campaign_id,
                     detail={"list": list_name, "treatment": len(ids) - len(held_out),
                             "control": len(held_out), "seed": seed, "control_share": share})
    return {"treatment": len(ids) - len(held_out), "control": len(held_out)}
