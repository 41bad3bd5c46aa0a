"""The churn service's fast reads and writes (relmgr/storage/churn_store.py) return exactly what
plain row-by-row SQL does: the history it scores from (in table order, NULLs as missing; the
monthly flows of migration 0015 are checked against the transactions in
tests/storage/test_flow_months.py), its
fall-backs when the fast path cannot be trusted, and the scores it stores."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from relmgr.storage import churn_store as store
from relmgr.storage import column_read
from relmgr.storage import open_portfolio
from relmgr.storage.portfolio import Portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

SINCE = DEMO_AS_OF - dt.timedelta(days=184)

# The history's tables as plain SQL reads them, one Python object per cell.
_PLAIN = {
    "customers": ("SELECT customer_id, birth_date, opened_on, closed_on FROM customers", ()),
    "flows": (
        "SELECT customer_id, (CAST(substr(month, 1, 4) AS INTEGER) - 1970) * 12 "
        "+ CAST(substr(month, 6, 2) AS INTEGER) - 1 AS month, inflow, outflow, salary, pension, matured, "
        "CAST(julianday(last_salary) - 2440587.5 AS INTEGER) AS last_salary, "
        "CAST(julianday(last_pension) - 2440587.5 AS INTEGER) AS last_pension "
        "FROM flow_months WHERE month >= ? AND month <= ?",
        (SINCE.strftime("%Y-%m"), DEMO_AS_OF.strftime("%Y-%m"))),
    "monthly_balances": (
        "SELECT customer_id, month, aum_end, digital_logins FROM monthly_balances "
        "WHERE +month >= ? AND +month <= ?",          # in table (key) order, as the fast read
        ((SINCE.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m"), DEMO_AS_OF.strftime("%Y-%m"))),
    "holdings": (
        "SELECT h.customer_id, h.opened_on, h.closed_on, p.family FROM holdings AS h "
        "JOIN products AS p USING (product_id) WHERE h.opened_on <= ?", (DEMO_AS_OF.isoformat(),)),
    "interactions": (
        "SELECT customer_id, substr(occurred_at, 1, 10) AS occurred_at, purpose, outcome "
        "FROM interactions WHERE occurred_at >= ? AND substr(occurred_at, 1, 10) <= ?",
        ((SINCE - dt.timedelta(days=182)).isoformat(), DEMO_AS_OF.isoformat())),
}


def _cells(series: pd.Series) -> list[object]:
    """Python values with every kind of missing value as None."""
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else v
            for v in series.astype(object).tolist()]


def _assert_same_as_plain_sql(portfolio: Portfolio, frames: dict[str, pd.DataFrame]) -> None:
    for table, (sql, params) in _PLAIN.items():
        plain = portfolio.read_frame(sql, params)
        fast = frames[table]
        assert list(fast.columns) == list(plain.columns), table
        assert len(fast) == len(plain) > 0, table
        for column in plain.columns:
            if pd.api.types.is_numeric_dtype(plain[column]):
                np.testing.assert_array_equal(fast[column].to_numpy(dtype="float64"),
                                              plain[column].to_numpy(dtype="float64"), err_msg=table)
            else:
                assert _cells(fast[column]) == _cells(plain[column]), (table, column)


@pytest.fixture
def portfolio(writable_demo_portfolio: Path):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def test_the_history_equals_a_plain_row_by_row_read(portfolio: Portfolio) -> None:
    assert column_read.reals_round_trip(portfolio)
    frames = store.read_churn_history(portfolio, since=SINCE, until=DEMO_AS_OF)
    _assert_same_as_plain_sql(portfolio, frames)
    assert frames["customers"]["closed_on"].isna().any()      # NULL closing dates stay missing
    assert isinstance(frames["flows"]["customer_id"].dtype, pd.CategoricalDtype)
    assert frames["flows"]["last_pension"].isna().any()       # months without a pension credit
    # The customer-initiated activity per day, from the aggregates of migration 0014, of the
    # months read only and up to the data date.
    days = frames["activity"]["day"].to_numpy()
    assert len(days) and days.max() <= (DEMO_AS_OF - dt.date(1970, 1, 1)).days
    assert days.min() >= (SINCE.replace(day=1) - dt.date(1970, 1, 1)).days


def test_values_the_fast_path_cannot_carry_fall_back_to_plain_rows(portfolio: Portfolio) -> None:
    customer = portfolio.query("SELECT customer_id FROM customers LIMIT 1")[0][0]
    with portfolio.transaction():
        # A kind outside TxnKind, text containing the separator, an awkward amount.
        portfolio.conn.execute(
            "INSERT INTO transactions (customer_id, txn_date, amount, kind, channel) VALUES (?, ?, ?, ?, ?)",
            (customer, DEMO_AS_OF.isoformat(), 0.1 + 0.2, "NEW_KIND", "BRANCH"))
        portfolio.conn.execute(
            "INSERT INTO interactions (customer_id, occurred_at, channel, purpose, outcome) VALUES (?, ?, ?, ?, ?)",
            (customer, DEMO_AS_OF.isoformat() + "T09:00:00", "PHONE", "ODD\x1fPURPOSE", "REACHED"))
    frames = store.read_churn_history(portfolio, since=SINCE, until=DEMO_AS_OF)
    _assert_same_as_plain_sql(portfolio, frames)
    customer_flows = frames["flows"][frames["flows"]["customer_id"].astype(str) == customer]
    assert len(customer_flows)          # the new transaction is folded into its month


def test_no_round_trip_through_text_or_too_long_a_text_reads_rows(portfolio: Portfolio, monkeypatch) -> None:
    monkeypatch.setattr(store, "reals_round_trip", lambda portfolio: False)
    _assert_same_as_plain_sql(portfolio, store.read_churn_history(portfolio, since=SINCE, until=DEMO_AS_OF))
    monkeypatch.undo()

    import sqlcipher3

    real_query = portfolio.query

    def query(sql: str, params=()):
        # read_columns' one aggregate query per table (the activity aggregates are read in
        # chunks of bounded length and have no row-by-row fall-back).
        if sql.startswith("SELECT count(*), group_concat"):
            raise sqlcipher3.DataError("string or blob too big")
        return real_query(sql, params)

    monkeypatch.setattr(portfolio, "query", query)
    _assert_same_as_plain_sql(portfolio, store.read_churn_history(portfolio, since=SINCE, until=DEMO_AS_OF))


def test_replace_scores_stores_every_row_and_keeps_the_previous_band(portfolio: Portfolio) -> None:
    ids = [r[0] for r in portfolio.query("SELECT customer_id FROM customers ORDER BY customer_id DESC LIMIT 4")]
    reasons = [[{"code": "AUM_DROP_90D", "value": -0.62, "impact": 0.21}], [], [], [{"code": "中文", "value": 1}]]

    def scores(bands: list[str]) -> pd.DataFrame:
        probability = np.array([0.9, 0.5, 0.1, 0.0])
        aum = np.array([1000.0, 20000.5, 3.0, 0.0])
        return pd.DataFrame({"customer_id": ids, "probability": probability, "band": bands, "aum": aum,
                             "value_at_risk": probability * aum, "reasons": reasons})

    with portfolio.transaction():
        store.replace_scores(portfolio, model_id=1, as_of=DEMO_AS_OF, scored_at="2026-07-01T10:00:00",
                             scores=scores(["HIGH", "MEDIUM", "LOW", "LOW"]), seconds=0.1)
    with portfolio.transaction():
        run = store.replace_scores(portfolio, model_id=1, as_of=DEMO_AS_OF, scored_at="2026-07-02T10:00:00",
                                   scores=scores(["HIGH", "HIGH", "LOW", "LOW"]), seconds=0.1)
    stored = store.read_scores(portfolio).set_index("customer_id").loc[ids]
    assert stored["run_id"].tolist() == [run] * 4
    assert stored["band"].tolist() == ["HIGH", "HIGH", "LOW", "LOW"]
    assert stored["previous_band"].tolist() == ["HIGH", "MEDIUM", "LOW", "LOW"]
    assert stored["aum"].tolist() == [1000.0, 20000.5, 3.0, 0.0]
    assert stored["value_at_risk"].tolist() == [900.0, 10000.25, 0.3, 0.0]
    assert stored["reasons"].tolist() == reasons
    raw = dict(portfolio.query("SELECT customer_id, reasons FROM churn_scores"))
    assert raw[ids[1]] == "[]"
    assert raw[ids[3]] == json.dumps(reasons[3], ensure_ascii=False, separators=(",", ":"))
    assert len(store.read_scores(portfolio)) == 4


def test_text_split_a_chunk_at_a_time_gives_the_same_columns(portfolio: Portfolio, monkeypatch) -> None:
    """Long text columns are split in chunks to bound memory; chunk edges must not matter."""
    for chars in (1, 37, 1000):
        monkeypatch.setattr(column_read, "_SPLIT_CHARS", chars)
        _assert_same_as_plain_sql(portfolio, store.read_churn_history(portfolio, since=SINCE, until=DEMO_AS_OF))
