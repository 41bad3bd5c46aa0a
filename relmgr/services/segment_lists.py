"""Follow-up lists by service tier and by lifecycle stage, for export.

One list per tier (`tier-private` … `tier-mass`) and one per stage (`stage-acquisition` …
`stage-churned`), read from the stored segments (services.segments), highest 3-month average AUM
first. Rows carry the full name and phone like every named list: services.export masks them
unless the RM explicitly exports unmasked. Exported files are read outside the app, so the stage
reasons are written out in words with their numbers, in the export's language.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.domain.segments import Stage, StageReason, Tier
from relmgr.services.segments import load_segments
from relmgr.storage import worklist_store
from relmgr.storage.portfolio import Portfolio

TIER_LISTS: dict[str, Tier] = {f"tier-{tier.value.lower()}": tier for tier in Tier}
STAGE_LISTS: dict[str, Stage] = {f"stage-{stage.value.lower()}": stage for stage in Stage}

_TIER_TITLES = {
    "zh_CN": {Tier.PRIVATE: "私人银行客户名单", Tier.WEALTH: "财富客户名单",
              Tier.VIP: "贵宾客户名单", Tier.MASS: "大众客户名单"},
    "en": {Tier.PRIVATE: "Private banking customers", Tier.WEALTH: "Wealth customers",
           Tier.VIP: "VIP customers", Tier.MASS: "Mass customers"},
}
_STAGE_TITLES = {
    "zh_CN": {Stage.ACQUISITION: "获客期客户名单", Stage.GROWTH: "成长期客户名单",
              Stage.MATURITY: "成熟期客户名单", Stage.DECLINE: "衰退期客户名单",
              Stage.CHURNED: "已流失客户名单"},
    "en": {Stage.ACQUISITION: "Customers in acquisition", Stage.GROWTH: "Customers in growth",
           Stage.MATURITY: "Customers in maturity", Stage.DECLINE: "Customers in decline",
           Stage.CHURNED: "Churned customers"},
}
_TIER_WORDS = {
    "zh_CN": {Tier.PRIVATE: "私人银行", Tier.WEALTH: "财富", Tier.VIP: "贵宾", Tier.MASS: "大众"},
    "en": {Tier.PRIVATE: "Private banking", Tier.WEALTH: "Wealth", Tier.VIP: "VIP", Tier.MASS: "Mass"},
}
STAGE_WORDS = {
    "zh_CN": {Stage.ACQUISITION: "获客期", Stage.GROWTH: "成长期", Stage.MATURITY: "成熟期",
              Stage.DECLINE: "衰退期", Stage.CHURNED: "流失"},
    "en": {Stage.ACQUISITION: "Acquisition", Stage.GROWTH: "Growth", Stage.MATURITY: "Maturity",
           Stage.DECLINE: "Decline", Stage.CHURNED: "Churned"},
}
_REASON_WORDS = {
    "zh_CN": {
        StageReason.ACCOUNTS_CLOSED: "账户已全部销户",
        StageReason.DORMANT: "已 {days_inactive} 天无交易",
        StageReason.NEW_CUSTOMER: "新客户，开户 {tenure_days} 天",
        StageReason.AUM_DROP: "资产 90 天下降 {change_pct}%",
        StageReason.ACTIVITY_HALVED: "交易减半：近期 {txns_recent} 笔，此前 {txns_previous} 笔",
        StageReason.AUM_GROWTH: "资产 90 天增长 {change_pct}%",
        StageReason.PRODUCTS_ADDED: "新增产品：现 {products_now} 个，此前 {products_before} 个",
        StageReason.STEADY: "关系稳定",
    },
    "en": {
        StageReason.ACCOUNTS_CLOSED: "All accounts closed",
        StageReason.DORMANT: "No activity for {days_inactive} days",
        StageReason.NEW_CUSTOMER: "New customer: {tenure_days} days with the bank",
        StageReason.AUM_DROP: "AUM down {change_pct}% in 90 days",
        StageReason.ACTIVITY_HALVED: "Activity halved: {txns_recent} transactions vs {txns_previous} before",
        StageReason.AUM_GROWTH: "AUM up {change_pct}% in 90 days",
        StageReason.PRODUCTS_ADDED: "Products added: {products_now} now vs {products_before} before",
        StageReason.STEADY: "Steady relationship",
    },
}


def is_segment_list(list_name: str) -> bool:
    return list_name in TIER_LISTS or list_name in STAGE_LISTS


def segment_list_title(list_name: str, *, language: str) -> str:
    if list_name in TIER_LISTS:
        return _TIER_TITLES[language][TIER_LISTS[list_name]]
    return _STAGE_TITLES[language][STAGE_LISTS[list_name]]


def stage_reason_words(reason: str | None, detail: dict | None, *, language: str) -> str:
    """A stage reason in words with its numbers ("资产 90 天下降 52.1%")."""
    try:
        template = _REASON_WORDS[language][StageReason(reason)]
    except ValueError:
        return reason or ""
    numbers = dict(detail or {})
    if isinstance(numbers.get("change_pct"), (int, float)):
        numbers["change_pct"] = round(abs(numbers["change_pct"]), 1)   # "down 47.3%", not "-47.3"
    try:
        return template.format(**numbers)
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].rstrip(" ：:")


def segment_list(portfolio: Portfolio, *, list_name: str, today: dt.date,
                 language: str) -> pd.DataFrame | None:
    """The customers of one tier or stage list (UNMASKED: export masks), or None when the
    segments were never computed. `today` is unused: the list is as of the last refresh."""
    stored = load_segments(portfolio)
    if stored is None:
        return None
    frame = stored.customers
    if list_name in TIER_LISTS:
        chosen = frame[(frame["tier"] == TIER_LISTS[list_name].value).to_numpy()]
    else:
        chosen = frame[(frame["stage"] == STAGE_LISTS[list_name].value).to_numpy()]
    chosen = chosen.sort_values(["avg_aum_3m", "customer_id"], ascending=[False, True])
    people = worklist_store.read_customer_contact_fields(portfolio, chosen["customer_id"])
    chosen = chosen.merge(people[["customer_id", "name", "phone"]], on="customer_id", how="left")
    return pd.DataFrame({
        "customer_id": chosen["customer_id"], "name": chosen["name"], "phone": chosen["phone"],
        "tier": [_TIER_WORDS[language].get(Tier(t), t) if t else "" for t in chosen["tier"]],
        "stage": [STAGE_WORDS[language].get(Stage(s), s) if s else "" for s in chosen["stage"]],
        "stage_since": chosen["stage_since"],
        "stage_reason": [stage_reason_words(r, d, language=language)
                         for r, d in zip(chosen["stage_reason"], chosen["stage_detail"], strict=True)],
        "avg_aum_3m": chosen["avg_aum_3m"].round(2),
        "last_contact_on": chosen["last_contact_on"],
        "due_on": chosen["due_on"],
    }).reset_index(drop=True)
