"""Codes and team rules of customer segmentation: service tiers, RFM segments, behaviour clusters
and lifecycle stages.

The analytics return these codes (with the numbers behind them); the UI turns codes into
translated words. The rule dataclasses hold the documented defaults; a team overrides any field
through the encrypted `team_rules` table (key = `RULE_KEYS[...]`, value = a JSON object of the
fields to change), which `rules_with_overrides` applies and validates. Defaults are never copied
into the database, so a later relmgr with better defaults reaches every team that did not choose
otherwise.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar


class Tier(StrEnum):
    """Value tier by 3-month average daily AUM (客户分层)."""

    PRIVATE = "PRIVATE"  # 私人银行
    WEALTH = "WEALTH"    # 财富
    VIP = "VIP"          # 贵宾
    MASS = "MASS"        # 大众

    @property
    def rank(self) -> int:
        """0 for MASS up to 3 for PRIVATE: a higher rank is a higher tier."""
        return _TIER_RANK[self]

    @classmethod
    def from_rank(cls, rank: int) -> Tier:
        return _TIERS_BY_RANK[rank]


_TIERS_BY_RANK = (Tier.MASS, Tier.VIP, Tier.WEALTH, Tier.PRIVATE)
_TIER_RANK = {tier: rank for rank, tier in enumerate(_TIERS_BY_RANK)}


class TierChange(StrEnum):
    """Why a customer's tier is what it is in a given month (tier history rows)."""

    ENTRY = "ENTRY"          # first month the customer is in the portfolio
    UP = "UP"                # the 3-month average reached a higher threshold: effective at once
    DOWN = "DOWN"            # below the current tier's threshold for `downgrade_months` months


class ContactStatus(StrEnum):
    """Where a customer stands against the contact cadence of their tier."""

    OVERDUE = "OVERDUE"            # the due date has passed
    DUE = "DUE"                    # due today or within `due_soon_days`
    NOT_DUE = "NOT_DUE"
    DIGITAL_ONLY = "DIGITAL_ONLY"  # the tier has no RM cadence (served through digital channels)


class RfmSegment(StrEnum):
    """The classic eight RFM segments. R high = recent, F high = frequent, M high = valuable."""

    IMPORTANT_VALUE = "IMPORTANT_VALUE"          # 重要价值客户  R+ F+ M+
    IMPORTANT_DEVELOP = "IMPORTANT_DEVELOP"      # 重要发展客户  R+ F- M+
    IMPORTANT_RETAIN = "IMPORTANT_RETAIN"        # 重要保持客户  R- F+ M+
    IMPORTANT_WINBACK = "IMPORTANT_WINBACK"      # 重要挽留客户  R- F- M+
    GENERAL_VALUE = "GENERAL_VALUE"              # 一般价值客户  R+ F+ M-
    GENERAL_DEVELOP = "GENERAL_DEVELOP"          # 一般发展客户  R+ F- M-
    GENERAL_RETAIN = "GENERAL_RETAIN"            # 一般保持客户  R- F+ M-
    GENERAL_WINBACK = "GENERAL_WINBACK"          # 一般挽留客户  R- F- M-

    @classmethod
    def from_flags(cls, *, recent: bool, frequent: bool, valuable: bool) -> RfmSegment:
        return _RFM_BY_FLAGS[(recent, frequent, valuable)]


_RFM_BY_FLAGS = {
    (True, True, True): RfmSegment.IMPORTANT_VALUE,
    (True, False, True): RfmSegment.IMPORTANT_DEVELOP,
    (False, True, True): RfmSegment.IMPORTANT_RETAIN,
    (False, False, True): RfmSegment.IMPORTANT_WINBACK,
    (True, True, False): RfmSegment.GENERAL_VALUE,
    (True, False, False): RfmSegment.GENERAL_DEVELOP,
    (False, True, False): RfmSegment.GENERAL_RETAIN,
    (False, False, False): RfmSegment.GENERAL_WINBACK,
}
# Index = recent*4 + frequent*2 + valuable: lets the analytics map boolean arrays in one step.
RFM_SEGMENT_BY_INDEX: tuple[RfmSegment, ...] = tuple(
    _RFM_BY_FLAGS[(bool(i & 4), bool(i & 2), bool(i & 1))] for i in range(8))


class Stage(StrEnum):
    """Lifecycle stage (客户生命周期), point-in-time at a date."""

    ACQUISITION = "ACQUISITION"  # 获客期
    GROWTH = "GROWTH"            # 成长期
    MATURITY = "MATURITY"        # 成熟期
    DECLINE = "DECLINE"          # 衰退期
    CHURNED = "CHURNED"          # 流失


# The source of customers who were not in the portfolio at the previous month end (stage flow).
FLOW_SOURCE_NEW = "NEW"


