"""SQL of the churn warnings (issue 5): reading the history the churn features need, and the
tables of migration 0004 (churn_models, churn_score_runs, churn_scores, churn_actions).

Writers expect to run inside the caller's `portfolio.transaction()`, so that a model, its
scores and their run record are stored together or not at all.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from relmgr.storage.activity_months import read_activity_months
from relmgr.storage.column_read import read_columns, reals_round_trip
from relmgr.storage.flow_months import read_flow_months
from relmgr.storage.portfolio import Portfolio


def read_churn_history(portfolio: Portfolio, *, since: dt.date, until: dt.date,
                       contact_days: int = 182) -> dict[str, pd.DataFrame]:
    """Snapshots of the tables the churn features read: the customer-initiated activity per
    customer and day and the money flows per customer and month, of the months from since's to
    until's (the aggregates of migrations 0014 and 0015, brought up to date first: tens of
    thousands of rows where the transactions are millions), monthly balances from the month
    before since's to until's, contacts from `contact_days` before since to until (date part
    only), customers, and holdings (with product family) opened by until.

    Text columns (ids, dates, codes) are categoricals and numbers float64 (see storage.column_read);
    rows come in table order, so sums over them add up in the same order every time."""
    start, end = since.isoformat(), until.isoformat()
    first_month = (since.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    first_contact = (since - dt.timedelta(days=contact_days)).isoformat()
    round_trip = reals_round_trip(portfolio)

    def read(source: str, params: Sequence[Any], columns: dict[str, tuple[str, Any]]) -> pd.DataFrame:
        return read_columns(portfolio, source=source, params=params, columns=columns,
                             round_trip=round_trip)

    text, number = "text", "number"
    activity = read_activity_months(portfolio, since_month=since.strftime("%Y-%m"))
    return {
        "customers": read("FROM customers", (), {
            "customer_id": ("customer_id", text), "birth_date": ("birth_date", text),
            "opened_on": ("opened_on", text), "closed_on": ("closed_on", text)}),
        "activity": activity[activity["day"].to_numpy() <= (until - dt.date(1970, 1, 1)).days][["customer_id", "day", "n"]],
        "flows": read_flow_months(portfolio, since=since, until=until),
        "monthly_balances": read(
            # +month: a scan in key order, not the (month, aum_end) index, which would cost a
            # look-up per row for digital_logins (11 s instead of 0.2 s at 50,000 customers).
            "FROM monthly_balances WHERE +month >= ? AND +month <= ?", (first_month, until.strftime("%Y-%m")), {
                "customer_id": ("customer_id", text), "month": ("month", text),
                "aum_end": ("aum_end", number), "digital_logins": ("digital_logins", number)}),
        "holdings": read(
            "FROM holdings AS h JOIN products AS p USING (product_id) WHERE h.opened_on <= ?", (end,), {
                "customer_id": ("h.customer_id", text), "opened_on": ("h.opened_on", text),
                "closed_on": ("h.closed_on", text), "family": ("p.family", text)}),
        "interactions": read(
            "FROM interactions WHERE occurred_at >= ? AND substr(occurred_at, 1, 10) <= ?",
            (first_contact, end), {
                "customer_id": ("customer_id", text),
                "occurred_at": ("substr(occurred_at, 1, 10)", text),
                "purpose": ("purpose", text), "outcome": ("outcome", text)}),
    }


def first_transaction_date(portfolio: Portfolio) -> dt.date | None:
    row = portfolio.query("SELECT MIN(txn_date) FROM transactions")
    return dt.date.fromisoformat(row[0][0][:10]) if row and row[0][0] else None


# -- models -----------------------------------------------------------------------------------
MODEL_COLUMNS = ("model_id", "trained_at", "as_of", "kind", "cutoffs", "horizon_days", "rules",
                 "features", "medians", "metrics", "model_blob", "note", "seconds")
_JSON_COLUMNS = ("cutoffs", "rules", "features", "medians", "metrics")


def insert_model(portfolio: Portfolio, record: dict[str, Any]) -> int:
    """Store a model record (MODEL_COLUMNS but model_id; JSON columns as Python values)."""
    values = {k: (json.dumps(v, ensure_ascii=False) if k in _JSON_COLUMNS else v)
              for k, v in record.items() if k != "model_id"}
    columns = list(values)
    cursor = portfolio.conn.execute(
        f"INSERT INTO churn_models ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns])
    return int(cursor.lastrowid)


def latest_model(portfolio: Portfolio, *, with_blob: bool = True) -> dict[str, Any] | None:
    """The most recently trained model record, JSON columns decoded; None if never trained."""
    columns = [c for c in MODEL_COLUMNS if with_blob or c != "model_blob"]
    rows = portfolio.query(
        f"SELECT {', '.join(columns)} FROM churn_models ORDER BY model_id DESC LIMIT 1")
    if not rows:
        return None
    record = dict(zip(columns, rows[0], strict=True))
    for column in _JSON_COLUMNS:
        record[column] = json.loads(record[column])
    return record


# -- scores -----------------------------------------------------------------------------------
SCORE_COLUMNS = ("customer_id", "run_id", "as_of", "probability", "band", "previous_band", "aum",
                 "value_at_risk", "reasons", "scored_at")


def replace_scores(portfolio: Portfolio, *, model_id: int, as_of: dt.date, scored_at: str,
                   scores: pd.DataFrame, seconds: float) -> int:
    """Replace every stored score with `scores` (customer_id, probability, band, aum,
    value_at_risk, reasons as lists); the band each customer had before is kept as
    previous_band. Returns the run id."""
    cursor = portfolio.conn.execute(
        "INSERT INTO churn_score_runs (model_id, as_of, scored_at, customers, seconds) "
        "VALUES (?, ?, ?, ?, ?)", (model_id, as_of.isoformat(), scored_at, len(scores), seconds))
    run_id = int(cursor.lastrowid)
    previous = dict(portfolio.query("SELECT customer_id, band FROM churn_scores"))
    portfolio.conn.execute("DELETE FROM churn_scores")
    # Rows go in in customer_id order: the table is clustered by customer_id (WITHOUT ROWID),
    # so the B-tree is appended to instead of split all over.
    ids = scores["customer_id"].to_numpy(dtype=object)
    order = pd.Index(ids, dtype=object).argsort()
    ids = ids[order].tolist()
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    reasons = scores["reasons"].to_numpy(dtype=object)[order]
    as_of_text = as_of.isoformat()
    rows = zip(
        ids,
        itertools.repeat(run_id),
        itertools.repeat(as_of_text),
        _nullable(scores["probability"].to_numpy(dtype="float64").round(6)[order]),
        scores["band"].astype(str).to_numpy(dtype=object)[order].tolist(),
        [previous.get(c) for c in ids],
        _nullable(scores["aum"].to_numpy(dtype="float64").round(2)[order]),
        _nullable(scores["value_at_risk"].to_numpy(dtype="float64").round(2)[order]),
        ["[]" if isinstance(r, list) and not r else encode(r) for r in reasons],
        itertools.repeat(scored_at),
        strict=False)
    portfolio.insert_rows("churn_scores", list(SCORE_COLUMNS), rows)
    return run_id


def _nullable(values: np.ndarray) -> list[float | None]:
    """Python floats, NaN as None (NULL)."""
    out = values.tolist()
    if np.isnan(values).any():
        out = [None if np.isnan(v) else v for v in out]
    return out


def latest_score_run(portfolio: Portfolio) -> dict[str, Any] | None:
    rows = portfolio.query("SELECT run_id, model_id, as_of, scored_at, customers, seconds "
                           "FROM churn_score_runs ORDER BY run_id DESC LIMIT 1")
    if not rows:
        return None
    return dict(zip(("run_id", "model_id", "as_of", "scored_at", "customers", "seconds"), rows[0],
                    strict=True))


def read_scores(portfolio: Portfolio) -> pd.DataFrame:
    """Stored scores (SCORE_COLUMNS, reasons decoded), highest value at risk first."""
    frame = portfolio.read_frame(
        f"SELECT {', '.join(SCORE_COLUMNS)} FROM churn_scores ORDER BY value_at_risk DESC, customer_id")
    frame["reasons"] = [json.loads(v) for v in frame["reasons"]]
    return frame


def read_segments_for_warnings(portfolio: Portfolio) -> pd.DataFrame:
    """Tier and lifecycle stage per customer from the segmentation refresh (issue 4), for the
    warnings page's filters; empty when segments were never computed."""
    names = {r[0] for r in portfolio.query("SELECT name FROM sqlite_master WHERE type='table'")}
    if "customer_segments" not in names:
        return pd.DataFrame(columns=["customer_id", "tier", "stage"])
    return portfolio.read_frame("SELECT customer_id, tier, stage FROM customer_segments")


