"""Amend mode: the repair for events imported wrong (issue 14).

Without it an event row (a transaction, a contact, a monthly balance, an offer) imported once
can never change: importing the corrected row again is refused as "imported before with other
content". In amend mode a row whose key is on file with other content replaces the stored row,
and a deletions file names events to remove by key. Both happen in the import's one
transaction, after every check passed, and the audit record counts them.

The deletions file is a CSV with the columns `table,key`: an event table and the key of one of
its rows (`customer_id/month` for monthly_balances). Every key must be on file.

A corrected or deleted transaction may have been the newest: the data date is then taken from
the transactions on file again, so a wrong far-future date is repaired too.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from relmgr.services.importer.problems import Problem
from relmgr.services.importer.spec import BY_TABLE, Kind
from relmgr.storage import Portfolio
from relmgr.storage.exchange import rows_matching

EVENT_TABLES = tuple(t for t, spec in BY_TABLE.items() if not spec.upsert)
KEY_SEPARATOR = "/"


class Deletions(dict):
    """Event table -> the keys to delete (a frame of the table's key columns)."""


def read_deletions(path: Path) -> tuple[Deletions, list[Problem]]:
    """The deletions file's keys by table, or the problems that make it unusable."""
    name = path.name
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        return Deletions(), [Problem(name, None, None, "cannot be read as a UTF-8 CSV file")]
    if not rows or [c.strip() for c in rows[0]] != ["table", "key"]:
        return Deletions(), [Problem(name, 1, None, "the header must be: table,key")]
    problems: list[Problem] = []
    keys: dict[str, list[list[str]]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != 2:
            problems.append(Problem(name, number, None, f"has {len(row)} fields, the header has 2"))
            continue
        table, key = row[0].strip(), row[1].strip()
        if table not in EVENT_TABLES:
            problems.append(Problem(name, number, "table", f"events are deleted from {', '.join(EVENT_TABLES)} "
                                    "only (customers, accounts and products are kept: events refer to them)"))
            continue
        parts = key.split(KEY_SEPARATOR)
        spec = BY_TABLE[table]
        if len(parts) != len(spec.key) or not all(parts):
            problems.append(Problem(name, number, "key", f"a {table} key is {KEY_SEPARATOR.join(spec.key)}"))
            continue
        if any(spec.column(k).kind is Kind.INTEGER and not (p.isascii() and p.isdigit())
               for k, p in zip(spec.key, parts, strict=True)):
            problems.append(Problem(name, number, "key", f"{'/'.join(spec.key)} is a whole number"))
            continue
        keys.setdefault(table, []).append(parts)
    found = Deletions()
    for table, values in keys.items():
        spec = BY_TABLE[table]
        frame = pd.DataFrame(values, columns=list(spec.key))
        for k in spec.key:
            if spec.column(k).kind is Kind.INTEGER:
                frame[k] = frame[k].astype("int64")
        found[table] = frame.drop_duplicates().reset_index(drop=True)
    return found, problems


def check_deletions(portfolio: Portfolio, deletions: Deletions, file: str) -> list[Problem]:
    """Every key to delete must be on file (a typo must not pass as "deleted nothing")."""
    problems = []
    for table, keys in deletions.items():
        spec = BY_TABLE[table]
        stored = rows_matching(portfolio, table=table, columns=list(spec.key), match=keys)
        merged = keys.merge(stored.astype(keys.dtypes.to_dict()), how="left", indicator=True)
        missing = int((merged["_merge"] == "left_only").sum())
        if missing:
            problems.append(Problem(file, None, "key", f"{missing:,} {table} key(s) to delete are not on file"))
    return problems


def apply_deletions(portfolio: Portfolio, deletions: Deletions) -> dict[str, int]:
    counts = {}
    for table, keys in deletions.items():
        spec = BY_TABLE[table]
        condition = " AND ".join(f"{k} = ?" for k in spec.key)
        rows = [tuple(v.item() if hasattr(v, "item") else v for v in row)   # numpy -> Python
                for row in keys.itertuples(index=False)]
        portfolio.conn.executemany(f"DELETE FROM {table} WHERE {condition}", rows)
        counts[table] = len(rows)
    return counts


def newest_transaction(portfolio: Portfolio) -> str | None:
    rows = portfolio.query("SELECT MAX(txn_date) FROM transactions")
    return rows[0][0] if rows and rows[0][0] else None
