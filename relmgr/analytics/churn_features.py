"""Point-in-time churn features and churn labels (issue 5), vectorised over customers.

`ChurnHistory.build(...)` indexes the portfolio's history once — daily per-customer aggregates of
the transactions with running totals, a customer × month grid of month-end AUM and digital
logins, holding open/close dates, contact dates — so that `features_at(cutoff)` for 50,000
customers is a handful of binary searches and array operations, and several cutoffs cost little
more than one.

Point in time: everything `features_at(c)` returns uses only data dated on or before c:
transactions with txn_date <= c, monthly rows of months whose last day is <= c, holdings opened
on or before c (and counted closed only if closed_on <= c), contacts on or before c. The churn
date (customers.closed_on) is never a feature; it only decides who is already gone (`churned_at`)
and the labels. tests/analytics/test_churn_features.py alters a customer's future and checks
that their features at the cutoff do not move.

The churn definition is relmgr.domain.churn's (closed, or dormant with AUM below a floor);
`labels(c, horizon)` is 1 for customers not churned at c who are churned at some check date in
(c, c + horizon] (every month end in between and c + horizon itself).

Windows are in days (30/90/180) for transactions and contacts and in complete months (1/3/6)
for the monthly AUM and logins, the table's own resolution. Counts and sums look back at most
`LOOKBACK_DAYS`; recency features are capped there ("183 days or more").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings

import numpy as np
import pandas as pd

from relmgr.analytics.activity import (
    NO_DAY,
    day_number,
    day_numbers,
    month_end,
    month_range,
    positions_in,
)
from relmgr.domain.codes import ContactOutcome, ContactPurpose, ProductFamily, TxnKind
from relmgr.domain.churn import ChurnRules

LOOKBACK_DAYS = 184            # how far before a cutoff transactions are needed
RECENCY_CAP = LOOKBACK_DAYS - 1
CONTACT_CAP = 365
_STRIDE = np.int64(1 << 20)
_FAR = np.iinfo(np.int64).max // 4
_SYSTEM_KINDS = tuple(k.value for k in TxnKind if not k.customer_initiated)
_LIABILITY_FAMILIES = tuple(f.value for f in ProductFamily if f.is_liability)
# A change is measured against at least this much (CNY), so 10 → 0 yuan is not "-100%".
_CHANGE_FLOOR = 1_000.0

# Feature columns, in model order. Money amounts enter as log10(1 + x) so that the same columns
# serve the trees and the logistic regression.
FEATURES = (
    "age_years", "tenure_days",
    "log_aum", "aum_chg_1m", "aum_chg_3m", "aum_chg_6m", "aum_vs_peak_6m",
    "days_since_txn", "txns_30d", "txns_90d", "txns_prev_90d", "txn_trend_90d",
    "log_inflow_90d", "log_outflow_90d", "net_flow_rel_90d",
    "days_since_income", "income_90d", "income_prev_90d",
    "log_matured_out_90d",
    "products_open", "products_closed_90d", "liabilities_open",
    "logins_1m", "logins_3m", "logins_trend_3m",
    "days_since_contact", "complaints_180d",
)
# Raw numbers the reasons quote (not model inputs).
DETAIL_COLUMNS = ("aum", "net_flow_90d", "matured_out_90d", "days_since_salary",
                  "days_since_pension", "salary_before", "pension_before")

# Transaction categories aggregated per customer and day.
_COLUMNS = ("txns", "inflow", "outflow", "salary", "pension", "matured")


def _log_money(values: np.ndarray) -> np.ndarray:
    return np.log10(1.0 + np.maximum(np.nan_to_num(values, nan=0.0), 0.0))


def _change(now: np.ndarray, before: np.ndarray) -> np.ndarray:
    """(now - before) / max(before, floor), NaN when `before` is unknown, clipped to [-1, 3]."""
    with np.errstate(invalid="ignore"):
        out = (np.nan_to_num(now, nan=0.0) - before) / np.maximum(before, _CHANGE_FLOOR)
    return np.clip(out, -1.0, 3.0)


def _flags(test: pd.Series) -> np.ndarray:
    """A boolean Series as a numpy bool array; a missing value (null text) counts as False."""
    return test.to_numpy(dtype=bool, na_value=False)


def _days(values: pd.Series, *, missing: int | None = None) -> np.ndarray:
    """day_numbers (ISO date text -> days since 1970-01-01), parsing each category of a
    categorical once."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return day_numbers(values, missing=missing)
    codes = values.cat.codes.to_numpy().astype("int64")
    if missing is None and (codes < 0).any():
        raise ValueError(f"column {values.name!r}: missing date")
    parsed = day_numbers(pd.Series(values.cat.categories.to_numpy(dtype=object), dtype=object,
                                   name=values.name), missing=missing)
    return np.append(parsed, np.int64(0 if missing is None else missing))[codes]


