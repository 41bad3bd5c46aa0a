"""The recommender (relmgr/analytics/recommend.py): suitability never breached, reasons that
match the data, and the offline evaluation against popularity."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from relmgr.analytics import recommend as R
from relmgr.domain.codes import ProductFamily
from relmgr.domain.suitability import CustomerFacts, ProductFacts, RecoOutcome, age_on, exclusion_rules
from relmgr.services.demo import generate_demo_frames

AS_OF = dt.date(2026, 6, 30)
TODAY = dt.date(2026, 7, 15)


@pytest.fixture(scope="module")
def demo() -> dict[str, pd.DataFrame]:
    frames = generate_demo_frames(customers=2000, seed=31, as_of=AS_OF)
    frames["signals"] = R.transaction_signals(frames["transactions"], as_of=AS_OF)
    return frames


@pytest.fixture(scope="module")
def reco(demo) -> R.Recommender:
    return R.build_recommender(customers=demo["customers"], products=demo["products"],
                               holdings=demo["holdings"], signals=demo["signals"], as_of=AS_OF)


# -- suitability as a property -------------------------------------------------------------------
def _random_world(rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    p = int(rng.integers(3, 15))
    families = list(ProductFamily)
    products = pd.DataFrame({
        "product_id": [f"P{i:02d}" for i in range(p)],
        "family": [families[int(k)].value for k in rng.integers(0, len(families), p)],
        "risk_level": [f"R{int(k)}" for k in rng.integers(1, 6, p)],
        "term_days": pd.array(np.where(rng.random(p) < 0.5, rng.integers(30, 1200, p), -1), dtype="Int64"),
        "min_amount": np.where(rng.random(p) < 0.5, 0.0, rng.choice([1e3, 5e4, 2e5, 1e6], p)),
        "min_age": rng.integers(0, 30, p),
        "max_age": pd.array(np.where(rng.random(p) < 0.6, rng.integers(40, 80, p), -1), dtype="Int64"),
        "repeatable": rng.integers(0, 2, p),
    })
    products.loc[products["term_days"] < 0, "term_days"] = pd.NA
    products.loc[products["max_age"] < 0, "max_age"] = pd.NA
    n = int(rng.integers(5, 50))
    birth = [(AS_OF - dt.timedelta(days=int(d))).isoformat() for d in rng.integers(15 * 365, 90 * 365, n)]
    assessed = [None if rng.random() < 0.1 else (AS_OF - dt.timedelta(days=int(d))).isoformat()
                for d in rng.integers(0, 800, n)]
    customers = pd.DataFrame({
        "customer_id": [f"C{i:04d}" for i in range(n)], "birth_date": birth,
        "risk_rating": [f"C{int(k)}" for k in rng.integers(1, 6, n)], "risk_assessed_on": assessed,
        "closed_on": [AS_OF.isoformat() if rng.random() < 0.05 else None for _ in range(n)],
    })
    h = int(rng.integers(0, n * 4))
    holdings = pd.DataFrame({
        "holding_id": [f"H{i}" for i in range(h)],
        "customer_id": customers["customer_id"].to_numpy()[rng.integers(0, n, h)],
        "product_id": products["product_id"].to_numpy()[rng.integers(0, p, h)],
        "opened_on": [(AS_OF - dt.timedelta(days=int(d))).isoformat() for d in rng.integers(1, 2000, h)],
        "maturity_on": [(AS_OF + dt.timedelta(days=int(d))).isoformat() if rng.random() < 0.3 else None
                        for d in rng.integers(0, 60, h)],
        "balance": rng.lognormal(10, 2, h).round(2),
        "status": rng.choice(["ACTIVE", "DORMANT", "CLOSED"], h, p=[0.7, 0.15, 0.15]),
    })
    o = int(rng.integers(0, 30))
    outcomes = pd.DataFrame({
        "customer_id": customers["customer_id"].to_numpy()[rng.integers(0, n, o)],
        "product_id": products["product_id"].to_numpy()[rng.integers(0, p, o)],
        "outcome": rng.choice([c.value for c in RecoOutcome], o),
        "at": [(TODAY - dt.timedelta(days=int(d))).isoformat() + "T10:00:00" for d in rng.integers(0, 200, o)],
    })
    signals = pd.DataFrame({"customer_id": customers["customer_id"], "salary_months": rng.integers(0, 4, n),
                            "avg_salary": rng.uniform(0, 3e4, n), "inflow": rng.choice([0.0, 8e4], n)})
    return {"products": products, "customers": customers, "holdings": holdings, "outcomes": outcomes,
            "signals": signals}


def _facts(world: dict[str, pd.DataFrame]) -> tuple[dict[str, CustomerFacts], dict[str, ProductFacts]]:
    products = {r.product_id: ProductFacts(r.product_id, int(r.risk_level[1]), float(r.min_amount),
                                           int(r.min_age), None if pd.isna(r.max_age) else int(r.max_age),
                                           bool(r.repeatable))
                for r in world["products"].itertuples()}
    holdings = world["holdings"]
    live = holdings[holdings["status"] != "CLOSED"]
    liability = {pid for pid, fam in zip(world["products"]["product_id"], world["products"]["family"], strict=True)
                 if ProductFamily(fam).is_liability}
    latest = world["outcomes"].sort_values("at", kind="stable").drop_duplicates(["customer_id", "product_id"], keep="last")
    customers = {}
    for r in world["customers"].itertuples():
        mine = live[live["customer_id"] == r.customer_id]
        aum = float(mine.loc[~mine["product_id"].isin(liability), "balance"].sum())
        outs = {o.product_id: (RecoOutcome(o.outcome), dt.date.fromisoformat(o.at[:10]))
                for o in latest[latest["customer_id"] == r.customer_id].itertuples()}
        customers[r.customer_id] = CustomerFacts(
            r.customer_id, int(r.risk_rating[1]),
            None if pd.isna(r.risk_assessed_on) else dt.date.fromisoformat(r.risk_assessed_on),
            age_on(dt.date.fromisoformat(r.birth_date), AS_OF), aum, bool(pd.notna(r.closed_on)),
            frozenset(mine["product_id"]), outs)
    return customers, products


def test_no_unsuitable_product_is_ever_recommended_over_random_worlds() -> None:
    checked = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        world = _random_world(rng)
        reco = R.build_recommender(customers=world["customers"], products=world["products"],
                                   holdings=world["holdings"], signals=world["signals"], as_of=AS_OF,
                                   outcomes=world["outcomes"], today=TODAY)
        customers, products = _facts(world)
        # The vectorised mask is the domain rules, pair by pair.
        for i, cid in enumerate(reco.base.ids):
            for j, pid in enumerate(reco.catalogue.ids):
                expected = exclusion_rules(customers[cid], products[pid], as_of=AS_OF, today=TODAY)
                assert R.RuleCode.from_mask(int(reco.mask[i, j])) == expected, (seed, cid, pid)
        table = reco.table(top=int(rng.integers(1, 6)))
        for row in table[table["kind"] == "PRODUCT"].itertuples():
            assert exclusion_rules(customers[row.customer_id], products[row.product_id], as_of=AS_OF,
                                   today=TODAY) == (), (seed, row.customer_id, row.product_id)
            checked += 1
        for i in range(min(len(reco.base), 5)):
            panel = reco.for_row(i, top=5, explain=True)
            cid = panel.customer_id
            for rec in panel.recommendations:
                assert not exclusion_rules(customers[cid], products[rec.product_id], as_of=AS_OF, today=TODAY)
            for removed in panel.excluded:
                assert removed.rules == exclusion_rules(customers[cid], products[removed.product_id],
                                                        as_of=AS_OF, today=TODAY)
            # Recommended and removed products together are the whole catalogue, unless the top
            # cut left some allowed products out.
            shown = {r.product_id for r in panel.recommendations} | {e.product_id for e in panel.excluded}
            assert shown <= set(products)
    assert checked > 200


def test_expired_assessment_gets_renewal_action_and_r1_products_only(reco) -> None:
    table = reco.table(top=3)
    actions = table[table["kind"] == "ACTION"]
    assert len(actions) > 100
    expired = set(actions["customer_id"])
    risky = table[(table["kind"] == "PRODUCT") & table["customer_id"].isin(expired)]["product_id"]
    risk = dict(zip(reco.catalogue.ids, reco.catalogue.risk, strict=True))
    assert len(risky) and all(risk[p] == 1 for p in risky)
    assert set(actions["reason_code"]) == {"RENEW_RISK_ASSESSMENT"}
    assert (actions["rank"] == 0).all()


def test_seniors_see_products_above_r2_with_a_warning(reco) -> None:
    table = reco.table(top=5)
    rows = table[table["kind"] == "PRODUCT"]
    risk = dict(zip(reco.catalogue.ids, reco.catalogue.risk, strict=True))
    age = dict(zip(reco.base.ids, reco.base.age, strict=True))
    flagged = rows.apply(lambda r: age[r.customer_id] >= 65 and risk[r.product_id] > 2, axis=1)
    assert flagged.any(), "the demo should offer a senior something above R2"
    assert (rows.loc[flagged, "warning"] == "SENIOR_ABOVE_R2").all() and rows.loc[flagged, "needs_note"].all()
    assert rows.loc[~flagged, "warning"].isna().all() and not rows.loc[~flagged, "needs_note"].any()


# -- reasons are true -------------------------------------------------------------------------------
def test_quoted_numbers_match_the_data(demo, reco) -> None:
    holdings, customers = demo["holdings"], demo["customers"]
    live = holdings[holdings["status"].isin(["ACTIVE", "DORMANT"])]
    held = live.groupby("customer_id")["product_id"].agg(set)           # customers with a holding
    n = len(held)

    def holders(*products: str) -> int:
        return int(held.map(lambda s: set(products) <= s).sum())

    table = reco.table(top=3)
    rows = table[table["kind"] == "PRODUCT"]
    seen = set()
    signals = demo["signals"].set_index("customer_id")
    txns = demo["transactions"]
    for row in rows.itertuples():
        reason, code = row.reason, row.reason_code
        assert reason["code"] == code and reason["product"] == row.product_id
        json.dumps(reason)                                               # plain JSON values only
        if code in seen and code not in ("MATURING", "SALARY_NO_CARD"):
            continue                                                     # one check per kind is plenty
        seen.add(code)
        product = row.product_id
        if code == "SIMILAR_HOLDERS":
            group = holders(*reason["anchors"])
            assert reason["similar_customers"] == group
            assert set(reason["anchors"]) <= held[row.customer_id]
            assert reason["share_similar"] == pytest.approx(holders(*reason["anchors"], product) / group, abs=1e-4)
            assert reason["share_all"] == pytest.approx(holders(product) / n, abs=1e-4)
        elif code == "BOUGHT_TOGETHER":
            a = reason["antecedent"]
            assert a in held[row.customer_id]
            assert reason["support"] == pytest.approx(holders(a, product) / n, abs=1e-4)
            assert reason["confidence"] == pytest.approx(holders(a, product) / holders(a), abs=1e-4)
            assert reason["lift"] == pytest.approx(holders(a, product) / holders(a) / (holders(product) / n), abs=1e-3)
            assert reason["lift"] > 1 and reason["support"] >= R.MiningRules().min_support
        elif code == "PEERS":
            ages = R.ages(customers["birth_date"], as_of=AS_OF)
            aum = R.customer_aum(holdings, customers["customer_id"].to_numpy(dtype=object), reco.catalogue)
            me = int(np.flatnonzero(customers["customer_id"] == row.customer_id)[0])
            cells = R.peer_cells(ages, aum)
            peers = customers["customer_id"][(cells == cells[me])]
            peers = [c for c in peers if c in held.index]
            assert reason["peers"] == len(peers)
            share = sum(product in held[c] for c in peers) / len(peers)
            assert reason["share_peers"] == pytest.approx(share, abs=1e-4)
        elif code == "RECENT_OPENINGS":
            # Each customer's latest opening among their open products (two or more distinct
            # ones; same day: the larger holding_id), recomputed here with pandas.
            ages = R.ages(customers["birth_date"], as_of=AS_OF)
            aum = R.customer_aum(holdings, customers["customer_id"].to_numpy(dtype=object), reco.catalogue)
            cell_of = pd.Series(R.peer_cells(ages, aum), index=customers["customer_id"].to_numpy())
            several = live.groupby("customer_id")["product_id"].nunique() >= 2
            latest = (live[live["customer_id"].isin(several[several].index)]
                      .assign(holding_id=lambda f: f["holding_id"].astype(str))
                      .sort_values(["customer_id", "opened_on", "holding_id"])
                      .groupby("customer_id").tail(1).set_index("customer_id")["product_id"])
            group = latest[cell_of.reindex(latest.index).to_numpy() == cell_of[row.customer_id]]
            assert reason["customers"] == len(group) >= R.MIN_RECENT_GROUP
            assert reason["share_recent"] == pytest.approx((group == product).mean(), abs=1e-4)
            assert reason["share_all"] == pytest.approx((latest == product).mean(), abs=1e-4)
        elif code == "MATURING":
            mine = live[(live["customer_id"] == row.customer_id) & (live["product_id"] == reason["maturing_product"])]
            match = mine[mine["maturity_on"] == reason["maturity_on"]]
            assert len(match) and float(match["balance"].max()) == pytest.approx(reason["amount"])
            assert 0 <= reason["days"] <= 30
            assert (dt.date.fromisoformat(reason["maturity_on"]) - AS_OF).days == reason["days"]
        elif code == "SALARY_NO_CARD":
            mine = txns[(txns["customer_id"] == row.customer_id) & (txns["kind"] == "SALARY")
                        & (txns["txn_date"] > "2026-03-31") & (txns["txn_date"] <= "2026-06-30")]
            assert mine["txn_date"].str.slice(0, 7).nunique() == reason["months"] == 3
            assert reason["avg_salary"] == pytest.approx(mine["amount"].sum() / 3, abs=0.01)
            assert not (held[row.customer_id] & {"CC-STD", "CC-PLT"})
            assert signals.loc[row.customer_id, "salary_months"] == 3
    assert {"SIMILAR_HOLDERS", "BOUGHT_TOGETHER", "PEERS", "RECENT_OPENINGS", "MATURING",
            "SALARY_NO_CARD"} <= seen


def test_association_rules_respect_the_documented_thresholds(reco) -> None:
    rules = R.association_rules(reco.model, reco.catalogue)
    mining = R.MiningRules()
    assert len(rules) > 10
    assert (rules["support"] >= mining.min_support).all()
    assert (rules["confidence"] >= mining.min_confidence).all()
    assert (rules["lift"] >= mining.min_lift).all() and (rules["lift"] > 1).all()


# -- offline evaluation ---------------------------------------------------------------------------
def test_blended_beats_popularity_on_a_held_out_product(demo) -> None:
    result = R.evaluate_holdout(customers=demo["customers"], products=demo["products"],
                                holdings=demo["holdings"], signals=demo["signals"], as_of=AS_OF)
    print("\nrecommend eval (2000 demo customers, seed 31):",
          json.dumps({k: v for k, v in result.items() if k != "hidden_products"}))
    assert result["evaluated"] > 1000
    assert result["blended"]["hit_rate"] > result["popularity"]["hit_rate"]
    assert result["blended"]["map"] > result["popularity"]["map"]
    assert 0 < result["popularity"]["hit_rate"] < 1
    for name in ("blended", "peers_only", "popularity"):
        lo, hi = result[name]["hit_rate_ci95"]
        assert lo <= result[name]["hit_rate"] <= hi and lo < hi
        lo, hi = result[name]["map_ci95"]
        assert lo <= result[name]["map"] <= hi and lo < hi
    lo, hi = result["hit_rate_ratio_ci95"]
    assert 1.0 < lo <= result["hit_rate_ratio"] <= hi
    lo, hi = result["vs_peers_ratio_ci95"]
    assert lo <= result["vs_peers_ratio"] <= hi
    assert result["next_model"]["fit_seconds"] > 0 and result["next_model"]["examples"] > 100


def test_bootstrap_interval_covers_the_mean_and_narrows_with_more_customers() -> None:
    rng = np.random.default_rng(5)
    small = (rng.random(200) < 0.4).astype(float)
    large = (rng.random(20_000) < 0.4).astype(float)
    lo_s, hi_s = R._interval(small, R.bootstrap_draws(len(small), replicates=500, seed=1))
    lo_l, hi_l = R._interval(large, R.bootstrap_draws(len(large), replicates=500, seed=1))
    assert lo_s < small.mean() < hi_s and lo_l < large.mean() < hi_l
    assert (hi_l - lo_l) < (hi_s - lo_s) / 5              # ~1/sqrt(100) as wide
    # Paired ratio: a method that is the baseline itself has a ratio of exactly 1.
    draws = R.bootstrap_draws(len(small), replicates=200, seed=2)
    assert R._ratio_interval(small, small, draws) == [1.0, 1.0]
    assert R._interval(small, R.bootstrap_draws(0, replicates=10, seed=0)) is None


def test_hide_latest_hides_the_most_recently_opened_product() -> None:
    holdings = pd.DataFrame({
        "holding_id": ["H1", "H2", "H3", "H4", "H5"],
        "customer_id": ["A", "A", "A", "B", "C"],
        "product_id": ["CUR01", "TD1Y", "FD-MMF", "CUR01", "CUR01"],
        "opened_on": ["2020-01-01", "2026-05-01", "2026-01-01", "2021-01-01", "2021-01-01"],
        "status": ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE"],
    })
    rest, hidden = R.hide_latest(holdings)
    assert hidden.to_dict() == {"A": "TD1Y"}
    assert "H2" not in set(rest["holding_id"]) and len(rest) == 4


# -- next-opening model ----------------------------------------------------------------------------
def _flow_world() -> dict[str, pd.DataFrame]:
    """A world where what is held and what is opened next differ. Everyone holds a current
    account (2010). Group A (150): a mortgage (2016) and then a 1-year deposit (last month).
    Group B (300): whole-life insurance (2012) and then a mortgage (2016). Group C (50): a
    mortgage only. All are 40, rated C3 and hold 100,000 in the current account, so they are
    one peer group, where insurance (300 of 500) is held twice as often as the deposit (150)."""
    products = pd.DataFrame({
        "product_id": ["CUR01", "INS-WL", "LN-MTG", "TD1Y"],
        "family": [ProductFamily.CURRENT.value, ProductFamily.INSURANCE.value,
                   ProductFamily.MORTGAGE.value, ProductFamily.TIME_DEPOSIT.value],
        "risk_level": ["R1", "R2", "R1", "R1"],
        "term_days": pd.array([None, None, None, 365], dtype="Int64"),
        "min_amount": [0.0, 0.0, 0.0, 50.0], "min_age": [16, 18, 18, 16],
        "max_age": pd.array([None, 70, 60, None], dtype="Int64"), "repeatable": [0, 0, 0, 1],
    })
    groups = {"A": (150, [("LN-MTG", "2016-03-01"), ("TD1Y", "2026-05-20")]),
              "B": (300, [("INS-WL", "2012-03-01"), ("LN-MTG", "2016-03-01")]),
              "C": (50, [("LN-MTG", "2016-03-01")])}
    customers, holdings = [], []
    for group, (count, extra) in groups.items():
        for i in range(count):
            cid = f"{group}{i:03d}"
            customers.append({"customer_id": cid, "birth_date": "1986-01-15", "risk_rating": "C3",
                              "risk_assessed_on": "2026-03-01", "closed_on": None})
            for pid, opened in [("CUR01", "2010-01-01"), *extra]:
                holdings.append({"holding_id": f"H{len(holdings):05d}", "customer_id": cid,
                                 "product_id": pid, "opened_on": opened, "maturity_on": None,
                                 "balance": 100_000.0 if pid == "CUR01" else 1_000.0, "status": "ACTIVE"})
    return {"products": products, "customers": pd.DataFrame(customers), "holdings": pd.DataFrame(holdings)}


def test_latest_products_is_the_most_recent_opening_of_multi_product_customers() -> None:
    world = _flow_world()
    catalogue = R.Catalogue.from_frame(world["products"])
    ids = world["customers"]["customer_id"].to_numpy(dtype=object)
    latest = R.latest_products(world["holdings"], ids, catalogue)
    expected = {"A": "TD1Y", "B": "LN-MTG", "C": "LN-MTG"}
    assert [catalogue.ids[j] for j in latest] == [expected[c[0]] for c in ids]
    lonely = world["holdings"][world["holdings"]["product_id"] == "CUR01"]
    assert (R.latest_products(lonely, ids, catalogue) == -1).all()


def test_next_model_recommends_what_similar_customers_opened_last_not_what_they_hold() -> None:
    world = _flow_world()
    reco = R.build_recommender(customers=world["customers"], products=world["products"],
                               holdings=world["holdings"], signals=None, as_of=AS_OF)
    assert reco.model.next is not None and reco.model.next.n_examples == 500
    cat = reco.catalogue
    ins, td = cat.index("INS-WL"), cat.index("TD1Y")
    row = reco.base.row("C000")                    # holds a mortgage, like group A did before the deposit
    # The peer share says insurance (held by 300 of 500), the next-opening model says the deposit:
    # every customer with a mortgage and nothing newer opened a deposit next.
    assert reco.scores.peers[row, ins] > reco.scores.peers[row, td]
    assert reco.scores.next[row, td] > 0.8 > reco.scores.next[row, ins]
    panel = reco.for_row(row, top=1)
    assert [r.product_id for r in panel.recommendations] == ["TD1Y"]
    assert panel.recommendations[0].reason["code"] in {c.value for c in R.RecoReason}
    assert panel.recommendations[0].sources["next"] == pytest.approx(reco.scores.next[row, td], abs=1e-4)


def test_next_model_is_skipped_when_too_few_customers_have_two_products() -> None:
    world = _flow_world()
    few = world["customers"]["customer_id"].isin([f"A{i:03d}" for i in range(10)])
    held = world["holdings"]["customer_id"].isin(world["customers"]["customer_id"][few])
    reco = R.build_recommender(customers=world["customers"][few], products=world["products"],
                               holdings=world["holdings"][held], signals=None, as_of=AS_OF)
    assert reco.model.next is None
    np.testing.assert_allclose(reco.scores.next, reco.scores.peers * np.exp(0.5 * reco.scores.rules))


def test_holdout_fits_without_the_hidden_products(demo, monkeypatch) -> None:
    fitted = []
    real_fit = R.fit_model

    def spy(held, **kwargs):
        fitted.append((held.copy(), kwargs["latest"].copy()))
        return real_fit(held, **kwargs)

    monkeypatch.setattr(R, "fit_model", spy)
    customers = demo["customers"].head(600)
    holdings = demo["holdings"][demo["holdings"]["customer_id"].isin(customers["customer_id"])]
    result = R.evaluate_holdout(customers=customers, products=demo["products"], holdings=holdings,
                                signals=demo["signals"], as_of=AS_OF)
    assert len(fitted) == 1 and result["evaluated"] > 100
    held, latest = fitted[0]
    _, hidden = R.hide_latest(holdings)
    catalogue = R.Catalogue.from_frame(demo["products"])
    rows = pd.Index(customers["customer_id"]).get_indexer(hidden.index)
    cols = pd.Index(catalogue.ids).get_indexer(hidden.to_numpy())
    assert not held[rows, cols].any()              # the hidden product is not held in the fit
    assert not (latest[rows] == cols).any()        # nor is it anyone's training label
    assert "next_only" in result


def test_latest_products_agrees_with_hide_latest(demo) -> None:
    catalogue = R.Catalogue.from_frame(demo["products"])
    ids = demo["customers"]["customer_id"].to_numpy(dtype=object)
    holdings = demo["holdings"].copy()
    # Same-day openings: the larger holding_id is the latest, as in hide_latest.
    first = holdings[holdings["customer_id"] == holdings["customer_id"].iloc[0]]
    holdings.loc[first.index, "opened_on"] = "2026-06-01"
    _, hidden = R.hide_latest(holdings)
    latest = R.latest_products(holdings, ids, catalogue)
    got = {ids[i]: catalogue.ids[j] for i, j in enumerate(latest) if j >= 0}
    assert got == hidden.to_dict() and len(got) > 1000


def test_next_model_is_scikit_learns_logistic_regression_with_unseen_products_last() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(8)
    x = rng.random((400, 6))
    labels = np.where(x[:, 0] > 0.5, 0, np.where(x[:, 1] > 0.5, 2, 3))     # product 1 never opened
    model = R.fit_next_model(x, labels, 4, l2=1e-3)
    reference = LogisticRegression(C=1.0 / (1e-3 * 400), max_iter=1000).fit(x, labels)
    p = model.predict(x)
    np.testing.assert_allclose(p[:, [0, 2, 3]], reference.predict_proba(x), atol=1e-4)
    assert p[:, 1].max() < 1e-9 and model.solver == "sklearn-lbfgs"
    assert R.fit_next_model(x[:10], labels[:10], 4) is None                 # too few to learn from
    one = R.fit_next_model(x, np.full(400, 2), 4)
    np.testing.assert_allclose(one.predict(x)[:, 2], 1.0)


def test_reco_reason_values_are_the_stored_codes() -> None:
    # Stored in recommendation outcomes' reason_code: renaming the enum must not change them.
    assert {c.value for c in R.RecoReason} == {
        "SIMILAR_HOLDERS", "BOUGHT_TOGETHER", "MATURING", "LARGE_INFLOW", "SALARY_NO_CARD",
        "LIFE_STAGE", "PEERS", "RECENT_OPENINGS"}
    assert not hasattr(R, "ReasonCode")               # one ReasonCode only: the churn model's
