"""Target lists on the demo portfolio: the frame matches the portfolio, lists are saved by name,
`relmgr lists --json` shows them masked, and bad criteria change nothing."""

from __future__ import annotations

import json

import pytest

from relmgr.cli import main
from relmgr.services.consent import declined_customers, record_consent
from relmgr.services.segments import refresh_segments
from relmgr.services.target_lists import build_target_frame, members, save_list, saved_lists
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

NOT_HOLDING_WEALTH = {"combine": "AND", "criteria": [
    {"field": "tier", "op": "in", "value": ["VIP", "WEALTH"]},
    {"field": "products", "op": "not_holds", "value": ["WM-FI"]},
    {"field": "age", "op": "between", "value": [30, None]},
]}


def test_members_follow_the_portfolio(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        chosen = members(build_target_frame(portfolio), NOT_HOLDING_WEALTH)
        holders = {r[0] for r in portfolio.query(
            "SELECT customer_id FROM holdings WHERE product_id = 'WM-FI' AND status != 'CLOSED'")}
        tiers = dict(portfolio.query("SELECT customer_id, tier FROM customer_segments"))
        declined = declined_customers(portfolio)
    assert len(chosen) > 10
    assert not set(chosen["customer_id"]) & holders
    assert not set(chosen["customer_id"]) & declined
    assert {tiers[c] for c in chosen["customer_id"]} <= {"VIP", "WEALTH"}
    assert chosen["aum"].is_monotonic_decreasing


def test_lists_are_saved_and_shown_masked(writable_demo_portfolio, monkeypatch, capsys) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        save_list(portfolio, name="贵宾未持有固收", criteria=NOT_HOLDING_WEALTH)
        assert saved_lists(portfolio)["贵宾未持有固收"]["criteria"] == NOT_HOLDING_WEALTH["criteria"]
        with pytest.raises(ValueError, match="unknown field"):
            save_list(portfolio, name="坏", criteria={"criteria": [{"field": "x", "op": "in", "value": []}]})
        assert set(saved_lists(portfolio)) == {"贵宾未持有固收"}
        (name,) = portfolio.query("SELECT name FROM customers LIMIT 1")[0]
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    assert main(["lists", str(writable_demo_portfolio), "--name", "贵宾未持有固收", "--json"]) == 0
    out = capsys.readouterr().out
    payload = json.loads(out)
    (item,) = payload["lists"]
    assert item["count"] == len(item["members"]) > 10
    assert all("*" in m["name"] and "****" in m["phone"] for m in item["members"])
    assert name not in out
    assert main(["lists", str(writable_demo_portfolio), "--name", "nope", "--json"]) == 2
    assert "no saved target list" in capsys.readouterr().err


def test_a_target_list_exports_masked_and_audited(writable_demo_portfolio, tmp_path) -> None:
    from relmgr.services.export import ListUnavailable, export_named_list

    out = tmp_path / "targets.csv"
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        save_list(portfolio, name="贵宾未持有固收", criteria=NOT_HOLDING_WEALTH)
        expected = len(members(build_target_frame(portfolio), NOT_HOLDING_WEALTH))
        result = export_named_list(portfolio, list_name="target:贵宾未持有固收", path=out)
        names = {r[0] for r in portfolio.query("SELECT name FROM customers")}
        audited = portfolio.query("SELECT detail FROM audit_log WHERE action = 'EXPORTED'")
        with pytest.raises(ListUnavailable, match="no saved target list"):
            export_named_list(portfolio, list_name="target:nope", path=tmp_path / "x.csv")
    assert result.rows == expected and result.masked
    text = out.read_text(encoding="utf-8-sig")
    assert len(text.strip().splitlines()) == expected + 1       # the header and one row each
    assert not any(name in text for name in names)
    assert any("target:贵宾未持有固收" in d for (d,) in audited)


def test_the_list_builder_offers_what_the_portfolio_holds_and_counts_clusters_as_written(
        writable_demo_portfolio) -> None:
    from relmgr.services.target_lists import count, load_list_builder

    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        save_list(portfolio, name="wealthy", criteria=NOT_HOLDING_WEALTH)
        data = load_list_builder(portfolio)
        clusters = dict(portfolio.query("SELECT customer_id, cluster FROM customer_segments"))
        cities = {r[0] for r in portfolio.query("SELECT DISTINCT city FROM customers WHERE city IS NOT NULL")}
    assert data.saved == {"wealthy": NOT_HOLDING_WEALTH}
    assert set(data.choices["tier"]) <= {"PRIVATE", "WEALTH", "VIP", "MASS"} and data.choices["tier"]
    assert set(data.choices["city"]) <= cities and data.choices["city"]
    assert "WM-FI" in data.choices["products"] and "WM-FI" in data.products
    # Clusters are offered (and matched) as the whole numbers the RM and relmgr lists write,
    # although the customers without one make the merged column a float.
    assert data.choices["cluster"] and all(c.isdigit() for c in data.choices["cluster"])
    first = int(data.choices["cluster"][0])
    in_cluster = {"criteria": [{"field": "cluster", "op": "in", "value": [first]}]}
    eligible = set(data.target.customers["customer_id"][data.target.eligible])
    assert count(data.target, in_cluster) == sum(1 for c, k in clusters.items() if k == first and c in eligible) > 0
    # OR chooses at least as many as either criterion, AND at most as many.
    both = NOT_HOLDING_WEALTH["criteria"][:2]
    alone = [count(data.target, {"criteria": [c]}) for c in both]
    assert count(data.target, {"combine": "AND", "criteria": both}) <= min(alone)
    assert count(data.target, {"combine": "OR", "criteria": both}) >= max(alone)


def test_a_tag_criterion_chooses_the_customers_carrying_the_tag(writable_demo_portfolio) -> None:
    from relmgr.services.customers import filter_by_codes, load_customer_list, tag_text
    from relmgr.services.target_lists import count

    assert tag_text(" 代发工资 ;小微企业主;代发工资;; ") == "代发工资; 小微企业主"
    assert tag_text(None) == "" and tag_text("") == ""
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        tagged = {r[0] for r in portfolio.query(
            "SELECT customer_id FROM customers WHERE ';' || tags || ';' LIKE '%;养老金客户;%'")}
        frame = load_customer_list(portfolio)
        target = build_target_frame(portfolio)
        eligible = set(members(target, {"criteria": []})["customer_id"])
    assert tagged and set(frame["customer_id"][filter_by_codes(frame, {"tags": "养老金客户"})]) == tagged
    assert count(target, {"criteria": [{"field": "tags", "op": "any", "value": ["养老金客户"]}]}) == \
        len(tagged & eligible)
    with pytest.raises(ValueError, match="not a filter column"):
        filter_by_codes(frame, {"city": "上海"})


def test_a_rule_tag_follows_its_condition_at_every_read(writable_demo_portfolio) -> None:
    from relmgr.services.customers import load_customer_list

    busy_vip = {"tag": True, "combine": "AND", "criteria": [
        {"field": "tier", "op": "in", "value": ["VIP", "WEALTH", "PRIVATE"]},
        {"field": "txn_count_90d", "op": "between", "value": [2, None]}]}
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        save_list(portfolio, name="活跃贵宾", criteria=busy_vip)
        assert saved_lists(portfolio)["活跃贵宾"] == busy_vip
        rows = portfolio.query("SELECT s.customer_id, s.txn_count_90d, g.tier FROM customer_summary s "
                               "JOIN customer_segments g USING (customer_id)")
        expected = {c for c, n, tier in rows if n >= 2 and tier in ("VIP", "WEALTH", "PRIVATE")}
        # A tag says what a customer is: one who declined marketing carries it too.
        record_consent(portfolio, customer_id=sorted(expected)[-1], consent="DECLINED",
                       decided_on=DEMO_AS_OF, note="")
        declined = declined_customers(portfolio)
        frame = load_customer_list(portfolio)
        tagged = set(frame["customer_id"][frame["tags"].str.split("; ").map(lambda t: "活跃贵宾" in t)])
        assert tagged == expected and len(expected) > 5 and expected & declined
        # The imported tags stay beside it.
        both = frame[frame["tags"].str.contains("活跃贵宾") & frame["tags"].str.contains("代发工资")]
        assert all(t.split("; ")[-1] == "活跃贵宾" for t in both["tags"])
        # It is a tag like the others to a target list, and it follows the data.
        assert len(members(build_target_frame(portfolio), {"combine": "AND", "criteria": [
            {"field": "tags", "op": "any", "value": ["活跃贵宾"]}]})) == len(expected - declined)
        quiet = sorted(expected)[0]
        with portfolio.transaction():
            portfolio.conn.execute("UPDATE customer_summary SET txn_count_90d = 0 WHERE customer_id = ?", (quiet,))
        after = load_customer_list(portfolio)
    assert "活跃贵宾" not in after.set_index("customer_id").at[quiet, "tags"]
