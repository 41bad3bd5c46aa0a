"""Words for recommendations (issue 6): the suitability codes (relmgr/domain/suitability.py:
RuleCode, ActionCode, WarningCode, RecoOutcome), the reason codes (relmgr/analytics/recommend.py:
RecoReason), and `reason_text`, which turns a reason dict ({"code": ..., numbers}) into one plain
sentence with the recommender's own numbers: "41% of the 252 customers holding Bond fund also
hold 3-year large CD, vs 12% overall". Nothing here is computed: every number in a sentence is a
number of the reason dict, formatted.

Product names come from a {product_id: catalogue row} mapping (rows carry name_zh and name_en).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from relmgr.analytics.recommend import RecoReason
from relmgr.domain.suitability import ActionCode, RecoOutcome, RuleCode, WarningCode
from relmgr.services.wording import Pair, label, missing, say
from relmgr.services.wording.customers import product_name

RULES: dict[RuleCode, Pair] = {
    RuleCode.CUSTOMER_CLOSED: ("Customer has left the bank", "客户已销户"),
    RuleCode.RISK_ABOVE_RATING: ("Risk level above the customer's risk rating", "产品风险等级高于客户风险评级"),
    RuleCode.ASSESSMENT_EXPIRED: ("Risk assessment expired (only R1 allowed)", "风险评估已过期（仅可推荐 R1）"),
    RuleCode.AGE_BELOW_MIN: ("Customer below the product's minimum age", "客户低于产品最低年龄"),
    RuleCode.AGE_ABOVE_MAX: ("Customer above the product's maximum age", "客户超过产品最高年龄"),
    RuleCode.BELOW_MIN_AMOUNT: ("AUM below the product's minimum amount", "资产低于产品起购金额"),
    RuleCode.ALREADY_HELD: ("Already held (not repeatable)", "已持有（不可重复购买）"),
    RuleCode.DECLINED_RECENTLY: ("Declined recently (cool-down)", "近期已拒绝（冷静期内）"),
    RuleCode.POSTPONED: ("Customer said \"not now\" recently", "客户近期表示“暂不考虑”"),
    RuleCode.ACCEPTED_RECENTLY: ("Accepted recently", "近期已接受"),
}
ACTIONS: dict[ActionCode, Pair] = {
    ActionCode.RENEW_RISK_ASSESSMENT: ("Renew risk assessment", "重新进行风险评估"),
}
WARNINGS: dict[WarningCode, Pair] = {
    WarningCode.SENIOR_ABOVE_R2: (
        "Senior customer and a higher-risk product (senior sales rules): explain the risk with "
        "care; accepting needs your note",
        "老年客户购买较高风险产品（适用老年客户销售规则）：请审慎说明风险；接受时须填写备注"),
}
OUTCOMES: dict[RecoOutcome, Pair] = {
    RecoOutcome.ACCEPTED: ("Accepted", "已接受"),
    RecoOutcome.DECLINED: ("Declined", "拒绝"),
    RecoOutcome.NOT_NOW: ("Not now", "暂不考虑"),
}
REASONS: dict[RecoReason, Pair] = {
    RecoReason.SIMILAR_HOLDERS: ("Similar holdings", "相似持仓"),
    RecoReason.BOUGHT_TOGETHER: ("Often bought together", "常被一起购买"),
    RecoReason.MATURING: ("Maturity coming up", "即将到期"),
    RecoReason.LARGE_INFLOW: ("Large inflow", "大额资金流入"),
    RecoReason.SALARY_NO_CARD: ("Salary, no credit card", "代发工资无信用卡"),
    RecoReason.LIFE_STAGE: ("Life stage", "人生阶段"),
    RecoReason.PEERS: ("Similar customers", "同类客户"),
    RecoReason.RECENT_OPENINGS: ("What similar customers opened lately", "同类客户近期开立"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS: tuple[tuple[type[StrEnum], Mapping[Any, Pair]], ...] = (
    (RuleCode, RULES), (ActionCode, ACTIONS), (WarningCode, WARNINGS), (RecoOutcome, OUTCOMES),
    (RecoReason, REASONS))

# One sentence per reason code; {placeholders} are the reason dict's numbers, formatted.
_SENTENCES: dict[RecoReason, Pair] = {
    RecoReason.SIMILAR_HOLDERS: (
        "{share_similar} of the {similar_customers} customers holding {anchors} also hold {product}, "
        "vs {share_all} overall",
        "持有{anchors}的 {similar_customers} 位客户中 {share_similar} 也持有{product}，全体客户为 {share_all}"),
    RecoReason.BOUGHT_TOGETHER: (
        "{confidence} of customers holding {antecedent} also hold {product} ({lift}× the average)",
        "持有{antecedent}的客户中 {confidence} 也持有{product}（为平均水平的 {lift} 倍）"),
    RecoReason.MATURING: (
        "Their {maturing_product} of CNY {amount} matures in {days} days ({maturity_on})",
        "客户的{maturing_product} {amount} 元将在 {days} 天后到期（{maturity_on}）"),
    RecoReason.LARGE_INFLOW: (
        "CNY {amount} came in over the last {days} days (deposits and transfers)",
        "近 {days} 天资金流入 {amount} 元（存入及转入）"),
    RecoReason.SALARY_NO_CARD: (
        "Salary credited monthly ({months} of the last {window_months} months, avg CNY {avg_salary}), "
        "no credit card",
        "每月代发工资（近 {window_months} 个月中 {months} 个月，月均 {avg_salary} 元），尚无信用卡"),
    RecoReason.LIFE_STAGE: (
        "Aged {age}: {product} fits the {band} life stage",
        "{age} 岁：{product}适合 {band} 岁的人生阶段"),
    RecoReason.PEERS: (
        "{share_peers} of {peers} similar customers (age {age_band}, AUM {aum_band}) hold {product}, "
        "vs {share_all} overall",
        "{peers} 位同类客户（年龄 {age_band}，资产 {aum_band}）中 {share_peers} 持有{product}，全体客户为 {share_all}"),
    RecoReason.RECENT_OPENINGS: (
        "{share_recent} of {customers} similar customers (age {age_band}, AUM {aum_band}) most "
        "recently opened {product}, vs {share_all} of all customers",
        "{customers} 位同类客户（年龄 {age_band}，资产 {aum_band}）中 {share_recent} 最近一次开立的是{product}，"
        "全体客户为 {share_all}"),
}
_MATURES_TODAY: Pair = ("Their {maturing_product} of CNY {amount} matures today ({maturity_on})",
                        "客户的{maturing_product} {amount} 元今日到期（{maturity_on}）")
_AND: Pair = (" and ", "、")
_NOT_RECORDED: Pair = ("Not recorded", "未记录")
_RENEW_ASSESSED: Pair = (
    "Renew the risk assessment: last assessed {date}, {days} days ago (valid {valid} days). Until "
    "then only R1 products can be offered.",
    "请重新做风险评估：上次评估于 {date}，已过 {days} 天（有效期 {valid} 天）。重新评估前只能推荐 R1 产品。")
_RENEW_NONE: Pair = (
    "Renew the risk assessment: the customer has none on file. Until then only R1 products can be "
    "offered.",
    "请为客户做风险评估：目前没有评估记录。评估前只能推荐 R1 产品。")
_ASSESSED: Pair = ("assessed {date}", "{date} 评估")
_MIN_AGE: Pair = ("min age {limit}, customer {age}", "最低 {limit} 岁，客户 {age} 岁")
_MAX_AGE: Pair = ("max age {limit}, customer {age}", "最高 {limit} 岁，客户 {age} 岁")
_MIN_AMOUNT: Pair = ("min {amount}, AUM {aum}", "起购 {amount} 元，客户资产 {aum} 元")

ProductNames = Mapping[str, Mapping[str, Any]]


def rule(value: str | None, *, language: str) -> str:
    return label(RULES, RuleCode, value, language=language)


def action(value: str | None, *, language: str) -> str:
    return label(ACTIONS, ActionCode, value, language=language)


def warning(value: str | None, *, language: str) -> str:
    return label(WARNINGS, WarningCode, value, language=language)


def outcome(value: str | None, *, language: str) -> str:
    return label(OUTCOMES, RecoOutcome, value, language=language)


def reason_type(value: str | None, *, language: str) -> str:
    """A reason code's short label (outcomes are grouped by it); actions and unrecorded
    reasons are named too."""
    if value in ACTIONS:
        return action(value, language=language)
    if value == "UNKNOWN":
        return say(_NOT_RECORDED, language)
    return label(REASONS, RecoReason, value, language=language)


def percent(share: float | None) -> str:
    """0.4123 -> '41%'; below 10% one decimal (0.045 -> '4.5%') so small shares stay honest."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return f"{share:.0%}" if abs(share) >= 0.1 else f"{share:.1%}"


