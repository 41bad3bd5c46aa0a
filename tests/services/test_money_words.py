"""Money in Chinese units and in CNY (relmgr/services/wording/money.py)."""

from __future__ import annotations

import pytest

from relmgr.services.wording import CHINESE, ENGLISH
from relmgr.services.wording.money import axis_money, full_money, summary_money


@pytest.mark.parametrize("amount, chinese, english", [
    (28_113_500, "2,811.35万元", "CNY 28,113,500"),
    (352_000_000, "3.52亿元", "CNY 352,000,000"),
    (8_500, "8,500元", "CNY 8,500"),
    (-28_113_500, "-2,811.35万元", "CNY -28,113,500"),
    (28_113_450.0, "2,811.35万元", "CNY 28,113,450"),    # half away from zero, not banker's
    (9_999.4, "9,999元", "CNY 9,999"),
    (9_999.6, "1.00万元", "CNY 10,000"),                 # rounds up into the next unit
    (99_950_000, "9,995.00万元", "CNY 99,950,000"),
    (99_999_999.9, "1.00亿元", "CNY 100,000,000"),
    (-0.004, "0元", "CNY 0"),                            # never "-0"
    (None, "-", "-"),
    (float("nan"), "-", "-"),
])
def test_summary_money(amount, chinese, english):
    assert summary_money(amount, language=CHINESE) == chinese
    assert summary_money(amount, language=ENGLISH) == english


@pytest.mark.parametrize("amount, chinese, english", [
    (28_113_500, "28,113,500.00元", "CNY 28,113,500.00"),
    (2_811.345, "2,811.35元", "CNY 2,811.35"),
    (-0.5, "-0.50元", "CNY -0.50"),
    (float("inf"), "-", "-"),
])
def test_full_money_keeps_the_fen(amount, chinese, english):
    assert full_money(amount, language=CHINESE) == chinese
    assert full_money(amount, language=ENGLISH) == english


@pytest.mark.parametrize("amount, chinese, english", [
    (28_113_500, "2,811万", "28.1M"),
    (352_000_000, "3.5亿", "352M"),
    (850_000, "85万", "850K"),
    (8_500, "8,500", "8.5K"),
    (999_999.995, "100万", "1M"),
    (1_000_000, "100万", "1M"),
    (2_500_000_000, "25亿", "2.5B"),
    (-1_200_000, "-120万", "-1.2M"),
    (12, "12", "12"),
])
def test_axis_money_is_short(amount, chinese, english):
    assert axis_money(amount, language=CHINESE) == chinese
    assert axis_money(amount, language=ENGLISH) == english


def test_an_unknown_language_is_refused():
    for fmt in (summary_money, full_money, axis_money):
        with pytest.raises(ValueError, match="language"):
            fmt(1, language="fr")
        with pytest.raises(ValueError, match="language"):
            fmt(None, language="fr")
