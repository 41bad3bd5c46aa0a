"""Target-list criteria over a small hand-made frame: AND/OR, every kind of criterion, the
customers who may never be on a marketing list, and criteria that cannot be read."""

from __future__ import annotations

import pandas as pd
import pytest

from relmgr.analytics.target_lists import CriteriaProblem, TargetFrame, parse_criteria, select


@pytest.fixture
def target() -> TargetFrame:
    customers = pd.DataFrame({
        "customer_id": ["A", "B", "C", "D", "E"],
        "tier": ["VIP", "MASS", "VIP", "WEALTH", "VIP"],
        "rfm_segment": ["S1", "S2", "S1", "S3", "S1"], "cluster": [0, 1, 0, 2, 0],
        "stage": ["GROWTH", "DECLINE", "MATURITY", "GROWTH", "GROWTH"],
        "churn_band": ["LOW", "HIGH", "LOW", None, "LOW"],
        "channel": ["MOBILE", "BRANCH", "MOBILE", "ONLINE", "MOBILE"],
        "city": ["北京", "上海", "北京", "北京", "北京"], "risk_rating": ["C3", "C1", "C4", "C5", "C3"],
        "age": [35, 70, 52, None, 40], "aum": [80_000.0, 5_000.0, 900_000.0, 7_000_000.0, 60_000.0],
        "last_contact": ["2026-05-01", None, "2026-06-20", "2026-01-10", "2026-05-02"],
        "tags": ["高净值;理财", "", "理财", "私行", ""],
        "closed_on": [None, None, None, None, "2026-03-01"],
    })
    holdings = pd.DataFrame({"customer_id": ["A", "C", "C", "D"], "product_id": ["WM-FI", "WM-FI", "LCD3Y", "PB-EQ"]})
    return TargetFrame.build(customers, open_products=holdings, declined={"D"})


def ids(target, spec) -> list[str]:
    return target.customers["customer_id"].iloc[select(target, parse_criteria(spec))].tolist()


def test_each_kind_of_criterion(target) -> None:
    assert ids(target, {"criteria": [{"field": "tier", "op": "in", "value": ["VIP"]}]}) == ["A", "C"]
    assert ids(target, {"criteria": [{"field": "age", "op": "between", "value": [40, None]}]}) == ["B", "C"]
    assert ids(target, {"criteria": [{"field": "aum", "op": "between", "value": [None, 100_000]}]}) == ["A", "B"]
    assert ids(target, {"criteria": [{"field": "products", "op": "holds", "value": ["LCD3Y"]}]}) == ["C"]
    assert ids(target, {"criteria": [{"field": "products", "op": "not_holds", "value": ["WM-FI"]}]}) == ["B"]
    assert ids(target, {"criteria": [{"field": "last_contact", "op": "before", "value": "2026-06-01"}]}) == ["A", "B"]
    assert ids(target, {"criteria": [{"field": "last_contact", "op": "after", "value": "2026-06-01"}]}) == ["C"]
    assert ids(target, {"criteria": [{"field": "tags", "op": "any", "value": ["理财"]}]}) == ["A", "C"]
    assert ids(target, {"criteria": [{"field": "channel", "op": "in", "value": ["BRANCH"]}]}) == ["B"]
    assert ids(target, {"criteria": [{"field": "cluster", "op": "in", "value": [1]}]}) == ["B"]
    assert ids(target, {"criteria": [{"field": "risk_rating", "op": "in", "value": ["C4", "C5"]}]}) == ["C"]


def test_and_or(target) -> None:
    both = [{"field": "tier", "op": "in", "value": ["VIP"]}, {"field": "churn_band", "op": "in", "value": ["HIGH"]}]
    assert ids(target, {"combine": "AND", "criteria": both}) == []
    assert ids(target, {"combine": "OR", "criteria": both}) == ["A", "B", "C"]


def test_closed_and_declined_customers_are_never_chosen(target) -> None:
    everyone = ids(target, {"criteria": []})
    assert everyone == ["A", "B", "C"]          # E closed, D declined marketing
    assert "D" not in ids(target, {"criteria": [{"field": "tier", "op": "in", "value": ["WEALTH"]}]})


@pytest.mark.parametrize(("spec", "words"), [
    ("{not json", "not valid JSON"),
    ({"combine": "XOR", "criteria": []}, '"AND" or "OR"'),
    ({"criteria": [{"field": "colour", "op": "in", "value": []}]}, "criterion 1: unknown field 'colour'"),
    ({"criteria": [{"field": "age", "op": "in", "value": [1]}]}, "criterion 1 (age): the operation must be between"),
    ({"criteria": [{"field": "aum", "op": "between", "value": [1]}]}, "[low, high]"),
    ({"criteria": [{"field": "last_contact", "op": "before", "value": 5}]}, "YYYY-MM-DD"),
])
def test_unreadable_criteria_say_which_and_why(spec, words) -> None:
    with pytest.raises(CriteriaProblem, match=None) as caught:
        parse_criteria(spec)
    assert words in str(caught.value)
