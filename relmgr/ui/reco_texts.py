"""Recommendation codes and reasons (issue 6) as the words an RM reads, in the current language.

Labels for the suitability codes (relmgr/domain/suitability.py: RuleCode, ActionCode,
WarningCode, RecoOutcome) and the reason codes (relmgr/analytics/recommend.py: ReasonCode), and
`reason_text`, which turns a reason dict ({"code": ..., numbers}) into one plain sentence with
the recommender's own numbers in it: "41% of the 252 customers holding Bond fund also hold
3-year large CD, vs 12% overall". Nothing here is computed: every number in a sentence is a
number of the reason dict, formatted.

Sources are marked with QT_TRANSLATE_NOOP under the context "Codes" (as relmgr/ui/texts.py) and
translated when asked for, so a language switch shows at the next call.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from relmgr.analytics.recommend import ReasonCode
from relmgr.domain.suitability import ActionCode, RecoOutcome, RuleCode, WarningCode
from relmgr.ui import formatting, texts

CONTEXT = "Codes"

_LABELS: dict[type[StrEnum], dict[str, str]] = {
    RuleCode: {
        RuleCode.CUSTOMER_CLOSED: QT_TRANSLATE_NOOP("Codes", "Customer has left the bank"),
        RuleCode.RISK_ABOVE_RATING: QT_TRANSLATE_NOOP("Codes", "Risk level above the customer's risk rating"),
        RuleCode.ASSESSMENT_EXPIRED: QT_TRANSLATE_NOOP("Codes", "Risk assessment expired (only R1 allowed)"),
        RuleCode.AGE_BELOW_MIN: QT_TRANSLATE_NOOP("Codes", "Customer below the product's minimum age"),
        RuleCode.AGE_ABOVE_MAX: QT_TRANSLATE_NOOP("Codes", "Customer above the product's maximum age"),
        RuleCode.BELOW_MIN_AMOUNT: QT_TRANSLATE_NOOP("Codes", "AUM below the product's minimum amount"),
        RuleCode.ALREADY_HELD: QT_TRANSLATE_NOOP("Codes", "Already held (not repeatable)"),
        RuleCode.DECLINED_RECENTLY: QT_TRANSLATE_NOOP("Codes", "Declined recently (cool-down)"),
        RuleCode.POSTPONED: QT_TRANSLATE_NOOP("Codes", "Customer said \"not now\" recently"),
        RuleCode.ACCEPTED_RECENTLY: QT_TRANSLATE_NOOP("Codes", "Accepted recently"),
    },
    ActionCode: {
        ActionCode.RENEW_RISK_ASSESSMENT: QT_TRANSLATE_NOOP("Codes", "Renew risk assessment"),
    },
    WarningCode: {
        WarningCode.SENIOR_ABOVE_R2: QT_TRANSLATE_NOOP(
            "Codes", "Senior customer and a higher-risk product (senior sales rules): explain the "
                     "risk with care; accepting needs your note"),
    },
    RecoOutcome: {
        RecoOutcome.ACCEPTED: QT_TRANSLATE_NOOP("Codes", "Accepted"),
        RecoOutcome.DECLINED: QT_TRANSLATE_NOOP("Codes", "Declined"),
        RecoOutcome.NOT_NOW: QT_TRANSLATE_NOOP("Codes", "Not now"),
    },
    ReasonCode: {
        ReasonCode.SIMILAR_HOLDERS: QT_TRANSLATE_NOOP("Codes", "Similar holdings"),
        ReasonCode.BOUGHT_TOGETHER: QT_TRANSLATE_NOOP("Codes", "Often bought together"),
        ReasonCode.MATURING: QT_TRANSLATE_NOOP("Codes", "Maturity coming up"),
        ReasonCode.LARGE_INFLOW: QT_TRANSLATE_NOOP("Codes", "Large inflow"),
        ReasonCode.SALARY_NO_CARD: QT_TRANSLATE_NOOP("Codes", "Salary, no credit card"),
        ReasonCode.LIFE_STAGE: QT_TRANSLATE_NOOP("Codes", "Life stage"),
        ReasonCode.PEERS: QT_TRANSLATE_NOOP("Codes", "Similar customers"),
        ReasonCode.RECENT_OPENINGS: QT_TRANSLATE_NOOP("Codes", "What similar customers opened lately"),
    },
}

#: The code types named here; a test checks every member has a label.
CODE_TYPES: tuple[type[StrEnum], ...] = tuple(_LABELS)

# One sentence per reason code; {placeholders} are the reason dict's numbers, formatted.
_SENTENCES = {
    ReasonCode.SIMILAR_HOLDERS: QT_TRANSLATE_NOOP(
        "Codes", "{share_similar} of the {similar_customers} customers holding {anchors} also hold "
                 "{product}, vs {share_all} overall"),
    ReasonCode.BOUGHT_TOGETHER: QT_TRANSLATE_NOOP(
        "Codes", "{confidence} of customers holding {antecedent} also hold {product} "
                 "({lift}× the average)"),
    ReasonCode.MATURING: QT_TRANSLATE_NOOP(
        "Codes", "Their {maturing_product} of CNY {amount} matures in {days} days ({maturity_on})"),
    ReasonCode.LARGE_INFLOW: QT_TRANSLATE_NOOP(
        "Codes", "CNY {amount} came in over the last {days} days (deposits and transfers)"),
    ReasonCode.SALARY_NO_CARD: QT_TRANSLATE_NOOP(
        "Codes", "Salary credited monthly ({months} of the last {window_months} months, "
                 "avg CNY {avg_salary}), no credit card"),
    ReasonCode.LIFE_STAGE: QT_TRANSLATE_NOOP(
        "Codes", "Aged {age}: {product} fits the {band} life stage"),
    ReasonCode.PEERS: QT_TRANSLATE_NOOP(
        "Codes", "{share_peers} of {peers} similar customers (age {age_band}, AUM {aum_band}) hold "
                 "{product}, vs {share_all} overall"),
    ReasonCode.RECENT_OPENINGS: QT_TRANSLATE_NOOP(
        "Codes", "{share_recent} of {customers} similar customers (age {age_band}, AUM {aum_band}) "
                 "most recently opened {product}, vs {share_all} of all customers"),
}
_MATURES_TODAY = QT_TRANSLATE_NOOP("Codes", "Their {maturing_product} of CNY {amount} matures today ({maturity_on})")
_AND = QT_TRANSLATE_NOOP("Codes", " and ")

ProductNames = Mapping[str, Mapping[str, Any]]


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def code_text(code: StrEnum) -> str:
    source = _LABELS.get(type(code), {}).get(code)
    return str(code.value) if source is None else _tr(source)


def _lookup(kind: type[StrEnum], value: str | None) -> str:
    if value is None or value == "":
        return ""
    try:
        return code_text(kind(value))
    except ValueError:
        return str(value)


def rule(value: str | None) -> str:
    return _lookup(RuleCode, value)


def action(value: str | None) -> str:
    return _lookup(ActionCode, value)


def warning(value: str | None) -> str:
    return _lookup(WarningCode, value)


def outcome(value: str | None) -> str:
    return _lookup(RecoOutcome, value)


def reason_type(value: str | None) -> str:
    """A reason code's short label (the Outcomes tab groups by it); actions and unknown
    codes are named too."""
    if value in {c.value for c in ActionCode}:
        return action(value)
    if value == "UNKNOWN":
        return QCoreApplication.translate(CONTEXT, "Not recorded")
    return _lookup(ReasonCode, value)


def percent(share: float | None) -> str:
    """0.4123 -> '41%'; below 10% one decimal (0.045 -> '4.5%') so small shares stay honest."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return f"{share:.0%}" if abs(share) >= 0.1 else f"{share:.1%}"


