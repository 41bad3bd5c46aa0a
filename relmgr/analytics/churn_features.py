"""Point-in-time churn features and churn labels (issue 5), vectorised over customers.

`ChurnHistory.build(...)` indexes the portfolio's history once — the customer-initiated
transactions per customer and day with running totals, customer × month grids of the money flows,
month-end AUM and digital logins, holding open/close dates, contact dates — so that
`features_at(cutoff)` for 50,000 customers is a handful of binary searches and array operations,
and several cutoffs cost little more than one. The history comes from the portfolio's monthly
aggregates (migrations 0014 and 0015, kept up to date at import), not from the transactions:
tens of thousands of rows instead of millions (issue 16).

Point in time: everything `features_at(c)` returns uses only data dated on or before c:
transactions with txn_date <= c, monthly rows of months up to c's own (which must then end at c:
c is a month end, as every training cutoff is, or the data date), holdings opened on or before c
(and counted closed only if closed_on <= c), contacts on or before c. The churn date
(customers.closed_on) is never a feature; it only decides who is already gone (`churned_at`) and
the labels. tests/analytics/test_churn_features.py alters a customer's future and checks that
their features at the cutoff do not move.

The churn definition is relmgr.domain.churn's (closed, or dormant with AUM below a floor);
`labels(c, horizon)` is 1 for customers not churned at c who are churned at some check date in
(c, c + horizon] (every month end in between and c + horizon itself).

Windows: transaction counts and recency and contacts in days (30/90/180), exact; money flows,
salary and pension counts and maturities in months (3 and 6, the "_90d" columns being 3 months),
the flow table's resolution (see `_FlowGrid`), income recency exact from each month's last credit;
monthly AUM and logins in complete months (1/3/6). Counts and sums look back at most
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
    date_of,
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


_FLOW_SUMS = ("inflow", "outflow", "salary", "pension", "matured")


@dataclasses.dataclass(frozen=True)
class _FlowGrid:
    """customers × consecutive months of the monthly money flows, with windows in months.

    A window ending at a cutoff c counts whole months back from c's own month (whose rows hold
    days up to c only: a month end, or the data date), and the oldest month of a window that
    does not start on a month boundary in proportion (a window of 3 months at 4 December is
    1-4 December, November, October and 27/30 of September): months are the table's
    resolution, and the proportion keeps a window as long at the data date as at a month end."""

    first_month: int                # datetime64[M] as int of the first column
    sums: dict[str, np.ndarray]     # customers × months, 0 where no row
    last_salary: np.ndarray         # customers × months: last salary day up to each month (NO_DAY)
    last_pension: np.ndarray

    @classmethod
    def build(cls, flows: pd.DataFrame, *, ids: pd.Index) -> _FlowGrid:
        """`flows`: customer_id, month (int months since 1970-01), the sums, last_salary and
        last_pension (day numbers, NaN when none), as storage/flow_months.py reads them."""
        month = flows["month"].to_numpy(dtype="float64")
        if np.isnan(month).any():
            raise ValueError("flow_months: a row without a month")
        month = month.astype("int64")
        first = int(month.min()) if len(month) else 0
        span = int(month.max()) - first + 1 if len(month) else 0
        rows = positions_in(ids, flows["customer_id"])
        cols = month - first
        shape = (len(ids), span)
        sums = {name: np.nan_to_num(_grid(rows, cols, flows[name], shape=shape), nan=0.0)
                for name in _FLOW_SUMS}

        def running_last(column: str) -> np.ndarray:
            grid = np.nan_to_num(_grid(rows, cols, flows[column], shape=shape), nan=float(NO_DAY))
            return np.maximum.accumulate(grid, axis=1).astype("int64") if span else grid.astype("int64")

        return cls(first, sums, running_last("last_salary"), running_last("last_pension"))

    def _position(self, c: int) -> tuple[int, float]:
        """(column of c's month, counting from the first; may be outside the grid, where there
        are no rows), and c's place in the months axis: column + share of its month up to c."""
        day = np.datetime64(c, "D")
        month = day.astype("datetime64[M]")
        start = month.astype("datetime64[D]")
        length = ((month + 1).astype("datetime64[D]") - start).astype("int64")
        col = int(month.astype("int64")) - self.first_month
        return col, col + float((day - start).astype("int64") + 1) / float(length)

    def window(self, name: str, cust: np.ndarray, c: int, *, back_from: float, back_to: float = 0.0) -> np.ndarray:
        """Sum of `name` over the months in (t - back_from, t - back_to], t being c's place."""
        grid = self.sums[name]
        _, t = self._position(c)
        j = np.arange(grid.shape[1], dtype="float64")
        end = np.minimum(j + 1.0, t)                  # c's own month holds days up to c only
        width = end - j
        overlap = np.clip(np.minimum(end, t - back_to) - np.maximum(j, t - back_from), 0.0, None)
        weights = np.where(width > 0, overlap / np.where(width > 0, width, 1.0), 0.0)
        return grid[cust] @ weights

    def last_day(self, which: str, cust: np.ndarray, c: int) -> np.ndarray:
        """Day of the last salary / pension credit on or before c (NO_DAY when none)."""
        grid = self.last_salary if which == "salary" else self.last_pension
        col, _ = self._position(c)
        if col < 0 or not grid.shape[1]:
            return np.full(len(cust), NO_DAY, dtype="int64")
        return grid[cust, min(col, grid.shape[1] - 1)]


