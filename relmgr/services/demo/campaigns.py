"""The demo's campaigns: who was offered what, who was held out, and who really bought.

Three campaigns, one of each kind the campaign results must tell apart (analytics/campaign_results.py):
a fixed-income wealth campaign that works (treated customers buy far more often than the held-out control),
an bond-fund campaign that does nothing (both arms buy at the same organic rate), and a
platinum-card campaign run without a control group. A conversion is a real holding of the
promoted product opened inside the campaign window, added to the holdings; the outcome the RM
typed on the offer is noisy on purpose (a yes that never bought, a purchase never recorded), so
results measured from holdings and from outcomes differ as they do in a bank.

It draws from a random stream of its own, so the rest of the demo does not move when it changes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from relmgr.domain.codes import HoldingStatus
from relmgr.services.demo import catalogue as cat

# campaign_id, name, product, start months before the data date, length in months, channel,
# cost per contact, share held out as control, extra purchase probability for treated customers
_CAMPAIGNS = (
    ("CMP-WMF", "稳享固收理财季度营销", "WM-FI", 8, 3, "PHONE", 60.0, 0.3, 0.22),
    ("CMP-BND", "纯债基金定投推广", "FD-BOND", 5, 2, "WECHAT", 20.0, 0.3, 0.0),
    ("CMP-PLT", "白金信用卡升级", "CC-PLT", 2, 3, "SMS", 8.0, 0.0, 0.12),
)
_SAMPLE_SHARE = 0.9          # of the customers eligible when the campaign starts
_DECLINED_SHARE = 0.05
_ORGANIC = (0.04, 0.12)       # purchase probability without any campaign, by low/high affinity


def _held_at(holdings, product: int, day: int, customers: int) -> np.ndarray:
    mine = ((holdings.product == product) & (holdings.opened_day < day)
            & ((holdings.closed_day < 0) | (holdings.closed_day >= day)))
    return np.bincount(holdings.customer[mine], minlength=customers) > 0


def _opened_in(holdings, product: int, first: int, last: int, customers: int) -> np.ndarray:
    mine = (holdings.product == product) & (holdings.opened_day >= first) & (holdings.opened_day <= last)
    return np.bincount(holdings.customer[mine], minlength=customers) > 0


def _balance(rng: np.random.Generator, product: str, wealth: np.ndarray) -> np.ndarray:
    if cat.FAMILY[product] == cat.F.CREDIT_CARD:
        return np.round(rng.uniform(0, 20_000, len(wealth)), 2)
    share = rng.uniform(0.05, 0.3, len(wealth))
    return np.round(np.maximum(wealth * share, cat.MIN_AMOUNT[product]), -2)


def marketing_consent(seed: int, customers: int) -> np.ndarray:
    """The bank's consent column: most customers agreed, some declined (勿扰), for the rest the
    export does not say."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 4]))
    draw = rng.random(customers)
    return np.where(draw < _DECLINED_SHARE, "DECLINED", np.where(draw < 0.7, "GRANTED", None)).astype(object)


