"""Service tiers (客户分层) with hysteresis, their month-by-month history, and who is due for
contact under each tier's cadence.

Rules (relmgr.domain.segments.TierRules):
- A month's tier input is the mean of `aum_avg` (average daily AUM) over the last
  `average_months` complete months in which the customer was in the portfolio; a month with no
  balance row after opening counts as 0 (the customer held nothing that month).
- Thresholds are inclusive (≥): a 3-month average of exactly 600,000 is WEALTH.
- An upgrade takes effect in the month the average reaches the higher threshold. A downgrade
  takes effect only after `downgrade_months` consecutive months below the current tier's
  threshold, and then to the best tier the customer qualified for during those months (so a
  PRIVATE customer who sits at WEALTH level for 3 months becomes WEALTH, not MASS, even if the
  last of those months alone was at MASS level).
- Only complete months (month end ≤ as_of) are evaluated. A customer with no complete month
  yet is placed by the months they have, including the current partial one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from relmgr.analytics.activity import (
    NO_DAY,
    balance_matrix,
    customer_index,
    day_number,
    day_numbers,
    existence_matrix,
    iso_dates,
    month_end,
    month_range,
)
from relmgr.domain.codes import ContactOutcome
from relmgr.domain.segments import ContactStatus, Tier, TierChange, TierRules

TIER_COLUMNS = ["customer_id", "tier", "tier_since", "avg_aum_3m", "qualifying_tier", "months_below"]
HISTORY_COLUMNS = ["customer_id", "month", "tier", "change", "previous_tier", "avg_aum_3m"]
_CHANGE_CODES = (TierChange.ENTRY, TierChange.UP, TierChange.DOWN)


@dataclasses.dataclass(frozen=True)
class TierResult:
    """`current`: one row per customer (TIER_COLUMNS; tier_since and months are 'YYYY-MM';
    months_below > 0 means a downgrade is pending). `history`: one row per tier change
    (HISTORY_COLUMNS), ENTRY for the first month a customer is in the portfolio."""

    current: pd.DataFrame
    history: pd.DataFrame


def qualifying_rank(aum: np.ndarray, rules: TierRules) -> np.ndarray:
    """Tier rank (0 MASS … 3 PRIVATE) an average alone qualifies for; thresholds inclusive."""
    rank = np.zeros(aum.shape, dtype="int8")
    for tier in (Tier.VIP, Tier.WEALTH, Tier.PRIVATE):
        rank[aum >= rules.threshold(tier)] = tier.rank
    return rank


def tier_months(monthly_balances: pd.DataFrame, *, as_of: dt.date) -> tuple[list[str], bool]:
    """The months to evaluate ('YYYY-MM', oldest first) and whether the last one is partial."""
    as_of_month = as_of.strftime("%Y-%m")
    months = monthly_balances["month"].astype("str")
    months = months[months <= as_of_month]
    first = months.min() if len(months) else as_of_month
    grid = month_range(first, as_of_month)
    return grid, month_end(as_of_month) > as_of


def compute_tiers(*, customers: pd.DataFrame, monthly_balances: pd.DataFrame, as_of: dt.date,
                  rules: TierRules = TierRules()) -> TierResult:
    """Tiers month by month over the whole balance history, so the history falls out."""
    ids = customer_index(customers, as_of=as_of)
    opened = day_numbers(customers.set_index("customer_id").loc[ids, "opened_on"])
    months, last_partial = tier_months(monthly_balances, as_of=as_of)
    ends = np.array([day_number(month_end(m)) for m in months], dtype="int64")
    exists = existence_matrix(opened, ends)
    if last_partial:
        exists[:, -1] = opened <= day_number(as_of)
    aum = np.where(exists, np.nan_to_num(balance_matrix(
        monthly_balances, customers=ids, months=months, column="aum_avg")), 0.0)

    # Rolling mean over the last `average_months` months the customer existed, via cumsums.
    width = rules.average_months
    total = np.cumsum(aum, axis=1)
    count = np.cumsum(exists, axis=1)
    lagged_total = np.zeros_like(total)
    lagged_count = np.zeros_like(count)
    lagged_total[:, width:] = total[:, :-width]
    lagged_count[:, width:] = count[:, :-width]
    n = count - lagged_count
    average = np.divide(total - lagged_total, n, out=np.zeros_like(total), where=n > 0)
    target = qualifying_rank(average, rules)

    size = len(ids)
    tier = np.full(size, -1, dtype="int8")
    since = np.full(size, -1, dtype="int32")
    below = np.zeros(size, dtype="int32")
    best_below = np.full(size, -1, dtype="int8")
    events: list[tuple[np.ndarray, int, np.ndarray, int, np.ndarray]] = []
    for t in range(len(months)):
        here = exists[:, t]
        goal = target[:, t]
        partial = last_partial and t == len(months) - 1
        entry = here & (tier < 0)
        if entry.any():
            events.append((np.flatnonzero(entry), t, goal[entry], 0, np.full(int(entry.sum()), -1)))
            tier[entry], since[entry] = goal[entry], t
        if partial:
            break  # a partial month only places customers who have no complete month yet
        known = here & ~entry
        up = known & (goal > tier)
        if up.any():
            events.append((np.flatnonzero(up), t, goal[up], 1, tier[up].copy()))
            tier[up], since[up] = goal[up], t
        held = known & (goal >= tier)
        below[held], best_below[held] = 0, -1
        sinking = known & (goal < tier)
        below[sinking] += 1
        best_below[sinking] = np.maximum(best_below[sinking], goal[sinking])
        down = sinking & (below >= rules.downgrade_months)
        if down.any():
            events.append((np.flatnonzero(down), t, best_below[down].copy(), 2, tier[down].copy()))
            tier[down], since[down] = best_below[down], t
            below[down], best_below[down] = 0, -1

    ranks = np.array([Tier.from_rank(r).value for r in range(4)] + [None], dtype=object)
    # The column each customer's current figures come from: the last complete month, or the
    # partial one for customers who have no complete month yet.
    last = len(months) - 1
    last_complete = last - 1 if last_partial else last
    fresh = (count[:, last_complete] == 0) if last_complete >= 0 else np.ones(size, dtype=bool)
    column = np.where(fresh, last, last_complete)
    rows = np.arange(size)
    placed = tier >= 0
    current = pd.DataFrame({
        "customer_id": ids.to_numpy()[placed],
        "tier": ranks[tier[placed]],
        "tier_since": np.array(months, dtype=object)[since[placed]],
        "avg_aum_3m": average[rows, column][placed],
        "qualifying_tier": ranks[target[rows, column]][placed],
        "months_below": below[placed],
    })
    history = _history_frame(events, ids, months, average)
    return TierResult(current.reset_index(drop=True), history)


def _history_frame(events: list, ids: pd.Index, months: list[str], average: np.ndarray) -> pd.DataFrame:
    if not events:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in HISTORY_COLUMNS})
    rows = np.concatenate([e[0] for e in events])
    cols = np.concatenate([np.full(len(e[0]), e[1]) for e in events])
    new = np.concatenate([e[2] for e in events]).astype("int64")
    change = np.concatenate([np.full(len(e[0]), e[3]) for e in events])
    previous = np.concatenate([e[4] for e in events]).astype("int64")
    names = np.array([Tier.from_rank(r).value for r in range(4)] + [None], dtype=object)
    frame = pd.DataFrame({
        "customer_id": ids.to_numpy()[rows],
        "month": np.array(months, dtype=object)[cols],
        "tier": names[new],
        "change": np.array([c.value for c in _CHANGE_CODES], dtype=object)[change],
        "previous_tier": names[previous],   # -1 -> None (last element)
        "avg_aum_3m": average[rows, cols],
    })
    return frame.sort_values(["customer_id", "month"], kind="stable").reset_index(drop=True)


CONTACT_COLUMNS = ["customer_id", "tier", "cadence_days", "last_contact_on", "due_on",
                   "days_overdue", "status"]


def contact_due(*, tiers: pd.DataFrame, customers: pd.DataFrame, interactions: pd.DataFrame,
                as_of: dt.date, rules: TierRules = TierRules()) -> pd.DataFrame:
    """Per customer in `tiers` (TierResult.current): the tier's cadence in days, the last
    contact, the due date = last contact (or, never contacted, the opening date) + cadence days,
    days overdue, and a ContactStatus. A contact is any logged interaction on or before as_of
    except an unanswered attempt (NO_ANSWER): trying is not reaching the customer. Customers
    whose record is closed are left out: a cadence is for customers we still serve."""
    frame = tiers[["customer_id", "tier"]].merge(
        customers[["customer_id", "opened_on", "closed_on"]], on="customer_id", how="left")
    today = day_number(as_of)
    reached = interactions[(interactions["outcome"] != ContactOutcome.NO_ANSWER.value).to_numpy()]
    contact_day = pd.Series(day_numbers(reached["occurred_at"]), index=reached["customer_id"])
    last = contact_day[contact_day.to_numpy() <= today].groupby(level=0, sort=False).max()
    last_day = frame["customer_id"].map(last)
    return contact_due_days(
        customer_id=frame["customer_id"].to_numpy(dtype=object), tier=frame["tier"].to_numpy(dtype=object),
        opened_day=day_numbers(frame["opened_on"]),
        closed_day=day_numbers(frame["closed_on"], missing=_NEVER),
        last_contact_day=last_day.fillna(NO_DAY).to_numpy(dtype="int64"), as_of=as_of, rules=rules)


_NEVER = np.iinfo(np.int64).max // 4


def contact_due_days(*, customer_id: np.ndarray, tier: np.ndarray, opened_day: np.ndarray,
                     closed_day: np.ndarray, last_contact_day: np.ndarray, as_of: dt.date,
                     rules: TierRules = TierRules()) -> pd.DataFrame:
    """`contact_due` on per-customer arrays: tier codes, opening and closing days (a day after
    as_of, or never, for an open record) and the last contact that counts (NO_DAY: none) on or
    before as_of."""
    today = day_number(as_of)
    still_open = np.asarray(closed_day) > today
    ids = np.asarray(customer_id, dtype=object)[still_open]
    tier = np.asarray(tier, dtype=object)[still_open]
    last = np.asarray(last_contact_day, dtype="int64")[still_open]
    contacted = last != NO_DAY
    cadence_by_tier = {t.value: rules.cadence_days(t) for t in Tier}
    cadence = pd.Series(tier).map(cadence_by_tier)
    base = np.where(contacted, last, np.asarray(opened_day, dtype="int64")[still_open])
    has_cadence = cadence.notna().to_numpy()
    cadence_days = cadence.fillna(0).to_numpy(dtype="int64")
    due = base + cadence_days
    overdue_days = np.maximum(today - due, 0)
    status = np.where(~has_cadence, ContactStatus.DIGITAL_ONLY.value,
                      np.where(due < today, ContactStatus.OVERDUE.value,
                               np.where(due <= today + rules.due_soon_days, ContactStatus.DUE.value,
                                        ContactStatus.NOT_DUE.value)))
    last_text = np.full(len(last), None, dtype=object)
    last_text[contacted] = iso_dates(last[contacted])
    return pd.DataFrame({
        "customer_id": ids,
        "tier": tier,
        "cadence_days": pd.Series(cadence_days, dtype="Int64").where(has_cadence, pd.NA),
        "last_contact_on": last_text,
        "due_on": np.where(has_cadence, iso_dates(due), None),
        "days_overdue": pd.Series(overdue_days, dtype="Int64").where(has_cadence, pd.NA),
        "status": status,
    })[CONTACT_COLUMNS]


def tier_changes_in(history: pd.DataFrame, *, month: str) -> pd.DataFrame:
    """Tier moves (UP/DOWN, not ENTRY) that took effect in `month` ('YYYY-MM')."""
    moves = history["change"].isin([TierChange.UP.value, TierChange.DOWN.value]).to_numpy()
    return history[moves & (history["month"] == month).to_numpy()].reset_index(drop=True)
