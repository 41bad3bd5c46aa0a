"""Changing the portfolio's password: checked against the file, re-encrypted, audited."""

from __future__ import annotations

from relmgr.domain.codes import AuditAction
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.storage.portfolio import Portfolio


@writes(Topic.AUDIT)
def change_portfolio_password(portfolio: Portfolio, *, old_password: str, new_password: str) -> None:
    """On the database thread: check the current password against the file (a second, read-only
    unlock), re-encrypt under the new one, and audit it. Raises WrongPassword if `old_password`
    does not open the file."""
    from relmgr.storage import open_portfolio

    open_portfolio(portfolio.path, old_password, migrate=False).close()
    portfolio.change_password(new_password=new_password)
    audit.record(portfolio, action=AuditAction.PASSWORD_CHANGED)
