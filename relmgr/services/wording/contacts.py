"""Words for the contact log and follow-up tasks (relmgr/domain/codes.py): contact channel,
purpose and outcome, task status, and the title of the follow-up task a handled churn warning
creates (services.churn.mark_warning)."""

from __future__ import annotations

from relmgr.domain.codes import ContactChannel, ContactOutcome, ContactPurpose, TaskStatus
from relmgr.services.wording import Pair, label, say

CONTACT_CHANNELS: dict[ContactChannel, Pair] = {
    ContactChannel.PHONE: ("Phone call", "电话"),
    ContactChannel.VISIT: ("Visit", "拜访"),
    ContactChannel.WECHAT: ("WeChat", "微信"),
    ContactChannel.SMS: ("Text message", "短信"),
    ContactChannel.EMAIL: ("Email", "电子邮件"),
}
CONTACT_PURPOSES: dict[ContactPurpose, Pair] = {
    ContactPurpose.SERVICE: ("Service", "服务"),
    ContactPurpose.SALES: ("Product offer", "产品营销"),
    ContactPurpose.RETENTION: ("Retention", "挽留"),
    ContactPurpose.CARE: ("Customer care", "客户关怀"),
    ContactPurpose.COMPLAINT: ("Complaint handling", "投诉处理"),
}
CONTACT_OUTCOMES: dict[ContactOutcome, Pair] = {
    ContactOutcome.REACHED: ("Reached", "已联系"),
    ContactOutcome.NO_ANSWER: ("No answer", "未接通"),
    ContactOutcome.INTERESTED: ("Interested", "有意向"),
    ContactOutcome.DECLINED: ("Declined", "拒绝"),
    ContactOutcome.COMPLAINT: ("Complained", "投诉"),
}
TASK_STATUSES: dict[TaskStatus, Pair] = {
    TaskStatus.OPEN: ("Open", "待办"),
    TaskStatus.DONE: ("Done", "已完成"),
    TaskStatus.CANCELLED: ("Cancelled", "已取消"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((ContactChannel, CONTACT_CHANNELS), (ContactPurpose, CONTACT_PURPOSES),
         (ContactOutcome, CONTACT_OUTCOMES), (TaskStatus, TASK_STATUSES))

_CHURN_FOLLOW_UP: Pair = ("Churn warning follow-up", "流失预警跟进")


def contact_channel(value: str | None, *, language: str) -> str:
    return label(CONTACT_CHANNELS, ContactChannel, value, language=language)


def contact_purpose(value: str | None, *, language: str) -> str:
    return label(CONTACT_PURPOSES, ContactPurpose, value, language=language)


def contact_outcome(value: str | None, *, language: str) -> str:
    return label(CONTACT_OUTCOMES, ContactOutcome, value, language=language)


def task_status(value: str | None, *, language: str) -> str:
    return label(TASK_STATUSES, TaskStatus, value, language=language)


def churn_follow_up_title(*, language: str) -> str:
    """The title of the task a handled churn warning schedules: it is stored, so it is written
    in the RM's language at the time."""
    return say(_CHURN_FOLLOW_UP, language)
