"""A churn probability never reads as certainty on screen or in an export."""

import pytest

from relmgr.domain.churn import probability_percent


@pytest.mark.parametrize("probability, decimals, text", [
    (0.998, 0, ">99%"), (1.0, 0, ">99%"), (0.994, 0, "99%"), (0.42, 0, "42%"),
    (0.004, 0, "<1%"), (0.0, 0, "0%"),
    (0.9996, 1, ">99.9%"), (0.9994, 1, "99.9%"), (0.1234, 1, "12.3%"), (0.0004, 1, "<0.1%"),
])
def test_probability_percent(probability: float, decimals: int, text: str) -> None:
    assert probability_percent(probability, decimals=decimals) == text
