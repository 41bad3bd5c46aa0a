"""The segmentation's column-wise reads give exactly the frame a row-by-row read gives: the
same strings (missing as NaN), the same doubles, the same dtypes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from relmgr.services.segments import read_inputs
from relmgr.storage import column_read, open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

_PLAIN = {
    "holdings": ("SELECT customer_id, opened_on, closed_on FROM holdings", ()),
    "monthly_balances": ("SELECT customer_id, month, aum_avg, aum_end, digital_logins "
                         # in table (key) order, as the segment read scans it
                         "FROM monthly_balances WHERE +month <= ?", (DEMO_AS_OF.strftime("%Y-%m"),)),
}


def _assert_inputs_as_plain_sql(path: Path) -> None:
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        inputs = read_inputs(portfolio, as_of=DEMO_AS_OF)
        for table, (sql, params) in _PLAIN.items():
            pd.testing.assert_frame_equal(inputs[table], portfolio.read_frame(sql, params),
                                          check_exact=True, obj=table)
        assert inputs["holdings"]["closed_on"].isna().any()


def test_segment_inputs_equal_a_row_by_row_read(demo_portfolio_file: Path) -> None:
    _assert_inputs_as_plain_sql(demo_portfolio_file)


def test_without_an_exact_round_trip_of_reals_rows_are_fetched(demo_portfolio_file: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = column_read._read_rows

    def counting(portfolio, **kwargs):
        calls.append(kwargs["source"])
        return real(portfolio, **kwargs)

    monkeypatch.setattr(column_read, "reals_round_trip", lambda portfolio: False)
    monkeypatch.setattr(column_read, "_read_rows", counting)
    _assert_inputs_as_plain_sql(demo_portfolio_file)
    assert any("monthly_balances" in source for source in calls)