# -- actions ----------------------------------------------------------------------------------
def insert_action(portfolio: Portfolio, *, customer_id: str, action: str, note: str, at: str,
                  until: str | None, band: str | None, interaction_id: int | None,
                  task_id: int | None) -> int:
    cursor = portfolio.conn.execute(
        "INSERT INTO churn_actions (customer_id, action, note, at, until, band, interaction_id, task_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (customer_id, action, note, at, until, band, interaction_id, task_id))
    return int(cursor.lastrowid)


def latest_actions(portfolio: Portfolio) -> pd.DataFrame:
    """The last action per customer: customer_id, action, note, at, until, band."""
    return portfolio.read_frame(
        "SELECT a.customer_id, a.action, a.note, a.at, a.until, a.band FROM churn_actions AS a "
        "JOIN (SELECT customer_id, MAX(action_id) AS action_id FROM churn_actions GROUP BY customer_id) "
        "AS last USING (customer_id, action_id)")


def insert_interaction(portfolio: Portfolio, *, customer_id: str, occurred_at: str, channel: str,
                       purpose: str, outcome: str, note: str) -> int:
    cursor = portfolio.conn.execute(
        "INSERT INTO interactions (customer_id, occurred_at, channel, purpose, outcome, note) "
        "VALUES (?, ?, ?, ?, ?, ?)", (customer_id, occurred_at, channel, purpose, outcome, note))
    return int(cursor.lastrowid)


def insert_task(portfolio: Portfolio, *, customer_id: str, title: str, due_on: str,
                created_at: str, note: str) -> int:
    cursor = portfolio.conn.execute(
        "INSERT INTO tasks (customer_id, title, due_on, status, created_at, note) "
        "VALUES (?, ?, ?, 'OPEN', ?, ?)", (customer_id, title, due_on, created_at, note))
    return int(cursor.lastrowid)


def customer_exists(portfolio: Portfolio, customer_id: str) -> bool:
    return bool(portfolio.query("SELECT 1 FROM customers WHERE customer_id = ?", (customer_id,)))
