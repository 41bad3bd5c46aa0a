"""Unusual activity planted in the demo (issue 18), so the unusual-activity alerts can be
measured: a few customers get, in the last ALERT_DAYS days before the data date, one event of
a known kind, drawn from the customer's own generated history:

- LARGE_AMOUNT: money passing through — a transfer in of 8–20× the largest amount the customer
  moved in the 12 months before, and out again the next day (AUM is unchanged, so the monthly
  balances still agree with the transactions);
- BURST: 8–14 payments and transfers out of the customer's typical size within two days;
- NEW_CHANNEL: a transfer out of 3–5× the customer's typical size through a channel not used in
  12 months;
- DORMANT_ACTIVE: a customer whose account went quiet at least 200 days ago (left without
  closing) suddenly receives and sends out 20,000–120,000.

The events are marked only in the generator's ground truth (`PlantedEvent`, see
DemoData.planted_unusual), never in the portfolio: nothing in the stored rows tells a planted
transaction from any other. Each chunk of customers draws from its own seeded stream, separate
from the streams of the rest of the demo, so planting changes no other generated value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from relmgr.domain.codes import Channel, TxnKind

ALERT_DAYS = 30          # the events fall in the last 30 days up to the data date
SHARE = 0.04             # of the eligible customers of each kind, per chunk
KINDS = ("LARGE_AMOUNT", "BURST", "NEW_CHANNEL", "DORMANT_ACTIVE")
_HISTORY_DAYS = 365
_SYSTEM = {TxnKind.SALARY, TxnKind.PENSION, TxnKind.INTEREST, TxnKind.FEE, TxnKind.MATURITY,
           TxnKind.LOAN_REPAYMENT}
_CHANNELS = (Channel.BRANCH, Channel.MOBILE, Channel.ONLINE)


@dataclass(frozen=True)
class PlantedEvent:
    customer: int            # index into the population
    kind: str                # one of KINDS
    first_day: int           # day indices of the event's first and last transaction
    last_day: int


def plant_unusual(rng: np.random.Generator, *, customer: np.ndarray, day: np.ndarray,
                  amount: np.ndarray, kind: np.ndarray, channel: np.ndarray, customers: slice,
                  last_day: int, churn_day: np.ndarray, closes_all: np.ndarray,
                  opened_day: np.ndarray, kind_codes: dict, channel_codes: dict,
                  ) -> tuple[list[tuple[np.ndarray, ...]], list[PlantedEvent]]:
    """The planted transactions as (customer, day, amount, kind, channel) arrays, and the ground
    truth, for the customers of `customers`. Inputs are the chunk's generated transactions (index
    arrays as in generator.TxnChunk)."""
    system = np.isin(kind, [kind_codes[k] for k in _SYSTEM])
    window_start = last_day - ALERT_DAYS + 1
    history = (~system) & (day < window_start) & (day >= window_start - _HISTORY_DAYS)
    cust_ids = np.arange(customers.start, customers.stop)
    n_hist = np.bincount(customer[history] - customers.start, minlength=len(cust_ids))
    size = np.abs(amount)
    largest = np.zeros(len(cust_ids))
    np.maximum.at(largest, customer[history] - customers.start, size[history])
    last_seen = np.full(len(cust_ids), -10**6)
    np.maximum.at(last_seen, customer[~system] - customers.start, day[~system])
    in_window = (~system) & (day >= window_start)
    n_window = np.bincount(customer[in_window] - customers.start, minlength=len(cust_ids))

    active = (churn_day[cust_ids] > last_day + 30) & (opened_day[cust_ids] < window_start - _HISTORY_DAYS) \
        & (n_hist >= 12)
    dormant = (churn_day[cust_ids] < last_day - 200) & ~closes_all[cust_ids] & (n_window == 0) \
        & (last_seen < window_start - 200) & (last_seen > -10**6)
    order = rng.permutation(len(cust_ids))
    taken = np.zeros(len(cust_ids), dtype=bool)
    parts: list[tuple[np.ndarray, ...]] = []
    truth: list[PlantedEvent] = []

    def pick(eligible: np.ndarray) -> np.ndarray:
        candidates = order[eligible[order] & ~taken[order]]
        # At least two of each kind where there are that many, so every kind can be measured.
        chosen = candidates[:max(int(round(SHARE * eligible.sum())), min(2, len(candidates)))]
        taken[chosen] = True
        return chosen

    def add(c: int, days: np.ndarray, amounts: np.ndarray, kinds: list, channels: list, label: str) -> None:
        days = np.minimum(days, last_day)
        parts.append((np.full(len(days), cust_ids[c]), days.astype(np.int64), np.round(amounts, 2),
                      np.array([kind_codes[k] for k in kinds], dtype=np.int64),
                      np.array([channel_codes[ch] for ch in channels], dtype=np.int64)))
        truth.append(PlantedEvent(int(cust_ids[c]), label, int(days.min()), int(days.max())))

    def typical(c: int) -> float:
        mine = history & (customer == cust_ids[c])
        return float(np.median(size[mine]))

    def channels_used(c: int) -> set[int]:
        return set(channel[history & (customer == cust_ids[c])].tolist())

    for c in pick(active):
        when = int(rng.integers(window_start, last_day))
        big = round(largest[c] * rng.uniform(8, 20), -2)
        route = _CHANNELS[int(rng.integers(0, 3))]
        add(c, np.array([when, when + 1]), np.array([big, -big]), [TxnKind.TRANSFER_IN, TxnKind.TRANSFER_OUT],
            [route, route], "LARGE_AMOUNT")
    for c in pick(active):
        when = int(rng.integers(window_start, last_day))
        count = int(rng.integers(8, 15))
        amounts = -typical(c) * np.exp(0.3 * rng.standard_normal(count))
        kinds = [TxnKind.TRANSFER_OUT if u < 0.5 else TxnKind.BILL_PAY for u in rng.random(count)]
        route = _CHANNELS[1 + int(rng.integers(0, 2))]
        add(c, when + rng.integers(0, 2, count), amounts, kinds, [route] * count, "BURST")
    has_unused = np.array([any(channel_codes[ch] not in channels_used(c) for ch in _CHANNELS)
                           if active[c] else False for c in range(len(cust_ids))])
    for c in pick(active & has_unused):
        unused = [ch for ch in _CHANNELS if channel_codes[ch] not in channels_used(c)]
        route = unused[int(rng.integers(0, len(unused)))]
        when = int(rng.integers(window_start, last_day + 1))
        add(c, np.array([when]), np.array([-typical(c) * rng.uniform(3, 5)]), [TxnKind.TRANSFER_OUT],
            [route], "NEW_CHANNEL")
    for c in pick(dormant):
        when = int(rng.integers(window_start, last_day))
        money = round(float(rng.uniform(20_000, 120_000)), -2)
        route = _CHANNELS[int(rng.integers(0, 3))]
        add(c, np.array([when, when + 1]), np.array([money, -money]),
            [TxnKind.TRANSFER_IN, TxnKind.TRANSFER_OUT], [route, route], "DORMANT_ACTIVE")
    return parts, truth
