"""Words for the portfolio dashboard and KPIs (issue 18): each figure's title and its definition
(one sentence saying what is counted), and the money formats of summaries and charts.

Money: a Chinese summary reads in 万元 / 亿元 (2,811.35万元), a list keeps full 元; English reads
CNY with thousands separators, and a chart's axis K / M.
"""

from __future__ import annotations

import math

from relmgr.services.wording import CHINESE, Pair, checked, say

FIGURES: dict[str, Pair] = {
    "total_aum": ("Total AUM", "管理资产总额"),
    "aum_mom": ("AUM change, month on month", "资产环比变化"),
    "aum_yoy": ("AUM change, year on year", "资产同比变化"),
    "net_inflow": ("Net inflow by month", "月度资金净流入"),
    "tiers": ("AUM and customers per tier", "各层级资产与客户数"),
    "stages": ("Customers per lifecycle stage", "各生命周期阶段客户数"),
    "stage_moves": ("Lifecycle moves this month", "本月生命周期迁移"),
    "churn": ("Churn risk and value at risk", "流失风险与风险资产"),
    "contacts": ("Contacts made vs due this month", "本月应联系与已联系"),
    "recommendations": ("Recommendation acceptance", "推荐接受率"),
    "tasks": ("Tasks overdue", "逾期任务"),
    "loans": ("Loans past due and early warnings", "逾期贷款与还款预警"),
}
DEFINITIONS: dict[str, Pair] = {
    "total_aum": ("Sum of all customers' month-end AUM in the data date's month (monthly balances).",
                  "数据日期所在月份全部客户月末管理资产之和（月度余额）。"),
    "aum_mom": ("Change of total month-end AUM against the month before.",
                "月末管理资产总额较上月的变化。"),
    "aum_yoy": ("Change of total month-end AUM against the same month a year before.",
                "月末管理资产总额较上年同月的变化。"),
    "net_inflow": ("Salary, pension, deposits and transfers in, less withdrawals and transfers out, "
                   "per calendar month, for the 12 months up to the data date.",
                   "截至数据日期的 12 个自然月，每月工资、养老金、存入与转入之和减去取现与转出。"),
    "tiers": ("Open customers in each service tier of the stored segmentation, with the sum of "
              "their current AUM.", "按已保存的分层结果统计的在册客户数及其当前管理资产之和。"),
    "stages": ("Customers in each lifecycle stage of the stored segmentation.",
               "按已保存的分群结果统计的各生命周期阶段客户数。"),
    "stage_moves": ("Customers whose lifecycle stage changed in the data date's month, from and to "
                    "(NEW: not in the portfolio at the month before's end).",
                    "数据日期所在月份生命周期阶段发生变化的客户（NEW：上月末尚未在册）。"),
    "churn": ("Customers per churn risk band of the latest stored scores; value at risk is the sum "
              "of probability × AUM.", "按最近一次保存的流失评分统计的各风险等级客户数；风险资产为流失概率×资产之和。"),
    "contacts": ("Per tier with an RM cadence: customers contacted this month (an unanswered call "
                 "does not count) against those due by the month's end or contacted in it.",
                 "按有联系频率要求的层级：本月已联系客户（未接通不计）与截至月末应联系或本月已联系的客户之比。"),
    "recommendations": ("Recommendations answered this month: accepted out of all answers "
                        "(accepted, declined, not now).",
                        "本月有答复的推荐中被接受的比例（接受、拒绝、暂不需要）。"),
    "tasks": ("Open tasks whose due date is before the data date.", "到期日早于数据日期且仍未完成的任务。"),
    "loans": ("Live loans past due at the data date per arrears bucket (1–30, 31–60, 61–90, 90+ days) "
              "with their outstanding balance, and the repayment watch's open early warnings (salary "
              "stopped, low balance before a due date, sharp outflow); and the loans past due at each of "
              "the last six month ends that a monthly import kept.",
              "数据日期仍在存续的逾期贷款，按逾期天数分段（1–30、31–60、61–90、90 天以上）及其未偿余额；"
              "还款监测中尚未处理的预警（工资停发、还款日前余额不足、资金大额流出）；"
              "以及每月导入时记录的最近六个月末的逾期笔数。"),
}
UNAVAILABLE: dict[str, Pair] = {
    "segments": ("Segments not computed yet: run Segments (relmgr segments FILE).",
                 "尚未计算客户分层：请先运行分层（relmgr segments FILE）。"),
    "churn": ("Churn warnings not computed yet: run Churn (relmgr churn FILE).",
              "尚未计算流失预警：请先运行流失预警（relmgr churn FILE）。"),
    "balances": ("No monthly balances for that month.", "该月没有月度余额数据。"),
    "loans": ("No loan data in this portfolio: import loans.csv to see arrears and repayment warnings.",
              "本组合没有贷款数据：导入 loans.csv 后可查看逾期与还款预警。"),
    "loans_snapshot": ("Days past due are known at the data date only: open the data date's month.",
                       "逾期天数仅反映数据日期当天：请查看数据日期所在月份。"),
}


def figure_title(code: str, *, language: str) -> str:
    return say(FIGURES[code], language) if code in FIGURES else code


def definition(code: str, *, language: str) -> str:
    return say(DEFINITIONS[code], language) if code in DEFINITIONS else code


KPI_TITLES: dict[str, Pair] = {
    "aum_growth": ("AUM growth (year to date)", "管理资产较年初增长"),
    "new_customers": ("New customers", "新增客户"),
    "upgraded": ("Customers upgraded a tier", "层级提升客户"),
    "retention_at_risk": ("Retention of customers at risk", "风险客户挽留率"),
    "contact_coverage": ("Contact coverage of due customers", "应联系客户覆盖率"),
    "conversion": ("Conversion of recommendations", "推荐转化率"),
}
KPI_DEFINITIONS: dict[str, Pair] = {
    "aum_growth": ("Month-end AUM against the end of the previous year, as a change; the target is "
                   "the growth for the year.", "月末管理资产较上年末的变化率；目标为全年增长目标。"),
    "new_customers": ("Customers whose relationship opened in the month.", "本月新开户的客户数。"),
    "upgraded": ("Customers whose service tier went up in the month (stored tier history).",
                 "本月服务层级上调的客户数（已保存的层级历史）。"),
    "retention_at_risk": ("Customers in the decline stage at the month before's end who did not "
                          "churn in the month, out of all of them.",
                          "上月末处于衰退期的客户中，本月未流失的比例。"),
    "contact_coverage": ("Customers contacted this month out of those due by the month's end or "
                         "contacted in it, over the tiers with an RM cadence.",
                         "有联系频率要求的层级中，本月已联系客户占截至月末应联系或本月已联系客户的比例。"),
    "conversion": ("Recommendations accepted out of all answered in the month.",
                   "本月有答复的推荐中被接受的比例。"),
}
