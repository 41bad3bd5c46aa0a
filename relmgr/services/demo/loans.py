"""Loans, their repayment schedules and customers' credit profiles for the demo portfolio (issue 21).

Every loan is one of the generator's credit holdings (cards, mortgages, consumer and business
loans: who holds them follows archetype, age and wealth, catalogue.py), under the holding's own
key, repaid from the customer's current account. The schedule is monthly, due on the 20th, one
120th of the amount lent; a card owes a minimum payment of a tenth of its balance. The
generator's LOAN_REPAYMENT transactions follow the schedule (`PaidInstalments`): an instalment
in arrears books none, a late or caught-up one is booked on the day it was paid. What goes wrong, and how often:

- Salary stops: the generator's drifting leavers, and here a job loss for about 5% of the
  salaried customers who stay, in one of the last twelve months (`lose_jobs`, which the
  transactions then follow: no more salary credits). About half of the loans of a
  salaried customer whose salary has stopped for good start missing instalments one or two
  months later; of those about a third catch up (some restructured), a fifth default (still
  unpaid after 90 days), the rest stay in arrears.
- Anybody: about 2% of instalments are paid a few days late, and 1% of loans slip into arrears
  for no visible reason, so "salary stopped" is a clue, not the answer.
- A customer who has left repaid their loans (status REPAID, closed on leaving).

The five-category class follows the days past due (0 正常, 1–90 关注, 91–180 次级, 181–360 可疑,
more 损失), one loan in fifty a grade worse (the bank saw more than the days). Credit profiles:
about three customers in four declared an income (salary or pension plus noise, rounded; business
owners and the wealthy from their assets), three in five have a credit score, lower for those in
arrears. Seeded: its own random stream, so the rest of the demo is what it was before.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from relmgr.domain.codes import LoanClass, LoanFamily, LoanStatus
from relmgr.services.demo import catalogue as cat

_FAMILY_OF = {"CC-STD": LoanFamily.CREDIT_CARD, "CC-PLT": LoanFamily.CREDIT_CARD,
              "LN-MTG": LoanFamily.MORTGAGE, "LN-CON": LoanFamily.CONSUMER,
              "LN-BIZ": LoanFamily.BUSINESS}
_RATE = {LoanFamily.MORTGAGE: (3.3, 4.3), LoanFamily.CONSUMER: (3.6, 8.5),
         LoanFamily.BUSINESS: (3.4, 6.0), LoanFamily.CREDIT_CARD: (18.25, 18.25)}
_DUE_DAY = 19                        # day index within the month: the 20th
LOAN_COLUMNS = ["loan_id", "customer_id", "family", "opened_on", "principal", "outstanding", "rate",
                "term_months", "next_due_on", "amount_due", "days_past_due", "status",
                "classification", "repayment_holding_id", "closed_on"]


def classification_for(days_past_due: np.ndarray) -> np.ndarray:
    """The five-category class the days past due alone imply."""
    dpd = np.asarray(days_past_due)
    return np.select([dpd <= 0, dpd <= 90, dpd <= 180, dpd <= 360],
                     [LoanClass.NORMAL.value, LoanClass.SPECIAL_MENTION.value,
                      LoanClass.SUBSTANDARD.value, LoanClass.DOUBTFUL.value],
                     LoanClass.LOSS.value).astype(object)


def _salary_stop_month(salary: np.ndarray) -> np.ndarray:
    """Per customer: the month after their last salary credit when it stopped for good at least
    two months before the data date; -1 otherwise (never salaried, or still paid)."""
    months = salary.shape[1]
    paid = salary > 0
    last = np.where(paid.any(axis=1), months - 1 - np.argmax(paid[:, ::-1], axis=1), -1)
    return np.where((last >= 0) & (last <= months - 3), last + 1, -1)


def lose_jobs(rng: np.random.Generator, pop) -> np.ndarray:
    """A life event: about 5% of the customers paid a salary in the last month who do not leave
    lose their job in one of the last twelve months; their salary credits stop then (pop.salary
    is changed in place, before the transactions are drawn from it). Returns their indices."""
    months = pop.salary.shape[1]
    cal = pop.cal
    stays = pop.churn_day > cal.last_day + 200
    chosen = np.flatnonzero((pop.salary[:, -1] > 0) & stays & (rng.random(len(pop.ids)) < 0.05))
    stop = rng.integers(max(months - 12, 1), months, len(chosen))
    for c, m in zip(chosen, stop, strict=True):
        pop.salary[c, m:] = 0.0
    return chosen


def _next_due_day(cal) -> int:
    """Day index of the first 20th on or after the data date."""
    as_of = cal.as_of
    if as_of.day <= _DUE_DAY + 1:
        return cal.last_day + _DUE_DAY + 1 - as_of.day
    days_in_month = (as_of.replace(month=as_of.month % 12 + 1, day=1, year=as_of.year + as_of.month // 12)
                     - as_of.replace(day=1)).days
    return cal.last_day + days_in_month - as_of.day + _DUE_DAY + 1


def loan_frames(rng: np.random.Generator, pop, holdings, holding_ids: np.ndarray) -> dict[str, pd.DataFrame]:
    """Frames loans, loan_repayments and credit_profiles for the generator's population."""
    cal = pop.cal
    months = len(cal.month_start)
    credit = np.flatnonzero(np.isin(holdings.product, [cat.PRODUCT_IDS.index(p) for p in _FAMILY_OF]))
    pid = np.array(cat.PRODUCT_IDS, dtype=object)[holdings.product[credit]]
    family = np.array([_FAMILY_OF[p].value for p in pid], dtype=object)
    cust = holdings.customer[credit]
    n_loans = len(credit)
    is_card = family == LoanFamily.CREDIT_CARD.value
    current = np.full(len(pop.ids), -1)
    is_cur = holdings.product == cat.PRODUCT_IDS.index("CUR01")
    current[holdings.customer[is_cur]] = np.flatnonzero(is_cur)

    opened = holdings.opened_day[credit]
    closed = holdings.closed_day[credit]
    lent = holdings.opening_amount[credit]
    limit = np.round(rng.choice([1e4, 2e4, 3e4, 5e4, 8e4, 1e5], n_loans), 2)
    limit = np.maximum(limit, np.ceil(holdings.balance[credit] / 1e4) * 1e4)
    principal = np.where(is_card, limit, np.round(lent, -2))
    instalment = np.where(is_card, 0.0, np.round(lent / 120, 2))
    card_min = np.round(np.maximum(holdings.balance[credit] * 0.1, 100.0), 2)
    card_min = np.where(holdings.balance[credit] > 0, card_min, 0.0)
    lo = np.array([_RATE[LoanFamily(f)][0] for f in family])
    hi = np.array([_RATE[LoanFamily(f)][1] for f in family])
    rate = np.round(lo + (hi - lo) * rng.random(n_loans), 2)

    # Who slips: salary stopped for good, then one or two months later; plus a few at random.
    stop = _salary_stop_month(pop.salary)[cust]
    troubled = (stop >= 0) & (rng.random(n_loans) < 0.5)
    first_miss = np.where(troubled, stop + rng.integers(1, 3, n_loans), months + 1)
    random_slip = (rng.random(n_loans) < 0.01)
    first_miss = np.where(random_slip & ~troubled, rng.integers(months - 6, months, n_loans), first_miss)
    slipping = first_miss <= months - 1
    fate = rng.random(n_loans)
    recovers = slipping & (fate < 0.33)
    defaults = slipping & (fate >= 0.33) & (fate < 0.53)
    missed_for = np.where(recovers, rng.integers(1, 4, n_loans), months)   # months unpaid, then caught up

    # The schedule: one instalment per month from the month after opening while the loan runs.
    loan_idx, month = np.repeat(np.arange(n_loans), months), np.tile(np.arange(months), n_loans)
    due = cal.month_start[month] + _DUE_DAY
    end = np.where(closed >= 0, closed, cal.last_day + 1)
    keep = (due > opened[loan_idx]) & (due < end[loan_idx]) & (due <= cal.last_day)
    keep &= ~is_card[loan_idx] | (month >= months - 6)      # card statements: the last six months
    loan_idx, month, due = loan_idx[keep], month[keep], due[keep]
    amount = np.where(is_card[loan_idx], card_min[loan_idx], instalment[loan_idx])
    keep = amount > 0
    loan_idx, month, due, amount = loan_idx[keep], month[keep], due[keep], amount[keep]
    unpaid = (month >= first_miss[loan_idx]) & (month < first_miss[loan_idx] + missed_for[loan_idx])
    caught_up_day = cal.month_start[np.minimum(first_miss + missed_for, months - 1)] + _DUE_DAY + 2
    late = rng.random(len(due)) < 0.02
    paid_day = np.where(late, due + rng.integers(1, 12, len(due)), due)
    paid_day = np.where(unpaid & recovers[loan_idx], caught_up_day[loan_idx], paid_day)
    still_unpaid = (unpaid & ~recovers[loan_idx]) | (paid_day > cal.last_day)
    paid_day = np.where(still_unpaid, -1, paid_day)
    n_rep = len(due)
    repayments = pd.DataFrame({
        "repayment_id": np.arange(1, n_rep + 1),
        "loan_id": holding_ids[credit][loan_idx],
        "due_on": cal.iso(due),
        "amount_due": amount,
        "paid_on": np.where(paid_day >= 0, cal.iso(np.maximum(paid_day, 0)), None),
        "amount_paid": np.where(paid_day >= 0, amount, 0.0),
    })

    oldest_unpaid = np.full(n_loans, cal.last_day + 1)
    np.minimum.at(oldest_unpaid, loan_idx[still_unpaid], due[still_unpaid])
    dpd = np.maximum(cal.last_day - oldest_unpaid, 0)
    repaid = closed >= 0
    elapsed = np.maximum((cal.last_day - opened) // 30, 0)
    outstanding = np.where(is_card, holdings.balance[credit],
                           np.maximum(lent - instalment * np.minimum(elapsed, 120), 0.0))
    outstanding = np.where(repaid, 0.0, np.round(outstanding, 2))
    status = np.where(dpd > 0, LoanStatus.IN_ARREARS.value, LoanStatus.CURRENT.value).astype(object)
    status = np.where(defaults & (dpd > 90), LoanStatus.DEFAULTED.value, status)
    status = np.where(recovers & (dpd == 0) & (rng.random(n_loans) < 0.4),
                      LoanStatus.RESTRUCTURED.value, status)
    status = np.where(repaid, LoanStatus.REPAID.value, status)
    grade = classification_for(dpd)
    order = [c.value for c in LoanClass]
    worse = (rng.random(n_loans) < 0.02) & (grade != LoanClass.LOSS.value)
    grade = np.where(worse, np.array([order[min(order.index(g) + 1, 4)] for g in grade], dtype=object), grade)
    grade = np.where(status == LoanStatus.RESTRUCTURED.value,
                     np.where(grade == LoanClass.NORMAL.value, LoanClass.SPECIAL_MENTION.value, grade), grade)
    next_due = _next_due_day(cal)
    amount_due = np.where(is_card, card_min, instalment)
    loans = pd.DataFrame({
        "loan_id": holding_ids[credit],
        "customer_id": pop.ids[cust],
        "family": family,
        "opened_on": cal.iso(opened),
        "principal": principal,
        "outstanding": outstanding,
        "rate": rate,
        "term_months": np.where(is_card, None, 120).astype(object),
        "next_due_on": np.where(repaid, None, cal.iso(np.full(n_loans, next_due))),
        "amount_due": np.where(repaid, None, amount_due).astype(object),
        "days_past_due": np.where(repaid, 0, dpd),
        "status": status,
        "classification": np.where(repaid, None, grade),
        "repayment_holding_id": np.where(current[cust] >= 0, holding_ids[np.maximum(current[cust], 0)], None),
        "closed_on": np.where(repaid, cal.iso(np.maximum(closed, 0)), None),
    })
    return {"loans": loans[LOAN_COLUMNS], "loan_repayments": repayments,
            "credit_profiles": _credit_profiles(rng, pop, cust[dpd > 0])}


@dataclasses.dataclass(frozen=True)
class PaidInstalments:
    """The schedule's paid instalments, keyed by holding index * months + month of the due date
    (sorted): the day each was paid and the amount."""

    months: int
    keys: np.ndarray
    day: np.ndarray
    amount: np.ndarray

    @classmethod
    def from_schedule(cls, repayments: pd.DataFrame, holding_ids: np.ndarray, cal) -> PaidInstalments:
        paid = repayments[repayments["paid_on"].notna().to_numpy()]
        holding = pd.Index(holding_ids).get_indexer(paid["loan_id"])
        due = (paid["due_on"].to_numpy(dtype="datetime64[D]") - np.datetime64(cal.start, "D")).astype(np.int64)
        keys = holding.astype(np.int64) * len(cal.month_start) + cal.month_of(due)
        day = (paid["paid_on"].to_numpy(dtype="datetime64[D]") - np.datetime64(cal.start, "D")).astype(np.int64)
        order = np.argsort(keys, kind="stable")
        return cls(len(cal.month_start), keys[order], day[order],
                   paid["amount_paid"].to_numpy(dtype=float)[order])

    def lookup(self, holding: np.ndarray, month: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(day paid, amount) of each (holding, month) instalment; day -1 when unpaid."""
        keys = holding.astype(np.int64) * self.months + month
        if not len(self.keys):
            return np.full(len(keys), -1, np.int64), np.zeros(len(keys))
        pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        hit = self.keys[pos] == keys
        return np.where(hit, self.day[pos], -1), np.where(hit, self.amount[pos], 0.0)


def _credit_profiles(rng: np.random.Generator, pop, in_arrears: np.ndarray) -> pd.DataFrame:
    cal, n = pop.cal, len(pop.ids)
    recent = slice(max(pop.salary.shape[1] - 6, 0), None)
    earned = np.maximum(pop.salary[:, recent].max(axis=1), pop.pension[:, recent].max(axis=1))
    earned = np.where(earned > 0, earned, np.maximum(pop.wealth * rng.uniform(0.005, 0.02, n), 2500.0))
    income = np.round(earned * np.exp(0.2 * rng.standard_normal(n)) / 500) * 500
    declared = rng.random(n) < 0.75
    income_on = cal.last_day - rng.integers(0, 720, n)
    arrears = np.zeros(n, bool)
    arrears[in_arrears] = True
    score = 640 + 60 * rng.standard_normal(n) + 25 * np.log10(np.maximum(pop.wealth, 1e3) / 1e5)
    score = np.clip(np.round(score - np.where(arrears, 110, 0)), 350, 950).astype(int)
    scored = rng.random(n) < 0.6
    score_on = cal.last_day - rng.integers(0, 400, n)
    keep = declared | scored
    source = rng.choice(np.array(["征信中心", "百行征信", "行内评分"], dtype=object), n, p=[0.6, 0.15, 0.25])
    return pd.DataFrame({
        "customer_id": pop.ids,
        "monthly_income": np.where(declared, income, None).astype(object),
        "income_on": np.where(declared, cal.iso(np.maximum(income_on, pop.opened_day)), None),
        "credit_score": pd.Series(score).astype("Int64").where(scored),
        "score_source": np.where(scored, source, None),
        "score_on": np.where(scored, cal.iso(np.maximum(score_on, pop.opened_day)), None),
    })[keep].reset_index(drop=True)


HISTORY_MONTHS = 12


def arrears_history(loans: pd.DataFrame, repayments: pd.DataFrame, as_of) -> list[tuple[str, str, int, pd.DataFrame]]:
    """The arrears snapshots an import each month would have kept (migration 0017), for the
    `HISTORY_MONTHS` month ends before the data date's month: (month, month end, live loans,
    rows: loan_id, family, bucket, days past due, outstanding). The demo's schedule is the whole
    truth, so a month end's days past due are those since the oldest instalment due by then and
    not paid by then; its outstanding is what is owed now plus what was repaid since (at most
    what was lent; a card's is its balance now)."""
    from relmgr.analytics.loan_watch import buckets_of

    day = lambda column: pd.to_datetime(column, errors="coerce").to_numpy(dtype="datetime64[D]")  # noqa: E731
    ids = pd.Index(loans["loan_id"])
    at = ids.get_indexer(repayments["loan_id"])
    due, paid = day(repayments["due_on"]), day(repayments["paid_on"])
    amount_paid = repayments["amount_paid"].to_numpy(dtype=float)
    opened, closed = day(loans["opened_on"]), day(loans["closed_on"])
    outstanding = pd.to_numeric(loans["outstanding"], errors="coerce").fillna(0.0).to_numpy()
    principal = pd.to_numeric(loans["principal"], errors="coerce").fillna(np.inf).to_numpy()
    is_card = (loans["family"] == LoanFamily.CREDIT_CARD.value).to_numpy()
    first = pd.Period(as_of, freq="M") - HISTORY_MONTHS
    out = []
    for k in range(HISTORY_MONTHS):
        month = first + k
        end = np.datetime64(month.end_time.date(), "D")
        live = (opened <= end) & (np.isnat(closed) | (closed > end))
        unpaid = (due <= end) & (np.isnat(paid) | (paid > end))
        oldest = np.full(len(ids), np.datetime64("NaT"), dtype="datetime64[D]")
        never = np.iinfo(np.int64).max
        o = np.full(len(ids), never, np.int64)
        np.minimum.at(o, at[unpaid], due[unpaid].astype(np.int64))
        has = o != never
        oldest[has] = o[has].astype("datetime64[D]")
        dpd = np.where(has, (end - oldest).astype("timedelta64[D]").astype(np.float64), 0.0)
        since = (paid > end) & ~np.isnat(paid)
        repaid_since = np.bincount(at[since], weights=amount_paid[since], minlength=len(ids))
        then = np.where(is_card, outstanding, np.minimum(outstanding + repaid_since, principal))
        buckets = buckets_of(pd.Series(dpd))
        late = live & pd.notna(buckets)
        rows = pd.DataFrame({"loan_id": loans["loan_id"].to_numpy()[late], "family": loans["family"].to_numpy()[late],
                             "bucket": buckets[late], "days_past_due": dpd[late].astype(int),
                             "outstanding": np.round(then[late], 2)})
        out.append((str(month), str(end), int(live.sum()), rows))
    return out
