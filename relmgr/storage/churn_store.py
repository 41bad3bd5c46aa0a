"""SQL of the churn warnings (issue 5): reading the history the churn features need, and the
tables of migration 0004 (churn_models, churn_score_runs, churn_scores, churn_actions).

Writers expect to run inside the caller's `portfolio.transaction()`, so that a model, its
scores and their run record are stored together or not at all.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import sqlcipher3

from relmgr.domain.codes import TxnKind
from relmgr.storage.portfolio import Portfolio

_SYSTEM_KINDS = tuple(k.value for k in TxnKind if not k.customer_initiated)
_TXN_KINDS = tuple(k.value for k in TxnKind)

_SEP = "\x1f"      # ASCII unit separator between concatenated text values
_NULL = "\x1e"     # stands for NULL in concatenated text (group_concat skips NULLs)


# Doubles that 15 significant digits do not reproduce (and two extremes).
_PROBE_REALS = (0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 123456789.12345679, 1e-7 / 3.0, 1.7976931348623157e308,
                -9876543.210987654)


def _reals_round_trip(portfolio: Portfolio) -> bool:
    """True when REAL values turned into text by this SQLite and read back by numpy are the same
    doubles (SQLite 3.43+ writes enough digits; older versions wrote 15)."""
    rows = ", ".join("(?)" for _ in _PROBE_REALS)
    row = portfolio.query(f"SELECT group_concat(column1, ',') FROM (VALUES {rows})", _PROBE_REALS)
    parsed = _parse_numbers(row[0][0], len(_PROBE_REALS))
    return parsed is not None and parsed.tolist() == list(_PROBE_REALS)


def _parse_numbers(text: str | None, count: int) -> np.ndarray | None:
    """Comma-separated numbers -> float64 array, None if they are not exactly `count` numbers."""
    if count == 0:
        return np.zeros(0)
    if not text:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)   # "could not be read to its end"
        try:
            values = np.fromstring(text, sep=",")
        except (ValueError, DeprecationWarning):
            return None
    return values if len(values) == count else None


def _parse_text(text: str | None, count: int) -> pd.Categorical | None:
    """Separator-joined text -> categorical (NULL markers become NaN), None on a count mismatch."""
    if count == 0:
        return pd.Categorical([])
    if text is None:
        return None
    parts = text.split(_SEP)
    if len(parts) != count:
        return None
    codes, uniques = pd.factorize(np.array(parts, dtype=object))
    uniques = np.asarray(uniques, dtype=object)
    null = np.flatnonzero(uniques == _NULL)
    if len(null):
        # Renumber so that the NULL marker is not a category: its rows get code -1 (NaN).
        keep = np.flatnonzero(uniques != _NULL)
        remap = np.full(len(uniques), -1, dtype="int64")
        remap[keep] = np.arange(len(keep))
        codes, uniques = remap[codes], uniques[keep]
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))


_CODE_NULL, _CODE_OTHER = "0", "1"
_CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _coded_sql(expression: str, vocabulary: tuple[str, ...]) -> str:
    """SQL giving one character per row: the value's position in `vocabulary`, _CODE_NULL
    for NULL and _CODE_OTHER for a value outside it."""
    if len(vocabulary) > len(_CODE_CHARS) or any("'" in v for v in vocabulary):
        raise ValueError("vocabulary too long or quoted")
    cases = " ".join(f"WHEN '{v}' THEN '{_CODE_CHARS[i]}'" for i, v in enumerate(vocabulary))
    return f"CASE WHEN ({expression}) IS NULL THEN '{_CODE_NULL}' ELSE CASE {expression} {cases} ELSE '{_CODE_OTHER}' END END"


def _parse_coded(text: str | None, count: int, vocabulary: tuple[str, ...]) -> pd.Categorical | None:
    """One code character per row -> categorical over `vocabulary`; None on a count mismatch
    or a value outside the vocabulary (the caller then reads the text itself)."""
    if count == 0:
        return pd.Categorical([], categories=pd.Index(vocabulary, dtype=object))
    if text is None or len(text) != count or _CODE_OTHER in text:
        return None
    lookup = np.full(128, -2, dtype="int64")
    lookup[ord(_CODE_NULL)] = -1
    lookup[[ord(c) for c in _CODE_CHARS[:len(vocabulary)]]] = np.arange(len(vocabulary))
    codes = lookup[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    if (codes == -2).any():
        return None
    return pd.Categorical.from_codes(codes, categories=pd.Index(vocabulary, dtype=object))


def _read_columns(portfolio: Portfolio, *, source: str, params: Sequence[Any],
                  columns: dict[str, tuple[str, Any]], round_trip: bool) -> pd.DataFrame:
    """`SELECT <columns> <source>` as a DataFrame, `columns` being {name: (SQL expression,
    "text" | "number" | a tuple of the values a code column holds)}; text and code columns
    come back as categoricals, numbers as float64.

    Why not fetch rows: at branch scale the transactions alone are a million rows, and making
    four Python objects per row, then a DataFrame from them, costs more than SQLite's scan.
    Instead SQLite concatenates each column over all rows (one aggregate query, so every column
    is in the same row order) and numpy / one str.split decode the few long strings; a code
    column arrives as one character per row. Falls back to fetching rows if a text value
    contains the separator, a number does not parse, a code column holds a value outside its
    vocabulary, or REAL values would not survive the trip through text (`round_trip` False)."""
    if not round_trip and any(kind == "number" for _, kind in columns.values()):
        return _read_rows(portfolio, source=source, params=params, columns=columns)
    aggregates = ["count(*)"]
    for expression, kind in columns.values():
        if isinstance(kind, tuple):
            aggregates.append(f"group_concat({_coded_sql(expression, kind)}, '')")
        elif kind == "text":
            aggregates.append(f"group_concat(ifnull({expression}, char(30)), char(31))")
        else:
            aggregates.append(f"group_concat(ifnull({expression}, 'nan'), ',')")
    try:
        row = portfolio.query(f"SELECT {', '.join(aggregates)} {source}", params)[0]
    except sqlcipher3.DataError:     # a column longer than SQLite's string limit (1 GB)
        return _read_rows(portfolio, source=source, params=params, columns=columns)
    count = int(row[0])
    data: dict[str, Any] = {}
    for (name, (_, kind)), text in zip(columns.items(), row[1:], strict=True):
        if isinstance(kind, tuple):
            values = _parse_coded(text, count, kind)
        else:
            values = _parse_text(text, count) if kind == "text" else _parse_numbers(text, count)
        if values is None:
            return _read_rows(portfolio, source=source, params=params, columns=columns)
        data[name] = values
    return pd.DataFrame(data, index=pd.RangeIndex(count))


def _read_rows(portfolio: Portfolio, *, source: str, params: Sequence[Any],
               columns: dict[str, tuple[str, Any]]) -> pd.DataFrame:
    frame = portfolio.read_frame(
        f"SELECT {', '.join(f'{expression} AS {name}' for name, (expression, _) in columns.items())} "
        f"{source}", params)
    return pd.DataFrame({
        name: (frame[name].astype("category") if kind == "text" or isinstance(kind, tuple)
               else pd.to_numeric(frame[name], errors="coerce").astype("float64"))
        for name, (_, kind) in columns.items()}, index=pd.RangeIndex(len(frame)))


def read_churn_history(portfolio: Portfolio, *, since: dt.date, until: dt.date,
                       contact_days: int = 182) -> dict[str, pd.DataFrame]:
    """Snapshots of the tables the churn features read: transactions dated in [since, until]
    (all kinds; day numbers computed by SQLite), monthly balances from the month before since's
    to until's, contacts from `contact_days` before since to until (date part only), customers,
    and holdings (with product family) opened by until.

    Text columns (ids, dates, codes) are categoricals and numbers float64 (see `_read_columns`);
    rows come in table order, so sums over them add up in the same order every time."""
    start, end = since.isoformat(), until.isoformat()
    first_month = (since.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    first_contact = (since - dt.timedelta(days=contact_days)).isoformat()
    round_trip = _reals_round_trip(portfolio)

    def read(source: str, params: Sequence[Any], columns: dict[str, tuple[str, Any]]) -> pd.DataFrame:
        return _read_columns(portfolio, source=source, params=params, columns=columns,
                             round_trip=round_trip)

    text, number = "text", "number"
    return {
        "customers": read("FROM customers", (), {
            "customer_id": ("customer_id", text), "birth_date": ("birth_date", text),
            "opened_on": ("opened_on", text), "closed_on": ("closed_on", text)}),
        # A plain scan beats the (customer, date) index for a date range over every customer.
        "transactions": read(
            "FROM transactions NOT INDEXED WHERE txn_date >= ? AND txn_date <= ?", (start, end + "T99"), {
                "customer_id": ("customer_id", text),
                "day": ("CAST(julianday(substr(txn_date, 1, 10)) - 2440587.5 AS INTEGER)", number),
                "amount": ("amount", number), "kind": ("kind", _TXN_KINDS)}),
        "monthly_balances": read(
            "FROM monthly_balances WHERE month >= ? AND month <= ?", (first_month, until.strftime("%Y-%m")), {
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
