"""Shared building blocks of the segmentation analytics: day numbers, a per-customer index of
customer-initiated activity that answers "how many transactions in (a, b]" and "last one on or
before d" for every customer at once, and customer × month balance matrices.

Everything is vectorised over customers: the lifecycle rules ask these questions for 50,000
customers at 37 month ends, which must cost milliseconds, not a Python loop per customer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from relmgr.domain.codes import Channel, TxnKind

# Keys are customer_index * _STRIDE + day_number; day numbers (days since 1970-01-01) stay far
# below 2**20 (year 4840), so keys of different customers never overlap.
_STRIDE = np.int64(1 << 20)
CUSTOMER_INITIATED_KINDS = tuple(k.value for k in TxnKind if k.customer_initiated)
DIGITAL_CHANNELS = (Channel.MOBILE.value, Channel.ONLINE.value)
NO_DAY = np.iinfo(np.int64).min // 4   # "never" in day-number arrays, safe to subtract from


def day_number(value: dt.date) -> int:
    return (value - dt.date(1970, 1, 1)).days


def day_numbers(values: pd.Series, *, missing: int | None = None) -> np.ndarray:
    """ISO date (or timestamp) text -> int64 days since 1970-01-01; null/empty -> `missing`
    (which must then be given). Text that is not a date raises ValueError naming the column."""
    array = np.asarray(values.to_numpy(dtype=object, na_value=None), dtype=object)
    try:
        parsed = array.astype("datetime64[D]")
    except ValueError:
        # Timestamps ('YYYY-MM-DDTHH:MM:SS') or junk: keep the date part and try again.
        text = pd.Series(array, dtype=object).str.slice(0, 10)
        try:
            parsed = text.to_numpy(dtype=object, na_value=None).astype("datetime64[D]")
        except ValueError:
            raise ValueError(f"column {values.name!r}: not a date (YYYY-MM-DD)") from None
    nulls = np.isnat(parsed)
    days = parsed.astype("int64")
    if nulls.any():
        if missing is None:
            raise ValueError(f"column {values.name!r}: missing date")
        days[nulls] = missing
    return days


def date_of(day: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(day))


def iso_dates(days: np.ndarray) -> np.ndarray:
    """int day numbers -> ISO text array."""
    return np.datetime_as_string(np.asarray(days, dtype="int64").astype("datetime64[D]"), unit="D")


def month_end(month: str) -> dt.date:
    """'YYYY-MM' -> the last day of that month."""
    period = pd.Period(month, freq="M")
    return period.end_time.date()


def month_range(first: str, last: str) -> list[str]:
    """Consecutive 'YYYY-MM' labels from first to last inclusive."""
    return [str(p) for p in pd.period_range(first, last, freq="M")]


def month_shift(month: str, months: int) -> str:
    return str(pd.Period(month, freq="M") + months)


def customer_index(customers: pd.DataFrame, *, as_of: dt.date) -> pd.Index:
    """The customers in the portfolio on `as_of` (opened on or before it), in a stable order."""
    opened = customers["opened_on"].astype("str").str.slice(0, 10)
    ids = customers.loc[(opened <= as_of.isoformat()).to_numpy(), "customer_id"].astype("str")
    return pd.Index(ids.sort_values().to_numpy(), name="customer_id")


@dataclasses.dataclass(frozen=True)
class ActivityIndex:
    """Customer-initiated transactions of the customers in `customers`, as sorted
    (customer, day) keys with running counts."""

    customers: pd.Index
    keys: np.ndarray          # sorted unique customer_index * _STRIDE + day
    running: np.ndarray       # transactions up to and including each key (running total)
    running_digital: np.ndarray

    @classmethod
    def build(cls, transactions: pd.DataFrame, *, customers: pd.Index, as_of: dt.date) -> ActivityIndex:
        """`transactions` has the schema's customer_id, txn_date and, when not pre-filtered,
        kind (system-booked kinds are dropped) and channel. A pre-aggregated frame may instead
        carry `n` (transactions per row, default 1) and `digital` (of which on mobile/online,
        instead of channel); it must then hold customer-initiated transactions only. A `day`
        column (int days since 1970-01-01) may stand in for txn_date."""
        frame = transactions
        if "kind" in frame.columns:
            frame = frame[frame["kind"].isin(CUSTOMER_INITIATED_KINDS).to_numpy()]
        cust = positions_in(customers, frame["customer_id"])
        days = (frame["day"].to_numpy(dtype="int64") if "day" in frame.columns
                else day_numbers(frame["txn_date"]))
        keep = (cust >= 0) & (days <= day_number(as_of))
        counts = (frame["n"].to_numpy(dtype="int64")[keep] if "n" in frame.columns
                  else np.ones(int(keep.sum()), dtype="int64"))
        digital = (frame["digital"].to_numpy(dtype="int64")[keep] if "digital" in frame.columns
                   else frame["channel"].isin(DIGITAL_CHANNELS).to_numpy()[keep].astype("int64"))
        keys = cust[keep].astype("int64") * _STRIDE + days[keep]
        if len(keys) and (keys[1:] < keys[:-1]).any():  # rows read in key order need no sort
            order = np.argsort(keys, kind="stable")
            keys, counts, digital = keys[order], counts[order], digital[order]
        unique, start = np.unique(keys, return_index=True)
        total = np.add.reduceat(counts, start) if len(keys) else counts
        total_digital = np.add.reduceat(digital, start) if len(keys) else digital
        return cls(customers, unique, np.cumsum(total), np.cumsum(total_digital))

    def _up_to(self, running: np.ndarray, cust: np.ndarray, day: np.ndarray | int) -> np.ndarray:
        pos = np.searchsorted(self.keys, cust.astype("int64") * _STRIDE + day, side="right") - 1
        out = np.zeros(len(cust), dtype="int64")
        hit = pos >= 0
        out[hit] = running[pos[hit]]
        return out

    def count_between(self, cust: np.ndarray, after: np.ndarray | int, until: np.ndarray | int,
                      *, digital: bool = False) -> np.ndarray:
        """Transactions on days in (after, until], per customer index in `cust`."""
        running = self.running_digital if digital else self.running
        return self._up_to(running, cust, until) - self._up_to(running, cust, after)

    def last_day(self, cust: np.ndarray, until: np.ndarray | int) -> np.ndarray:
        """Day number of the last transaction on or before `until`; NO_DAY when none."""
        pos = np.searchsorted(self.keys, cust.astype("int64") * _STRIDE + until, side="right") - 1
        out = np.full(len(cust), NO_DAY, dtype="int64")
        hit = pos >= 0
        hit[hit] = (self.keys[pos[hit]] // _STRIDE) == cust[hit]
        out[hit] = self.keys[pos[hit]] % _STRIDE
        return out


def positions_in(index: pd.Index, values: pd.Series) -> np.ndarray:
    """Position in `index` of each value as text (-1: not there, or null). A Categorical column
    is looked up once per category, not once per row (millions of rows, thousands of ids)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy().astype("int64")
        where = np.append(index.get_indexer(values.cat.categories.astype("str")), -1)
        return where[codes]          # code -1 (null) picks the appended -1
    return index.get_indexer(values.astype("str"))


