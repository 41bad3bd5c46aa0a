"""Words for loan customers (issue 21): loan families, statuses and the five-category classes,
arrears buckets, repayment-watch reasons and prospect reasons as sentences with their numbers,
eligibility exclusions, and what a portfolio lacks for the Loans page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from relmgr.analytics.loan_watch import Bucket, WatchReason
from relmgr.domain.codes import LoanClass, LoanFamily, LoanStatus
from relmgr.domain.loans import Exclusion
from relmgr.services.wording import Pair, label, say
from relmgr.services.wording.money import full_money

FAMILIES: dict[LoanFamily, Pair] = {
    LoanFamily.MORTGAGE: ("Mortgage", "房贷"),
    LoanFamily.CONSUMER: ("Consumer loan", "消费贷"),
    LoanFamily.BUSINESS: ("Business loan", "经营贷"),
    LoanFamily.CREDIT_CARD: ("Credit card", "信用卡"),
}
STATUSES: dict[LoanStatus, Pair] = {
    LoanStatus.CURRENT: ("Current", "正常"),
    LoanStatus.IN_ARREARS: ("In arrears", "逾期"),
    LoanStatus.RESTRUCTURED: ("Restructured", "重组"),
    LoanStatus.DEFAULTED: ("Defaulted", "违约"),
    LoanStatus.REPAID: ("Repaid", "已结清"),
}
CLASSES: dict[LoanClass, Pair] = {
    LoanClass.NORMAL: ("Normal", "正常"),
    LoanClass.SPECIAL_MENTION: ("Special mention", "关注"),
    LoanClass.SUBSTANDARD: ("Substandard", "次级"),
    LoanClass.DOUBTFUL: ("Doubtful", "可疑"),
    LoanClass.LOSS: ("Loss", "损失"),
}
BUCKETS: dict[Bucket, Pair] = {
    Bucket.D1_30: ("1–30 days past due", "逾期 1–30 天"),
    Bucket.D31_60: ("31–60 days past due", "逾期 31–60 天"),
    Bucket.D61_90: ("61–90 days past due", "逾期 61–90 天"),
    Bucket.D90_PLUS: ("Over 90 days past due", "逾期 90 天以上"),
    Bucket.UNKNOWN: ("In arrears (days not given)", "逾期（天数未提供）"),
}
WATCH_REASONS: dict[WatchReason, Pair] = {
    WatchReason.ARREARS: ("Repayment overdue", "还款逾期"),
    WatchReason.LOW_BALANCE: ("Balance below the next instalment", "余额不足下期还款"),
    WatchReason.SALARY_STOPPED: ("Salary stopped", "工资停发"),
    WatchReason.SHARP_OUTFLOW: ("Sharp outflow", "资金大额流出"),
}
EXCLUSIONS: dict[Exclusion, Pair] = {
    Exclusion.AGE: ("Age outside the team's range", "年龄不在团队规定范围内"),
    Exclusion.NO_INCOME: ("No monthly income on record", "无月收入记录"),
    Exclusion.LOW_INCOME: ("Income below the floor", "收入低于下限"),
    Exclusion.DEBT_TO_INCOME: ("Debt-to-income too high", "负债收入比过高"),
    Exclusion.NO_SCORE: ("No credit score", "无信用评分"),
    Exclusion.LOW_SCORE: ("Credit score below the floor", "信用评分低于下限"),
    Exclusion.IN_ARREARS: ("A loan in arrears", "有逾期贷款"),
    Exclusion.CLASSIFIED: ("A loan classified 关注 or worse", "有关注类及以下贷款"),
    Exclusion.HOLDS_FAMILY: ("Already holds one", "已持有同类贷款"),
    Exclusion.CLOSED: ("No longer a customer", "已销户"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((LoanFamily, FAMILIES), (LoanStatus, STATUSES), (LoanClass, CLASSES), (Bucket, BUCKETS),
         (WatchReason, WATCH_REASONS), (Exclusion, EXCLUSIONS))

MISSING: dict[str, Pair] = {
    "NO_LOANS": ("No loans imported yet (loans.csv): the watch and the loan book are empty, and "
                 "prospects need past loan openings to learn from.",
                 "尚未导入贷款数据（loans.csv）：还款监测和贷款概览为空，潜在客户需要历史放款数据。"),
    "NO_DUE_DATES": ("The export has no next due date or amount due: no low-balance warnings.",
                     "导出数据无下次还款日或应还金额：无法提示余额不足。"),
    "NO_DAYS_PAST_DUE": ("The export has no days past due: arrears are read from the status only.",
                         "导出数据无逾期天数：逾期仅按贷款状态判断。"),
    "NO_REPAYMENT_ACCOUNT": ("The export names no repayment account: no low-balance warnings.",
                             "导出数据未提供还款账户：无法提示余额不足。"),
    "NO_CLASSIFICATION": ("The export has no five-category classification (五级分类).",
                          "导出数据无五级分类。"),
    "NO_INCOME": ("No monthly income on record (credit_profiles.csv): nobody passes the income rule.",
                  "无月收入数据（credit_profiles.csv）：无人通过收入规则。"),
    "NO_SCORE": ("No credit scores on record: the score floor is not applied.",
                 "无信用评分数据：不适用评分下限。"),
    "FEW_OPENINGS": ("Too few past openings of this family to learn from.", "该类贷款历史放款太少，无法建模。"),
}

_S: dict[str, Pair] = {
    "arrears": ("{days} days past due, CNY {due} due, CNY {outstanding} outstanding",
                "逾期 {days} 天，应还 {due} 元，余额 {outstanding} 元"),
    "arrears_nodays": ("In arrears ({status}), CNY {outstanding} outstanding", "逾期（{status}），余额 {outstanding} 元"),
    "low_balance": ("CNY {due} due {date} (in {days} days), repayment account holds CNY {balance}",
                    "{date}（{days} 天后）应还 {due} 元，还款账户仅有 {balance} 元"),
    "salary": ("No salary since {date} ({days} days; paid in {months} of the last 6 months)",
               "自 {date} 起未发工资（{days} 天；近 6 个月中 {months} 个月有代发）"),
    "outflow": ("CNY {amount} out in {days} days, {ratio}× the usual CNY {usual}",
                "{days} 天内流出 {amount} 元，为平时（{usual} 元）的 {ratio} 倍"),
    "outflow_new": ("CNY {amount} out in {days} days, with almost nothing out before",
                    "{days} 天内流出 {amount} 元，此前几乎无流出"),
    "p_age": ("age {age}", "年龄 {age} 岁"),
    "p_salary": ("salary credited {months} of the last 12 months", "近 12 个月中 {months} 个月代发工资"),
    "p_no_salary": ("no salary credits (self-employed or paid elsewhere)", "无代发工资（个体经营或他行代发）"),
    "p_aum": ("assets CNY {aum}", "资产 {aum} 元"),
    "p_aum_change": ("assets {change} in 3 months", "资产 3 个月内{change}"),
    "p_tenure": ("customer for {years} years", "开户 {years} 年"),
    "p_logins": ("{count} digital logins a month", "每月登录手机银行 {count} 次"),
    "p_holds": ("holds a {family}", "已有{family}"),
    "p_not_holds": ("no {family}", "无{family}"),
    "prospect_line": ("Loan prospect: no. {rank} of the {of} top {family} prospects, {pct}% likely to take "
                      "one within {days} days — {why}",
                      "贷款潜在客户：{family}前 {of} 名中第 {rank} 名，{days} 天内办理的可能性 {pct}%——{why}"),
    "prospect_list": ("Loan prospects: {family}", "贷款潜在客户名单：{family}"),
    "up": ("up {pct}%", "增长 {pct}%"),
    "down": ("down {pct}%", "下降 {pct}%"),
}
_HOLD_CODES = {"has_card": LoanFamily.CREDIT_CARD, "has_mortgage": LoanFamily.MORTGAGE,
               "has_consumer": LoanFamily.CONSUMER, "has_business": LoanFamily.BUSINESS}


def family(value: str | None, *, language: str) -> str:
    return label(FAMILIES, LoanFamily, value, language=language)


def status(value: str | None, *, language: str) -> str:
    return label(STATUSES, LoanStatus, value, language=language)


def classification(value: str | None, *, language: str) -> str:
    return label(CLASSES, LoanClass, value, language=language)


def bucket(value: str | None, *, language: str) -> str:
    return label(BUCKETS, Bucket, value, language=language)


def watch_reason(value: str | None, *, language: str) -> str:
    return label(WATCH_REASONS, WatchReason, value, language=language)


def exclusion(value: str | None, *, language: str) -> str:
    return label(EXCLUSIONS, Exclusion, value, language=language)


def missing_sentence(code: str, *, language: str) -> str:
    pair = MISSING.get(code)
    return say(pair, language) if pair else code


def _money(amount: Any, language: str) -> str:
    """The number of an amount the sentence itself calls CNY / 元."""
    text = full_money(amount, language=language)
    return text.removeprefix("CNY ").removesuffix("元")


def watch_sentence(reason: str, details: Mapping[str, Any], *, language: str) -> str:
    """One watch line's reason with its numbers."""
    d = details
    if reason == WatchReason.ARREARS.value:
        if d.get("days_past_due") is None:
            return say(_S["arrears_nodays"], language).format(
                status=status(d.get("status"), language=language), outstanding=_money(d.get("outstanding"), language))
        return say(_S["arrears"], language).format(days=d["days_past_due"], due=_money(d.get("amount_due"), language),
                                                   outstanding=_money(d.get("outstanding"), language))
    if reason == WatchReason.LOW_BALANCE.value:
        return say(_S["low_balance"], language).format(due=_money(d["amount_due"], language), date=d["due_on"],
                                                       days=d["days_left"], balance=_money(d["balance"], language))
    if reason == WatchReason.SALARY_STOPPED.value:
        return say(_S["salary"], language).format(date=d["last_salary_on"], days=d["days_since"],
                                                  months=d["months_paid"])
    if reason == WatchReason.SHARP_OUTFLOW.value:
        if float(d.get("usual") or 0) < 100:
            return say(_S["outflow_new"], language).format(amount=_money(d["out_recent"], language), days=d["days"])
        return say(_S["outflow"], language).format(amount=_money(d["out_recent"], language), days=d["days"],
                                                   ratio=d["ratio"], usual=_money(d["usual"], language))
    return watch_reason(reason, language=language)


