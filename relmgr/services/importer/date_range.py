"""Dates an export cannot hold: before 1900, or after the data date it describes.

A record dated after the data date ("as of") makes every page count from the future: a
recommendation reason built on a holding opened four years later, a transaction on 9999-12-31
that moves the data date past what `datetime` can add days to. So:

- every date is on or after 1900-01-01;
- a transaction is not after today (the wall clock) plus one day for time zones: a booked
  transaction cannot be dated in the future, and it is what sets the data date;
- every other dated row is not after the data date this import leaves (the later of the stored
  one and the newest transaction) plus `TOLERANCE_DAYS`, since a snapshot taken the morning after
  the last booking day may hold that morning's new accounts. Maturity dates and campaign dates
  are plans, and may lie ahead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from relmgr.services.importer.checks import Collector, quoted
from relmgr.services.importer.spec import Kind

EARLIEST = dt.date(1900, 1, 1)
TOLERANCE_DAYS = 7
_DATED = (Kind.DATE, Kind.TIMESTAMP, Kind.MONTH)
# Columns that hold plans, not records: allowed after the data date.
_AHEAD = {("holdings", "maturity_on"), ("campaigns", "start_on"), ("campaigns", "end_on"),
          ("loans", "next_due_on"), ("loan_repayments", "due_on")}


def _flag(out: Collector, file: str, column: str, values: pd.Series, wrong: np.ndarray,
          reason: str) -> None:
    if wrong.any():
        out.add(file, column, np.flatnonzero(wrong),
                (quoted(values[wrong].astype(str)) + " " + reason).to_numpy())


def _bound(kind: Kind, day: dt.date) -> str:
    return day.isoformat()[:7] if kind is Kind.MONTH else day.isoformat()


def check_date_range(tables: Mapping[str, Any], stored_as_of: str | None, today: dt.date,
                     out: Collector) -> dt.date:
    """Report dates out of range in `tables` (name -> object with .spec, .file, .frame of typed
    values); return the data date the other dates were held against."""
    for table in tables.values():
        for col in table.spec.columns:
            if col.kind in _DATED:
                values = table.frame[col.name]
                present = values.notna().to_numpy()
                early = present & (values.where(present, "9") < _bound(col.kind, EARLIEST)).to_numpy()
                _flag(out, table.file, col.name, values, early, f"is before {EARLIEST.isoformat()}")

    newest_allowed = today + dt.timedelta(days=1)
    dates = [stored_as_of[:10]] if stored_as_of else []
    if "transactions" in tables:
        txns = tables["transactions"]
        values = txns.frame["txn_date"]
        present = values.notna().to_numpy()
        late = present & (values.where(present, "") > newest_allowed.isoformat()).to_numpy()
        _flag(out, txns.file, "txn_date", values, late,
              f"is in the future (today is {today.isoformat()}): a booked transaction cannot be")
        fine = values[present & ~late]
        if len(fine):
            dates.append(str(fine.max()))
    data_date = dt.date.fromisoformat(max(dates)) if dates else today
    limit = data_date + dt.timedelta(days=TOLERANCE_DAYS)
    for name, table in tables.items():
        for col in table.spec.columns:
            if col.kind not in _DATED or (name, col.name) in _AHEAD or (name, col.name) == (
                    "transactions", "txn_date"):
                continue
            values = table.frame[col.name]
            present = values.notna().to_numpy()
            text = values.where(present, "").astype(str).str.slice(0, 10)
            late = present & (text > _bound(col.kind, limit)).to_numpy()
            _flag(out, table.file, col.name, values, late,
                  f"is after the data date {data_date.isoformat()} (allowed: up to "
                  f"{TOLERANCE_DAYS} days later): an export holds no records from the future")
    return data_date