def activity_stride() -> int:
    """ActivityIndex keys are customer position * stride + day number."""
    return int(_STRIDE)


def facts_between(cust: np.ndarray, day: np.ndarray, count: np.ndarray, *, after: int,
                  until: int, size: int) -> np.ndarray:
    """Per customer position (0..size-1): the sum of `count` over facts dated in (after, until]."""
    inside = (day > after) & (day <= until)
    return np.bincount(cust[inside], weights=count[inside], minlength=size).astype("int64")


def balance_matrix(monthly_balances: pd.DataFrame, *, customers: pd.Index, months: list[str],
                   column: str) -> np.ndarray:
    """customers × months array of `column` (NaN where the table has no row)."""
    matrix = np.full((len(customers), len(months)), np.nan)
    if len(monthly_balances):
        rows = customers.get_indexer(monthly_balances["customer_id"].astype("str"))
        cols = pd.Index(months).get_indexer(monthly_balances["month"].astype("str"))
        ok = (rows >= 0) & (cols >= 0)
        matrix[rows[ok], cols[ok]] = monthly_balances[column].to_numpy(dtype="float64")[ok]
    return matrix


def existence_matrix(opened_days: np.ndarray, month_end_days: np.ndarray) -> np.ndarray:
    """customers × months: True where the customer had opened by that month end."""
    return opened_days[:, None] <= month_end_days[None, :]


def open_product_counts(holdings: pd.DataFrame, *, customers: pd.Index) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(customer index, opened day, closed day or +inf-day) per holding of known customers,
    for counting open products at any date with `products_open_at`."""
    cust = customers.get_indexer(holdings["customer_id"].astype("str"))
    keep = cust >= 0
    opened = day_numbers(holdings["opened_on"])[keep]
    closed = day_numbers(holdings["closed_on"], missing=np.iinfo(np.int64).max // 4)[keep]
    return cust[keep], opened, closed


def products_open_at(product_arrays: tuple[np.ndarray, np.ndarray, np.ndarray], day: int,
                     n_customers: int) -> tuple[np.ndarray, np.ndarray]:
    """(open holdings, holdings ever opened) per customer on `day`."""
    cust, opened, closed = product_arrays
    opened_by = opened <= day
    is_open = opened_by & (closed > day)
    return (np.bincount(cust[is_open], minlength=n_customers),
            np.bincount(cust[opened_by], minlength=n_customers))
