"""The portfolio exchange format as data: one `TableSpec` per CSV file, one `Column` per column.

This is the single place that says which columns a file has, what type each holds, whether it
may be empty, which codes it allows, what it refers to and whether it is personal data. The
validator (checks.py), the importer (run.py) and the documentation (docs/exchange-format.md)
follow it; a test checks it against the database schema so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

from relmgr.domain.codes import (
    Channel,
    ContactChannel,
    ContactOutcome,
    ContactPurpose,
    Gender,
    HoldingStatus,
    LoanClass,
    LoanFamily,
    LoanStatus,
    MarketingConsent,
    OfferArm,
    OfferOutcome,
    ProductFamily,
    RiskLevel,
    RiskRating,
    TxnKind,
)


class Kind(Enum):
    TEXT = "text"            # free text, any characters
    KEY = "key"              # an identifier as text, e.g. C0100001
    INTEGER = "integer"      # whole number, e.g. 91
    NUMBER = "number"        # decimal number with '.' as decimal point, e.g. -4307.40
    FLAG = "flag"            # 0 or 1
    DATE = "date"            # YYYY-MM-DD
    TIMESTAMP = "timestamp"  # YYYY-MM-DDTHH:MM:SS (a space instead of T is accepted)
    MONTH = "month"          # YYYY-MM
    CODE = "code"            # one of the values of `Column.codes`
    ID_NUMBER = "id_number"  # 18-character resident ID number with check character
    PHONE = "phone"          # 11-digit mainland mobile number


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = True
    # What an empty optional cell becomes; None means NULL.
    default: str | int | float | None = None
    codes: type[StrEnum] | None = None
    references: str | None = None      # table whose primary key this column holds
    minimum: float | None = None       # smallest allowed number (inclusive)
    personal: bool = False             # never echo the value in a problem message
    # Added to the format after exports were written without it: a header may leave it out,
    # and then every cell is empty (for an optional column, its default).
    may_be_absent: bool = False
    meaning: str = ""


@dataclass(frozen=True)
class TableSpec:
    table: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    # Entity tables are snapshots (upsert by key); event tables are appended (insert, and an
    # identical re-import of an existing key is skipped).
    upsert: bool
    purpose: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.table}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


C, K = Column, Kind

CUSTOMERS = TableSpec(
    "customers", upsert=True, key=("customer_id",),
    purpose="One row per customer of the portfolio (a snapshot: later exports update it).",
    columns=(
        C("customer_id", K.KEY, meaning="the bank's customer number"),
        C("name", K.TEXT, personal=True, meaning="full name"),
        C("id_number", K.ID_NUMBER, personal=True,
          meaning="18-character resident ID number; unique per customer"),
        C("phone", K.PHONE, personal=True, meaning="mobile number"),
        C("gender", K.CODE, codes=Gender),
        C("birth_date", K.DATE, meaning="must equal the birth date inside id_number"),
        C("city", K.TEXT, required=False, default=""),
        C("occupation", K.TEXT, required=False, default=""),
        C("risk_rating", K.CODE, codes=RiskRating,
          meaning="suitability questionnaire result, C1 conservative … C5 aggressive"),
        C("risk_assessed_on", K.DATE, required=False, meaning="date of the questionnaire"),
        C("preferred_channel", K.CODE, required=False, default=Channel.BRANCH.value, codes=Channel),
        C("opened_on", K.DATE, meaning="first relationship date"),
        C("closed_on", K.DATE, required=False,
          meaning="set when the customer closed the whole relationship"),
        C("tags", K.TEXT, required=False, default="", meaning="free tags, separated by ';'"),
        C("marketing_consent", K.CODE, required=False, codes=MarketingConsent, may_be_absent=True,
          meaning="GRANTED or DECLINED (勿扰: never on a marketing list); empty when not known"),
    ))

PRODUCTS = TableSpec(
    "products", upsert=True, key=("product_id",),
    purpose="The product catalogue the holdings and campaigns refer to.",
    columns=(
        C("product_id", K.KEY),
        C("name_zh", K.TEXT, meaning="Chinese product name"),
        C("name_en", K.TEXT, meaning="English product name"),
        C("family", K.CODE, codes=ProductFamily),
        C("risk_level", K.CODE, codes=RiskLevel, meaning="R1 lowest … R5 highest"),
        C("term_days", K.INTEGER, required=False, minimum=1, meaning="fixed term; empty if open-ended"),
        C("min_amount", K.NUMBER, required=False, default=0.0, minimum=0,
          meaning="minimum subscription in CNY"),
        C("min_age", K.INTEGER, required=False, default=18, minimum=0),
        C("max_age", K.INTEGER, required=False, minimum=0, meaning="empty if no upper age limit"),
        C("repeatable", K.FLAG, required=False, default=0,
          meaning="1 if a customer may hold it several times"),
    ))

HOLDINGS = TableSpec(
    "holdings", upsert=True, key=("holding_id",),
    purpose="Accounts and positions: one row per product a customer holds or held (a snapshot).",
    columns=(
        C("holding_id", K.KEY, meaning="account or contract number"),
        C("customer_id", K.KEY, references="customers"),
        C("product_id", K.KEY, references="products"),
        C("opened_on", K.DATE),
        C("maturity_on", K.DATE, required=False, meaning="for time deposits and CDs"),
        C("closed_on", K.DATE, required=False),
        C("balance", K.NUMBER, required=False, default=0.0, minimum=0,
          meaning="CNY on the export date; for credit products the amount owed, also positive"),
        C("status", K.CODE, codes=HoldingStatus),
    ))

TRANSACTIONS = TableSpec(
    "transactions", upsert=False, key=("txn_id",),
    purpose="Booked transactions (appended; a daily export may hold just the new ones).",
    columns=(
        C("txn_id", K.INTEGER, minimum=1, meaning="unique transaction number"),
        C("customer_id", K.KEY, references="customers"),
        C("holding_id", K.KEY, required=False, references="holdings",
          meaning="the account booked; must belong to the same customer"),
        C("txn_date", K.DATE),
        C("amount", K.NUMBER, meaning="CNY, signed: + money into the bank, - money out"),
        C("kind", K.CODE, codes=TxnKind),
        C("channel", K.CODE, codes=Channel),
    ))

MONTHLY_BALANCES = TableSpec(
    "monthly_balances", upsert=False, key=("customer_id", "month"),
    purpose="Per customer and month: average and month-end AUM and digital logins (appended).",
    columns=(
        C("customer_id", K.KEY, references="customers"),
        C("month", K.MONTH),
        C("aum_avg", K.NUMBER, minimum=0, meaning="average daily assets under management, CNY"),
        C("aum_end", K.NUMBER, minimum=0, meaning="assets under management at month end, CNY"),
        C("digital_logins", K.INTEGER, required=False, default=0, minimum=0),
    ))

INTERACTIONS = TableSpec(
    "interactions", upsert=False, key=("interaction_id",),
    purpose="The contact log: calls, visits and messages with customers (appended).",
    columns=(
        C("interaction_id", K.INTEGER, minimum=1),
        C("customer_id", K.KEY, references="customers"),
        C("occurred_at", K.TIMESTAMP),
        C("channel", K.CODE, codes=ContactChannel),
        C("purpose", K.CODE, required=False, default=ContactPurpose.SERVICE.value, codes=ContactPurpose),
        C("outcome", K.CODE, codes=ContactOutcome),
        C("note", K.TEXT, required=False, default="", personal=True,
          meaning="free text; may mention the customer, so never shown in error messages"),
    ))

CAMPAIGNS = TableSpec(
    "campaigns", upsert=True, key=("campaign_id",),
    purpose="Marketing campaigns whose offers are evaluated against a control group (a snapshot).",
    columns=(
        C("campaign_id", K.KEY),
        C("name", K.TEXT, meaning="campaign name (not personal data)"),
        C("product_id", K.KEY, required=False, references="products"),
        C("start_on", K.DATE),
        C("end_on", K.DATE, meaning="on or after start_on"),
        C("channel", K.CODE, codes=ContactChannel),
        C("cost_per_contact", K.NUMBER, required=False, default=0.0, minimum=0),
    ))

OFFERS = TableSpec(
    "offers", upsert=False, key=("offer_id",),
    purpose="One row per customer a campaign targeted, treatment or control (appended).",
    columns=(
        C("offer_id", K.INTEGER, minimum=1),
        C("campaign_id", K.KEY, references="campaigns"),
        C("customer_id", K.KEY, references="customers"),
        C("arm", K.CODE, codes=OfferArm),
        C("offered_on", K.DATE),
        C("outcome", K.CODE, codes=OfferOutcome),
        C("responded_on", K.DATE, required=False, meaning="on or after offered_on"),
        C("revenue", K.NUMBER, required=False, default=0.0, meaning="CNY earned from the offer"),
    ))

# Loan customers (issue 21): every field past the keys is optional, since exports differ in what
# they carry; an empty cell is "not provided", never a guessed value.
LOANS = TableSpec(
    "loans", upsert=True, key=("loan_id",),
    purpose="One row per loan or credit-card account with its terms and arrears (a snapshot).",
    columns=(
        C("loan_id", K.KEY, meaning="loan contract or card account number"),
        C("customer_id", K.KEY, references="customers"),
        C("family", K.CODE, codes=LoanFamily),
        C("opened_on", K.DATE, meaning="drawdown date (a card: issue date)"),
        C("principal", K.NUMBER, required=False, minimum=0,
          meaning="CNY lent; for a credit card its credit limit"),
        C("outstanding", K.NUMBER, required=False, minimum=0, meaning="CNY owed on the export date"),
        C("rate", K.NUMBER, required=False, minimum=0, meaning="annual interest rate in percent, e.g. 3.85"),
        C("term_months", K.INTEGER, required=False, minimum=1),
        C("next_due_on", K.DATE, required=False, meaning="date of the next instalment"),
        C("amount_due", K.NUMBER, required=False, minimum=0,
          meaning="CNY of the next instalment (a card: the minimum payment)"),
        C("days_past_due", K.INTEGER, required=False, minimum=0,
          meaning="days the oldest unpaid instalment is overdue; 0 when up to date"),
        C("status", K.CODE, required=False, codes=LoanStatus),
        C("classification", K.CODE, required=False, codes=LoanClass,
          meaning="five-category classification (五级分类)"),
        C("repayment_holding_id", K.KEY, required=False, references="holdings",
          meaning="the account instalments are debited from"),
        C("closed_on", K.DATE, required=False, meaning="set when repaid or written off"),
    ))

LOAN_REPAYMENTS = TableSpec(
    "loan_repayments", upsert=False, key=("repayment_id",),
    purpose="The repayment schedule and what was paid: one row per instalment (appended).",
    columns=(
        C("repayment_id", K.INTEGER, minimum=1),
        C("loan_id", K.KEY, references="loans"),
        C("due_on", K.DATE),
        C("amount_due", K.NUMBER, minimum=0),
        C("paid_on", K.DATE, required=False, meaning="empty while unpaid"),
        C("amount_paid", K.NUMBER, required=False, default=0.0, minimum=0),
    ))

CREDIT_PROFILES = TableSpec(
    "credit_profiles", upsert=True, key=("customer_id",),
    purpose="Per customer: declared monthly income and a credit score, each with its date (a snapshot).",
    columns=(
        C("customer_id", K.KEY, references="customers"),
        C("monthly_income", K.NUMBER, required=False, minimum=0, personal=True,
          meaning="CNY per month, as declared or verified"),
        C("income_on", K.DATE, required=False, meaning="when the income was declared or verified"),
        C("credit_score", K.INTEGER, required=False, minimum=0, personal=True),
        C("score_source", K.TEXT, required=False, meaning="who scored, e.g. the credit bureau"),
        C("score_on", K.DATE, required=False),
    ))

# In foreign-key order: a table comes after every table it refers to.
TABLES: tuple[TableSpec, ...] = (CUSTOMERS, PRODUCTS, HOLDINGS, TRANSACTIONS, MONTHLY_BALANCES,
                                 INTERACTIONS, CAMPAIGNS, OFFERS, LOANS, LOAN_REPAYMENTS,
                                 CREDIT_PROFILES)
BY_TABLE = {spec.table: spec for spec in TABLES}
BY_FILE = {spec.file_name: spec for spec in TABLES}

# Pairs (earlier, later) of date columns of one row that must not be in the wrong order.
DATE_ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    "customers": (("opened_on", "closed_on"),),
    "holdings": (("opened_on", "closed_on"), ("opened_on", "maturity_on")),
    "campaigns": (("start_on", "end_on"),),
    "offers": (("offered_on", "responded_on"),),
    "loans": (("opened_on", "closed_on"),),
}
