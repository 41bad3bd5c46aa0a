"""Domain codes (relmgr/domain/codes.py) as the words an RM reads, in the current language.

The domain and the database speak in codes (`ProductFamily.LARGE_CD`, `ContactOutcome.NO_ANSWER`);
only here do they become text. Each label is marked with QT_TRANSLATE_NOOP under the literal
context "Codes" so lupdate extracts it, and translated when asked for, so a language switch
takes effect at the next call. `code_text(code)` handles any known code; an unknown value (e.g.
from a newer import file) is shown as the raw code rather than hidden.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from relmgr.domain.codes import (
    AuditAction,
    Channel,
    ContactChannel,
    ContactOutcome,
    ContactPurpose,
    Gender,
    HoldingStatus,
    OfferArm,
    OfferOutcome,
    ProductFamily,
    RiskLevel,
    RiskRating,
    TaskStatus,
    TxnKind,
)
from relmgr.domain.segments import ContactStatus, RfmSegment, Stage, StageReason, Tier, TierChange

CONTEXT = "Codes"

_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Gender: {
        Gender.MALE: QT_TRANSLATE_NOOP("Codes", "Male"),
        Gender.FEMALE: QT_TRANSLATE_NOOP("Codes", "Female"),
    },
    RiskRating: {
        RiskRating.C1: QT_TRANSLATE_NOOP("Codes", "C1 Conservative"),
        RiskRating.C2: QT_TRANSLATE_NOOP("Codes", "C2 Cautious"),
        RiskRating.C3: QT_TRANSLATE_NOOP("Codes", "C3 Balanced"),
        RiskRating.C4: QT_TRANSLATE_NOOP("Codes", "C4 Growth"),
        RiskRating.C5: QT_TRANSLATE_NOOP("Codes", "C5 Aggressive"),
    },
    RiskLevel: {
        RiskLevel.R1: QT_TRANSLATE_NOOP("Codes", "R1 Low risk"),
        RiskLevel.R2: QT_TRANSLATE_NOOP("Codes", "R2 Medium-low risk"),
        RiskLevel.R3: QT_TRANSLATE_NOOP("Codes", "R3 Medium risk"),
        RiskLevel.R4: QT_TRANSLATE_NOOP("Codes", "R4 Medium-high risk"),
        RiskLevel.R5: QT_TRANSLATE_NOOP("Codes", "R5 High risk"),
    },
    ProductFamily: {
        ProductFamily.CURRENT: QT_TRANSLATE_NOOP("Codes", "Current account"),
        ProductFamily.TIME_DEPOSIT: QT_TRANSLATE_NOOP("Codes", "Time deposit"),
        ProductFamily.LARGE_CD: QT_TRANSLATE_NOOP("Codes", "Large-denomination CD"),
        ProductFamily.WEALTH: QT_TRANSLATE_NOOP("Codes", "Wealth management"),
        ProductFamily.FUND: QT_TRANSLATE_NOOP("Codes", "Fund"),
        ProductFamily.INSURANCE: QT_TRANSLATE_NOOP("Codes", "Insurance"),
        ProductFamily.CREDIT_CARD: QT_TRANSLATE_NOOP("Codes", "Credit card"),
        ProductFamily.MORTGAGE: QT_TRANSLATE_NOOP("Codes", "Mortgage"),
        ProductFamily.CONSUMER_LOAN: QT_TRANSLATE_NOOP("Codes", "Consumer loan"),
        ProductFamily.BUSINESS_LOAN: QT_TRANSLATE_NOOP("Codes", "Business loan"),
    },
    HoldingStatus: {
        HoldingStatus.ACTIVE: QT_TRANSLATE_NOOP("Codes", "Active"),
        HoldingStatus.DORMANT: QT_TRANSLATE_NOOP("Codes", "Dormant"),
        HoldingStatus.CLOSED: QT_TRANSLATE_NOOP("Codes", "Closed"),
    },
    TxnKind: {
        TxnKind.SALARY: QT_TRANSLATE_NOOP("Codes", "Salary"),
        TxnKind.PENSION: QT_TRANSLATE_NOOP("Codes", "Pension"),
        TxnKind.DEPOSIT: QT_TRANSLATE_NOOP("Codes", "Cash deposit"),
        TxnKind.TRANSFER_IN: QT_TRANSLATE_NOOP("Codes", "Transfer in"),
        TxnKind.TRANSFER_OUT: QT_TRANSLATE_NOOP("Codes", "Transfer out"),
        TxnKind.WITHDRAWAL: QT_TRANSLATE_NOOP("Codes", "Withdrawal"),
        TxnKind.CARD_SPEND: QT_TRANSLATE_NOOP("Codes", "Card spending"),
        TxnKind.BILL_PAY: QT_TRANSLATE_NOOP("Codes", "Bill payment"),
        TxnKind.PURCHASE: QT_TRANSLATE_NOOP("Codes", "Product purchase"),
        TxnKind.REDEMPTION: QT_TRANSLATE_NOOP("Codes", "Redemption"),
        TxnKind.MATURITY: QT_TRANSLATE_NOOP("Codes", "Maturity payout"),
        TxnKind.INTEREST: QT_TRANSLATE_NOOP("Codes", "Interest"),
        TxnKind.FEE: QT_TRANSLATE_NOOP("Codes", "Fee"),
        TxnKind.LOAN_REPAYMENT: QT_TRANSLATE_NOOP("Codes", "Loan repayment"),
        TxnKind.LOAN_DRAWDOWN: QT_TRANSLATE_NOOP("Codes", "Loan drawdown"),
    },
    Channel: {
        Channel.BRANCH: QT_TRANSLATE_NOOP("Codes", "Branch counter"),
        Channel.MOBILE: QT_TRANSLATE_NOOP("Codes", "Mobile banking"),
        Channel.ONLINE: QT_TRANSLATE_NOOP("Codes", "Online banking"),
        Channel.ATM: QT_TRANSLATE_NOOP("Codes", "ATM"),
        Channel.POS: QT_TRANSLATE_NOOP("Codes", "POS"),
        Channel.SYSTEM: QT_TRANSLATE_NOOP("Codes", "System"),
    },
    ContactChannel: {
        ContactChannel.PHONE: QT_TRANSLATE_NOOP("Codes", "Phone call"),
        ContactChannel.VISIT: QT_TRANSLATE_NOOP("Codes", "Visit"),
        ContactChannel.WECHAT: QT_TRANSLATE_NOOP("Codes", "WeChat"),
        ContactChannel.SMS: QT_TRANSLATE_NOOP("Codes", "Text message"),
        ContactChannel.EMAIL: QT_TRANSLATE_NOOP("Codes", "Email"),
    },
    ContactPurpose: {
        ContactPurpose.SERVICE: QT_TRANSLATE_NOOP("Codes", "Service"),
        ContactPurpose.SALES: QT_TRANSLATE_NOOP("Codes", "Product offer"),
        ContactPurpose.RETENTION: QT_TRANSLATE_NOOP("Codes", "Retention"),
        ContactPurpose.CARE: QT_TRANSLATE_NOOP("Codes", "Customer care"),
        ContactPurpose.COMPLAINT: QT_TRANSLATE_NOOP("Codes", "Complaint handling"),
    },
    ContactOutcome: {
        ContactOutcome.REACHED: QT_TRANSLATE_NOOP("Codes", "Reached"),
        ContactOutcome.NO_ANSWER: QT_TRANSLATE_NOOP("Codes", "No answer"),
        ContactOutcome.INTERESTED: QT_TRANSLATE_NOOP("Codes", "Interested"),
        ContactOutcome.DECLINED: QT_TRANSLATE_NOOP("Codes", "Declined"),
        ContactOutcome.COMPLAINT: QT_TRANSLATE_NOOP("Codes", "Complained"),
    },
    TaskStatus: {
        TaskStatus.OPEN: QT_TRANSLATE_NOOP("Codes", "Open"),
        TaskStatus.DONE: QT_TRANSLATE_NOOP("Codes", "Done"),
        TaskStatus.CANCELLED: QT_TRANSLATE_NOOP("Codes", "Cancelled"),
    },
    OfferArm: {
        OfferArm.TREATMENT: QT_TRANSLATE_NOOP("Codes", "Treatment group"),
        OfferArm.CONTROL: QT_TRANSLATE_NOOP("Codes", "Control group"),
    },
    OfferOutcome: {
        OfferOutcome.PENDING: QT_TRANSLATE_NOOP("Codes", "Pending"),
        OfferOutcome.ACCEPTED: QT_TRANSLATE_NOOP("Codes", "Accepted"),
        OfferOutcome.DECLINED: QT_TRANSLATE_NOOP("Codes", "Offer declined"),
        OfferOutcome.NO_RESPONSE: QT_TRANSLATE_NOOP("Codes", "No response"),
    },
    AuditAction: {
        AuditAction.PORTFOLIO_CREATED: QT_TRANSLATE_NOOP("Codes", "Portfolio created"),
        AuditAction.UNLOCKED: QT_TRANSLATE_NOOP("Codes", "Unlocked"),
        AuditAction.LOCKED: QT_TRANSLATE_NOOP("Codes", "Locked"),
        AuditAction.PASSWORD_CHANGED: QT_TRANSLATE_NOOP("Codes", "Password changed"),
        AuditAction.IMPORTED: QT_TRANSLATE_NOOP("Codes", "Data imported"),
        AuditAction.REVEAL_ID: QT_TRANSLATE_NOOP("Codes", "ID number revealed"),
        AuditAction.REVEAL_PHONE: QT_TRANSLATE_NOOP("Codes", "Phone number revealed"),
        AuditAction.EXPORTED: QT_TRANSLATE_NOOP("Codes", "Exported"),
        AuditAction.SYNCED: QT_TRANSLATE_NOOP("Codes", "Synced to head office"),
    },
}

_LABELS.update({
    Tier: {
        Tier.PRIVATE: QT_TRANSLATE_NOOP("Codes", "Private banking"),
        Tier.WEALTH: QT_TRANSLATE_NOOP("Codes", "Wealth"),
        Tier.VIP: QT_TRANSLATE_NOOP("Codes", "VIP"),
        Tier.MASS: QT_TRANSLATE_NOOP("Codes", "Mass"),
    },
    TierChange: {
        TierChange.ENTRY: QT_TRANSLATE_NOOP("Codes", "New"),
        TierChange.UP: QT_TRANSLATE_NOOP("Codes", "Upgrade"),
        TierChange.DOWN: QT_TRANSLATE_NOOP("Codes", "Downgrade"),
    },
    ContactStatus: {
        ContactStatus.OVERDUE: QT_TRANSLATE_NOOP("Codes", "Overdue"),
        ContactStatus.DUE: QT_TRANSLATE_NOOP("Codes", "Due"),
        ContactStatus.NOT_DUE: QT_TRANSLATE_NOOP("Codes", "Not due"),
        ContactStatus.DIGITAL_ONLY: QT_TRANSLATE_NOOP("Codes", "Digital only"),
    },
    RfmSegment: {
        RfmSegment.IMPORTANT_VALUE: QT_TRANSLATE_NOOP("Codes", "Important value"),
        RfmSegment.IMPORTANT_DEVELOP: QT_TRANSLATE_NOOP("Codes", "Important development"),
        RfmSegment.IMPORTANT_RETAIN: QT_TRANSLATE_NOOP("Codes", "Important retention"),
        RfmSegment.IMPORTANT_WINBACK: QT_TRANSLATE_NOOP("Codes", "Important win-back"),
        RfmSegment.GENERAL_VALUE: QT_TRANSLATE_NOOP("Codes", "General value"),
        RfmSegment.GENERAL_DEVELOP: QT_TRANSLATE_NOOP("Codes", "General development"),
        RfmSegment.GENERAL_RETAIN: QT_TRANSLATE_NOOP("Codes", "General retention"),
        RfmSegment.GENERAL_WINBACK: QT_TRANSLATE_NOOP("Codes", "General win-back"),
    },
    Stage: {
        Stage.ACQUISITION: QT_TRANSLATE_NOOP("Codes", "Acquisition"),
        Stage.GROWTH: QT_TRANSLATE_NOOP("Codes", "Growth"),
        Stage.MATURITY: QT_TRANSLATE_NOOP("Codes", "Maturity"),
        Stage.DECLINE: QT_TRANSLATE_NOOP("Codes", "Decline"),
        Stage.CHURNED: QT_TRANSLATE_NOOP("Codes", "Churned"),
    },
    StageReason: {
        StageReason.ACCOUNTS_CLOSED: QT_TRANSLATE_NOOP("Codes", "All accounts closed"),
        StageReason.DORMANT: QT_TRANSLATE_NOOP("Codes", "Dormant: no activity for {days_inactive} days"),
        StageReason.NEW_CUSTOMER: QT_TRANSLATE_NOOP("Codes", "New customer: {tenure_days} days with the bank"),
        StageReason.AUM_DROP: QT_TRANSLATE_NOOP("Codes", "AUM down {change_pct}% in 90 days"),
        StageReason.ACTIVITY_HALVED: QT_TRANSLATE_NOOP(
            "Codes", "Activity halved: {txns_recent} transactions vs {txns_previous} before"),
        StageReason.AUM_GROWTH: QT_TRANSLATE_NOOP("Codes", "AUM up {change_pct}% in 90 days"),
        StageReason.PRODUCTS_ADDED: QT_TRANSLATE_NOOP(
            "Codes", "Products added: {products_now} now vs {products_before} before"),
        StageReason.STEADY: QT_TRANSLATE_NOOP("Codes", "Steady relationship"),
    },
})

#: The code types this module can name; a test checks each member has a translated label.
CODE_TYPES: tuple[type[StrEnum], ...] = tuple(_LABELS)


def code_text(code: StrEnum) -> str:
    """The translated label of a domain code."""
    source = _LABELS.get(type(code), {}).get(code)
    if source is None:
        return str(code.value)
    return QCoreApplication.translate(CONTEXT, source)


def _lookup(kind: type[StrEnum], value: str | None) -> str:
    if value is None or value == "":
        return ""
    try:
        return code_text(kind(value))
    except ValueError:
        return str(value)


# One function per kind, for table models that hold raw string codes from the database.
def gender(value: str | None) -> str:
    return _lookup(Gender, value)


def risk_rating(value: str | None) -> str:
    return _lookup(RiskRating, value)


def risk_level(value: str | None) -> str:
    return _lookup(RiskLevel, value)


def product_family(value: str | None) -> str:
    return _lookup(ProductFamily, value)


def holding_status(value: str | None) -> str:
    return _lookup(HoldingStatus, value)


def txn_kind(value: str | None) -> str:
    return _lookup(TxnKind, value)


def channel(value: str | None) -> str:
    return _lookup(Channel, value)


def contact_channel(value: str | None) -> str:
    return _lookup(ContactChannel, value)


def contact_purpose(value: str | None) -> str:
    return _lookup(ContactPurpose, value)


def contact_outcome(value: str | None) -> str:
    return _lookup(ContactOutcome, value)


def task_status(value: str | None) -> str:
    return _lookup(TaskStatus, value)


def offer_arm(value: str | None) -> str:
    return _lookup(OfferArm, value)


def offer_outcome(value: str | None) -> str:
    return _lookup(OfferOutcome, value)


def audit_action(value: str | None) -> str:
    return _lookup(AuditAction, value)


def tier(value: str | None) -> str:
    return _lookup(Tier, value)


def tier_change(value: str | None) -> str:
    return _lookup(TierChange, value)


def stage(value: str | None) -> str:
    return _lookup(Stage, value)


def rfm_segment(value: str | None) -> str:
    return _lookup(RfmSegment, value)


def contact_status(value: str | None) -> str:
    return _lookup(ContactStatus, value)


def customer_status(value: str | None) -> str:
    """A customer's status uses the holding status words: active, dormant, closed."""
    return _lookup(HoldingStatus, value)