def aggregate_transactions(transactions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(activity, flows) of `transactions` (customer_id, txn_date or day, amount, kind; all
    kinds) as the portfolio's aggregates hold them (storage/activity_months.py, flow_months.py):
    customer-initiated transactions per customer and day, and money flows per customer and
    month. For frames that do not come from a portfolio (tests, a flat file)."""
    days = (transactions["day"].to_numpy(dtype="int64") if "day" in transactions.columns
            else _days(transactions["txn_date"]))
    kind = transactions["kind"]
    amount = transactions["amount"].to_numpy(dtype="float64")
    made = ~_flags(kind.isin(_SYSTEM_KINDS))
    salary = _flags(kind.eq(TxnKind.SALARY.value))
    pension = _flags(kind.eq(TxnKind.PENSION.value))
    ids = transactions["customer_id"].astype("str").to_numpy()
    frame = pd.DataFrame({
        "customer_id": ids, "day": days,
        "month": days.astype("datetime64[D]").astype("datetime64[M]").astype("int64"),
        "n": made.astype("int64"),
        "inflow": np.where(made & (amount > 0), amount, 0.0),
        "outflow": np.where(made & (amount < 0), -amount, 0.0),
        "salary": salary.astype("float64"), "pension": pension.astype("float64"),
        "matured": np.where(_flags(kind.eq(TxnKind.MATURITY.value)), np.abs(amount), 0.0),
        "last_salary": np.where(salary, days, np.nan), "last_pension": np.where(pension, days, np.nan)})
    activity = (frame[made].groupby(["customer_id", "day"], sort=True)["n"].sum().reset_index())
    flows = frame.groupby(["customer_id", "month"], sort=True).agg(
        **{name: (name, "sum") for name in _FLOW_SUMS},
        last_salary=("last_salary", "max"), last_pension=("last_pension", "max")).reset_index()
    return activity, flows


@dataclasses.dataclass(frozen=True)
class ChurnHistory:
    """The indexed history of one portfolio; build once, ask for any cutoff inside it."""

    ids: pd.Index                   # every customer, sorted
    opened: np.ndarray              # day numbers
    closed: np.ndarray              # day number of customers.closed_on, _FAR when open
    born: np.ndarray                # day numbers (NO_DAY when unknown)
    txns: _RunningIndex             # customer-initiated transactions per day (activity_months)
    flows: _FlowGrid                # money flows per month (flow_months)
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
    through_day: int                # the last day the history holds (the data date)

    @classmethod
    def build(cls, *, customers: pd.DataFrame, activity: pd.DataFrame, flows: pd.DataFrame,
              monthly_balances: pd.DataFrame, holdings: pd.DataFrame, interactions: pd.DataFrame,
              first_txn_day: dt.date | None = None, through: dt.date | None = None) -> ChurnHistory:
        """customers: customer_id, birth_date, opened_on, closed_on. activity: customer_id, day
        (int days since 1970-01-01), n (customer-initiated transactions that day). flows: one
        row per customer and month, the columns of storage/flow_months.py. Both are what the
        portfolio's aggregates hold (`aggregate_transactions` makes them from transactions);
        the caller may have left out what is before `first_txn_day`, and `through` is the last
        day the history holds (the data date; default: the last active day). monthly_balances:
        customer_id, month, aum_end, digital_logins. holdings: customer_id, opened_on,
        closed_on, family. interactions: customer_id, occurred_at, purpose, outcome."""
        ids = pd.Index(customers["customer_id"].astype("str").sort_values().to_numpy(),
                       name="customer_id")
        info = customers.assign(customer_id=customers["customer_id"].astype("str")) \
            .set_index("customer_id").reindex(ids)
        opened = _days(info["opened_on"])
        closed = _days(info["closed_on"], missing=_FAR)
        born = _days(info["birth_date"], missing=NO_DAY)

        cust = positions_in(ids, activity["customer_id"])
        keep = cust >= 0
        days = activity["day"].to_numpy(dtype="int64")[keep]
        txns = _RunningIndex.build(cust[keep], days, {"txns": activity["n"].to_numpy(dtype="float64")[keep]})
        flow_grid = _FlowGrid.build(flows, ids=ids)

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
        last = day_number(through) if through else (int(days.max()) if len(days) else 0)
        return cls(ids, opened, closed, born, txns, flow_grid, months, month_end_days, aum, logins,
                   hcust[hkeep].astype("int64"), hopened, hclosed, liability,
                   np.sort(ikeys), np.sort(ikeys[complaint]), first, last)

    @classmethod
    def from_transactions(cls, *, transactions: pd.DataFrame, **frames: pd.DataFrame) -> ChurnHistory:
        """`build` from the transactions themselves (customer_id, txn_date, amount, kind; all
        kinds), aggregated as the portfolio's tables hold them; `through` is the data date
        when given, else the last transaction's day."""
        activity, flows = aggregate_transactions(transactions)
        through = frames.pop("through", None)
        if through is None and len(transactions):
            through = date_of(int(_days(transactions["txn_date"]).max()))
        return cls.build(activity=activity, flows=flows, through=through, **frames)

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
        if c < self.through_day and cutoff != month_end(cutoff.strftime("%Y-%m")):
            # Its month's flow rows would hold the days after it: only a month end or the
            # data date is a point in time the monthly table can answer for.
            raise ValueError(f"features at {cutoff}: a cutoff before the data date must be a month end")
        cust = (np.flatnonzero(self.opened <= c) if customers is None
                else np.asarray(customers, dtype="int64"))
        tx, fl = self.txns, self.flows
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
        inflow = fl.window("inflow", cust, c, back_from=3)
        outflow = fl.window("outflow", cust, c, back_from=3)
        f["log_inflow_90d"], f["log_outflow_90d"] = _log_money(inflow), _log_money(outflow)
        net = inflow - outflow
        base = np.maximum(np.nan_to_num(before_3m, nan=0.0), _CHANGE_FLOOR)
        f["net_flow_rel_90d"] = np.clip(net / base, -3.0, 3.0)

        since_salary = self._recency(fl.last_day("salary", cust, c), c)
        since_pension = self._recency(fl.last_day("pension", cust, c), c)
        f["days_since_income"] = np.minimum(since_salary, since_pension)
        f["income_90d"] = fl.window("salary", cust, c, back_from=3) + fl.window("pension", cust, c, back_from=3)
        f["income_prev_90d"] = (fl.window("salary", cust, c, back_from=6, back_to=3)
                                + fl.window("pension", cust, c, back_from=6, back_to=3))
        matured = fl.window("matured", cust, c, back_from=3)
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
        frame["salary_before"] = fl.window("salary", cust, c, back_from=6, back_to=1.5)
        frame["pension_before"] = fl.window("pension", cust, c, back_from=6, back_to=1.5)
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
