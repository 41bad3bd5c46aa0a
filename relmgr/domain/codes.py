"""The codes the portfolio exchange format and the database use.

Every code is stored as its string value; the UI turns codes into translated text
(relmgr/ui/common/texts.py), never the other way round.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    MALE = "M"
    FEMALE = "F"


class RiskRating(StrEnum):
    """Customer risk tolerance from the suitability questionnaire (C1 conservative … C5 aggressive)."""

    C1 = "C1"
    C2 = "C2"
    C3 = "C3"
    C4 = "C4"
    C5 = "C5"

    @property
    def level(self) -> int:
        return int(self.value[1])


class RiskLevel(StrEnum):
    """Product risk level (R1 lowest … R5 highest); suitable when level <= customer's rating level."""

    R1 = "R1"
    R2 = "R2"
    R3 = "R3"
    R4 = "R4"
    R5 = "R5"

    @property
    def level(self) -> int:
        return int(self.value[1])


class ProductFamily(StrEnum):
    CURRENT = "CURRENT"              # 活期
    TIME_DEPOSIT = "TIME_DEPOSIT"    # 定期
    LARGE_CD = "LARGE_CD"            # 大额存单
    WEALTH = "WEALTH"                # 理财 (R1–R5)
    FUND = "FUND"                    # 基金
    INSURANCE = "INSURANCE"          # 保险
    CREDIT_CARD = "CREDIT_CARD"      # 信用卡
    MORTGAGE = "MORTGAGE"            # 房贷
    CONSUMER_LOAN = "CONSUMER_LOAN"  # 消费贷
    BUSINESS_LOAN = "BUSINESS_LOAN"  # 经营贷

    @property
    def is_liability(self) -> bool:
        """Credit products: their balance is owed to the bank and is not part of AUM."""
        return self in _LIABILITIES


_LIABILITIES = frozenset({ProductFamily.CREDIT_CARD, ProductFamily.MORTGAGE,
                          ProductFamily.CONSUMER_LOAN, ProductFamily.BUSINESS_LOAN})


class HoldingStatus(StrEnum):
    ACTIVE = "ACTIVE"
    DORMANT = "DORMANT"
    CLOSED = "CLOSED"


class TxnKind(StrEnum):
    SALARY = "SALARY"
    PENSION = "PENSION"
    DEPOSIT = "DEPOSIT"
    TRANSFER_IN = "TRANSFER_IN"
    TRANSFER_OUT = "TRANSFER_OUT"
    WITHDRAWAL = "WITHDRAWAL"
    CARD_SPEND = "CARD_SPEND"
    BILL_PAY = "BILL_PAY"
    PURCHASE = "PURCHASE"            # subscription of a wealth product / fund / insurance premium
    REDEMPTION = "REDEMPTION"
    MATURITY = "MATURITY"            # a time deposit or CD paid out at maturity
    INTEREST = "INTEREST"
    FEE = "FEE"
    LOAN_REPAYMENT = "LOAN_REPAYMENT"
    LOAN_DRAWDOWN = "LOAN_DRAWDOWN"

    @property
    def customer_initiated(self) -> bool:
        """False for what the bank books on its own (interest, fees, maturities)."""
        return self not in _SYSTEM_KINDS


_SYSTEM_KINDS = frozenset({TxnKind.INTEREST, TxnKind.FEE, TxnKind.MATURITY})


class Channel(StrEnum):
    BRANCH = "BRANCH"
    MOBILE = "MOBILE"
    ONLINE = "ONLINE"
    ATM = "ATM"
    POS = "POS"
    SYSTEM = "SYSTEM"


class ContactChannel(StrEnum):
    PHONE = "PHONE"
    VISIT = "VISIT"
    WECHAT = "WECHAT"
    SMS = "SMS"
    EMAIL = "EMAIL"


class ContactPurpose(StrEnum):
    SERVICE = "SERVICE"
    SALES = "SALES"
    RETENTION = "RETENTION"
    CARE = "CARE"
    COMPLAINT = "COMPLAINT"


class ContactOutcome(StrEnum):
    REACHED = "REACHED"
    NO_ANSWER = "NO_ANSWER"
    INTERESTED = "INTERESTED"
    DECLINED = "DECLINED"
    COMPLAINT = "COMPLAINT"


class TaskStatus(StrEnum):
    OPEN = "OPEN"
    DONE = "DONE"
    CANCELLED = "CANCELLED"


class OfferArm(StrEnum):
    TREATMENT = "TREATMENT"
    CONTROL = "CONTROL"


