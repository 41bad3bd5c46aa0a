"""Codes and team rules of churn warnings (流失预警, issue 5).

The churn model returns codes with numbers (`ReasonCode` + value, `RiskBand`); the UI turns them
into translated words. `ChurnRules` holds the documented defaults of the churn definition, the
horizon, the training window and the risk bands; a team overrides any field through the encrypted
`team_rules` table (key `CHURN_RULE_KEY`, value a JSON object of the fields to change), applied
and validated by `relmgr.domain.segments.rules_with_overrides`.

Churn definition (both parts apply; the earlier one dates the churn):
1. the customer record was closed (customers.closed_on <= d): every account closed; or
2. dormant with nothing left: no customer-initiated transaction (TxnKind.customer_initiated) for
   at least `inactive_days` days (counted from opening when there was none) AND the month-end AUM
   of the last complete month on or before d below `dormant_aum`.
Why both: closure alone misses the most common way retail customers leave a Chinese bank — they
stop using it and leave a few hundred yuan behind (睡眠户) rather than closing; dormancy alone
dates an abrupt closer three months late. Dormancy requires a low balance as well, so a wealthy
customer who simply holds a deposit untouched is not called churned.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum

CHURN_RULE_KEY = "churn.rules"


class ReasonCode(StrEnum):
    """Why a customer is at risk; each comes with one number (`value`), unit in the comment."""

    AUM_DROP_30D = "AUM_DROP_30D"        # fractional AUM change over ~30 days (-0.62 = down 62%)
    AUM_DROP_90D = "AUM_DROP_90D"        # same over ~90 days
    AUM_DROP_180D = "AUM_DROP_180D"      # same over ~180 days
    AUM_CHANGE_90D = "AUM_CHANGE_90D"    # the AUM trend matters but it is not a drop: change 90 d
    LOW_BALANCE = "LOW_BALANCE"          # month-end AUM (CNY)
    NO_ACTIVITY_DAYS = "NO_ACTIVITY_DAYS"  # days since the last customer-initiated transaction
    TXNS_DOWN = "TXNS_DOWN"              # fractional change of transactions, last 90 d vs the 90 before
    NET_OUTFLOW_90D = "NET_OUTFLOW_90D"  # money moved out in the last 3 months, net (CNY, positive)
    SALARY_STOPPED = "SALARY_STOPPED"    # months since the last salary credit
    PENSION_STOPPED = "PENSION_STOPPED"  # months since the last pension credit
    DEPOSIT_MATURED_WITHDRAWN = "DEPOSIT_MATURED_WITHDRAWN"  # matured amount moved out (CNY)
    PRODUCTS_CLOSED = "PRODUCTS_CLOSED"  # products closed in the last 90 days (count)
    LOGINS_DOWN = "LOGINS_DOWN"          # fractional change of digital logins, last 3 vs 3 months before
    NO_RECENT_CONTACT = "NO_RECENT_CONTACT"  # days since the last contact by the bank
    COMPLAINT = "COMPLAINT"              # complaints in the last 180 days (count)
    SHORT_TENURE = "SHORT_TENURE"        # days since the customer joined
    PROFILE = "PROFILE"                  # age and product mix (age in years)


class DriverGroup(StrEnum):
    """What an RM can talk about, grouping the reason codes: the model card's "why customers
    leave" splits the portfolio's value at risk by these."""

    ASSETS_FALLING = "ASSETS_FALLING"
    MONEY_OUT = "MONEY_OUT"
    LESS_ACTIVITY = "LESS_ACTIVITY"
    INCOME_STOPPED = "INCOME_STOPPED"
    PRODUCTS_CLOSED = "PRODUCTS_CLOSED"
    RELATIONSHIP = "RELATIONSHIP"
    PROFILE = "PROFILE"
    NO_SINGLE_REASON = "NO_SINGLE_REASON"     # at risk, but no reason carries a point of risk


