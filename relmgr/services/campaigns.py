"""Campaign results as the window and `relmgr campaigns FILE --json` show them (issue 17):
storage/campaign_store.py reads what happened, analytics/campaign_results.py judges it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from relmgr.analytics.campaign_results import ArmComparison, CampaignResult, campaign_result
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
                                      campaign_result(offers, cost_per_contact=float(row.cost_per_contact))))
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
    its window and the breakdowns by tier and by the customers' preferred channel."""
    campaigns = []
    for r in reports:
        res = r.result
        campaigns.append({
            "id": r.campaign_id, "name": r.name,
            **_comparison_json(res.comparison),
            "incremental_aum": res.incremental_aum, "cost": res.cost, "revenue": res.revenue,
            "roi": _rounded(res.roi),
            "product_id": r.product_id, "start_on": r.start_on, "end_on": r.end_on,
            "window_end": r.window_end, "channel": r.channel,
            "by_tier": {k: _comparison_json(v) for k, v in res.by_tier.items()},
            "by_channel": {k: _comparison_json(v) for k, v in res.by_channel.items()},
        })
    return {"campaigns": campaigns}
