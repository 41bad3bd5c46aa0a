"""Campaign statistics against published values and against simulated campaigns of known uplift."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from relmgr.analytics.campaign_results import (
    Arm,
    CampaignVerdict,
    SignificanceTest,
    campaign_result,
    compare_arms,
    newcombe_interval,
    two_proportion_p_value,
    wilson_interval,
)

# Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score, no
# continuity correction): the paper's worked examples.
NEWCOMBE_TABLE_II = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
]


@pytest.mark.parametrize(("counts", "expected"), NEWCOMBE_TABLE_II)
def test_newcombe_interval_matches_the_published_table(counts, expected):
    low, high = newcombe_interval(*counts)
    assert (round(float(low), 4), round(float(high), 4)) == expected


def test_wilson_interval_of_zero_conversions_is_not_a_point():
    # Wilson (1927): 0 of 10 gives [0, z²/(n+z²)] = [0, 0.2775]; the Wald interval would be [0, 0].
    low, high = wilson_interval(0, 10)
    assert float(low) == pytest.approx(0.0, abs=1e-12)
    assert float(high) == pytest.approx(1.959964 ** 2 / (10 + 1.959964 ** 2), abs=1e-5)


def test_z_test_p_value_by_hand():
    # [[56, 14], [48, 32]]: pooled rate 104/150, se = 0.0754668, z = 0.2 / se = 2.65017,
    # two-sided p = 2·(1 − Φ(2.65017)) = 0.0080451.
    p, test = two_proportion_p_value(56, 70, 48, 80)
    assert test is SignificanceTest.Z_TEST
    assert p == pytest.approx(0.0080451, abs=1e-6)


def test_small_counts_use_fishers_exact_test():
    # Fisher's tea-tasting table [[3, 1], [1, 3]]: two-sided p = 34/70 = 0.4857.
    p, test = two_proportion_p_value(3, 4, 1, 4)
    assert test is SignificanceTest.FISHER
    assert p == pytest.approx(34 / 70, abs=1e-9)


def test_verdicts_are_explicit():
    assert compare_arms(Arm(100, 10), None).verdict is CampaignVerdict.NO_CONTROL
    assert compare_arms(Arm(100, 10), None).uplift is None
    assert compare_arms(Arm(12, 3), Arm(4, 0)).verdict is CampaignVerdict.TOO_SMALL
    assert compare_arms(Arm(500, 0), Arm(60, 0)).verdict is CampaignVerdict.TOO_SMALL
    assert compare_arms(Arm(2000, 300), Arm(2000, 200)).verdict is CampaignVerdict.UPLIFT
    assert compare_arms(Arm(2000, 200), Arm(2000, 300)).verdict is CampaignVerdict.NEGATIVE
    assert compare_arms(Arm(2000, 205), Arm(2000, 200)).verdict is CampaignVerdict.NOT_SIGNIFICANT


def test_interval_covers_the_true_uplift_about_95_percent_of_the_time():
    rng = np.random.default_rng(2026)
    runs = 4000
    for p1, p0, n1, n0 in ((0.08, 0.05, 900, 100), (0.30, 0.30, 200, 200), (0.04, 0.02, 400, 400)):
        x1, x0 = rng.binomial(n1, p1, runs), rng.binomial(n0, p0, runs)
        low, high = newcombe_interval(x1, n1, x0, n0)
        coverage = float(np.mean((low <= p1 - p0) & (p1 - p0 <= high)))
        # 4000 runs: the standard error of a 95% coverage is 0.0034; allow about ±3 of them.
        assert 0.935 <= coverage <= 0.965, (p1, p0, coverage)


def test_simulated_campaigns_detect_a_real_uplift_and_rarely_a_null_one():
    rng = np.random.default_rng(17)
    found_real = found_null = 0
    for _ in range(200):
        real = compare_arms(Arm(3000, int(rng.binomial(3000, 0.10))), Arm(600, int(rng.binomial(600, 0.04))))
        null = compare_arms(Arm(3000, int(rng.binomial(3000, 0.05))), Arm(600, int(rng.binomial(600, 0.05))))
        found_real += real.verdict is CampaignVerdict.UPLIFT
        found_null += null.verdict in (CampaignVerdict.UPLIFT, CampaignVerdict.NEGATIVE)
    assert found_real >= 195          # power is essentially 1 at this size
    assert found_null <= 22           # about 5% false alarms (binomial 200 × 0.05: 10 ± 3.1)


def _offers(n_t, x_t, n_c, x_c, *, aum=100_000.0):
    rows = ([("TREATMENT", i < x_t) for i in range(n_t)] + [("CONTROL", i < x_c) for i in range(n_c)])
    frame = pd.DataFrame(rows, columns=["arm", "converted"])
    frame["new_aum"] = np.where(frame["converted"], aum, 0.0)
    frame["revenue"] = np.where(frame["converted"] & (frame["arm"] == "TREATMENT"), 500.0, 0.0)
    frame["tier"] = np.where(np.arange(len(frame)) % 2 == 0, "MASS", "VIP")
    frame["channel"] = "PHONE"
    return frame


def test_campaign_money_and_breakdowns():
    result = campaign_result(_offers(400, 40, 100, 5), cost_per_contact=10.0)
    assert result.cost == 4000.0
    assert result.revenue == 40 * 500.0
    # Uplift 10% − 5% over 400 contacted: 20 of the 40 sales are the campaign's, at 500 each.
    assert result.incremental_revenue == pytest.approx(20 * 500.0)
    assert result.roi == pytest.approx((10_000 - 4000) / 4000)
    # Treated gain 40 × 100,000 / 400 per head, control 5 × 100,000 / 100: (10,000 − 5,000) × 400.
    assert result.incremental_aum == pytest.approx(2_000_000.0)
    assert set(result.by_tier) == {"MASS", "VIP"}
    assert sum(c.treatment.n for c in result.by_tier.values()) == 400
    assert result.by_channel["PHONE"].treatment.converted == 40


def test_a_campaign_that_changes_nothing_earns_nothing_whatever_its_sales():
    # Both arms buy at 10%: its 40 sales (20,000) would have come anyway, far above the 4,000 cost.
    result = campaign_result(_offers(400, 40, 100, 10), cost_per_contact=10.0)
    assert result.revenue == 20_000.0 and result.comparison.uplift == pytest.approx(0.0)
    assert result.incremental_revenue == pytest.approx(0.0) and result.roi == pytest.approx(-1.0)
    # Worse than the control: the attributable revenue is negative, so is the ROI beyond −100%.
    worse = campaign_result(_offers(400, 20, 100, 10), cost_per_contact=10.0)
    assert worse.incremental_revenue == pytest.approx(-0.05 * 400 * 500.0) and worse.roi < -1
    nobody = campaign_result(_offers(400, 0, 100, 10), cost_per_contact=10.0)
    assert nobody.incremental_revenue == 0.0 and nobody.roi == pytest.approx(-1.0)


def test_campaign_without_control_measures_no_uplift():
    result = campaign_result(_offers(300, 30, 0, 0), cost_per_contact=2.0)
    assert result.comparison.verdict is CampaignVerdict.NO_CONTROL
    assert result.comparison.control is None and result.incremental_aum is None
    # Its sales are counted, but how many are its doing cannot be known, nor its return.
    assert result.revenue == 30 * 500.0 and result.incremental_revenue is None and result.roi is None
    assert all(c.verdict is CampaignVerdict.NO_CONTROL for c in result.by_tier.values())