DRIVER_OF: dict[ReasonCode, DriverGroup] = {
    ReasonCode.AUM_DROP_30D: DriverGroup.ASSETS_FALLING, ReasonCode.AUM_DROP_90D: DriverGroup.ASSETS_FALLING,
    ReasonCode.AUM_DROP_180D: DriverGroup.ASSETS_FALLING, ReasonCode.AUM_CHANGE_90D: DriverGroup.ASSETS_FALLING,
    ReasonCode.LOW_BALANCE: DriverGroup.ASSETS_FALLING,
    ReasonCode.NET_OUTFLOW_90D: DriverGroup.MONEY_OUT, ReasonCode.DEPOSIT_MATURED_WITHDRAWN: DriverGroup.MONEY_OUT,
    ReasonCode.NO_ACTIVITY_DAYS: DriverGroup.LESS_ACTIVITY, ReasonCode.TXNS_DOWN: DriverGroup.LESS_ACTIVITY,
    ReasonCode.LOGINS_DOWN: DriverGroup.LESS_ACTIVITY,
    ReasonCode.SALARY_STOPPED: DriverGroup.INCOME_STOPPED, ReasonCode.PENSION_STOPPED: DriverGroup.INCOME_STOPPED,
    ReasonCode.PRODUCTS_CLOSED: DriverGroup.PRODUCTS_CLOSED,
    ReasonCode.NO_RECENT_CONTACT: DriverGroup.RELATIONSHIP, ReasonCode.COMPLAINT: DriverGroup.RELATIONSHIP,
    ReasonCode.SHORT_TENURE: DriverGroup.RELATIONSHIP,
    ReasonCode.PROFILE: DriverGroup.PROFILE,
}


class RiskBand(StrEnum):
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"

    @property
    def rank(self) -> int:
        """2 for HIGH … 0 for LOW."""
        return {RiskBand.HIGH: 2, RiskBand.MEDIUM: 1, RiskBand.LOW: 0}[self]


class ModelKind(StrEnum):
    """What produced the probabilities: the learned model, or the documented rule baseline used
    when the portfolio has too little history or too few churners to learn from."""

    MODEL = "MODEL"
    RULE_BASELINE = "RULE_BASELINE"


class WarningAction(StrEnum):
    HANDLED = "HANDLED"      # dealt with; reappears only if the risk band rises later
    SNOOZED = "SNOOZED"      # hidden until a date


class WarningState(StrEnum):
    OPEN = "OPEN"
    HANDLED = "HANDLED"
    SNOOZED = "SNOOZED"


@dataclasses.dataclass(frozen=True)
class ChurnRules:
    """Team rules of the churn warnings.

    horizon_days: a warning predicts churn within this many days after the data date.
    inactive_days / dormant_aum: the dormancy part of the churn definition (module docstring).
    training_cutoffs: how many past month-end cutoffs (the latest with a full horizon after it
    first) the model learns from; the latest is held out for out-of-time evaluation and the one
    before it calibrates the probabilities. min_positive_labels: fewer churners than this in the
    training cutoffs, and the documented rule baseline is used instead of a model.
    high_probability / medium_probability: band thresholds on the calibrated probability.
    """

    horizon_days: int = 90
    inactive_days: int = 90
    dormant_aum: float = 1_000.0
    training_cutoffs: int = 8
    min_positive_labels: int = 30
    high_probability: float = 0.30
    medium_probability: float = 0.10

    def __post_init__(self) -> None:
        for name in ("horizon_days", "inactive_days", "training_cutoffs", "min_positive_labels"):
            if getattr(self, name) <= 0:
                raise ValueError(f"ChurnRules.{name} must be positive")
        if self.training_cutoffs < 3:
            raise ValueError("ChurnRules.training_cutoffs must be at least 3 (fit, calibrate, hold out)")
        if self.dormant_aum < 0:
            raise ValueError("ChurnRules.dormant_aum must not be negative")
        if not 0 < self.medium_probability <= self.high_probability < 1:
            raise ValueError("ChurnRules needs 0 < medium_probability <= high_probability < 1")

    def band(self, probability: float) -> RiskBand:
        if probability >= self.high_probability:
            return RiskBand.HIGH
        if probability >= self.medium_probability:
            return RiskBand.MEDIUM
        return RiskBand.LOW


def probability_percent(probability: float, *, decimals: int = 0) -> str:
    """A probability as a percentage that never reads as certainty. Rounding would show a
    calibrated 0.998 as '100%', which an RM reads as 'already gone' (and 0.002 as '0%'); this
    shows '>99%' and '<1%' instead (with decimals=1: '>99.9%', '<0.1%')."""
    step = 10.0 ** -(decimals + 2)           # the smallest step the text shows: 1% or 0.1%
    shown = f"{probability:.{decimals}%}"
    if shown == f"{1:.{decimals}%}":
        return ">" + f"{1 - step:.{decimals}%}"
    if probability > 0 and shown == f"{0:.{decimals}%}":
        return "<" + f"{step:.{decimals}%}"
    return shown
