"""Words for the Today worklist (relmgr/services/worklist.py: WorkReason, SuggestedAction): short
labels, one sentence per reason with the line's own numbers ("Contact 34 days overdue (every 90
days; last contact 2026-01-27)"), how each reason earns its points, and why a signal is missing
from the list. Numbers come from the worklist's `details` entries; nothing here computes a score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from relmgr.domain.churn import probability_percent
from relmgr.services.wording import Pair, label, say
from relmgr.services.wording import churn as churn_words
from relmgr.analytics.loan_watch import WatchRules
from relmgr.services.worklist import SuggestedAction, WorklistRules, WorkReason

_WATCH = WatchRules()

REASONS: dict[WorkReason, Pair] = {
    WorkReason.TASK_DUE: ("Task due", "待办到期"),
    WorkReason.CHURN_RISK: ("Churn risk", "流失风险"),
    WorkReason.MATURING: ("Product maturing", "产品到期"),
    WorkReason.CONTACT_OVERDUE: ("Contact overdue", "联系逾期"),
    WorkReason.CONTACT_DUE: ("Contact due", "应联系"),
    WorkReason.RECOMMENDATION_ACCEPTED: ("Accepted recommendation", "已接受的推荐"),
    WorkReason.BIRTHDAY: ("Birthday", "生日"),
    WorkReason.WIN_BACK: ("Win-back", "挽回"),
    WorkReason.LOAN_WATCH: ("Repayment watch", "还款监测"),
}
ACTIONS: dict[SuggestedAction, Pair] = {
    SuggestedAction.RETENTION_CALL: ("Retention call", "挽留回访"),
    SuggestedAction.COMPLETE_TASK: ("Complete the task", "完成待办"),
    SuggestedAction.DISCUSS_MATURITY: ("Discuss the maturing funds", "到期资金安排"),
    SuggestedAction.SERVICE_CALL: ("Service call", "例行回访"),
    SuggestedAction.CLOSE_SALE: ("Complete the sale", "跟进成交"),
    SuggestedAction.BIRTHDAY_GREETING: ("Birthday greeting", "生日问候"),
    SuggestedAction.WIN_BACK_CALL: ("Win-back call", "挽回联系"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((WorkReason, REASONS), (SuggestedAction, ACTIONS))

_S: dict[str, Pair] = {
    "task": ("Task due today: {title}", "待办今天到期：{title}"),
    "task_late": ("Task {days} days overdue: {title}", "待办逾期 {days} 天：{title}"),
    "task_more": (" (+{count} more)", "（另有 {count} 项）"),
    "churn": ("Churn risk {pct} ({band})", "流失风险 {pct}（{band}）"),
    "churn_why": ("Churn risk {pct} ({band}): {why}", "流失风险 {pct}（{band}）：{why}"),
    "mature_today": ("{product} matures today, CNY {amount}", "{product}今天到期，{amount} 元"),
    "mature_tomorrow": ("{product} matures tomorrow, CNY {amount}", "{product}明天到期，{amount} 元"),
    "mature": ("{product} matures {date} (in {days} days), CNY {amount}",
               "{product}于 {date} 到期（{days} 天后），{amount} 元"),
    "mature_many": ("{count} products mature from {date}, CNY {amount}",
                    "{count} 个产品自 {date} 起到期，共 {amount} 元"),
    "overdue": ("Contact {days} days overdue (every {cadence} days; last contact {last})",
                "联系已逾期 {days} 天（每 {cadence} 天联系一次；上次联系 {last}）"),
    # Counted from the customer's first due date, a never-contacted customer of long standing is
    # "4,372 days overdue": true but useless to an RM. Say there is no contact and since when.
    "overdue_never": ("No contact on record; due since {due} (every {cadence} days)",
                      "无联系记录；自 {due} 起应联系（每 {cadence} 天联系一次）"),
    "due": ("Contact due by {date} (every {cadence} days)", "应于 {date} 前联系（每 {cadence} 天联系一次）"),
    "accepted": ("Accepted {products} on {date}; not opened yet", "已于 {date} 接受 {products}，尚未办理"),
    "birthday_today": ("Birthday today (turns {age})", "今天生日（{age} 岁）"),
    "birthday_tomorrow": ("Birthday tomorrow (turns {age})", "明天生日（{age} 岁）"),
    "birthday": ("Birthday on {date}, in {days} days (turns {age})", "{date} 生日，还有 {days} 天（{age} 岁）"),
    "win_back_closed": ("Left the bank on {date} ({days} days ago): worth a win-back call",
                        "已于 {date} 销户（{days} 天前）：可尝试挽回"),
    "win_back_gone": ("AUM down {pct} in {window} days: the money has left; a win-back call, not retention",
                      "{window} 天内资产下降 {pct}：资金已转走，宜挽回而非挽留"),
    "separator": ("; ", "；"),
    "list_separator": (", ", "、"),
}

# How each reason earns its points (WorklistRules' documented weights).
_OVERDUE_RULE: Pair = ("{base:g} points, plus {per_day:g} per day overdue (at most {max:g} more)",
                       "{base:g} 分，逾期每天加 {per_day:g} 分（最多再加 {max:g} 分）")
_POINTS: Pair = ("{base:g} points", "{base:g} 分")
_RULES: dict[WorkReason, Pair] = {
    WorkReason.TASK_DUE: _OVERDUE_RULE,
    WorkReason.CHURN_RISK: ("{base:g} points × churn probability", "{base:g} 分 × 流失概率"),
    WorkReason.MATURING: ("{base:g} points when it matures today, falling to {low:g} at {days} days ahead",
                          "当天到期 {base:g} 分，提前 {days} 天时降至 {low:g} 分"),
    WorkReason.CONTACT_OVERDUE: _OVERDUE_RULE,
    WorkReason.CONTACT_DUE: _POINTS,
    WorkReason.RECOMMENDATION_ACCEPTED: _POINTS,
    WorkReason.BIRTHDAY: ("{base:g} points on the day, {low:g} in the days before",
                          "生日当天 {base:g} 分，之前几天 {low:g} 分"),
    WorkReason.WIN_BACK: ("{base:g} points: a customer who has left comes after those still here",
                          "{base:g} 分：已流失的客户排在现有客户之后"),
    WorkReason.LOAN_WATCH: ("{base:g} points for a loan in arrears, plus {per_day:g} per day past due; "
                            "{low:g} for a balance below the next instalment; less for salary stopped "
                            "or a sharp outflow",
                            "贷款逾期 {base:g} 分，逾期每天加 {per_day:g} 分；余额不足下期还款 {low:g} 分；"
                            "工资停发或大额流出分数较低"),
}

_SKIPPED: dict[WorkReason, Pair] = {
    WorkReason.CHURN_RISK: ("Churn warnings are not on this list yet: the portfolio has no churn scores.",
                            "本清单暂未包含流失预警：该客户档案尚无流失评分。"),
    WorkReason.RECOMMENDATION_ACCEPTED: ("Accepted recommendations are not on this list yet: no outcomes recorded.",
                                         "本清单暂未包含已接受的推荐：尚无推荐反馈记录。"),
    WorkReason.LOAN_WATCH: ("Repayment warnings are not on this list: the portfolio has no loans.",
                            "本清单未包含还款预警：该客户档案无贷款数据。"),
}
_SKIPPED_OTHER: Pair = ("Not on this list: {signal}.", "本清单未包含：{signal}。")


def reason_label(value: str | None, *, language: str) -> str:
    return label(REASONS, WorkReason, value, language=language)


def action_label(value: str | None, *, language: str) -> str:
    return label(ACTIONS, SuggestedAction, value, language=language)


SERVICE_ONLY: Pair = ("service call only", "仅限服务来电，勿营销")


def action_with_consent(value: str | None, *, service_only: bool, language: str) -> str:
    """The suggested action, with "service call only" for a customer who declined marketing."""
    action = action_label(value, language=language)
    if not service_only:
        return action
    return f"{action}（{SERVICE_ONLY[1]}）" if language.startswith("zh") else f"{action} ({SERVICE_ONLY[0]})"


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _amount(value: Any) -> str:
    try:
        return f"{float(value):,.0f}"
    except (TypeError, ValueError):
        return ""


def _probability(value: Any) -> str:
    try:
        number = float(value or 0)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(number) else probability_percent(number)


def _products(ids: Iterable[Any], names: Mapping[str, str] | None, language: str) -> str:
    names = names or {}
    return say(_S["list_separator"], language).join(names.get(str(p)) or str(p) for p in ids)


def reason_sentence(detail: Mapping[str, Any], *, language: str,
                    product_names: Mapping[str, str] | None = None) -> str:
    """One `details` entry of a worklist line as a sentence with its numbers; `product_names`
    maps product ids to their names in `language`."""
    reason = detail.get("reason")

    def s(key: str) -> str:
        return say(_S[key], language)

    if reason == WorkReason.TASK_DUE:
        days, title = _int(detail.get("days_overdue")), str(detail.get("title") or "")
        text = s("task_late").format(days=days, title=title) if days > 0 else s("task").format(title=title)
        text = text if title else text.rstrip(" :：")     # the command line leaves titles out
        more = _int(detail.get("tasks")) - 1
        return text + (s("task_more").format(count=more) if more > 0 else "")
    if reason == WorkReason.CHURN_RISK:
        pct = _probability(detail.get("probability"))
        band = churn_words.band(detail.get("band"), language=language) or "–"
        why = churn_words.reasons_text(detail.get("reasons"), language=language, top=1)
        return s("churn_why").format(pct=pct, band=band, why=why) if why else s("churn").format(pct=pct, band=band)
    if reason == WorkReason.MATURING:
        days, amount = _int(detail.get("days_left")), _amount(detail.get("balance"))
        date, count = str(detail.get("maturity_on") or ""), _int(detail.get("holdings"))
        if count > 1:
            return s("mature_many").format(count=count, date=date, amount=amount)
        product = _products(detail.get("product_ids") or [], product_names, language)
        if days in (0, 1):
            return s("mature_today" if days == 0 else "mature_tomorrow").format(product=product, amount=amount)
        return s("mature").format(product=product, date=date, days=days, amount=amount)
    if reason == WorkReason.CONTACT_OVERDUE:
        days, cadence, last = _int(detail.get("days_overdue")), detail.get("cadence_days"), detail.get("last_contact_on")
        if last:
            return s("overdue").format(days=days, cadence=cadence or "–", last=last)
        return s("overdue_never").format(due=detail.get("due_on") or "", cadence=cadence or "–")
    if reason == WorkReason.CONTACT_DUE:
        return s("due").format(date=detail.get("due_on") or "", cadence=detail.get("cadence_days") or "–")
    if reason == WorkReason.RECOMMENDATION_ACCEPTED:
        return s("accepted").format(products=_products(detail.get("product_ids") or [], product_names, language),
                                    date=detail.get("accepted_on") or "")
    if reason == WorkReason.BIRTHDAY:
        days, age = _int(detail.get("days_left")), detail.get("age", "")
        if days in (0, 1):
            return s("birthday_today" if days == 0 else "birthday_tomorrow").format(age=age)
        return s("birthday").format(date=detail.get("on") or "", days=days, age=age)
    if reason == WorkReason.WIN_BACK:
        if detail.get("kind") == "CLOSED":
            return s("win_back_closed").format(date=detail.get("closed_on") or "", days=_int(detail.get("days_ago")))
        window = {"AUM_DROP_30D": 30, "AUM_DROP_90D": 90, "AUM_DROP_180D": 180}.get(str(detail.get("code")), 90)
        try:
            pct = f"{abs(float(detail.get('change') or 0)):.0%}"
        except (TypeError, ValueError):
            pct = "–"
        return s("win_back_gone").format(pct=pct, window=window)
    if reason == WorkReason.LOAN_WATCH:
        from relmgr.services.wording import loans as loan_words

        text = loan_words.family(detail.get("family"), language=language) + say((": ", "："), language) \
            + loan_words.watch_sentence(str(detail.get("watch")), detail, language=language)
        more = _int(detail.get("lines")) - 1
        return text + (s("task_more").format(count=more) if more > 0 else "")
    return reason_label(reason, language=language)


def reasons_text(details: Any, *, language: str, product_names: Mapping[str, str] | None = None) -> str:
    """Every reason of a line as sentences joined by '; ' (for a table cell)."""
    if not isinstance(details, list | tuple):
        return ""
    return say(_S["separator"], language).join(
        reason_sentence(d, language=language, product_names=product_names) for d in details)


def points_rule(reason: str | None, *, language: str, rules: WorklistRules = WorklistRules()) -> str:
    """How a reason earns its points, with the rules' numbers."""
    try:
        kind = WorkReason(reason)
    except ValueError:
        return ""
    numbers = {
        WorkReason.TASK_DUE: {"base": rules.task_points, "per_day": rules.task_overdue_points_per_day,
                              "max": rules.task_overdue_max_extra},
        WorkReason.CHURN_RISK: {"base": rules.churn_points},
        WorkReason.MATURING: {"base": rules.maturity_points, "low": rules.maturity_points_at_horizon,
                              "days": rules.maturity_days_ahead},
        WorkReason.CONTACT_OVERDUE: {"base": rules.contact_overdue_points,
                                     "per_day": rules.contact_overdue_points_per_day,
                                     "max": rules.contact_overdue_max_extra},
        WorkReason.CONTACT_DUE: {"base": rules.contact_due_points},
        WorkReason.RECOMMENDATION_ACCEPTED: {"base": rules.recommendation_points},
        WorkReason.BIRTHDAY: {"base": rules.birthday_points, "low": rules.birthday_upcoming_points},
        WorkReason.WIN_BACK: {"base": rules.win_back_points},
        WorkReason.LOAN_WATCH: {"base": _WATCH.arrears_points, "per_day": _WATCH.arrears_points_per_day,
                                "low": _WATCH.low_balance_points},
    }[kind]
    return say(_RULES[kind], language).format(**numbers)


def skipped_text(signal: str, *, language: str) -> str:
    """Why a signal contributed nothing to today's list, in words."""
    try:
        pair = _SKIPPED.get(WorkReason(signal))
    except ValueError:
        pair = None
    if pair:
        return say(pair, language)
    return say(_SKIPPED_OTHER, language).format(signal=reason_label(signal, language=language) or signal)
