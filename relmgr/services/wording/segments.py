"""Words for segmentation (relmgr/domain/segments.py): service tiers, tier changes, contact
status against the tier's cadence, RFM segments, lifecycle stages and the reason for a stage
with its numbers, behaviour-cluster traits, and the playbook of each stage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from relmgr.domain.segments import (
    ClusterFeature,
    ContactStatus,
    RfmSegment,
    Stage,
    StageReason,
    Tier,
    TierChange,
    TraitLevel,
)
from relmgr.services.wording import Pair, checked, label, say

TIERS: dict[Tier, Pair] = {
    Tier.PRIVATE: ("Private banking", "私人银行"),
    Tier.WEALTH: ("Wealth", "财富"),
    Tier.VIP: ("VIP", "贵宾"),
    Tier.MASS: ("Mass", "大众"),
}
# For narrow table columns (the full name is the cell's tooltip); a tier without one uses TIERS.
TIERS_SHORT: dict[Tier, Pair] = {
    Tier.PRIVATE: ("Private", "私行"),
}
TIER_CHANGES: dict[TierChange, Pair] = {
    TierChange.ENTRY: ("New", "新增"),
    TierChange.UP: ("Upgrade", "升级"),
    TierChange.DOWN: ("Downgrade", "降级"),
}
CONTACT_STATUSES: dict[ContactStatus, Pair] = {
    ContactStatus.OVERDUE: ("Overdue", "逾期"),
    ContactStatus.DUE: ("Due", "到期"),
    ContactStatus.NOT_DUE: ("Not due", "未到期"),
    ContactStatus.DIGITAL_ONLY: ("Digital only", "仅线上服务"),
}
RFM_SEGMENTS: dict[RfmSegment, Pair] = {
    RfmSegment.IMPORTANT_VALUE: ("Important value", "重要价值客户"),
    RfmSegment.IMPORTANT_DEVELOP: ("Important development", "重要发展客户"),
    RfmSegment.IMPORTANT_RETAIN: ("Important retention", "重要保持客户"),
    RfmSegment.IMPORTANT_WINBACK: ("Important win-back", "重要挽留客户"),
    RfmSegment.GENERAL_VALUE: ("General value", "一般价值客户"),
    RfmSegment.GENERAL_DEVELOP: ("General development", "一般发展客户"),
    RfmSegment.GENERAL_RETAIN: ("General retention", "一般保持客户"),
    RfmSegment.GENERAL_WINBACK: ("General win-back", "一般挽留客户"),
}
STAGES: dict[Stage, Pair] = {
    Stage.ACQUISITION: ("Acquisition", "获客期"),
    Stage.GROWTH: ("Growth", "成长期"),
    Stage.MATURITY: ("Maturity", "成熟期"),
    Stage.DECLINE: ("Decline", "衰退期"),
    Stage.CHURNED: ("Churned", "流失"),
}
# {placeholders} are the numbers of the stage's detail JSON (relmgr/analytics/lifecycle.py).
STAGE_REASONS: dict[StageReason, Pair] = {
    StageReason.ACCOUNTS_CLOSED: ("All accounts closed", "所有账户已销户"),
    StageReason.DORMANT: ("Dormant: no activity for {days_inactive} days", "睡眠：{days_inactive} 天无交易"),
    StageReason.NEW_CUSTOMER: ("New customer: {tenure_days} days with the bank", "新客户：开户 {tenure_days} 天"),
    StageReason.AUM_DROP: ("AUM down {change_pct}% in 90 days", "90 天内资产下降 {change_pct}%"),
    StageReason.ACTIVITY_HALVED: ("Activity halved: {txns_recent} transactions vs {txns_previous} before",
                                  "活跃度减半：近期 {txns_recent} 笔交易，此前 {txns_previous} 笔"),
    StageReason.AUM_GROWTH: ("AUM up {change_pct}% in 90 days", "90 天内资产增长 {change_pct}%"),
    StageReason.PRODUCTS_ADDED: ("Products added: {products_now} now vs {products_before} before",
                                 "新增产品：现有 {products_now} 个，此前 {products_before} 个"),
    StageReason.STEADY: ("Steady relationship", "关系稳定"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((Tier, TIERS), (TierChange, TIER_CHANGES), (ContactStatus, CONTACT_STATUSES),
         (RfmSegment, RFM_SEGMENTS), (Stage, STAGES), (StageReason, STAGE_REASONS))

_TRAITS: dict[tuple[ClusterFeature, TraitLevel], Pair] = {
    (ClusterFeature.AGE, TraitLevel.HIGH): ("older", "年龄偏大"),
    (ClusterFeature.AGE, TraitLevel.LOW): ("younger", "年轻"),
    (ClusterFeature.AUM, TraitLevel.HIGH): ("high AUM", "资产高"),
    (ClusterFeature.AUM, TraitLevel.LOW): ("low AUM", "资产低"),
    (ClusterFeature.ACTIVITY, TraitLevel.HIGH): ("very active", "交易活跃"),
    (ClusterFeature.ACTIVITY, TraitLevel.LOW): ("low activity", "交易少"),
    (ClusterFeature.CHANNEL, TraitLevel.DIGITAL): ("digital channels", "偏好线上渠道"),
    (ClusterFeature.CHANNEL, TraitLevel.BRANCH): ("branch channel", "偏好网点"),
    (ClusterFeature.PRODUCTS, TraitLevel.HIGH): ("many products", "持有产品多"),
    (ClusterFeature.PRODUCTS, TraitLevel.LOW): ("few products", "产品少"),
    (ClusterFeature.TENURE, TraitLevel.HIGH): ("long-standing", "老客户"),
    (ClusterFeature.TENURE, TraitLevel.LOW): ("recently joined", "新近开户"),
    (ClusterFeature.LOGINS, TraitLevel.HIGH): ("frequent app logins", "常登录手机银行"),
    (ClusterFeature.LOGINS, TraitLevel.LOW): ("rarely logs in", "很少登录"),
}
_AVERAGE: Pair = ("close to the portfolio average", "接近全体客户平均水平")
_TRAIT_SEPARATOR: Pair = (", ", "，")

_PLAYBOOKS: dict[Stage, Pair] = {
    Stage.ACQUISITION: (
        "Welcome call in the first two weeks; set up mobile banking and salary credit; learn their "
        "goals and book a review at 60 days.",
        "两周内致电欢迎；协助开通手机银行和代发工资；了解客户目标，约好 60 天回访。"),
    Stage.GROWTH: (
        "Deepen the relationship: a second product that fits their risk rating, a regular "
        "investment plan, card and payment services.",
        "深化关系：推荐符合其风险评级的第二个产品、定投计划、信用卡和支付服务。"),
    Stage.MATURITY: (
        "Keep the cadence of their tier; annual portfolio review; renew the risk assessment before "
        "it expires; ask for referrals.",
        "按分层频率维护；每年做一次资产检视；风险测评到期前及时更新；请客户转介绍。"),
    Stage.DECLINE: (
        "Call within a week: ask what changed (rates, service, life events); offer a maturity plan "
        "or better-suited product; log the outcome and follow up.",
        "一周内致电：了解变化原因（利率、服务、生活变化）；提供到期续作方案或更合适的产品；记录结果并跟进。"),
    Stage.CHURNED: (
        "Win back only the valuable: a courtesy call to learn why they left; note the reason for "
        "the team; no hard selling.",
        "只挽回有价值的客户：礼节性致电了解流失原因；为团队记录原因；不强行推销。"),
}


def tier(value: str | None, *, language: str) -> str:
    return label(TIERS, Tier, value, language=language)


def tier_short(value: str | None, *, language: str) -> str:
    """The tier's name for a narrow column: its short form where it has one."""
    if value in TIERS_SHORT:
        return say(TIERS_SHORT[Tier(value)], language)
    return tier(value, language=language)


