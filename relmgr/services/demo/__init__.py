"""The demo portfolio: seeded, reproducible, realistic synthetic data (DESIGN.md §4).

`generate_demo(customers=, seed=, as_of=)` draws everything but the transactions up front and
yields the transactions chunk by chunk; `generate_demo_frames` collects them into DataFrames
(tests, fixtures, CSV examples); `build_demo_portfolio` writes an encrypted portfolio in one
transaction, streaming the transactions so branch scale fits in memory.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from relmgr.domain.codes import Channel, TxnKind
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services.demo import catalogue as cat
from relmgr.services.demo.campaigns import campaigns_and_offers, marketing_consent
from relmgr.services.demo.contacts import interactions_frame, tasks_frame
from relmgr.services.demo.loans import PaidInstalments, arrears_history, loan_frames, lose_jobs
from relmgr.services.demo.unusual import PlantedEvent, plant_unusual
from relmgr.services.demo.generator import (
    CHANNEL_CODES,
    CHUNK_CUSTOMERS,
    KIND_CODES,
    Calendar,
    Holdings,
    Population,
    TxnChunk,
    _add_maturity_exits,
    _customers_frame,
    _draw_holdings,
    _draw_population,
    _transactions,
)

DEMO_PASSWORD = "relmgr-demo"
TRANSACTION_COLUMNS = ["txn_id", "customer_id", "holding_id", "txn_date", "amount", "kind", "channel"]
# Tables in foreign-key order, transactions excepted (they are streamed).
STATIC_TABLES = ("customers", "products", "holdings", "monthly_balances", "interactions",
                 "campaigns", "offers", "tasks", "loans", "loan_repayments", "credit_profiles")


@dataclass
class DemoData:
    """A generated portfolio: every table but transactions as frames, transactions on demand."""

    as_of: dt.date
    seed: int
    frames: dict[str, pd.DataFrame]
    _population: Population
    _holdings: Holdings
    _holding_ids: np.ndarray
    _maturity_exits: np.ndarray
    _paid: PaidInstalments

    @property
    def customer_count(self) -> int:
        return len(self._population.ids)

    def _chunks(self) -> Iterator[tuple[TxnChunk, list[PlantedEvent]]]:
        count = -(-self.customer_count // CHUNK_CUSTOMERS)
        streams = np.random.SeedSequence([self.seed, 1]).spawn(count)
        # Planting draws from streams of its own, so the rest of the demo is what it was before.
        plant_streams = np.random.SeedSequence([self.seed, 2]).spawn(count)
        for i, (stream, plant_stream) in enumerate(zip(streams, plant_streams, strict=True)):
            block = slice(i * CHUNK_CUSTOMERS, min((i + 1) * CHUNK_CUSTOMERS, self.customer_count))
            chunk = _transactions(np.random.default_rng(stream), self._population, self._holdings,
                                  self._maturity_exits, block, self._paid)
            yield _with_planted(chunk, np.random.default_rng(plant_stream), self._population, block)

    def transaction_chunks(self) -> Iterator[tuple[TxnChunk, int]]:
        """(chunk, first txn_id) per block of customers; ids run on across chunks."""
        next_id = 1
        for chunk, _ in self._chunks():
            yield chunk, next_id
            next_id += len(chunk)

    def planted_unusual(self) -> pd.DataFrame:
        """The generator's ground truth of the unusual activity it planted (demo/unusual.py):
        customer_id, kind, first and last date. Never written to the portfolio."""
        events = [e for _, planted in self._chunks() for e in planted]
        cal = self._population.cal
        return pd.DataFrame({
            "customer_id": self._population.ids[[e.customer for e in events]].astype(object),
            "kind": [e.kind for e in events],
            "first_date": cal.iso(np.array([e.first_day for e in events], dtype=np.int64)),
            "last_date": cal.iso(np.array([e.last_day for e in events], dtype=np.int64)),
        })

    def transaction_rows(self, chunk: TxnChunk, first_id: int) -> list[list]:
        """Columns of TRANSACTION_COLUMNS as Python lists, ready for executemany."""
        holding = np.where(chunk.holding >= 0, self._holding_ids[np.maximum(chunk.holding, 0)], None)
        return [list(range(first_id, first_id + len(chunk))),
                self._population.ids[chunk.customer].tolist(),
                holding.tolist(),
                self._population.cal.iso(chunk.day).tolist(),
                chunk.amount.tolist(),
                np.array(KIND_CODES, dtype=object)[chunk.kind].tolist(),
                np.array(CHANNEL_CODES, dtype=object)[chunk.channel].tolist()]

    def transactions_frame(self) -> pd.DataFrame:
        parts = [pd.DataFrame(dict(zip(TRANSACTION_COLUMNS, self.transaction_rows(c, first), strict=True)))
                 for c, first in self.transaction_chunks()]
        return pd.concat(parts, ignore_index=True)


def _with_planted(chunk: TxnChunk, rng: np.random.Generator, pop: Population,
                  block: slice) -> tuple[TxnChunk, list[PlantedEvent]]:
    parts, truth = plant_unusual(
        rng, customer=chunk.customer, day=chunk.day, amount=chunk.amount, kind=chunk.kind,
        channel=chunk.channel, customers=block, last_day=pop.cal.last_day, churn_day=pop.churn_day,
        closes_all=pop.closes_all, opened_day=pop.opened_day,
        kind_codes={k: KIND_CODES.index(k.value) for k in TxnKind},
        channel_codes={c: CHANNEL_CODES.index(c.value) for c in Channel})
    if not parts:
        return chunk, truth
    columns = [np.concatenate([getattr(chunk, name)] + [p[i] for p in parts])
               for i, name in enumerate(("customer", "day", "amount", "kind", "channel"))]
    holding = np.concatenate([chunk.holding] + [np.full(len(p[0]), -1) for p in parts])
    order = np.lexsort((columns[1], columns[0]))  # stable: same-day planted rows come last
    return TxnChunk(*(c[order] for c in columns), holding[order].astype(np.int64)), truth


def generate_demo(*, customers: int, seed: int, as_of: dt.date) -> DemoData:
    if customers < 1:
        raise ValueError("a demo portfolio needs at least one customer")
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0]))
    cal = Calendar.for_date(as_of)
    pop, people = _draw_population(rng, customers, cal)
    customer_frame = _customers_frame(rng, pop, people)
    holdings = _draw_holdings(rng, pop, people, customer_frame)
    exits = _add_maturity_exits(rng, pop, people, holdings)
    holding_ids = np.array([f"H{i + 1:08d}" for i in range(len(holdings.customer))], dtype=object)
    customer_frame["marketing_consent"] = marketing_consent(seed, customers)
    campaigns, offers, bought = campaigns_and_offers(
        seed, pop, holdings, len(holding_ids) + 1, customers=customer_frame,
        declined=(customer_frame["marketing_consent"] == "DECLINED").to_numpy())
    # Loans draw from a stream of their own, so the rest of the demo is what it was before, but
    # for the salaries a job loss stops (the transactions follow them).
    loan_rng = np.random.default_rng(np.random.SeedSequence([seed, 3]))
    lose_jobs(loan_rng, pop)
    frames = {
        "customers": customer_frame,
        "products": cat.products_frame(),
        "holdings": pd.concat([_holdings_frame(pop, holdings, holding_ids), bought], ignore_index=True),
        "monthly_balances": _monthly_frame(pop),
        "interactions": interactions_frame(rng, pop, people),
        "campaigns": campaigns,
        "offers": offers,
        "tasks": tasks_frame(rng, pop),
        **loan_frames(loan_rng, pop, holdings, holding_ids),
    }
    paid = PaidInstalments.from_schedule(frames["loan_repayments"], holding_ids, cal)
    return DemoData(as_of, seed, frames, pop, holdings, holding_ids, exits, paid)


def generate_demo_frames(*, customers: int, seed: int, as_of: dt.date) -> dict[str, pd.DataFrame]:
    """Every table as a DataFrame, transactions included (for small portfolios)."""
    data = generate_demo(customers=customers, seed=seed, as_of=as_of)
    return {**data.frames, "transactions": data.transactions_frame()}


def _holdings_frame(pop: Population, h: Holdings, holding_ids: np.ndarray) -> pd.DataFrame:
    cal = pop.cal
    return pd.DataFrame({
        "holding_id": holding_ids,
        "customer_id": pop.ids[h.customer],
        "product_id": np.array(cat.PRODUCT_IDS, dtype=object)[h.product],
        "opened_on": cal.iso(h.opened_day),
        "maturity_on": np.where(h.maturity_day >= 0, cal.iso(np.maximum(h.maturity_day, 0)), None),
        "closed_on": np.where(h.closed_day >= 0, cal.iso(np.maximum(h.closed_day, 0)), None),
        "balance": h.balance,
        "status": h.status,
    })


def _monthly_frame(pop: Population) -> pd.DataFrame:
    cal = pop.cal
    cust, month = np.nonzero(~np.isnan(pop.aum_end))
    # Closed customers have no month rows after the month they left.
    left_month = cal.month_of(np.minimum(pop.churn_day, cal.last_day + 1))
    keep = ~(pop.closes_all[cust] & (pop.churn_day[cust] <= cal.last_day) & (month > left_month[cust]))
    cust, month = cust[keep], month[keep]
    month_text = np.array([d[:7] for d in cal.iso(cal.month_start)], dtype=object)
    return pd.DataFrame({
        "customer_id": pop.ids[cust],
        "month": month_text[month],
        "aum_avg": np.round(pop.aum_avg[cust, month], 2),
        "aum_end": np.round(pop.aum_end[cust, month], 2),
        "digital_logins": pop.logins[cust, month],
    })


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    transactions: int
    seconds: float

    def __str__(self) -> str:
        return f"{self.customers} customers, {self.transactions} transactions in {self.seconds:.1f} s"


def build_demo_portfolio(path: str | os.PathLike[str], password: str, *, customers: int = 300,
                         seed: int = 7, as_of: dt.date | None = None,
                         progress: Progress = no_progress, cancel: CancelCheck = never) -> DemoSummary:
    """Create an encrypted demo portfolio at `path` (which must not exist yet).

    Everything is written in one transaction; on cancel or error the file is removed, so a demo
    portfolio either exists complete or not at all.
    """
    from relmgr.storage import create_portfolio
    from relmgr.services.loan_months import take_snapshot
    from relmgr.storage.activity_months import update_activity_months
    from relmgr.storage.loan_store import write_arrears_month
    from relmgr.storage.summary import rebuild_customer_summary

    started = time.perf_counter()
    as_of = as_of or dt.date.today()
    path = Path(path)
    progress(0.0, "generating")
    data = generate_demo(customers=customers, seed=seed, as_of=as_of)
    check_cancel(cancel)
    portfolio = create_portfolio(path, password)
    transactions = 0
    try:
        with portfolio.transaction():
            for table in STATIC_TABLES:
                portfolio.insert_frame(table, data.frames[table])
                check_cancel(cancel)
            progress(0.15, "transactions")
            chunks = -(-customers // CHUNK_CUSTOMERS)
            for i, (chunk, first_id) in enumerate(data.transaction_chunks()):
                portfolio.insert_rows("transactions", TRANSACTION_COLUMNS,
                                      zip(*data.transaction_rows(chunk, first_id), strict=True))
                transactions += len(chunk)
                progress(0.15 + 0.75 * (i + 1) / chunks, "transactions")
                check_cancel(cancel)
            progress(0.9, "summary")
            portfolio.set_meta("as_of", as_of.isoformat())
            portfolio.set_meta("demo_seed", str(seed))
            rebuild_customer_summary(portfolio, as_of=as_of)
            # The monthly activity and money-flow aggregates, as an import would leave them.
            update_activity_months(portfolio)
            # The arrears snapshots a year of monthly imports would have kept, and this month's.
            for month, end, live, rows in arrears_history(data.frames["loans"], data.frames["loan_repayments"], as_of):
                write_arrears_month(portfolio, month=month, as_of=end, live_loans=live, rows=rows)
            take_snapshot(portfolio, as_of=as_of)
        progress(1.0, "done")
    except BaseException:
        portfolio.close()
        path.unlink(missing_ok=True)
        raise
    portfolio.close()
    return DemoSummary(customers, transactions, time.perf_counter() - started)
