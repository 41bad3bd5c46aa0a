"""Words for a customer's profile, holdings and transactions (relmgr/domain/codes.py): gender,
risk rating, product risk level, product family, holding and customer status, transaction kind,
channel, and a product's name in the language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from relmgr.domain.codes import Channel, Gender, HoldingStatus, ProductFamily, RiskLevel, RiskRating, TxnKind
from relmgr.services.wording import CHINESE, Pair, checked, label

GENDERS: dict[Gender, Pair] = {
    Gender.MALE: ("Male", "男"),
    Gender.FEMALE: ("Female", "女"),
}
RISK_RATINGS: dict[RiskRating, Pair] = {
    RiskRating.C1: ("C1 Conservative", "C1 保守型"),
    RiskRating.C2: ("C2 Cautious", "C2 稳健型"),
    RiskRating.C3: ("C3 Balanced", "C3 平衡型"),
    RiskRating.C4: ("C4 Growth", "C4 成长型"),
    RiskRating.C5: ("C5 Aggressive", "C5 进取型"),
}
RISK_LEVELS: dict[RiskLevel, Pair] = {
    RiskLevel.R1: ("R1 Low risk", "R1 低风险"),
    RiskLevel.R2: ("R2 Medium-low risk", "R2 中低风险"),
    RiskLevel.R3: ("R3 Medium risk", "R3 中风险"),
    RiskLevel.R4: ("R4 Medium-high risk", "R4 中高风险"),
    RiskLevel.R5: ("R5 High risk", "R5 高风险"),
}
PRODUCT_FAMILIES: dict[ProductFamily, Pair] = {
    ProductFamily.CURRENT: ("Current account", "活期"),
    ProductFamily.TIME_DEPOSIT: ("Time deposit", "定期存款"),
    ProductFamily.LARGE_CD: ("Large-denomination CD", "大额存单"),
    ProductFamily.WEALTH: ("Wealth management", "理财"),
    ProductFamily.FUND: ("Fund", "基金"),
    ProductFamily.INSURANCE: ("Insurance", "保险"),
    ProductFamily.CREDIT_CARD: ("Credit card", "信用卡"),
    ProductFamily.MORTGAGE: ("Mortgage", "房贷"),
    ProductFamily.CONSUMER_LOAN: ("Consumer loan", "消费贷"),
    ProductFamily.BUSINESS_LOAN: ("Business loan", "经营贷"),
}
HOLDING_STATUSES: dict[HoldingStatus, Pair] = {
    HoldingStatus.ACTIVE: ("Active", "正常"),
    HoldingStatus.DORMANT: ("Dormant", "睡眠"),
    HoldingStatus.CLOSED: ("Closed", "已销户"),
}
TXN_KINDS: dict[TxnKind, Pair] = {
    TxnKind.SALARY: ("Salary", "代发工资"),
    TxnKind.PENSION: ("Pension", "养老金"),
    TxnKind.DEPOSIT: ("Cash deposit", "存款"),
    TxnKind.TRANSFER_IN: ("Transfer in", "转入"),
    TxnKind.TRANSFER_OUT: ("Transfer out", "转出"),
    TxnKind.WITHDRAWAL: ("Withdrawal", "取款"),
    TxnKind.CARD_SPEND: ("Card spending", "刷卡消费"),
    TxnKind.BILL_PAY: ("Bill payment", "缴费"),
    TxnKind.PURCHASE: ("Product purchase", "购买产品"),
    TxnKind.REDEMPTION: ("Redemption", "赎回"),
    TxnKind.MATURITY: ("Maturity payout", "到期兑付"),
    TxnKind.INTEREST: ("Interest", "利息"),
    TxnKind.FEE: ("Fee", "手续费"),
    TxnKind.LOAN_REPAYMENT: ("Loan repayment", "贷款还款"),
    TxnKind.LOAN_DRAWDOWN: ("Loan drawdown", "贷款发放"),
}
CHANNELS: dict[Channel, Pair] = {
    Channel.BRANCH: ("Branch counter", "网点柜面"),
    Channel.MOBILE: ("Mobile banking", "手机银行"),
    Channel.ONLINE: ("Online banking", "网上银行"),
    Channel.ATM: ("ATM", "ATM"),
    Channel.POS: ("POS", "POS"),
    Channel.SYSTEM: ("System", "系统"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((Gender, GENDERS), (RiskRating, RISK_RATINGS), (RiskLevel, RISK_LEVELS),
         (ProductFamily, PRODUCT_FAMILIES), (HoldingStatus, HOLDING_STATUSES), (TxnKind, TXN_KINDS),
         (Channel, CHANNELS))


def gender(value: str | None, *, language: str) -> str:
    return label(GENDERS, Gender, value, language=language)


def risk_rating(value: str | None, *, language: str) -> str:
    return label(RISK_RATINGS, RiskRating, value, language=language)


def risk_level(value: str | None, *, language: str) -> str:
    return label(RISK_LEVELS, RiskLevel, value, language=language)


def product_family(value: str | None, *, language: str) -> str:
    return label(PRODUCT_FAMILIES, ProductFamily, value, language=language)


def holding_status(value: str | None, *, language: str) -> str:
    return label(HOLDING_STATUSES, HoldingStatus, value, language=language)


def customer_status(value: str | None, *, language: str) -> str:
    """A customer's status uses the holding status words: active, dormant, closed."""
    return holding_status(value, language=language)


def txn_kind(value: str | None, *, language: str) -> str:
    return label(TXN_KINDS, TxnKind, value, language=language)


def channel(value: str | None, *, language: str) -> str:
    return label(CHANNELS, Channel, value, language=language)


def product_name(row: Mapping[str, Any], *, language: str) -> str:
    """A product's name in the language, from a catalogue row (it carries both names)."""
    name = row.get("name_zh") if checked(language) == CHINESE else row.get("name_en")
    return name or str(row.get("product_id", ""))