def _money(value: Any) -> str:
    """1234567.8 -> '1,234,568'; NaN -> ''."""
    number = float(value)
    return "" if math.isnan(number) else f"{number:,.0f}"


def name_of(product_id: str | None, products: ProductNames, *, language: str) -> str:
    """A product's name in the language, from a {product_id: catalogue row} mapping."""
    if missing(product_id):
        return ""
    row = products.get(product_id)
    return product_name(dict(row), language=language) if row is not None else str(product_id)


def _band(text: str, *, money: bool = False) -> str:
    """'50000-200000' -> '50,000–200,000'; open ends read '<' / '≥'."""
    lo, _, hi = str(text).partition("-")

    def show(value: str) -> str:
        return f"{float(value):,.0f}" if money else value

    if lo and hi:
        return f"{show(lo)}–{show(hi)}"
    if hi:
        return f"<{show(hi)}"
    if lo:
        return f"≥{show(lo)}"
    return str(text)


def reason_text(reason: Mapping[str, Any] | None, products: ProductNames, *, language: str) -> str:
    """The reason as one plain sentence with its numbers; '' for no reason. An unknown code or
    a reason missing numbers falls back to the code's label rather than a wrong sentence."""
    if not reason:
        return ""
    code = str(reason.get("code", ""))
    try:
        kind = RecoReason(code)
    except ValueError:
        return reason_type(code, language=language)
    r = dict(reason)

    def name(product_id: Any) -> str:
        return name_of(product_id, products, language=language)

    fields: dict[str, Any] = {"product": name(r.get("product"))}
    try:
        if kind is RecoReason.SIMILAR_HOLDERS:
            anchors = [name(a) for a in r.get("anchors") or []]
            fields.update(share_similar=percent(r["share_similar"]), share_all=percent(r["share_all"]),
                          similar_customers=f"{int(r['similar_customers']):,}",
                          anchors=say(_AND, language).join(anchors) if anchors else "—")
        elif kind is RecoReason.BOUGHT_TOGETHER:
            fields.update(confidence=percent(r["confidence"]), antecedent=name(r["antecedent"]),
                          lift=f"{float(r['lift']):.1f}")
        elif kind is RecoReason.MATURING:
            fields.update(maturing_product=name(r["maturing_product"]), amount=_money(r["amount"]),
                          days=int(r["days"]), maturity_on=r["maturity_on"])
            if int(r["days"]) == 0:
                return say(_MATURES_TODAY, language).format(**fields)
        elif kind is RecoReason.LARGE_INFLOW:
            fields.update(amount=_money(r["amount"]), days=int(r["days"]))
        elif kind is RecoReason.SALARY_NO_CARD:
            fields.update(months=int(r["months"]), window_months=int(r["window_months"]),
                          avg_salary=_money(r["avg_salary"]))
        elif kind is RecoReason.LIFE_STAGE:
            fields.update(age=int(r["age"]), band=r.get("band") or "")
        elif kind is RecoReason.RECENT_OPENINGS:
            fields.update(share_recent=percent(r["share_recent"]), share_all=percent(r["share_all"]),
                          customers=f"{int(r['customers']):,}", age_band=_band(r["age_band"]),
                          aum_band=_band(r["aum_band"], money=True))
        else:
            fields.update(share_peers=percent(r["share_peers"]), share_all=percent(r["share_all"]),
                          peers=f"{int(r['peers']):,}", age_band=_band(r["age_band"]),
                          aum_band=_band(r["aum_band"], money=True))
    except (KeyError, TypeError, ValueError):
        return reason_type(code, language=language)
    return say(_SENTENCES[kind], language).format(**fields)


