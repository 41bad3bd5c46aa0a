"""The branch's sync identity, kept as team rules inside the encrypted portfolio: its id, its
private signing key, the next sequence number and k. Set once per portfolio; the private key never
leaves the portfolio: head office enrols its public key (`relmgr sync FILE --show-key` prints it)."""

from __future__ import annotations

import re

from relmgr.services.changes import Topic, writes
from relmgr.services.sync import signing
from relmgr.services.sync.disclosure import DEFAULT_K
from relmgr.storage.portfolio import Portfolio
from relmgr.storage.rules import get_rule, set_rule

RULE_BRANCH_ID = "sync_branch_id"
RULE_KEY = "sync_signing_key"
RULE_SEQUENCE = "sync_last_sequence"
RULE_K = "sync_k"
RULE_EPSILON = "sync_epsilon"
MAX_EPSILON = 10.0
_BRANCH_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


class NotSetUp(ValueError):
    """The portfolio is not set up for sync: no usable branch id."""


class NoBranchId(NotSetUp):
    """The portfolio has no branch id for sync yet (the window words this one itself)."""


def k_of(portfolio: Portfolio) -> int:
    value = get_rule(portfolio, RULE_K, DEFAULT_K)
    if not isinstance(value, int) or isinstance(value, bool) or value < 2:
        raise ValueError(f"team rule {RULE_K!r} must be a whole number of at least 2")
    return value


def epsilon_of(portfolio: Portfolio) -> float | None:
    """The differential-privacy budget for one summary, or None: off (the default)."""
    value = get_rule(portfolio, RULE_EPSILON)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_EPSILON:
        raise ValueError(f"team rule {RULE_EPSILON!r} must be a number above 0 and at most "
                         f"{MAX_EPSILON:g} (or unset: no noise)")
    return float(value)


def branch_id(portfolio: Portfolio) -> str:
    """The team rule, else the portfolio's meta 'branch'; NotSetUp when neither is usable."""
    value = get_rule(portfolio, RULE_BRANCH_ID) or portfolio.get_meta("branch")
    if not value:
        raise NoBranchId("this portfolio has no branch id for head office: set it with "
                       "relmgr sync setup FILE --branch ID")
    if not _BRANCH_ID.match(str(value)):
        raise NotSetUp("the branch id must be 1-40 letters, digits, '.', '_' or '-'")
    return str(value)


@writes(Topic.RULES)
def set_branch_id(portfolio: Portfolio, value: str) -> None:
    if not _BRANCH_ID.match(value):
        raise NotSetUp("the branch id must be 1-40 letters, digits, '.', '_' or '-'")
    with portfolio.transaction():
        set_rule(portfolio, RULE_BRANCH_ID, value)


@writes(Topic.RULES)
def signing_key(portfolio: Portfolio) -> str:
    """The branch's private key, made on first use (never printed or sent)."""
    key = get_rule(portfolio, RULE_KEY)
    if not key:
        key = signing.new_key()
        with portfolio.transaction():
            set_rule(portfolio, RULE_KEY, key)
    return str(key)


@writes(Topic.RULES)
def next_sequence(portfolio: Portfolio) -> int:
    """The next summary number: head office accepts each branch's numbers only increasing."""
    with portfolio.transaction():
        number = int(get_rule(portfolio, RULE_SEQUENCE, 0)) + 1
        set_rule(portfolio, RULE_SEQUENCE, number)
    return number


def public_key(portfolio: Portfolio) -> str:
    """The public key head office enrols for this branch."""
    return signing.public_key(signing_key(portfolio))
