"""The audit log: who did what to the portfolio, and when, kept inside the encrypted file.

Each row names an `AuditAction` code, an optional target (e.g. a customer_id or an export's file
name, never a customer's name, ID number or phone) and a detail: a short text, or a JSON object
when given a mapping (exports record {"list", "format", "rows", "masked", "file"}). Rows are only
ever added. Actions the RM takes in the app (unlock, lock, password change, revealing a
customer's full ID or phone, exports) are recorded here; `list_audit` reads them back for the
audit page.

The actor is the operating-system login of whoever runs relmgr (the RM on a branch PC), unless
the caller names one.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from collections.abc import Mapping
from typing import Any

import pandas as pd

from relmgr.domain.codes import AuditAction
from relmgr.storage import Portfolio, audit_chain
from relmgr.services.changes import Topic, writes

AUDIT_COLUMNS = ["audit_id", "at", "actor", "action", "target", "detail"]


def current_actor() -> str:
    """The OS account running relmgr, from the process's user id (LOGNAME / USER are not
    asked: anyone can set them). Windows has no pwd: getpass there reads USERNAME, which the
    login sets. 'uid N' when the uid has no account name (e.g. in containers)."""
    try:
        import pwd
    except ImportError:  # Windows
        try:
            return getpass.getuser() or "rm"
        except Exception:  # noqa: BLE001 - no login name at all
            return "rm"
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return f"uid {os.getuid()}"


@writes(Topic.AUDIT)
def record(portfolio: Portfolio, *, action: AuditAction | str, target: str = "",
           detail: str | Mapping[str, Any] = "", actor: str | None = None) -> None:
    """Append one audit row. Inside a caller's transaction the row joins it (and rolls back
    with it); otherwise it is committed on its own. A mapping detail is stored as JSON."""
    text = (json.dumps(dict(detail), ensure_ascii=False, sort_keys=True)
            if isinstance(detail, Mapping) else str(detail))
    row = (dt.datetime.now().replace(microsecond=0).isoformat(), actor or current_actor(),
           AuditAction(action).value, target, text)
    if portfolio.conn.in_transaction:
        audit_chain.append(portfolio.conn, row)
        return
    with portfolio.transaction() as conn:
        audit_chain.append(conn, row)


def verify_chain(portfolio: Portfolio) -> str | None:
    """None when the audit log is as written, else a sentence saying where the chain breaks."""
    return audit_chain.verify(portfolio.conn)


def chain_break(portfolio: Portfolio) -> audit_chain.ChainBreak | None:
    """Where the audit chain breaks (kind and row id, for a page to put in its own words), or
    None when it is intact."""
    return audit_chain.find_break(portfolio.conn)


def list_audit(portfolio: Portfolio, *, action: AuditAction | str | None = None,
               since: dt.date | None = None, until: dt.date | None = None,
               limit: int | None = 500) -> pd.DataFrame:
    """Audit rows newest first (AUDIT_COLUMNS), optionally of one action and within
    [since, until] (dates inclusive); at most `limit` rows (None: all)."""
    clauses, params = [], []
    if action is not None:
        clauses.append("action = ?")
        params.append(AuditAction(action).value)
    if since is not None:
        clauses.append("at >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("at < ?")
        params.append((until + dt.timedelta(days=1)).isoformat())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    tail = ""
    if limit is not None:
        tail = " LIMIT ?"
        params.append(int(limit))
    return portfolio.read_frame(
        f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log {where} ORDER BY audit_id DESC{tail}",
        params)


def recent(portfolio: Portfolio, *, limit: int = 200) -> pd.DataFrame:
    """The newest `limit` audit rows, newest first (kept for callers of the first version)."""
    return list_audit(portfolio, limit=limit)


def detail_of(row_detail: str) -> dict[str, Any] | str:
    """A stored detail decoded: the JSON object of structured rows, else the text itself."""
    try:
        value = json.loads(row_detail)
    except (json.JSONDecodeError, TypeError):
        return row_detail
    return value if isinstance(value, dict) else row_detail
