"""Words for unusual-activity alerts (issue 18): the signal names and one sentence per alert with
the customer's own numbers ("CNY 480,000 out, 14× the largest in 12 months"). A service alert for
the RM to check in with the customer, never a fraud verdict: the words say what is unusual."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from relmgr.services.wording import CHINESE, Pair, checked, say
from relmgr.services.wording.customers import channel as channel_word
from relmgr.services.wording.money import summary_money

SIGNALS: dict[str, Pair] = {
    "AMOUNT": ("Unusual amount", "金额异常"),
    "BURST": ("Burst of transactions", "交易频次激增"),
    "NEW_CHANNEL": ("New channel", "新渠道交易"),
    "DORMANT": ("Dormant account active", "久未动户突然交易"),
}
DISCLAIMER: Pair = ("A service alert to check in with the customer, not a finding of fraud.",
                    "服务提醒：请与客户核实情况，并非欺诈认定。")


def _times(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:,.1f}"


def reason(alert: Mapping[str, Any], *, language: str) -> str:
    """The alert's reason in words and numbers."""
    chinese = checked(language) == CHINESE
    amount = float(alert["amount"])
    money = summary_money(abs(amount), language=language)
    if chinese:
        way = "转入" if amount > 0 else "转出"
    else:
        way = "in" if amount > 0 else "out"
    signal = alert["signal"]
    if signal == "AMOUNT":
        times = _times(abs(amount) / float(alert["largest_12m"]))
        return (f"{way} {money}，为近 12 个月最大一笔的 {times} 倍" if chinese
                else f"{money} {way}, {times}× the largest in 12 months")
    if signal == "BURST":
        count, days, usual = int(alert["count"]), int(alert["days"]), float(alert["usual_per_month"])
        return (f"{days} 天内 {count} 笔交易，平时每月约 {usual:g} 笔" if chinese
                else f"{count} transactions in {days} days; usually {usual:g} a month")
    if signal == "NEW_CHANNEL":
        route = channel_word(alert["channel"], language=language)
        return (f"通过{route}{way} {money}，近 12 个月未使用该渠道" if chinese
                else f"{money} {way} through {route}, a channel not used in 12 months")
    if signal == "DORMANT":
        months = int(alert["quiet_days"]) // 30
        return (f"沉寂 {months} 个月后首笔交易：{way} {money}" if chinese
                else f"{money} {way} after {months} months without a transaction")
    return signal


def signal_name(code: str, *, language: str) -> str:
    return say(SIGNALS[code], language) if code in SIGNALS else code
