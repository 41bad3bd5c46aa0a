"""Queries and bulk writes the exchange-format importer needs (relmgr/services/importer).

The importer validates in pandas; what it needs from the database is: which of these keys exist
already (and with what content), and a way to write a validated frame in bulk, either inserting
or upserting by primary key. Keys travel to SQLite as one JSON array (`json_each`), so a lookup of
100,000 keys is one statement that probes the primary-key index, and no temp table (which could
spill to an unencrypted temp file) is needed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd

from relmgr.storage.portfolio import Portfolio

# Exchange tables only: the names are spliced into SQL, so they must come from this list.
EXCHANGE_TABLES = ("customers", "products", "holdings", "transactions", "monthly_balances",
                   "interactions", "campaigns", "offers", "loans", "loan_repayments", "credit_profiles")


def _checked_table(table: str) -> str:
    if table not in EXCHANGE_TABLES:
        raise ValueError(f"not an exchange table: {table}")
    return table


def table_columns(portfolio: Portfolio, *, table: str) -> list[str]:
    """The table's column names in schema order."""
    return [row[1] for row in portfolio.query(f"PRAGMA table_info({_checked_table(table)})")]


def _json_values(values: pd.Series) -> list:
    # Plain Python values (numpy scalars are not JSON-serialisable).
    return [v.item() if hasattr(v, "item") else v for v in values.tolist()]


def rows_matching(portfolio: Portfolio, *, table: str, columns: Sequence[str],
                  match: pd.DataFrame) -> pd.DataFrame:
    """The rows of `table` whose values in `match`'s columns equal one row of `match`.

    `match` names one column (a key or a unique column) or several (a composite key); the result
    has `columns` (which should include the matched ones) and one row per stored row found.
    """
    table = _checked_table(table)
    known = set(table_columns(portfolio, table=table))
    wanted = list(columns)
    on = list(match.columns)
    if not set(wanted) | set(on) <= known:
        raise ValueError(f"unknown columns for {table}: {sorted((set(wanted) | set(on)) - known)}")
    select = ", ".join(f"t.{c}" for c in wanted)
    if match.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in wanted})
    if len(on) == 1:
        payload = json.dumps(_json_values(match[on[0]].drop_duplicates()), ensure_ascii=False)
        sql = (f"SELECT {select} FROM {table} AS t "
               f"WHERE t.{on[0]} IN (SELECT value FROM json_each(?))")
    else:
        unique = match.drop_duplicates()
        payload = json.dumps([list(row) for row in zip(*(_json_values(unique[c]) for c in on),
                                                       strict=True)], ensure_ascii=False)
        condition = " AND ".join(f"t.{c} = j.value ->> {i}" for i, c in enumerate(on))
        sql = f"SELECT {select} FROM json_each(?) AS j JOIN {table} AS t ON {condition}"
    frame = portfolio.read_frame(sql, (payload,))
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in wanted})
    return frame


def _python_rows(frame: pd.DataFrame):
    values = frame.astype(object).where(frame.notna(), None)
    return values.itertuples(index=False, name=None)


def insert_frame(portfolio: Portfolio, *, table: str, frame: pd.DataFrame) -> int:
    """Insert every row of `frame` (columns named as the table's); NaN/NA become NULL.
    Call inside `portfolio.transaction()`."""
    if frame.empty:
        return 0
    portfolio.insert_frame(_checked_table(table), frame)
    return len(frame)


def upsert_frame(portfolio: Portfolio, *, table: str, frame: pd.DataFrame,
                 key_columns: Sequence[str]) -> int:
    """Insert rows whose key is new, overwrite every other column of rows whose key exists.
    An upsert never deletes a row, so rows of other tables that refer to it stay valid.
    Call inside `portfolio.transaction()`."""
    table = _checked_table(table)
    if frame.empty:
        return 0
    columns = list(frame.columns)
    keys = list(key_columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
    placeholders = ", ".join("?" * len(columns))
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "
           f"ON CONFLICT ({', '.join(keys)}) DO "
           + (f"UPDATE SET {updates}" if updates else "NOTHING"))
    portfolio.conn.executemany(sql, _python_rows(frame))
    return len(frame)
