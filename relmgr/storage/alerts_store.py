"""SQL of the unusual-activity alerts (issue 18): the customer-initiated transactions of the
history and alert window, and each customer's last such transaction before the window."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.domain.codes import TxnKind
from relmgr.storage.portfolio import Portfolio

# Scheduled or bank-booked: regular by nature, so they neither make nor mask unusual activity.
SCHEDULED = (TxnKind.SALARY, TxnKind.PENSION, TxnKind.INTEREST, TxnKind.FEE, TxnKind.MATURITY,
             TxnKind.LOAN_REPAYMENT)
_NOT_IN = "kind NOT IN (" + ", ".join(f"'{k.value}'" for k in SCHEDULED) + ")"


def read_behaviour(portfolio: Portfolio, *, since: dt.date, until: dt.date) -> pd.DataFrame:
    rows = portfolio.query(
        f"SELECT txn_id, customer_id, txn_date, amount, channel FROM transactions "
        f"WHERE txn_date BETWEEN ? AND ? AND {_NOT_IN}", (since.isoformat(), until.isoformat()))
    return pd.DataFrame(rows, columns=["txn_id", "customer_id", "txn_date", "amount", "channel"])


def last_before(portfolio: Portfolio, day: dt.date) -> pd.Series:
    rows = portfolio.query(f"SELECT customer_id, MAX(txn_date) FROM transactions "
                           f"WHERE txn_date < ? AND {_NOT_IN} GROUP BY customer_id", (day.isoformat(),))
    return pd.Series({c: d for c, d in rows}, dtype=object)
