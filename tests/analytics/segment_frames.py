"""A tiny builder of schema-shaped frames for constructed portfolios with known answers."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.analytics.activity import month_range


class Book:
    def __init__(self) -> None:
        self._customers: list[dict] = []
        self._balances: list[dict] = []
        self._txns: list[dict] = []
        self._holdings: list[dict] = []
        self._contacts: list[dict] = []

    def customer(self, customer_id: str, *, opened_on: str, birth_date: str = "1980-05-01",
                 closed_on: str | None = None) -> Book:
        self._customers.append({"customer_id": customer_id, "birth_date": birth_date,
                                "opened_on": opened_on, "closed_on": closed_on,
                                "preferred_channel": "BRANCH"})
        return self

    def balance(self, customer_id: str, month: str, aum_avg: float, *, aum_end: float | None = None,
                logins: int = 0) -> Book:
        self._balances.append({"customer_id": customer_id, "month": month, "aum_avg": float(aum_avg),
                               "aum_end": float(aum_avg if aum_end is None else aum_end),
                               "digital_logins": logins})
        return self

    def balances(self, customer_id: str, first: str, values: list[float]) -> Book:
        last = str(pd.Period(first, freq="M") + len(values) - 1)
        for month, value in zip(month_range(first, last), values):
            self.balance(customer_id, month, value)
        return self

    def txn(self, customer_id: str, on: str, *, kind: str = "DEPOSIT", channel: str = "BRANCH",
            amount: float = 100.0) -> Book:
        self._txns.append({"txn_id": len(self._txns) + 1, "customer_id": customer_id,
                           "holding_id": None, "txn_date": on, "amount": amount, "kind": kind,
                           "channel": channel})
        return self

    def txns_every(self, customer_id: str, *, first: str, last: str, days: int, **kw) -> Book:
        day = dt.date.fromisoformat(first)
        end = dt.date.fromisoformat(last)
        while day <= end:
            self.txn(customer_id, day.isoformat(), **kw)
            day += dt.timedelta(days=days)
        return self

    def holding(self, customer_id: str, *, opened_on: str, closed_on: str | None = None,
                product_id: str = "P-CUR") -> Book:
        self._holdings.append({"holding_id": f"H{len(self._holdings) + 1}", "customer_id": customer_id,
                               "product_id": product_id, "opened_on": opened_on,
                               "closed_on": closed_on,
                               "status": "CLOSED" if closed_on else "ACTIVE", "balance": 0.0})
        return self

    def contact(self, customer_id: str, at: str, *, outcome: str = "REACHED") -> Book:
        self._contacts.append({"interaction_id": len(self._contacts) + 1, "customer_id": customer_id,
                               "occurred_at": at + "T10:00:00", "channel": "PHONE",
                               "purpose": "SERVICE", "outcome": outcome})
        return self

    def frames(self) -> dict[str, pd.DataFrame]:
        def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
            return pd.DataFrame(rows, columns=columns)

        return {
            "customers": frame(self._customers, ["customer_id", "birth_date", "opened_on",
                                                 "closed_on", "preferred_channel"]),
            "monthly_balances": frame(self._balances, ["customer_id", "month", "aum_avg",
                                                       "aum_end", "digital_logins"]),
            "transactions": frame(self._txns, ["txn_id", "customer_id", "holding_id", "txn_date",
                                               "amount", "kind", "channel"]),
            "holdings": frame(self._holdings, ["holding_id", "customer_id", "product_id",
                                               "opened_on", "closed_on", "status", "balance"]),
            "interactions": frame(self._contacts, ["interaction_id", "customer_id", "occurred_at",
                                                   "channel", "purpose", "outcome"]),
        }
