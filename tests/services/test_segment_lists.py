"""Tier and stage follow-up lists: exactly the stored segment's customers, highest AUM first,
masked by default, stage reasons in words with their numbers; unavailable before a refresh."""

from __future__ import annotations

import pandas as pd
import pytest

from relmgr.domain.pii import mask_name
from relmgr.services.export import ListUnavailable, export_named_list, named_list
from relmgr.services.segment_lists import STAGE_LISTS, TIER_LISTS
from relmgr.services.segments import load_segments, refresh_segments
from relmgr.services.wording.segments import stage_reason
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


def test_before_any_refresh_the_lists_say_what_is_missing(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        with pytest.raises(ListUnavailable, match="refresh the segments"):
            named_list(portfolio, list_name="stage-decline", today=DEMO_AS_OF)


def test_each_tier_and_stage_list_holds_exactly_its_customers(writable_demo_portfolio) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        stored = load_segments(portfolio).customers
        for name, tier in TIER_LISTS.items():
            rows = named_list(portfolio, list_name=name, today=DEMO_AS_OF, language="en")
            assert set(rows["customer_id"]) == set(stored.loc[stored["tier"] == tier.value, "customer_id"])
        for name, stage in STAGE_LISTS.items():
            rows = named_list(portfolio, list_name=name, today=DEMO_AS_OF, language="zh_CN")
            assert set(rows["customer_id"]) == set(stored.loc[stored["stage"] == stage.value, "customer_id"])
        decline = named_list(portfolio, list_name="stage-decline", today=DEMO_AS_OF, language="zh_CN")
    assert len(decline) > 0 and list(decline["avg_aum_3m"]) == sorted(decline["avg_aum_3m"], reverse=True)
    assert set(decline["stage"]) == {"衰退期"}
    # Reasons are words with the customer's own numbers, never codes.
    first = stored.set_index("customer_id").loc[decline["customer_id"].iat[0]]
    assert decline["stage_reason"].iat[0] == stage_reason(first["stage_reason"], first["stage_detail"],
                                                          language="zh_CN")
    assert not any("AUM_DROP" in r or "ACTIVITY_HALVED" in r for r in decline["stage_reason"])


def test_stage_reasons_fill_in_the_numbers() -> None:
    assert stage_reason("AUM_DROP", {"change_pct": -52.14}, language="en") == "AUM down 52.1% in 90 days"
    assert stage_reason("DORMANT", {"days_inactive": 200}, language="zh_CN") == "睡眠：200 天无交易"
    assert stage_reason("DORMANT", {}, language="en") == "Dormant: no activity for"   # numbers missing


def test_a_stage_list_exports_masked_csv(writable_demo_portfolio, tmp_path) -> None:
    out = tmp_path / "decline.csv"
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        full = named_list(portfolio, list_name="stage-decline", today=DEMO_AS_OF)
        result = export_named_list(portfolio, list_name="stage-decline", path=out, today=DEMO_AS_OF)
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert result.rows == len(full) == len(frame) and result.masked
    names = list(frame.iloc[:, 1])
    assert names == [mask_name(n) for n in full["name"]]
    assert "生命周期" in frame.columns and "阶段依据" in frame.columns
