"""SQL of the unusual-activity alerts (issue 18): the customer-initiated transactions of the
history and alert window, and each customer's last such transaction before the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

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


# Bound parameters per IN (...) query: well under SQLite's limit on variables.
_CHUNK = 500


def last_before(portfolio: Portfolio, day: dt.date, customer_ids: Iterable[str]) -> pd.Series:
    """customer_id → ISO date of their last customer-initiated transaction before `day`, for the
    customers named (those with one). Each is a seek on transactions_by_customer_date, so asking
    for the few customers detection needs costs nothing like grouping the whole table."""
    ids = sorted(set(customer_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        rows = portfolio.query(
            f"SELECT customer_id, MAX(txn_date) FROM transactions WHERE customer_id IN "
            f"({', '.join('?' * len(chunk))}) AND txn_date < ? AND {_NOT_IN} GROUP BY customer_id",
            (*chunk, day.isoformat()))
        found.update({c: d for c, d in rows if d is not None})
    return pd.Series(found, dtype=object)