def _suitable(product: str, customers: pd.DataFrame, pop) -> np.ndarray:
    """The sales rules the rest of the demo follows: risk level within the customer's rating,
    age within the product's range, wealth above its minimum."""
    rating = customers["risk_rating"].str[1].astype(int).to_numpy()
    born = pd.to_datetime(customers["birth_date"]).dt.date
    age = ((pop.cal.as_of - born).map(lambda d: d.days // 365)).to_numpy()
    low, high = cat.AGE_RANGE[product]
    return ((cat.RISK[product] <= rating) & (age >= low) & (age <= high)
            & (pop.wealth >= cat.MIN_AMOUNT[product]))


def _add_new_money(pop, customer: int, opened: int, balance: float) -> None:
    """A purchase brings new money: the customer's month-end and average AUM rise from the
    opening on, so holdings and monthly balances agree (and the transactions see the inflow)."""
    cal = pop.cal
    month = int(cal.month_of(np.array([opened]))[0])
    pop.aum_end[customer, month:] += balance
    pop.aum_avg[customer, month + 1:] += balance
    left = int(cal.month_start[month] + cal.month_len[month] - opened)
    pop.aum_avg[customer, month] += balance * left / int(cal.month_len[month])


def campaigns_and_offers(seed: int, pop, holdings, first_holding: int, *, customers: pd.DataFrame,
                         declined: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(campaigns, offers, the holdings the campaigns' buyers opened) as exchange-format frames;
    new holding ids run on from `first_holding`. Customers who declined marketing (`declined`,
    a mask) are never chosen, nor those the product does not suit. The buyers' new money is
    added to their AUM history in `pop`, before the transactions are drawn from it."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 3]))
    cal, n = pop.cal, len(pop.ids)
    campaigns, offers, bought = [], [], []
    for cid, name, product, back, months, channel, cost, control_share, lift in _CAMPAIGNS:
        k = cat.PRODUCT_IDS.index(product)
        start_day = int(cal.month_start[max(0, len(cal.month_start) - 1 - back)])
        end_day = start_day + int(months * 30.44)
        campaigns.append((cid, name, product, cal.iso(start_day), cal.iso(end_day), channel, cost))
        eligible = np.flatnonzero((pop.opened_day < start_day) & (pop.churn_day > end_day) & ~declined
                                  & _suitable(product, customers, pop)
                                  & ~_held_at(holdings, k, start_day, n))
        chosen = eligible[rng.random(len(eligible)) < _SAMPLE_SHARE]
        treated = rng.random(len(chosen)) >= control_share
        offered = start_day + rng.integers(0, 20, len(chosen))
        last = min(end_day, cal.last_day)
        affinity = np.clip(np.log10(pop.wealth[chosen]) - 4, 0, 3) / 3
        p_buy = _ORGANIC[0] + (_ORGANIC[1] - _ORGANIC[0]) * affinity + np.where(treated, lift * (0.5 + affinity), 0)
        already = _opened_in(holdings, k, start_day, last, n)[chosen]   # bought anyway, on their own
        buys = ~already & (rng.random(len(chosen)) < p_buy)
        opened = offered + (rng.random(len(chosen)) * np.maximum(last - offered, 1)).astype(int)
        opened = np.minimum(opened, last)
        balance = _balance(rng, product, pop.wealth[chosen])
        for i in np.flatnonzero(buys):
            bought.append((chosen[i], k, int(opened[i]), float(balance[i])))
            if not cat.FAMILY[product].is_liability:
                _add_new_money(pop, int(chosen[i]), int(opened[i]), float(balance[i]))
        converted = buys | already
        # What the RM typed: most buyers recorded as accepted, some not; some yeses never bought.
        typed_yes = np.where(converted, rng.random(len(chosen)) < 0.85, rng.random(len(chosen)) < 0.03)
        outcome = np.where(~treated, "NO_RESPONSE", np.where(
            typed_yes, "ACCEPTED", np.where(rng.random(len(chosen)) < 0.5, "DECLINED",
                                            "PENDING" if end_day > cal.last_day else "NO_RESPONSE")))
        answered = np.isin(outcome, ("ACCEPTED", "DECLINED"))
        responded = np.minimum(offered + rng.integers(1, 30, len(chosen)), cal.last_day)
        # A year's fee income on a sale; the cost per contact counts the RM's time (a call) or the message.
        revenue = np.where(treated & converted, np.round(rng.uniform(50, 600, len(chosen)), 2), 0.0)
        for i, c in enumerate(chosen):
            offers.append((cid, pop.ids[c], "TREATMENT" if treated[i] else "CONTROL", cal.iso(offered[i]),
                           outcome[i], cal.iso(responded[i]) if answered[i] else None, revenue[i]))
    campaign_frame = pd.DataFrame(campaigns, columns=["campaign_id", "name", "product_id", "start_on",
                                                      "end_on", "channel", "cost_per_contact"])
    offer_frame = pd.DataFrame(offers, columns=["campaign_id", "customer_id", "arm", "offered_on",
                                                "outcome", "responded_on", "revenue"])
    offer_frame.insert(0, "offer_id", np.arange(1, len(offer_frame) + 1))
    return campaign_frame, offer_frame, _holdings_frame(pop, bought, first_holding)


def _holdings_frame(pop, bought: list[tuple[int, int, int, float]], first_holding: int) -> pd.DataFrame:
    cal = pop.cal
    rows = []
    for j, (customer, k, opened, balance) in enumerate(bought):
        product = cat.PRODUCT_IDS[k]
        term = cat.TERM_DAYS[product]
        rows.append((f"H{first_holding + j:08d}", pop.ids[customer], product, cal.iso(opened),
                     cal.iso(opened + term) if term else None, None, balance, HoldingStatus.ACTIVE.value))
    return pd.DataFrame(rows, columns=["holding_id", "customer_id", "product_id", "opened_on",
                                       "maturity_on", "closed_on", "balance", "status"])