def name_of(product_id: str | None, products: ProductNames) -> str:
    """A product's name in the UI language, from a {product_id: catalogue row} mapping."""
    if not product_id:
        return ""
    row = products.get(product_id)
    return texts.product_name(dict(row)) if row is not None else str(product_id)


def reason_text(reason: Mapping[str, Any] | None, products: ProductNames) -> str:
    """The reason as one plain sentence with its numbers; '' for no reason. An unknown code or
    a reason missing numbers falls back to the code's label rather than a wrong sentence."""
    if not reason:
        return ""
    code = str(reason.get("code", ""))
    try:
        kind = ReasonCode(code)
    except ValueError:
        return reason_type(code)
    r = dict(reason)
    fields: dict[str, Any] = {"product": name_of(r.get("product"), products)}
    try:
        if kind is ReasonCode.SIMILAR_HOLDERS:
            anchors = [name_of(a, products) for a in r.get("anchors") or []]
            fields.update(share_similar=percent(r["share_similar"]), share_all=percent(r["share_all"]),
                          similar_customers=f"{int(r['similar_customers']):,}",
                          anchors=_tr(_AND).join(anchors) if anchors else "—")
        elif kind is ReasonCode.BOUGHT_TOGETHER:
            fields.update(confidence=percent(r["confidence"]), antecedent=name_of(r["antecedent"], products),
                          lift=f"{float(r['lift']):.1f}")
        elif kind is ReasonCode.MATURING:
            fields.update(maturing_product=name_of(r["maturing_product"], products),
                          amount=formatting.money_short(float(r["amount"])), days=int(r["days"]),
                          maturity_on=r["maturity_on"])
            if int(r["days"]) == 0:
                return _tr(_MATURES_TODAY).format(**fields)
        elif kind is ReasonCode.LARGE_INFLOW:
            fields.update(amount=formatting.money_short(float(r["amount"])), days=int(r["days"]))
        elif kind is ReasonCode.SALARY_NO_CARD:
            fields.update(months=int(r["months"]), window_months=int(r["window_months"]),
                          avg_salary=formatting.money_short(float(r["avg_salary"])))
        elif kind is ReasonCode.LIFE_STAGE:
            fields.update(age=int(r["age"]), band=r.get("band") or "")
        elif kind is ReasonCode.RECENT_OPENINGS:
            fields.update(share_recent=percent(r["share_recent"]), share_all=percent(r["share_all"]),
                          customers=f"{int(r['customers']):,}", age_band=_band(r["age_band"]),
                          aum_band=_band(r["aum_band"], money=True))
        else:
            fields.update(share_peers=percent(r["share_peers"]), share_all=percent(r["share_all"]),
                          peers=f"{int(r['peers']):,}", age_band=_band(r["age_band"]),
                          aum_band=_band(r["aum_band"], money=True))
    except (KeyError, TypeError, ValueError):
        return reason_type(code)
    return _tr(_SENTENCES[kind]).format(**fields)


