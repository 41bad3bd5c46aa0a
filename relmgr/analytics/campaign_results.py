"""Campaign results: conversion per arm, uplift with its 95% interval, significance, money.

Pure functions over one frame of a campaign's offers (one row per customer offered or held out):
`arm` (TREATMENT / CONTROL), `converted` (bool, measured by the caller from holdings opened in the
window, never from the outcome the RM typed), `new_aum` (balance of the promoted products opened in
the window), `revenue`, and whatever columns a breakdown groups by (`tier`, `channel`).

The statistics, and why these:

- Uplift is the treatment group's conversion rate less the control group's.
- Its 95% interval is Newcombe's hybrid score interval (Newcombe 1998, method 10): the Wilson
  score intervals of the two rates combined. Campaign conversion rates are small (a few per
  cent) and groups are often small; there the Wald interval (rate ± 1.96·se) is too narrow and
  collapses to a point at 0 conversions, while Newcombe's keeps close to 95% coverage
  (tests/analytics/test_campaign_results.py simulates it) and needs no iteration.
- The p-value is the two-sided two-proportion z-test with pooled variance when every expected
  cell count of the 2×2 table is at least 5 (where the normal approximation holds), and Fisher's
  exact test otherwise (exact at any size, conservative). `test` says which one was used.
- Outcomes are explicit codes (CampaignVerdict): no control group (uplift cannot be measured:
  only conversion is shown), too small to say (an arm under MIN_ARM customers or fewer than
  MIN_CONVERSIONS conversions in all: no test could tell an effect from chance), and otherwise
  a significant positive or negative uplift, or no significant difference.
- Money: cost is the cost per contact × customers contacted (the control group is never
  contacted); revenue what the treatment group's sales brought, all of it. Not all of it is the
  campaign's doing: the control group shows how many would have bought anyway. The revenue
  attributable to the campaign is the revenue of its extra sales, uplift × treatment size of
  them at the treatment group's revenue per sale (= revenue × (1 − control rate / treatment
  rate)); the control's own offer revenue cannot be used, as nobody offered it anything. ROI =
  (attributable revenue − cost) / cost: on all revenue it would credit the campaign with the
  organic sales and call a campaign that does nothing profitable. Without a control group
  neither can be known (None), like incremental AUM, (treatment's mean new AUM − control's) ×
  treatment size.

scipy is imported inside the functions that need it: it costs start-up time the window and the
commands that never show a campaign should not pay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd

TREATMENT, CONTROL = "TREATMENT", "CONTROL"
CONFIDENCE = 0.95
MIN_ARM = 30            # customers per arm below which no test says anything useful
MIN_CONVERSIONS = 5     # conversions in both arms together, likewise
MIN_EXPECTED = 5.0      # expected cell count from which the z-test's normal approximation holds


class CampaignVerdict(StrEnum):
    NO_CONTROL = "NO_CONTROL"                # uplift cannot be measured
    TOO_SMALL = "TOO_SMALL"                  # too small to say
    UPLIFT = "UPLIFT"                        # significantly better than the control
    NEGATIVE = "NEGATIVE"                    # significantly worse than the control
    NOT_SIGNIFICANT = "NOT_SIGNIFICANT"      # no difference the test can tell from chance


class SignificanceTest(StrEnum):
    Z_TEST = "Z_TEST"
    FISHER = "FISHER"


@dataclass(frozen=True)
class Arm:
    n: int
    converted: int

    @property
    def rate(self) -> float | None:
        return self.converted / self.n if self.n else None


@dataclass(frozen=True)
class ArmComparison:
    treatment: Arm
    control: Arm | None
    uplift: float | None
    uplift_ci: tuple[float, float] | None
    p_value: float | None
    test: SignificanceTest | None
    verdict: CampaignVerdict


@dataclass(frozen=True)
class CampaignResult:
    comparison: ArmComparison
    incremental_aum: float | None
    cost: float
    revenue: float                       # all the treatment group's sales brought
    incremental_revenue: float | None    # what the sales beyond the control's rate brought
    roi: float | None                    # on incremental_revenue
    by_tier: dict[str, ArmComparison] = field(default_factory=dict)
    by_channel: dict[str, ArmComparison] = field(default_factory=dict)


def _z(confidence: float) -> float:
    from scipy.stats import norm
    return float(norm.ppf(0.5 + confidence / 2))


def wilson_interval(converted, n, *, confidence: float = CONFIDENCE):
    """Wilson score interval of a proportion; works on scalars and numpy arrays alike."""
    z = _z(confidence)
    x, n = np.asarray(converted, dtype=float), np.asarray(n, dtype=float)
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def newcombe_interval(x1, n1, x0, n0, *, confidence: float = CONFIDENCE):
    """Newcombe's hybrid score interval (method 10) for p1 − p0; scalars or numpy arrays."""
    p1, p0 = np.asarray(x1, float) / np.asarray(n1, float), np.asarray(x0, float) / np.asarray(n0, float)
    l1, u1 = wilson_interval(x1, n1, confidence=confidence)
    l0, u0 = wilson_interval(x0, n0, confidence=confidence)
    d = p1 - p0
    low = d - np.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)
    high = d + np.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)
    return low, high