class OfferOutcome(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    NO_RESPONSE = "NO_RESPONSE"


class MarketingConsent(StrEnum):
    """Whether a customer agreed to be contacted for marketing (营销同意) or declined (勿扰)."""

    GRANTED = "GRANTED"
    DECLINED = "DECLINED"


class AuditAction(StrEnum):
    PORTFOLIO_CREATED = "PORTFOLIO_CREATED"
    UNLOCKED = "UNLOCKED"
    LOCKED = "LOCKED"
    PASSWORD_CHANGED = "PASSWORD_CHANGED"
    IMPORTED = "IMPORTED"
    REVEAL_ID = "REVEAL_ID"
    REVEAL_PHONE = "REVEAL_PHONE"
    EXPORTED = "EXPORTED"
    SYNCED = "SYNCED"                  # a summary delivered to head office (or carried to a file)
    SYNC_FAILED = "SYNC_FAILED"        # an attempt that did not reach head office (retried later)
    SYNC_REFUSED = "SYNC_REFUSED"      # head office received a summary and refused it (its reason)
    ALERT_CHECKED = "ALERT_CHECKED"    # an unusual-activity alert checked, with the RM's note
    RULES_CHANGED = "RULES_CHANGED"    # team rules changed: {"changed": {rule: [before, after]}}
    CONTACT_UNDONE = "CONTACT_UNDONE"  # a contact logged by mistake taken back (Today's Undo)
    BACKED_UP = "BACKED_UP"            # a verified copy written (detail: its path, size, rows)
    RESTORED = "RESTORED"              # written into the restored file, naming the backup
    CONSENT_RECORDED = "CONSENT_RECORDED"  # the RM recorded a customer's marketing consent or refusal
    CAMPAIGN_CREATED = "CAMPAIGN_CREATED"  # a campaign made from a target list, with its control group
    LOAN_WATCH_HANDLED = "LOAN_WATCH_HANDLED"  # a repayment-watch line handled (target: the loan)
    OUTCOME_UNDONE = "OUTCOME_UNDONE"  # a recommendation's Accept/Decline/Not now taken back (the card's Undo)
    TAGS_CHANGED = "TAGS_CHANGED"      # the RM added or removed a customer's tags in the 360 pane
    PRINTED = "PRINTED"                # a list sent to the printer (masked call sheet, never on disk)
    LIST_TASKS_CREATED = "LIST_TASKS_CREATED"  # follow-up tasks made for a target list's customers (target: the list)
    BULK_CONTACT_LOGGED = "BULK_CONTACT_LOGGED"  # one contact of a bulk log from Customers (target: the customer)
    BULK_TASK_CREATED = "BULK_TASK_CREATED"      # one task of a bulk create from Customers (target: the customer)
    TASK_UNDONE = "TASK_UNDONE"        # a task created by mistake taken back (a bulk create's Undo)


class OutboxStatus(StrEnum):
    """Where a summary for head office stands (relmgr/services/sync/outbox.py)."""

    QUEUED = "QUEUED"        # waiting: not sent yet, or the last attempt failed (retried)
    SENT = "SENT"            # head office acknowledged it (accepted, or had it already)
    REFUSED = "REFUSED"      # head office refused it; not retried


class LoanFamily(StrEnum):
    """The four kinds of credit a retail RM markets (issue 21); a loan's own family, whatever
    catalogue product it was booked under."""

    MORTGAGE = "MORTGAGE"            # 房贷
    CONSUMER = "CONSUMER"            # 消费贷
    BUSINESS = "BUSINESS"            # 经营贷
    CREDIT_CARD = "CREDIT_CARD"      # 信用卡


class LoanStatus(StrEnum):
    CURRENT = "CURRENT"              # 正常还款
    IN_ARREARS = "IN_ARREARS"        # 逾期
    RESTRUCTURED = "RESTRUCTURED"    # 重组
    DEFAULTED = "DEFAULTED"          # 违约
    REPAID = "REPAID"                # 结清


class LoanClass(StrEnum):
    """The five-category loan classification (五级分类), best first."""

    NORMAL = "NORMAL"                    # 正常
    SPECIAL_MENTION = "SPECIAL_MENTION"  # 关注
    SUBSTANDARD = "SUBSTANDARD"          # 次级
    DOUBTFUL = "DOUBTFUL"                # 可疑
    LOSS = "LOSS"                        # 损失


class MessageKind(StrEnum):
    """The messages an RM copies into the bank's own messaging (issue 19)."""

    BIRTHDAY = "BIRTHDAY"              # birthday greetings
    MATURITY = "MATURITY"              # a deposit or product matures soon
    RISK_RENEWAL = "RISK_RENEWAL"      # the risk assessment expired or expires soon
