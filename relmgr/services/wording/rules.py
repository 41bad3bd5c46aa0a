"""Words for the team rules an RM can change (relmgr/services/team_rules.py): each rule's name
and why a value is refused, for the Team rules dialog and `relmgr rules` alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from relmgr.services.wording import Pair, say

# By rule name (team_rules.FIELDS); the dialog shows them as its labels.
RULE_NAMES: dict[str, Pair] = {
    "tiers.private_min_aum": ("Private banking from (CNY)", "私人银行门槛（元）"),
    "tiers.wealth_min_aum": ("Wealth from (CNY)", "财富门槛（元）"),
    "tiers.vip_min_aum": ("VIP from (CNY)", "贵宾门槛（元）"),
    "tiers.downgrade_months": ("Downgrade after (months below)", "降级前低于门槛的月数"),
    "tiers.private_cadence_days": ("Private banking: contact every (days)", "私人银行：联系周期（天）"),
    "tiers.wealth_cadence_days": ("Wealth: contact every (days)", "财富：联系周期（天）"),
    "tiers.vip_cadence_days": ("VIP: contact every (days)", "贵宾：联系周期（天）"),
    "tiers.mass_cadence_days": ("Mass: contact every (days)", "大众：联系周期（天）"),
    "churn.horizon_days": ("Churn horizon (days)", "流失预测期（天）"),
    "churn.high_probability": ("High risk from", "高风险起点"),
    "churn.medium_probability": ("Medium risk from", "中风险起点"),
    "today.capacity": ("Today: contacts per day", "今日工作：每日联系人数"),
    "sync.k": ("Head office: smallest group (k)", "总行汇总：最小分组人数（k）"),
    "sync.epsilon": ("Head office: privacy budget ε per summary (0 = no noise)",
                     "总行汇总：每份汇总的隐私预算 ε（0 = 不加噪声）"),
    "marketing.control_share": ("Campaigns: share held out as control group", "营销活动：对照组比例"),
    "loans.min_age": ("Loans: youngest age", "贷款：最低年龄"),
    "loans.max_age": ("Loans: oldest age", "贷款：最高年龄"),
    "loans.mortgage_max_age": ("Mortgages: oldest age", "房贷：最高年龄"),
    "loans.min_income": ("Loans: lowest monthly income (CNY)", "贷款：最低月收入（元）"),
    "loans.max_dti": ("Loans: highest debt-to-income", "贷款：最高负债收入比"),
    "loans.min_score": ("Loans: credit score floor", "贷款：最低信用评分"),
}

_PROBLEMS: dict[str, Pair] = {
    "UNKNOWN": ("There is no team rule called {field}.", "没有名为 {field} 的团队规则。"),
    "NOT_A_NUMBER": ("{field} must be a number.", "{field}必须是数字。"),
    "NOT_WHOLE": ("{field} must be a whole number.", "{field}必须是整数。"),
    "OUT_OF_RANGE": ("{field} must be between {minimum} and {maximum}.", "{field}必须在 {minimum} 到 {maximum} 之间。"),
    "OUT_OF_RANGE_PROBABILITY": ("{field} must be above 0% and below 100%.", "{field}必须大于 0% 且小于 100%。"),
    "NOT_ABOVE": ("{field} must be above {other}.", "{field}必须高于{other}。"),
    "NOT_BELOW": ("{field} must be below {other}.", "{field}必须低于{other}。"),
    "ABOVE_OTHER": ("{field} must not be above {other}.", "{field}不得高于{other}。"),
    "BELOW_OTHER": ("{field} must not be below {other}.", "{field}不得低于{other}。"),
    "REFUSED": ("{field}: {detail}", "{field}：{detail}"),
}
# The features' own refusals by their code (domain/loans.py Refusal), the rules named in words.
_REFUSALS: dict[str, Pair] = {
    "AGES": ("{field}: {min_age} and {max_age} must lie from 18 to 100, the first at most the second.",
             "{field}：{min_age}和{max_age}须在 18 到 100 之间，且前者不高于后者。"),
    "MORTGAGE_AGE": ("{field} must lie between {min_age} and {max_age}.",
                     "{field}必须介于{min_age}与{max_age}之间。"),
    "INCOME_DTI": ("{field}: the lowest income must not be negative and the highest debt-to-income must be "
                   "above 0 and at most 2 (200%).",
                   "{field}：最低月收入不得为负，最高负债收入比须大于 0 且不超过 2（200%）。"),
}


def rule_name(name: str, *, language: str) -> str:
    """A rule's name in words; the rule's own name when it has none (from a newer relmgr)."""
    pair = RULE_NAMES.get(name)
    return say(pair, language) if pair else name


def problem_sentence(name: str, problem: str, numbers: Mapping[str, Any], *, language: str,
                     label_of: Callable[[str], str] | None = None) -> str:
    """One sentence saying which rule is refused and why. `label_of` names rules (default: their
    words in `language`; the command line names them as typed)."""
    label_of = label_of or (lambda n: rule_name(n, language=language))
    key = str(problem)
    if key == "OUT_OF_RANGE" and name.endswith("_probability"):
        key = "OUT_OF_RANGE_PROBABILITY"
    values = {k: _number(v) for k, v in numbers.items()}
    if key == "REFUSED" and str(numbers.get("detail")) in _REFUSALS:
        rules = {"min_age": label_of("loans.min_age"), "max_age": label_of("loans.max_age")}
        return say(_REFUSALS[str(numbers["detail"])], language).format(field=label_of(name), **rules)
    if "other" in values:
        values["other"] = label_of(str(values["other"]))
    return say(_PROBLEMS.get(key, _PROBLEMS["REFUSED"]), language).format(
        field=label_of(name), **{"detail": key, **values})


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return f"{int(value):,}" if value == int(value) else f"{value:g}"