def tier_change(value: str | None, *, language: str) -> str:
    return label(TIER_CHANGES, TierChange, value, language=language)


def contact_status(value: str | None, *, language: str) -> str:
    return label(CONTACT_STATUSES, ContactStatus, value, language=language)


def rfm_segment(value: str | None, *, language: str) -> str:
    return label(RFM_SEGMENTS, RfmSegment, value, language=language)


def stage(value: str | None, *, language: str) -> str:
    return label(STAGES, Stage, value, language=language)


def stage_reason(value: str | None, detail: Mapping[str, Any] | None = None, *, language: str) -> str:
    """The stage reason with its numbers filled in from the detail JSON ("AUM down 52.1% in 90
    days"); without the numbers, the words before them ("Dormant")."""
    template = label(STAGE_REASONS, StageReason, value, language=language)
    numbers = dict(detail or {})
    if isinstance(numbers.get("change_pct"), int | float):
        numbers["change_pct"] = round(abs(numbers["change_pct"]), 1)   # "down 47.3%", not "-47.3"
    try:
        return template.format(**numbers)
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].rstrip(" ：:")


def cluster_description(traits: Iterable[Any], *, language: str) -> str:
    """'older, high AUM, low activity, branch channel' from a cluster's (feature, level, z) traits."""
    words = [say(_TRAITS[(f, level)], language) for f, level, *_ in traits if (f, level) in _TRAITS]
    if not words:
        return say(_AVERAGE, language)
    return say(_TRAIT_SEPARATOR, language).join(words)


def stage_playbook(value: str | None, *, language: str) -> str:
    """What to do with a customer in the stage; '' for an unknown stage."""
    try:
        return say(_PLAYBOOKS[Stage(value)], checked(language))
    except (KeyError, ValueError):
        return ""