def stage_reason(value: str | None, detail: dict | None = None) -> str:
    """The stage reason with its numbers filled in ({change_pct} etc. from the detail JSON)."""
    label = _lookup(StageReason, value)
    numbers = dict(detail or {})
    if value == StageReason.AUM_DROP and isinstance(numbers.get("change_pct"), (int, float)):
        numbers["change_pct"] = abs(numbers["change_pct"])      # "down 47.3%", not "down -47.3%"
    try:
        return label.format(**numbers)
    except (KeyError, IndexError, ValueError):
        return label.split("{")[0].rstrip(" :")


def chinese_ui() -> bool:
    """True while the UI speaks Chinese (relmgr/ui/i18n.py sets the default locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def product_name(row: dict) -> str:
    """A product's name in the UI language (the catalogue carries both)."""
    return (row.get("name_zh") if chinese_ui() else row.get("name_en")) or row.get("product_id", "")


# -- cluster traits and stage playbooks ---------------------------------------------------------
_TRAITS = {
    ("AGE", "HIGH"): QT_TRANSLATE_NOOP("Codes", "older"),
    ("AGE", "LOW"): QT_TRANSLATE_NOOP("Codes", "younger"),
    ("AUM", "HIGH"): QT_TRANSLATE_NOOP("Codes", "high AUM"),
    ("AUM", "LOW"): QT_TRANSLATE_NOOP("Codes", "low AUM"),
    ("ACTIVITY", "HIGH"): QT_TRANSLATE_NOOP("Codes", "very active"),
    ("ACTIVITY", "LOW"): QT_TRANSLATE_NOOP("Codes", "low activity"),
    ("CHANNEL", "DIGITAL"): QT_TRANSLATE_NOOP("Codes", "digital channels"),
    ("CHANNEL", "BRANCH"): QT_TRANSLATE_NOOP("Codes", "branch channel"),
    ("PRODUCTS", "HIGH"): QT_TRANSLATE_NOOP("Codes", "many products"),
    ("PRODUCTS", "LOW"): QT_TRANSLATE_NOOP("Codes", "few products"),
    ("TENURE", "HIGH"): QT_TRANSLATE_NOOP("Codes", "long-standing"),
    ("TENURE", "LOW"): QT_TRANSLATE_NOOP("Codes", "recently joined"),
    ("LOGINS", "HIGH"): QT_TRANSLATE_NOOP("Codes", "frequent app logins"),
    ("LOGINS", "LOW"): QT_TRANSLATE_NOOP("Codes", "rarely logs in"),
}