def prospect_reason(reason: Mapping[str, Any], *, language: str) -> str:
    """One prospect reason (analytics.loan_prospects.reasons) with its numbers."""
    code = reason.get("code")
    if code == "age":
        return say(_S["p_age"], language).format(age=reason["age"])
    if code == "salary_months":
        months = int(reason["months"])
        return say(_S["p_salary"], language).format(months=months) if months else say(_S["p_no_salary"], language)
    if code == "aum":
        return say(_S["p_aum"], language).format(aum=_money(reason["aum"], language))
    if code == "aum_change":
        change = float(reason["change"])
        word = say(_S["up" if change >= 0 else "down"], language).format(pct=round(abs(change) * 100))
        return say(_S["p_aum_change"], language).format(change=word)
    if code == "tenure":
        return say(_S["p_tenure"], language).format(years=reason["years"])
    if code == "logins":
        return say(_S["p_logins"], language).format(count=reason["per_month"])
    if code in _HOLD_CODES:
        name = family(_HOLD_CODES[code].value, language=language)
        return say(_S["p_holds" if reason.get("holds") else "p_not_holds"], language).format(family=name)
    return str(code)


def prospect_reasons_text(reasons: list[Mapping[str, Any]], *, language: str) -> str:
    sep = "，" if language == "zh_CN" else ", "
    return sep.join(prospect_reason(r, language=language) for r in reasons)


def prospect_line_sentence(line: Any, *, language: str) -> str:
    """A loan_reasons.ProspectLine in words: rank, likelihood and why, with the numbers."""
    return say(_S["prospect_line"], language).format(
        rank=line.rank, of=line.of, family=family(line.family, language=language),
        pct=f"{line.probability * 100:.1f}", days=line.horizon_days,
        why=prospect_reasons_text(line.reasons, language=language))


def prospect_list_title(loan_family: str, *, language: str) -> str:
    return say(_S["prospect_list"], language).format(family=family(loan_family, language=language))
