"""The arrears trend by month (issue 21, migration 0017): per month, the loans in arrears by
bucket (1–30, 31–60, 61–90, 90+ days past due) and their outstanding.

Days past due are known only at the export's data date, and the repayment schedule does not
determine past month ends exactly (cards have none, a restructuring rewrites it, an export may
leave it out, and the outstanding then is not in it). So every import that carries loans keeps
its month's snapshot (`take_snapshot`, in the import's transaction; a later import in the same
month replaces it), and the trend reads the snapshots of the months before the data date's and
the loans themselves for the data date's month, so that month always agrees with the loan book.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from relmgr.analytics.loan_watch import Bucket, buckets_of, live_loans
from relmgr.storage import loan_store as store
from relmgr.storage.portfolio import Portfolio

#: The JSON keys of the buckets, in order.
BUCKET_KEYS: dict[str, str] = {Bucket.D1_30.value: "1-30", Bucket.D31_60.value: "31-60",
                               Bucket.D61_90.value: "61-90", Bucket.D90_PLUS.value: "90+"}
ROW_COLUMNS = ["loan_id", "family", "bucket", "days_past_due", "outstanding"]


def arrears_rows(loans: pd.DataFrame, *, today: dt.date) -> tuple[int, pd.DataFrame]:
    """The number of live loans on `today` and those past due (ROW_COLUMNS)."""
    live = live_loans(loans, today=today)
    buckets = buckets_of(live["days_past_due"])
    late = pd.notna(buckets)
    rows = pd.DataFrame({"loan_id": live["loan_id"].to_numpy()[late], "family": live["family"].to_numpy()[late],
                         "bucket": buckets[late],
                         "days_past_due": pd.to_numeric(live["days_past_due"], errors="coerce").to_numpy()[late],
                         "outstanding": pd.to_numeric(live["outstanding"], errors="coerce").to_numpy()[late]})
    return len(live), rows[ROW_COLUMNS]


def take_snapshot(portfolio: Portfolio, *, as_of: dt.date) -> None:
    """Keep the arrears of the loans on file as the snapshot of `as_of`'s month (in the caller's
    transaction: the import's)."""
    if not store.has_arrears_months(portfolio):
        return
    loans = store.read_arrears_inputs(portfolio, live_on=as_of.isoformat())
    live, rows = arrears_rows(loans, today=as_of)
    store.write_arrears_month(portfolio, month=as_of.isoformat()[:7], as_of=as_of.isoformat(),
                              live_loans=live, rows=rows)


def _buckets(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    out = {key: {"count": 0, "outstanding": 0.0} for key in BUCKET_KEYS.values()}
    for row in frame.itertuples(index=False):
        if row.bucket in BUCKET_KEYS:
            out[BUCKET_KEYS[row.bucket]] = {"count": int(row.loans), "outstanding": round(float(row.outstanding), 2)}
    return out


def stored_months(portfolio: Portfolio, *, before: str) -> list[dict[str, Any]]:
    """The snapshots imports kept for the months before `before` ('YYYY-MM'), oldest first, in
    arrears_trend's shape (no loan is read)."""
    if not store.has_arrears_months(portfolio):
        return []
    past = store.read_arrears_months(portfolio, before=before)
    return [{"month": str(m), "as_of": str(as_of), "live_loans": int(live), "buckets": _buckets(part)}
            for (m, as_of, live), part in past.groupby(["month", "as_of", "live_loans"], sort=True)]


def arrears_trend(portfolio: Portfolio, *, today: dt.date,
                  loans: pd.DataFrame | None = None) -> list[dict[str, Any]]:
    """Oldest month first: {month, as_of, live_loans, buckets: {"1-30": {count, outstanding}, ...}};
    the last is `today`'s month, from the loans on file (none without loans). `loans`: every
    loan as the caller already read it (loan_store.read_loans), so they are not read twice."""
    if loans is None:
        if not store.has_loan_tables(portfolio) or not portfolio.query("SELECT 1 FROM loans LIMIT 1"):
            return []
        loans = store.read_arrears_inputs(portfolio, live_on=today.isoformat())
    elif not len(loans):
        return []
    month = today.isoformat()[:7]
    out = stored_months(portfolio, before=month)
    live, rows = arrears_rows(loans, today=today)
    now = rows.groupby("bucket").agg(loans=("loan_id", "size"), outstanding=("outstanding", "sum")).reset_index()
    out.append({"month": month, "as_of": today.isoformat(), "live_loans": int(live), "buckets": _buckets(now)})
    return out