def _month_span(months: pd.Series) -> list[str]:
    """Consecutive 'YYYY-MM' labels from the first to the last month present."""
    if isinstance(months.dtype, pd.CategoricalDtype):
        months = pd.Series(months.cat.remove_unused_categories().cat.categories.to_numpy(dtype=object))
    known = months.astype("str")
    return month_range(known.min(), known.max()) if len(known) else []


def _grid(rows: np.ndarray, cols: np.ndarray, values: pd.Series, *, shape: tuple[int, int]) -> np.ndarray:
    """rows × cols array of `values` (NaN where there is none); out-of-range positions are -1."""
    matrix = np.full(shape, np.nan)
    ok = (rows >= 0) & (cols >= 0)
    matrix[rows[ok], cols[ok]] = values.to_numpy(dtype="float64")[ok]
    return matrix


@dataclasses.dataclass(frozen=True)
class _RunningIndex:
    """Sorted (customer, day) keys with running totals of several columns; answers
    "sum over days in (a, b]" and "last day with a non-zero value on or before d"."""

    keys: np.ndarray
    running: dict[str, np.ndarray]
    last_keys: dict[str, np.ndarray]

    @classmethod
    def build(cls, cust: np.ndarray, day: np.ndarray, values: dict[str, np.ndarray]) -> _RunningIndex:
        keys = cust.astype("int64") * _STRIDE + day.astype("int64")
        steps = np.diff(keys)
        if (steps >= 0).all():
            # Already in key order (a table stored customer by customer, date by date): the
            # same groups as np.unique without sorting a million keys.
            new_key = np.concatenate([[len(keys) > 0], steps > 0])
            unique, inverse = keys[new_key], np.cumsum(new_key) - 1
        else:
            unique, inverse = np.unique(keys, return_inverse=True)
        running, last_keys = {}, {}
        for name, column in values.items():
            daily = np.bincount(inverse, weights=column, minlength=len(unique))
            running[name] = np.cumsum(daily)
            last_keys[name] = unique[daily != 0]
        return cls(unique, running, last_keys)

    def _up_to(self, name: str, cust: np.ndarray, day: int) -> np.ndarray:
        pos = np.searchsorted(self.keys, cust * _STRIDE + day, side="right") - 1
        out = np.zeros(len(cust))
        hit = pos >= 0
        out[hit] = self.running[name][pos[hit]]
        return out

    def between(self, name: str, cust: np.ndarray, after: int, until: int) -> np.ndarray:
        return self._up_to(name, cust, until) - self._up_to(name, cust, after)

    def last_day(self, name: str, cust: np.ndarray, until: int) -> np.ndarray:
        keys = self.last_keys[name]
        pos = np.searchsorted(keys, cust * _STRIDE + until, side="right") - 1
        out = np.full(len(cust), NO_DAY, dtype="int64")
        hit = pos >= 0
        hit[hit] = (keys[pos[hit]] // _STRIDE) == cust[hit]
        out[hit] = keys[pos[hit]] % _STRIDE
        return out


@dataclasses.dataclass(frozen=True)
class ChurnHistory:
    """The indexed history of one portfolio; build once, ask for any cutoff inside it."""

    ids: pd.Index                   # every customer, sorted
    opened: np.ndarray              # day numbers
    closed: np.ndarray              # day number of customers.closed_on, _FAR when open
    born: np.ndarray                # day numbers (NO_DAY when unknown)
    txns: _RunningIndex
    months: list[str]
    month_end_days: np.ndarray
    aum: np.ndarray                 # customers × months, month-end AUM (NaN: no row)
    logins: np.ndarray
    holding_cust: np.ndarray
    holding_opened: np.ndarray
    holding_closed: np.ndarray
    holding_liability: np.ndarray
    contact_keys: np.ndarray        # sorted customer * _STRIDE + day of every contact
    complaint_keys: np.ndarray
    first_txn_day: int              # transactions before this day were not read

    @classmethod
    def build(cls, *, customers: pd.DataFrame, transactions: pd.DataFrame,
              monthly_balances: pd.DataFrame, holdings: pd.DataFrame,
              interactions: pd.DataFrame, first_txn_day: dt.date | None = None) -> ChurnHistory:
        """customers: customer_id, birth_date, opened_on, closed_on. transactions: customer_id,
        txn_date (or `day`, int days since 1970-01-01), amount, kind — all kinds; the caller may
        have left out rows before `first_txn_day`. monthly_balances: customer_id, month,
        aum_end, digital_logins. holdings: customer_id, opened_on, closed_on, family.
        interactions: customer_id, occurred_at, purpose, outcome."""
        ids = pd.Index(customers["customer_id"].astype("str").sort_values().to_numpy(),
                       name="customer_id")
        info = customers.assign(customer_id=customers["customer_id"].astype("str")) \
            .set_index("customer_id").reindex(ids)
        opened = _days(info["opened_on"])
        closed = _days(info["closed_on"], missing=_FAR)
        born = _days(info["birth_date"], missing=NO_DAY)

        cust = positions_in(ids, transactions["customer_id"])
        keep = cust >= 0
        if "day" in transactions.columns:
            day_values = transactions["day"].to_numpy(dtype="float64")
            if np.isnan(day_values).any():
                raise ValueError("column 'txn_date': not a date (YYYY-MM-DD)")
            days = day_values.astype("int64")
        else:
            days = _days(transactions["txn_date"])
        amount = transactions["amount"].to_numpy(dtype="float64")
        kind = transactions["kind"]
        # Boolean tests on the kind column itself: a categorical (as the storage reads it)
        # compares its few categories, not a million strings.
        customer_made = ~_flags(kind.isin(_SYSTEM_KINDS))
        salary = _flags(kind.eq(TxnKind.SALARY.value))
        pension = _flags(kind.eq(TxnKind.PENSION.value))
        matured = _flags(kind.eq(TxnKind.MATURITY.value))
        cust, days, amount = cust[keep], days[keep], amount[keep]
        customer_made, salary, pension, matured = customer_made[keep], salary[keep], pension[keep], matured[keep]
        values = {
            "txns": customer_made.astype("float64"),
            "inflow": np.where(customer_made & (amount > 0), amount, 0.0),
            "outflow": np.where(customer_made & (amount < 0), -amount, 0.0),
            "salary": salary.astype("float64"),
            "pension": pension.astype("float64"),
            "matured": np.where(matured, np.abs(amount), 0.0),
        }
        txns = _RunningIndex.build(cust, days, values)

        months = _month_span(monthly_balances["month"])
        month_end_days = np.array([day_number(month_end(m)) for m in months], dtype="int64")
        rows = positions_in(ids, monthly_balances["customer_id"])
        cols = positions_in(pd.Index(months, dtype=object), monthly_balances["month"])
        aum = _grid(rows, cols, monthly_balances["aum_end"], shape=(len(ids), len(months)))
        logins = _grid(rows, cols, monthly_balances["digital_logins"], shape=(len(ids), len(months)))

        hcust = positions_in(ids, holdings["customer_id"])
        hkeep = hcust >= 0
        hopened = _days(holdings["opened_on"])[hkeep]
        hclosed = _days(holdings["closed_on"], missing=_FAR)[hkeep]
        liability = _flags(holdings["family"].isin(_LIABILITY_FAMILIES))[hkeep]

        icust = positions_in(ids, interactions["customer_id"])
        ikeep = icust >= 0
        iday = _days(interactions["occurred_at"])[ikeep]
        ikeys = icust[ikeep].astype("int64") * _STRIDE + iday
        complaint = (_flags(interactions["purpose"].eq(ContactPurpose.COMPLAINT.value))
                     | _flags(interactions["outcome"].eq(ContactOutcome.COMPLAINT.value)))[ikeep]
        first = day_number(first_txn_day) if first_txn_day else (int(days.min()) if len(days) else 0)
        return cls(ids, opened, closed, born, txns, months, month_end_days, aum, logins,
                   hcust[hkeep].astype("int64"), hopened, hclosed, liability,
                   np.sort(ikeys), np.sort(ikeys[complaint]), first)

    # -- helpers -----------------------------------------------------------------------------
    def _month_col(self, day: int) -> int:
        """Index of the last complete month (month end <= day); -1 when none."""
        return int(np.searchsorted(self.month_end_days, day, side="right")) - 1

    def _month_values(self, grid: np.ndarray, col: int) -> np.ndarray:
        if col < 0 or col >= grid.shape[1]:
            return np.full(grid.shape[0], np.nan)
        return grid[:, col]

    def _aum_at(self, day: int) -> np.ndarray:
        return self._month_values(self.aum, self._month_col(day))

    def _inactive_days(self, cust: np.ndarray, day: int) -> np.ndarray:
        last = self.txns.last_day("txns", cust, day)
        since = np.where(last == NO_DAY, self.opened[cust], np.maximum(last, self.opened[cust]))
        return day - since

    def _count_keys(self, keys: np.ndarray, cust: np.ndarray, after: int, until: int) -> np.ndarray:
        return (np.searchsorted(keys, cust * _STRIDE + until, side="right")
                - np.searchsorted(keys, cust * _STRIDE + after, side="right"))

    @staticmethod
    def _last_key_day(keys: np.ndarray, cust: np.ndarray, until: int) -> np.ndarray:
        """Per customer: the day of their last key on or before `until`, or NO_DAY. A portfolio
        imported without a contact log has no keys at all, so nothing may be indexed then."""
        if not len(keys):
            return np.full(len(cust), NO_DAY, dtype="int64")
        pos = np.searchsorted(keys, cust * _STRIDE + until, side="right") - 1
        hit = pos >= 0
        hit[hit] = (keys[pos[hit]] // _STRIDE) == cust[hit]
        return np.where(hit, keys[np.maximum(pos, 0)] % _STRIDE, NO_DAY)

    # -- churn state and labels ----------------------------------------------------------------
    def churned_at(self, day: dt.date | int, rules: ChurnRules = ChurnRules()) -> np.ndarray:
        """Per customer (in `ids` order): churned on or before `day` by the churn definition.
        Customers not yet opened are False."""
        d = day if isinstance(day, int) else day_number(day)
        cust = np.arange(len(self.ids), dtype="int64")
        aum = np.nan_to_num(self._aum_at(d), nan=0.0)
        dormant = (self._inactive_days(cust, d) >= rules.inactive_days) & (aum < rules.dormant_aum)
        return (self.opened <= d) & ((self.closed <= d) | dormant)

    def eligible_at(self, day: dt.date, rules: ChurnRules = ChurnRules()) -> np.ndarray:
        """Customers in the portfolio on `day` and not churned: who can be scored."""
        return (self.opened <= day_number(day)) & ~self.churned_at(day, rules)

    def labels(self, cutoff: dt.date, rules: ChurnRules = ChurnRules()) -> np.ndarray:
        """1 where a customer churns within (cutoff, cutoff + horizon], per customer in `ids`
        order; meaningful for the customers `eligible_at(cutoff)` only."""
        start = day_number(cutoff)
        stop = start + rules.horizon_days
        checks = [int(d) for d in self.month_end_days if start < d < stop] + [stop]
        out = np.zeros(len(self.ids), dtype=bool)
        for d in checks:
            out |= self.churned_at(d, rules)
        return out.astype("int8")

    # -- features ------------------------------------------------------------------------------
    def features_at(self, cutoff: dt.date, *, customers: np.ndarray | None = None) -> pd.DataFrame:
        """FEATURES and DETAIL_COLUMNS as of `cutoff` for the customers at positions `customers`
        (default: everyone opened on or before the cutoff), indexed by customer_id."""
        c = day_number(cutoff)
        if c - LOOKBACK_DAYS < self.first_txn_day - 1:
            raise ValueError(f"features at {cutoff} need transactions from "
                             f"{cutoff - dt.timedelta(days=LOOKBACK_DAYS)}, which were not read")
        cust = (np.flatnonzero(self.opened <= c) if customers is None
                else np.asarray(customers, dtype="int64"))
        tx = self.txns
        f: dict[str, np.ndarray] = {}
        born = self.born[cust]
        f["age_years"] = np.where(born == NO_DAY, np.nan, (c - born) / 365.25)
        f["tenure_days"] = (c - self.opened[cust]).astype("float64")

        col = self._month_col(c)
        aum_now = self._month_values(self.aum, col)[cust]
        # A month without a row after opening: the customer held nothing that month.
        exists_now = self.opened[cust] <= (self.month_end_days[col] if col >= 0 else -_FAR)
        aum_now = np.where(np.isnan(aum_now) & exists_now, 0.0, aum_now)

        def aum_back(months: int) -> np.ndarray:
            b = col - months
            values = self._month_values(self.aum, b)[cust]
            existed = self.opened[cust] <= (self.month_end_days[b] if 0 <= b < len(self.months) else -_FAR)
            return np.where(np.isnan(values) & existed & (b >= 0), 0.0, values)

        f["log_aum"] = np.where(np.isnan(aum_now), np.nan, _log_money(aum_now))
        f["aum_chg_1m"] = _change(aum_now, aum_back(1))
        before_3m = aum_back(3)
        f["aum_chg_3m"] = _change(aum_now, before_3m)
        f["aum_chg_6m"] = _change(aum_now, aum_back(6))
        window = np.column_stack([aum_back(k) for k in range(0, 7)])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)   # all-NaN rows: no history yet
            peak = np.nanmax(window, axis=1)
        f["aum_vs_peak_6m"] = np.clip(np.nan_to_num(aum_now, nan=0.0) / np.maximum(peak, _CHANGE_FLOOR), 0, 1)
        f["aum_vs_peak_6m"] = np.where(np.isnan(peak), np.nan, f["aum_vs_peak_6m"])

        last = tx.last_day("txns", cust, c)
        since = np.where(last == NO_DAY, self.opened[cust], np.maximum(last, self.opened[cust]))
        f["days_since_txn"] = np.minimum(c - since, RECENCY_CAP).astype("float64")
        f["txns_30d"] = tx.between("txns", cust, c - 30, c)
        n90 = tx.between("txns", cust, c - 90, c)
        prev90 = tx.between("txns", cust, c - 180, c - 90)
        f["txns_90d"], f["txns_prev_90d"] = n90, prev90
        f["txn_trend_90d"] = np.clip((n90 - prev90) / np.maximum(prev90, 1.0), -1.0, 3.0)
        inflow = tx.between("inflow", cust, c - 90, c)
        outflow = tx.between("outflow", cust, c - 90, c)
        f["log_inflow_90d"], f["log_outflow_90d"] = _log_money(inflow), _log_money(outflow)
        net = inflow - outflow
        base = np.maximum(np.nan_to_num(before_3m, nan=0.0), _CHANGE_FLOOR)
        f["net_flow_rel_90d"] = np.clip(net / base, -3.0, 3.0)

        since_salary = self._recency(tx.last_day("salary", cust, c), c)
        since_pension = self._recency(tx.last_day("pension", cust, c), c)
        f["days_since_income"] = np.minimum(since_salary, since_pension)
        f["income_90d"] = tx.between("salary", cust, c - 90, c) + tx.between("pension", cust, c - 90, c)
        f["income_prev_90d"] = (tx.between("salary", cust, c - 180, c - 90)
                                + tx.between("pension", cust, c - 180, c - 90))
        matured = tx.between("matured", cust, c - 90, c)
        matured_out = np.minimum(matured, outflow)
        f["log_matured_out_90d"] = _log_money(matured_out)

        f["products_open"], closed_90, f["liabilities_open"] = self._products(cust, c)
        f["products_closed_90d"] = closed_90

        f["logins_1m"] = self._month_values(self.logins, col)[cust]
        recent = np.column_stack([self._month_values(self.logins, col - k)[cust] for k in range(3)])
        before = np.column_stack([self._month_values(self.logins, col - k)[cust] for k in range(3, 6)])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            l3, lp3 = np.nanmean(recent, axis=1), np.nanmean(before, axis=1)
        f["logins_3m"] = l3
        f["logins_trend_3m"] = np.clip((l3 - lp3) / np.maximum(lp3, 1.0), -1.0, 3.0)

        last_contact = self._last_key_day(self.contact_keys, cust, c)
        f["days_since_contact"] = np.where(
            last_contact == NO_DAY, CONTACT_CAP, np.minimum(c - last_contact, CONTACT_CAP)).astype("float64")
        f["complaints_180d"] = self._count_keys(self.complaint_keys, cust, c - 180, c).astype("float64")

        frame = pd.DataFrame({name: np.asarray(f[name], dtype="float64") for name in FEATURES},
                             index=pd.Index(self.ids.to_numpy()[cust], name="customer_id"))
        frame["aum"] = aum_now
        frame["net_flow_90d"] = net
        frame["matured_out_90d"] = matured_out
        frame["days_since_salary"] = since_salary
        frame["days_since_pension"] = since_pension
        frame["salary_before"] = tx.between("salary", cust, c - 180, c - 45)
        frame["pension_before"] = tx.between("pension", cust, c - 180, c - 45)
        return frame

    def _recency(self, last: np.ndarray, c: int) -> np.ndarray:
        return np.where(last == NO_DAY, RECENCY_CAP, np.minimum(c - last, RECENCY_CAP)).astype("float64")

    def _products(self, cust: np.ndarray, c: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n = len(self.ids)
        hc, ho, hx = self.holding_cust, self.holding_opened, self.holding_closed
        open_now = (ho <= c) & (hx > c)
        closed_recently = (ho <= c) & (hx > c - 90) & (hx <= c)
        counts = np.bincount(hc[open_now], minlength=n)
        closed = np.bincount(hc[closed_recently], minlength=n)
        liabilities = np.bincount(hc[open_now & self.holding_liability], minlength=n)
        return (counts[cust].astype("float64"), closed[cust].astype("float64"),
                liabilities[cust].astype("float64"))


def month_end_cutoffs(*, as_of: dt.date, count: int, horizon_days: int,
                      earliest: dt.date | None = None) -> list[dt.date]:
    """The latest `count` month ends c with c + horizon <= as_of (a full horizon observed), and
    not before `earliest`; oldest first."""
    out: list[dt.date] = []
    cursor = dt.date(as_of.year, as_of.month, 1) - dt.timedelta(days=1)
    if month_end(as_of.strftime("%Y-%m")) == as_of:
        cursor = as_of
    # as_of - horizon, not cursor + horizon: a portfolio dated 9999-12-31 (a bad row imported
    # before dates were checked) must not overflow the calendar.
    last_cutoff = as_of - dt.timedelta(days=horizon_days)
    while len(out) < count:
        if cursor <= last_cutoff:
            if earliest is not None and cursor < earliest:
                break
            out.append(cursor)
        cursor = dt.date(cursor.year, cursor.month, 1) - dt.timedelta(days=1)
    return sorted(out)
