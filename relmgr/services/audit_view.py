"""What the Audit log page shows: the newest audit rows with the decoded detail and, for a revealed
ID number or phone, the customer number it names (so a double-click opens that customer), and
whether the audit chain is intact (checked on every load, so a reload after a write checks again).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import chain_break, detail_of, list_audit
from relmgr.storage.audit_chain import ChainBreak
from relmgr.storage.portfolio import Portfolio

ROW_LIMIT = 2000
_REVEALS = {AuditAction.REVEAL_ID.value, AuditAction.REVEAL_PHONE.value}


def load_audit(portfolio: Portfolio, *, action: str | None = None, limit: int = ROW_LIMIT) -> pd.DataFrame:
    """The newest audit rows (database thread), with the decoded detail and, for reveals, the
    customer number they name (so a double-click opens that customer)."""
    frame = list_audit(portfolio, action=action or None, limit=limit)
    details = [detail_of(d) for d in frame["detail"]]
    customer = [t if a in _REVEALS else "" for a, t in zip(frame["action"], frame["target"], strict=True)]
    return frame.assign(detail_value=pd.Series(details, index=frame.index, dtype=object),
                        customer_id=customer,
                        at_text=frame["at"].astype("str").str.replace("T", " "))


@dataclass(frozen=True)
class AuditPageData:
    """The rows the page lists and where the audit chain breaks (None: intact)."""

    rows: pd.DataFrame
    broken: ChainBreak | None


def load_audit_page(portfolio: Portfolio, *, action: str | None = None,
                    limit: int = ROW_LIMIT) -> AuditPageData:
    """The page's rows and the chain check, in one read on the database thread. The check reads
    the whole log, not only the rows shown: a break in an old row matters as much."""
    return AuditPageData(load_audit(portfolio, action=action, limit=limit), chain_break(portfolio))
