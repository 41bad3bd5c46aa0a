"""What a summary can give away, on the seeded demo portfolio, with differential privacy on and
off.

- Scan: the payload (DP on) holds none of any customer's name, ID number, phone, birth date,
  customer number or account (holding) number.
- k: every published customer count is 0 or >= k, judged on the noisy figures that are published,
  and the totals are the sums of the published (noisy) cells.
- Differencing without noise (k only): change one customer's AUM and summarise again. Asserted:
  the counts do not move, only the AUM cells that contain that customer differ, and each such
  difference is a multiple of the rounding step within one step of the true change, so the
  change is readable to +/- AUM_STEP and no better. (k alone does not stop a move between two
  published cells from showing as +1/-1: the README says so; that is what DP is for.)
- Differencing with noise: for the table cell of one customer, the published value with and
  without that customer (10,000 draws each, diffprivlib's Geometric at the per-release epsilon the
  summary uses) obeys the DP bound: for every threshold t, P(value >= t | in) <= e^eps *
  P(value >= t | out) + slack, and the best threshold guess of "in or out" is right at most
  e^eps / (1 + e^eps) + slack of the time. Properties of fresh, unseeded noise, not fixed numbers.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from relmgr.services.sync import branch, noise, outbox, signing
from relmgr.services.sync.preview import noise_sentence, preview_lines
from relmgr.services.sync.summary import AUM_STEP, TOTAL, build_summary, customer_facts
from relmgr.storage import open_portfolio
from relmgr.storage.rules import set_rule
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

EPSILON = 1.0
DRAWS = 10_000


@pytest.fixture(scope="module")
def noisy_branch(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dp") / "branch.rmdb"
    shutil.copy(demo_portfolio_file, path)
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        branch.set_branch_id(portfolio, "BR-DP")
        with portfolio.transaction():
            set_rule(portfolio, branch.RULE_EPSILON, EPSILON)
    return path


@pytest.fixture(scope="module")
def noisy_summaries(noisy_branch: Path):
    with open_portfolio(noisy_branch, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        epsilon = branch.epsilon_of(portfolio)
        summaries = [build_summary(portfolio, k=10, epsilon=epsilon) for _ in range(2)]
        signed = outbox.envelope(portfolio, summaries[0])
        people = portfolio.query("SELECT customer_id, name, id_number, phone, birth_date FROM customers")
        accounts = [row[0] for row in portfolio.query("SELECT holding_id FROM holdings")]
    return summaries, signed, people, accounts


def test_no_personal_value_is_in_a_noisy_payload(noisy_summaries) -> None:
    _, signed, people, accounts = noisy_summaries
    text = signing.canonical(signed).decode("utf-8")
    values = {str(value) for row in people for value in row if value} | set(accounts)
    assert len(people) == 300 and len(values) > 1200
    assert sorted(value for value in values if value in text) == []


def test_every_published_noisy_cell_covers_k_and_totals_add_up(noisy_summaries) -> None:
    summaries, signed, _, _ = noisy_summaries
    payload = signed["payload"]
    published = [c["customers"] for t in payload["tables"] for c in t["cells"] if not c["suppressed"]]
    assert published and all(n == 0 or n >= 10 for n in published)
    for table in summaries[0].tables:
        grid = table.protected.counts      # the noisy cells with the totals they were summed into
        assert (grid[:-1, -1] == grid[:-1, :-1].sum(axis=1)).all(), table.name
        assert (grid[-1, :] == grid[:-1, :].sum(axis=0)).all(), table.name
        if table.aum is not None:
            assert np.allclose(table.aum[-1, :], table.aum[:-1, :].sum(axis=0))
    dp = payload["differential_privacy"]
    assert dp["epsilon"] == EPSILON and dp["counts"]["mechanism"] == "Geometric"
    assert dp["aum"]["mechanism"] == "Laplace" and dp["aum"]["clipped_per_customer"] == noise.CLIP_AUM
    assert math.isclose(dp["epsilon_per_release"] * dp["releases"], EPSILON)


def test_the_noise_is_fresh_each_time(noisy_summaries) -> None:
    first, second = noisy_summaries[0]
    grids = [np.concatenate([t.protected.counts.ravel() for t in s.tables]) for s in (first, second)]
    assert (grids[0] != grids[1]).any()     # 30+ noisy cells all equal: about 1e-15 by chance


def test_the_preview_says_which_figures_are_noisy_and_by_how_much(noisy_summaries) -> None:
    _, signed, _, _ = noisy_summaries
    sentence = noise_sentence(signed["payload"])
    dp = signed["payload"]["differential_privacy"]
    assert f"±{dp['counts']['interval_95']}" in sentence and "95%" in sentence
    assert "model quality is not noisy" in sentence
    assert sentence in preview_lines(signed["payload"])
    assert "no figure is noisy" in noise_sentence({"differential_privacy": None})


def test_the_mechanisms_have_the_stated_spread() -> None:
    share = 0.25
    counts = noise.noisy_counts(np.full(DRAWS, 500), share)
    within = np.abs(counts - 500) <= noise.count_interval(share)
    assert abs(counts.mean() - 500) < 0.5 and 0.94 <= within.mean() <= 0.97
    sums = noise.noisy_sums(np.full(DRAWS, 1e9), share)
    within = np.abs(sums - 1e9) <= noise.sum_interval(share, noise.CLIP_AUM)
    assert 0.94 <= within.mean() <= 0.96
    assert abs(np.median(sums) - 1e9) < 0.1 * noise.CLIP_AUM / share


def test_differencing_one_customer_out_is_bounded_by_epsilon(noisy_branch: Path) -> None:
    with open_portfolio(noisy_branch, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        facts, _ = customer_facts(portfolio, as_of=DEMO_AS_OF)
        summary = build_summary(portfolio, k=10, epsilon=EPSILON)
    share = summary.differential_privacy["epsilon_per_release"]
    target = facts.iloc[0]
    cell = ((facts["tier"] == target["tier"]) & (facts["stage"] == target["stage"])).sum()
    with_them = noise.noisy_counts(np.full(DRAWS, cell), share)
    without = noise.noisy_counts(np.full(DRAWS, cell - 1), share)
    slack = 4 / math.sqrt(DRAWS)
    for threshold in range(int(cell) - 15, int(cell) + 16):
        p_in, p_out = (with_them >= threshold).mean(), (without >= threshold).mean()
        assert p_in <= math.exp(share) * p_out + slack, threshold
        assert 1 - p_out <= math.exp(share) * (1 - p_in) + slack, threshold
    best = max(((with_them >= t).mean() + (without < t).mean()) / 2
               for t in range(int(cell) - 15, int(cell) + 16))
    assert best <= math.exp(share) / (1 + math.exp(share)) + slack


def test_differencing_without_noise_reads_an_aum_change_only_to_the_rounding_step(
        demo_portfolio_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "diff.rmdb"
    shutil.copy(demo_portfolio_file, copy)
    change = 37_123.0
    with open_portfolio(copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        before = build_summary(portfolio, k=10)
        facts, _ = customer_facts(portfolio, as_of=DEMO_AS_OF)
        one = facts.sort_values("aum").iloc[len(facts) // 2]
        with portfolio.transaction():
            portfolio.conn.execute("UPDATE customer_summary SET aum = aum + ? WHERE customer_id = ?",
                                   (change, one["customer_id"]))
        after = build_summary(portfolio, k=10)
    theirs = {("customers_by_tier_and_stage", one["tier"], one["stage"]),
              ("customers_by_segment", "ALL", one["rfm_segment"])}
    for old, new in zip(before.body()["tables"], after.body()["tables"]):
        assert [c["customers"] for c in old["cells"]] == [c["customers"] for c in new["cells"]]
        for a, b in zip(old["cells"], new["cells"]):
            if a.get("aum") is None or b.get("aum") is None:
                continue
            difference = b["aum"] - a["aum"]
            contains = any(old["table"] == name and a["row"] in (row, TOTAL) and a["column"] in (col, TOTAL)
                           for name, row, col in theirs)
            if not contains:
                assert difference == 0, (old["table"], a["row"], a["column"])
            else:
                assert difference % AUM_STEP == 0 and abs(difference - change) < AUM_STEP