def _band(label: str, *, money: bool = False) -> str:
    """'50000-200000' -> '50,000–200,000'; open ends read '<' / '≥'."""
    lo, _, hi = str(label).partition("-")

    def show(value: str) -> str:
        return f"{float(value):,.0f}" if money else value

    if lo and hi:
        return f"{show(lo)}–{show(hi)}"
    if hi:
        return f"<{show(hi)}"
    if lo:
        return f"≥{show(lo)}"
    return str(label)


def action_text(action_row: Mapping[str, Any] | None) -> str:
    """The 'renew risk assessment' action as a sentence with its dates."""
    if not action_row:
        return ""
    if action_row.get("code") != ActionCode.RENEW_RISK_ASSESSMENT.value:
        return action(action_row.get("code"))
    if action_row.get("assessed_on"):
        return _tr(QT_TRANSLATE_NOOP(
            "Codes", "Renew the risk assessment: last assessed {date}, {days} days ago (valid {valid} "
                     "days). Until then only R1 products can be offered.")).format(
            date=action_row["assessed_on"], days=action_row.get("days_since"),
            valid=action_row.get("valid_days"))
    return _tr(QT_TRANSLATE_NOOP(
        "Codes", "Renew the risk assessment: the customer has none on file. Until then only R1 "
                 "products can be offered."))


def rule_detail(code: str, product: Mapping[str, Any] | None, customer: Mapping[str, Any] | None) -> str:
    """The facts behind a rule for one product and customer (for the compliance officer):
    'R3 > C2', 'min age 22, customer 19', 'min 200,000, AUM 52,310'. '' when none apply."""
    p = dict(product or {})
    c = dict(customer or {})
    try:
        if code == RuleCode.RISK_ABOVE_RATING:
            return f"{p['risk_level']} > {c['risk_rating']}"
        if code == RuleCode.ASSESSMENT_EXPIRED:
            return _tr(QT_TRANSLATE_NOOP("Codes", "assessed {date}")).format(
                date=c.get("risk_assessed_on") or "—")
        if code == RuleCode.AGE_BELOW_MIN:
            return _tr(QT_TRANSLATE_NOOP("Codes", "min age {limit}, customer {age}")).format(
                limit=int(p["min_age"]), age=int(c["age"]))
        if code == RuleCode.AGE_ABOVE_MAX:
            return _tr(QT_TRANSLATE_NOOP("Codes", "max age {limit}, customer {age}")).format(
                limit=int(p["max_age"]), age=int(c["age"]))
        if code == RuleCode.BELOW_MIN_AMOUNT:
            return _tr(QT_TRANSLATE_NOOP("Codes", "min {amount}, AUM {aum}")).format(
                amount=formatting.money_short(float(p["min_amount"])),
                aum=formatting.money_short(float(c["aum"])))
    except (KeyError, TypeError, ValueError):
        return ""
    return ""


def rules_text(codes: list[str] | tuple[str, ...]) -> str:
    """Several rule labels in one cell."""
    return "; ".join(rule(c) for c in codes)