def cluster_description(traits: list) -> str:
    """'older, high AUM, low activity, branch channel' from a cluster's (feature, level, z) traits."""
    words = [QCoreApplication.translate(CONTEXT, _TRAITS[(str(f), str(level))])
             for f, level, *_ in traits if (str(f), str(level)) in _TRAITS]
    if not words:
        return QCoreApplication.translate(CONTEXT, "close to the portfolio average")
    separator = "，" if chinese_ui() else ", "
    return separator.join(words)


_PLAYBOOKS = {
    Stage.ACQUISITION: QT_TRANSLATE_NOOP(
        "Codes", "Welcome call in the first two weeks; set up mobile banking and salary credit; "
                 "learn their goals and book a review at 60 days."),
    Stage.GROWTH: QT_TRANSLATE_NOOP(
        "Codes", "Deepen the relationship: a second product that fits their risk rating, a "
                 "regular investment plan, card and payment services."),
    Stage.MATURITY: QT_TRANSLATE_NOOP(
        "Codes", "Keep the cadence of their tier; annual portfolio review; renew the risk "
                 "assessment before it expires; ask for referrals."),
    Stage.DECLINE: QT_TRANSLATE_NOOP(
        "Codes", "Call within a week: ask what changed (rates, service, life events); offer a "
                 "maturity plan or better-suited product; log the outcome and follow up."),
    Stage.CHURNED: QT_TRANSLATE_NOOP(
        "Codes", "Win back only the valuable: a courtesy call to learn why they left; note the "
                 "reason for the team; no hard selling."),
}


def stage_playbook(value: str | None) -> str:
    try:
        return QCoreApplication.translate(CONTEXT, _PLAYBOOKS[Stage(value)])
    except (KeyError, ValueError):
        return ""
