"""Words of the exported documents (services.export): column headings, the titles of the named
lists, and the words of the XLSX info sheet and the PDF call sheet. Exports are read outside
the app, so they carry words, not codes; the cells' words come from the other wording modules."""

from __future__ import annotations

from relmgr.domain.segments import Stage, Tier
from relmgr.services.wording import Pair, say

COLUMNS: dict[str, Pair] = {
    "rank": ("#", "序号"),
    "customer_id": ("Customer", "客户号"),
    "name": ("Name", "姓名"),
    "phone": ("Mobile", "手机号"),
    "id_number": ("ID number", "证件号"),
    "tier": ("Tier", "客户层级"),
    "priority": ("Priority", "优先级"),
    "reasons": ("Reasons", "原因"),
    "action": ("Suggested action", "建议动作"),
    "last_contact_on": ("Last contact", "上次联系"),
    "due_on": ("Due", "应联系日"),
    "days_overdue": ("Days overdue", "逾期天数"),
    "contact_status": ("Contact status", "联系状态"),
    "probability": ("Churn probability", "流失概率"),
    "likelihood": ("Likelihood (3 months)", "3 个月内办理可能性"),
    "band": ("Risk band", "风险等级"),
    "value_at_risk": ("Value at risk (CNY)", "风险金额(元)"),
    "aum": ("AUM (CNY)", "资产(元)"),
    "handled": ("Handled", "已处理"),
    "task_id": ("Task", "任务号"),
    "title": ("Task", "任务"),
    "overdue": ("Overdue", "已逾期"),
    "note": ("Note", "备注"),
    "status": ("Status", "状态"),
    "product_id": ("Product", "产品"),
    "score": ("Score", "得分"),
    "reason": ("Why", "推荐理由"),
    "product": ("Product name", "产品名称"),
    "warning": ("Warning", "提示"),
    "notes_blank": ("Call notes", "联系记录"),
    "stage": ("Stage", "生命周期"),
    "stage_since": ("In stage since", "进入阶段日期"),
    "stage_reason": ("Why this stage", "阶段依据"),
    "avg_aum_3m": ("3-month avg AUM (CNY)", "近3月日均资产(元)"),
}
LIST_TITLES: dict[str, Pair] = {
    "today": ("Today's worklist", "今日工作清单"),
    "due": ("Customers due for contact", "应联系客户清单"),
    "warnings": ("Churn warnings", "流失预警清单"),
    "recommendations": ("Product recommendations", "产品推荐清单"),
    "tasks": ("Open tasks", "待办任务清单"),
    "selection": ("Selected customers", "选中客户清单"),
}
TIER_LIST_TITLES: dict[Tier, Pair] = {
    Tier.PRIVATE: ("Private banking customers", "私人银行客户名单"),
    Tier.WEALTH: ("Wealth customers", "财富客户名单"),
    Tier.VIP: ("VIP customers", "贵宾客户名单"),
    Tier.MASS: ("Mass customers", "大众客户名单"),
}
STAGE_LIST_TITLES: dict[Stage, Pair] = {
    Stage.ACQUISITION: ("Customers in acquisition", "获客期客户名单"),
    Stage.GROWTH: ("Customers in growth", "成长期客户名单"),
    Stage.MATURITY: ("Customers in maturity", "成熟期客户名单"),
    Stage.DECLINE: ("Customers in decline", "衰退期客户名单"),
    Stage.CHURNED: ("Churned customers", "已流失客户名单"),
}
# The info sheet, the call sheet's header and footer, and the words for true / false cells.
DOCUMENT: dict[str, Pair] = {
    "branch": ("Branch", "网点"),
    "rm": ("RM", "客户经理"),
    "date": ("Date", "日期"),
    "rows": ("Rows", "条数"),
    "masked": ("Personal data", "敏感信息"),
    "masked_yes": ("masked", "已脱敏"),
    "masked_no": ("NOT masked (full personal data: keep confidential)", "未脱敏（含完整个人信息，注意保密）"),
    "info": ("Export info", "导出信息"),
    "page": ("Page {i} of {n}", "第 {i} 页 / 共 {n} 页"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "exported": ("Exported at", "导出时间"),
    "confidential": ("Internal: confidential", "内部资料 注意保密"),
    "field": ("{key}: {value}", "{key}：{value}"),
}


def column_label(column: str, *, language: str) -> str:
    """A column's heading; an unnamed column keeps its name."""
    pair = COLUMNS.get(column)
    return say(pair, language) if pair else column


def list_title(list_name: str, *, language: str) -> str:
    """The title of one of services.export's own lists (today, due, warnings, ...)."""
    return say(LIST_TITLES[list_name], language)


def tier_list_title(tier: Tier, *, language: str) -> str:
    return say(TIER_LIST_TITLES[Tier(tier)], language)


def stage_list_title(stage: Stage, *, language: str) -> str:
    return say(STAGE_LIST_TITLES[Stage(stage)], language)


def document_word(key: str, *, language: str) -> str:
    """One of the DOCUMENT words (KeyError for another key: a typo, not a missing word)."""
    return say(DOCUMENT[key], language)
