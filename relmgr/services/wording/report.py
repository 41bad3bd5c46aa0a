"""Words of the monthly portfolio review report (issue 18, services/report): its title, section
headings, table columns, the sentences that say what a section holds (or that it holds nothing),
the charts' axis labels, and how a figure's value reads in a summary. The figures' own titles
and definitions come from wording.dashboard, money from wording.money."""

from __future__ import annotations

from typing import Any

from relmgr.services.wording import Pair, say
from relmgr.services.wording.money import summary_money

NOTHING = "-"

# Not named WORDS: that name is the code-type table each wording module may have
# (tests/services/test_wording.py reads it).

REPORT_WORDS: dict[str, Pair] = {
    "title": ("Monthly portfolio review", "月度客户经营报告"),
    "heading": ("{title}: {month}", "{title}（{month}）"),
    "branch": ("Branch", "网点"),
    "rm": ("Relationship manager", "客户经理"),
    "month": ("Month", "月份"),
    "counted_to": ("Counted to", "数据截至"),
    "masked": ("Personal data masked", "个人信息已脱敏"),
    "made_on": ("Made", "生成时间"),
    # sections
    "glance": ("The portfolio at a glance", "经营概况"),
    "kpis": ("KPIs against targets", "考核指标完成情况"),
    "charts": ("Charts", "图表"),
    "warnings": ("Top churn warnings and what was done", "重点流失预警及处理情况"),
    "moves": ("Tier movements", "客户层级变动"),
    "stage_moves": ("Lifecycle moves", "生命周期迁移"),
    "campaigns": ("Campaign results", "营销活动成效"),
    "alerts": ("Unusual activity", "异常交易提醒"),
    # columns
    "figure": ("Figure", "指标"),
    "value": ("Value", "数值"),
    "definition": ("Definition", "统计口径"),
    "kpi": ("KPI", "考核指标"),
    "target": ("Target", "目标"),
    "actual": ("Actual", "实际"),
    "progress": ("Progress", "完成率"),
    "counted": ("Counted", "计数"),
    "rank": ("#", "序号"),
    "customer": ("Customer", "客户号"),
    "name": ("Name", "姓名"),
    "tier": ("Tier", "客户层级"),
    "band": ("Risk band", "风险等级"),
    "probability": ("Churn risk", "流失概率"),
    "value_at_risk": ("Value at risk", "风险资产"),
    "reason": ("Main reason", "主要原因"),
    "done": ("What was done", "处理情况"),
    "change": ("Change", "变动"),
    "from": ("From", "原层级"),
    "to": ("To", "新层级"),
    "customers": ("Customers", "客户数"),
    "from_stage": ("From stage", "原阶段"),
    "to_stage": ("To stage", "新阶段"),
    "campaign": ("Campaign", "活动"),
    "runs": ("Runs", "活动期间"),
    "offered": ("Contacted", "触达客户"),
    "bought": ("Bought", "购买"),
    "conversion": ("Conversion", "转化率"),
    "control_conversion": ("Control group", "对照组转化率"),
    "uplift": ("Uplift", "提升"),
    "revenue": ("Revenue", "收入"),
    "incremental_revenue": ("Campaign's part", "其中活动带来"),
    "cost": ("Cost", "成本"),
    "roi": ("ROI", "投资回报率"),
    "verdict": ("Result", "结论"),
    "date": ("Date", "日期"),
    "of_whole": ("Out of", "基数"),
    "item": ("Item", "项目"),
    "control": ("Control group (not contacted)", "对照组客户（未触达）"),
    "control_bought": ("Control group bought", "对照组购买"),
    "info": ("Report info", "报告信息"),
    "signal": ("Signal", "提醒类型"),
    "checked": ("Checked", "已核实"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "month_col": ("Month", "月份"),
    "inflow": ("Money in", "流入"),
    "outflow": ("Money out", "流出"),
    "net": ("Net inflow", "净流入"),
    "aum": ("AUM", "管理资产"),
    "made": ("Contacted", "已联系"),
    "due": ("Due", "应联系"),
    "coverage": ("Coverage", "覆盖率"),
    "stage": ("Lifecycle stage", "生命周期阶段"),
    "new_stage": ("New", "新客户"),
    "up": ("Up", "上调"),
    "down": ("Down", "下调"),
    # what was done about a warning
    "OPEN": ("Not acted on yet", "尚未处理"),
    "HANDLED": ("Handled on {date}", "已于 {date} 处理"),
    "SNOOZED": ("Snoozed on {date} until {until}", "{date} 暂缓至 {until}"),
    # sentences
    "warnings_summary": ("{total:,} warnings at high or medium risk: {handled:,} handled, {snoozed:,} "
                         "snoozed, {open:,} not acted on yet. The {shown:,} with the most value at risk:",
                         "高、中风险预警共 {total:,} 条：已处理 {handled:,} 条，暂缓 {snoozed:,} 条，"
                         "尚未处理 {open:,} 条。风险资产最高的 {shown:,} 位客户如下："),
    "no_warnings": ("No churn warnings at high or medium risk.", "暂无高、中风险流失预警。"),
    "moves_summary": ("Tier changes in {month}: {up:,} up, {down:,} down.",
                      "{month} 共 {up:,} 位客户层级上调，{down:,} 位下调。"),
    "no_moves": ("No customer changed tier in {month}.", "{month} 无客户层级变动。"),
    "no_stage_moves": ("No customer changed lifecycle stage in {month}.", "{month} 无客户生命周期阶段变化。"),
    "campaigns_summary": ("Campaigns that ran in {month}, measured to {date} as on the Marketing page: "
                          "bought is the customers who opened the promoted product in the window (from "
                          "the holdings, not from what was typed); uplift the contacted group's rate less "
                          "the control group's; cost the cost per contact × customers contacted; ROI on "
                          "the campaign's part of the revenue, what the sales beyond the control group's "
                          "rate brought. Without a control group uplift and ROI cannot be measured.",
                          "{month} 进行中的营销活动，统计至 {date}，口径与营销页面一致：购买＝活动期间办理了推广产品的客户"
                          "（依据持仓，而非录入的结果）；提升＝触达组转化率－对照组转化率；成本＝单次触达成本×触达客户数；"
                          "投资回报率按活动带来的收入计算，即超出对照组转化率的那部分销售带来的收入。没有对照组时无法衡量提升和投资回报率。"),
    "no_campaigns": ("No campaign ran in {month}, so there are no campaign results to report.",
                     "{month} 没有进行中的营销活动，本期无营销活动成效可报告。"),
    "alerts_summary": ("{total:,} unusual-activity alerts at {date}; {checked:,} checked with the "
                       "customer, {open:,} still to check.",
                       "截至 {date} 共 {total:,} 条异常交易提醒：已与客户核实 {checked:,} 条，待核实 {open:,} 条。"),
    "no_alerts": ("No unusual activity at {date}.", "截至 {date} 无异常交易提醒。"),
    "more": ("… and {n:,} more", "……另有 {n:,} 条"),
    "points": ("{value:+.1f} points", "{value:+.1f} 个百分点"),
    "unavailable": ("not computed", "未计算"),
    "of": ("{part:,} of {whole:,}", "{part:,} / {whole:,}"),
    "twelve_months": ("12 months: {total}", "近 12 个月：{total}"),
    "tasks_line": ("{overdue:,} overdue of {open:,} open", "逾期 {overdue:,} 项，未完成共 {open:,} 项"),
    "not_tiered": ("{count:,} left the bank, not tiered", "{count:,} 位已销户，不参与分层"),
    "loans_line": ("{count:,} loans past due, outstanding {amount}", "逾期贷款 {count:,} 笔，未偿余额 {amount}"),
    "bucket_line": ("{bucket}: {count:,} · {amount}", "{bucket}：{count:,} 笔 · {amount}"),
    "trend_line": ("Past due at month end: {months}", "月末逾期笔数：{months}"),
    "early_line": ("{count:,} early warnings on {customers:,} customers",
                   "还款预警 {count:,} 条，涉及 {customers:,} 位客户"),
    "past_due": ("Loans past due", "逾期贷款笔数"),
    "early_warnings": ("Early warnings", "还款预警条数"),
    "past_due_at": ("Loans past due at the end of {month}", "{month}月末逾期笔数"),
    "loans_col": ("loans", "笔数"),
    "outstanding": ("outstanding", "未偿余额"),
}

CHART_LABELS: dict[str, tuple[Pair, Pair]] = {
    # chart: (x axis, y axis)
    "net_inflow": (("Month", "月份"), ("Net inflow", "净流入金额")),
    "tiers": (("Service tier", "客户层级"), ("AUM", "管理资产")),
    "stages": (("Lifecycle stage", "生命周期阶段"), ("Customers", "客户数")),
    "contacts": (("Service tier", "客户层级"), ("Customers", "客户数")),
    "churn": (("Risk band", "风险等级"), ("Customers", "客户数")),
}


def word(key: str, *, language: str, **values: Any) -> str:
    text = say(REPORT_WORDS[key], language)
    return text.format(**values) if values else text


def percent(ratio: float | None, places: int = 1) -> str:
    return NOTHING if ratio is None else f"{ratio:.{places}%}"


def signed_money(amount: float | None, *, language: str) -> str:
    if amount is None:
        return NOTHING
    return ("+" if amount > 0 else "") + summary_money(amount, language=language)


def kpi_value(value: float | None, *, count: bool) -> str:
    if value is None:
        return NOTHING
    return f"{value:,.0f}" if count else percent(value)


def warning_done(state: str, *, on: str | None, until: str | None, language: str) -> str:
    """What was done about a warning: not yet, handled on a day, snoozed on a day until another."""
    if state not in ("OPEN", "HANDLED", "SNOOZED"):
        return state
    return word(state, language=language, date=on or NOTHING, until=until or NOTHING)


def figure_lines(code: str, value: Any, *, language: str) -> list[str]:
    """A dashboard figure as it reads in the report's table: the value first, details after
    (one tier, band or move per line, so a line never breaks inside an amount)."""
    from relmgr.services.wording.churn import band
    from relmgr.services.wording.segments import stage, tier

    money = lambda amount: summary_money(amount, language=language)  # noqa: E731
    if code == "total_aum":
        return [money(value)]
    if code in ("aum_mom", "aum_yoy"):
        if value is None:
            return [NOTHING]
        ratio = value["ratio"]
        return [signed_money(value["amount"], language=language)
                + ("" if ratio is None else f" ({ratio:+.2%})")]
    if code == "net_inflow":
        latest, year = value[-1], sum(month["net"] for month in value)
        return [f"{latest['month']}: {signed_money(latest['net'], language=language)}",
                f"{word('inflow', language=language)} {money(latest['inflow'])} · "
                f"{word('outflow', language=language)} {money(latest['outflow'])}",
                word("twelve_months", language=language, total=signed_money(year, language=language))]
    if code == "tiers":
        return [f"{tier(row['tier'], language=language)} {row['customers']:,} · {money(row['aum'])}"
                for row in value]
    if code == "not_tiered":
        return [word("not_tiered", language=language, count=value)] if value else []
    if code == "stages":
        return [", ".join(f"{stage(s, language=language)} {n:,}" for s, n in ordered_stages(value))]
    if code == "stage_moves":
        if not value:
            return ["0"]
        return [f"{stage_word(row['from'], language=language)} → {stage_word(row['to'], language=language)} "
                f"{row['customers']:,}" for row in value[:4]]
    if code == "churn":
        return [f"{word('value_at_risk', language=language)} {money(value['value_at_risk'])}",
                ", ".join(f"{band(b['band'], language=language)} {b['customers']:,}" for b in value["bands"])]
    if code == "contacts":
        made, due = sum(r["made"] for r in value), sum(r["due"] for r in value)
        return [word("of", language=language, part=made, whole=due)
                + ("" if not due else f" ({percent(made / due)})")]
    if code == "recommendations":
        return [percent(value["acceptance"]),
                word("of", language=language, part=value["accepted"], whole=value["answered"])]
    if code == "tasks":
        return [word("tasks_line", language=language, overdue=value["overdue"], open=value["open"])]
    if code == "loans":
        from relmgr.services.wording.loans import bucket

        return [word("loans_line", language=language, count=value["past_due"], amount=money(value["outstanding"])),
                *(word("bucket_line", language=language, bucket=bucket(b["bucket"], language=language),
                       count=b["loans"], amount=money(b["outstanding"])) for b in value["buckets"]),
                word("early_line", language=language, count=value["early_warnings"],
                     customers=value["early_customers"]),
                *([word("trend_line", language=language, months=" · ".join(     # a month and its count never split by a wrap
                    f"{m['month']}\u00a0{m['past_due']:,}" for m in value["trend"]))] if len(value.get("trend", [])) > 1 else [])]
    return [str(value)]


def stage_word(code: str, *, language: str) -> str:
    from relmgr.services.wording.segments import stage

    return word("new_stage", language=language) if code == "NEW" else stage(code, language=language)


def ordered_stages(stages: dict[str, int]) -> list[tuple[str, int]]:
    """(stage, customers) in the lifecycle's order (acquisition … churned), unknown codes last."""
    from relmgr.domain.segments import Stage

    order = {member.value: i for i, member in enumerate(Stage)}
    return sorted(stages.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
