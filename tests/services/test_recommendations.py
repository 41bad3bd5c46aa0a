"""Recommendations as the GUI and the CLI use them (relmgr/services/recommendations.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from relmgr.services import recommendations as S
from relmgr.storage import open_portfolio
from relmgr.storage.rules import set_rule
from tests.conftest import DEMO_PASSWORD_FOR_TESTS

TODAY = dt.date(2026, 7, 10)


@pytest.fixture
def portfolio(writable_demo_portfolio):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def test_one_customer_panel_agrees_with_the_portfolio_run(portfolio) -> None:
    table = S.recommend_all(portfolio, today=TODAY)
    assert set(table.columns) >= {"customer_id", "rank", "product_id", "score", "reason_code", "reason"}
    products = table[table["kind"] == "PRODUCT"]
    for customer_id in products["customer_id"].drop_duplicates().head(15):
        panel = S.recommend_for_customer(portfolio, customer_id, today=TODAY)
        mine = products[products["customer_id"] == customer_id]
        assert [r.product_id for r in panel.recommendations] == list(mine["product_id"])
        assert [r.reason for r in panel.recommendations] == list(mine["reason"])
        json.dumps(panel.to_json())
    with pytest.raises(KeyError):
        S.recommend_for_customer(portfolio, "NO-SUCH-ID")


def test_expired_assessment_gives_renewal_and_r1_only(portfolio) -> None:
    table = S.recommend_all(portfolio, today=TODAY)
    expired = table[table["kind"] == "ACTION"]["customer_id"]
    assert len(expired)
    risk = dict(portfolio.query("SELECT product_id, CAST(substr(risk_level, 2) AS INTEGER) FROM products"))
    panel = S.recommend_for_customer(portfolio, expired.iloc[0], explain=True, today=TODAY)
    assert panel.actions[0]["code"] == "RENEW_RISK_ASSESSMENT"
    assert all(risk[r.product_id] == 1 for r in panel.recommendations)
    assert any(e.rules[0].value in ("ASSESSMENT_EXPIRED", "RISK_ABOVE_RATING") for e in panel.excluded)
    # The validity period is a team rule: a long one makes the same customer current again.
    with portfolio.transaction():
        set_rule(portfolio, "recommend.suitability", {"assessment_valid_days": 5000})
    assert S.recommend_for_customer(portfolio, expired.iloc[0], today=TODAY).actions == ()


def test_declined_product_cools_down_and_comes_back(portfolio) -> None:
    table = S.recommend_all(portfolio, today=TODAY)
    first = table[table["rank"] == 1].iloc[0]
    customer_id, product_id = first["customer_id"], first["product_id"]
    S.record_outcome(portfolio, customer_id, product_id, "DECLINED", reason_code=first["reason_code"],
                     at=dt.datetime(2026, 7, 10, 9, 30))
    hidden = S.recommend_for_customer(portfolio, customer_id, explain=True, today=TODAY + dt.timedelta(days=89))
    assert product_id not in [r.product_id for r in hidden.recommendations]
    assert [e.rules for e in hidden.excluded if e.product_id == product_id][0][-1].value == "DECLINED_RECENTLY"
    back = S.recommend_for_customer(portfolio, customer_id, today=TODAY + dt.timedelta(days=90))
    assert product_id in [r.product_id for r in back.recommendations]
    stats = S.outcome_stats(portfolio)
    row = stats["by_product"].set_index("key").loc[product_id]
    assert (row["answered"], row["declined"], row["acceptance_rate"]) == (1, 1, 0.0)
    assert first["reason_code"] in set(stats["by_reason"]["key"])


def test_senior_above_r2_needs_a_note_to_accept(portfolio) -> None:
    rows = portfolio.query(
        "SELECT customer_id FROM customers WHERE birth_date <= '1961-06-30' ORDER BY customer_id LIMIT 1")
    customer_id = rows[0][0]
    with pytest.raises(S.NoteRequired):
        S.record_outcome(portfolio, customer_id, "FD-MIX", "ACCEPTED")
    with pytest.raises(S.NoteRequired):
        S.record_outcome(portfolio, customer_id, "FD-MIX", "ACCEPTED", note="   ")
    S.record_outcome(portfolio, customer_id, "FD-MIX", "ACCEPTED", note="customer understands the risk")
    S.record_outcome(portfolio, customer_id, "FD-BOND", "ACCEPTED")       # R2: no note needed
    S.record_outcome(portfolio, customer_id, "FD-EQ", "DECLINED")         # declining needs none
    saved = portfolio.read_frame("SELECT product_id, outcome, note, warning FROM recommendation_outcomes "
                                 "ORDER BY outcome_id")
    assert list(saved["warning"].fillna("-")) == ["SENIOR_ABOVE_R2", "-", "SENIOR_ABOVE_R2"]
    assert saved["note"].iloc[0] == "customer understands the risk"
    stats = S.outcome_stats(portfolio)["by_product"].set_index("key")
    assert stats.loc["FD-MIX", "acceptance_rate"] == 1.0 and stats.loc["FD-EQ", "acceptance_rate"] == 0.0
    with pytest.raises(ValueError, match="unknown outcome"):
        S.record_outcome(portfolio, customer_id, "FD-MIX", "MAYBE")


def test_push_list_is_per_product_best_first(portfolio) -> None:
    push = S.push_list(portfolio, today=TODAY, per_product=5)
    assert list(push.columns) == S.PUSH_COLUMNS and len(push)
    for _, group in push.groupby("product_id"):
        assert len(group) <= 5 and group["score"].is_monotonic_decreasing
    one = S.push_list(portfolio, product_id=push["product_id"].iloc[0], today=TODAY)
    assert set(one["product_id"]) == {push["product_id"].iloc[0]}
    with pytest.raises(ValueError):
        S.push_list(portfolio, product_id="NOPE")


def test_cli_recommend_and_eval(writable_demo_portfolio, monkeypatch, capsys) -> None:
    from relmgr.cli import main

    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    assert main(["recommend", str(writable_demo_portfolio), "--customer", "C0100002", "--explain",
                 "--json"]) == 0
    panel = json.loads(capsys.readouterr().out)
    assert panel["customer_id"] == "C0100002" and "excluded" in panel
    assert all("rule" in e for e in panel["excluded"])
    assert main(["eval", "recommend", str(writable_demo_portfolio), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    for figure in ("point_in_time", "leave_last_out"):
        for method in ("blended", "popularity"):
            numbers = result[figure][method]
            for metric in ("hit_rate", "map"):
                lo, hi = numbers[f"{metric}_ci95"]
                assert lo <= numbers[metric] <= hi
        assert "hit_rate_ratio" in result[figure] and "warning" in result[figure]
    assert main(["eval", "recommend", str(writable_demo_portfolio)]) == 0
    text = capsys.readouterr().out
    assert "point in time" in text and "leave last out" in text and "95%" in text
    assert main(["recommend", str(writable_demo_portfolio), "--customer", "NOPE"]) == 2


@pytest.mark.parametrize("change", [
    "UPDATE holdings SET status = 'CLOSED' WHERE rowid = (SELECT MIN(rowid) FROM holdings "
    "WHERE status = 'ACTIVE')",
    "UPDATE holdings SET balance = balance + 1000000 WHERE rowid = (SELECT MIN(rowid) FROM holdings)",
    "UPDATE customers SET risk_rating = 'C1' WHERE risk_rating != 'C1' AND rowid = "
    "(SELECT MIN(rowid) FROM customers WHERE risk_rating != 'C1')",
    "UPDATE products SET min_amount = min_amount WHERE rowid = 1",
])
def test_the_cached_model_is_refitted_after_any_change_it_reads(portfolio, change: str) -> None:
    S.clear_model_cache()
    first = S.fitted_model(portfolio)
    assert S.fitted_model(portfolio) is first                   # cached while nothing changes
    with portfolio.transaction():
        portfolio.conn.execute("UPDATE customers SET name = name WHERE rowid = 1")  # not an input
    assert S.fitted_model(portfolio) is first
    with portfolio.transaction():
        portfolio.conn.execute(change)
    assert S.fitted_model(portfolio) is not first