class StageReason(StrEnum):
    """The rule that put a customer in their stage; the detail JSON carries its numbers."""

    ACCOUNTS_CLOSED = "ACCOUNTS_CLOSED"  # CHURNED: customer or all holdings closed {closed_on}
    DORMANT = "DORMANT"                  # CHURNED: {days_inactive}
    NEW_CUSTOMER = "NEW_CUSTOMER"        # ACQUISITION: {tenure_days}
    AUM_DROP = "AUM_DROP"                # DECLINE: {aum_before, aum_now, change_pct}
    ACTIVITY_HALVED = "ACTIVITY_HALVED"  # DECLINE: {txns_previous, txns_recent}
    AUM_GROWTH = "AUM_GROWTH"            # GROWTH: {aum_before, aum_now, change_pct}
    PRODUCTS_ADDED = "PRODUCTS_ADDED"    # GROWTH: {products_before, products_now}
    STEADY = "STEADY"                    # MATURITY: none of the above {tenure_days}


class ClusterFeature(StrEnum):
    """Behaviour features the clusters are built on, and the trait codes that describe them."""

    AGE = "AGE"
    AUM = "AUM"
    ACTIVITY = "ACTIVITY"        # customer-initiated transactions in the last 12 months
    CHANNEL = "CHANNEL"          # share of those done on mobile/online: levels DIGITAL / BRANCH
    PRODUCTS = "PRODUCTS"        # open holdings
    TENURE = "TENURE"
    LOGINS = "LOGINS"            # digital logins per month, last 3 months


class TraitLevel(StrEnum):
    HIGH = "HIGH"
    LOW = "LOW"
    DIGITAL = "DIGITAL"          # CHANNEL only
    BRANCH = "BRANCH"            # CHANNEL only


# -- team rules ------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class TierRules:
    """Service tiers. Thresholds are on the average daily AUM (CNY) of the last
    `average_months` complete months and are inclusive: exactly 600,000 is WEALTH.

    Cadences are in calendar days (not months) so that a due date is unambiguous across month
    ends: a PRIVATE customer last called on 31 January is due 30 days later, on 2 March (1 March
    in a leap year), never on a non-existent 31 February. `None` = no RM call cadence (the tier is
    served digitally)."""

    private_min_aum: float = 6_000_000.0
    wealth_min_aum: float = 600_000.0
    vip_min_aum: float = 50_000.0
    average_months: int = 3
    downgrade_months: int = 3
    private_cadence_days: int | None = 30
    wealth_cadence_days: int | None = 90
    vip_cadence_days: int | None = 180
    mass_cadence_days: int | None = None
    due_soon_days: int = 7

    def __post_init__(self) -> None:
        if not (0 <= self.vip_min_aum <= self.wealth_min_aum <= self.private_min_aum):
            raise ValueError("tier thresholds must rise: vip_min_aum <= wealth_min_aum <= private_min_aum")
        _positive(self, "average_months", "downgrade_months")
        _non_negative(self, "due_soon_days")
        for tier in Tier:
            days = self.cadence_days(tier)
            if days is not None and (not isinstance(days, int) or days <= 0):
                raise ValueError(f"{tier.lower()}_cadence_days must be a positive number of days or null")

    def threshold(self, tier: Tier) -> float:
        return {Tier.PRIVATE: self.private_min_aum, Tier.WEALTH: self.wealth_min_aum,
                Tier.VIP: self.vip_min_aum, Tier.MASS: 0.0}[tier]

    def cadence_days(self, tier: Tier) -> int | None:
        return {Tier.PRIVATE: self.private_cadence_days, Tier.WEALTH: self.wealth_cadence_days,
                Tier.VIP: self.vip_cadence_days, Tier.MASS: self.mass_cadence_days}[tier]


@dataclasses.dataclass(frozen=True)
class RfmRules:
    """RFM. Each dimension is 'high' when at or better than the portfolio median (recency: at
    most the median days; frequency and monetary: at least the median and above zero, so a
    portfolio where most customers have no transactions does not call 'none' frequent)."""

    frequency_days: int = 365

    def __post_init__(self) -> None:
        _positive(self, "frequency_days")


@dataclasses.dataclass(frozen=True)
class ClusterRules:
    """Behaviour clusters: k-means with k in [k_min, k_max] chosen by the highest mean silhouette
    on a sample of `silhouette_sample` customers; fitted on at most `fit_sample` customers and
    applied to all. A cluster trait is HIGH/LOW when its mean is at least `trait_z` portfolio
    standard deviations from the portfolio mean; at most `max_traits` traits describe a cluster."""

    k_min: int = 3
    k_max: int = 7
    fit_sample: int = 10_000
    silhouette_sample: int = 2_000
    random_state: int = 20260
    trait_z: float = 0.5
    max_traits: int = 4

    def __post_init__(self) -> None:
        _positive(self, "k_min", "fit_sample", "silhouette_sample", "max_traits")
        if not 2 <= self.k_min <= self.k_max:
            raise ValueError("cluster rules need 2 <= k_min <= k_max")


