"""Words for churn warnings (relmgr/domain/churn.py): risk bands, warning states, model kinds,
short names of the reason codes, and `reason_sentence`, which turns a reason {code, value} from
the churn model into one plain sentence with the customer's own number ("AUM down 62% in 90
days", "Salary credit stopped 2 months ago").

The units of each value are those documented on `ReasonCode` (and produced by
relmgr/analytics/churn_model.py `_reason_for`): fractional changes (-0.62 = down 62%), CNY
amounts, days, months, counts, years.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from relmgr.domain.churn import DriverGroup, ModelKind, ReasonCode, RiskBand, WarningState
from relmgr.services.wording import Pair, label, say

BANDS: dict[RiskBand, Pair] = {
    RiskBand.HIGH: ("High", "高"),
    RiskBand.MEDIUM: ("Medium", "中"),
    RiskBand.LOW: ("Low", "低"),
}
WARNING_STATES: dict[WarningState, Pair] = {
    WarningState.OPEN: ("Open", "待办"),
    WarningState.HANDLED: ("Handled", "已处理"),
    WarningState.SNOOZED: ("Snoozed", "已暂缓"),
}
MODEL_KINDS: dict[ModelKind, Pair] = {
    ModelKind.MODEL: ("Gradient boosting model (calibrated)", "梯度提升模型（已校准）"),
    ModelKind.RULE_BASELINE: ("Rule baseline (days since last activity)", "规则基线（距最近交易天数）"),
}
# Short names of the reason codes (a legend, a filter); the sentences below carry the numbers.
REASONS: dict[ReasonCode, Pair] = {
    ReasonCode.AUM_DROP_30D: ("AUM drop (30 days)", "资产下降（30 天）"),
    ReasonCode.AUM_DROP_90D: ("AUM drop (90 days)", "资产下降（90 天）"),
    ReasonCode.AUM_DROP_180D: ("AUM drop (180 days)", "资产下降（180 天）"),
    ReasonCode.AUM_CHANGE_90D: ("AUM trend (90 days)", "资产走势（90 天）"),
    ReasonCode.LOW_BALANCE: ("Low balance", "余额偏低"),
    ReasonCode.NO_ACTIVITY_DAYS: ("Inactivity", "交易不活跃"),
    ReasonCode.TXNS_DOWN: ("Fewer transactions", "交易减少"),
    ReasonCode.NET_OUTFLOW_90D: ("Net outflow", "资金净流出"),
    ReasonCode.SALARY_STOPPED: ("Salary stopped", "代发工资停止"),
    ReasonCode.PENSION_STOPPED: ("Pension stopped", "养老金入账停止"),
    ReasonCode.DEPOSIT_MATURED_WITHDRAWN: ("Matured deposit withdrawn", "到期定期存款转出"),
    ReasonCode.PRODUCTS_CLOSED: ("Products closed", "关闭产品"),
    ReasonCode.LOGINS_DOWN: ("Fewer digital logins", "线上登录减少"),
    ReasonCode.NO_RECENT_CONTACT: ("No recent contact", "近期未联系"),
    ReasonCode.COMPLAINT: ("Complaints", "投诉"),
    ReasonCode.SHORT_TENURE: ("New customer", "新客户"),
    ReasonCode.PROFILE: ("Age and product mix", "年龄与产品组合"),
}

# The model card's "why customers leave": what each group of reasons means to an RM.
DRIVERS: dict[DriverGroup, Pair] = {
    DriverGroup.ASSETS_FALLING: ("Assets falling or low", "资产下降或偏低"),
    DriverGroup.MONEY_OUT: ("Money moving out (outflows, matured deposits withdrawn)",
                            "资金流出（净流出、定期到期转走）"),
    DriverGroup.LESS_ACTIVITY: ("Using the bank less (transactions, logins)", "用得少了（交易、登录减少）"),
    DriverGroup.INCOME_STOPPED: ("Salary or pension no longer credited here", "代发工资或养老金不再入账"),
    DriverGroup.PRODUCTS_CLOSED: ("Products closed", "关闭产品"),
    DriverGroup.RELATIONSHIP: ("Relationship (no recent contact, complaints, new customer)",
                               "客户关系（近期未联系、投诉、新客户）"),
    DriverGroup.PROFILE: ("Age and product mix", "年龄与产品组合"),
    DriverGroup.NO_SINGLE_REASON: ("No single reason stands out", "无单一突出原因"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((RiskBand, BANDS), (WarningState, WARNING_STATES), (ModelKind, MODEL_KINDS), (ReasonCode, REASONS),
         (DriverGroup, DRIVERS))

# One sentence per code; {placeholders} are filled with the formatted value.
_SENTENCES: dict[ReasonCode, Pair] = {
    ReasonCode.AUM_DROP_30D: ("AUM down {pct} in 30 days", "30 天内资产下降 {pct}"),
    ReasonCode.AUM_DROP_90D: ("AUM down {pct} in 90 days", "90 天内资产下降 {pct}"),
    ReasonCode.AUM_DROP_180D: ("AUM down {pct} in 180 days", "180 天内资产下降 {pct}"),
    ReasonCode.LOW_BALANCE: ("Low balance: AUM {amount} at month end", "余额偏低：月末资产 {amount} 元"),
    ReasonCode.TXNS_DOWN: ("Transactions down {pct} (last 90 days vs the 90 before)",
                           "交易笔数下降 {pct}（近 90 天较前 90 天）"),
    # The flows are monthly (migration 0015): the net over the last 3 months.
    ReasonCode.NET_OUTFLOW_90D: ("Net outflow of {amount} in the last 3 months", "近 3 个月资金净流出 {amount} 元"),
    ReasonCode.SALARY_STOPPED: ("Salary credit stopped {months} months ago", "代发工资已于 {months} 个月前停止"),
    ReasonCode.PENSION_STOPPED: ("Pension credit stopped {months} months ago", "养老金入账已于 {months} 个月前停止"),
    ReasonCode.DEPOSIT_MATURED_WITHDRAWN: ("Time deposit of {amount} matured and was withdrawn",
                                           "{amount} 元定期存款到期后已转出"),
    ReasonCode.PRODUCTS_CLOSED: ("Products closed in the last 90 days: {count}", "近 90 天关闭产品：{count} 个"),
    ReasonCode.LOGINS_DOWN: ("Digital logins down {pct} (last 3 months vs the 3 before)",
                             "线上登录次数下降 {pct}（近 3 个月较前 3 个月）"),
    ReasonCode.NO_RECENT_CONTACT: ("No contact from the bank for {days} days", "已 {days} 天未联系客户"),
    ReasonCode.COMPLAINT: ("Complaints in the last 180 days: {count}", "近 180 天投诉：{count} 次"),
    ReasonCode.SHORT_TENURE: ("Shorter relationship than most: {days} days", "客龄较短：开户仅 {days} 天"),
    ReasonCode.PROFILE: ("Profile: age {years} and product mix", "客户画像：{years} 岁及产品组合"),
}
_AUM_UP: Pair = ("AUM trend: up {pct} in 90 days", "资产走势：90 天内增长 {pct}")
_AUM_DOWN: Pair = ("AUM trend: down {pct} in 90 days", "资产走势：90 天内下降 {pct}")
_AUM_FLAT: Pair = ("AUM flat over 90 days", "90 天内资产基本持平")
_NO_ACTIVITY: Pair = ("No transactions for {days} days", "已 {days} 天无交易")
# Under a month the model still weighs recency, but "no transactions for 3 days" would alarm.
_LAST_ACTIVITY: Pair = ("Last transaction {days} days ago", "最近一笔交易在 {days} 天前")
_NO_ACTIVITY_FROM_DAYS = 30
_UNKNOWN: Pair = ("{code}: {value}", "{code}：{value}")
_SEPARATOR: Pair = ("; ", "；")


def band(value: str | None, *, language: str) -> str:
    return label(BANDS, RiskBand, value, language=language)


def warning_state(value: str | None, *, language: str) -> str:
    return label(WARNING_STATES, WarningState, value, language=language)


def model_kind(value: str | None, *, language: str) -> str:
    return label(MODEL_KINDS, ModelKind, value, language=language)


def driver_label(value: str | None, *, language: str) -> str:
    return label(DRIVERS, DriverGroup, value, language=language)


def reason_label(value: str | None, *, language: str) -> str:
    return label(REASONS, ReasonCode, value, language=language)


# -- numbers -----------------------------------------------------------------------------------
def _percent(fraction: float) -> str:
    """|-0.62| -> '62%'; small changes keep one decimal so they do not read as 0%."""
    pct = abs(fraction) * 100
    return f"{pct:.0f}%" if pct >= 9.95 or pct == 0 else f"{pct:.1f}%"


def _months(value: float) -> str:
    """2.0 -> '2', 1.5 -> '1.5'."""
    rounded = round(float(value), 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def reason_sentence(reason: Mapping[str, Any], *, language: str) -> str:
    """One reason {code, value} as a sentence with its number."""
    code, value = reason.get("code"), reason.get("value")
    try:
        kind = ReasonCode(code)
        number = float(value)
    except (ValueError, TypeError):
        return say(_UNKNOWN, language).format(code=code, value=value)
    if not math.isfinite(number):
        return reason_label(kind, language=language)
    if kind is ReasonCode.AUM_CHANGE_90D:
        if round(abs(number) * 100, 1) == 0:
            return say(_AUM_FLAT, language)
        return say(_AUM_UP if number > 0 else _AUM_DOWN, language).format(pct=_percent(number))
    if kind is ReasonCode.NO_ACTIVITY_DAYS:
        pair = _NO_ACTIVITY if number >= _NO_ACTIVITY_FROM_DAYS else _LAST_ACTIVITY
        return say(pair, language).format(days=f"{int(number):,}")
    return say(_SENTENCES[kind], language).format(
        pct=_percent(number), amount=f"{abs(number):,.0f}", months=_months(number),
        count=f"{int(number):,}", days=f"{int(number):,}", years=f"{int(number)}")


def reasons_text(reasons: Iterable[Mapping[str, Any]] | str | None, *, language: str,
                 top: int | None = 2) -> str:
    """The first `top` reasons (all for None) as sentences joined by '; ' (for a table cell).
    `reasons` may be the stored JSON text of the list."""
    if isinstance(reasons, str):
        try:
            reasons = json.loads(reasons)
        except json.JSONDecodeError:
            return ""
    if not isinstance(reasons, list | tuple):
        return ""
    shown = list(reasons) if top is None else list(reasons)[:top]
    return say(_SEPARATOR, language).join(reason_sentence(r, language=language) for r in shown)