def action_text(action_row: Mapping[str, Any] | None, *, language: str) -> str:
    """The 'renew risk assessment' action as a sentence with its dates."""
    if not action_row:
        return ""
    if action_row.get("code") != ActionCode.RENEW_RISK_ASSESSMENT.value:
        return action(action_row.get("code"), language=language)
    if action_row.get("assessed_on"):
        return say(_RENEW_ASSESSED, language).format(
            date=action_row["assessed_on"], days=action_row.get("days_since"),
            valid=action_row.get("valid_days"))
    return say(_RENEW_NONE, language)


def rule_detail(code: str, product: Mapping[str, Any] | None, customer: Mapping[str, Any] | None,
                *, language: str) -> str:
    """The facts behind a rule for one product and customer (for the compliance officer):
    'R3 > C2', 'min age 22, customer 19', 'min 200,000, AUM 52,310'. '' when none apply."""
    p = dict(product or {})
    c = dict(customer or {})
    try:
        if code == RuleCode.RISK_ABOVE_RATING:
            return f"{p['risk_level']} > {c['risk_rating']}"
        if code == RuleCode.ASSESSMENT_EXPIRED:
            return say(_ASSESSED, language).format(date=c.get("risk_assessed_on") or "—")
        if code == RuleCode.AGE_BELOW_MIN:
            return say(_MIN_AGE, language).format(limit=int(p["min_age"]), age=int(c["age"]))
        if code == RuleCode.AGE_ABOVE_MAX:
            return say(_MAX_AGE, language).format(limit=int(p["max_age"]), age=int(c["age"]))
        if code == RuleCode.BELOW_MIN_AMOUNT:
            return say(_MIN_AMOUNT, language).format(amount=_money(p["min_amount"]), aum=_money(c["aum"]))
    except (KeyError, TypeError, ValueError):
        return ""
    return ""

