"""Words for the audit log's actions (relmgr/domain/codes.py AuditAction)."""

from __future__ import annotations

from relmgr.domain.codes import AuditAction
from relmgr.services.wording import Pair, label

AUDIT_ACTIONS: dict[AuditAction, Pair] = {
    AuditAction.PORTFOLIO_CREATED: ("Portfolio created", "创建客户库"),
    AuditAction.UNLOCKED: ("Unlocked", "解锁"),
    AuditAction.LOCKED: ("Locked", "锁定"),
    AuditAction.PASSWORD_CHANGED: ("Password changed", "修改密码"),
    AuditAction.IMPORTED: ("Data imported", "数据导入"),
    AuditAction.REVEAL_ID: ("ID number revealed", "查看完整证件号"),
    AuditAction.REVEAL_PHONE: ("Phone number revealed", "查看完整手机号"),
    AuditAction.EXPORTED: ("Exported", "导出"),
    AuditAction.SYNCED: ("Synced to head office", "同步至总行"),
    AuditAction.SYNC_FAILED: ("Sync to head office failed", "同步至总行失败"),
    AuditAction.SYNC_REFUSED: ("Refused by head office", "总行拒收"),
    AuditAction.ALERT_CHECKED: ("Unusual-activity alert checked", "异常交易提醒已核实"),
    AuditAction.RULES_CHANGED: ("Team rules changed", "修改团队规则"),
    AuditAction.CONTACT_UNDONE: ("Logged contact undone", "撤销联系记录"),
    AuditAction.BACKED_UP: ("Backed up", "备份"),
    AuditAction.RESTORED: ("Restored from a backup", "从备份恢复"),
    AuditAction.CONSENT_RECORDED: ("Marketing consent recorded", "记录营销同意"),
    AuditAction.CAMPAIGN_CREATED: ("Campaign created with its control group", "创建营销活动（含对照组）"),
    AuditAction.LOAN_WATCH_HANDLED: ("Repayment warning handled", "还款预警已处理"),
    AuditAction.OUTCOME_UNDONE: ("Recommendation answer undone", "撤销产品推荐反馈"),
    AuditAction.TAGS_CHANGED: ("Customer tags changed", "修改客户标签"),
    AuditAction.PRINTED: ("Printed", "打印"),
    AuditAction.LIST_TASKS_CREATED: ("Follow-up tasks made for a target list", "为目标客户清单批量创建跟进任务"),
    AuditAction.BULK_CONTACT_LOGGED: ("Contact logged for a selection", "批量记录联系"),
    AuditAction.BULK_TASK_CREATED: ("Task created for a selection", "批量创建任务"),
    AuditAction.TASK_UNDONE: ("Created task taken back", "撤销创建的任务"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((AuditAction, AUDIT_ACTIONS),)


def audit_action(value: str | None, *, language: str) -> str:
    return label(AUDIT_ACTIONS, AuditAction, value, language=language)
