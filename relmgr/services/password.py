"""Portfolio passwords: the strength rule (the window's meter and `relmgr new`/`passwd` share
it), and changing the password: checked against the file, re-encrypted, audited."""

from __future__ import annotations

import enum

from relmgr.domain.codes import AuditAction
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.storage.portfolio import Portfolio

MIN_PASSWORD_LENGTH = 8
TOO_WEAK = ("the password is too weak: use at least 8 characters, mixing letters with digits "
            "or symbols (12 or more with a single kind)")


class Strength(enum.IntEnum):
    WEAK = 0
    FAIR = 1
    STRONG = 2


def password_strength(password: str) -> Strength:
    """A rough strength by length and character classes (lower, upper, digit, other).

    Weak (refused): under 8 characters, or under 12 with a single class. Strong: 12+ characters
    with three classes, or 16+ with two. Everything between is fair.
    """
    classes = sum([any(c.islower() for c in password), any(c.isupper() for c in password),
                   any(c.isdigit() for c in password),
                   any(not c.isalnum() for c in password)])
    length = len(password)
    if length < MIN_PASSWORD_LENGTH or (length < 12 and classes < 2):
        return Strength.WEAK
    if (length >= 12 and classes >= 3) or (length >= 16 and classes >= 2):
        return Strength.STRONG
    return Strength.FAIR


@writes(Topic.AUDIT)
def change_portfolio_password(portfolio: Portfolio, *, old_password: str, new_password: str) -> None:
    """On the database thread: check the current password against the file (a second, read-only
    unlock), then re-encrypt under the new one with the PASSWORD_CHANGED row in the same
    transaction. Raises WrongPassword if `old_password` does not open the file.

    SQLCipher's rekey rewrites every page inside a write transaction and commits it itself;
    when a transaction is already open it joins it, so the audit row written first is committed
    by the rekey's own commit, under one rollback journal: after a crash the file is either
    under the old password without the row, or under the new one with it
    (tests/services/test_password.py kills a rekey to check)."""
    from relmgr.storage import open_portfolio

    open_portfolio(portfolio.path, old_password, migrate=False).close()
    with portfolio.transaction():
        audit.record(portfolio, action=AuditAction.PASSWORD_CHANGED)
        portfolio.change_password(new_password=new_password)
