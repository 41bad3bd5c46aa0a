"""What the Audit log page shows: the newest audit rows with the decoded detail and, for a revealed
ID number or phone, the customer number it names (so a double-click opens that customer).
"""

from __future__ import annotations

import pandas as pd

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import detail_of, list_audit
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
