"""The demo generator: reproducible, valid personal data, realistic products and a churn story
that later analytics can find (with noise), and an all-or-nothing encrypted build."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from relmgr.domain.codes import ProductFamily, RiskLevel
from relmgr.domain.pii import id_number_problem, phone_problem
from relmgr.domain.progress import Cancelled
from relmgr.services.demo import build_demo_portfolio, generate_demo_frames
from relmgr.storage import open_portfolio

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return generate_demo_frames(customers=3000, seed=5, as_of=AS_OF)


def test_same_seed_same_portfolio_and_other_seed_differs() -> None:
    a = generate_demo_frames(customers=150, seed=3, as_of=AS_OF)
    b = generate_demo_frames(customers=150, seed=3, as_of=AS_OF)
    c = generate_demo_frames(customers=150, seed=4, as_of=AS_OF)
    for table in a:
        pd.testing.assert_frame_equal(a[table], b[table])
    assert not a["customers"]["name"].equals(c["customers"]["name"])
    assert len(a["transactions"]) != len(c["transactions"])


def test_personal_data_is_valid(frames: dict[str, pd.DataFrame]) -> None:
    customers = frames["customers"]
    assert customers["id_number"].is_unique
    for row in customers.itertuples():
        assert id_number_problem(row.id_number) is None, row.customer_id
        assert phone_problem(row.phone) is None, row.customer_id
        assert row.id_number[6:14] == row.birth_date.replace("-", "")
        assert (int(row.id_number[16]) % 2 == 1) == (row.gender == "M")
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,4}", row.name), row.customer_id
    # Common surnames dominate, as they do in China.
    assert customers["name"].str[0].isin(list("王李张刘陈")).mean() > 0.2
    assert customers["risk_rating"].nunique() == 5
    assessed = pd.to_datetime(customers["risk_assessed_on"])
    expired = assessed < pd.Timestamp(AS_OF - dt.timedelta(days=365))
    assert 0.1 < expired.mean() < 0.5


def test_products_and_holdings_follow_the_sales_rules(frames: dict[str, pd.DataFrame]) -> None:
    products, holdings, customers = frames["products"], frames["holdings"], frames["customers"]
    assert set(products["family"]) == {f.value for f in ProductFamily}
    assert set(products["risk_level"]) == {r.value for r in RiskLevel}
    joined = holdings.merge(products, on="product_id").merge(customers, on="customer_id")
    assert (joined["risk_level"].str[1].astype(int) <= joined["risk_rating"].str[1].astype(int)).all()
    # Every customer has a current account; open term deposits have not matured yet.
    assert holdings.loc[holdings["product_id"] == "CUR01", "customer_id"].nunique() == len(customers)
    open_terms = joined[(joined["status"] == "ACTIVE") & joined["term_days"].notna()
                        & joined["family"].isin(["TIME_DEPOSIT", "LARGE_CD"])]
    assert len(open_terms) > 100
    assert (open_terms["maturity_on"] > AS_OF.isoformat()).all()
    # Holdings co-occur by customer type: mortgage holders hold credit cards more than others.
    owns = holdings.pivot_table(index="customer_id", columns="product_id", values="balance",
                                aggfunc="size", fill_value=0) > 0
    cards = owns["CC-STD"] | owns["CC-PLT"]
    assert cards[owns["LN-MTG"]].mean() > cards[~owns["LN-MTG"]].mean()


def test_history_spans_two_to_three_years(frames: dict[str, pd.DataFrame]) -> None:
    txns = frames["transactions"]
    first, last = pd.to_datetime(txns["txn_date"]).agg(["min", "max"])
    assert 730 <= (last - first).days <= 3 * 365
    assert last.date() <= AS_OF
    assert txns["txn_id"].is_monotonic_increasing and txns["txn_id"].is_unique
    per_customer = len(txns) / len(frames["customers"])
    assert 70 <= per_customer <= 140          # ~5M transactions at 50,000 customers


def _monthly_aum(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return frames["monthly_balances"].pivot(index="customer_id", columns="month", values="aum_end")


def test_leavers_drift_first_but_not_all_of_them(frames: dict[str, pd.DataFrame]) -> None:
    customers = frames["customers"]
    aum = _monthly_aum(frames)
    months = list(aum.columns)
    closers = customers.dropna(subset=["closed_on"])
    ratios = []
    for row in closers.itertuples():
        month = row.closed_on[:7]
        i = months.index(month)
        if i >= 10 and aum.loc[row.customer_id, months[i - 10]] > 0:
            ratios.append(aum.loc[row.customer_id, months[i - 1]] / aum.loc[row.customer_id, months[i - 10]])
    ratios = np.array(ratios)
    stayers = customers[customers["closed_on"].isna()]["customer_id"]
    stay_ratio = (aum.loc[stayers, months[-2]] / aum.loc[stayers, months[-11]]).dropna()
    assert len(ratios) > 100
    assert np.median(ratios) < np.median(stay_ratio) - 0.15
    # Noise: some leave abruptly, and some who stay dip hard.
    assert (ratios > 0.9).mean() > 0.15
    assert (stay_ratio < 0.6).mean() > 0.02


def test_salary_credits_stop_before_many_salaried_leavers_go(frames: dict[str, pd.DataFrame]) -> None:
    txns, customers = frames["transactions"], frames["customers"]
    salary = txns[txns["kind"] == "SALARY"].groupby("customer_id")["txn_date"].max()
    closers = customers.dropna(subset=["closed_on"]).set_index("customer_id")["closed_on"]
    both = pd.concat([salary.rename("last_salary"), closers], axis=1, join="inner")
    gap = (pd.to_datetime(both["closed_on"]) - pd.to_datetime(both["last_salary"])).dt.days
    assert len(gap) > 50
    assert 0.3 < (gap > 45).mean() < 0.9      # stopped early for many, not for all


def test_build_writes_everything_encrypted_in_one_go(tmp_path) -> None:
    path = tmp_path / "demo.rmdb"
    seen: list[float] = []
    summary = build_demo_portfolio(path, "pw-1", customers=120, seed=9, as_of=AS_OF,
                                   progress=lambda f, step="": seen.append(f))
    frames = generate_demo_frames(customers=120, seed=9, as_of=AS_OF)
    with open_portfolio(path, "pw-1") as portfolio:
        counts = portfolio.table_counts(frames)
        assert counts == {t: len(f) for t, f in frames.items()}
        assert portfolio.get_meta("as_of") == AS_OF.isoformat()
        assert portfolio.table_counts(["customer_summary"])["customer_summary"] == 120
        aum = portfolio.query("SELECT SUM(aum) FROM customer_summary")[0][0]
    assert summary.transactions == len(frames["transactions"])
    assert seen == sorted(seen) and seen[-1] == 1.0
    active = frames["customers"]["closed_on"].isna()
    last_month = frames["monthly_balances"][frames["monthly_balances"]["month"] == AS_OF.isoformat()[:7]]
    assert aum == pytest.approx(last_month["aum_end"].sum(), rel=1e-6)
    assert active.any()


def test_cancelled_build_leaves_no_file(tmp_path) -> None:
    path = tmp_path / "demo.rmdb"
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        build_demo_portfolio(path, "pw-1", customers=120, seed=9, as_of=AS_OF,
                             cancel=lambda: next(calls) >= 3)
    assert not path.exists()
