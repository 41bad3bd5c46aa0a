"""A customer's free tags (标签), kept as the exchange format keeps them: customers.tags,
separated by ';' (docs/exchange-format.md). The 360 pane adds and removes them by hand; target
lists select by them (analytics/target_lists.py), so a tag is one trimmed word or phrase with
no ';', compared as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from relmgr.domain.codes import AuditAction
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.storage import tag_store
from relmgr.storage.portfolio import Portfolio

MAX_TAG_CHARS = 30
MAX_TAGS = 20
SEPARATOR = ";"


def split_tags(column: str | None) -> list[str]:
    """The tags of a customers.tags value, in their order, blanks and repeats dropped."""
    seen: list[str] = []
    for part in (column or "").split(SEPARATOR):
        tag = part.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def tags_of(portfolio: Portfolio, customer_id: str) -> list[str]:
    column = tag_store.read_tags(portfolio, customer_id)
    if column is None:
        raise KeyError(customer_id)
    return split_tags(column)


def _checked(tag: str) -> str:
    text = str(tag).strip()
    if not text:
        raise ValueError("a tag cannot be empty")
    if SEPARATOR in text or "；" in text:
        raise ValueError("a tag cannot contain ';' (it separates the tags)")
    if len(text) > MAX_TAG_CHARS:
        raise ValueError(f"a tag is at most {MAX_TAG_CHARS} characters")
    return text


@writes(Topic.CUSTOMERS, Topic.MARKETING, Topic.AUDIT)
def change_tags(portfolio: Portfolio, *, customer_id: str, add: Iterable[str] = (),
                remove: Iterable[str] = ()) -> list[str]:
    """Add and remove tags of one customer in one transaction with its audit row; returns the
    tags now held. ValueError (nothing written) for an unknown customer, an empty, over-long or
    ';'-containing tag, or more than MAX_TAGS tags. Adding a tag held, or removing one not held,
    changes nothing and writes no audit row."""
    added = [_checked(t) for t in add]
    removed = [str(t).strip() for t in remove]
    with portfolio.transaction():
        column = tag_store.read_tags(portfolio, customer_id)
        if column is None:
            raise ValueError(f"no customer {customer_id!r} in this portfolio")
        before = split_tags(column)
        after = [t for t in before if t not in removed]
        after += [t for t in dict.fromkeys(added) if t not in after]
        if after == before:
            return before
        if len(after) > MAX_TAGS:
            raise ValueError(f"a customer has at most {MAX_TAGS} tags")
        tag_store.write_tags(portfolio, customer_id, SEPARATOR.join(after))
        # Counts only: a tag is the RM's free text about a person, which the audit log keeps out.
        audit.record(portfolio, action=AuditAction.TAGS_CHANGED, target=customer_id,
                     detail={"added": len([t for t in after if t not in before]),
                             "removed": len([t for t in before if t not in after])})
    return after