def two_proportion_p_value(x1: int, n1: int, x0: int, n0: int) -> tuple[float, SignificanceTest]:
    """Two-sided p-value for p1 ≠ p0: pooled z-test when every expected cell is ≥ MIN_EXPECTED,
    Fisher's exact test otherwise."""
    total, conv = n1 + n0, x1 + x0
    expected = [n * c / total for n in (n1, n0) for c in (conv, total - conv)]
    if min(expected) >= MIN_EXPECTED:
        from scipy.stats import norm
        pooled = conv / total
        se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
        z = (x1 / n1 - x0 / n0) / se
        return float(2 * norm.sf(abs(z))), SignificanceTest.Z_TEST
    from scipy.stats import fisher_exact
    _, p = fisher_exact([[x1, n1 - x1], [x0, n0 - x0]], alternative="two-sided")
    return float(p), SignificanceTest.FISHER


def compare_arms(treatment: Arm, control: Arm | None, *, alpha: float = 1 - CONFIDENCE) -> ArmComparison:
    """Uplift, its interval, the p-value and the verdict for one treatment/control pair."""
    if control is None:
        return ArmComparison(treatment, None, None, None, None, None, CampaignVerdict.NO_CONTROL)
    if treatment.n == 0 or control.n == 0:
        return ArmComparison(treatment, control, None, None, None, None, CampaignVerdict.TOO_SMALL)
    uplift = treatment.rate - control.rate
    low, high = newcombe_interval(treatment.converted, treatment.n, control.converted, control.n)
    ci = (float(low), float(high))
    too_small = (min(treatment.n, control.n) < MIN_ARM
                 or treatment.converted + control.converted < MIN_CONVERSIONS)
    if treatment.converted + control.converted in (0, treatment.n + control.n):
        # Nobody (or everybody) converted: the test has nothing to compare.
        return ArmComparison(treatment, control, uplift, ci, None, None, CampaignVerdict.TOO_SMALL)
    p, test = two_proportion_p_value(treatment.converted, treatment.n, control.converted, control.n)
    if too_small:
        verdict = CampaignVerdict.TOO_SMALL
    elif p < alpha:
        verdict = CampaignVerdict.UPLIFT if uplift > 0 else CampaignVerdict.NEGATIVE
    else:
        verdict = CampaignVerdict.NOT_SIGNIFICANT
    return ArmComparison(treatment, control, uplift, ci, p, test, verdict)


def _arms(offers: pd.DataFrame) -> tuple[Arm, Arm | None]:
    treated = offers[offers["arm"] == TREATMENT]
    held_out = offers[offers["arm"] == CONTROL]
    treatment = Arm(len(treated), int(treated["converted"].sum()))
    control = Arm(len(held_out), int(held_out["converted"].sum())) if len(held_out) else None
    return treatment, control


def _breakdown(offers: pd.DataFrame, column: str, has_control: bool) -> dict[str, ArmComparison]:
    if column not in offers.columns:
        return {}
    result = {}
    for key, group in offers.groupby(column, sort=True):
        treatment, control = _arms(group)
        if has_control and control is None:
            control = Arm(0, 0)  # the campaign had a control, this cell of it has nobody
        result[str(key)] = compare_arms(treatment, control)
    return result


def attributable_revenue(revenue: float, comparison: ArmComparison) -> float:
    """The treatment group's revenue from the sales beyond what the control's rate would have
    brought: uplift × n extra sales at revenue / converted each. Negative when the contacted
    bought less than the control; 0 when none of them bought."""
    treatment = comparison.treatment
    if not treatment.converted:
        return 0.0
    per_sale = revenue / treatment.converted
    return round(comparison.uplift * treatment.n * per_sale, 2)


def campaign_result(offers: pd.DataFrame, *, cost_per_contact: float) -> CampaignResult:
    """The whole result of one campaign from its offers frame (see the module docstring)."""
    treatment, control = _arms(offers)
    comparison = compare_arms(treatment, control)
    treated = offers[offers["arm"] == TREATMENT]
    cost = round(cost_per_contact * treatment.n, 2)
    revenue = round(float(treated["revenue"].sum()), 2)
    incremental = incremental_revenue = roi = None
    if comparison.uplift is not None:
        held_out = offers[offers["arm"] == CONTROL]
        incremental = round((float(treated["new_aum"].mean()) - float(held_out["new_aum"].mean()))
                            * treatment.n, 2)
        incremental_revenue = attributable_revenue(revenue, comparison)
        roi = (incremental_revenue - cost) / cost if cost > 0 else None
    has_control = control is not None
    return CampaignResult(comparison, incremental, cost, revenue, incremental_revenue, roi,
                          by_tier=_breakdown(offers, "tier", has_control),
                          by_channel=_breakdown(offers, "channel", has_control))