@dataclasses.dataclass(frozen=True)
class LifecycleRules:
    """Lifecycle stages, decided at each month end (and at the data date) in this order:

    1. CHURNED: the customer record, or every holding they ever opened, is closed; or no
       customer-initiated transaction for `dormant_days` days (since opening, if none ever).
    2. ACQUISITION: tenure below `acquisition_days`.
    3. DECLINE: month-end AUM fell by at least `decline_aum_drop` against the month end
       `decline_aum_months` earlier (3 months ≈ 90 days; month ends because balances are
       monthly), from at least `min_trend_aum`; or customer-initiated transactions in the last
       `activity_window_days` are at most `activity_halved_ratio` × those in the window before,
       when that earlier window had at least `min_previous_txns` (so 1 → 0 is not 'halved').
    4. GROWTH: tenure below `growth_max_tenure_days` and either AUM rose by at least
       `growth_aum_rise` over `growth_aum_months` months (≈180 days, from at least
       `min_trend_aum`), or more open products than `growth_aum_months` months ago.
    5. MATURITY: everyone else.
    """

    dormant_days: int = 180
    acquisition_days: int = 90
    decline_aum_drop: float = 0.30
    decline_aum_months: int = 3
    activity_window_days: int = 90
    activity_halved_ratio: float = 0.5
    min_previous_txns: int = 4
    growth_aum_rise: float = 0.20
    growth_aum_months: int = 6
    growth_max_tenure_days: int = 730
    min_trend_aum: float = 1_000.0
    history_months: int = 36

    def __post_init__(self) -> None:
        _positive(self, "dormant_days", "acquisition_days", "decline_aum_months",
                  "activity_window_days", "growth_aum_months", "growth_max_tenure_days",
                  "history_months")
        _non_negative(self, "min_previous_txns", "min_trend_aum")
        if not 0 < self.decline_aum_drop < 1 or not 0 < self.activity_halved_ratio < 1:
            raise ValueError("decline_aum_drop and activity_halved_ratio must lie between 0 and 1")
        if self.growth_aum_rise <= 0:
            raise ValueError("growth_aum_rise must be positive")


@dataclasses.dataclass(frozen=True)
class SegmentRules:
    tiers: TierRules = dataclasses.field(default_factory=TierRules)
    rfm: RfmRules = dataclasses.field(default_factory=RfmRules)
    clusters: ClusterRules = dataclasses.field(default_factory=ClusterRules)
    lifecycle: LifecycleRules = dataclasses.field(default_factory=LifecycleRules)


# team_rules keys for each group of rules.
RULE_KEYS: dict[str, str] = {"tiers": "segments.tiers", "rfm": "segments.rfm",
                             "clusters": "segments.clusters", "lifecycle": "segments.lifecycle"}

R = TypeVar("R")


def rules_with_overrides(defaults: R, overrides: Mapping[str, Any] | None) -> R:
    """`defaults` with the fields named in `overrides` replaced; unknown fields, wrong types and
    inconsistent values raise ValueError naming the field."""
    if not overrides:
        return defaults
    if not isinstance(overrides, Mapping):
        raise ValueError(f"{type(defaults).__name__}: team rule must be a JSON object")
    fields = {f.name: f for f in dataclasses.fields(defaults)}  # type: ignore[arg-type]
    changes: dict[str, Any] = {}
    for name, value in overrides.items():
        if name not in fields:
            raise ValueError(f"{type(defaults).__name__}: unknown rule {name!r}")
        current = getattr(defaults, name)
        if value is None:
            if current is not None and not name.endswith("_cadence_days"):
                raise ValueError(f"{type(defaults).__name__}.{name} cannot be null")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{type(defaults).__name__}.{name} must be a number")
        elif isinstance(current, int) or name.endswith("_cadence_days"):
            if value != int(value):
                raise ValueError(f"{type(defaults).__name__}.{name} must be a whole number")
            value = int(value)
        elif not math.isfinite(value):
            raise ValueError(f"{type(defaults).__name__}.{name} must be finite")
        else:
            value = float(value)
        changes[name] = value
    return dataclasses.replace(defaults, **changes)  # type: ignore[type-var]


def _positive(rules: object, *names: str) -> None:
    for name in names:
        if getattr(rules, name) <= 0:
            raise ValueError(f"{type(rules).__name__}.{name} must be positive")


def _non_negative(rules: object, *names: str) -> None:
    for name in names:
        if getattr(rules, name) < 0:
            raise ValueError(f"{type(rules).__name__}.{name} must not be negative")
