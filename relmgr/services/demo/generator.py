"""Generate a synthetic but realistic branch portfolio, vectorised with numpy.

How the story is told, in order:
1. People: archetype, age, wealth, tenure, digital habits, risk rating (people.py).
2. Fate: every customer has a monthly churn hazard (higher for the young and the mass segment,
   lower for retirees). About two thirds of those who leave drift first — AUM falls, activity and
   logins thin out, salary or pension credits stop, a time deposit matures and is moved out — over
   2–6 months; the rest leave abruptly (a competitor's offer, a move). Some who stay dip for a few
   months and recover, and salary credits sometimes pause for a month. Customers whose departure
   lies just after the data date are drifting now: they are the ones an RM can still save.
3. Monthly grids (customers × months): AUM, activity rate, salary, logins.
4. Holdings follow archetype propensities (catalogue.py) within suitability and age rules.
5. Transactions are expanded from the grids in chunks of customers, each with its own seeded
   random stream, so branch scale (50,000 customers, ~5M transactions) fits in memory and the
   output does not depend on how it is consumed.

Signals are deliberately partial and noisy (see DESIGN.md §4): a churn model that scores 0.99 on
this data would mean the generator is too easy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from relmgr.domain.codes import Channel, TxnKind
from relmgr.services.demo import catalogue as cat
from relmgr.services.demo.people import draw_id_numbers, draw_names, draw_phones

HISTORY_MONTHS = 30                    # 2.5 years of history up to the data date
CHUNK_CUSTOMERS = 5_000                # customers per transaction chunk (fixed: part of the seed)
_NEVER = 10**6                         # day index of a departure that never happens

A = {name: i for i, name in enumerate(cat.ARCHETYPES)}
# Per archetype, in ARCHETYPES order.
_AGE_RANGE = ((22, 35), (30, 50), (28, 60), (60, 85), (35, 70), (18, 65))
_WEALTH_MEDIAN = np.array([40e3, 120e3, 300e3, 250e3, 2.5e6, 15e3])
_WEALTH_SIGMA = np.array([1.0, 0.9, 1.1, 0.9, 0.8, 1.1])
_CHURN_HAZARD = np.array([0.0125, 0.0070, 0.0095, 0.0045, 0.0080, 0.0120])  # per month
_ACTIVITY = np.array([3.4, 3.0, 4.2, 1.3, 2.1, 1.9])      # customer-initiated txns per month
_LOGINS = np.array([18.0, 10.0, 8.0, 1.5, 6.0, 6.0])       # digital logins per month
_DIGITAL = np.array([0.9, 0.7, 0.6, 0.2, 0.5, 0.6])        # share of txns on mobile/online
_SALARIED = np.array([0.85, 0.85, 0.0, 0.0, 0.3, 0.6])
_SALARY = np.array([12e3, 15e3, 0.0, 0.0, 40e3, 6e3])
_RISK_P = np.array([                                        # C1..C5 by archetype
    [0.10, 0.25, 0.35, 0.20, 0.10], [0.15, 0.35, 0.35, 0.12, 0.03],
    [0.05, 0.20, 0.35, 0.25, 0.15], [0.45, 0.40, 0.13, 0.02, 0.00],
    [0.03, 0.15, 0.35, 0.30, 0.17], [0.30, 0.40, 0.22, 0.06, 0.02]])
_OCCUPATIONS = (("软件工程师", "设计师", "教师", "医生", "销售经理", "公务员"),
                ("教师", "工程师", "会计", "医生", "公务员", "企业职员"),
                ("个体工商户", "企业主", "贸易商"),
                ("退休",),
                ("企业高管", "企业主", "律师", "投资人"),
                ("企业职员", "服务业", "自由职业", "工人", "司机"))
# Tags the bank's system carries (imported, ';'-separated): from the occupation, so drawing them
# takes nothing from the random streams the rest of the demo is drawn from.
_TAGS_BY_OCCUPATION = {"个体工商户": "小微企业主", "企业主": "小微企业主;企业客户", "贸易商": "小微企业主",
                       "退休": "养老金客户", "公务员": "代发工资", "教师": "代发工资", "医生": "代发工资"}

# Random (customer-initiated) transaction kinds, their typical size and direction.
_RANDOM_KINDS = (TxnKind.DEPOSIT, TxnKind.WITHDRAWAL, TxnKind.TRANSFER_OUT, TxnKind.TRANSFER_IN,
                 TxnKind.CARD_SPEND, TxnKind.BILL_PAY)
_KIND_P = np.array([                                        # by archetype
    [0.08, 0.08, 0.22, 0.12, 0.35, 0.15], [0.10, 0.10, 0.20, 0.10, 0.30, 0.20],
    [0.18, 0.10, 0.27, 0.25, 0.10, 0.10], [0.30, 0.35, 0.10, 0.05, 0.05, 0.15],
    [0.15, 0.05, 0.30, 0.25, 0.15, 0.10], [0.12, 0.20, 0.18, 0.10, 0.25, 0.15]])
_KIND_SIZE = np.array([3000.0, 1000.0, 2500.0, 3000.0, 300.0, 400.0])
_KIND_SIGN = np.array([1.0, -1.0, -1.0, 1.0, -1.0, -1.0])

KIND_CODES = tuple(k.value for k in TxnKind)
_K = {k: i for i, k in enumerate(TxnKind)}
CHANNEL_CODES = tuple(c.value for c in Channel)
_C = {c: i for i, c in enumerate(Channel)}


@dataclass(frozen=True)
class Calendar:
    """Day and month indices of the history window; day 0 is the first day of the first month."""

    as_of: dt.date
    start: dt.date
    last_day: int                    # day index of as_of
    month_start: np.ndarray          # day index of each month's first day
    month_len: np.ndarray            # days of each month inside the window
    day_iso: np.ndarray              # ISO text of every day index from start - 16 years

    @classmethod
    def for_date(cls, as_of: dt.date) -> Calendar:
        first = dt.date(as_of.year, as_of.month, 1)
        months = []
        for back in range(HISTORY_MONTHS - 1, -1, -1):
            y, m = divmod(first.year * 12 + first.month - 1 - back, 12)
            months.append(dt.date(y, m + 1, 1))
        start = months[0]
        starts = np.array([(m - start).days for m in months])
        last_day = (as_of - start).days
        lens = np.diff(np.append(starts, last_day + 1))
        origin = start - dt.timedelta(days=_PAST_DAYS)
        iso = np.array([(origin + dt.timedelta(days=i)).isoformat()
                        for i in range(_PAST_DAYS + last_day + 1500)], dtype=object)
        return cls(as_of, start, last_day, starts, lens, iso)

    def iso(self, days: np.ndarray) -> np.ndarray:
        """ISO dates for day indices (negative = before the window)."""
        return self.day_iso[np.asarray(days) + _PAST_DAYS]

    def month_of(self, days: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.month_start, days, side="right") - 1


_PAST_DAYS = 16 * 366 + 400          # how far before the window an account may have been opened


@dataclass
class Population:
    """Customer-level draws and the customers × months grids the transactions come from."""

    cal: Calendar
    ids: np.ndarray                  # customer_id (object array of str)
    archetype: np.ndarray
    wealth: np.ndarray
    opened_day: np.ndarray
    churn_day: np.ndarray            # _NEVER when the customer does not leave
    closes_all: np.ndarray           # on leaving: close every account (else go dormant)
    digital: np.ndarray
    activity: np.ndarray             # customer-initiated transactions per month (n × months)
    salary: np.ndarray               # salary credit amount per month, 0 when none (n × months)
    pension: np.ndarray
    aum_end: np.ndarray              # NaN before the customer opened (n × months)
    aum_avg: np.ndarray
    logins: np.ndarray
    salary_day: np.ndarray


def _draw_population(rng: np.random.Generator, n: int, cal: Calendar) -> tuple[Population, dict]:
    months = len(cal.month_start)
    arch = rng.choice(len(cat.ARCHETYPES), n, p=np.array(cat.ARCHETYPE_WEIGHTS))
    lo = np.array([r[0] for r in _AGE_RANGE])[arch]
    hi = np.array([r[1] for r in _AGE_RANGE])[arch]
    age_days = rng.integers(lo * 365, hi * 365 + 365)
    birth = [cal.as_of - dt.timedelta(days=int(d)) for d in age_days]
    male = rng.random(n) < np.where(np.isin(arch, [A["BUSINESS_OWNER"], A["HNW"]]), 0.6, 0.48)
    wealth = np.exp(np.log(_WEALTH_MEDIAN[arch]) + _WEALTH_SIGMA[arch] * rng.standard_normal(n))

    # Tenure: most customers predate the window; about one in six joined during it.
    joined_in_window = rng.random(n) < 0.17
    adult_day = cal.last_day - age_days + 18 * 365
    opened_day = np.where(joined_in_window, rng.integers(0, cal.last_day - 20, n),
                          -rng.integers(30, 15 * 365, n))
    opened_day = np.where(joined_in_window, opened_day, np.maximum(opened_day, np.minimum(adult_day, -30)))
    first_day = np.maximum(opened_day, 0)

    # Fate. Low-engagement customers leave more often; new ones are shakier in their first year.
    engagement = np.exp(0.35 * rng.standard_normal(n))
    hazard = _CHURN_HAZARD[arch] * engagement ** -1.2 * np.where(joined_in_window, 1.4, 1.0)
    months_to_leave = rng.geometric(np.clip(hazard, 1e-4, 0.5))
    churn_day = first_day + 45 + ((months_to_leave - rng.random(n)) * 30.44).astype(int)
    churn_day = np.where(churn_day > cal.last_day + 200, _NEVER, churn_day)
    closes_all = rng.random(n) < 0.6
    drifts = (rng.random(n) < 0.65) & (churn_day < _NEVER)
    drift_len = rng.integers(2, 7, n) * 30.44

    mid = cal.month_start + cal.month_len / 2
    to_leave = churn_day[:, None] - mid[None, :]
    in_drift = drifts[:, None] & (to_leave > 0) & (to_leave < drift_len[:, None])
    progress = np.clip(1 - to_leave / drift_len[:, None], 0, 1)
    aum_mult = np.where(in_drift, 1 - progress * (1 - rng.uniform(0.15, 0.6, n))[:, None], 1.0)
    act_mult = np.where(in_drift, 1 - progress * (1 - rng.uniform(0.2, 0.6, n))[:, None], 1.0)

    # False alarms: a dip of 2–4 months that recovers (a big purchase, money parked elsewhere).
    dips = rng.random(n) < 0.12
    dip_start = rng.integers(0, months, n)
    dip_len = rng.integers(2, 5, n)
    m_idx = np.arange(months)[None, :]
    in_dip = dips[:, None] & (m_idx >= dip_start[:, None]) & (m_idx < (dip_start + dip_len)[:, None])
    aum_mult = aum_mult * np.where(in_dip, rng.uniform(0.4, 0.75, n)[:, None], 1.0)
    act_mult = act_mult * np.where(in_dip, rng.uniform(0.5, 0.85, n)[:, None], 1.0)

    start_month = cal.month_of(first_day)
    exists = m_idx >= start_month[:, None]
    month_end = cal.month_start + cal.month_len - 1
    left = churn_day[:, None] <= month_end[None, :]
    alive_share = np.clip((churn_day[:, None] - cal.month_start[None, :]) / cal.month_len[None, :], 0, 1)
    alive_share = alive_share * exists

    walk = np.cumsum(rng.normal(0.004, 0.045, (n, months)), axis=1)
    seasonal = 1 + np.where(arch == A["BUSINESS_OWNER"], 0.15, 0.03)[:, None] * np.sin(
        2 * np.pi * (m_idx + rng.integers(0, 12, n)[:, None]) / 12)
    ramp = np.clip(0.25 + 0.2 * (m_idx - start_month[:, None]), 0.25, 1.0)
    aum = wealth[:, None] * np.exp(walk - walk[:, -1:]) * aum_mult * seasonal * ramp
    residual = rng.uniform(5, 800, n)[:, None]
    aum = np.where(left, np.where(closes_all[:, None], 0.0, residual), aum)
    aum = np.where(exists, aum, np.nan)
    prev = np.concatenate([aum[:, :1] * 0.8, aum[:, :-1]], axis=1)
    aum_avg = np.where(np.isnan(prev), aum * 0.7, (prev + aum) / 2) * rng.normal(1, 0.02, (n, months))
    aum_avg = np.where(left & closes_all[:, None], 0.0, np.abs(aum_avg))

    # Salary and pension credits: they stop 1–3 months before a drifting salaried customer leaves,
    # and pause for a month now and then for anybody.
    stop_day = np.where(drifts & (rng.random(n) < 0.7), churn_day - rng.integers(30, 95, n), churn_day)
    salary_day = rng.choice(np.array([5, 10, 15, 25]), n)
    pay_day = cal.month_start[None, :] + np.minimum(salary_day[:, None], cal.month_len[None, :]) - 1
    paid = exists & (pay_day < stop_day[:, None]) & (pay_day >= first_day[:, None]) & (
        pay_day <= cal.last_day) & (rng.random((n, months)) > 0.025) & ~(in_dip & (rng.random((n, months)) < 0.3))
    salaried = rng.random(n) < _SALARIED[arch]
    salary_amount = _SALARY[arch] * np.exp(0.35 * rng.standard_normal(n))
    salary = np.where(paid & salaried[:, None], salary_amount[:, None], 0.0)
    pensioned = (arch == A["RETIREE"]) & (rng.random(n) < 0.9)
    pension_amount = rng.uniform(2500, 9000, n)
    pension = np.where(paid & pensioned[:, None], pension_amount[:, None], 0.0)

    activity = _ACTIVITY[arch][:, None] * engagement[:, None] * act_mult * alive_share
    logins = rng.poisson(_LOGINS[arch][:, None] * np.exp(0.5 * rng.standard_normal(n))[:, None]
                         * act_mult ** 1.5 * alive_share)
    digital = np.clip(_DIGITAL[arch] + 0.15 * rng.standard_normal(n), 0.05, 0.98)

    ids = np.array([f"C{100001 + i:07d}" for i in range(n)], dtype=object)
    population = Population(cal, ids, arch, wealth, opened_day, churn_day, closes_all, digital,
                            activity, salary, pension, aum, aum_avg, logins, salary_day)
    people = {"birth": birth, "male": male, "first_day": first_day, "drifts": drifts,
              "drift_start": churn_day - drift_len.astype(int), "left": left}
    return population, people


def _customers_frame(rng: np.random.Generator, pop: Population, people: dict) -> pd.DataFrame:
    cal, n = pop.cal, len(pop.ids)
    male = people["male"]
    ids, cities = draw_id_numbers(rng, people["birth"], male)
    rating = np.array([rng.choice(5, p=_RISK_P[a]) for a in pop.archetype]) + 1
    assessed = cal.last_day - rng.integers(0, 540, n)          # about a third have expired
    assessed = np.maximum(assessed, pop.opened_day)
    occupation = [_OCCUPATIONS[a][rng.integers(0, len(_OCCUPATIONS[a]))] for a in pop.archetype]
    preferred = np.where(pop.digital > 0.6, "MOBILE", np.where(pop.digital < 0.35, "BRANCH", "ONLINE"))
    closed = (pop.churn_day <= cal.last_day) & pop.closes_all
    return pd.DataFrame({
        "customer_id": pop.ids,
        "name": draw_names(rng, male),
        "id_number": ids,
        "phone": draw_phones(rng, n),
        "gender": np.where(male, "M", "F"),
        "birth_date": [d.isoformat() for d in people["birth"]],
        "city": cities,
        "occupation": occupation,
        "risk_rating": [f"C{r}" for r in rating],
        "risk_assessed_on": cal.iso(assessed),
        "preferred_channel": preferred,
        "opened_on": cal.iso(pop.opened_day),
        "closed_on": np.where(closed, cal.iso(np.minimum(pop.churn_day, cal.last_day)), None),
        "tags": [_TAGS_BY_OCCUPATION.get(o, "") for o in occupation],
    })


@dataclass
class Holdings:
    """Holdings as parallel arrays (one entry per holding)."""

    customer: np.ndarray
    product: np.ndarray              # index into catalogue.PRODUCT_IDS
    opened_day: np.ndarray
    maturity_day: np.ndarray         # -1 when the product has no term
    closed_day: np.ndarray           # -1 while open
    balance: np.ndarray
    status: np.ndarray               # object array of HoldingStatus codes
    opening_amount: np.ndarray


def _draw_holdings(rng: np.random.Generator, pop: Population, people: dict,
                   customers: pd.DataFrame) -> Holdings:
    cal, n = pop.cal, len(pop.ids)
    rating = customers["risk_rating"].str[1].astype(int).to_numpy()
    age = (cal.as_of - pd.to_datetime(customers["birth_date"]).dt.date).map(lambda d: d.days // 365).to_numpy()
    upper_open = np.minimum(pop.churn_day - 5, cal.last_day - 3)
    rows: list[tuple[np.ndarray, int]] = [(np.arange(n), cat.PRODUCT_IDS.index("CUR01"))]
    holds_platinum = np.zeros(n, bool)
    for pid in cat.PRODUCT_IDS[1:]:
        prob = np.array([cat.HOLDING_PROPENSITY[pid][a] for a in cat.ARCHETYPES])[pop.archetype]
        lo_age, hi_age = cat.AGE_RANGE[pid]
        has = ((rng.random(n) < prob) & (cat.RISK[pid] <= rating) & (age >= lo_age) & (age <= hi_age)
               & (pop.wealth >= cat.MIN_AMOUNT[pid]) & (upper_open > people["first_day"]))
        if pid == "CC-PLT":
            holds_platinum = has
        if pid == "CC-STD":
            has &= ~holds_platinum
        rows.append((np.flatnonzero(has), cat.PRODUCT_IDS.index(pid)))
    customer = np.concatenate([c for c, _ in rows])
    product = np.concatenate([np.full(len(c), p) for c, p in rows])
    order = np.lexsort((product, customer))
    customer, product = customer[order], product[order]
    h = len(customer)

    term = np.array([cat.TERM_DAYS[p] or 0 for p in cat.PRODUCT_IDS])[product]
    lo = np.maximum(pop.opened_day[customer], cal.last_day - 8 * 365)
    hi = upper_open[customer]
    opened = lo + (rng.random(h) * np.maximum(hi - lo, 1)).astype(int)
    # A term product still held has not matured yet, so it was opened less than a term ago.
    current_term = (term > 0) & (pop.churn_day[customer] > cal.last_day)
    recent = cal.last_day - (rng.random(h) * term).astype(int)
    opened = np.where(current_term, np.maximum(recent, pop.opened_day[customer]), opened)
    is_current = product == cat.PRODUCT_IDS.index("CUR01")
    opened = np.where(is_current, pop.opened_day[customer], opened)
    maturity = np.where(term > 0, opened + term, -1)

    # Balances: split each customer's final AUM over their asset holdings.
    liability = np.array([cat.FAMILY[p].is_liability for p in cat.PRODUCT_IDS])[product]
    weight = rng.gamma(2.0, 1.0, h) * np.where(is_current, 0.8, 1.0)
    weight = np.where(liability, 0.0, weight)
    totals = np.bincount(customer, weights=weight, minlength=n)
    final_aum = np.nan_to_num(pop.aum_end[:, -1])
    balance = final_aum[customer] * weight / totals[customer]
    min_amount = np.array([cat.MIN_AMOUNT[p] for p in cat.PRODUCT_IDS])[product]
    balance = np.where(liability | is_current, balance, np.maximum(balance, min_amount))
    loan_size = {"LN-MTG": (2e5, 2e6), "LN-CON": (2e4, 2e5), "LN-BIZ": (3e5, 3e6),
                 "CC-STD": (0, 2e4), "CC-PLT": (0, 6e4)}
    for pid, (a, b) in loan_size.items():
        mask = product == cat.PRODUCT_IDS.index(pid)
        balance = np.where(mask, rng.uniform(a, b, h), balance)
    opening_amount = np.where(liability, balance, balance * rng.uniform(0.8, 1.1, h))

    # What leaving does to the accounts.
    gone = pop.churn_day[customer] <= cal.last_day
    keeps_dormant = gone & ~pop.closes_all[customer] & is_current
    closed_day = np.where(gone & ~keeps_dormant, pop.churn_day[customer], -1)
    status = np.where(gone, np.where(keeps_dormant, "DORMANT", "CLOSED"), "ACTIVE").astype(object)
    balance = np.where(gone, np.where(keeps_dormant, np.nan_to_num(pop.aum_end[customer, -1]), 0.0), balance)
    # Asset totals must agree with the monthly AUM at the data date.
    asset_total = np.bincount(customer, weights=np.where(liability, 0.0, balance), minlength=n)
    scale = np.where(final_aum > 0, asset_total / np.where(final_aum > 0, final_aum, 1), 1.0)
    pop.aum_end *= scale[:, None]
    pop.aum_avg *= scale[:, None]
    return Holdings(customer, product, opened, maturity, closed_day, np.round(balance, 2), status,
                    np.round(opening_amount, 2))


def _add_maturity_exits(rng: np.random.Generator, pop: Population, people: dict,
                        holdings: Holdings) -> np.ndarray:
    """Half of the drifting leavers with a deposit see it mature and move the money out.
    Returns the indices of those holdings (their maturity falls in the drift)."""
    term_families = {cat.PRODUCT_IDS.index(p) for p in cat.PRODUCT_IDS
                     if cat.FAMILY[p] in (cat.F.TIME_DEPOSIT, cat.F.LARGE_CD)}
    candidates = np.isin(holdings.product, list(term_families)) & people["drifts"][holdings.customer]
    candidates &= pop.churn_day[holdings.customer] <= pop.cal.last_day
    idx = np.flatnonzero(candidates)
    idx = idx[np.unique(holdings.customer[idx], return_index=True)[1]]   # one per customer
    idx = idx[rng.random(len(idx)) < 0.5]
    cust = holdings.customer[idx]
    start = np.maximum(people["drift_start"][cust], people["first_day"][cust] + 10)
    maturity = np.minimum(start + rng.integers(0, 30, len(idx)), pop.churn_day[cust] - 7)
    term = np.array([cat.TERM_DAYS[p] or 0 for p in cat.PRODUCT_IDS])[holdings.product[idx]]
    holdings.maturity_day[idx] = maturity
    holdings.opened_day[idx] = np.maximum(maturity - term, pop.opened_day[cust])
    holdings.closed_day[idx] = maturity
    holdings.opening_amount[idx] = np.round(pop.wealth[cust] * rng.uniform(0.1, 0.4, len(idx)), 2)
    return idx


@dataclass
class TxnChunk:
    """Transactions of one chunk of customers as parallel arrays, sorted by customer and date."""

    customer: np.ndarray             # customer index
    day: np.ndarray
    amount: np.ndarray
    kind: np.ndarray                 # index into KIND_CODES
    channel: np.ndarray              # index into CHANNEL_CODES
    holding: np.ndarray              # holding index, -1 for none

    def __len__(self) -> int:
        return len(self.customer)


def _transactions(rng: np.random.Generator, pop: Population, holdings: Holdings,
                  maturity_exits: np.ndarray, customers: slice, paid=None) -> TxnChunk:
    """The transactions of the customers in `customers`. `paid` (demo/loans.py PaidInstalments):
    the loan schedule's paid instalments, which the repayments follow (an instalment in arrears
    books none, a late one is booked the day it was paid); None books every instalment on time."""
    cal = pop.cal
    lo, hi = customers.start, customers.stop
    parts: list[tuple] = []

    def add(cust, day, amount, kind, channel, holding):
        parts.append((cust, day, amount, kind, channel, holding))

    current_of = np.full(len(pop.ids), -1)
    is_current = holdings.product == cat.PRODUCT_IDS.index("CUR01")
    current_of[holdings.customer[is_current]] = np.flatnonzero(is_current)
    card_of = np.full(len(pop.ids), -1)
    is_card = np.isin(holdings.product, [cat.PRODUCT_IDS.index("CC-STD"), cat.PRODUCT_IDS.index("CC-PLT")])
    card_of[holdings.customer[is_card]] = np.flatnonzero(is_card)

    def digital_channel(cust):
        r = rng.random(len(cust))
        d = pop.digital[cust]
        return np.where(r < d * 0.8, _C[Channel.MOBILE], np.where(r < d, _C[Channel.ONLINE], _C[Channel.BRANCH]))

    # 1. Everyday activity.
    counts = rng.poisson(pop.activity[lo:hi])
    cust, month = np.nonzero(counts)
    reps = counts[cust, month]
    cust, month = np.repeat(cust + lo, reps), np.repeat(month, reps)
    day = cal.month_start[month] + (rng.random(len(cust)) * cal.month_len[month]).astype(int)
    keep = (day >= pop.opened_day[cust]) & (day < pop.churn_day[cust]) & (day <= cal.last_day)
    cust, day = cust[keep], day[keep]
    arch = pop.archetype[cust]
    u = rng.random(len(cust))
    kind_idx = (u[:, None] > np.cumsum(_KIND_P[arch], axis=1)).sum(axis=1).clip(0, len(_RANDOM_KINDS) - 1)
    card = card_of[cust]
    kind_idx = np.where((kind_idx == 4) & (card < 0), 5, kind_idx)       # no card: pay bills instead
    scale = (pop.wealth[cust] / 50e3) ** 0.25
    amount = _KIND_SIGN[kind_idx] * _KIND_SIZE[kind_idx] * scale * np.exp(0.8 * rng.standard_normal(len(cust)))
    kinds = np.array([_K[k] for k in _RANDOM_KINDS])[kind_idx]
    channel = digital_channel(cust)
    channel = np.where(kind_idx == 4, _C[Channel.POS], channel)
    channel = np.where(kind_idx == 1, np.where(rng.random(len(cust)) < 0.7, _C[Channel.ATM], _C[Channel.BRANCH]), channel)
    holding = np.where(kind_idx == 4, card, current_of[cust])
    add(cust, day, amount, kinds, channel, holding)

    # 2. Salary and pension credits on their pay day.
    for grid, kind in ((pop.salary, TxnKind.SALARY), (pop.pension, TxnKind.PENSION)):
        cust, month = np.nonzero(grid[lo:hi] > 0)
        cust = cust + lo
        day = cal.month_start[month] + np.minimum(pop.salary_day[cust], cal.month_len[month]) - 1
        amount = grid[cust, month] * rng.normal(1, 0.04, len(cust))
        add(cust, day, amount, np.full(len(cust), _K[kind]), np.full(len(cust), _C[Channel.SYSTEM]),
            current_of[cust])

    # 3. Money moving in or out when AUM changes by more than 8% in a month.
    aum = pop.aum_end[lo:hi]
    delta = np.diff(aum, axis=1)
    big = np.abs(delta) > np.maximum(0.08 * np.abs(aum[:, :-1]), 2000)
    big &= ~np.isnan(delta)
    cust, month = np.nonzero(big)
    amount = delta[cust, month]
    cust, month = cust + lo, month + 1
    day = cal.month_start[month] + (rng.random(len(cust)) * cal.month_len[month]).astype(int)
    day = np.minimum(day, pop.churn_day[cust] - 1)
    keep = day >= pop.opened_day[cust]
    cust, day, amount = cust[keep], day[keep], amount[keep]
    add(cust, day, amount, np.where(amount > 0, _K[TxnKind.TRANSFER_IN], _K[TxnKind.TRANSFER_OUT]),
        digital_channel(cust), current_of[cust])

    # 4. Loan repayments on the 20th, while the loan is open, as the schedule says they were paid.
    in_chunk = (holdings.customer >= lo) & (holdings.customer < hi)
    loans = np.flatnonzero(in_chunk & np.isin(holdings.product, [cat.PRODUCT_IDS.index(p) for p in
                                                                  ("LN-MTG", "LN-CON", "LN-BIZ")]))
    if len(loans):
        months = len(cal.month_start)
        hl, month = np.repeat(loans, months), np.tile(np.arange(months), len(loans))
        day = cal.month_start[month] + 19
        cust = holdings.customer[hl]
        end = np.where(holdings.closed_day[hl] >= 0, holdings.closed_day[hl], cal.last_day + 1)
        keep = (day > holdings.opened_day[hl]) & (day < end) & (day <= cal.last_day)
        hl, day, cust, month = hl[keep], day[keep], cust[keep], month[keep]
        # Drawn for every instalment as before the schedule existed, so the stream (and the
        # rest of the demo) stays what it was.
        amount = holdings.opening_amount[hl] / 120 * rng.normal(1, 0.01, len(hl))
        channel = digital_channel(cust)
        if paid is not None:
            day, amount = paid.lookup(hl, month)
            ok = day >= 0
            hl, day, cust, amount, channel = hl[ok], day[ok], cust[ok], amount[ok], channel[ok]
        add(cust, day, amount, np.full(len(hl), _K[TxnKind.LOAN_REPAYMENT]), channel, hl)

    # 5. Quarterly interest on current accounts (the 21st of Mar, Jun, Sep, Dec).
    quarter_months = np.array([i for i, s in enumerate(cal.month_start)
                               if (cal.start.month - 1 + i) % 12 + 1 in (3, 6, 9, 12) and cal.month_len[i] >= 21])
    if len(quarter_months):
        cust, qi = np.nonzero(~np.isnan(aum[:, quarter_months]) & (aum[:, quarter_months] > 0))
        month = quarter_months[qi]
        cust = cust + lo
        day = cal.month_start[month] + 20
        keep = day < pop.churn_day[cust]
        cust, month, day = cust[keep], month[keep], day[keep]
        amount = np.maximum(pop.aum_end[cust, month] * 0.0006, 0.01)
        add(cust, day, amount, np.full(len(cust), _K[TxnKind.INTEREST]), np.full(len(cust), _C[Channel.SYSTEM]),
            current_of[cust])

    # 6. Subscriptions when a product was opened inside the window.
    bought = np.flatnonzero(in_chunk & (holdings.opened_day >= 0) & ~is_current
                            & ~np.isin(holdings.product, [cat.PRODUCT_IDS.index(p) for p in
                                                          ("CC-STD", "CC-PLT", "LN-MTG", "LN-CON", "LN-BIZ")]))
    cust = holdings.customer[bought]
    add(cust, holdings.opened_day[bought], holdings.opening_amount[bought],
        np.full(len(bought), _K[TxnKind.PURCHASE]), digital_channel(cust), bought)

    # 7. A deposit matures during the drift and the money leaves a few days later.
    exits = maturity_exits[(holdings.customer[maturity_exits] >= lo) & (holdings.customer[maturity_exits] < hi)]
    cust = holdings.customer[exits]
    matured = holdings.maturity_day[exits]
    add(cust, matured, holdings.opening_amount[exits], np.full(len(exits), _K[TxnKind.MATURITY]),
        np.full(len(exits), _C[Channel.SYSTEM]), exits)
    add(cust, matured + rng.integers(1, 7, len(exits)), -holdings.opening_amount[exits],
        np.full(len(exits), _K[TxnKind.TRANSFER_OUT]), digital_channel(cust), current_of[cust])

    # 8. Those who close everything take the rest out at the counter on the way.
    leaving = np.arange(lo, hi)
    leaving = leaving[(pop.churn_day[leaving] <= cal.last_day) & pop.closes_all[leaving]]
    month = cal.month_of(pop.churn_day[leaving])
    last_aum = np.nan_to_num(pop.aum_end[leaving, np.maximum(month - 1, 0)])
    add(leaving, pop.churn_day[leaving], -np.maximum(last_aum, 1.0),
        np.full(len(leaving), _K[TxnKind.TRANSFER_OUT]), np.full(len(leaving), _C[Channel.BRANCH]),
        current_of[leaving])

    columns = [np.concatenate([p[i] for p in parts]) for i in range(6)]
    cust, day, amount, kind, channel, holding = columns
    keep = (day <= cal.last_day) & (day >= pop.opened_day[cust])
    order = np.lexsort((day[keep], cust[keep]))
    return TxnChunk(cust[keep][order], day[keep][order].astype(np.int64),
                    np.round(amount[keep][order], 2), kind[keep][order].astype(np.int64),
                    channel[keep][order].astype(np.int64), holding[keep][order].astype(np.int64))
