"""The audit log: who did what to the portfolio, and when, kept inside the encrypted file.

Each row names an `AuditAction` code, an optional target (e.g. a customer_id, never a name or an
ID number) and a short detail. Rows are only ever added. Actions the RM takes in the app
(unlock, lock, password change, revealing a customer's full ID or phone, exports) are recorded
here; `recent()` reads them back for display.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.domain.codes import AuditAction
from relmgr.storage import Portfolio

_INSERT = "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)"


def record(portfolio: Portfolio, *, action: AuditAction, target: str = "", detail: str = "",
           actor: str = "rm") -> None:
    """Append one audit row. Inside a caller's transaction the row joins it (and rolls back
    with it); otherwise it is committed on its own."""
    row = (dt.datetime.now().replace(microsecond=0).isoformat(), actor, AuditAction(action).value,
           target, detail)
    if portfolio.conn.in_transaction:
        portfolio.conn.execute(_INSERT, row)
        return
    with portfolio.transaction() as conn:
        conn.execute(_INSERT, row)


def recent(portfolio: Portfolio, *, limit: int = 200) -> pd.DataFrame:
    """The newest `limit` audit rows, newest first (columns: audit_id, at, actor, action,
    target, detail)."""
    return portfolio.read_frame(
        "SELECT audit_id, at, actor, action, target, detail FROM audit_log "
        "ORDER BY audit_id DESC LIMIT ?", (int(limit),))
